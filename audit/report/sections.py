"""The report's sections, each built from the AuditResult as a list of blocks.

Every section has an id (the anchor, and what the browser tests look for), a title and its
blocks. Nothing is measured here: the numbers come from the result, formatted for people.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from audit.compare import JOURNEY, Comparison
from audit.engine.business_hours import twin_name
from audit.engine.customers import CHAIN_CASES, CHAIN_DAYS
from audit.engine.levels import PROMISE_SHARES, percentile_name
from audit.findings.business_hours import (
    STAGE_TIMES,
    calendar_sentence,
    format_working_hours,
    lead_time_sentence,
    stage_times,
)
from audit.findings.conformance import conformance_line, stage_evidence
from audit.findings.experience import experience_sentences
from audit.findings.groups import MEDIAN_TEST
from audit.findings.humanize import format_count, format_hours, format_number, format_share
from audit.findings.repeat_contacts import MIN_GROUP_CASES, telling_causes
from audit.findings.trend import MIN_TRUSTED_CASES
from audit.privacy import PrivacyReport
from audit.process.blueprint import blueprint_svg, blueprint_table
from audit.process.handoffs import handoff_graph, handoff_svg
from audit.process.journey_map import filter_map, map_from_measures
from audit.process.map_svg import map_svg
from audit.report import charts
from audit.report.blocks import (
    Block,
    Column,
    badge,
    bullet_list,
    figure,
    friction_colour,
    heading,
    paragraph,
    table,
)
from audit.report.citations import citation
from audit.report.stories import build_customer_story, build_stories
from audit.report.texts import has_text, plural, text

MAP_ACTIVITY_SHARE = 0.95
MAP_PATH_SHARE = 0.85
"""How much of the behaviour the printed process map keeps (it says what it hides)."""

MAX_TABLE_ROWS = 15
"""Longest table printed in a section; the CSV outputs have every row."""


@dataclass
class Section:
    id: str
    title: str
    blocks: list[Block] = field(default_factory=list)


def _share(part: float, whole: float, language: str) -> str:
    return format_share(part / whole, language) if whole else "–"


def key_figures(result, language: str) -> list[dict[str, str]]:
    """The handful of numbers on the cover: cases, lead time, handoffs, ping-pong, rework,
    promises kept, drop-offs."""
    totals, cases = result.measures.totals, result.measures.log["cases"]
    promises = totals.get("promises_kept_share")
    figures = [
        (format_count(cases, language), "kf.cases"),
        (format_hours(totals.get("lead_time_hours_median"), language), "kf.lead_time"),
        (format_number(totals.get("handoffs_per_case") or 0, language), "kf.handoffs"),
        (_share(totals["pingpong_cases"], cases, language), "kf.pingpong"),
        (_share(totals["rework_cases"], cases, language), "kf.rework"),
        (format_share(promises, language) if promises is not None else "–", "kf.promises"),
        (_share(totals["dropoffs"], cases, language), "kf.dropoffs"),
    ]
    return [{"value": value, "label": text(key, language)} for value, key in figures]


def friction_map(result, language: str) -> Section:
    """The journey left to right, stages coloured by friction, outside-in next to
    inside-out, and what each stage's friction is made of."""
    stages = result.stage_table()
    stages = stages[stages["friction"].notna()].sort_values("order")
    cards = []
    for _, row in stages.iterrows():
        colour, ink = friction_colour(float(row["friction"]))
        time_in_stage = format_hours(row["time_in_stage_hours_median"], language)
        outside = [
            f"{text('oi.time', language)}: {time_in_stage}",
            f"{text('oi.wait', language)} {format_hours(row['wait_hours_p90'], language)}",
        ]
        if pd.notna(row["promise_hours"]) and pd.notna(row["promise_kept_share"]):
            promise = format_hours(row["promise_hours"], language)
            kept = format_share(row["promise_kept_share"], language)
            outside.append(f"{text('oi.promise', language, promise=promise)}: {kept}")
        inside = []
        if pd.notna(row["work_hours_median"]):
            work = format_hours(row["work_hours_median"], language)
            inside.append(f"{text('io.work', language)}: {work}")
        inside += [
            f"{format_number(row['steps_median'], language)} {text('io.steps', language)}",
            f"{format_number(row['units_median'], language)} {text('io.units', language)}",
        ]
        weakest = row["stage"] == result.weakest_stage
        cards.append(
            {
                "name": row["stage"],
                "score": format_number(row["friction"], language, 0),
                "score_label": text("friction", language),
                "cases": plural(
                    "cases_in_stage",
                    round(row["cases"]),
                    language,
                    cases=format_count(row["cases"], language),
                ),
                "colour": colour,
                "ink": ink,
                "weakest": text("sec.weakest", language) if weakest else "",
                "outside_label": text("outside_in", language),
                "outside": outside,
                "inside_label": text("inside_out", language),
                "inside": inside,
            }
        )
    return Section(
        "friction-map",
        text("sec.friction_map", language),
        [
            paragraph(text("friction_map.intro", language)),
            {"kind": "journey", "stages": cards},
            figure(
                "components", charts.components_chart(result.friction, result.weights, language)
            ),
            figure("outside-inside", charts.outside_inside_chart(stages, language)),
        ],
    )


def business_hours(result, language: str) -> Section | None:
    """Each stage's waits and time in stage in calendar time (the customer's, first) and in
    working hours, with the calendar and the lead time both ways; None without a calendar."""
    times = stage_times(result)
    if times is None:
        return None
    # one cell per measure, "calendar / working hours", so the pair reads together; the
    # headings may wrap (a number column's would not), so the stage names keep their room
    columns = [Column(text("col.stage", language))] + [
        Column(text("col.hours.pair", language, measure=text(f"col.hours.{name}", language)))
        for name in STAGE_TIMES
    ]
    rows = [
        [row["stage"]]
        + [
            f"{format_hours(row[name], language)} / "
            f"{format_working_hours(row[twin_name(name)], language)}"
            for name in STAGE_TIMES
        ]
        for _, row in times.head(MAX_TABLE_ROWS).iterrows()
    ]
    return Section(
        "business-hours",
        text("sec.business_hours", language),
        [
            paragraph(text("hours.intro", language)),
            paragraph(calendar_sentence(result.journey.calendar, language), "note"),
            paragraph(lead_time_sentence(result, language), "lead"),
            table(columns, rows),
        ],
    )


def weakest_stage(result, language: str) -> Section:
    """The weakest encounter: its score and the evidence behind it."""
    blocks: list[Block] = []
    stage = result.weakest_stage
    if stage is None:
        blocks.append(paragraph(text("weakest.none", language), "lead"))
    else:
        score = result.friction.set_index("stage").loc[stage, "friction"]
        lead = text("weakest.lead", language, stage=stage, score=format_number(score, language, 0))
        blocks.append(paragraph(lead, "lead"))
        hotspots = result.hotspots
        evidence = hotspots[(hotspots["level"] == "stage") & (hotspots["name"] == stage)]
        blocks += [paragraph(e, "note") for e in evidence[f"evidence_{language}"]]
        inside = hotspots[(hotspots["level"] != "stage") & (hotspots["stage"] == stage)]
        blocks += [paragraph(e) for e in inside[f"evidence_{language}"].head(3)]
    return Section("weakest-stage", text("sec.weakest", language), blocks)


def hotspots(result, language: str) -> Section:
    """The worst stages, activities, units and handoffs with their evidence."""
    columns = [
        Column(text("col.rank", language), num=True),
        Column(text("col.level", language), short=True),
        Column(text("col.where", language)),
        Column(text("col.score", language), num=True),
        Column(text("col.evidence", language)),
    ]
    rows = [
        [
            int(row["rank"]),
            text(f"level.{row['level']}", language),
            row["name"],
            format_number(row["score"], language, 0),
            row[f"evidence_{language}"],
        ]
        for _, row in result.hotspots.iterrows()
    ]
    return Section(
        "hotspots",
        text("sec.hotspots", language),
        [paragraph(text("hotspots.intro", language)), table(columns, rows)],
    )


def worth(result, language: str) -> Section | None:
    """What a fix is worth (the stage and handoff hotspots together, most customer-days a
    month first) and how long each stage takes for 50, 80 and 90 % of its customers (the promise
    calibrator); None when there is neither."""
    hotspots = result.hotspots
    fixes = hotspots[[isinstance(what_if, dict) for what_if in hotspots["what_if"]]]
    days = [what_if["customer_days_saved_per_month"] for what_if in fixes["what_if"]]
    fixes = fixes.iloc[sorted(range(len(fixes)), key=lambda i: -days[i])]
    blocks: list[Block] = []
    if not fixes.empty:
        typical = format_hours(fixes.iloc[0]["what_if"]["typical_wait_hours"], language)
        blocks.append(paragraph(text("worth.intro", language, typical=typical)))
        columns = [
            Column(text("col.where", language)),
            Column(text("col.worth_after", language), num=True),
            Column(text("col.cases", language), num=True),
            Column(text("col.worth_days", language), num=True),
        ]
        rows = [
            [
                row["name"],
                format_hours(row["what_if"]["lead_time_hours_median_after"], language),
                format_count(row["what_if"]["cases_affected"], language),
                format_count(row["what_if"]["customer_days_saved_per_month"], language),
            ]
            for _, row in fixes.head(MAX_TABLE_ROWS).iterrows()
        ]
        blocks += [table(columns, rows), paragraph(fixes.iloc[0][f"what_if_{language}"], "lead")]
    stages = result.measures.stages
    stages = stages[stages["stage"].isin(result.journey.stages["stage"])]
    shares = [percentile_name(share) for share in PROMISE_SHARES]
    if stages[shares].notna().any().any():
        blocks += [
            heading(text("worth.promises", language)),
            paragraph(text("worth.promises_intro", language)),
        ]
        columns = [
            Column(text("col.stage", language)),
            Column(text("col.promise", language), num=True),
        ]
        columns += [Column(text(f"col.within.{name}", language), num=True) for name in shares]
        rows = [
            [row["stage"], format_hours(row["promise_hours"], language)]
            + [format_hours(row[name], language) for name in shares]
            for _, row in stages.head(MAX_TABLE_ROWS).iterrows()
        ]
        blocks.append(table(columns, rows))
    if not blocks:
        return None
    return Section("worth", text("sec.worth", language), blocks)


def process(result, language: str) -> Section:
    """The mined process drawn over the journey stages, thinned to what a page can show, and
    the service blueprint (who does what in each stage, touchpoints above the line)."""
    m = result.measures
    filtered = filter_map(map_from_measures(m), MAP_ACTIVITY_SHARE, MAP_PATH_SHARE)
    lanes = blueprint_table(result.connection, m.activities, m.stages, m.log.get("handoff_basis"))
    return Section(
        "process",
        text("sec.process", language),
        [
            paragraph(text("process.intro", language)),
            figure(
                "process-map",
                map_svg(filtered.graph, "frequency", language),
                filtered.summary.describe(language),
            ),
            heading(text("blueprint", language)),
            figure("blueprint", blueprint_svg(lanes, m.stages, language)),
        ],
    )


def handoffs(result, language: str) -> Section:
    """Handoffs between units, their waits, and the ping-pong pairs."""
    m = result.measures
    basis = m.log.get("handoff_basis") or "none"
    intro = text(
        "handoffs.intro",
        language,
        handoffs=format_count(m.totals["handoffs"], language),
        cases=format_count(m.log["cases"], language),
        per_case=format_number(m.totals.get("handoffs_per_case") or 0, language),
        basis=text(f"basis.{basis}", language),
        pingpong=format_count(m.totals["pingpong_cases"], language),
    )
    blocks: list[Block] = [paragraph(intro)]
    pairs = m.handoff_pairs
    if pairs.empty:
        blocks.append(paragraph(text("no_handoffs", language)))
        return Section("handoffs", text("sec.handoffs", language), blocks)
    network = handoff_graph(pairs, m.pingpong_pairs)
    blocks.append(figure("handoff-network", handoff_svg(network, language)))
    top = pairs.sort_values("count", ascending=False).head(MAX_TABLE_ROWS)
    blocks.append(
        table(
            [
                Column(text("col.from", language)),
                Column(text("col.to", language)),
                Column(text("col.count", language), num=True),
                Column(text("col.cases", language), num=True),
                Column(text("col.median_wait", language), num=True),
            ],
            [
                [
                    r["from_unit"],
                    r["to_unit"],
                    format_count(r["count"], language),
                    format_count(r["cases"], language),
                    format_hours(r["wait_hours_median"], language),
                ]
                for _, r in top.iterrows()
            ],
        )
    )
    pingpong = m.pingpong_pairs.sort_values("count", ascending=False).head(MAX_TABLE_ROWS)
    if not pingpong.empty:
        blocks.append(heading(text("pingpong_pairs", language)))
        blocks.append(
            table(
                [
                    Column(text("col.unit", language)),
                    Column(text("col.via", language)),
                    Column(text("col.count", language), num=True),
                    Column(text("col.cases", language), num=True),
                ],
                [
                    [
                        r["unit"],
                        r["via_unit"],
                        format_count(r["count"], language),
                        format_count(r["cases"], language),
                    ]
                    for _, r in pingpong.iterrows()
                ],
            )
        )
    return Section("handoffs", text("sec.handoffs", language), blocks)


def labyrinth(result, language: str) -> Section:
    """Rework by activity (repeat vs redo) and back-jumps from stage to stage."""
    totals = result.measures.totals
    values = {
        key: format_count(totals[key], language)
        for key in ("rework_cases", "self_loops", "repetitions", "back_jump_cases", "back_jumps")
    }
    blocks: list[Block] = [paragraph(text("labyrinth.intro", language, **values))]
    activities = result.measures.activities
    if (activities["self_loops"] + activities["repetitions"]).sum() > 0:
        blocks.append(figure("rework", charts.rework_chart(activities, language)))
    else:
        blocks.append(paragraph(text("no_rework", language)))
    blocks.append(heading(text("back_jumps", language)))
    jumps = result.measures.back_jumps.sort_values("count", ascending=False)
    if jumps.empty:
        blocks.append(paragraph(text("no_back_jumps", language)))
    else:
        blocks.append(
            table(
                [
                    Column(text("col.from_stage", language)),
                    Column(text("col.to_stage", language)),
                    Column(text("col.count", language), num=True),
                    Column(text("col.cases", language), num=True),
                ],
                [
                    [
                        r["from_stage"],
                        r["to_stage"],
                        format_count(r["count"], language),
                        format_count(r["cases"], language),
                    ]
                    for _, r in jumps.head(MAX_TABLE_ROWS).iterrows()
                ],
            )
        )
    return Section("labyrinth", text("sec.labyrinth", language), blocks)


def stories(result, language: str, count: int) -> Section:
    """Two or three of the worst cases, each with a timeline and its story."""
    blocks: list[Block] = [paragraph(text("stories.intro", language))]
    told = build_stories(result, language, count)
    if not told:
        blocks.append(paragraph(text("no_stories", language)))
    for story in told:
        title = f"{story.reason}: {text('story.title', language, case=story.case_id)}"
        blocks.append(heading(title))
        blocks.append(paragraph(" ".join(story.sentences)))
        blocks.append(figure("story-timeline", story.timeline_svg))
    return Section("stories", text("sec.stories", language), blocks)


def repeat_contacts(result, language: str) -> Section | None:
    """Customers who come back: the totals, why they come back, where the earlier case
    ended, and one customer followed across their cases; None when no case has a customer."""
    customers = result.measures.customers
    if customers is None:
        return None
    totals = customers.totals
    days = format_number(totals["repeat_within_days"], language, 0)
    intro = text(
        "repeat.intro",
        language,
        days=days,
        customers=format_count(totals["customers"], language),
        cases=format_count(totals["cases_with_customer"], language),
        repeats=format_count(totals["repeat_contacts"], language),
        share=format_share(totals["repeat_contact_share"], language),
        repeat_customers=format_count(totals["repeat_contact_customers"], language),
        chains=format_count(totals["labyrinth_customers"], language),
        chain_cases=CHAIN_CASES,
        chain_days=CHAIN_DAYS,
    )
    blocks: list[Block] = [paragraph(intro, "lead")]
    if totals["cases_without_customer"]:
        count = int(totals["cases_without_customer"])
        note = plural("repeat.no_customer", count, language, cases=format_count(count, language))
        blocks.append(paragraph(note, "note"))
    blocks.append(heading(text("repeat.why", language)))
    blocks += _repeat_causes(result.repeat_causes, days, language)
    if not customers.stages.empty:
        blocks.append(heading(text("repeat.by_stage", language)))
        blocks.append(_repeat_stages(customers.stages, language))
    story = build_customer_story(result, language)
    if story is not None:
        blocks.append(heading(text("repeat.story", language, customer=story.customer)))
        blocks.append(paragraph(" ".join(story.sentences)))
        caption = text("repeat.timeline", language, days=days)
        if story.cases > charts.TIMELINE_CASES:
            shown = text(
                "repeat.timeline.first", language, shown=charts.TIMELINE_CASES, total=story.cases
            )
            caption = f"{caption} {shown}"
        blocks.append(figure("customer-timeline", story.timeline_svg, caption))
    return Section("repeat-contacts", text("sec.repeat_contacts", language), blocks)


def _repeat_causes(causes: pd.DataFrame, days: str, language: str) -> list[Block]:
    """The causes that bring most customers back, each in its sentence; says so plainly when
    none is beyond chance, or when there were too few cases to weigh any."""
    if causes.empty:
        return [paragraph(text("repeat.no_causes", language, cases=MIN_GROUP_CASES))]
    blocks: list[Block] = [paragraph(text("repeat.why.intro", language, days=days))]
    told = telling_causes(causes)
    if not told["significant"].any():
        blocks.append(paragraph(text("repeat.no_cause", language), "lead"))
    for row in told.itertuples(index=False):
        sentence = getattr(row, f"evidence_{language}")
        if row.significant:
            blocks.append(paragraph(f"{sentence}.", "lead"))
        else:
            blocks.append(paragraph(f"{sentence} {text('repeat.chance', language)}."))
    return blocks


def _repeat_stages(stages: pd.DataFrame, language: str) -> Block:
    """The repeat contacts by the stage where the earlier case ended, with their share."""
    total = float(stages["repeat_contacts"].sum())
    return table(
        [
            Column(text("col.stage", language)),
            Column(text("col.repeat_contacts", language), num=True),
            Column(text("col.share_of_repeats", language), num=True),
        ],
        [
            [
                r["stage"],
                format_count(r["repeat_contacts"], language),
                _share(r["repeat_contacts"], total, language),
            ]
            for _, r in stages.head(MAX_TABLE_ROWS).iterrows()
        ],
    )


def conformance(result, language: str) -> Section | None:
    """How many cases went the designed way, and where the others deviated, by stage."""
    measures = result.measures.conformance
    summary = None if measures is None else conformance_line(measures, language)
    if summary is None:
        return None
    totals = measures.totals
    intro = text(
        "conformance.intro",
        language,
        summary=summary,
        skipped=format_count(totals["cases_skipped"], language),
        out_of_order=format_count(totals["cases_out_of_order"], language),
        missing=format_count(totals["cases_touchpoint_missing"], language),
    )
    skips = ", ".join(totals["allowed_skips"]) or text("conformance.none", language)
    design = text(
        "conformance.design",
        language,
        required=format_count(totals["required_touchpoints"], language),
        skips=skips,
    )
    kinds = ("skipped", "out_of_order", "touchpoint_missing")
    stages = table(
        [Column(text("col.stage", language)), Column(text("col.reached", language), num=True)]
        + [Column(text(f"col.{kind}", language), num=True) for kind in kinds],
        [
            [r["stage"], format_count(r["cases"], language)]
            + [format_count(r[kind], language) for kind in kinds]
            for r in measures.stages.to_dict(orient="records")
        ],
    )
    evidence = [sentence for sentence in stage_evidence(measures, language) if sentence]
    blocks: list[Block] = [paragraph(intro, "lead"), paragraph(design), stages]
    if evidence:
        blocks.append(bullet_list(evidence))
    blocks.append(paragraph(text("conformance.rule", language), "note"))
    return Section("conformance", text("sec.conformance", language), blocks)


def _test_line(row: dict, language: str, who: str = "") -> str:
    """One tested difference in words: where, what, the two values, the test and q."""
    share = row["test"] != MEDIAN_TEST
    value, rest = (
        (format_share(row[c], language) for c in ("value", "rest_value"))
        if share
        else (format_hours(row[c], language) for c in ("value", "rest_value"))
    )
    return text(
        "trend.test_line",
        language,
        who=who,
        stage=row["stage"],
        measure=text(f"trend.measure.{row['measure']}", language),
        value=value,
        rest=rest,
        test=row["test"],
        q=f"< {format_number(0.001, language, digits=3)}"
        if row["q_value"] < 0.001
        else f"= {format_number(row['q_value'], language, digits=3)}",
    )


def trend(result, language: str) -> Section | None:
    """Friction per stage period by period, what changed beyond chance between the window's
    first and last quarter, and the segments' differences beyond chance (when asked)."""
    if result.trend is None and result.segments is None:
        return None
    blocks: list[Block] = []
    if result.trend is not None:
        rows = result.trend.rows
        stages = list(dict.fromkeys(rows["stage"]))
        periods = list(dict.fromkeys(rows["period"]))
        by_cell = rows.set_index(["period", "stage"])
        blocks.append(paragraph(text("trend.intro", language, cases=MIN_TRUSTED_CASES), "lead"))
        blocks.append(figure("trend", charts.trend_chart(rows, language)))
        blocks.append(
            table(
                [Column(text("trend.period", language))]
                + [Column(stage, num=True) for stage in stages],
                [
                    [period.strftime("%Y-%m-%d")]
                    + [_friction_cell(by_cell.loc[(period, stage)], language) for stage in stages]
                    for period in periods[-2 * MAX_TABLE_ROWS :]
                ],
            )
        )
        found = result.trend.changes[result.trend.changes["significant"]]
        blocks.append(paragraph(text("trend.changes", language)))
        lines = [_test_line(r, language) for r in found.to_dict(orient="records")]
        blocks.append(bullet_list(lines) if lines else paragraph(text("trend.none", language)))
    if result.segments is not None:
        found = result.segments.differences
        found = found[found["significant"]] if not found.empty else found
        blocks.append(heading(text("trend.segments", language, column=result.segments.column)))
        lines = [
            _test_line(r, language, who=f"{r['segment']}, ")
            for r in found.to_dict(orient="records")
        ]
        blocks.append(bullet_list(lines) if lines else paragraph(text("trend.none", language)))
    blocks.append(paragraph(text("trend.rule", language), "note"))
    return Section("trend", text("sec.trend", language), blocks)


def _friction_cell(row: pd.Series, language: str) -> str:
    """A stage's friction in a period; in parentheses when too few cases to trust."""
    score = format_number(row["friction"], language, digits=0)
    return score if row["trusted"] else f"({score})"


def experience(result, language: str) -> Section | None:
    """Survey scores against friction; None when the log has no survey answers."""
    exp = result.experience
    if exp is None:
        return None
    blocks: list[Block] = [paragraph(text("experience.intro", language))]
    blocks += [
        paragraph(s, "lead") for s in experience_sentences(exp, language, result.weakest_stage)
    ]
    kind = "nps" if "nps" in exp.survey else next(iter(exp.survey))
    value = "nps" if kind == "nps" else f"{kind}_mean"
    label = "NPS" if kind == "nps" else kind.upper()
    by_handoffs = exp.table[exp.table["comparison"] == "handoffs"]
    groups = pd.DataFrame({"group": by_handoffs["group"], "value": by_handoffs[value]}).dropna()
    if not groups.empty:
        title = text("chart.nps_handoffs", language, score=label)
        blocks.append(figure("experience", charts.experience_chart(groups, title, language)))
    shown = exp.table[exp.table["comparison"] != "stage"]
    rows = []
    for _, r in shown.iterrows():
        rows.append(
            [
                text(f"exp.comparison.{r['comparison']}", language, stage=r["stage"]),
                text(f"exp.group.{r['group']}", language)
                if f"exp.group.{r['group']}" in _GROUP_KEYS
                else r["group"],
                format_count(r["cases"], language),
                format_count(r[f"{kind}_answers"], language),
                format_number(r[value], language, 0 if kind == "nps" else 1)
                if pd.notna(r[value])
                else "–",
            ]
        )
    blocks.append(
        table(
            [
                Column(text("col.group", language)),
                Column(""),
                Column(text("col.cases", language), num=True),
                Column(text("col.answers", language), num=True),
                Column(label if kind == "nps" else text("col.mean", language), num=True),
            ],
            rows,
        )
    )
    return Section("experience", text("sec.experience", language), blocks)


_GROUP_KEYS = {
    f"exp.group.{g}" for g in ("all", "with", "without", "kept", "broken", "weakest", "rest")
}


def comparison(comp: Comparison, language: str) -> Section:
    """Before and after: significant changes, friction per stage, hotspots."""
    tests = len(comp.measures)
    intro = text(
        "comparison.intro",
        language,
        before=comp.before_label,
        after=comp.after_label,
        before_cases=format_count(comp.before_cases, language),
        after_cases=format_count(comp.after_cases, language),
        tests=tests,
        alpha=format_share(comp.alpha, language),
    )
    blocks: list[Block] = [paragraph(intro)]
    blocks.append(
        figure(
            "comparison",
            charts.friction_change_chart(
                comp.friction, text("col.before", language), text("col.after", language), language
            ),
        )
    )
    blocks.append(heading(text("comparison.significant", language)))
    significant = comp.significant()
    if significant.empty:
        blocks.append(paragraph(text("comparison.none", language)))
    else:
        blocks.append(_measure_table(significant, language))
    hotspots = comp.hotspots[comp.hotspots["status"] != "unchanged"].head(MAX_TABLE_ROWS)
    if not hotspots.empty:
        blocks.append(heading(text("comparison.hotspots", language)))
        blocks.append(
            table(
                [
                    Column(text("col.level", language)),
                    Column(text("col.where", language)),
                    Column(text("col.status", language), badge=True),
                    Column(text("col.before", language), num=True),
                    Column(text("col.after", language), num=True),
                ],
                [
                    [
                        text(f"level.{r['level']}", language),
                        r["name"],
                        badge(text(f"status.{r['status']}", language), r["status"]),
                        _score(r["before_score"], language),
                        _score(r["after_score"], language),
                    ]
                    for _, r in hotspots.iterrows()
                ],
            )
        )
    return Section("comparison", text("sec.comparison", language), blocks)


def _score(value: float, language: str) -> str:
    return "–" if pd.isna(value) else format_number(value, language, 0)


def _measure_value(value: float, kind: str, language: str) -> str:
    if pd.isna(value):
        return "–"
    if kind == "share":
        return format_share(value, language)
    if kind == "hours":
        return format_hours(value, language)
    return format_number(value, language)


def _measure_table(measures: pd.DataFrame, language: str) -> Block:
    return table(
        [
            Column(text("col.scope", language)),
            Column(text("col.measure", language)),
            Column(text("col.before", language), num=True),
            Column(text("col.after", language), num=True),
            Column(text("col.q", language), num=True),
            Column(text("col.verdict", language), badge=True),
        ],
        [
            [
                text("whole_journey", language) if r["scope"] == JOURNEY else r["scope"],
                text(f"measure.{r['measure']}", language),
                _measure_value(r["before"], r["kind"], language),
                _measure_value(r["after"], r["kind"], language),
                f"{r['q_value']:.2g}",
                badge(text(f"verdict.{r['verdict']}", language), r["verdict"]),
            ]
            for _, r in measures.iterrows()
        ],
    )


def data_quality(result, language: str, privacy: PrivacyReport | None) -> Section:
    """The data-quality account of the input, the unmapped activities and what privacy
    protection did."""
    quality = result.quality
    intro = text(
        "quality.intro",
        language,
        rows_read=format_count(quality.get("rows_read") or 0, language),
        events=format_count(result.measures.log["events"], language),
        cases=format_count(result.measures.log["cases"], language),
    )
    blocks: list[Block] = [paragraph(intro)]
    rows = [[label, value] for label, value in _flatten(quality, language)]
    blocks.append(
        table(
            [Column(text("quality.item", language)), Column(text("quality.value", language))], rows
        )
    )
    unmapped = list(result.journey.unmapped)
    if unmapped:
        names = ", ".join(unmapped[:20]) + (", …" if len(unmapped) > 20 else "")
        blocks.append(
            paragraph(text("quality.unmapped", language, count=len(unmapped), names=names))
        )
    if privacy is not None:
        none = text("none", language)
        blocks.append(
            paragraph(
                text(
                    "quality.privacy",
                    language,
                    columns=", ".join(privacy.pseudonymised) or none,
                    dropped=", ".join(f"{k} ({v})" for k, v in privacy.dropped.items()) or none,
                )
            )
        )
    return Section("data-quality", text("sec.quality", language), blocks)


def _flatten(value: object, language: str, prefix: str = "") -> list[tuple[str, str]]:
    """The data-quality account as (item, value) rows: nested accounts become items such as
    "not used: missing timestamp: count", lists are joined, known keys are translated."""
    if isinstance(value, dict):
        rows: list[tuple[str, str]] = []
        for key, inner in value.items():
            label = text(f"q.{key}", language) if has_text(f"q.{key}") else str(key)
            rows += _flatten(inner, language, f"{prefix}: {label}" if prefix else label)
        return rows
    if isinstance(value, list | tuple):
        return [(prefix, ", ".join(str(v) for v in value[:10]) or "–")]
    if isinstance(value, bool):
        return [(prefix, text("yes" if value else "no", language))]
    if value is None:
        return [(prefix, "–")]
    if isinstance(value, int | float):
        whole = float(value).is_integer()
        number = format_count(value, language) if whole else format_number(value, language, 2)
        return [(prefix, number)]
    return [(prefix, str(value))]


def method(result, language: str) -> Section:
    """The definitions used, the source of the log and how to reproduce the numbers."""
    cutoff = result.measures.log.get("ongoing_cutoff") or "–"
    definitions = [
        text(f"def.{key}", language, cutoff=cutoff)
        for key in (
            "wait",
            "handoff",
            "pingpong",
            "rework",
            "back_jump",
            "promise",
            "effort",
            "dropoff",
            "friction",
        )
    ]
    if result.measures.customers is not None:
        days = result.measures.customers.totals["repeat_within_days"]
        definitions.append(
            text("def.repeat_contact", language, days=format_number(days, language, 0))
        )
    blocks: list[Block] = [paragraph(text("method.intro", language)), bullet_list(definitions)]
    if result.journey.drafted:
        blocks.append(paragraph(text("drafted", language), "note"))
    cited = citation(result.source)
    if cited:
        blocks.append(paragraph(text("method.source", language, citation=cited)))
    blocks.append(paragraph(text("method.tool", language), "muted"))
    return Section("method", text("sec.method", language), blocks)
