"""Customer's-eye stories: the worst cases told step by step, as the customer lived them.

Three cases are chosen so that each tells something different: the most labyrinthine case
(most handoffs, ping-pongs, rework, back-jumps and repeated contacts), the case that waited
longest in total, and the worst case of a customer who gave up. Each gets a timeline and a
few plain sentences built from its steps (audit.engine.case_steps).

One customer is also followed across their cases (audit.engine.customers.customer_journey):
the customer who came back most, with sentences such as "5.1 days after case C-1 ended
badly (Claim rejected), the customer came back with case C-2" and a timeline of the cases.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from audit.engine import case_steps
from audit.engine.customers import customer_journey, repeat_contact_customers
from audit.findings.humanize import format_count, format_hours, format_number
from audit.report.charts import customer_timeline_chart, timeline_chart
from audit.report.texts import plural, text

LABYRINTH_WEIGHTS: dict[str, int] = {
    "handoffs": 1,
    "pingpongs": 2,
    "rework": 1,
    "back_jumps": 2,
    "repeated_touchpoints": 1,
}
"""How much each kind of friction a case met counts when ranking the most labyrinthine."""


@dataclass
class Story:
    """One case's story: why it was chosen, its sentences and its timeline (SVG)."""

    case_id: str
    reason: str
    sentences: list[str]
    timeline_svg: str


def labyrinth_score(cases: pd.DataFrame) -> pd.Series:
    """Per case, the weighted count of the friction it met (LABYRINTH_WEIGHTS)."""
    return sum(
        weight * pd.to_numeric(cases[column], errors="coerce").fillna(0)
        for column, weight in LABYRINTH_WEIGHTS.items()
    )


def choose_cases(cases: pd.DataFrame, count: int = 3) -> list[tuple[str, str]]:
    """(case_id, reason key) of up to ``count`` different worst cases: the most
    labyrinthine, the longest total wait, the worst drop-off; further ones by labyrinth."""
    ranked = cases.assign(_score=labyrinth_score(cases)).sort_values(
        ["_score", "lead_time_hours", "case_id"], ascending=[False, False, True]
    )
    by_wait = cases.sort_values(["wait_hours_total", "case_id"], ascending=[False, True])
    dropoffs = ranked[ranked["status"] == "dropoff"]
    candidates = [
        ("labyrinth", ranked["case_id"]),
        ("wait", by_wait["case_id"]),
        ("dropoff", dropoffs["case_id"]),
    ]
    chosen: list[tuple[str, str]] = []
    for reason, ids in candidates:
        pick = next((c for c in ids if c not in {c for c, _ in chosen}), None)
        if pick is not None and len(chosen) < count:
            chosen.append((str(pick), reason))
    for case_id in ranked["case_id"]:
        if len(chosen) >= count:
            break
        if str(case_id) not in {c for c, _ in chosen}:
            chosen.append((str(case_id), "labyrinth"))
    return chosen


def build_stories(result, language: str, count: int = 3) -> list[Story]:
    """The stories of the worst cases of an AuditResult (none when no case met friction or
    the result has no DuckDB connection to read steps from)."""
    cases = result.measures.cases
    if result.connection is None or cases.empty or count <= 0:
        return []
    if (labyrinth_score(cases).max() or 0) <= 0 and cases["wait_hours_total"].max() <= 0:
        return []
    chosen = choose_cases(cases, count)
    steps = case_steps(result.connection, [case_id for case_id, _ in chosen])
    stage_order = list(result.journey.stages.sort_values("stage_order")["stage"])
    by_id = cases.set_index(cases["case_id"].astype(str))
    stories = []
    for case_id, reason in chosen:
        case_rows = steps[steps["case_id"].astype(str) == case_id].reset_index(drop=True)
        stories.append(
            Story(
                case_id=case_id,
                reason=text(f"story.reason.{reason}", language),
                sentences=story_sentences(by_id.loc[case_id], case_rows, language),
                timeline_svg=timeline_chart(case_rows, stage_order, language),
            )
        )
    return stories


def _counted(key: str, language: str, count: float, **values: object) -> str:
    """The sentence ``key`` in the form for the count ("once", "3 times")."""
    return plural(key, round(count), language, count=format_count(float(count), language), **values)


def story_sentences(case: pd.Series, steps: pd.DataFrame, language: str) -> list[str]:
    """Plain sentences about one case, from its row in the cases table and its steps."""
    sentences = [
        text(
            "story.lead",
            language,
            lead_time=format_hours(case["lead_time_hours"], language),
            events=format_count(float(case["events"]), language),
        )
    ]
    if case["handoffs"] > 0:
        units = list(dict.fromkeys(steps["unit"].dropna().astype(str)))
        shown = ", ".join(units[:5]) + (", …" if len(units) > 5 else "")
        sentences.append(_counted("story.handoffs", language, case["handoffs"], units=shown))
    if case["pingpongs"] > 0:
        sentences.append(_counted("story.pingpong", language, case["pingpongs"]))
    if case["rework"] > 0:
        redone = steps.loc[steps["is_self_loop"] | steps["is_repetition"], "activity"]
        names = ", ".join(list(dict.fromkeys(redone.astype(str)))[:3])
        sentences.append(_counted("story.rework", language, case["rework"], activities=names))
    if case["back_jumps"] > 0:
        sentences.append(_counted("story.back_jumps", language, case["back_jumps"]))
    if case["touchpoints"] > 1 and pd.notna(case["silence_hours"]):
        sentences.append(
            text(
                "story.touchpoints",
                language,
                count=format_count(float(case["touchpoints"]), language),
                silence=format_hours(case["silence_hours"], language),
            )
        )
    waits = steps["wait_hours"].dropna()
    if not waits.empty and waits.max() > 0:
        longest = steps.loc[waits.idxmax()]
        sentences.append(
            text(
                "story.wait",
                language,
                wait=format_hours(longest["wait_hours"], language),
                activity=longest["activity"],
            )
        )
    outcome = steps.loc[steps["outcome"].notna(), "activity"]
    sentences.append(
        text(
            f"story.status.{case['status']}",
            language,
            activity=outcome.iloc[-1] if not outcome.empty else "",
            stage=case["last_stage"] if pd.notna(case["last_stage"]) else "",
        )
    )
    return sentences


FRICTION_PARTS: tuple[str, ...] = ("pingpongs", "rework", "promises_broken")
"""What a case met on its way that the cross-case story names, in this order."""
STORY_CASES = 6
"""Later cases of one customer told one by one; the rest are counted in one sentence (a
ticket system's customer may have hundreds)."""


@dataclass
class CustomerStory:
    """One customer's story across their cases: how many cases, the sentences and the
    timeline (SVG)."""

    customer: str
    cases: int
    sentences: list[str]
    timeline_svg: str


def choose_customer(result) -> str | None:
    """The customer whose cross-case story the report tells: the one who came back most
    (audit.engine.customers.repeat_contact_customers), else the longest labyrinth chain;
    None without customers or when nobody had a second case."""
    customers = result.measures.customers
    if customers is None or result.connection is None:
        return None
    ranked = repeat_contact_customers(result.connection, limit=1)
    if not ranked.empty:
        return str(ranked["customer"].iloc[0])
    return None if customers.chains.empty else str(customers.chains["customer"].iloc[0])


def build_customer_story(result, language: str) -> CustomerStory | None:
    """The story of choose_customer's customer across their cases, or None."""
    customer = choose_customer(result)
    if customer is None:
        return None
    journey = customer_journey(result.connection, customer)
    days = float(result.measures.customers.totals["repeat_within_days"])
    return CustomerStory(
        customer=customer,
        cases=len(journey),
        sentences=customer_story_sentences(journey, days, language),
        timeline_svg=customer_timeline_chart(journey, language),
    )


def customer_story_sentences(journey: pd.DataFrame, within_days: float, language: str) -> list[str]:
    """Plain sentences about one customer's cases (audit.engine.customers.customer_journey):
    how many and when, then how the customer came to each of the next STORY_CASES cases
    (came back after the earlier one ended, started it while that one was open, or came
    again beyond the window) and what a case the customer came back from met on its way,
    how many more followed, and how the last one ended."""
    repeats = int(journey["is_repeat_contact"].sum())
    values = {
        "cases": format_count(len(journey), language),
        "first": str(journey["first_event"].min())[:10],
        "last": str(journey["last_event"].max())[:10],
    }
    lead = (
        text("cstory.lead.none", language, **values)
        if repeats == 0
        else _counted("cstory.lead", language, repeats, **values)
    )
    sentences = [lead]
    by_id = journey.set_index(journey["case_id"].astype(str))
    told: set[str] = set()
    for case in journey.iloc[1 : 1 + STORY_CASES].itertuples(index=False):
        earlier = by_id.loc[str(case.earlier_case)]
        values = {
            "case": case.case_id,
            "earlier": case.earlier_case,
            "gap": format_hours(max(case.gap_hours, 0.0), language),
            "ended": _ended(earlier, language),
            "days": format_number(within_days, language, 0),
        }
        if case.gap_hours < 0:
            sentences.append(text("cstory.while_open", language, **values))
        elif case.is_repeat_contact:
            sentences.append(text("cstory.came_back", language, **values))
        else:
            sentences.append(text("cstory.later", language, **values))
        if case.is_repeat_contact and case.earlier_case not in told:
            told.add(case.earlier_case)
            sentences += _friction_met(earlier, language)
    more = journey.iloc[1 + STORY_CASES :]
    if not more.empty:
        sentences.append(
            text(
                "cstory.more",
                language,
                more=format_count(len(more), language),
                repeats=format_count(int(more["is_repeat_contact"].sum()), language),
            )
        )
    last = journey.iloc[-1]
    sentences.append(
        text("cstory.last", language, case=last["case_id"], ended=_ended(last, language))
    )
    return sentences


def _ended(case: pd.Series, language: str) -> str:
    """How a case ended, as a verb phrase: "ended badly (Claim rejected)"."""
    stage = case["last_stage"]
    return text(
        f"cstory.ended.{case['status']}",
        language,
        activity=case["ending_activity"],
        stage=stage if pd.notna(stage) else "–",
    )


def _friction_met(case: pd.Series, language: str) -> list[str]:
    """The sentence naming what a case met on its way (ping-pong, rework, broken promises),
    or none when it met none of them."""
    parts = [
        text(f"cstory.part.{part}", language, count=format_count(float(case[part]), language))
        for part in FRICTION_PARTS
        if case[part] > 0
    ]
    if not parts:
        return []
    return [text("cstory.friction", language, case=case["case_id"], friction=", ".join(parts))]
