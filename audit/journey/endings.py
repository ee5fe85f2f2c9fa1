"""Outcomes proposed from how cases end, for a drafted journey map.

Three kinds of evidence, in this order:

1. **Named outcomes.** An activity whose name says how a journey ended
   (`audit.journey.keywords.outcome_word`: approved, paid, rejected, credit collection,
   hylätty, afgewezen, ...) is a good or bad outcome when it comes late in cases (typical
   position at least `LATE_POSITION`) or ends at least `END_SHARE` of the cases. A name
   that only suggests a good ending (a payment noun: "Request Payment", "Request For
   Payment SAVED") needs the second: coming late is not enough.
2. **End activities.** An activity that ends at least `TERMINAL_SHARE` of the cases it
   occurs in is where journeys end, not a step they pass through: a step ends only the
   cases abandoned there or cut off by the end of the log, a small part of the cases it
   occurs in however frequent it is (a lab test in a hospital, a status update in a ticket
   system). When it also ends at least `END_SHARE` of all cases among those that reach no
   named outcome, it is proposed as an outcome, good or bad by its name, else marked
   "check" for a person to judge. That second share keeps off the map endings of a handful
   of cases, and endings that a named outcome already accounts for.
3. **Siblings.** An activity named like a proposed outcome (the same words once words of one
   letter and numbers are set aside: "Release B" beside "Release A") is judged on its own
   evidence, with the share of all cases waived: it is proposed when it ends at least
   `SIBLING_TERMINAL_SHARE` of the cases it occurs in, however few they are.

Only cases of two or more events are evidence of an ending, since a case of one event shows
where cases start as much as where they end; and for end activities and siblings only cases
that have settled, since a case whose last event is recent (closer to the end of the log
than `ONGOING_WAIT_QUANTILE` of the waits between events, the audit's rule for ongoing
cases) may still go on: where it stands is no ending. When nothing qualifies, the activity
that is most often the last event of a case is proposed as an outcome to check.
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb
import pandas as pd
from duckdb import ColumnExpression, ConstantExpression, StarExpression

from audit.journey.keywords import outcome_word
from audit.journey.positions import POSITIONS_VIEW

LATE_POSITION = 0.5
"""A named outcome typically comes at least this far through a case..."""
END_SHARE = 0.01
"""...or ends at least this share of all cases; an end activity must end as many."""
TERMINAL_SHARE = 0.25
"""An end activity ends at least this share of the cases it occurs in."""
SIBLING_TERMINAL_SHARE = 0.5
"""An activity named like an outcome is one when it ends most of the cases it occurs in."""

ONGOING_WAIT_QUANTILE = 0.95
"""A case whose last event is closer to the end of the log than this quantile of the
waits between events may still go on (the audit's own rule for ongoing cases)."""

_SETTLED_ENDINGS_SQL = f"""
WITH cases AS (
    SELECT case_id, max(timestamp) AS case_end, bool_or(named) AS reaches_named
    FROM {POSITIONS_VIEW}
    GROUP BY case_id
),
settled AS (
    SELECT max(timestamp) - to_microseconds(coalesce(CAST(quantile_cont(
               epoch_us(timestamp) - epoch_us(previous), {ONGOING_WAIT_QUANTILE}) AS BIGINT), 0))
               AS cutoff
    FROM {POSITIONS_VIEW}
)
SELECT activity, count(DISTINCT case_id) AS settled_cases,
       count(*) FILTER (WHERE position = case_events) AS settled_ends,
       count(*) FILTER (WHERE position = case_events AND NOT reaches_named) AS open_ends
FROM {POSITIONS_VIEW} JOIN cases USING (case_id), settled
WHERE case_events > 1 AND case_end <= cutoff
GROUP BY activity
"""


@dataclass(frozen=True)
class OutcomeGuess:
    """One proposed outcome and the evidence for it.

    kind: "good", "bad" or "check". rule: "named" (its name says how the journey ended),
    "end" (it ends many cases), "sibling" (named like the outcome ``sibling``) or
    "fallback" (the most frequent last activity, when nothing else qualified).
    word: the outcome word in its name, if any. ends: the cases it ends; for "end" only
    those that reach no named outcome, and for "end" and "sibling" only settled ones.
    end_share: ends over all cases. occurs: the cases it occurs in (for "end" and
    "sibling", settled ones); terminal_share: the cases it ends over those. position: its
    typical position in a case (0 = first event, 1 = last).
    """

    activity: str
    kind: str
    rule: str
    word: str | None
    ends: int
    end_share: float
    occurs: int
    terminal_share: float
    position: float
    sibling: str | None = None


def family(activity: str) -> str:
    """The name without its words of one character and its numbers, in lower case: "Release A"
    and "Release E" are one family ("release"); codes such as "01_HOOFD_530" stay whole."""
    words = activity.lower().split()
    return " ".join(word for word in words if len(word) > 1 and not word.isdigit())


def _guess(row: pd.Series, rule: str, cases: int, sibling: str | None = None) -> OutcomeGuess:
    """The guess for a row of the profile and its settled endings."""
    found = outcome_word(row["activity"])
    if rule == "named":
        ends, endings, occurs = row["ends"], row["ends"], row["cases_with"]
    else:
        endings, occurs = row["settled_ends"], row["settled_cases"]
        ends = row["open_ends"] if rule == "end" else endings
    return OutcomeGuess(
        activity=row["activity"],
        kind=found.kind if found else "check",
        rule=rule,
        word=found.word if found else None,
        ends=int(ends),
        end_share=ends / cases,
        occurs=int(occurs),
        terminal_share=endings / occurs if occurs else 0.0,
        position=float(row["median_position"]),
        sibling=sibling,
    )


def _settled_endings(positions: duckdb.DuckDBPyRelation, named: list[str]) -> pd.DataFrame:
    """Per activity, over the settled cases of two or more events: the cases it occurs in
    (settled_cases), those it ends (settled_ends), and those it ends that reach no named
    outcome (open_ends)."""
    marked = (
        ColumnExpression("activity").isin(*(ConstantExpression(name) for name in named))
        if named
        else ConstantExpression(False)
    )
    events = positions.select(StarExpression(), marked.alias("named"))
    return events.query(POSITIONS_VIEW, _SETTLED_ENDINGS_SQL).df()


def guess_outcomes(positions: duckdb.DuckDBPyRelation, profile: pd.DataFrame) -> list[OutcomeGuess]:
    """The outcomes proposed for a log, in the order of the profile (typical case order).

    ``positions`` are the log's events positioned in their cases
    (`audit.journey.positions.event_positions`);
    ``profile`` has one row per activity with activity, median_position, ends (the cases of
    two or more events it ends), cases_with (the cases it occurs in), last_in_cases (the
    cases it ends, single events included) and cases (all cases of the log).
    """
    cases = int(profile["cases"].iloc[0])
    words = profile["activity"].map(outcome_word)
    decisive = words.map(lambda found: found is not None and found.decisive)
    late = profile["median_position"] >= LATE_POSITION
    ending = profile["ends"] >= END_SHARE * cases
    named = profile[(decisive & late) | (words.notna() & ending)]
    table = profile.merge(
        _settled_endings(positions, named["activity"].tolist()), "left", "activity"
    )
    settled = ["settled_cases", "settled_ends", "open_ends"]
    table[settled] = table[settled].fillna(0)
    guesses = {row["activity"]: _guess(row, "named", cases) for _, row in named.iterrows()}
    where_cases_end = (table["settled_ends"] >= TERMINAL_SHARE * table["settled_cases"]) & (
        table["open_ends"] >= END_SHARE * cases
    )
    for _, row in table[where_cases_end].iterrows():
        guesses.setdefault(row["activity"], _guess(row, "end", cases))
    families: dict[str, str] = {}
    for guess in sorted(guesses.values(), key=lambda guess: -guess.ends):
        families.setdefault(family(guess.activity), guess.activity)
    families.pop("", None)
    ends_most = (table["settled_ends"] > 0) & (
        table["settled_ends"] >= SIBLING_TERMINAL_SHARE * table["settled_cases"]
    )
    for _, row in table[ends_most].iterrows():
        sibling = families.get(family(row["activity"]))
        if sibling and row["activity"] not in guesses:
            guesses[row["activity"]] = _guess(row, "sibling", cases, sibling)
    if not guesses:
        last = profile.sort_values(["last_in_cases", "activity"], ascending=[False, True]).iloc[0]
        guesses[last["activity"]] = OutcomeGuess(
            activity=last["activity"],
            kind="check",
            rule="fallback",
            word=None,
            ends=int(last["last_in_cases"]),
            end_share=last["last_in_cases"] / cases,
            occurs=int(last["cases_with"]),
            terminal_share=last["last_in_cases"] / last["cases_with"],
            position=float(last["median_position"]),
        )
    order = {activity: index for index, activity in enumerate(profile["activity"])}
    return sorted(guesses.values(), key=lambda guess: order[guess.activity])
