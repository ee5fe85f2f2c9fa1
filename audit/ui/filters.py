"""The sidebar filters that apply to every page: period, outcome and case attributes.

A filter chooses cases, never events, so each chosen case keeps its whole story. The cases
are chosen from the full audit's case table (its status and case attributes) and the
library audits them again (run_audit's case_ids), so drop-off and ongoing are still judged
against the end of the whole log: the app computes no measure itself.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time

import pandas as pd
import streamlit as st

from audit.engine.cases import CASE_COLUMNS
from audit.ui.lang import t

STATUSES: tuple[str, ...] = ("good", "bad", "check", "dropoff", "ongoing")
"""Case statuses the engine assigns, in the order the outcome filter lists them."""
MAX_ATTRIBUTE_VALUES = 30
"""A case attribute with more distinct values than this is not offered as a filter."""


@dataclass(frozen=True)
class CaseFilter:
    """Which cases to audit: started within ``period`` (inclusive dates), with a status in
    ``statuses`` and, for each (attribute, values) pair, an attribute value among values.
    An empty part does not filter."""

    period: tuple[date, date] | None = None
    statuses: tuple[str, ...] = ()
    attributes: tuple[tuple[str, tuple[str, ...]], ...] = ()

    @property
    def active(self) -> bool:
        """True when the filter leaves some case out (or could)."""
        return bool(self.period or self.statuses or self.attributes)


NO_FILTER = CaseFilter()


def attribute_columns(cases: pd.DataFrame) -> list[str]:
    """Case attributes worth filtering on: text columns with a few distinct values."""
    found = []
    for column in cases.columns:
        if column in CASE_COLUMNS:
            continue
        series = cases[column]
        if pd.api.types.is_numeric_dtype(series) or pd.api.types.is_bool_dtype(series):
            continue
        if 1 < series.nunique(dropna=True) <= MAX_ATTRIBUTE_VALUES:
            found.append(column)
    return found


def matching_cases(cases: pd.DataFrame, case_filter: CaseFilter) -> pd.Series:
    """The ids of the cases in the engine's case table that pass the filter."""
    keep = pd.Series(True, index=cases.index)
    if case_filter.period:
        first, last = case_filter.period
        started = pd.to_datetime(cases["first_event"])
        keep &= started >= datetime.combine(first, time.min)
        keep &= started <= datetime.combine(last, time.max)
    if case_filter.statuses:
        keep &= cases["status"].isin(case_filter.statuses)
    for column, values in case_filter.attributes:
        keep &= cases[column].astype("string").isin(values)
    return cases.loc[keep, "case_id"]


def _period_filter(cases: pd.DataFrame, key: str) -> tuple[date, date] | None:
    started = pd.to_datetime(cases["first_event"])
    first, last = started.min().date(), started.max().date()
    if first == last:
        return None
    chosen = st.sidebar.date_input(
        t("filter.period"),
        value=(first, last),
        min_value=first,
        max_value=last,
        key=f"{key}-period",
        format="YYYY-MM-DD",
    )
    if isinstance(chosen, Sequence) and len(chosen) == 2 and tuple(chosen) != (first, last):
        return (chosen[0], chosen[1])
    return None


def _status_filter(cases: pd.DataFrame, key: str) -> tuple[str, ...]:
    found = set(cases["status"].unique())
    present = [status for status in STATUSES if status in found]
    chosen = st.sidebar.multiselect(
        t("filter.status"),
        options=present,
        format_func=lambda status: t(f"status.{status}"),
        key=f"{key}-status",
    )
    return tuple(chosen)


def _attribute_filters(cases: pd.DataFrame, key: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    chosen = []
    for column in attribute_columns(cases):
        options = sorted(cases[column].dropna().astype(str).unique())
        values = st.sidebar.multiselect(column, options=options, key=f"{key}-attr-{column}")
        if values:
            chosen.append((column, tuple(values)))
    return tuple(chosen)


def _clear(prefix: str) -> None:
    for name in [name for name in st.session_state if str(name).startswith(prefix)]:
        del st.session_state[name]


def sidebar_filter(cases: pd.DataFrame, log_key: str) -> CaseFilter:
    """The filter widgets in the sidebar, for the cases of the current log.

    Widget keys carry ``log_key`` so that a new log starts with fresh filters instead of
    values that belong to another log.
    """
    key = f"filter-{log_key}"
    st.sidebar.subheader(t("filter.title"))
    case_filter = CaseFilter(
        period=_period_filter(cases, key),
        statuses=_status_filter(cases, key),
        attributes=_attribute_filters(cases, key),
    )
    if case_filter.active:
        st.sidebar.button(t("filter.reset"), on_click=_clear, args=(key,), key=f"{key}-reset")
    return case_filter
