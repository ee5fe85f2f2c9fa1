"""Before/after: did a change to the service make the journey better, and is it more than chance?

Two audits with the same journey map (two logs, or two periods of one log split at a date
by ``split_at``) are compared per stage and for the whole journey, measure by measure:

- shares of cases (ping-pong, handoff, rework, back-jump in the stage; promise kept;
  drop-off) with a two-sided two-proportion z-test;
- durations (time in stage per case; lead time, total wait and silence per case) and effort
  (touchpoints per case) with a two-sided Mann–Whitney U test, which needs no assumption
  about the shape of waiting times; the medians are shown.

Many measures are tested at once, so the p-values are corrected for multiple testing with
the Benjamini–Hochberg procedure (false discovery rate ``alpha``, 5 % by default): a change
is called significant when its corrected value (q) is below alpha. Hotspots are matched by
level and name and marked as appeared, disappeared, improved, worsened or unchanged.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

import duckdb
import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from audit.engine.steps import PINGPONGS_TABLE, STEPS_TABLE
from audit.errors import AuditInputError
from audit.findings.humanize import LANGUAGES
from audit.io.schema import CASE, TIMESTAMP
from audit.report.safe import safe_csv
from audit.stats import SHARE_TEST, benjamini_hochberg, mann_whitney_p, two_proportion_p

if TYPE_CHECKING:
    from audit.engine.result import Measures
    from audit.io import EventLog

JOURNEY = "(whole journey)"
"""Scope name of the measures taken over the whole journey rather than one stage."""

HOTSPOT_TOLERANCE = 0.05
"""A hotspot whose score moved by less than this share of its larger score is unchanged."""


@dataclass(frozen=True)
class MeasureSpec:
    """One compared measure: its name, whether it is a share or hours/counts per case, and
    whether a higher value is better for the customer."""

    name: str
    kind: str
    higher_is_better: bool


STAGE_SHARES: tuple[MeasureSpec, ...] = (
    MeasureSpec("pingpong_share", "share", False),
    MeasureSpec("handoff_share", "share", False),
    MeasureSpec("rework_share", "share", False),
    MeasureSpec("back_jump_share", "share", False),
    MeasureSpec("promise_kept_share", "share", True),
    MeasureSpec("dropoff_share", "share", False),
)
STAGE_DISTRIBUTIONS: tuple[MeasureSpec, ...] = (MeasureSpec("time_in_stage_hours", "hours", False),)
JOURNEY_SHARES: tuple[MeasureSpec, ...] = (
    MeasureSpec("pingpong_share", "share", False),
    MeasureSpec("handoff_share", "share", False),
    MeasureSpec("rework_share", "share", False),
    MeasureSpec("back_jump_share", "share", False),
    MeasureSpec("promise_broken_share", "share", False),
    MeasureSpec("dropoff_share", "share", False),
)
JOURNEY_DISTRIBUTIONS: tuple[MeasureSpec, ...] = (
    MeasureSpec("lead_time_hours", "hours", False),
    MeasureSpec("wait_hours_total", "hours", False),
    MeasureSpec("silence_hours", "hours", False),
    MeasureSpec("touchpoints", "count", False),
)

MEASURE_COLUMNS: tuple[str, ...] = (
    "scope",
    "order",
    "measure",
    "kind",
    "before",
    "after",
    "change",
    "before_n",
    "after_n",
    "test",
    "p_value",
    "q_value",
    "significant",
    "verdict",
)


@dataclass
class Comparison:
    """The outcome of comparing two audits.

    measures: one row per scope (stage or JOURNEY) and measure: scope, order (journey order,
        0 for the whole journey), measure, kind ("share", "hours", "count"), before, after
        (share, or median per case), change (after - before), before_n, after_n (cases
        measured), test ("two-proportion z" or "Mann-Whitney U"), p_value, q_value
        (Benjamini-Hochberg), significant (q < alpha), verdict ("improved", "worsened" or
        "no clear change").
    friction: stage, order, before, after, change (friction scores 0-100, descriptive).
    hotspots: level, name, status ("appeared", "disappeared", "improved", "worsened",
        "unchanged"), before_score, after_score, evidence_en, evidence_fi, evidence_sv.
    """

    before_label: str
    after_label: str
    before_cases: int
    after_cases: int
    alpha: float
    measures: pd.DataFrame
    friction: pd.DataFrame
    hotspots: pd.DataFrame

    def significant(self) -> pd.DataFrame:
        """The measures that changed more than chance would explain."""
        return self.measures[self.measures["significant"]].reset_index(drop=True)

    def to_json_dict(self) -> dict:
        """The comparison as JSON-ready data (NaN becomes null)."""

        def records(frame: pd.DataFrame) -> list[dict]:
            clean = frame.astype(object).where(frame.notna(), None)
            return clean.to_dict(orient="records")

        return {
            "before": {"label": self.before_label, "cases": self.before_cases},
            "after": {"label": self.after_label, "cases": self.after_cases},
            "alpha": self.alpha,
            "multiple_testing": "Benjamini-Hochberg",
            "measures": records(self.measures),
            "friction": records(self.friction),
            "hotspots": records(self.hotspots),
        }


def compare(before, after, *, alpha: float = 0.05) -> Comparison:
    """Compare two AuditResults (same journey map) measure by measure and hotspot by hotspot.

    Raises AuditInputError when the two audits do not share a single stage.
    """
    shared = set(before.measures.stages["stage"]) & set(after.measures.stages["stage"])
    if not shared:
        raise AuditInputError(
            "the two audits have no journey stage in common, so there is nothing to compare",
            source=f"{before.source} / {after.source}",
            hint="audit both logs with the same journey map (--journey).",
        )
    rows = _stage_rows(before, after) + _journey_rows(before.measures, after.measures)
    measures = pd.DataFrame(rows, columns=[c for c in MEASURE_COLUMNS if c not in _DERIVED])
    measures = _correct(measures, alpha)
    return Comparison(
        before_label=str(before.source),
        after_label=str(after.source),
        before_cases=int(before.measures.log["cases"]),
        after_cases=int(after.measures.log["cases"]),
        alpha=alpha,
        measures=measures,
        friction=_friction_change(before, after),
        hotspots=compare_hotspots(before.hotspots, after.hotspots),
    )


_DERIVED = ("q_value", "significant", "verdict")

_STAGE_FLAGS_SQL = f"""
WITH case_stage AS (
    -- one row per case and stage it reached, with the friction it met there
    SELECT
        case_id,
        stage,
        bool_or(is_handoff) AS handoff,
        bool_or(is_self_loop OR is_repetition) AS rework,
        bool_or(is_back_jump) AS back_jump
    FROM {STEPS_TABLE}
    WHERE stage IS NOT NULL
    GROUP BY case_id, stage
),
pingpong_stage AS (
    -- the cases and stages in which a case bounced back to a unit
    SELECT DISTINCT case_id, stage FROM {PINGPONGS_TABLE}
)
SELECT
    c.stage,
    count(*) AS cases,
    count(p.case_id) AS pingpong_share,
    count_if(c.handoff) AS handoff_share,
    count_if(c.rework) AS rework_share,
    count_if(c.back_jump) AS back_jump_share
FROM case_stage AS c
LEFT JOIN pingpong_stage AS p USING (case_id, stage)
GROUP BY c.stage
"""


def stage_case_counts(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Per stage: cases that reached it and cases with a ping-pong, handoff, rework or
    back-jump in it, counted in DuckDB over the engine's ``steps`` and ``pingpongs`` tables."""
    return con.sql(_STAGE_FLAGS_SQL).df().set_index("stage")


def _stage_rows(before, after) -> list[list]:
    """Rows of the stage-level comparison, in journey order."""
    counts = (stage_case_counts(before.connection), stage_case_counts(after.connection))
    measures = (before.measures, after.measures)
    stages = after.measures.stages.set_index("stage")
    rows: list[list] = []
    for stage in before.measures.stages["stage"]:
        if stage not in stages.index or stage not in counts[0].index:
            continue
        order = int(stages.loc[stage, "order"]) if pd.notna(stages.loc[stage, "order"]) else 0
        for spec in STAGE_SHARES:
            pair = [
                _stage_share(spec.name, stage, c, m) for c, m in zip(counts, measures, strict=True)
            ]
            if any(p is None for p in pair):
                continue
            rows.append([stage, order, spec.name, spec.kind, *_share_test(*pair[0], *pair[1])])
        for spec in STAGE_DISTRIBUTIONS:
            samples = [_stage_sample(spec.name, stage, m) for m in measures]
            rows.append([stage, order, spec.name, spec.kind, *_distribution_test(*samples)])
    return rows


def _stage_share(name: str, stage: str, counts: pd.DataFrame, measures: Measures):
    """(cases with the property, cases measured) for a stage share, or None when the stage
    has no such measure (no promise) or was not reached."""
    if stage not in counts.index:
        return None
    reached = int(counts.loc[stage, "cases"])
    if name == "promise_kept_share":
        kept = measures.case_stages.loc[measures.case_stages["stage"] == stage, "promise_kept"]
        kept = kept.dropna()
        return (int(kept.astype(bool).sum()), len(kept)) if len(kept) else None
    if name == "dropoff_share":
        row = measures.stages.set_index("stage").loc[stage]
        return int(row["dropoffs"]), reached
    return int(counts.loc[stage, name]), reached


def _stage_sample(name: str, stage: str, measures: Measures) -> np.ndarray:
    """Per-case values of a stage measure (time in stage)."""
    frame = measures.case_stages
    return frame.loc[frame["stage"] == stage, name].dropna().to_numpy(dtype=float)


def _journey_rows(before: Measures, after: Measures) -> list[list]:
    """Rows of the whole-journey comparison, from the per-case tables."""
    flags = (_journey_flags(before.cases), _journey_flags(after.cases))
    rows: list[list] = []
    for spec in JOURNEY_SHARES:
        b, a = (f[spec.name] for f in flags)
        test = _share_test(int(b.sum()), len(b), int(a.sum()), len(a))
        rows.append([JOURNEY, 0, spec.name, spec.kind, *test])
    for spec in JOURNEY_DISTRIBUTIONS:
        samples = [m.cases[spec.name].dropna().to_numpy(dtype=float) for m in (before, after)]
        rows.append([JOURNEY, 0, spec.name, spec.kind, *_distribution_test(*samples)])
    return rows


def _journey_flags(cases: pd.DataFrame) -> pd.DataFrame:
    """Per case, whether it met each kind of friction (the shares are their means)."""
    return pd.DataFrame(
        {
            "pingpong_share": cases["pingpongs"] > 0,
            "handoff_share": cases["handoffs"] > 0,
            "rework_share": cases["rework"] > 0,
            "back_jump_share": cases["back_jumps"] > 0,
            "promise_broken_share": cases["promises_broken"].fillna(0) > 0,
            "dropoff_share": cases["status"] == "dropoff",
        }
    )


def _share_test(hits_b: int, n_b: int, hits_a: int, n_a: int) -> list:
    """before, after, change, before_n, after_n, test, p_value of a two-proportion z-test
    (pooled standard error); p is 1 when the pooled share is 0 or 1 (nothing can differ)."""
    share_b = hits_b / n_b if n_b else math.nan
    share_a = hits_a / n_a if n_a else math.nan
    p_value = two_proportion_p(hits_b, n_b, hits_a, n_a)
    return [share_b, share_a, share_a - share_b, n_b, n_a, SHARE_TEST, p_value]


def _distribution_test(before: np.ndarray, after: np.ndarray) -> list:
    """before, after (medians), change, before_n, after_n, test, p_value of a two-sided
    Mann-Whitney U test; p is 1 when either side has no values."""
    med_b = float(np.median(before)) if len(before) else math.nan
    med_a = float(np.median(after)) if len(after) else math.nan
    p_value = mann_whitney_p(before, after)
    p_value = 1.0 if math.isnan(p_value) else p_value
    return [med_b, med_a, med_a - med_b, len(before), len(after), "Mann-Whitney U", p_value]


def _correct(measures: pd.DataFrame, alpha: float) -> pd.DataFrame:
    """Add the Benjamini-Hochberg q-values, the significance flag and the verdict."""
    higher_better = {
        spec.name: spec.higher_is_better
        for spec in STAGE_SHARES + STAGE_DISTRIBUTIONS + JOURNEY_SHARES + JOURNEY_DISTRIBUTIONS
    }
    measures = measures.copy()
    p_values = measures["p_value"].to_numpy(dtype=float)
    measures["q_value"] = benjamini_hochberg(p_values)
    measures["significant"] = measures["q_value"] < alpha
    better = np.where(
        measures["measure"].map(higher_better), measures["change"] > 0, measures["change"] < 0
    )
    measures["verdict"] = np.where(
        ~measures["significant"], "no clear change", np.where(better, "improved", "worsened")
    )
    return measures[list(MEASURE_COLUMNS)]


def _friction_change(before, after) -> pd.DataFrame:
    """Friction score per stage before and after (descriptive: a score has no sample)."""
    b = before.friction[["stage", "order", "friction"]]
    a = after.friction[["stage", "friction"]]
    merged = b.merge(a, on="stage", suffixes=("_before", "_after"))
    merged = merged.rename(columns={"friction_before": "before", "friction_after": "after"})
    merged["change"] = merged["after"] - merged["before"]
    return merged[["stage", "order", "before", "after", "change"]]


def compare_hotspots(before: pd.DataFrame, after: pd.DataFrame) -> pd.DataFrame:
    """Match hotspots (columns level, name, score, evidence_<language>) by level and name.

    A hotspot only after is "appeared", only before "disappeared"; in both, "improved" when
    its score fell by more than HOTSPOT_TOLERANCE of the larger score, "worsened" when it
    rose by more, otherwise "unchanged". Sorted: appeared, worsened, unchanged, improved,
    disappeared, then by score. The evidence is the latest sentence (after, else before).
    """
    keys = ["level", "name"]
    evidence = [f"evidence_{language}" for language in LANGUAGES]
    merged = before[keys + ["score", *evidence]].merge(
        after[keys + ["score", *evidence]], on=keys, how="outer", suffixes=("_before", "_after")
    )
    b, a = merged["score_before"], merged["score_after"]
    moved = a - b
    tolerance = HOTSPOT_TOLERANCE * np.fmax(b.abs(), a.abs())
    merged["status"] = np.select(
        [b.isna(), a.isna(), moved < -tolerance, moved > tolerance],
        ["appeared", "disappeared", "improved", "worsened"],
        default="unchanged",
    )
    for column in evidence:
        merged[column] = merged[f"{column}_after"].fillna(merged[f"{column}_before"])
    rank = {"appeared": 0, "worsened": 1, "unchanged": 2, "improved": 3, "disappeared": 4}
    merged = merged.assign(_rank=merged["status"].map(rank), _score=a.fillna(b))
    merged = merged.sort_values(["_rank", "_score"], ascending=[True, False])
    merged = merged.rename(columns={"score_before": "before_score", "score_after": "after_score"})
    columns = ["level", "name", "status", "before_score", "after_score", *evidence]
    return merged[columns].reset_index(drop=True)


def split_at(log: EventLog, date: datetime | str) -> tuple[EventLog, EventLog]:
    """Split a log into the cases that started before ``date`` and those that started on or
    after it (a case belongs wholly to the period in which its first event falls, so no
    journey is cut in two). Dates are naive UTC like the event table.

    Raises AuditInputError when the date is not a date or one period would have no cases.
    """
    try:
        cut = pd.Timestamp(date)
    except ValueError as error:
        raise AuditInputError(
            f"'{date}' is not a date",
            source=str(log.source),
            hint="give the split date as YYYY-MM-DD, optionally with a time (2025-03-01T12:00).",
        ) from error
    if cut.tzinfo is not None:
        cut = cut.tz_convert("UTC").tz_localize(None)
    events = log.events
    starts = events.group_by(CASE).aggregate([(TIMESTAMP, "min")])
    early = pc.less(
        starts.column(f"{TIMESTAMP}_min"), pa.scalar(cut.to_pydatetime(), pa.timestamp("us"))
    )
    early_cases = pc.filter(starts.column(CASE), early)
    in_before = pc.is_in(events.column(CASE), value_set=early_cases)
    periods = (events.filter(in_before), events.filter(pc.invert(in_before)))
    labels = (f"before {cut:%Y-%m-%d %H:%M}", f"from {cut:%Y-%m-%d %H:%M}")
    for table, label in zip(periods, labels, strict=True):
        if table.num_rows == 0:
            raise AuditInputError(
                f"no case started {label}, so that period would be empty",
                source=str(log.source),
                hint="choose a date between the first and the last case start of the log.",
            )
    return tuple(
        replace(log, events=table, source=f"{log.source} ({label})")
        for table, label in zip(periods, labels, strict=True)
    )


def write_comparison(comparison: Comparison, out_dir: str | Path) -> list[Path]:
    """Write comparison.json and one spreadsheet-safe CSV per table into out_dir."""
    folder = Path(out_dir)
    folder.mkdir(parents=True, exist_ok=True)
    document = folder / "comparison.json"
    text = json.dumps(comparison.to_json_dict(), indent=2, ensure_ascii=False, allow_nan=False)
    document.write_text(text + "\n", encoding="utf-8")
    tables = {
        "comparison_measures": comparison.measures,
        "comparison_friction": comparison.friction,
        "comparison_hotspots": comparison.hotspots,
    }
    return [document, *(safe_csv(table, folder / f"{name}.csv") for name, table in tables.items())]
