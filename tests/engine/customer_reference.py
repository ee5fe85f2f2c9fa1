"""Repeat contacts computed the plain way, customer by customer in pandas, independently of
the engine's window functions, to check the engine on real and generated logs."""

from __future__ import annotations

import pandas as pd


def reference_repeat_contacts(events: pd.DataFrame, within_days: float) -> pd.DataFrame:
    """One row per case with a customer: case_id, customer, is_repeat_contact, follows_case.

    events: the canonical columns case_id, timestamp, event_index, customer_id.
    """
    ordered = events.sort_values(["case_id", "timestamp", "event_index"])
    cases = ordered.groupby("case_id").agg(
        first_event=("timestamp", "min"),
        last_event=("timestamp", "max"),
        customer=("customer_id", "first"),  # first non-null value in case order
    )
    cases = cases[cases["customer"].notna()].reset_index()
    window = pd.Timedelta(days=within_days)
    rows = []
    for customer, group in cases.groupby("customer"):
        group = group.sort_values(["first_event", "case_id"])
        earlier: list[tuple[pd.Timestamp, int, str]] = []  # (end, order, case) seen so far
        for order, case in enumerate(group.itertuples()):
            latest = max(earlier) if earlier else None
            repeat = latest is not None and latest[0] >= case.first_event - window
            rows.append((case.case_id, customer, repeat, latest[2] if repeat else None))
            earlier.append((case.last_event, order, case.case_id))
    return pd.DataFrame(
        rows, columns=["case_id", "customer", "is_repeat_contact", "follows_case"]
    ).sort_values("case_id", ignore_index=True)
