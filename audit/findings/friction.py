"""Friction scores: how much a stage (activity, org unit, handoff pair) makes customers suffer.

A score is explainable by construction. Each named component is a number from 0 (none of
this friction) to 1 (as bad as it gets), derived from the measures of the stage; the score
is the weighted mean of the components on a 0-100 scale, with the weights of the journey
file:

    friction = 100 * sum(weight[c] * component[c]) / sum(weight[c])

Stage components (docs/friction.md gives the reasoning):

- wait:       p90 wait in the stage / the largest p90 wait of any stage of the journey
- handoffs:   handoffs in the stage / events in the stage (share of steps that changed hands)
- pingpong:   ping-pongs in the stage / cases in the stage, at most 1
- rework:     (self-loops + repetitions) / events in the stage (share of steps that redo work)
- back_jumps: back-jumps into the stage / cases in the stage, at most 1
- promise:    1 - share of cases whose time in the stage kept the promise (0 without one)
- dropoff:    drop-offs at the stage / cases that reached it
- silence:    median time in stage / the largest median time in stage of the journey,
              times the share of a contact missing: max(0, 1 - touchpoints / cases)
- repeat_contacts: repeat contacts whose earlier case ended in the stage / cases in the
              stage, at most 1; only when the log has customers (otherwise it is left out
              of the score, not counted as 0)

Activities, org units and handoff pairs get scores of the same form over the components
that exist at their level (see LEVEL_COMPONENTS). They are scored only when at least
MIN_CASE_SHARE of the log's cases meet them, so that one rare, slow case cannot outrank
what most customers go through; the "largest" in a relative component is taken over the
scored items of the same level.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from audit.engine.result import Measures
from audit.journey.compiled import FRICTION_COMPONENTS, CompiledJourney

LEVEL_COMPONENTS: dict[str, tuple[str, ...]] = {
    "stage": FRICTION_COMPONENTS,
    "activity": ("wait", "handoffs", "rework"),
    "org_unit": ("wait", "handoffs", "pingpong"),
    "handoff_pair": ("handoffs", "wait", "pingpong"),
}
"""The friction components scored at each level."""

MIN_CASE_SHARE = 0.05
"""Activities, org units and handoff pairs met by fewer cases than this share are not scored."""

DEFAULT_WEIGHT = 1.0
"""Weight of a component that the journey file does not weight."""


Values = pd.Series | np.ndarray
"""A column of numbers: a measures column or a component computed from them."""


def _numbers(values: Values) -> np.ndarray:
    """The values as floats, missing (or not a number) as 0."""
    numbers = pd.to_numeric(pd.Series(values), errors="coerce").to_numpy("float64", na_value=0.0)
    return np.nan_to_num(numbers)


def _ratio(numerator: Values, denominator: Values) -> np.ndarray:
    """numerator / denominator as floats in 0..1; 0 where the denominator is 0 or missing."""
    num, den = _numbers(numerator), _numbers(denominator)
    ratio = np.divide(num, den, out=np.zeros_like(num), where=den > 0)
    return np.clip(ratio, 0.0, 1.0)


def _relative(values: Values) -> np.ndarray:
    """Each value divided by the largest one (0..1); all 0 when the largest is 0."""
    numbers = _numbers(values)
    return _ratio(numbers, np.full_like(numbers, numbers.max(initial=0.0)))


def _weights(names: list[str], weights: Mapping[str, float]) -> np.ndarray:
    """The weight of each named component, as fractions of their total (all 0 if it is 0)."""
    raw = np.array([float(weights.get(c, DEFAULT_WEIGHT)) for c in names])
    total = raw.sum()
    return raw / total if total > 0 else np.zeros_like(raw)


def weighted_score(components: pd.DataFrame, weights: Mapping[str, float]) -> np.ndarray:
    """100 * weighted mean of the component columns present in `components` (0..100)."""
    names = [c for c in FRICTION_COMPONENTS if c in components.columns]
    return 100 * components[names].to_numpy("float64") @ _weights(names, weights)


def contributions(components: pd.Series, weights: Mapping[str, float]) -> pd.Series:
    """Points each component adds to one item's score (they sum to the score), largest first."""
    names = [c for c in FRICTION_COMPONENTS if c in components.index]
    points = 100 * components[names].to_numpy("float64") * _weights(names, weights)
    return pd.Series(points, index=names).sort_values(ascending=False, kind="stable")


def _scored(keys: pd.DataFrame, components: dict[str, np.ndarray], weights) -> pd.DataFrame:
    """keys + one column per component + friction."""
    table = keys.reset_index(drop=True).assign(**components)
    table["friction"] = weighted_score(table, weights)
    return table


def stage_friction(measures: Measures, journey: CompiledJourney) -> pd.DataFrame:
    """Friction of every journey stage: stage, order, the components, friction.

    The "(unmapped)" row of the measures is not a stage and gets no score.
    """
    stages = measures.stages[measures.stages["stage"].isin(journey.stages["stage"])]
    stages = stages.sort_values("order").reset_index(drop=True)
    cases = stages["cases"]
    missing_contact = 1.0 - _ratio(stages["touchpoints"], cases)
    components = {
        "wait": _relative(stages["wait_hours_p90"]),
        "handoffs": _ratio(stages["handoffs"], stages["events"]),
        "pingpong": _ratio(stages["pingpongs"], cases),
        "rework": _ratio(stages["self_loops"] + stages["repetitions"], stages["events"]),
        "back_jumps": _ratio(stages["back_jumps_into"], cases),
        "promise": 1.0 - _numbers(stages["promise_kept_share"].fillna(1.0)),
        "dropoff": _ratio(stages["dropoffs"], cases),
        "silence": _relative(stages["time_in_stage_hours_median"]) * missing_contact,
    }
    if measures.customers is not None:  # only measured when cases have customers
        components["repeat_contacts"] = _ratio(stages["repeat_contacts"], cases)
    return _scored(stages[["stage", "order"]], components, journey.weights)


def _met_by_enough(table: pd.DataFrame, total_cases: int) -> pd.DataFrame:
    """The rows whose `cases` reach MIN_CASE_SHARE of all cases."""
    return table[table["cases"] >= MIN_CASE_SHARE * total_cases].reset_index(drop=True)


def activity_friction(measures: Measures, journey: CompiledJourney) -> pd.DataFrame:
    """Friction of the activities most cases meet: activity, stage, cases, components, friction.

    wait: p90 wait before the activity / the largest of the scored activities;
    handoffs: handoffs into the activity / its events; rework: (self-loops + repetitions) /
    its events.
    """
    table = _met_by_enough(measures.activities, int(measures.log["cases"]))
    components = {
        "wait": _relative(table["wait_hours_p90"]),
        "handoffs": _ratio(table["handoffs_in"], table["events"]),
        "rework": _ratio(table["self_loops"] + table["repetitions"], table["events"]),
    }
    return _scored(table[["activity", "stage", "cases"]], components, journey.weights)


def org_unit_friction(measures: Measures, journey: CompiledJourney) -> pd.DataFrame:
    """Friction of the org units most cases meet: org_unit, cases, components, friction.

    wait: median wait before the unit's events / the largest of the scored units; handoffs:
    handoffs into the unit / its events; pingpong: ping-pongs through the unit / its cases,
    at most 1.
    """
    table = _met_by_enough(measures.org_units, int(measures.log["cases"]))
    components = {
        "wait": _relative(table["wait_hours_median"]),
        "handoffs": _ratio(table["handoffs_in"], table["events"]),
        "pingpong": _ratio(table["pingpongs"], table["cases"]),
    }
    return _scored(table[["org_unit", "cases"]], components, journey.weights)


def handoff_pair_friction(measures: Measures, journey: CompiledJourney) -> pd.DataFrame:
    """Friction of the handoff pairs most cases meet: from_unit, to_unit, count, cases,
    bounced_back, wait_hours_median, components, friction.

    handoffs: handoffs of the pair / the most frequent scored pair; wait: median wait of the
    pair's handoffs / the largest of the scored pairs; pingpong: times a case came straight
    back (from -> to -> from) / handoffs of the pair, at most 1.
    """
    pairs = _met_by_enough(measures.handoff_pairs, int(measures.log["cases"]))
    bounces = measures.pingpong_pairs.rename(
        columns={"unit": "from_unit", "via_unit": "to_unit", "count": "bounced_back"}
    )[["from_unit", "to_unit", "bounced_back"]]
    pairs = pairs.merge(bounces, on=["from_unit", "to_unit"], how="left")
    pairs["bounced_back"] = pairs["bounced_back"].fillna(0).astype("int64")
    components = {
        "handoffs": _relative(pairs["count"]),
        "wait": _relative(pairs["wait_hours_median"]),
        "pingpong": _ratio(pairs["bounced_back"], pairs["count"]),
    }
    keys = pairs[["from_unit", "to_unit", "count", "cases", "bounced_back", "wait_hours_median"]]
    return _scored(keys, components, journey.weights)
