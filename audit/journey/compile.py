"""Resolve a journey map against one log's activities: the `CompiledJourney` the engine joins.

Each section (stages, touchpoints, outcomes) is resolved the same way: exact names first,
then patterns, in the order of the file. An activity claimed by two different owners (two
stages, two channels, two kinds of outcome) is an error naming both, unless one claim is an exact
name and the other a pattern: the exact name wins, so a person can carve one activity out
of a broad pattern by naming it in another stage. Activities no stage claims stay in the
activities table without a stage and are listed as unmapped. Entries that match nothing
are warnings, since one map often serves logs of several periods.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import pandas as pd

from audit.errors import AuditInputError
from audit.journey.compiled import (
    FRICTION_COMPONENTS,
    OUTCOME_KINDS,
    REQUIRED_COLUMNS,
    CompiledJourney,
)
from audit.journey.model import JourneyMap
from audit.journey.patterns import ActivityPattern, parse_pattern
from audit.journey.survey import recognise_survey_columns

Claim = tuple[str | None, ActivityPattern]
"""Who claims an activity (a stage, a channel, an outcome kind) and through which entry."""
Conflict = Callable[[str, Claim, Claim], AuditInputError]


def _resolve(
    entries: list[Claim], activities: list[str], conflict: Conflict
) -> tuple[dict[str, str | None], list[Claim]]:
    """Activity -> owner for every activity some entry names (exact names first, then
    patterns), and the entries that name no activity of the log."""
    present = set(activities)
    winners: dict[str, Claim] = {}
    unmatched: list[Claim] = []
    for exact_pass in (True, False):
        for owner, pattern in entries:
            if pattern.is_exact != exact_pass:
                continue
            if pattern.is_exact:
                matched = [pattern.text] if pattern.text in present else []
            else:
                matched = [activity for activity in activities if pattern.matches(activity)]
            if not matched:
                unmatched.append((owner, pattern))
            for activity in matched:
                held = winners.setdefault(activity, (owner, pattern))
                if held[0] != owner and held[1].is_exact == pattern.is_exact:
                    raise conflict(activity, held, (owner, pattern))
    return {activity: owner for activity, (owner, _) in winners.items()}, unmatched


def _entry(pattern: ActivityPattern) -> str:
    return f"{'name' if pattern.is_exact else 'pattern'} {pattern.text!r}"


def _stage_claims(
    journey: JourneyMap, activities: list[str], source: str, warnings: list[str]
) -> dict[str, str | None]:
    def conflict(activity: str, first: Claim, second: Claim) -> AuditInputError:
        return AuditInputError(
            f"activity {activity!r} is claimed by stage {first[0]!r} ({_entry(first[1])}) "
            f"and by stage {second[0]!r} ({_entry(second[1])})",
            source=source,
            hint="narrow one of the patterns, or list the activity by its exact name in the "
            "stage it belongs to (an exact name wins over a pattern)",
        )

    entries = [(stage.name, pattern) for stage in journey.stages for pattern in stage.patterns]
    claims, unmatched = _resolve(entries, activities, conflict)
    warnings.extend(
        f"stage {stage!r}: {_entry(pattern)} matches no activity in the log"
        for stage, pattern in unmatched
    )
    return claims


def _touchpoint_claims(
    journey: JourneyMap, activities: list[str], source: str, warnings: list[str]
) -> dict[str, str | None]:
    def conflict(activity: str, first: Claim, second: Claim) -> AuditInputError:
        return AuditInputError(
            f"touchpoint {activity!r} gets channel {first[0]!r} from {_entry(first[1])} and "
            f"channel {second[0]!r} from {_entry(second[1])}",
            source=source,
            hint="give both entries the same channel, or list the activity by its exact name",
        )

    entries = [(point.channel, parse_pattern(point.activity)) for point in journey.touchpoints]
    claims, unmatched = _resolve(entries, activities, conflict)
    warnings.extend(
        f"touchpoint {_entry(pattern)} matches no activity in the log" for _, pattern in unmatched
    )
    return claims


def _outcome_claims(
    journey: JourneyMap, activities: list[str], source: str, warnings: list[str]
) -> dict[str, str | None]:
    def conflict(activity: str, first: Claim, second: Claim) -> AuditInputError:
        return AuditInputError(
            f"activity {activity!r} is both a {first[0]} outcome ({_entry(first[1])}) and a "
            f"{second[0]} outcome ({_entry(second[1])})",
            source=source,
            hint="narrow one of the patterns, or list the activity by its exact name",
        )

    entries = [
        (kind, parse_pattern(text))
        for kind in OUTCOME_KINDS
        for text in getattr(journey.outcomes, kind)
    ]
    claims, unmatched = _resolve(entries, activities, conflict)
    warnings.extend(
        f"{kind} outcome {_entry(pattern)} matches no activity in the log"
        for kind, pattern in unmatched
    )
    if not claims:
        warnings.append(
            "no outcome activity of the map occurs in the log, so the audit cannot tell "
            "journeys that ended from journeys that were abandoned"
        )
    return claims


def _survey_columns(
    journey: JourneyMap, columns: list[str], source: str, notes: list[str]
) -> dict[str, str]:
    named = journey.survey.columns()
    if not named:
        found = recognise_survey_columns(columns)
        notes.extend(
            f"survey answers ({kind}) recognised in column {col!r}" for kind, col in found.items()
        )
        return found
    for kind, column in named.items():
        if column not in columns:
            raise AuditInputError(
                f"survey column {column!r} (survey > {kind}) is not in the log",
                source=source,
                hint="use one of the log's columns: " + ", ".join(columns)
                if columns
                else "remove it from 'survey:' or load a log that has it",
            )
    return named


def _required_frame(
    journey: JourneyMap, stages: dict[str, str | None], warnings: list[str]
) -> pd.DataFrame:
    """The required touchpoints, each entry resolved against its own stage's activities
    (an event of another stage never meets a stage's requirement)."""
    rows = []
    for order, stage in enumerate(journey.stages, start=1):
        own = sorted(activity for activity, owner in stages.items() if owner == stage.name)
        for text in stage.required:
            pattern = parse_pattern(text)
            matched = [activity for activity in own if pattern.matches(activity)]
            if not matched:
                warnings.append(
                    f"stage {stage.name!r}: required {_entry(pattern)} matches none of the "
                    "stage's activities in the log"
                )
            rows += [(stage.name, order, text, activity) for activity in matched]
    return pd.DataFrame(rows, columns=list(REQUIRED_COLUMNS))


def _stages_frame(journey: JourneyMap) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "stage": [stage.name for stage in journey.stages],
            "stage_order": list(range(1, len(journey.stages) + 1)),
            "promise_hours": [
                float("nan") if stage.promise_hours is None else stage.promise_hours
                for stage in journey.stages
            ],
            "description": [stage.description for stage in journey.stages],
        }
    )


def compile_journey(
    journey: JourneyMap, activities: Iterable[str], columns: Iterable[str] = ()
) -> CompiledJourney:
    """Resolve ``journey`` against the activities (and columns) of one log.

    Raises AuditInputError for an activity claimed twice and for a named survey column the
    log lacks; whatever the map names that the log does not have becomes a warning.
    """
    source = journey.source or f"journey map {journey.journey!r}"
    names = sorted({str(activity) for activity in activities})
    warnings: list[str] = []
    notes = list(journey.notes)
    stages = _stage_claims(journey, names, source, warnings)
    channels = _touchpoint_claims(journey, names, source, warnings)
    outcomes = _outcome_claims(journey, names, source, warnings)
    survey = _survey_columns(journey, list(columns), source, notes)
    order = {stage.name: index for index, stage in enumerate(journey.stages, start=1)}
    required = _required_frame(journey, stages, warnings)
    names_by_key = {stage.name.strip().casefold(): stage.name for stage in journey.stages}
    table = pd.DataFrame(
        {
            "activity": names,
            "stage": [stages.get(name) for name in names],
            "stage_order": pd.array([order.get(stages.get(name)) for name in names], "Int64"),
            "is_touchpoint": [name in channels for name in names],
            "touchpoint_channel": [channels.get(name) for name in names],
            "outcome": [outcomes.get(name) for name in names],
        }
    )
    return CompiledJourney(
        name=journey.journey,
        stages=_stages_frame(journey),
        activities=table,
        unmapped=[name for name in names if name not in stages],
        weights={key: journey.weights.get(key, 1.0) for key in FRICTION_COMPONENTS},
        survey=survey,
        ongoing_after_hours=journey.ongoing_after_hours,
        repeat_within_days=journey.repeat_within_days,
        calendar=journey.calendar,
        drafted=journey.drafted,
        language=journey.language,
        warnings=warnings,
        notes=notes,
        required=required,
        allowed_skips=[names_by_key[name.strip().casefold()] for name in journey.allowed_skips],
    )
