"""Draft a journey map from an event log, for a person to check and edit.

The activities' typical position in a case (the median of their normalised position, 0 =
first event, 1 = last) is computed in DuckDB; the activities, in that order, are cut into
a handful of stages (`audit.journey.grouping`). Touchpoints are guessed from activity
names (`audit.journey.keywords`) and from the channel column when it describes single
events; outcomes from the names of activities near the end of cases. The draft is marked
``drafted`` and its notes say what was guessed.
"""

from __future__ import annotations

import duckdb
import pandas as pd
import pyarrow as pa

from audit.errors import AuditInputError
from audit.io.schema import ACTIVITY, CASE, CHANNEL, EVENT_INDEX, TIMESTAMP
from audit.journey.grouping import default_stage_count, natural_breaks
from audit.journey.keywords import looks_like_touchpoint, outcome_guess
from audit.journey.model import JourneyMap, Outcomes, Stage, Touchpoint

FINAL_POSITION = 0.5
"""An activity at or after this typical position may be an outcome..."""
FINAL_SHARE = 0.01
"""...and so may one that ends at least this share of the cases."""
CHANNEL_SHARE = 0.5
"""An activity is a touchpoint when at least this share of its events carry a channel
(only when the channel describes single events, not whole cases)."""

_PROFILE_SQL = f"""
WITH ordered AS (
    SELECT {CASE} AS case_id, {ACTIVITY} AS activity, {{channel}} AS channel,
           row_number() OVER (PARTITION BY {CASE} ORDER BY {TIMESTAMP}, {EVENT_INDEX})
               AS position,
           count(*) OVER (PARTITION BY {CASE}) AS case_events
    FROM events
),
positioned AS (
    SELECT *, (position - 1)::DOUBLE / greatest(case_events - 1, 1) AS relative_position
    FROM ordered
),
channel_counts AS (
    SELECT activity, channel,
           row_number() OVER (PARTITION BY activity ORDER BY count(*) DESC, channel) AS rank
    FROM positioned
    WHERE channel IS NOT NULL
    GROUP BY activity, channel
),
case_channels AS (
    SELECT count(DISTINCT channel) > 1 OR count(channel) NOT IN (0, count(*)) AS varies
    FROM positioned
    GROUP BY case_id
),
profile AS (
    SELECT activity,
           coalesce(median(relative_position) FILTER (WHERE case_events > 1), 0.5)
               AS median_position,
           coalesce(avg(relative_position) FILTER (WHERE case_events > 1), 0.5)
               AS mean_position,
           count(*) AS events,
           count(*) FILTER (WHERE position = case_events) AS last_in_cases,
           count(channel) AS channel_events
    FROM positioned
    GROUP BY activity
)
SELECT profile.*,
       channel_counts.channel AS top_channel,
       (SELECT coalesce(bool_or(varies), false) FROM case_channels) AS channel_per_event,
       (SELECT count(DISTINCT case_id) FROM positioned) AS cases
FROM profile
LEFT JOIN channel_counts
       ON channel_counts.activity = profile.activity AND channel_counts.rank = 1
ORDER BY median_position, mean_position, activity
"""

_TEXTS = {
    "en": {
        "name": "Drafted journey",
        "stage": "Stage {number}: {activity}",
        "description": "Drafted: {count} activities, typically {span} of the way through a case.",
        "span": "{low:.0%} to {high:.0%}",
        "drafted": "Drafted from the log: check the stages, touchpoints and outcomes.",
        "fallback": "No activity name tells how a journey ended, so the most frequent last "
        "activity, {activity!r}, is taken as the good outcome.",
    },
    "fi": {
        "name": "Luonnosteltu asiakaspolku",
        "stage": "Vaihe {number}: {activity}",
        "description": "Luonnos: {count} toimintoa, tyypillisesti {span} tapauksen kulusta.",
        "span": "{low:.0%}–{high:.0%}",
        "drafted": "Luonnosteltu lokista: tarkista vaiheet, kohtaamispisteet ja lopputulokset.",
        "fallback": "Mikään toiminnon nimi ei kerro, miten polku päättyi, joten yleisin "
        "viimeinen toiminto, {activity!r}, on merkitty hyväksi lopputulokseksi.",
    },
}


def _relation(events: pa.Table | duckdb.DuckDBPyRelation) -> duckdb.DuckDBPyRelation:
    """The events as a DuckDB relation, checked for the columns drafting needs."""
    relation = duckdb.connect().from_arrow(events) if isinstance(events, pa.Table) else events
    missing = [
        name for name in (CASE, ACTIVITY, TIMESTAMP, EVENT_INDEX) if name not in relation.columns
    ]
    if missing:
        raise AuditInputError(
            f"the event table lacks the column(s) {', '.join(missing)}",
            source="journey draft",
            hint="read the log with audit.io so that it has the canonical columns",
        )
    return relation


def activity_profile(events: pa.Table | duckdb.DuckDBPyRelation) -> pd.DataFrame:
    """One row per activity, in typical case order: median_position, mean_position, events,
    last_in_cases, channel_events, top_channel, plus the log-wide channel_per_event
    (whether the channel varies within cases) and cases."""
    relation = _relation(events)
    channel = CHANNEL if CHANNEL in relation.columns else "NULL::VARCHAR"
    return relation.query("events", _PROFILE_SQL.format(channel=channel)).df()


def _stages(profile: pd.DataFrame, count: int, texts: dict[str, str]) -> list[Stage]:
    starts = natural_breaks(profile["median_position"].tolist(), count)
    stages = []
    for number, (start, end) in enumerate(
        zip(starts, [*starts[1:], len(profile)], strict=True), start=1
    ):
        group = profile.iloc[start:end]
        busiest = group.sort_values(["events", "activity"], ascending=[False, True]).iloc[0]
        low, high = group["median_position"].min(), group["median_position"].max()
        span = f"{low:.0%}" if round(low, 2) == round(high, 2) else texts["span"]
        description = texts["description"].format(
            count=len(group), span=span.format(low=low, high=high)
        )
        stages.append(
            Stage(
                name=texts["stage"].format(number=number, activity=busiest["activity"]),
                description=description,
                activities=group["activity"].tolist(),
            )
        )
    return stages


def _touchpoints(profile: pd.DataFrame) -> list[Touchpoint]:
    per_event = bool(profile["channel_per_event"].iloc[0])
    points = []
    for row in profile.itertuples():
        by_channel = per_event and row.channel_events >= CHANNEL_SHARE * row.events
        if by_channel or looks_like_touchpoint(row.activity):
            channel = row.top_channel if by_channel else None
            points.append(Touchpoint(activity=row.activity, channel=channel))
    return points


def _outcomes(profile: pd.DataFrame, texts: dict[str, str]) -> tuple[Outcomes, list[str]]:
    cases = int(profile["cases"].iloc[0])
    final = profile[
        (profile["median_position"] >= FINAL_POSITION)
        | (profile["last_in_cases"] >= FINAL_SHARE * cases)
    ]
    guesses = {row.activity: outcome_guess(row.activity) for row in final.itertuples()}
    good = [activity for activity, kind in guesses.items() if kind == "good"]
    bad = [activity for activity, kind in guesses.items() if kind == "bad"]
    if good or bad:
        return Outcomes(good=good, bad=bad), []
    last = profile.sort_values(["last_in_cases", "activity"], ascending=[False, True]).iloc[0]
    return Outcomes(good=[last["activity"]]), [texts["fallback"].format(activity=last["activity"])]


def draft_journey(
    events: pa.Table | duckdb.DuckDBPyRelation,
    *,
    language: str = "en",
    n_stages: int | None = None,
    name: str | None = None,
) -> JourneyMap:
    """A journey map drafted from a log in the canonical schema (`audit.io.schema`).

    ``n_stages`` fixes the number of stages (default: 3 to 7, from the number of
    activities); ``language`` ("en" or "fi") sets the findings language and the wording of
    the generated stage names and notes.
    """
    if language not in _TEXTS:
        raise AuditInputError(
            f"unknown language {language!r}", source="journey draft", hint="use en or fi"
        )
    if n_stages is not None and n_stages < 1:
        raise AuditInputError(
            f"cannot draft {n_stages} stages", source="journey draft", hint="ask for 1 or more"
        )
    texts = _TEXTS[language]
    profile = activity_profile(events)
    if profile.empty:
        raise AuditInputError(
            "the log has no events to draft a journey from",
            source="journey draft",
            hint="check the log and its column mapping",
        )
    count = n_stages if n_stages is not None else default_stage_count(len(profile))
    outcomes, notes = _outcomes(profile, texts)
    return JourneyMap(
        journey=name or texts["name"],
        language=language,
        drafted=True,
        notes=[texts["drafted"], *notes],
        stages=_stages(profile, count, texts),
        touchpoints=_touchpoints(profile),
        outcomes=outcomes,
    )
