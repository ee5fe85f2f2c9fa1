"""The journey map as people write it: stages, touchpoints, outcomes, promises and weights.

These pydantic models hold a journey map exactly as written in its YAML file (patterns
unresolved, durations as text), so that a map read and written again keeps its wording.
Every check that needs no event log happens here; resolving patterns against a log's
activities is `audit.journey.compile`'s job.

A failed check raises a pydantic error whose context carries ``reason`` and ``hint`` (and
``at``, the place, when it is not the field being validated), which
`audit.journey.yaml_io` turns into one clear `AuditInputError`.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PrivateAttr,
    StrictBool,
    StrictStr,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from audit.journey.compiled import FRICTION_COMPONENTS, OUTCOME_KINDS, SURVEY_KINDS
from audit.journey.durations import DURATION_HINT, parse_duration
from audit.journey.patterns import PATTERN_HINT, ActivityPattern, parse_pattern
from audit.journey.working_calendar import WorkingCalendar

LANGUAGES: tuple[str, ...] = ("en", "fi", "sv")
"""Languages of the findings sentences."""


def journey_error(reason: str, hint: str, at: tuple[str | int, ...] = ()) -> PydanticCustomError:
    """A validation error with its reason, what to do, and (optionally) where it is."""
    return PydanticCustomError(
        "journey_map", "{reason}", {"reason": reason, "hint": hint, "at": at}
    )


def _checked_pattern(text: str) -> str:
    try:
        parse_pattern(text)
    except ValueError as error:
        raise journey_error(str(error), PATTERN_HINT) from None
    return text


def _checked_duration(text: str) -> str:
    try:
        parse_duration(text)
    except ValueError as error:
        raise journey_error(str(error), DURATION_HINT) from None
    return text


def _checked_name(text: str) -> str:
    if not text.strip():
        raise journey_error("the name is empty", "write a name")
    return text


def _number_as_text(value: object) -> object:
    """A bare number where a duration is expected is checked as text, so the message
    says that it lacks a unit."""
    return str(value) if isinstance(value, int | float) and not isinstance(value, bool) else value


def _listed(value: object) -> object:
    """A single text where a list is expected stands for a list of one."""
    return [value] if isinstance(value, str) else value


Pattern = Annotated[StrictStr, AfterValidator(_checked_pattern)]
"""An exact activity name, a glob pattern (* ?) or ``re:<regex>``."""
Duration = Annotated[StrictStr, BeforeValidator(_number_as_text), AfterValidator(_checked_duration)]
"""A duration such as 90m, 24h, 5d, 2w or 1d12h."""
Name = Annotated[StrictStr, AfterValidator(_checked_name)]
PatternList = Annotated[list[Pattern], BeforeValidator(_listed)]


class _Section(BaseModel):
    """A part of the map: unknown keys are errors, so a misspelt key is never ignored."""

    model_config = ConfigDict(extra="forbid")


class Stage(_Section):
    """One stage of the journey, with the activities that belong to it."""

    name: Name
    description: StrictStr | None = None
    promise: Duration | None = None
    activities: PatternList
    required: PatternList = Field(default_factory=list)
    """Touchpoints the designed journey requires in this stage: each entry (a name or a
    pattern over the stage's own activities) must occur in every case that reaches it."""

    @field_validator("activities")
    @classmethod
    def _not_empty(cls, activities: list[str]) -> list[str]:
        if not activities:
            raise journey_error(
                "the stage has no activities", "list the activities that belong to the stage"
            )
        return activities

    @property
    def promise_hours(self) -> float | None:
        """The promise in hours, or None when the stage promises nothing."""
        return None if self.promise is None else parse_duration(self.promise)

    @property
    def patterns(self) -> list[ActivityPattern]:
        """The stage's activity entries, ready to match activity names."""
        return [parse_pattern(text) for text in self.activities]


class Touchpoint(_Section):
    """A customer-facing (frontstage) activity and the channel through which it happens."""

    activity: Pattern
    channel: StrictStr | None = None


class Outcomes(_Section):
    """Activities that mean the journey ended well (good), badly (bad), or in a way a person
    has yet to judge (check: the journey ended there, but neither well nor badly is said)."""

    good: PatternList = Field(default_factory=list)
    bad: PatternList = Field(default_factory=list)
    check: PatternList = Field(default_factory=list)

    @model_validator(mode="after")
    def _one_kind_each(self) -> Outcomes:
        kinds: dict[str, str] = {}
        for kind in OUTCOME_KINDS:
            for index, text in enumerate(getattr(self, kind)):
                first = kinds.setdefault(text, kind)
                if first != kind:
                    raise journey_error(
                        f"{text!r} is listed as both a {first} and a {kind} outcome",
                        "keep it in one of the lists",
                        (kind, index),
                    )
        return self


class Survey(_Section):
    """Columns of the log that hold survey answers, by kind."""

    nps: StrictStr | None = None
    csat: StrictStr | None = None
    ces: StrictStr | None = None

    def columns(self) -> dict[str, str]:
        """Survey kind -> column, for the kinds the map names."""
        return {kind: getattr(self, kind) for kind in SURVEY_KINDS if getattr(self, kind)}


Weight = Annotated[float, Field(ge=0, strict=True, allow_inf_nan=False)]


class JourneyMap(_Section):
    """A customer journey map: ordered stages, touchpoints, outcomes, promises and weights.

    ``drafted`` marks a map drafted from a log (so the audit can say so) and ``notes``
    holds what the drafting guessed; a person editing the map may clear both.
    """

    journey: Name
    language: Literal["en", "fi", "sv"] = "en"
    drafted: StrictBool = False
    notes: list[StrictStr] = Field(default_factory=list)
    stages: list[Stage]
    allowed_skips: list[Name] = Field(default_factory=list)
    touchpoints: list[Touchpoint] = Field(default_factory=list)
    outcomes: Outcomes = Field(default_factory=Outcomes)
    ongoing_after: Duration | None = None
    repeat_within_days: float = Field(default=30.0, gt=0, allow_inf_nan=False)
    weights: dict[StrictStr, Weight] = Field(default_factory=dict)
    survey: Survey = Field(default_factory=Survey)
    calendar: WorkingCalendar | None = None

    _source: str | None = PrivateAttr(default=None)

    @field_validator("stages")
    @classmethod
    def _stages_present(cls, stages: list[Stage]) -> list[Stage]:
        if not stages:
            raise journey_error("the journey has no stages", "list at least one stage")
        return stages

    @field_validator("weights")
    @classmethod
    def _known_weights(cls, weights: dict[str, float]) -> dict[str, float]:
        for key in weights:
            if key not in FRICTION_COMPONENTS:
                raise journey_error(
                    f"unknown friction weight {key!r}",
                    "use these keys: " + ", ".join(FRICTION_COMPONENTS),
                    (key,),
                )
        return weights

    @model_validator(mode="after")
    def _unique_stage_names(self) -> JourneyMap:
        seen: dict[str, int] = {}
        for index, stage in enumerate(self.stages):
            key = stage.name.strip().casefold()
            if key in seen:
                raise journey_error(
                    f"stage name {stage.name!r} is used twice "
                    f"(stages {seen[key] + 1} and {index + 1})",
                    "give every stage its own name",
                    ("stages", index, "name"),
                )
            seen[key] = index
        return self

    @model_validator(mode="after")
    def _known_skips(self) -> JourneyMap:
        names = {stage.name.strip().casefold() for stage in self.stages}
        for index, name in enumerate(self.allowed_skips):
            if name.strip().casefold() not in names:
                raise journey_error(
                    f"allowed skip {name!r} is not a stage of the journey",
                    "use one of the stages: " + ", ".join(s.name for s in self.stages),
                    ("allowed_skips", index),
                )
        return self

    def __eq__(self, other: object) -> bool:
        """Two maps are equal when they say the same, wherever they were read from."""
        return isinstance(other, JourneyMap) and self.model_dump() == other.model_dump()

    __hash__ = None  # type: ignore[assignment]  # mutable, like every pydantic model

    @property
    def source(self) -> str | None:
        """The file (or other source) the map was read from, for messages."""
        return self._source

    @property
    def ongoing_after_hours(self) -> float | None:
        """The ongoing cut-off in hours, or None to let the engine choose."""
        return None if self.ongoing_after is None else parse_duration(self.ongoing_after)

    def with_source(self, source: str | None) -> JourneyMap:
        """This map, remembering where it came from."""
        self._source = source
        return self
