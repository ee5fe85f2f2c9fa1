"""Workshop: the room guesses first, then the data answers.

The facilitator opens a room on the audit's stages and shows its code and QR code;
participants join from their phones or laptops with the code and a name they type, rank
the stages from most to least friction and wait; the facilitator reveals the room's
ranking beside the data's, each participant's distance and the understanding gap.

A participant needs no log: the room carries its stage names, so the participant's side
never asks for the audit view. Rooms live in audit.workshop.store (server memory only).
"""

from __future__ import annotations

import contextlib

import pandas as pd
import streamlit as st

from audit.findings.humanize import format_number
from audit.ui import session, widgets
from audit.ui.lang import language, t
from audit.ui.page import heading
from audit.workshop.address import (
    ROOM_PARAMETER,
    app_address,
    only_this_computer,
    qr_svg,
    room_link,
    valid_address,
)
from audit.workshop.data_answer import data_answer
from audit.workshop.export import answers_table
from audit.workshop.ordinals import ordinal
from audit.workshop.reveal import Reveal, reveal
from audit.workshop.room import MAX_GUESS_DAYS, RoomError, RoomSnapshot, RoomState
from audit.workshop.store import ROOMS

ROLE_KEY = "workshop-role"
HOSTED_KEY = "workshop-hosted"
"""Session-state key of the room this session facilitates: (code, facilitator token)."""
JOINED_KEY = "workshop-joined"
"""Session-state key of the room this session has joined: (code, participant token)."""
ADDRESS_KEY = "workshop-address"
REFRESH_SECONDS = 2
"""How often the facilitator's count and a waiting participant's page look at the room."""
GAP_SENTENCES = 3
"""Stages whose place the room got wrong told in sentences, biggest gap first."""


def _refused(error: RoomError) -> None:
    st.error(t(f"workshop.error.{error.reason}"), icon=":material/error:")


def _place(rank: int) -> str:
    return ordinal(rank, language())


def _rho(value: float | None) -> str:
    return "–" if value is None else format_number(value, language(), 2)


# The reveal, as the facilitator and the participants see it.


def _ranking(title: str, stages: tuple[str, ...], notes: dict[str, str], key: str) -> None:
    """A ranking as a numbered list, most friction first, each stage with its note."""
    with st.container(border=True, key=key):
        st.markdown(f"#### {title}")
        st.markdown(
            "\n".join(
                f"{place}. **{stage}** ({notes[stage]})"
                for place, stage in enumerate(stages, start=1)
            )
        )


def _gap_sentences(revealed: Reveal) -> None:
    """Where the room and the data disagree most, in sentences."""
    st.markdown(f"#### {t('workshop.gap')}")
    misplaced = [g for g in revealed.gaps if g.room_rank != g.data_rank][:GAP_SENTENCES]
    if not misplaced:
        st.success(t("workshop.gap_none"), icon=":material/handshake:")
    for index, gap in enumerate(misplaced):
        key = "workshop.gap_biggest" if index == 0 else "workshop.gap_sentence"
        words = {"stage": gap.stage, "room": _place(gap.room_rank), "data": _place(gap.data_rank)}
        st.markdown(f"##### {t(key, **words)}")


def _rankings(revealed: Reveal) -> None:
    """The room's ranking and the data's side by side, and the gap between them."""
    lang = language()
    mean = t("workshop.mean_rank")
    score = t("measure.friction")
    means = {g.stage: f"{mean} {format_number(g.room_mean_rank, lang)}" for g in revealed.gaps}
    scores = {g.stage: f"{score} {format_number(g.friction, lang, 0)}" for g in revealed.gaps}
    room, data, gap = st.columns([1, 1, 1.2], gap="medium")
    with room:
        title = t("workshop.room_ranking", answered=revealed.answered)
        _ranking(title, revealed.room_ranking, means, "workshop-room-ranking")
    with data:
        _ranking(t("workshop.data_ranking"), revealed.data_ranking, scores, "workshop-data-ranking")
    with gap:
        _gap_sentences(revealed)


def _gap_table(revealed: Reveal) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                t("measure.stage"): g.stage,
                t("workshop.col.room_mean_rank"): g.room_mean_rank,
                t("workshop.col.data_rank"): g.data_rank,
                t("workshop.col.gap"): g.gap,
                t("workshop.col.room_guess"): g.room_guess_days,
                t("workshop.col.data_days"): g.data_days,
            }
            for g in revealed.gaps
        ]
    )


def _distances(revealed: Reveal) -> None:
    """Each participant's Spearman correlation with the data, and the room's."""
    st.subheader(t("workshop.distances"))
    if not revealed.data_ranks_stages:
        st.info(t("workshop.no_data_order"), icon=":material/info:")
        return
    st.caption(t("workshop.distances_help", room=_rho(revealed.room_rho)))
    st.caption(t("workshop.rho_help"))
    table = pd.DataFrame(
        {
            t("workshop.col.participant"): [d.name for d in revealed.distances],
            t("workshop.col.rho"): [_rho(d.rho) for d in revealed.distances],
        }
    )
    with st.container(key="workshop-distances"):
        st.table(table.set_index(t("workshop.col.participant")))


def show_reveal(revealed: Reveal) -> None:
    """The rankings side by side, the understanding gap in sentences and as a table."""
    _rankings(revealed)
    st.caption(t("workshop.gap_help"))
    st.dataframe(
        _gap_table(revealed),
        hide_index=True,
        width="stretch",
        column_config={
            t("workshop.col.room_mean_rank"): st.column_config.NumberColumn(format="%.2f"),
            t("workshop.col.gap"): st.column_config.NumberColumn(format="%+.2f"),
            t("workshop.col.room_guess"): st.column_config.NumberColumn(format="%.1f"),
            t("workshop.col.data_days"): st.column_config.NumberColumn(format="%.1f"),
        },
    )


# The facilitator's side.


def _open_room() -> None:
    """The button that opens a room on the current audit's stages."""
    view = session.view()
    if view is None:
        st.info(t("app.no_log"), icon=":material/info:")
        return
    st.write(t("workshop.open_help", stages=len(view.result.friction)))
    if st.button(t("workshop.open"), type="primary", icon=":material/meeting_room:"):
        try:
            st.session_state[HOSTED_KEY] = ROOMS.open(data_answer(view.result))
        except RoomError as error:
            _refused(error)
            return
        st.rerun()


def _invitation(code: str) -> None:
    """The room code in large type beside its QR code, the link, and the address it is
    built from (the facilitator can correct it)."""
    if ADDRESS_KEY not in st.session_state:
        st.session_state[ADDRESS_KEY] = app_address(st.context.url or "")
    address = st.session_state[ADDRESS_KEY]
    words, picture = st.columns([3, 2], vertical_alignment="center")
    words.markdown(
        f"<div class='workshop-code'>{t('workshop.code')}<br><b>{code}</b></div>",
        unsafe_allow_html=True,
    )
    if valid_address(address):
        link = room_link(address, code)
        picture.image(qr_svg(link), width=230)
        words.markdown(f"`{link}`")
    st.text_input(t("workshop.address"), key=ADDRESS_KEY, help=t("workshop.address_help"))
    if not valid_address(address):
        st.warning(t("workshop.bad_address"), icon=":material/link_off:")
    elif only_this_computer(address):
        st.info(t("workshop.loopback"), icon=":material/wifi_off:")


def _still_open(code: str) -> RoomSnapshot:
    """The room while it takes answers; once it is revealed, closed or expired, the whole
    page runs again and shows what comes next."""
    try:
        room = ROOMS.snapshot(code)
    except RoomError:
        st.rerun()
    if room.state is RoomState.REVEALED:
        st.rerun()
    return room


@st.fragment(run_every=REFRESH_SECONDS)
def _progress(code: str, facilitator: str) -> None:
    """How many have joined and answered (looked at again every few seconds), and the
    button that reveals."""
    room = _still_open(code)
    answered = len(room.answered)
    st.metric(t("workshop.answered"), f"{answered} / {len(room.participants)}", border=True)
    if room.answered:
        st.caption(t("workshop.answered_names", names=", ".join(p.name for p in room.answered)))
    if st.button(
        t("workshop.reveal"), type="primary", disabled=not answered, icon=":material/visibility:"
    ):
        try:
            ROOMS.reveal(code, facilitator)
        except RoomError as error:
            _refused(error)
            return
        st.rerun()


def _close(code: str, facilitator: str) -> None:
    if st.button(t("workshop.close"), icon=":material/close:"):
        with contextlib.suppress(RoomError):  # expired meanwhile: closed all the same
            ROOMS.close(code, facilitator)
        del st.session_state[HOSTED_KEY]
        st.rerun()


def facilitate() -> None:
    """The facilitator's side: open a room, invite, count, reveal, download, close."""
    hosted = st.session_state.get(HOSTED_KEY)
    if hosted is None:
        _open_room()
        return
    code, facilitator = hosted
    try:
        room = ROOMS.snapshot(code)
    except RoomError:
        del st.session_state[HOSTED_KEY]
        st.info(t("workshop.room_gone"), icon=":material/info:")
        _open_room()
        return
    if room.state is RoomState.OPEN:
        left, right = st.columns([3, 2], gap="large")
        with left:
            _invitation(code)
        with right:
            _progress(code, facilitator)
            _close(code, facilitator)
        return
    revealed = reveal(room)
    show_reveal(revealed)
    _distances(revealed)
    st.caption(t("workshop.download_help"))
    widgets.download(answers_table(room, revealed), f"workshop_room_{code}")
    _close(code, facilitator)


# The participant's side.


def _join(invited: str) -> None:
    """Join a room by its code and a display name."""
    with st.form("workshop-join"):
        code = st.text_input(t("workshop.code"), value=invited, max_chars=12)
        name = st.text_input(t("workshop.name"), max_chars=80, help=t("workshop.name_help"))
        if st.form_submit_button(t("workshop.join"), type="primary"):
            try:
                st.session_state[JOINED_KEY] = (code, ROOMS.join(code, name))
            except RoomError as error:
                _refused(error)
                return
            st.rerun()


def _rank(room: RoomSnapshot, token: str) -> None:
    """One choice per place, most friction first, and optional guesses of median days."""
    st.write(t("workshop.rank_help"))
    last = len(room.stages)
    with st.form("workshop-ranking"):
        chosen = []
        for place in range(1, last + 1):
            note = {1: " " + t("workshop.most"), last: " " + t("workshop.least")}.get(place, "")
            chosen.append(
                st.selectbox(
                    t("workshop.place", place=_place(place)) + note,
                    room.stages,
                    index=None,
                    placeholder=t("workshop.choose_stage"),
                    key=f"workshop-place-{room.code}-{place}",
                )
            )
        with st.expander(t("workshop.guesses")):
            guesses = {
                stage: st.number_input(
                    stage,
                    min_value=0.0,
                    max_value=MAX_GUESS_DAYS,
                    value=None,
                    step=0.5,
                    key=f"workshop-guess-{room.code}-{index}",
                )
                for index, stage in enumerate(room.stages)
            }
        if st.form_submit_button(t("workshop.submit"), type="primary"):
            ranking = [stage for stage in chosen if stage is not None]
            given = {stage: days for stage, days in guesses.items() if days is not None}
            try:
                ROOMS.answer(room.code, token, ranking, given)
            except RoomError as error:
                _refused(error)
                return
            st.rerun()


@st.fragment(run_every=REFRESH_SECONDS)
def _wait(code: str, name: str) -> None:
    """Waiting for the reveal: looks at the room every few seconds."""
    room = _still_open(code)
    st.success(t("workshop.thanks", name=name), icon=":material/hourglass_top:")
    st.caption(t("workshop.waiting", answered=len(room.answered), joined=len(room.participants)))


def participate(invited: str) -> None:
    """The participant's side: join, rank, wait, see the reveal and their own distance."""
    joined = st.session_state.get(JOINED_KEY)
    if joined is None:
        _join(invited)
        return
    code, token = joined
    try:
        me = ROOMS.participant(code, token)
        room = ROOMS.snapshot(code)
    except RoomError:
        del st.session_state[JOINED_KEY]
        st.info(t("workshop.room_gone"), icon=":material/info:")
        _join(invited)
        return
    st.caption(t("workshop.joined_as", name=me.name, code=room.code))
    if room.state is RoomState.REVEALED:
        revealed = reveal(room)
        mine = next((d.rho for d in revealed.distances if d.name == me.name), None)
        if me.answer is not None and revealed.data_ranks_stages:
            st.metric(t("workshop.your_rho"), _rho(mine), border=True, help=t("workshop.rho_help"))
        show_reveal(revealed)
        return
    if me.answer is None:
        _rank(room, token)
        return
    _wait(code, me.name)


STYLE = """
<style>
.workshop-code { font-size: 1.6rem; line-height: 1.2; }
.workshop-code b {
  font-size: 4.2rem; letter-spacing: 0.3rem; font-family: monospace; white-space: nowrap;
}
</style>
"""


def render() -> None:
    """Draw the page."""
    heading("workshop.title", "workshop.intro")
    st.html(STYLE)
    invited = st.query_params.get(ROOM_PARAMETER, "")
    roles = ["facilitator", "participant"]
    participant = invited or JOINED_KEY in st.session_state
    role = st.segmented_control(
        t("workshop.role"),
        options=roles,
        format_func=lambda role: t(f"workshop.role.{role}"),
        default="participant" if participant else "facilitator",
        required=True,
        key=ROLE_KEY,
    )
    if role == "facilitator":
        facilitate()
    else:
        participate(invited)


render()
