"""Calendar time and working hours on the Friction map, shown only with a journey calendar:
the calendar, the lead time both ways, and each stage's waits and time in stage with the
customer's calendar time first. Everything shown comes from audit.findings.business_hours."""

from __future__ import annotations

import streamlit as st

from audit.engine.business_hours import twin_name
from audit.findings.business_hours import (
    STAGE_TIMES,
    calendar_sentence,
    lead_time_sentence,
    stage_times,
)
from audit.pipeline import AuditResult
from audit.ui import widgets
from audit.ui.lang import language, t


def calendar_and_working_hours(result: AuditResult) -> None:
    """The section; nothing without a calendar."""
    times = stage_times(result)
    if times is None:
        return
    lang = language()
    st.subheader(t("hours.title"))
    st.caption(t("hours.caption"))
    st.write(lead_time_sentence(result, lang))
    st.caption(calendar_sentence(result.journey.calendar, lang))
    config = {"stage": t("col.stage")}
    for name in STAGE_TIMES:
        measure, meaning = t(f"hours.col.{name}"), t(f"hours.help.{name}")
        for column, clock in ((name, "calendar"), (twin_name(name), "working")):
            config[column] = st.column_config.NumberColumn(
                t(f"hours.col.{clock}", measure=measure),
                help=t(f"hours.help.{clock}", help=meaning),
                format="%.1f",
            )
    widgets.table(times, "calendar_and_working_hours", column_config=config)
