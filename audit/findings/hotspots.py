"""Hotspots: the stages, activities, org units and handoff pairs with the most friction.

Each level is ranked on its own (rank 1 = most friction), because a stage and an activity
are scored from different components. The top HOTSPOTS_PER_LEVEL items with a score above
zero become hotspots, each with one sentence of evidence in English and Finnish that
names the EVIDENCE_COMPONENTS components that add the most points to its score, in plain
words and numbers, and also (ALWAYS_NAMED) a stage's ping-pong, back-jumps and drop-offs and
a handoff pair's ping-pong whenever there are any.

Every stage and handoff pair hotspot also gets `what_if`, what a fix is worth: the median
lead time again with the waits it is blamed for cut down to the log's typical wait
(audit.engine.what_if, run in the audit's DuckDB connection), and a sentence saying it.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import duckdb
import pandas as pd

from audit.engine.result import Measures
from audit.engine.what_if import RULE, what_if_measures
from audit.errors import AuditInputError
from audit.findings.friction import (
    LEVEL_COMPONENTS,
    activity_friction,
    contributions,
    handoff_pair_friction,
    org_unit_friction,
)
from audit.findings.humanize import (
    LANGUAGES,
    format_count,
    format_hours,
    format_number,
    format_share,
)
from audit.findings.texts import counted, in_cases, plural, text
from audit.journey.compiled import CompiledJourney

HOTSPOTS_PER_LEVEL = 5
"""How many of the worst items of each level become hotspots."""

EVIDENCE_COMPONENTS = 2
"""How many of the strongest components an evidence sentence names."""

ALWAYS_NAMED: dict[str, tuple[str, ...]] = {
    "stage": ("pingpong", "back_jumps", "dropoff", "repeat_contacts"),
    "handoff_pair": ("pingpong",),
}
"""Components a level's evidence names whenever they occur, however few points they add:
a customer bounced between units, sent back to an earlier stage or lost at a stage is
always worth saying."""

LEVELS: tuple[str, ...] = ("stage", "activity", "org_unit", "handoff_pair")

HOTSPOT_COLUMNS: tuple[str, ...] = (
    "rank",
    "level",
    "name",
    "stage",
    "score",
    "cases",
    "components",
    *(f"evidence_{language}" for language in LANGUAGES),
    "what_if",
    *(f"what_if_{language}" for language in LANGUAGES),
)
"""Columns of the hotspot table; components maps each component name to its 0-1 value;
what_if (None for activities and org units, or without a connection) holds WHAT_IF_FIELDS,
with a sentence per language in what_if_<language>."""


WHAT_IF_FIELDS: tuple[str, ...] = (
    "lead_time_hours_median_before",
    "lead_time_hours_median_after",
    "cases_affected",
    "customer_days_saved_per_month",
    "typical_wait_hours",
    "rule",
)
"""The fields of a hotspot's what_if (docs/json-contract.md)."""

ORDERS: tuple[str, ...] = ("friction", "worth")
"""How the hotspots of each level can be ordered: by friction score (rank) or by the
customer-days a month their fix is worth."""


def _count(value: object, language: str) -> str:
    return format_count(float(value or 0), language)


def _stage_phrases(row: pd.Series, language: str) -> dict[str, str]:
    """One phrase per stage component, in `language`."""
    cases = float(row["cases"] or 0)
    contacts = float(row["touchpoints"] or 0) / cases if cases else 0.0
    promise_kept = row["promise_kept_share"]
    phrases = {
        "wait": text(
            "stage.wait",
            language,
            p90=format_hours(row["wait_hours_p90"], language),
            median=format_hours(row["wait_hours_median"], language),
        ),
        "handoffs": counted(
            "stage.handoffs",
            row["handoffs"],
            language,
            share=format_share(row["handoffs_component"], language),
        ),
        "pingpong": counted(
            "stage.pingpong", row["pingpongs"], language, in_cases=in_cases(cases, language)
        ),
        "rework": counted(
            "stage.rework",
            row["self_loops"] + row["repetitions"],
            language,
            share=format_share(row["rework_component"], language),
        ),
        "back_jumps": counted("stage.back_jumps", row["back_jumps_into"], language),
        "promise": text(
            "stage.promise",
            language,
            promise=format_hours(row["promise_hours"], language),
            share=format_share(0.0 if pd.isna(promise_kept) else promise_kept, language),
        ),
        "dropoff": counted(
            "stage.dropoff",
            row["dropoffs"],
            language,
            share=format_share(row["dropoff_component"], language),
        ),
        "silence": text(
            "stage.silence",
            language,
            time=format_hours(row["time_in_stage_hours_median"], language),
            contacts=format_number(contacts, language),
        ),
    }
    if pd.notna(row.get("repeat_contacts_component")):
        phrases["repeat_contacts"] = counted(
            "stage.repeat_contacts",
            row["repeat_contacts"],
            language,
            days=format_number(row["repeat_within_days"], language, digits=0),
        )
    return phrases


def _activity_phrases(row: pd.Series, language: str) -> dict[str, str]:
    """One phrase per activity component, in `language`."""
    return {
        "wait": text(
            "activity.wait",
            language,
            p90=format_hours(row["wait_hours_p90"], language),
            median=format_hours(row["wait_hours_median"], language),
        ),
        "handoffs": text(
            "activity.handoffs",
            language,
            share=format_share(row["handoffs_component"], language),
            events=_count(row["events"], language),
        ),
        "rework": text(
            "activity.rework",
            language,
            share=format_share(row["rework_component"], language),
            self_loops=_count(row["self_loops"], language),
            repetitions=_count(row["repetitions"], language),
        ),
    }


def _org_unit_phrases(row: pd.Series, language: str) -> dict[str, str]:
    """One phrase per org unit component, in `language`."""
    return {
        "wait": text(
            "org_unit.wait", language, median=format_hours(row["wait_hours_median"], language)
        ),
        "handoffs": counted(
            "org_unit.handoffs",
            row["handoffs_in"],
            language,
            share=format_share(row["handoffs_component"], language),
        ),
        "pingpong": counted(
            "org_unit.pingpong",
            row["pingpongs"],
            language,
            in_cases=in_cases(row["cases"], language),
        ),
    }


def _handoff_pair_phrases(row: pd.Series, language: str) -> dict[str, str]:
    """One phrase per handoff pair component, in `language`."""
    return {
        "handoffs": counted(
            "handoff_pair.handoffs",
            row["count"],
            language,
            in_cases=in_cases(row["cases"], language),
        ),
        "wait": text(
            "handoff_pair.wait", language, median=format_hours(row["wait_hours_median"], language)
        ),
        "pingpong": counted("handoff_pair.pingpong", row["bounced_back"], language),
    }


def _subject(level: str, row: pd.Series, language: str) -> str:
    """What the sentence is about: the item's name, for an activity with its stage."""
    if level == "activity" and pd.notna(row["stage"]):
        return text("subject.activity", language, name=row["_name"], stage=row["stage"])
    return str(row["_name"])


def evidence_sentence(
    subject: str,
    phrases: dict[str, str],
    points: pd.Series,
    language: str,
    always: tuple[str, ...] = (),
) -> str:
    """The sentence naming the components that add the most points (at most
    EVIDENCE_COMPONENTS, only those above zero), strongest first, followed by any component
    in `always` that adds points but is not among them."""
    positive = [name for name, value in points.items() if value > 0]
    named = positive[:EVIDENCE_COMPONENTS]
    named += [name for name in positive if name in always and name not in named]
    if not named:
        return text("evidence.none", language, subject=subject)
    joined = "; ".join(phrases[name] for name in named)
    return text("evidence", language, subject=subject, phrases=joined)


_PHRASES: dict[str, Callable[[pd.Series, str], dict[str, str]]] = {
    "stage": _stage_phrases,
    "activity": _activity_phrases,
    "org_unit": _org_unit_phrases,
    "handoff_pair": _handoff_pair_phrases,
}


def _scored_levels(
    measures: Measures, journey: CompiledJourney, stage_scores: pd.DataFrame
) -> dict[str, pd.DataFrame]:
    """Each level's friction table joined to its measures (component columns get the
    suffix _component so that they do not collide with the measures' own columns)."""
    suffix = {c: f"{c}_component" for c in LEVEL_COMPONENTS["stage"]}
    stages = stage_scores.rename(columns=suffix).merge(
        measures.stages.drop(columns=["order"]), on="stage"
    )
    if measures.customers is not None:
        stages["repeat_within_days"] = measures.customers.totals["repeat_within_days"]
    activities = (
        activity_friction(measures, journey)
        .rename(columns=suffix)
        .merge(measures.activities.drop(columns=["stage", "cases"]), on="activity")
    )
    units = (
        org_unit_friction(measures, journey)
        .rename(columns=suffix)
        .merge(measures.org_units.drop(columns=["cases"]), on="org_unit")
    )
    pairs = handoff_pair_friction(measures, journey).rename(columns=suffix)
    return {"stage": stages, "activity": activities, "org_unit": units, "handoff_pair": pairs}


def _name(level: str, row: pd.Series) -> str:
    """The hotspot's name: the stage, activity or unit, or "from → to" for a handoff pair."""
    key = {"stage": "stage", "activity": "activity", "org_unit": "org_unit"}.get(level)
    return str(row[key]) if key else f"{row['from_unit']} → {row['to_unit']}"


def what_if_sentence(name: str, what_if: dict, language: str) -> str:
    """What bringing the hotspot's long waits down to the typical wait would do, in words;
    when the median reads the same before and after (as people read durations), the sentence
    says that it stays and what the fix still saves."""
    values = {
        "name": name,
        "typical": format_hours(what_if["typical_wait_hours"], language),
        "before": format_hours(what_if["lead_time_hours_median_before"], language),
        "after": format_hours(what_if["lead_time_hours_median_after"], language),
        "cases": _count(what_if["cases_affected"], language),
        "days": _count(what_if["customer_days_saved_per_month"], language),
    }
    if not what_if["cases_affected"]:
        return text("what_if.none", language, **values)
    key = "what_if.median_kept" if values["after"] == values["before"] else "what_if"
    return plural(key, what_if["cases_affected"], language, **values)


def _what_ifs(
    con: duckdb.DuckDBPyConnection, stages: list[str], pairs: list[tuple[str, str]]
) -> list[dict]:
    """The what_if of each stage, then each (from_unit, to_unit) pair, as WHAT_IF_FIELDS."""
    found = what_if_measures(con, stages, pairs)
    return [
        {
            "lead_time_hours_median_before": float(row["lead_time_hours_median_before"]),
            "lead_time_hours_median_after": float(row["lead_time_hours_median_after"]),
            "cases_affected": int(row["cases_affected"]),
            "customer_days_saved_per_month": float(row["customer_days_saved_per_month"]),
            "typical_wait_hours": None
            if pd.isna(row["typical_wait_hours"])
            else float(row["typical_wait_hours"]),
            "rule": RULE,
        }
        for _, row in found.iterrows()
    ]


def _add_what_ifs(hotspots: pd.DataFrame, con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """The hotspots with what_if and its sentences filled in for the stages and handoff
    pairs, the levels whose waits are blamed on them (activities and org units get none)."""
    stages = hotspots[hotspots["level"] == "stage"]
    pairs = hotspots[hotspots["level"] == "handoff_pair"]
    what_ifs = _what_ifs(
        con,
        stages["name"].tolist(),
        list(zip(pairs["_from_unit"], pairs["_to_unit"], strict=True)),
    )
    for index, what_if in zip([*stages.index, *pairs.index], what_ifs, strict=True):
        hotspots.at[index, "what_if"] = what_if
        for language in LANGUAGES:
            name = hotspots.at[index, "name"]
            hotspots.at[index, f"what_if_{language}"] = what_if_sentence(name, what_if, language)
    return hotspots


def check_order(by: str) -> None:
    """Raise AuditInputError naming the ORDERS when `by` is not one of them."""
    if by not in ORDERS:
        raise AuditInputError(
            f"unknown hotspot order {by!r}", hint=f"choose one of: {', '.join(ORDERS)}"
        )


def _worth(hotspots: pd.DataFrame) -> list[float]:
    """Each hotspot's customer-days saved a month by its fix; -inf without a what-if."""
    return [
        what_if["customer_days_saved_per_month"] if isinstance(what_if, dict) else -math.inf
        for what_if in hotspots["what_if"]
    ]


def top_hotspots(hotspots: pd.DataFrame, by: str, limit: int) -> pd.DataFrame:
    """The `limit` hotspots to show first across all levels: by "friction" (score, most
    first) or by "worth" (customer-days saved a month, most first; hotspots without a
    what-if follow by score)."""
    check_order(by)
    worth = _worth(hotspots)
    keys = pd.DataFrame({"worth": worth if by == "worth" else 0.0, "score": hotspots["score"]})
    order = keys.sort_values(["worth", "score"], ascending=False, kind="stable").index
    return hotspots.loc[order[:limit]].reset_index(drop=True)


def order_hotspots(hotspots: pd.DataFrame, by: str) -> pd.DataFrame:
    """The hotspots ordered within each level (levels keep their order): by "friction"
    (rank) or by "worth" (customer-days saved a month, most first; the rank breaks ties and
    orders the hotspots without a what-if, which come last)."""
    check_order(by)
    worth = [-days for days in _worth(hotspots)]
    level = hotspots["level"].map({name: i for i, name in enumerate(LEVELS)})
    keys = pd.DataFrame({"level": level, "worth": worth if by == "worth" else 0.0})
    keys["rank"] = hotspots["rank"]
    order = keys.sort_values(["level", "worth", "rank"], kind="stable").index
    return hotspots.loc[order].reset_index(drop=True)


def find_hotspots(
    measures: Measures,
    journey: CompiledJourney,
    stage_scores: pd.DataFrame,
    con: duckdb.DuckDBPyConnection | None = None,
) -> pd.DataFrame:
    """The hotspots of every level (HOTSPOT_COLUMNS), levels in LEVELS order, rank within.

    Ties in score go to the item more cases meet, then to the name in alphabetical order.
    con: the connection `measures` were computed in (it holds the steps and cases tables):
    the stage and handoff pair hotspots then get their what_if; without it what_if is None.
    """
    rows = []
    for level, table in _scored_levels(measures, journey, stage_scores).items():
        names = [c for c in LEVEL_COMPONENTS[level] if f"{c}_component" in table.columns]
        table = table.assign(_name=[_name(level, row) for _, row in table.iterrows()])
        worst = table[table["friction"] > 0].sort_values(
            ["friction", "cases", "_name"], ascending=[False, False, True], kind="stable"
        )
        for rank, (_, row) in enumerate(worst.head(HOTSPOTS_PER_LEVEL).iterrows(), start=1):
            components = row[[f"{c}_component" for c in names]].set_axis(list(names))
            points = contributions(components, journey.weights)
            evidence = {
                language: evidence_sentence(
                    _subject(level, row, language),
                    _PHRASES[level](row, language),
                    points,
                    language,
                    ALWAYS_NAMED.get(level, ()),
                )
                for language in LANGUAGES
            }
            rows.append(
                {
                    "rank": rank,
                    "level": level,
                    "name": row["_name"],
                    "stage": row["stage"] if pd.notna(row.get("stage")) else None,
                    "score": round(float(row["friction"]), 1),
                    "cases": int(row["cases"]),
                    "components": {c: round(float(components[c]), 4) for c in names},
                    **{f"evidence_{language}": evidence[language] for language in LANGUAGES},
                    "what_if": None,
                    **{f"what_if_{language}": None for language in LANGUAGES},
                    "_from_unit": row.get("from_unit"),
                    "_to_unit": row.get("to_unit"),
                }
            )
    hotspots = pd.DataFrame(rows, columns=[*HOTSPOT_COLUMNS, "_from_unit", "_to_unit"])
    if con is not None:
        hotspots = _add_what_ifs(hotspots, con)
    return hotspots.drop(columns=["_from_unit", "_to_unit"])


def weakest_stage(stage_scores: pd.DataFrame) -> str | None:
    """The stage with the highest friction (the earlier stage on a tie); None when no stage
    shows any friction."""
    if stage_scores.empty or stage_scores["friction"].max() <= 0:
        return None
    ordered = stage_scores.sort_values(["friction", "order"], ascending=[False, True])
    return str(ordered.iloc[0]["stage"])
