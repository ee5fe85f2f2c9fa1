"""Pseudonymisation and free-text removal on hand-made event tables."""

from __future__ import annotations

import hashlib
import hmac
from datetime import datetime

import duckdb
import pyarrow as pa
import pytest

from audit.privacy import (
    PrivacyOptions,
    _unique_prefix_length,
    free_text_columns,
    protect_events,
)


def _events(**extra: list) -> pa.Table:
    """Five events of three cases in the canonical schema, plus attribute columns."""
    columns = {
        "case_id": ["C1", "C1", "C2", "C3", "C3"],
        "activity": ["Apply", "Check", "Apply", "Apply", "Check"],
        "timestamp": [datetime(2025, 1, d) for d in (1, 2, 3, 4, 5)],
        "start_timestamp": [None] * 5,
        "resource": ["Alice", "Bob", "Alice", None, "Bob"],
        "org_unit": ["Desk", "Back", "Desk", "Desk", "Back"],
        "channel": [None] * 5,
        "customer_id": ["P1", "P1", "P2", "P3", "P3"],
        "event_index": [0, 1, 2, 3, 4],
    }
    columns.update(extra)
    return pa.table(columns)


def _hmac6(key: str, value: str) -> str:
    return hmac.new(key.encode(), value.encode(), hashlib.sha256).hexdigest()[:6]


def test_tokens_are_keyed_hmac_sha256_and_consistent():
    table, report = protect_events(_events(), PrivacyOptions(key="workshop-key"))
    cases = table.column("case_id").to_pylist()
    # The RFC 2104 HMAC of the value under the key, first 6 hex digits, with the role prefix.
    assert cases[0] == f"case-{_hmac6('workshop-key', 'C1')}"
    assert cases == [cases[0], cases[0], cases[2], cases[3], cases[3]]
    assert len({cases[0], cases[2], cases[3]}) == 3
    resources = table.column("resource").to_pylist()
    assert resources[0] == resources[2] == f"res-{_hmac6('workshop-key', 'Alice')}"
    assert resources[3] is None  # unknown stays unknown
    assert report.pseudonymised == {"case_id": 3, "resource": 2, "customer_id": 3}
    assert report.key_given
    # Org units stay readable by default; everything else is untouched and in order.
    assert table.column("org_unit").to_pylist() == ["Desk", "Back", "Desk", "Desk", "Back"]
    assert table.column("event_index").to_pylist() == [0, 1, 2, 3, 4]


def test_same_key_same_tokens_random_key_different_tokens():
    first, _ = protect_events(_events(), PrivacyOptions(key=b"k"))
    again, _ = protect_events(_events(), PrivacyOptions(key=b"k"))
    random_a, report = protect_events(_events())
    random_b, _ = protect_events(_events())
    assert first.column("case_id").equals(again.column("case_id"))
    assert not random_a.column("case_id").equals(random_b.column("case_id"))
    assert not report.key_given


def test_org_units_and_person_attributes_on_request():
    table, report = protect_events(
        _events(client_no=["P1", "P1", "P2", "P3", "P3"]),
        PrivacyOptions(key="k", org_units=True),
    )
    assert table.column("org_unit").to_pylist()[0] == f"unit-{_hmac6('k', 'Desk')}"
    assert table.column("client_no").to_pylist()[0] == f"id-{_hmac6('k', 'P1')}"
    assert report.pseudonymised["client_no"] == 3


def test_the_customer_role_is_always_pseudonymised():
    table, report = protect_events(_events(), PrivacyOptions(key="k"))
    assert table.column("customer_id").to_pylist()[2] == f"cust-{_hmac6('k', 'P2')}"
    assert report.pseudonymised["customer_id"] == 3


def test_tokens_grow_only_when_six_digits_would_collide():
    con = duckdb.connect()
    con.execute(
        "CREATE TEMP TABLE privacy_hashes AS SELECT * FROM (VALUES "
        "(0, 'abcdef0123'), (1, 'abcdef4567'), (2, '0123456789')) AS t(position, digest)"
    )
    # The first two share 'abcdef': 6 digits give 2 distinct tokens for 3 values, 8 give 3.
    assert _unique_prefix_length(con, 3) == 8
    con.execute("DELETE FROM privacy_hashes WHERE position = 1")
    assert _unique_prefix_length(con, 2) == 6


def test_free_text_is_dropped_by_name_and_by_shape():
    long_notes = [f"customer called about the claim, wants update no {i}" for i in range(60)]
    events = _events(
        Comment=["a", "b", "c", "d", "e"],
        customerEmail=["x@y", "x@y", "z@y", "w@y", "w@y"],
        claim_type=["Glass", "Glass", "Theft", "Glass", "Glass"],
        amount=[10.0, 10.0, 20.0, 30.0, 30.0],
    )
    assert set(free_text_columns(events)) == {"Comment", "customerEmail"}
    # 60 distinct values averaging about 50 characters: typed free text, whatever its name.
    dates = [f"2010-12-{1 + i % 28:02d} 11:{i:02d}:50.000+01:00" for i in range(60)]
    shaped = pa.table({"free_field": long_notes, "planned": dates})
    # Dates written as text are as long and as varied, but have no words: they stay.
    assert list(free_text_columns(shaped)) == ["free_field"]
    reason = free_text_columns(shaped)["free_field"]
    assert reason.startswith("free text: 60 distinct values, mean length")
    protected, report = protect_events(events, PrivacyOptions(key="k"))
    assert "Comment" not in protected.column_names
    assert "customerEmail" not in protected.column_names
    assert {"claim_type", "amount"} <= set(protected.column_names)
    assert set(report.dropped) == {"Comment", "customerEmail"}


def test_free_text_can_be_kept():
    events = _events(note=["a", "b", "c", "d", "e"])
    protected, report = protect_events(events, PrivacyOptions(drop_free_text=False))
    assert "note" in protected.column_names
    assert report.dropped == {}


@pytest.mark.parametrize("key", ["k" * 100, b"\x00" * 64])
def test_long_and_block_sized_keys_follow_rfc_2104(key):
    table, _ = protect_events(_events(), PrivacyOptions(key=key))
    raw = key.encode() if isinstance(key, str) else key
    expected = hmac.new(raw, b"C2", hashlib.sha256).hexdigest()[:6]
    assert table.column("case_id").to_pylist()[2] == f"case-{expected}"
