"""Process over journey: the mined process map drawn over the journey's stages, with
sliders that say how much behaviour they hide, and the service blueprint."""

from __future__ import annotations

import streamlit as st

from audit.process.blueprint import blueprint_svg
from audit.process.journey_map import filter_map, map_from_measures
from audit.process.map_svg import map_svg
from audit.ui import loading, widgets
from audit.ui.lang import language, t
from audit.ui.page import current_view, heading

DEFAULT_ACTIVITIES = 100
"""Share of the events (%) whose activities the map opens with: every activity."""
DEFAULT_PATHS = 80
"""Share of the transitions (%) whose paths the map opens with: enough to read the main
flow in a workshop without the spaghetti of rare paths; the note under the sliders says
what is hidden."""
HIDDEN_NAMES = 8


def process_map(result, key: str) -> None:
    """The process map with its label switch and its activity and path sliders."""
    left, middle, right = st.columns([2, 2, 2], gap="large")
    with left:
        edge_label = st.segmented_control(
            t("process.labels"),
            options=["frequency", "wait"],
            format_func=lambda choice: t(f"process.labels.{choice}"),
            default="frequency",
            required=True,
            key=f"{key}-labels",
        )
    with middle:
        activities = st.slider(
            t("process.activities"),
            10,
            100,
            DEFAULT_ACTIVITIES,
            5,
            format="%d%%",
            key=f"{key}-activities",
        )
    with right:
        paths = st.slider(
            t("process.paths"), 10, 100, DEFAULT_PATHS, 5, format="%d%%", key=f"{key}-paths"
        )
    thinned = filter_map(map_from_measures(result.measures), activities / 100, paths / 100)
    hidden_note(thinned.summary)
    picture = map_svg(thinned.graph, edge_label, language())
    widgets.svg(picture, result.measures.dfg, "process_map_paths")


def hidden_note(summary) -> None:
    """What the sliders hide, in one sentence, and the hidden activities by name."""
    note = summary.describe(language())
    hidden = list(summary.hidden_activities)
    if hidden:
        names = ", ".join(hidden[:HIDDEN_NAMES]) + (" …" if len(hidden) > HIDDEN_NAMES else "")
        note += "  \n" + t("process.hidden_names", names=names)
    if summary.hidden_paths or hidden:
        st.info(note, icon=":material/visibility_off:")
    else:
        st.caption(note)


def blueprint(result) -> None:
    """Stages as columns; the customer's touchpoints and each internal unit as lanes."""
    cells = loading.blueprint(result)
    picture = blueprint_svg(cells, result.measures.stages, language())
    widgets.svg(picture, cells, "service_blueprint")


def render() -> None:
    """Draw the page."""
    view = current_view()
    heading("process.title", "process.intro")
    shown = st.segmented_control(
        t("process.view"),
        options=["map", "blueprint"],
        format_func=lambda choice: t(f"process.view.{choice}"),
        default="map",
        required=True,
        key=f"process-{view.key}-view",
    )
    if shown == "map":
        process_map(view.result, f"process-{view.key}")
    else:
        blueprint(view.result)


render()
