"""The audit result: the single source for the app, the report and the command line.

`AuditResult.to_json_dict()` is the versioned JSON contract (docs/json-contract.md):
snake_case names, durations in hours, missing values as null. A change that removes or
renames a field, or changes its meaning, raises SCHEMA_VERSION; adding a field does not.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING

import duckdb
import numpy as np
import pandas as pd

from audit.engine.business_hours import twin_name
from audit.engine.result import Measures
from audit.findings.conformance import conformance_json
from audit.findings.experience import Experience
from audit.findings.friction import DEFAULT_WEIGHT
from audit.journey.compiled import FRICTION_COMPONENTS, CompiledJourney

if TYPE_CHECKING:  # imported for the annotations only: they import this module
    from audit.findings.segments import Segments
    from audit.findings.trend import Trend

SCHEMA_VERSION = 1

STAGE_FIELDS: tuple[str, ...] = (
    "stage",
    "order",
    "cases",
    "events",
    "handoffs",
    "wait_hours_median",
    "wait_hours_p90",
    "time_in_stage_hours_median",
    "work_hours_median",
    "steps_median",
    "units_median",
    "self_loops",
    "repetitions",
    "back_jumps_into",
    "touchpoints",
    "pingpongs",
    "dropoffs",
    "promise_hours",
    "promise_kept_share",
    "repeat_contacts",
    "time_in_stage_hours_p50",
    "time_in_stage_hours_p80",
    "time_in_stage_hours_p90",
)
"""The measures of a stage in the JSON, in this order; friction fields follow."""

BUSINESS_STAGE_FIELDS: tuple[str, ...] = tuple(
    twin_name(name) for name in STAGE_FIELDS if name.endswith(("hours_median", "hours_p90"))
)
"""The business-hours twins of a stage's waits and times, present only with a calendar."""

TOTALS_FIELDS: tuple[str, ...] = (
    "handoffs",
    "cases_with_handoff",
    "pingpongs",
    "pingpong_cases",
    "self_loops",
    "repetitions",
    "repeats",
    "redos",
    "rework_cases",
    "back_jumps",
    "back_jump_cases",
    "touchpoints",
    "dropoffs",
    "ongoing_cases",
    "good_outcomes",
    "bad_outcomes",
    "check_outcomes",
    "lead_time_hours_median",
    "handoffs_per_case",
    "promises_kept_share",
)

CUSTOMER_TOTALS_FIELDS: tuple[str, ...] = (
    "customers",
    "cases_without_customer",
    "repeat_contacts",
    "repeat_contact_customers",
    "repeat_contact_share",
    "labyrinth_customers",
)
"""Totals about customers across cases; null when the log names no customer."""


def jsonable(value: object) -> object:
    """A value as plain JSON: numpy numbers as int/float, NaN and NaT as None, times as ISO
    text, containers converted member by member."""
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple | np.ndarray):
        return [jsonable(v) for v in value]
    if value is None or value is pd.NaT:
        return None
    if isinstance(value, np.bool_ | bool):
        return bool(value)
    if isinstance(value, np.integer | int):
        return int(value)
    if isinstance(value, np.floating | float):
        number = float(value)
        return None if math.isnan(number) or math.isinf(number) else number
    if isinstance(value, pd.Timestamp | datetime | date):
        return value.isoformat()
    if isinstance(value, str):
        return value
    return None if pd.isna(value) else str(value)


def records(table: pd.DataFrame, columns: dict[str, str] | None = None) -> list[dict]:
    """Rows of `table` as JSON objects; `columns` maps table column -> JSON name (and picks
    the columns, in that order)."""
    if columns is not None:
        table = table[list(columns)].rename(columns=columns)
    return [jsonable(row) for row in table.to_dict(orient="records")]


@dataclass
class AuditResult:
    """Everything one audit found.

    source: the log's file name; timezone: the zone naive timestamps were read in.
    quality: the reader's data-quality account (its to_dict()).
    journey: the compiled journey (unmapped activities, drafted or not, weights, survey).
    measures: every measure at every level (audit.engine.result.Measures).
    friction: per journey stage: stage, order, one 0-1 column per friction component,
        friction (0-100); see audit.findings.friction.
    hotspots: audit.findings.hotspots.HOTSPOT_COLUMNS, evidence in English and Finnish.
    weakest_stage: the stage with the most friction, None when none has any.
    experience: survey scores against friction, None without survey answers.
    repeat_causes: why customers come back (audit.findings.repeat_contacts.CAUSE_COLUMNS),
        empty without customers.
    language: "en" or "fi", the language of the JSON's evidence and of the summaries.
    trend: the stage measures per period (audit.findings.trend), None without a period.
    segments: the stage measures per segment (audit.findings.segments), None without one.
    connection: the DuckDB connection the measures were computed in; it still holds the
        `steps` table, for audit.engine.case_steps. Not part of the JSON.
    """

    source: str
    timezone: str
    quality: dict
    journey: CompiledJourney
    measures: Measures
    friction: pd.DataFrame
    hotspots: pd.DataFrame
    weakest_stage: str | None
    experience: Experience | None
    language: str = "en"
    repeat_causes: pd.DataFrame = field(default_factory=pd.DataFrame)
    trend: Trend | None = None
    segments: Segments | None = None
    connection: duckdb.DuckDBPyConnection | None = field(default=None, repr=False)

    @property
    def weights(self) -> dict[str, float]:
        """The friction weight of every component, defaults filled in."""
        return {c: float(self.journey.weights.get(c, DEFAULT_WEIGHT)) for c in FRICTION_COMPONENTS}

    def stage_table(self) -> pd.DataFrame:
        """The stage measures with friction and its components, "(unmapped)" last without."""
        components = self.friction.drop(columns=["order"]).rename(
            columns={c: f"friction_{c}" for c in FRICTION_COMPONENTS}
        )
        return self.measures.stages.merge(components, on="stage", how="left")

    def _log_json(self) -> dict:
        log = self.measures.log
        return {
            "source": self.source,
            **{key: log.get(key) for key in ("cases", "events", "activities")},
            "first_event": log.get("first_event"),
            "last_event": log.get("last_event"),
            "rows_read": self.quality.get("rows_read"),
            "rows_dropped": self.quality.get("rows_dropped"),
            "handoff_basis": log.get("handoff_basis"),
            "has_start_times": log.get("has_start_times"),
            "timezone": self.timezone,
            "ongoing_cutoff": log.get("ongoing_cutoff"),
            "engine": log.get("engine", "duckdb"),
        }

    def _journey_json(self) -> dict:
        journey = self.journey
        return {
            "name": journey.name,
            "drafted": journey.drafted,
            "stages": records(
                journey.stages,
                {
                    "stage": "stage",
                    "stage_order": "order",
                    "promise_hours": "promise_hours",
                    "description": "description",
                },
            ),
            "weights": self.weights,
            "survey": dict(journey.survey),
            "calendar": journey.calendar.model_dump() if journey.calendar else None,
            "warnings": list(journey.warnings),
            "notes": list(journey.notes),
        }

    def _stages_json(self) -> list[dict]:
        table = self.stage_table()
        stages = []
        for row in table.to_dict(orient="records"):
            scored = not pd.isna(row.get("friction"))
            stage = {name: row.get(name) for name in STAGE_FIELDS}
            stage.update({name: row[name] for name in BUSINESS_STAGE_FIELDS if name in row})
            stage["order"] = None if pd.isna(stage["order"]) else int(stage["order"])
            stage["friction"] = round(row["friction"], 1) if scored else None
            stage["friction_components"] = (
                {
                    c: round(row[f"friction_{c}"], 4)
                    for c in FRICTION_COMPONENTS
                    if not pd.isna(row.get(f"friction_{c}"))
                }
                if scored
                else None
            )
            stages.append(jsonable(stage))
        return stages

    def _hotspots_json(self) -> list[dict]:
        hotspots = self.hotspots.rename(columns={f"evidence_{self.language}": "evidence"})
        columns = ["rank", "level", "name", "stage", "score", "cases", "evidence", "components"]
        found = records(hotspots[columns])
        sentences = hotspots.get(f"what_if_{self.language}", pd.Series(index=hotspots.index))
        for hotspot, what_if, sentence in zip(
            found, hotspots.get("what_if", sentences), sentences, strict=True
        ):
            # what a fix is worth (stage and handoff pair hotspots), with its sentence
            hotspot["what_if"] = (
                jsonable({**what_if, "sentence": sentence}) if isinstance(what_if, dict) else None
            )
        return found

    def _experience_json(self) -> dict | None:
        if self.experience is None:
            return None
        return {"survey": dict(self.experience.survey), "groups": records(self.experience.table)}

    def to_json_dict(self) -> dict:
        """The versioned JSON contract (schema_version 1), field by field in
        docs/json-contract.md."""
        measures = self.measures
        return {
            "schema_version": SCHEMA_VERSION,
            "language": self.language,
            "log": jsonable(self._log_json()),
            "data_quality": jsonable(self.quality),
            "journey": jsonable(self._journey_json()),
            "totals": jsonable(self._totals()),
            "stages": self._stages_json(),
            "weakest_stage": self.weakest_stage,
            "hotspots": self._hotspots_json(),
            "handoff_pairs": records(
                measures.handoff_pairs,
                {
                    "from_unit": "from",
                    "to_unit": "to",
                    "count": "count",
                    "cases": "cases",
                    "wait_hours_median": "wait_hours_median",
                    **{
                        name: name
                        for name in (twin_name("wait_hours_median"),)
                        if name in measures.handoff_pairs
                    },
                },
            ),
            "pingpong_pairs": records(measures.pingpong_pairs),
            "back_jumps": records(measures.back_jumps),
            "activities": records(measures.activities),
            "org_units": records(measures.org_units),
            "unmapped_activities": list(self.journey.unmapped),
            "experience": self._experience_json(),
            "repeat_contacts": self._repeat_contacts_json(),
            "conformance": jsonable(conformance_json(measures.conformance, self.language)),
            "trend": None if self.trend is None else self.trend.rows_json(),
            "trend_changes": None if self.trend is None else self.trend.changes_json(),
            "segments": None if self.segments is None else self.segments.to_json_dict(),
        }

    def _totals(self) -> dict:
        totals = {name: self.measures.totals.get(name) for name in TOTALS_FIELDS}
        business = twin_name("lead_time_hours_median")
        if business in self.measures.totals:
            totals[business] = self.measures.totals[business]
        customers = self.measures.customers
        for name in CUSTOMER_TOTALS_FIELDS:
            totals[name] = None if customers is None else customers.totals.get(name)
        return totals

    def _repeat_contacts_json(self) -> dict | None:
        customers = self.measures.customers
        if customers is None:
            return None
        causes = self.repeat_causes.rename(columns={f"evidence_{self.language}": "evidence"})
        columns = [c for c in causes.columns if not c.startswith("evidence_")]
        return {
            "within_days": customers.totals["repeat_within_days"],
            "causes": records(causes[columns]),
            "by_stage": records(customers.stages),
            "labyrinth_chains": records(customers.chains),
        }
