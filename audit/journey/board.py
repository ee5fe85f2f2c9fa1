"""The journey board: the journey map as columns (stages) and cards (activities), and the
edits a person makes on it, each giving a new, validated journey map.

The YAML stays the truth: a board is drawn from a `JourneyMap` resolved against a log
(`build_board`), and every edit (`apply_edit`) returns a new `JourneyMap` for the app to
write back and audit. Edits touch as little of the map as they can: a card moved to
another stage is named there by its exact name (an exact name wins over a pattern, see
`audit.journey.compile`); only when a pattern must stop naming an activity is it replaced
by the exact names it matched in this log. An edit that would make the map invalid (a
stage left without activities, two stages of one name, a promise that is no duration)
raises `BoardEditError`, naming the stage or card concerned and a `code` the app can
translate.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field

import pandas as pd
from pydantic import ValidationError

from audit.errors import AuditInputError
from audit.journey.compile import compile_journey
from audit.journey.compiled import OUTCOME_KINDS
from audit.journey.durations import DURATION_HINT, parse_duration
from audit.journey.model import JourneyMap, Survey
from audit.journey.patterns import REGEX_PREFIX, parse_pattern

EDIT_OPS: tuple[str, ...] = (
    "move_card",
    "add_stage",
    "remove_stage",
    "rename_stage",
    "move_stage",
    "set_touchpoint",
    "set_outcome",
    "set_promise",
)
"""The edits `apply_edit` knows, each a dict with "op" and the fields of its function."""


class BoardEditError(AuditInputError):
    """An edit the journey map cannot take. ``code`` says why in a word the app translates
    ("empty_stage", "last_stage", "empty_name", "duplicate_name", "bad_promise",
    "unknown", "invalid"); ``stage`` and ``activity`` name the column and card concerned."""

    def __init__(
        self,
        message: str,
        *,
        code: str,
        hint: str,
        stage: str | None = None,
        activity: str | None = None,
    ):
        super().__init__(message, source="journey board", hint=hint)
        self.code, self.stage, self.activity = code, stage, activity


def exact_entry(activity: str) -> str:
    """The journey-map entry that names exactly this activity, even when the name looks
    like a pattern (contains * or ?, or starts with re:)."""
    if "*" in activity or "?" in activity or activity.startswith(REGEX_PREFIX):
        return f"{REGEX_PREFIX}{re.escape(activity)}"
    return activity


def _without(entries: list[str], activity: str, scope: Iterable[str]) -> list[str]:
    """``entries`` no longer naming ``activity``: its exact entry is dropped and a pattern
    that matches it is replaced by the exact names of the other activities in ``scope``
    (those the entries' owner holds) that the pattern matches."""
    kept: list[str] = []
    for entry in entries:
        if entry == exact_entry(activity):
            continue
        pattern = parse_pattern(entry)
        if pattern.is_exact or not pattern.matches(activity):
            kept.append(entry)
            continue
        kept += [
            exact_entry(other)
            for other in scope
            if other != activity and pattern.matches(other) and exact_entry(other) not in kept
        ]
    return kept


def _owned(table: pd.DataFrame, column: str, owner: object) -> list[str]:
    """The activities whose compiled ``column`` is ``owner`` (None: is empty)."""
    chosen = table[column].isna() if owner is None else table[column] == owner
    return table.loc[chosen, "activity"].tolist()


def _resolved(journey: JourneyMap, activities: list[str]) -> pd.DataFrame:
    """Who claims each activity (`CompiledJourney.activities`); AuditInputError when two
    entries claim one. The survey columns, which no board edit touches, are not checked:
    the board knows the log's activities, not its columns."""
    return compile_journey(journey.model_copy(update={"survey": Survey()}), activities).activities


def _stage_index(data: dict, stage: str) -> int:
    for index, item in enumerate(data["stages"]):
        if item["name"] == stage:
            return index
    raise BoardEditError(
        f"there is no stage {stage!r}",
        code="unknown",
        hint="reload the page: the journey map changed",
        stage=stage,
    )


def _validated(data: dict, journey: JourneyMap, activities: list[str], **target) -> JourneyMap:
    """The edited map, checked as the YAML would be: the model's rules, then resolved
    against the log's activities (two claims on one activity are an error)."""
    try:
        edited = JourneyMap.model_validate(data).with_source(journey.source)
    except ValidationError as error:
        first = error.errors()[0]
        context = first.get("ctx") or {}
        raise BoardEditError(
            context.get("reason", first["msg"]),
            code="invalid",
            hint=context.get("hint", "undo the change"),
            **target,
        ) from None
    try:
        _resolved(edited, activities)
    except AuditInputError as error:
        raise BoardEditError(str(error), code="invalid", hint="undo the change", **target) from None
    return edited


def _release(data: dict, table: pd.DataFrame, activity: str, keep: str | None) -> None:
    """No stage but ``keep`` names ``activity`` any longer; an exact requirement on it
    moves with it to ``keep``. With a ``keep`` (where it is named exactly) the other
    stages lose only their exact entries for it: their patterns lose to the exact name
    (unless the name looks like a pattern: then it is named by a regex, which wins nothing).
    A stage left with no activities is an error."""
    moved_required = False
    for item in data["stages"]:
        if item["name"] == keep:
            continue
        if keep is None or exact_entry(activity) != activity:  # a regex is no exact name
            scope = _owned(table, "stage", item["name"])
            item["activities"] = _without(item["activities"], activity, scope)
        else:
            item["activities"] = [e for e in item["activities"] if e != exact_entry(activity)]
        if exact_entry(activity) in item["required"]:
            item["required"].remove(exact_entry(activity))
            moved_required = True
        if not item["activities"]:
            raise BoardEditError(
                f"stage {item['name']!r} would have no activities left",
                code="empty_stage",
                hint="move another card into the stage first, or remove the stage",
                stage=item["name"],
                activity=activity,
            )
    if keep is not None and moved_required:
        target = data["stages"][_stage_index(data, keep)]
        target["required"].append(exact_entry(activity))


def move_card(journey: JourneyMap, activities: list[str], activity: str, stage: str | None):
    """The map with ``activity`` in ``stage`` (None: in no stage, the unmapped tray)."""
    table = _resolved(journey, activities)
    data = journey.model_dump()
    if stage is not None:
        target = data["stages"][_stage_index(data, stage)]
        if exact_entry(activity) not in target["activities"]:
            target["activities"].append(exact_entry(activity))
    _release(data, table, activity, stage)
    return _validated(data, journey, activities, stage=stage, activity=activity)


def unique_stage_name(journey: JourneyMap, base: str) -> str:
    """``base``, or ``base 2``, ``base 3``, ... : the first that no stage of the map has."""
    taken = {stage.name.strip().casefold() for stage in journey.stages}
    name, number = base, 1
    while name.strip().casefold() in taken:
        number += 1
        name = f"{base} {number}"
    return name


def add_stage(
    journey: JourneyMap,
    activities: list[str],
    name: str,
    activity: str,
    index: int | None = None,
) -> JourneyMap:
    """The map with a new stage ``name`` at ``index`` (default: last), holding ``activity``
    (a stage needs one: the board adds a stage by dropping a card on it)."""
    table = _resolved(journey, activities)
    data = journey.model_dump()
    _check_name(journey, name, None)
    position = len(data["stages"]) if index is None else max(0, min(index, len(data["stages"])))
    data["stages"].insert(position, {"name": name.strip(), "activities": [exact_entry(activity)]})
    _release(data, table, activity, name.strip())
    return _validated(data, journey, activities, stage=name.strip(), activity=activity)


def remove_stage(journey: JourneyMap, activities: list[str], stage: str) -> JourneyMap:
    """The map without ``stage``; its activities go to the unmapped tray (unless another
    stage's pattern names them)."""
    data = journey.model_dump()
    if len(data["stages"]) == 1:
        raise BoardEditError(
            "a journey needs at least one stage",
            code="last_stage",
            hint="add another stage first",
            stage=stage,
        )
    del data["stages"][_stage_index(data, stage)]
    key = stage.strip().casefold()
    data["allowed_skips"] = [s for s in data["allowed_skips"] if s.strip().casefold() != key]
    return _validated(data, journey, activities, stage=stage)


def _check_name(journey: JourneyMap, name: str, old: str | None) -> None:
    if not name.strip():
        raise BoardEditError(
            "the stage name is empty", code="empty_name", hint="write a name", stage=old
        )
    for stage in journey.stages:
        if stage.name != old and stage.name.strip().casefold() == name.strip().casefold():
            raise BoardEditError(
                f"there is already a stage {stage.name!r}",
                code="duplicate_name",
                hint="give every stage its own name",
                stage=old,
            )


def rename_stage(journey: JourneyMap, activities: list[str], stage: str, name: str):
    """The map with ``stage`` called ``name`` (also where the designed journey allows
    skipping it)."""
    _check_name(journey, name, stage)
    data = journey.model_dump()
    data["stages"][_stage_index(data, stage)]["name"] = name.strip()
    key = stage.strip().casefold()
    data["allowed_skips"] = [
        name.strip() if skip.strip().casefold() == key else skip for skip in data["allowed_skips"]
    ]
    return _validated(data, journey, activities, stage=name.strip())


def move_stage(journey: JourneyMap, activities: list[str], stage: str, index: int):
    """The map with ``stage`` at position ``index`` (0 = first) of the journey."""
    data = journey.model_dump()
    item = data["stages"].pop(_stage_index(data, stage))
    data["stages"].insert(max(0, min(index, len(data["stages"]))), item)
    return _validated(data, journey, activities, stage=stage)


def set_touchpoint(journey: JourneyMap, activities: list[str], activity: str, on: bool):
    """The map with ``activity`` a customer touchpoint (``on``) or backstage."""
    table = _resolved(journey, activities)
    row = table.loc[table["activity"] == activity]
    if not row.empty and bool(row["is_touchpoint"].iloc[0]) == on:
        return journey
    data = journey.model_dump()
    if on:
        data["touchpoints"].append({"activity": exact_entry(activity), "channel": None})
    else:
        points = []
        for point in data["touchpoints"]:
            scope = _owned(table[table["is_touchpoint"]], "touchpoint_channel", point["channel"])
            names = _without([point["activity"]], activity, scope)
            points += [{"activity": name, "channel": point["channel"]} for name in names]
        data["touchpoints"] = points
    return _validated(data, journey, activities, activity=activity)


def set_outcome(journey: JourneyMap, activities: list[str], activity: str, kind: str | None):
    """The map with ``activity`` an outcome of ``kind`` ("good", "bad", "check") or none."""
    if kind is not None and kind not in OUTCOME_KINDS:
        raise BoardEditError(
            f"unknown outcome {kind!r}",
            code="invalid",
            hint=f"use one of {', '.join(OUTCOME_KINDS)}",
            activity=activity,
        )
    table = _resolved(journey, activities)
    data = journey.model_dump()
    for other in OUTCOME_KINDS:
        data["outcomes"][other] = _without(
            data["outcomes"][other], activity, _owned(table, "outcome", other)
        )
    if kind is not None:
        data["outcomes"][kind].append(exact_entry(activity))
    return _validated(data, journey, activities, activity=activity)


def set_promise(journey: JourneyMap, activities: list[str], stage: str, promise: str | None):
    """The map with ``stage`` promising ``promise`` (a duration such as 24h; empty or None
    for no promise)."""
    text = (promise or "").strip() or None
    if text is not None:
        try:
            parse_duration(text)
        except ValueError as error:
            raise BoardEditError(
                str(error), code="bad_promise", hint=DURATION_HINT, stage=stage
            ) from None
    data = journey.model_dump()
    data["stages"][_stage_index(data, stage)]["promise"] = text
    return _validated(data, journey, activities, stage=stage)


_EDITS = {
    "move_card": (move_card, ("activity", "stage")),
    "add_stage": (add_stage, ("name", "activity", "index")),
    "remove_stage": (remove_stage, ("stage",)),
    "rename_stage": (rename_stage, ("stage", "name")),
    "move_stage": (move_stage, ("stage", "index")),
    "set_touchpoint": (set_touchpoint, ("activity", "on")),
    "set_outcome": (set_outcome, ("activity", "kind")),
    "set_promise": (set_promise, ("stage", "promise")),
}


def apply_edit(journey: JourneyMap, activities: list[str], edit: Mapping) -> JourneyMap:
    """The map after one board edit: {"op": one of EDIT_OPS, and that function's fields}."""
    op = edit.get("op") if isinstance(edit, Mapping) else None
    if op not in _EDITS:
        raise BoardEditError(
            f"unknown board edit {op!r}", code="invalid", hint=f"use one of {', '.join(EDIT_OPS)}"
        )
    function, fields = _EDITS[op]
    missing = [name for name in fields if name not in edit and name != "index"]
    if missing:
        raise BoardEditError(
            f"the edit {op!r} lacks {', '.join(missing)}", code="invalid", hint="send every field"
        )
    return function(journey, activities, **{name: edit[name] for name in fields if name in edit})


@dataclass(frozen=True)
class Card:
    """An activity on the board, with its evidence from the log.

    case_share: share of cases it occurs in; position: its typical (median) place in a
    case, 0 = first event, 1 = last; ends_share: share of the cases it occurs in that it
    ends. notes: the drafted map's notes that name it."""

    activity: str
    stage: str | None
    touchpoint: bool
    channel: str | None
    outcome: str | None
    events: int
    case_share: float | None
    position: float | None
    ends_share: float | None
    notes: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Column:
    """A stage: its cards (in typical case order), promise, friction and the change of its
    friction against the previous map (None: no previous map, or the stage is new), and
    the warnings about it."""

    stage: str
    description: str | None
    promise: str | None
    friction: float | None
    change: float | None
    cards: list[Card]
    warnings: list[str]


@dataclass(frozen=True)
class Lane:
    """A lane of the service blueprint: "frontstage" (the customer's touchpoints, above the
    line of visibility) or an org unit (backstage); cells: stage -> [[activity, events]]."""

    lane: str
    kind: str
    cells: dict[str, list[list]]


@dataclass(frozen=True)
class Board:
    """What the board draws: the columns in journey order, the unmapped tray, the blueprint
    lanes, the notes that name no card, and the warnings about no stage."""

    columns: list[Column]
    tray: list[Card]
    lanes: list[Lane]
    notes: list[str]
    warnings: list[str]

    def to_json(self) -> dict:
        """The board as plain JSON (for the app's board component)."""
        return asdict(self)


def notes_by_activity(notes: list[str], activities: Iterable[str]) -> dict[str, list[str]]:
    """The notes that name each activity (as the drafting writes names: quoted, repr)."""
    return {a: [note for note in notes if repr(a) in note] for a in activities}


def _number(value: object) -> float | None:
    return None if value is None or pd.isna(value) else float(value)


def _cards(compiled_activities: pd.DataFrame, evidence: pd.DataFrame, notes: list[str]):
    """One card per activity of the log, in typical case order."""
    proof = evidence.set_index("activity") if not evidence.empty else evidence
    named = notes_by_activity(notes, compiled_activities["activity"])
    cards = []
    for row in compiled_activities.itertuples(index=False):
        found = row.activity in proof.index
        item = proof.loc[row.activity] if found else None
        cases = _number(item["cases"]) if found else None
        cards.append(
            Card(
                activity=row.activity,
                stage=None if pd.isna(row.stage) else row.stage,
                touchpoint=bool(row.is_touchpoint),
                channel=None if pd.isna(row.touchpoint_channel) else row.touchpoint_channel,
                outcome=None if pd.isna(row.outcome) else row.outcome,
                events=int(item["events"]) if found else 0,
                case_share=item["cases_with"] / cases if found and cases else None,
                position=_number(item["median_position"]) if found else None,
                ends_share=item["last_in_cases"] / item["cases_with"] if found else None,
                notes=named[row.activity],
            )
        )
    return sorted(cards, key=lambda c: (c.position is None, c.position or 0.0, c.activity))


def _lanes(table: pd.DataFrame | None) -> list[Lane]:
    if table is None or table.empty:
        return []
    lanes = []
    for (lane, kind), rows in table.sort_values("lane_order").groupby(
        ["lane", "lane_kind"], sort=False
    ):
        cells: dict[str, list[list]] = {}
        for row in rows.itertuples(index=False):
            cells.setdefault(row.stage, []).append([row.activity, int(row.events)])
        lanes.append(Lane(lane=lane, kind=kind, cells=cells))
    return lanes


def build_board(
    journey: JourneyMap,
    compiled_activities: pd.DataFrame,
    evidence: pd.DataFrame,
    warnings: list[str],
    friction: pd.DataFrame | None = None,
    lanes: pd.DataFrame | None = None,
) -> Board:
    """The board of ``journey`` resolved against a log.

    compiled_activities: `CompiledJourney.activities`; evidence:
    `audit.journey.draft.activity_profile` of the log; warnings: `CompiledJourney.warnings`
    (those about a stage go on its column); friction: stage, friction, change
    (`audit.findings.friction_change`); lanes: `audit.process.blueprint.blueprint_table`.
    """
    cards = _cards(compiled_activities, evidence, journey.notes)
    scores = {} if friction is None else friction.set_index("stage").to_dict("index")
    columns = []
    claimed: set[str] = set()
    for stage in journey.stages:
        prefix = f"stage {stage.name!r}:"
        mine = [w for w in warnings if w.startswith(prefix)]
        claimed.update(mine)
        score = scores.get(stage.name, {})
        columns.append(
            Column(
                stage=stage.name,
                description=stage.description,
                promise=stage.promise,
                friction=_number(score.get("friction")),
                change=_number(score.get("change")),
                cards=[card for card in cards if card.stage == stage.name],
                warnings=[w.removeprefix(prefix).strip() for w in mine],
            )
        )
    return Board(
        columns=columns,
        tray=[card for card in cards if card.stage is None],
        lanes=_lanes(lanes),
        notes=[n for n in journey.notes if not any(repr(c.activity) in n for c in cards)],
        warnings=[w for w in warnings if w not in claimed],
    )
