"""Privacy: pseudonymise who and whom in an event log before the audit sees it.

A report must be shareable with a client without leaking who did what to whom. The event
table is protected *before* the audit runs, so every output built from it (app views, CSV,
JSON, report) is pseudonymised by construction and no output layer has to remember to do it.

- Case ids, resources and customers (optionally org units, and attribute columns named like
  a person: client, patient, responsible, owner...) are replaced by keyed HMAC-SHA256 tokens such as
  ``case-7f3a2c`` or ``res-91b0e4``. The same value always gets the same token within one
  key, so handoffs, ping-pong and rework are measured exactly as before. The key is random per
  run unless the user gives one (to compare two logs with the same tokens); nobody can
  reverse a token without the key. Tokens are 6 hex digits, longer only when 6 would let two
  values share a token.
- Free-text attributes are dropped: text columns named like personal data or notes
  (comment, note, description, email, name, phone, address...) and text columns with many
  distinct long values made of words (typed free text; dates and codes stored as text stay).

Everything runs vectorised: the tokens are computed once per distinct value in DuckDB and
mapped back with Arrow, which is fine on logs of millions of events.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

import duckdb
import pyarrow as pa
import pyarrow.compute as pc

from audit import scratch
from audit.io.schema import CANONICAL_COLUMNS, CASE, CUSTOMER, ORG_UNIT, RESOURCE

if TYPE_CHECKING:
    from audit.io import EventLog

TOKEN_PREFIX: dict[str, str] = {
    CASE: "case",
    RESOURCE: "res",
    CUSTOMER: "cust",
    ORG_UNIT: "unit",
}
"""Token prefix per canonical role; attribute columns that identify a person get "id"."""

MIN_TOKEN_HEX = 6
"""Shortest token (hex digits after the prefix): short enough to read out in a workshop."""

FREE_TEXT_WORDS: frozenset[str] = frozenset(
    {
        "comment",
        "comments",
        "note",
        "notes",
        "description",
        "desc",
        "text",
        "remark",
        "remarks",
        "message",
        "subject",
        "body",
        "email",
        "mail",
        "name",
        "firstname",
        "lastname",
        "surname",
        "phone",
        "mobile",
        "telephone",
        "address",
        "street",
        "zip",
        "postcode",
        "ssn",
        "birth",
        "birthday",
        "dob",
        "iban",
        "kommentti",
        "huomautus",
        "kuvaus",
        "nimi",
        "puhelin",
        "osoite",
        "sähköposti",
        "hetu",
    }
)
"""Words in a column name that mark it as free text or contact details: dropped."""

PERSON_ID_WORDS: frozenset[str] = frozenset(
    {
        "customer",
        "client",
        "patient",
        "person",
        "user",
        "employee",
        "applicant",
        "caller",
        "contact",
        "responsible",
        "assignee",
        "owner",
        "handler",
        "agent",
        "officer",
        "staff",
        "operator",
        "reviewer",
        "approver",
        "asiakas",
        "käsittelijä",
        "vastuuhenkilö",
        "henkilö",
        "potilas",
    }
)
"""Words in a column name that mark it as identifying a person (a customer or a member of
staff, as in receipt's ``responsible``): pseudonymised."""

FREE_TEXT_MIN_DISTINCT = 50
"""A text attribute with at least this many distinct values ..."""
FREE_TEXT_MIN_MEAN_LENGTH = 25
"""... whose distinct values average at least this many characters ..."""
FREE_TEXT_MIN_MEAN_WORDS = 3
"""... and this many words (runs of two or more letters) is typed free text; dates and
codes written as text have long values but no words."""

_HMAC_BLOCK = 64


@dataclass(frozen=True)
class PrivacyOptions:
    """What to protect. key: HMAC key (text or bytes); None draws a random key per run.
    org_units: pseudonymise org units too (by default they stay readable, because a
    workshop needs to see which teams hand cases to each other)."""

    key: bytes | str | None = None
    org_units: bool = False
    drop_free_text: bool = True


@dataclass
class PrivacyReport:
    """What was done, for the data-quality account and the report's method section.

    pseudonymised: column -> number of distinct values replaced by tokens.
    dropped: column -> reason ("named like free text or contact details" or
        "free text: N distinct values, mean length L characters").
    key_given: True when the user supplied the key (tokens are reproducible with it).
    """

    pseudonymised: dict[str, int] = field(default_factory=dict)
    dropped: dict[str, str] = field(default_factory=dict)
    key_given: bool = False

    def to_dict(self) -> dict:
        """The report as JSON-ready data."""
        return {
            "pseudonymised": dict(self.pseudonymised),
            "dropped": dict(self.dropped),
            "key_given": self.key_given,
        }


def protect_log(
    log: EventLog, options: PrivacyOptions | None = None
) -> tuple[EventLog, PrivacyReport]:
    """A copy of the log with its events protected, and what was done to them."""
    table, report = protect_events(log.events, options or PrivacyOptions())
    kept_attributes = [c for c in log.case_attributes if c in table.column_names]
    return replace(log, events=table, case_attributes=kept_attributes), report


def protect_events(
    table: pa.Table, options: PrivacyOptions | None = None
) -> tuple[pa.Table, PrivacyReport]:
    """Pseudonymise and drop columns of an event table (canonical schema plus attributes)."""
    options = options or PrivacyOptions()
    report = PrivacyReport(key_given=options.key is not None)
    key = _normalise_key(options.key)
    to_drop = free_text_columns(table) if options.drop_free_text else {}
    report.dropped.update(to_drop)
    table = table.drop_columns(list(to_drop))

    roles = [CASE, RESOURCE, CUSTOMER] + ([ORG_UNIT] if options.org_units else [])
    columns = {role: TOKEN_PREFIX[role] for role in roles if role in table.column_names}
    for name in person_id_columns(table):
        columns[name] = "id"

    con = scratch.connect()
    try:
        for name, prefix in columns.items():
            position = table.column_names.index(name)
            column = table.column(name)
            if not pa.types.is_string(column.type) and not pa.types.is_large_string(column.type):
                column = pc.cast(column, pa.string())
            tokens, distinct = pseudonymise_values(con, column, prefix, key)
            table = table.set_column(position, pa.field(name, pa.string()), tokens)
            report.pseudonymised[name] = distinct
    finally:
        con.close()
    return table, report


def pseudonymise_values(
    con: duckdb.DuckDBPyConnection, values: pa.ChunkedArray, prefix: str, key: bytes
) -> tuple[pa.ChunkedArray, int]:
    """Replace each text value by ``prefix-<hex>`` (HMAC-SHA256 under key); nulls stay null.

    The HMAC is computed in DuckDB over the distinct values only (RFC 2104: the hash of the
    outer-padded key and the hash of the inner-padded key and the message), then mapped back
    to every row with Arrow. Returns the tokens and the number of distinct values.
    """
    distinct = pc.unique(values.drop_null())
    if len(distinct) == 0:
        return values, 0
    inner_pad = bytes(b ^ 0x36 for b in key)
    outer_pad = bytes(b ^ 0x5C for b in key)
    con.register("privacy_values", pa.table({"value": distinct}))
    con.sql(
        """
        CREATE OR REPLACE TEMP TABLE privacy_hashes AS
        WITH ordered AS (
            SELECT row_number() OVER () - 1 AS position, value FROM privacy_values
        )
        SELECT
            position,
            sha256($outer::BLOB || unhex(sha256($inner::BLOB || encode(value)))) AS digest
        FROM ordered
        """,
        params={"outer": outer_pad, "inner": inner_pad},
    )
    length = _unique_prefix_length(con, len(distinct))
    tokens = (
        con.sql(
            "SELECT $prefix || '-' || left(digest, $length) AS token "
            "FROM privacy_hashes ORDER BY position",
            params={"prefix": prefix, "length": length},
        )
        .to_arrow_table()
        .column("token")
    )
    con.unregister("privacy_values")
    positions = pc.index_in(values, value_set=distinct)
    return pc.take(tokens.combine_chunks(), positions), len(distinct)


def _unique_prefix_length(con: duckdb.DuckDBPyConnection, distinct: int) -> int:
    """The shortest token length (at least MIN_TOKEN_HEX) at which no two values collide."""
    length = MIN_TOKEN_HEX
    while True:
        [(unique,)] = con.sql(
            "SELECT count(DISTINCT left(digest, $length)) FROM privacy_hashes",
            params={"length": length},
        ).fetchall()
        if unique == distinct:
            return length
        length += 2


def free_text_columns(table: pa.Table) -> dict[str, str]:
    """Attribute columns to drop, with the reason: named like free text or contact details,
    or text with many distinct long values. Canonical columns are never dropped."""
    found: dict[str, str] = {}
    for name in table.column_names:
        if name in CANONICAL_COLUMNS:
            continue
        if _name_words(name) & FREE_TEXT_WORDS:
            found[name] = "named like free text or contact details"
            continue
        column = table.column(name)
        if not (pa.types.is_string(column.type) or pa.types.is_large_string(column.type)):
            continue
        distinct = pc.unique(column.drop_null())
        if len(distinct) < FREE_TEXT_MIN_DISTINCT:
            continue
        mean_length = pc.mean(pc.utf8_length(distinct)).as_py()
        mean_words = pc.mean(pc.count_substring_regex(distinct, r"\pL{2,}")).as_py()
        if mean_length >= FREE_TEXT_MIN_MEAN_LENGTH and mean_words >= FREE_TEXT_MIN_MEAN_WORDS:
            found[name] = (
                f"free text: {len(distinct)} distinct values, "
                f"mean length {mean_length:.0f} characters"
            )
    return found


def person_id_columns(table: pa.Table) -> list[str]:
    """Attribute columns named like an identifier of a person (customer, patient...)."""
    return [
        name
        for name in table.column_names
        if name not in CANONICAL_COLUMNS and _name_words(name) & PERSON_ID_WORDS
    ]


def _name_words(name: str) -> set[str]:
    """The lower-case words of a column name: ``customerEmail`` -> {customer, email}."""
    spaced = re.sub(r"(?<=[a-zäö])(?=[A-Z])", " ", name)
    return {word for word in re.split(r"[^0-9a-zäöå]+", spaced.lower()) if word}


def _normalise_key(key: bytes | str | None) -> bytes:
    """The HMAC key padded to the SHA-256 block size (keys longer than a block are hashed
    first, as RFC 2104 says); a random 32-byte key when none is given."""
    raw = secrets.token_bytes(32) if key is None else key
    if isinstance(raw, str):
        raw = raw.encode("utf-8")
    if len(raw) > _HMAC_BLOCK:
        raw = hashlib.sha256(raw).digest()
    return raw.ljust(_HMAC_BLOCK, b"\x00")
