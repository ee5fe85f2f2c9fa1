"""Experience: survey answers (NPS, CSAT, CES) of cases set against the friction they met.

The cases table of the measures carries each case's friction (handoffs, ping-pongs,
rework, broken promises) and, as case attributes, its survey answers; the compiled
journey's `survey` mapping names the columns. Cases are grouped in several ways and each
group gets its number of cases, and per survey kind the number of answers and the mean;
for NPS also the Net Promoter Score:

    NPS = 100 * (answers 9-10 - answers 0-6) / answers      (points, -100..100)

The groupings (column `comparison`, with its `group`):

- all:       every case ("all");
- handoffs:  number of handoffs in the case: "0", "1", "2", "3+";
- pingpong:  "without" or "with" at least one ping-pong;
- promise:   "kept" (every promised stage the case spent time in kept its promise) or
             "broken" (at least one did not); cases that met no promise are left out;
- rework:    "without" or "with" at least one self-loop or repetition;
- stage:     per journey stage (column `stage`), "weakest" = the quarter of the stage's cases with
             the longest time in the stage (DuckDB NTILE(4) over time in stage, longest
             first, ties by case id) and "rest" = the other cases that reached the stage.

Answers that are not numbers count as missing; an NPS answer outside 0-10 too.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from audit import scratch
from audit.engine.result import Measures
from audit.findings.humanize import format_number
from audit.findings.texts import counted, text
from audit.journey.compiled import SURVEY_KINDS, CompiledJourney

COMPARISONS: tuple[str, ...] = ("all", "handoffs", "pingpong", "promise", "rework", "stage")
"""The groupings, in the order the experience table lists them."""

_GROUPS_SQL = """
WITH promises AS (
    SELECT case_id, bool_or(NOT promise_kept) AS broken
    FROM case_stages
    WHERE promise_kept IS NOT NULL
    GROUP BY case_id
),
stage_quartiles AS (
    SELECT case_id, stage, "order",
           ntile(4) OVER (
               PARTITION BY stage ORDER BY time_in_stage_hours DESC NULLS LAST, case_id
           ) AS quartile
    FROM case_stages
    WHERE stage IN (SELECT stage FROM journey_stages)
),
memberships AS (
    SELECT case_id, 'all' AS comparison, NULL AS stage, 0 AS stage_order,
           'all' AS "group", 0 AS group_order
    FROM cases
    UNION ALL
    SELECT case_id, 'handoffs', NULL, 0,
           CASE WHEN handoffs >= 3 THEN '3+' ELSE CAST(CAST(handoffs AS BIGINT) AS VARCHAR) END,
           least(CAST(handoffs AS BIGINT), 3)
    FROM cases
    UNION ALL
    SELECT case_id, 'pingpong', NULL, 0,
           CASE WHEN pingpongs > 0 THEN 'with' ELSE 'without' END,
           CASE WHEN pingpongs > 0 THEN 1 ELSE 0 END
    FROM cases
    UNION ALL
    SELECT case_id, 'promise', NULL, 0,
           CASE WHEN broken THEN 'broken' ELSE 'kept' END,
           CASE WHEN broken THEN 1 ELSE 0 END
    FROM promises
    UNION ALL
    SELECT case_id, 'rework', NULL, 0,
           CASE WHEN rework > 0 THEN 'with' ELSE 'without' END,
           CASE WHEN rework > 0 THEN 1 ELSE 0 END
    FROM cases
    UNION ALL
    SELECT case_id, 'stage', stage, "order",
           CASE WHEN quartile = 1 THEN 'weakest' ELSE 'rest' END,
           CASE WHEN quartile = 1 THEN 0 ELSE 1 END
    FROM stage_quartiles
),
answers AS (
    SELECT case_id, {answers}
    FROM cases
)
SELECT m.comparison, m.stage, m."group", count(*) AS cases, {aggregates}
FROM memberships AS m
JOIN answers AS a USING (case_id)
GROUP BY m.comparison, m.stage, m.stage_order, m."group", m.group_order
ORDER BY list_position({comparisons}, m.comparison), m.stage_order, m.group_order
"""


@dataclass
class Experience:
    """Survey scores against friction.

    survey: survey kind -> column of the cases table that holds it.
    table: comparison, stage (None except for comparison "stage"), group, cases, and per
        survey kind <kind>_answers and <kind>_mean, plus nps (points) when NPS is there.
    """

    survey: dict[str, str]
    table: pd.DataFrame

    def row(self, comparison: str, group: str, stage: str | None = None) -> pd.Series | None:
        """One group's row, or None when no case falls in it."""
        table = self.table
        match = table[(table["comparison"] == comparison) & (table["group"] == group)]
        if stage is not None:
            match = match[match["stage"] == stage]
        return None if match.empty else match.iloc[0]


def _quoted(name: str) -> str:
    """A column name as a DuckDB identifier."""
    return '"' + name.replace('"', '""') + '"'


def _answer_sql(kind: str, column: str) -> str:
    """The numeric answer of one survey kind; NPS outside 0..10 counts as missing."""
    value = f"TRY_CAST({_quoted(column)} AS DOUBLE)"
    if kind == "nps":
        return f"CASE WHEN {value} BETWEEN 0 AND 10 THEN {value} END AS nps"
    return f"{value} AS {kind}"


def _aggregate_sql(kind: str) -> str:
    """Answers and mean of one survey kind, and the NPS for kind "nps"."""
    parts = [f"count(a.{kind}) AS {kind}_answers", f"avg(a.{kind}) AS {kind}_mean"]
    if kind == "nps":
        parts.append(
            "100.0 * (count(*) FILTER (WHERE a.nps >= 9) - count(*) FILTER (WHERE a.nps <= 6))"
            " / nullif(count(a.nps), 0) AS nps"
        )
    return ", ".join(parts)


def measure_experience(measures: Measures, journey: CompiledJourney) -> Experience | None:
    """Survey scores by friction, or None when the cases table has none of the journey's
    survey columns."""
    survey = journey.survey
    present = {
        kind: survey[kind]
        for kind in SURVEY_KINDS
        if kind in survey and survey[kind] in measures.cases.columns
    }
    if not present:
        return None
    sql = _GROUPS_SQL.format(
        answers=", ".join(_answer_sql(kind, column) for kind, column in present.items()),
        aggregates=", ".join(_aggregate_sql(kind) for kind in present),
        comparisons="[" + ", ".join(f"'{c}'" for c in COMPARISONS) + "]",
    )
    with scratch.connect() as con:
        con.register("cases", measures.cases)
        con.register("case_stages", measures.case_stages)
        con.register("journey_stages", journey.stages[["stage"]])
        table = con.execute(sql).df()
    return Experience(survey=present, table=table)


def _score_label(experience: Experience, language: str) -> tuple[str, str]:
    """Which score the sentences quote: NPS when there is one, else the first kind's mean."""
    if "nps" in experience.survey:
        return "NPS", "nps"
    kind = next(iter(experience.survey))
    return text(f"experience.mean_{kind}", language), f"{kind}_mean"


def _contrasts(experience: Experience, column: str, weakest_stage: str | None) -> list[tuple]:
    """(comparison, stage, group with less friction, group with more) worth a sentence; for
    handoffs the fewest and the most handoffs among the groups that have a score."""
    table = experience.table
    scored = table[(table["comparison"] == "handoffs") & table[column].notna()]["group"].tolist()
    contrasts = [("handoffs", None, scored[0], scored[-1])] if len(scored) >= 2 else []
    contrasts += [
        ("pingpong", None, "without", "with"),
        ("promise", None, "kept", "broken"),
        ("rework", None, "without", "with"),
    ]
    if weakest_stage is not None:
        contrasts.append(("stage", weakest_stage, "rest", "weakest"))
    return contrasts


def experience_sentences(
    experience: Experience, language: str, weakest_stage: str | None = None
) -> list[str]:
    """Plain sentences on how the score differs with friction, one per comparison whose
    two groups both have answers, e.g. "NPS 45 without ping-pong vs -12 with ping-pong
    (210 cases)". The stage comparison is given for `weakest_stage` only."""
    label, column = _score_label(experience, language)
    digits = 0 if column == "nps" else 1
    sentences = []
    for comparison, stage, low_group, high_group in _contrasts(experience, column, weakest_stage):
        low = experience.row(comparison, low_group, stage)
        high = experience.row(comparison, high_group, stage)
        if low is None or high is None or pd.isna(low[column]) or pd.isna(high[column]):
            continue
        sentences.append(
            counted(
                f"experience.{comparison}",
                high["cases"],
                language,
                field="high_cases",
                score=label,
                stage=stage,
                low=format_number(float(low[column]), language, digits),
                high=format_number(float(high[column]), language, digits),
                low_group=low_group,
                high_group=high_group,
            )
        )
    return sentences
