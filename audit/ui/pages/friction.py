"""Friction map, the landing view: key figures, the journey's stages coloured by friction,
outside-in next to inside-out, the weakest stage, the hotspots with their evidence, and the
customers who come back in a new case."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from audit.engine.customers import CHAIN_CASES, CHAIN_DAYS, CustomerMeasures
from audit.findings.friction import contributions
from audit.findings.hotspots import ORDERS, top_hotspots
from audit.findings.humanize import format_count, format_hours, format_number, format_share
from audit.findings.repeat_contacts import MIN_GROUP_CASES, telling_causes, whose
from audit.journey.compiled import FRICTION_COMPONENTS
from audit.pipeline import AuditResult
from audit.report.charts import COMPONENT_COLOURS, OUTSIDE_IN, WAIT_GREY
from audit.ui import charts, widgets
from audit.ui.business_hours import calendar_and_working_hours
from audit.ui.lang import language, t, tn
from audit.ui.page import current_view, heading


def _share(part: object, whole: object) -> str:
    whole = float(whole or 0)
    return format_share(float(part or 0) / whole, language()) if whole else "–"


def short_duration(hours: float | None) -> str:
    """A duration short enough for a key-figure tile: the library's wording below two
    days, whole-unit abbreviations above (13.0 d, 13,0 pv)."""
    lang = language()
    if hours is None or pd.isna(hours) or hours < 48:
        return format_hours(hours, lang)
    return f"{format_number(hours / 24, lang)} {t('unit.days_short')}"


def key_figures(result: AuditResult) -> None:
    """The audit in seven numbers, four to a row so each stays whole on a projector; each
    help says exactly what is counted."""
    totals, cases = result.measures.totals, result.measures.log["cases"]
    lang = language()
    kept = totals.get("promises_kept_share")
    figures = [
        ("friction.kpi.cases", format_count(cases, lang)),
        ("friction.kpi.lead_time", short_duration(totals.get("lead_time_hours_median"))),
        ("friction.kpi.handoffs", format_number(totals.get("handoffs_per_case") or 0, lang)),
        ("friction.kpi.pingpong", _share(totals.get("pingpong_cases"), cases)),
        ("friction.kpi.rework", _share(totals.get("rework_cases"), cases)),
        ("friction.kpi.promises", "–" if kept is None else format_share(kept, lang)),
        ("friction.kpi.dropoffs", _share(totals.get("dropoffs"), cases)),
    ]
    widgets.metrics([(t(key), value, t(f"{key}_help")) for key, value in figures], per_row=4)


def _views() -> dict[str, str]:
    """The two views of a stage's time: measure column -> its label."""
    return {
        "time_in_stage_hours_median": t("measure.outside_in"),
        "work_hours_median": t("measure.inside_out"),
    }


def _gap_table(result: AuditResult) -> pd.DataFrame:
    stages = result.measures.stages
    stages = stages[stages["stage"].isin(result.friction["stage"])].sort_values("order")
    views = _views()
    if stages["work_hours_median"].isna().all():
        views.pop("work_hours_median")
    long = stages.melt(id_vars=["stage"], value_vars=list(views), var_name="measure")
    return long.assign(view=long["measure"].map(views), hours=long["value"].astype(float))


def gap(result: AuditResult) -> None:
    """Per stage, the customer's elapsed time next to the organisation's work time."""
    st.subheader(t("friction.gap"))
    st.caption(t("friction.gap_help"))
    data = _gap_table(result)
    order = result.friction.sort_values("order")["stage"].tolist()
    views = _views()
    picture = charts.grouped_bars(
        data,
        "stage",
        "view",
        "hours",
        order=order,
        value_title=t("measure.hours"),
        group_title=t("measure.view"),
        colours=dict(zip(views.values(), charts.VIEW_COLOURS, strict=False)),
    )
    widgets.chart(picture, data[["stage", "measure", "hours"]], "outside_in_inside_out")
    if data["measure"].nunique() == 1:
        st.caption(t("measure.no_work_time"))


def _component_points(result: AuditResult) -> pd.DataFrame:
    rows = []
    for stage in result.friction.itertuples(index=False):
        parts = pd.Series({c: getattr(stage, c) for c in FRICTION_COMPONENTS if hasattr(stage, c)})
        for component, points in contributions(parts, result.weights).items():
            rows.append({"stage": stage.stage, "component": component, "points": points})
    points = pd.DataFrame(rows, columns=["stage", "component", "points"])
    return points.assign(label=points["component"].map(lambda c: t(f"component.{c}")))


def components(result: AuditResult) -> None:
    """What each stage's score is made of: the points each component adds, in the
    report's colours."""
    st.subheader(t("friction.components"))
    data = _component_points(result)
    order = result.friction.sort_values("order")["stage"].tolist()
    picture = charts.stacked_bars(
        data,
        "stage",
        "label",
        "points",
        order=order,
        value_title=t("measure.friction"),
        part_title=t("measure.component"),
        colours={t(f"component.{c}"): colour for c, colour in COMPONENT_COLOURS.items()},
    )
    widgets.chart(picture, data[["stage", "component", "points"]], "friction_components")


HOTSPOTS_SHOWN = 8
"""Hotspots drawn as cards; the download holds them all."""


def hotspots(result: AuditResult) -> None:
    """The hotspots, worst first or by what their fix is worth, each with its sentence of
    evidence and, for stages and handoffs, what a fix is worth."""
    st.subheader(t("friction.hotspots"))
    table = result.hotspots
    if table.empty:
        st.write(t("friction.no_hotspots"))
        return
    by = st.segmented_control(
        t("friction.order"),
        ORDERS,
        default=ORDERS[0],
        format_func=lambda order: t(f"friction.order.{order}"),
        key="friction_hotspot_order",
    )
    evidence, worth = f"evidence_{language()}", f"what_if_{language()}"
    ranked = top_hotspots(table, by or ORDERS[0], HOTSPOTS_SHOWN)
    columns = st.columns(2, gap="large")
    for index, row in enumerate(ranked.itertuples(index=False)):
        level = t(f"level.{row.level}")
        what_if = getattr(row, worth)
        with columns[index % 2].container(border=True):
            st.markdown(f"**{level} · {row.name}** ({row.score:.0f})  \n{getattr(row, evidence)}")
            if isinstance(what_if, str) and what_if:
                st.caption(what_if)
    widgets.download(table.drop(columns=["components"]), "hotspots")


CAUSES_TOLD = 3
"""Causes told in sentences; the chart shows up to CAUSES_CHARTED."""
CAUSES_CHARTED = 6


def _customer_figures(customers: CustomerMeasures, days: str) -> None:
    """The repeat contacts in five numbers, in one row of tiles."""
    totals, lang = customers.totals, language()
    repeats = format_count(totals["repeat_contacts"], lang)
    figures = [
        ("repeat.kpi.customers", format_count(totals["customers"], lang)),
        ("repeat.kpi.repeats", f"{repeats} ({format_share(totals['repeat_contact_share'], lang)})"),
        ("repeat.kpi.came_back", format_count(totals["repeat_contact_customers"], lang)),
        ("repeat.kpi.chains", format_count(totals["labyrinth_customers"], lang)),
        ("repeat.kpi.no_customer", format_count(totals["cases_without_customer"], lang)),
    ]
    values = {"days": days, "cases": CHAIN_CASES, "chain_days": CHAIN_DAYS}
    widgets.metrics(
        [(t(key), value, t(f"{key}_help", **values)) for key, value in figures],
        per_row=len(figures),
    )


def _came_back_shares(causes: pd.DataFrame) -> pd.DataFrame:
    """The chart's rows: per cause value (marked when it could be chance), the share of its
    customers who came back and the share of the rest."""
    these, rest = t("repeat.chart.these"), t("repeat.chart.rest")
    maybe = t("repeat.maybe_chance")
    labels = [
        whose(row.cause, row.value, language()) + ("" if row.significant else f" ({maybe})")
        for row in causes.itertuples(index=False)
    ]
    return pd.concat(
        [
            pd.DataFrame({"cause": labels, "group": these, "share": causes["came_back_share"]}),
            pd.DataFrame({"cause": labels, "group": rest, "share": causes["rest_share"]}),
        ],
        ignore_index=True,
    )


def _causes(causes: pd.DataFrame, days: str) -> None:
    """Why customers come back: the telling causes in sentences (beyond chance first, said
    plainly when none is), a chart of their came-back shares against the rest, and every
    cause weighed as CSV."""
    st.markdown(f"#### {t('repeat.causes')}")
    if causes.empty:
        st.info(t("repeat.no_causes", cases=MIN_GROUP_CASES), icon=":material/info:")
        return
    st.caption(t("repeat.causes_help", days=days))
    told = telling_causes(causes, CAUSES_TOLD)
    if not told["significant"].any():
        st.info(t("repeat.no_cause"), icon=":material/info:")
    evidence = f"evidence_{language()}"
    for row in told.itertuples(index=False):
        verdict = t("repeat.beyond_chance" if row.significant else "repeat.maybe_chance")
        with st.container(border=True):
            st.markdown(f"{getattr(row, evidence)}  \n*{verdict}*")
    charted = telling_causes(causes, CAUSES_CHARTED)
    if charted.empty:
        widgets.download(causes, "repeat_contact_causes")
        return
    data = _came_back_shares(charted)
    picture = charts.compared_shares(
        data,
        "cause",
        "group",
        "share",
        order=list(dict.fromkeys(data["cause"])),
        share_title=t("repeat.chart.share", days=days),
        colours={t("repeat.chart.these"): OUTSIDE_IN, t("repeat.chart.rest"): WAIT_GREY},
    )
    widgets.chart(picture, causes, "repeat_contact_causes")


def customers_who_come_back(result: AuditResult) -> None:
    """Customers who come back: the totals, why, where the earlier case ended and the
    labyrinth chains; one line saying how to name the customer when the log has none."""
    customers = result.measures.customers
    if customers is None:
        st.caption(t("repeat.none"))
        return
    days = format_number(customers.totals["repeat_within_days"], language(), 0)
    st.subheader(t("repeat.title"))
    st.caption(t("repeat.intro", days=days))
    _customer_figures(customers, days)
    _causes(result.repeat_causes, days)
    st.markdown(f"#### {t('repeat.by_stage')}")
    st.caption(t("repeat.by_stage_help"))
    widgets.table(customers.stages, "repeat_contacts_by_stage")
    chains = customers.totals["labyrinth_customers"]
    if chains:
        st.caption(
            tn(
                "repeat.chains",
                int(chains),
                count=format_count(chains, language()),
                cases=CHAIN_CASES,
                chain_days=CHAIN_DAYS,
            )
        )
        widgets.download(customers.chains, "labyrinth_chains")


def render() -> None:
    """Draw the page."""
    view = current_view()
    result = view.result
    heading("friction.title")
    if result.journey.drafted:
        st.info(t("app.drafted_journey"), icon=":material/edit_note:")
    key_figures(result)
    st.subheader(t("friction.stages"))
    strip = charts.friction_strip(
        result.friction, result.weakest_stage, t("measure.stage"), t("measure.friction")
    )
    widgets.chart(strip, result.friction, "friction_by_stage")
    if result.weakest_stage:
        score = result.friction.set_index("stage").loc[result.weakest_stage, "friction"]
        st.warning(
            t("friction.weakest", stage=result.weakest_stage, score=score),
            icon=":material/priority_high:",
        )
    hotspots(result)
    components(result)
    gap(result)
    calendar_and_working_hours(result)
    customers_who_come_back(result)
    st.subheader(t("friction.stage_table"))
    widgets.table(result.stage_table(), "stages")


render()
