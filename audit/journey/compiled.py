"""A journey map resolved against the activities of one log: what the engine joins."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from audit.journey.working_calendar import WorkingCalendar

FRICTION_COMPONENTS: tuple[str, ...] = (
    "wait",
    "handoffs",
    "pingpong",
    "rework",
    "back_jumps",
    "promise",
    "dropoff",
    "silence",
    "repeat_contacts",
)
"""The named parts of a stage's friction score; the journey file may weight each one."""

SURVEY_KINDS: tuple[str, ...] = ("nps", "csat", "ces")

OUTCOME_KINDS: tuple[str, ...] = ("good", "bad", "check")
"""How an outcome activity says the journey ended: well, badly, or in a way a person has
yet to judge (a drafted end activity whose name does not say; neither good nor bad)."""

REQUIRED_COLUMNS: tuple[str, ...] = ("stage", "stage_order", "requirement", "activity")
"""Columns of `CompiledJourney.required`."""


@dataclass
class CompiledJourney:
    """The journey map with every pattern resolved against a log's activities.

    stages: stage, stage_order (1..n), promise_hours (float or NaN), description.
    activities: one row per activity of the log: activity, stage (None if unmapped),
        stage_order (None if unmapped), is_touchpoint (bool), touchpoint_channel (str or
        None), outcome ("good", "bad", "check" or None).
    unmapped: activities that no stage claims (reported, never dropped).
    weights: friction weight per component in FRICTION_COMPONENTS.
    survey: survey kind ("nps", "csat", "ces") -> column name in the log.
    ongoing_after_hours: a case without an outcome whose last event is at least this long
        before the end of the log has dropped off; a more recent one is ongoing. None lets
        the engine choose from the data.
    repeat_within_days: a customer's case that starts at most this many days after an
        earlier case of theirs ended (or while it is open) is a repeat contact.
    calendar: when staff work (time zone, days, hours, holidays), for the business-hours
        twins of every wait and time in stage; None measures calendar time only.
    drafted: True when the map was drafted from the log rather than written by a person.
    language: language of the findings sentences ("en", "fi" or "sv").
    warnings: what the map names that the log does not have (patterns and names that match
        no activity, no outcome activity at all), for the audit to report.
    notes: what was guessed: by drafting (for example an outcome taken from the most
        frequent last activity) and survey columns recognised by name.
    required: the designed journey's required touchpoints, one row per entry and activity
        it matches among the stage's own activities: stage, stage_order, requirement (the
        entry as written), activity. An entry that matches no activity has no row (and a
        warning).
    allowed_skips: the stages the designed journey allows a case to skip (their names as
        in `stages`).
    """

    name: str
    stages: pd.DataFrame
    activities: pd.DataFrame
    unmapped: list[str] = field(default_factory=list)
    weights: dict[str, float] = field(default_factory=dict)
    survey: dict[str, str] = field(default_factory=dict)
    ongoing_after_hours: float | None = None
    repeat_within_days: float = 30.0
    calendar: WorkingCalendar | None = None
    drafted: bool = False
    language: str = "en"
    warnings: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    required: pd.DataFrame = field(
        default_factory=lambda: pd.DataFrame(columns=list(REQUIRED_COLUMNS))
    )
    allowed_skips: list[str] = field(default_factory=list)
