"""Customer's eye: one case as its customer lived it, a timeline through the stages with
the waits, the touchpoints and the units, and sentences that tell its story; or, when the
log names customers, one customer followed across their cases on one timeline."""

from __future__ import annotations

import streamlit as st

from audit.findings.humanize import format_number
from audit.pipeline import AuditResult
from audit.report.charts import (
    STATUS_COLOURS,
    TIMELINE_CASES,
    CustomerTimelineWords,
    customer_timeline_rows,
)
from audit.report.stories import customer_story_sentences, labyrinth_score, story_sentences
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


def _choice(label_key: str, options: list[str], key: str) -> str:
    """One of ``options`` as buttons side by side, the first chosen at first; the label is
    the text ``label_key`` and each option's words the text ``label_key.option``."""
    return st.segmented_control(
        t(label_key),
        options=options,
        format_func=lambda choice: t(f"{label_key}.{choice}"),
        default=options[0],
        required=True,
        key=key,
    )


def _pick_case(cases, key: str) -> str | None:
    ranking = _choice("customer.pick", [*RANKINGS, "any"], f"{key}-ranking")
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


def _customer_options(result: AuditResult, ranking: str) -> dict[str, str]:
    """The customers offered for a ranking, worst first: customer -> its label."""
    if ranking == "chains":
        chains = result.measures.customers.chains
        return {
            str(c): t("customer.across.option.chain", customer=c, cases=n)
            for c, n in zip(chains["customer"], chains["cases"], strict=True)
        }
    ranked = loading.customers_who_came_back(result)
    return {
        str(row.customer): t(
            "customer.across.option.repeats",
            customer=row.customer,
            cases=row.cases,
            repeats=row.repeat_contacts,
        )
        for row in ranked.itertuples(index=False)
    }


def _pick_customer(result: AuditResult, key: str) -> str | None:
    ranking = _choice("customer.across.pick", ["repeats", "chains"], f"{key}-customer-ranking")
    options = _customer_options(result, ranking)
    if not options:
        st.info(t("customer.across.none"), icon=":material/info:")
        return None
    return st.selectbox(
        t("customer.across.customer"),
        list(options),
        format_func=options.__getitem__,
        key=f"{key}-customer-{ranking}",
    )


def customer_timeline_words() -> CustomerTimelineWords:
    """The cross-case timeline's words in the chosen language."""
    return CustomerTimelineWords(
        status={status: t(f"status.{status}") for status in STATUS_COLOURS},
        case=t("col.case_id"),
        ending=t("col.ending_activity"),
        gap=t("customer.across.gap"),
        while_open=t("customer.across.while_open"),
    )


def across_cases(result: AuditResult, key: str) -> None:
    """One customer followed across their cases: sentences, the cases on one timeline with
    the gaps between them, and the cases as a table."""
    customer = _pick_customer(result, key)
    if customer is None:
        return
    journey = loading.journey_of_customer(result, customer)
    days = result.measures.customers.totals["repeat_within_days"]
    lang = language()
    st.markdown(" ".join(customer_story_sentences(journey, days, lang)))
    st.subheader(t("customer.across.timeline"))
    words = customer_timeline_words()
    rows = customer_timeline_rows(journey, words, lang)
    st.caption(t("customer.across.legend", days=format_number(days, lang, 0)))
    if len(journey) > TIMELINE_CASES:
        st.caption(t("customer.across.first", shown=TIMELINE_CASES, total=len(journey)))
    widgets.chart(charts.customer_timeline(rows, words), rows, f"customer_{customer}_timeline")
    st.subheader(t("customer.across.cases"))
    widgets.table(journey, f"customer_{customer}_cases")


def render() -> None:
    """Draw the page."""
    view = current_view()
    result = view.result
    heading("customer.title", "customer.intro")
    key = f"customer-{view.key}"
    follow = "case"
    if result.measures.customers is not None and result.connection is not None:
        follow = _choice("customer.follow", ["case", "customer"], f"{key}-follow")
    if follow == "customer":
        across_cases(result, key)
        return
    cases = result.measures.cases
    case_id = _pick_case(cases, key)
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
