"""Projector mode: large type, no sidebar or set-up controls, and the audit told as a story
one step at a time (audit.workshop.story), moved with the arrow keys or the on-screen
buttons.

One switch turns it on: the sidebar toggle, or ``?projector=1`` in the address (kept in
step with the toggle, so a reload or a shared link opens the same mode). Each step lays out
what the findings and the report's builders already made; nothing is computed here.
"""

from __future__ import annotations

import streamlit as st

from audit.report import sections
from audit.report.blocks import Block
from audit.ui import charts
from audit.ui.lang import language, t
from audit.workshop.story import STEPS, moved

PARAMETER = "projector"
"""The query parameter that turns projector mode on (``?projector=1``)."""
SWITCH_KEY = "projector"
STEP_KEY = "projector-step"
WORTH_SHOWN = 3
FIGURES_PER_ROW = 4
"""Key figures side by side: four leave each label room at projector type size."""
"""Hotspots whose fix is told on the last step, most customer-days first."""

STYLE = """
<style>
html { font-size: 21px; }
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"],
[data-testid="stHeader"], [data-testid="stToolbar"] { display: none !important; }
[data-testid="stMainBlockContainer"] { max-width: 100%; padding: 1.2rem 2.5rem 2rem; }
[data-testid="stMarkdownContainer"] p, [data-testid="stMarkdownContainer"] li {
  font-size: 1.35rem; line-height: 1.45;
}
.projector-step { font-size: 0.9rem; color: #5b6770; text-align: center; padding-top: 0.6rem; }
</style>
"""

KEYS = """
<script>
(() => {
  const press = (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.target.closest && event.target.closest("input, textarea, select")) return;
    const which = { ArrowRight: "next", ArrowLeft: "previous" }[event.key];
    const button = which && document.querySelector(`.st-key-projector-${which} button`);
    if (button && !button.disabled) {
      event.preventDefault();
      button.click();
    }
  };
  if (window.journeyAuditProjectorKeys) {
    document.removeEventListener("keydown", window.journeyAuditProjectorKeys);
  }
  window.journeyAuditProjectorKeys = press;
  document.addEventListener("keydown", press);
})();
</script>
"""
"""Left and Right arrows press the Previous and Next buttons (found by their keys' CSS
classes), unless the user is typing in a field."""


def switch() -> bool:
    """The sidebar switch, on at first when the address says ``?projector=1``; the
    address follows the switch. Returns whether projector mode is on."""
    if SWITCH_KEY not in st.session_state:
        st.session_state[SWITCH_KEY] = st.query_params.get(PARAMETER) == "1"
    on = st.sidebar.toggle(t("projector.switch"), key=SWITCH_KEY, help=t("projector.help"))
    if on:
        st.query_params[PARAMETER] = "1"
    elif PARAMETER in st.query_params:
        del st.query_params[PARAMETER]
    return on


def _move(by: int) -> None:
    st.session_state[STEP_KEY] = moved(st.session_state.get(STEP_KEY, 0), by)


def _leave() -> None:
    st.session_state[SWITCH_KEY] = False


def _controls(step: int) -> None:
    """Previous, where we are, next, and the way out of projector mode."""
    back, where, forward, leave = st.columns([2, 5, 2, 2], vertical_alignment="center")
    back.button(
        t("projector.previous"),
        key="projector-previous",
        on_click=_move,
        args=(-1,),
        disabled=step == 0,
        icon=":material/arrow_back:",
        width="stretch",
    )
    where.markdown(
        f"<div class='projector-step'>{step + 1} / {len(STEPS)} · {t('projector.keys')}</div>",
        unsafe_allow_html=True,
    )
    forward.button(
        t("projector.next"),
        key="projector-next",
        on_click=_move,
        args=(1,),
        disabled=step == len(STEPS) - 1,
        icon=":material/arrow_forward:",
        width="stretch",
    )
    leave.button(
        t("projector.leave"), key="projector-leave", on_click=_leave, icon=":material/close:"
    )


def _blocks(blocks: list[Block]) -> None:
    """The report's paragraphs (a lead paragraph as a heading), headings and figures of a
    section, in large type (tables and the report-only journey cards are left to the
    report)."""
    for block in blocks:
        if block["kind"] == "p":
            lead = "### " if block.get("css") == "lead" else ""
            st.markdown(lead + str(block["text"]))
        elif block["kind"] == "h3":
            st.subheader(str(block["text"]))
        elif block["kind"] == "figure":
            st.image(str(block["svg"]), width="stretch")


def _journey(result, lang: str) -> None:
    """The journey's stages coloured by friction, with the audit's key figures."""
    figures = sections.key_figures(result, lang)
    for start in range(0, len(figures), FIGURES_PER_ROW):
        row = figures[start : start + FIGURES_PER_ROW]
        for column, figure in zip(st.columns(FIGURES_PER_ROW), row, strict=False):
            column.metric(figure["label"], figure["value"], border=True)
    strip = charts.friction_strip(
        result.friction, result.weakest_stage, t("measure.stage"), t("measure.friction")
    )
    st.altair_chart(strip, width="stretch")


def _weakest(result, lang: str) -> None:
    """The weakest stage's score and its own evidence (the report's section goes on to the
    hotspots inside it, too much for one slide)."""
    _blocks(sections.weakest_stage(result, lang).blocks[:2])


def _labyrinth(result, lang: str) -> None:
    """The rework and back-jumps in one sentence, and the rework by activity."""
    _blocks(sections.labyrinth(result, lang).blocks[:2])


def _case(result, lang: str) -> None:
    """The most labyrinthine case's story and timeline (the report's first story)."""
    _blocks(sections.stories(result, lang, 1).blocks[1:])


def _worth(result, lang: str) -> None:
    """The hotspots whose fix saves customers the most days a month, in sentences; the
    worst hotspot and its evidence when the findings have no what-if (no stage or handoff
    hotspot, or no connection to run it in)."""
    hotspots = result.hotspots
    if "what_if" in hotspots.columns:
        hotspots = hotspots[hotspots["what_if"].notna()]
    if "what_if" not in hotspots.columns or hotspots.empty:
        st.markdown(t("projector.no_worth"))
        worst = result.hotspots.sort_values("score", ascending=False).head(1)
        for evidence in worst[f"evidence_{lang}"]:
            st.markdown(f"#### {evidence}")
        return
    saved = hotspots["what_if"].map(lambda what_if: what_if["customer_days_saved_per_month"])
    for index in saved.sort_values(ascending=False).index[:WORTH_SHOWN]:
        with st.container(border=True):
            st.markdown(f"#### {hotspots.at[index, f'what_if_{lang}']}")


DRAWN = {
    "journey": _journey,
    "weakest": _weakest,
    "labyrinth": _labyrinth,
    "case": _case,
    "worth": _worth,
}
"""How each story step is drawn from the audit result, in the chosen language."""


def show(view) -> None:
    """The story step this session is on, full screen, for the audit ``view`` (an
    audit.ui.session.AuditView, or None when no log is loaded)."""
    st.html(STYLE)
    st.html(KEYS, unsafe_allow_javascript=True)
    step = min(st.session_state.get(STEP_KEY, 0), len(STEPS) - 1)
    _controls(step)
    st.title(t(f"projector.step.{STEPS[step]}"))
    if view is None:
        st.info(t("app.no_log"), icon=":material/info:")
        return
    DRAWN[STEPS[step]](view.result, language())
