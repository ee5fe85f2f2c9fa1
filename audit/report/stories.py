"""Customer's-eye stories: the worst cases told step by step, as the customer lived them.

Three cases are chosen so that each tells something different: the most labyrinthine case
(most handoffs, ping-pongs, rework, back-jumps and repeated contacts), the case that waited
longest in total, and the worst case of a customer who gave up. Each gets a timeline and a
few plain sentences built from its steps (audit.engine.case_steps).
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from audit.engine import case_steps
from audit.findings.humanize import format_count, format_hours
from audit.report.charts import timeline_chart
from audit.report.texts import text

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
    """The sentence ``key`` for a count, its singular form (``key.one``) when it is 1."""
    if count == 1:
        return text(f"{key}.one", language, **values)
    return text(key, language, count=format_count(float(count), language), **values)


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
