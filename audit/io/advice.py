"""Advice on the column mapping that the data itself suggests: one source for `inspect`,
the notes of a drafted journey and the app's import wizard.

- **Lifecycle as status.** The lifecycle column holds values outside the XES lifecycle
  model ("Awaiting Assignment", "Wait - User") on at least `FOREIGN_SHARE` of the events.
  Such values tell the status of the case (who it waits for), not the start or the end of
  an activity; the reader keeps those rows as ordinary events with the value as an
  attribute, so the journey sees the status only when the column is joined to the activity
  ("Accepted / Wait - User"). A value here and there is a slip the data-quality account
  already notes, not a status.
- **Readable labels for coded activities.** Most activity names are codes (digits and no
  space, "01_HOOFD_010") and another column names the same activities in words: it is
  present on at least `LABEL_AGREEMENT` of the events, each code carries one label on at
  least that share of its events, and most labels are phrases (contain a space).

Every piece of advice carries its reason in English, Finnish and Swedish, with the numbers
behind it.
"""

from __future__ import annotations

import shlex
from dataclasses import dataclass

import duckdb
import pyarrow as pa

from audit.io.eventlog import EventLog
from audit.io.mapping import DEFAULT_SEPARATOR, SPELLINGS, normalise_name
from audit.io.normalise import EVENT_TRANSITIONS, NOT_EVENT_TRANSITIONS
from audit.io.schema import ACTIVITY, CANONICAL_COLUMNS
from audit.io.timeparse import quote

FOREIGN_SHARE = 0.1
"""Lifecycle values outside the XES model on at least this share of the events are a status."""
LABEL_AGREEMENT = 0.9
"""A label column covers this share of the events, and each code has one label on this share."""
XES_TRANSITIONS: tuple[str, ...] = ("start", *EVENT_TRANSITIONS, *NOT_EVENT_TRANSITIONS)
"""The values of the XES standard lifecycle model, in lower case."""

_VIEW = "advised_events"
"""The name the events go by in this module's SQL (not "events", which the caller's
connection may already use for another view)."""

_TEXTS = {
    "en": {
        "lifecycle": "The lifecycle column {column!r} holds values outside the XES lifecycle "
        "model on {share} of the events ({values}). Such values tell the status of the case, "
        "such as whom it waits for, rather than the start or end of an activity; joined to the "
        "activity ({example!r}) they become steps of the journey, with their waits.",
        "labels": "Activity names such as {code!r} are codes; the column {column!r} names "
        "the same activities in words ({code!r} is {label!r}): use it as the activity.",
        "merged": " {codes} codes carry {labels} labels, so codes with the same label become "
        "one activity.",
    },
    "fi": {
        "lifecycle": "Elinkaarisarakkeessa {column!r} on XES-elinkaarimallin ulkopuolisia "
        "arvoja {share} tapahtumista ({values}). Ne kertovat asian tilan, kuten kenen vuoroa "
        "odotetaan, eivätkä toiminnon alkua tai loppua; toimintoon liitettyinä ({example!r}) "
        "niistä tulee polun vaiheita odotuksineen.",
        "labels": "Toimintojen nimet, kuten {code!r}, ovat koodeja; sarake {column!r} "
        "nimeää samat toiminnot sanoin ({code!r} on {label!r}): käytä sitä toimintona.",
        "merged": " {codes} koodilla on {labels} nimeä, joten saman nimen koodit "
        "yhdistyvät yhdeksi toiminnoksi.",
    },
    "sv": {
        "lifecycle": "Livscykelkolumnen {column!r} har värden utanför XES-livscykelmodellen "
        "i {share} av händelserna ({values}). Sådana värden anger ärendets status, till "
        "exempel vem det väntar på, och inte början eller slutet på en aktivitet; "
        "sammanfogade med aktiviteten ({example!r}) blir de steg i kundresan, med sin väntan.",
        "labels": "Aktivitetsnamn som {code!r} är koder; kolumnen {column!r} anger samma "
        "aktiviteter i ord ({code!r} är {label!r}): använd den som aktivitet.",
        "merged": " {codes} koder har {labels} namn, så koder med samma namn blir en och "
        "samma aktivitet.",
    },
}


@dataclass(frozen=True)
class MappingAdvice:
    """One suggested change to the column mapping.

    kind: "lifecycle_as_status" or "activity_labels". role: the role it concerns
    ("activity"). columns: the input columns suggested for that role, in order. reasons:
    language ("en", "fi", "sv") -> why, with the evidence.
    """

    kind: str
    role: str
    columns: tuple[str, ...]
    reasons: dict[str, str]

    def reason(self, language: str = "en") -> str:
        """Why, in ``language`` (English when there is no text in it)."""
        return self.reasons.get(language, self.reasons["en"])

    def flags(self) -> str:
        """The same choice on the command line, e.g. ``--activity a --activity b``."""
        return " ".join(f"--{self.role.replace('_', '-')} {shlex.quote(c)}" for c in self.columns)

    def to_dict(self) -> dict[str, object]:
        """JSON-ready form."""
        return {
            "kind": self.kind,
            "role": self.role,
            "columns": list(self.columns),
            "flags": self.flags(),
            "reason": dict(self.reasons),
        }


def _percent(share: float, language: str) -> str:
    return f"{share:.0%}" if language == "en" else f"{share * 100:.0f} %"


def _relation(events: pa.Table | duckdb.DuckDBPyRelation) -> duckdb.DuckDBPyRelation:
    return duckdb.connect().from_arrow(events) if isinstance(events, pa.Table) else events


def _lifecycle_reasons(
    relation: duckdb.DuckDBPyRelation, column: str | None
) -> dict[str, str] | None:
    """Why to join the lifecycle ``column`` to the activity, or None when it is a lifecycle."""
    if column is None or column in CANONICAL_COLUMNS or column not in relation.columns:
        return None
    known = ", ".join("'" + value + "'" for value in XES_TRANSITIONS)
    rows = relation.query(
        _VIEW,
        f"""
        WITH foreign_values AS (
            SELECT CAST({quote(column)} AS VARCHAR) AS value, {ACTIVITY} AS activity
            FROM {_VIEW}
            WHERE lower(CAST({quote(column)} AS VARCHAR)) NOT IN ({known})
        ),
        counted AS (SELECT value, count(*) AS events FROM foreign_values GROUP BY value),
        example AS (
            SELECT activity FROM foreign_values
            WHERE value = (SELECT value FROM counted ORDER BY events DESC, value LIMIT 1)
            GROUP BY activity ORDER BY count(*) DESC, activity LIMIT 1
        )
        SELECT value, (SELECT activity FROM example), (SELECT count(*) FROM foreign_values),
               (SELECT count(*) FROM {_VIEW})
        FROM counted
        ORDER BY events DESC, value
        LIMIT 3
        """,
    ).fetchall()
    if not rows or rows[0][2] < FOREIGN_SHARE * rows[0][3]:
        return None
    top, activity, foreign, everything = rows[0]
    values = ", ".join(repr(str(row[0])) for row in rows)
    example = f"{activity}{DEFAULT_SEPARATOR}{top}"
    return {
        language: texts["lifecycle"].format(
            column=column,
            share=_percent(foreign / everything, language),
            values=values,
            example=example,
        )
        for language, texts in _TEXTS.items()
    }


def _coded(relation: duckdb.DuckDBPyRelation) -> bool:
    """True when most activity names are codes: digits and no whitespace."""
    (coded,) = relation.query(
        _VIEW,
        f"""
        SELECT coalesce(avg(CAST(regexp_matches(activity, '[0-9]')
                             AND NOT regexp_matches(activity, '\\s') AS DOUBLE)), 0)
        FROM (SELECT DISTINCT {ACTIVITY} AS activity FROM {_VIEW})
        """,
    ).fetchall()[0]
    return coded > 0.5


def _label_reasons(relation: duckdb.DuckDBPyRelation, column: str) -> dict[str, str] | None:
    """Why to use ``column`` as the activity, or None when it does not label the codes."""
    row = relation.query(
        _VIEW,
        f"""
        WITH pairs AS (
            SELECT {ACTIVITY} AS code, {quote(column)} AS label, count(*) AS events
            FROM {_VIEW} WHERE {quote(column)} IS NOT NULL GROUP BY code, label
        ),
        per_code AS (
            SELECT code, max(events) AS agreeing, sum(events) AS labelled,
                   arg_max(label, events) AS label
            FROM pairs GROUP BY code
        ),
        labels AS (SELECT DISTINCT label FROM pairs),
        example AS (SELECT code, label FROM per_code ORDER BY labelled DESC, code LIMIT 1)
        SELECT sum(agreeing), sum(labelled), (SELECT count(*) FROM {_VIEW}), count(*),
               (SELECT count(*) FROM labels),
               (SELECT count(*) FILTER (WHERE regexp_matches(label, '\\S\\s+\\S')) FROM labels),
               (SELECT code FROM example), (SELECT label FROM example)
        FROM per_code
        """,
    ).fetchall()[0]
    agreeing, labelled, events, codes, labels, phrases, code, label = row
    if not labelled or labelled < LABEL_AGREEMENT * events:
        return None
    if agreeing < LABEL_AGREEMENT * labelled or labels > codes or phrases * 2 <= labels:
        return None
    return {
        language: texts["labels"].format(code=code, column=column, label=label)
        + (texts["merged"].format(codes=codes, labels=labels) if labels < codes else "")
        for language, texts in _TEXTS.items()
    }


def _label_columns(relation: duckdb.DuckDBPyRelation) -> list[tuple[str, dict[str, str]]]:
    """The text columns that name coded activities in words, with their reasons."""
    if not _coded(relation):
        return []
    candidates = [
        name
        for name, kind in zip(relation.columns, relation.types, strict=True)
        if name not in CANONICAL_COLUMNS and str(kind) == "VARCHAR"
    ]
    found = [(name, _label_reasons(relation, name)) for name in candidates]
    return [(name, reasons) for name, reasons in found if reasons is not None]


def mapping_advice(log: EventLog) -> list[MappingAdvice]:
    """What the log's data suggests changing in its column mapping, with the reasons."""
    relation = _relation(log.events)
    advice = []
    column = log.mapping.lifecycle
    lifecycle = _lifecycle_reasons(relation, column)
    if column is not None and lifecycle is not None:
        columns = (*log.mapping.activity, column)
        advice.append(MappingAdvice("lifecycle_as_status", "activity", columns, lifecycle))
    advice.extend(
        MappingAdvice("activity_labels", "activity", (name,), reasons)
        for name, reasons in _label_columns(relation)
    )
    return advice


def advice_notes(events: pa.Table | duckdb.DuckDBPyRelation, language: str = "en") -> list[str]:
    """The same advice as `mapping_advice` for a bare event table (as the journey draft
    gets it), as sentences in ``language``; the lifecycle column is found by its name."""
    relation = _relation(events)
    spellings = set(SPELLINGS["lifecycle"])
    lifecycle = next((c for c in relation.columns if normalise_name(c) in spellings), None)
    found = [_lifecycle_reasons(relation, lifecycle)]
    found.extend(reasons for _, reasons in _label_columns(relation))
    return [reasons[language] for reasons in found if reasons is not None]
