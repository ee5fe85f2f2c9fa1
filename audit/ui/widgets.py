"""Tables, charts and the CSV download under each of them.

Users want the numbers behind every picture, so nothing is shown without a download. The
browser only ever gets a bounded number of rows: long tables show their head and say so,
while the CSV (built on the server when the button is pressed) has every row.
"""

from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st

from audit.report.safe import safe_frame
from audit.ui.charts import localised
from audit.ui.lang import column_label, language, t

MAX_TABLE_ROWS = 1_000
"""Rows sent to the browser for one table; the CSV download holds the rest."""


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """The table as CSV that opens safely in a spreadsheet (UTF-8 with BOM, no formulas)."""
    return safe_frame(frame).to_csv(index=False).encode("utf-8-sig")


def download(frame: pd.DataFrame, name: str) -> None:
    """A CSV download button for ``frame``, saved as ``<name>.csv``.

    The CSV is made only when the button is pressed, and pressing it does not rerun the
    page.
    """
    st.download_button(
        t("download.csv"),
        data=lambda: csv_bytes(frame),
        file_name=f"{name}.csv",
        mime="text/csv",
        key=f"csv-{name}",
        on_click="ignore",
        icon=":material/download:",
    )


def table(
    frame: pd.DataFrame,
    name: str,
    *,
    column_config: dict | None = None,
    height: int | None = None,
) -> None:
    """A read-only table with translated headers and its CSV download."""
    shown = frame.head(MAX_TABLE_ROWS)
    config = {column: column_label(column) for column in shown.columns}
    config.update(column_config or {})
    st.dataframe(
        shown,
        hide_index=True,
        width="stretch",
        height=height or "auto",
        column_config=config,
    )
    if len(frame) > MAX_TABLE_ROWS:
        st.caption(t("table.truncated", shown=MAX_TABLE_ROWS, total=len(frame)))
    download(frame, name)


def chart(picture: alt.TopLevelMixin, data: pd.DataFrame, name: str) -> None:
    """An altair chart across the page, its axes in the user's language, with the numbers it
    draws as a CSV download."""
    st.altair_chart(localised(picture, language()), width="stretch")
    download(data, name)


def svg(markup: str, data: pd.DataFrame, name: str) -> None:
    """A picture drawn as SVG by the library (process map, blueprint, handoff network,
    timeline), shown as an image that scales to the page (an image runs no script, whatever
    names the log holds), with its numbers as a CSV download."""
    st.image(markup, width="stretch")
    download(data, name)


def metrics(figures: list[tuple[str, str, str]], per_row: int) -> None:
    """Key figures as bordered tiles, `per_row` to a row, so that a number is never cut
    short on a 1280-pixel projector: (label, value, help) each."""
    for start in range(0, len(figures), per_row):
        row = figures[start : start + per_row]
        for column, (label, value, help_text) in zip(st.columns(per_row), row, strict=False):
            column.metric(label, value, border=True, help=help_text)
