"""Customer's eye: one case as its customer lived it, a timeline through the stages with
the waits, the touchpoints and the units, and sentences that tell its story."""

from __future__ import annotations

import streamlit as st

from audit.report.stories import labyrinth_score, story_sentences
from audit.ui import charts, loading, widgets
from audit.ui.lang import language, t
from audit.ui.page import current_view, heading

CHOICES = 50
"""Worst cases offered for each ranking."""
RANKINGS: dict[str, str] = {
    "wait": "wait_hours_total",
    "handoffs": "handoffs",
    "loops": "labyrinth",
}
"""Ranking shown to the user -> column of the case table it sorts by, largest first."""


def _candidates(cases, ranking: str) -> list[str]:
    ranked = cases.assign(labyrinth=labyrinth_score(cases))
    ranked = ranked.sort_values([RANKINGS[ranking], "case_id"], ascending=[False, True])
    return ranked["case_id"].astype(str).head(CHOICES).tolist()


def _pick_case(cases, key: str) -> str | None:
    ranking = st.segmented_control(
        t("customer.pick"),
        options=[*RANKINGS, "any"],
        format_func=lambda choice: t(f"customer.pick.{choice}"),
        default="wait",
        required=True,
        key=f"{key}-ranking",
    )
    if ranking == "any":
        typed = st.text_input(t("customer.case"), key=f"{key}-typed").strip()
        known = set(cases["case_id"].astype(str))
        if typed and typed not in known:
            st.warning(t("customer.unknown", case=typed))
            return None
        return typed or None
    return st.selectbox(t("customer.case"), _candidates(cases, ranking), key=f"{key}-{ranking}")


def timeline_words() -> charts.TimelineWords:
    """The timeline's words in the chosen language."""
    return charts.TimelineWords(
        stage=t("measure.stage"),
        activity=t("col.activity"),
        unit=t("col.unit"),
        hours=t("common.hours"),
        kind={kind: t(f"customer.kind.{kind}") for kind in charts.TIMELINE_KINDS},
        silence_lane=t("customer.silence_lane"),
    )


def timeline(steps, stage_order: list[str], case_id: str) -> None:
    """The case's interactive timeline, its legend in words, and its rows as CSV."""
    st.subheader(t("customer.timeline"))
    rows = charts.timeline_rows(steps, t("stage.unmapped"))
    picture = charts.case_timeline(rows, stage_order, timeline_words())
    st.caption(t("customer.legend"))
    widgets.chart(picture, rows, f"case_{case_id}_timeline")


def render() -> None:
    """Draw the page."""
    view = current_view()
    result = view.result
    heading("customer.title", "customer.intro")
    cases = result.measures.cases
    case_id = _pick_case(cases, f"customer-{view.key}")
    if case_id is None or result.connection is None:
        return
    steps = loading.steps_of_case(result, case_id)
    case = cases.set_index(cases["case_id"].astype(str)).loc[case_id]
    lang = language()
    st.markdown(" ".join(story_sentences(case, steps, lang)))
    stage_order = result.journey.stages.sort_values("stage_order")["stage"].tolist()
    timeline(steps, stage_order, case_id)
    st.subheader(t("customer.steps"))
    widgets.table(steps, f"case_{case_id}_steps")


render()
