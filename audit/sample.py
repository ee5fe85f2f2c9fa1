"""The generated example: a deterministic, realistic motor insurance claim event log.

The log is the built-in example of Journey Audit and the input of the benchmarks, so it has
to carry real friction that the audit must find, and it has to scale to tens of millions of
events. Both needs shape the design:

- **A case is a sequence of blocks.** Each block is a short, fixed run of activities
  (report the claim; request, receive and check documents; bounce between Assessment and
  Fraud check; ...). Per case, each block occurs zero, one or several times, always in the
  block order below. The events of all cases are laid out at once with ``numpy.repeat``;
  there is no loop over cases or events.
- **Randomness is counter-based.** Every random number is a hash of (seed, case number,
  what it is for), not a draw from a stream. The same case therefore looks the same
  whatever the chunk size, and removing one friction source (``without``) changes that
  source only: every other decision, wait and resource of every case stays as it was. This
  is what the before/after comparison relies on.
- **Time runs on an office clock.** Waits and work are drawn in office hours (Monday to
  Friday, 08:00-17:00) and converted to calendar time at the end, so nights and weekends
  lengthen what the customer experiences, as they do in a real claims department.

Friction put in on purpose (each can be removed with ``without``):

- ``pingpong``: Assessment and Fraud check pass the claim back and forth (X, Y, X).
- ``document_requests``: the customer is asked again for documents, often by another clerk
  (a repeated touchpoint; repetition with redo).
- ``back_jumps``: the assessor finds the claim incomplete and sends it back to the Report
  claim stage (call the customer, update the claim).
- ``delays``: backlogs before the acknowledgement and the assessment that break the stage
  promises.
- ``dropoffs``: the customer stops answering after a document request; the more requests
  before, the likelier. Without ``document_requests`` fewer customers drop off, because
  the repeated requests are what drives them away.
- ``complaints``: a customer whose claim was rejected comes back with a complaint, a case
  of its own (``CMP-…``) for the same customer, within two weeks of the rejection letter;
  most often when the claim bounced between Assessment and Fraud check before it was
  rejected. A few customers complain about claims that ended otherwise. Without
  ``pingpong`` fewer customers complain, because the bouncing is what exasperates them.

Changes planted on purpose, for the trend and the segments to find (they stay with any
``without``, and each is a pure function of the case, so chunks stay independent):

- **Ping-pong fixed from September**: a claim arriving on or after PINGPONG_FIXED_FROM no
  longer bounces between Assessment and Fraud check.
- **Letters need more documents**: a customer whose first contact is a ``letter`` is asked
  again for documents more often (_P_EXTRA_REQUESTS_BY_LETTER), and so also drops off more.

Every claim has a customer (``Customer ID``). Most customers have one claim; some come
back months later with a new, unrelated claim, which is no repeat contact unless it falls
within the journey's repeat window.

Handoffs between units are part of the process itself and stay. Cases that arrive late in
the year are cut at the export date and are still open. The NPS answer of each closed case
is computed from the friction that case actually met (handoffs, ping-pong, broken stage
promises, total wait, the outcome) plus noise; about 40 % of closed cases answer.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pa_csv
import pyarrow.parquet as pq
from scipy.special import ndtri

FRICTION_SOURCES: tuple[str, ...] = (
    "pingpong",
    "document_requests",
    "back_jumps",
    "delays",
    "dropoffs",
    "complaints",
)
"""The friction sources ``without`` can remove, one at a time or together."""

UNITS: tuple[str, ...] = (
    "Customer service",
    "Claims intake",
    "Assessment",
    "Fraud check",
    "Payments",
)
_TEAMS: tuple[tuple[str, int], ...] = (("CS", 12), ("CI", 8), ("AS", 10), ("FC", 3), ("PY", 3))
"""Resource name prefix and head count of each unit, in the order of UNITS."""
PORTAL = "Claims portal"
"""The resource of what the customer does on the web (the portal records it)."""

STAGES: tuple[str, ...] = (
    "Report claim",
    "Provide documents",
    "Assessment",
    "Decision",
    "Complaint",
)
STAGE_PROMISE_HOURS: tuple[float, ...] = (24.0, 168.0, 240.0, 72.0, 336.0)
"""The promise of each stage, as in sample_logs/insurance_claims.journey.yaml."""

CLAIM_TYPES: tuple[str, ...] = ("Collision", "Glass", "Weather", "Vandalism", "Theft")
_CLAIM_TYPE_SHARE = (0.45, 0.20, 0.15, 0.12, 0.08)
CHANNELS: tuple[str, ...] = ("web", "phone", "e-mail", "letter", "on site")
_FIRST_CONTACT_SHARE = (0.45, 0.35, 0.15, 0.05)
_UPLOAD_SHARE = (0.55, 0.0, 0.35, 0.10)
"""How customers send their documents: web, (never phone), e-mail, letter."""

# Chances of the case-level decisions, per claim type in the order of CLAIM_TYPES.
_P_DOCUMENTS = np.array([0.90, 0.50, 0.85, 0.85, 0.95])
_P_INSPECTION = np.array([0.60, 0.05, 0.50, 0.40, 0.10])
_P_PINGPONG = np.array([0.14, 0.04, 0.10, 0.20, 0.45])
_P_REJECT = np.array([0.10, 0.05, 0.10, 0.12, 0.25])
_P_SECOND_BOUNCE = 0.3
_P_BACK_JUMP = 0.12
_P_WITHDRAW = 0.04
_P_EXTRA_REQUESTS = (0.68, 0.22, 0.07, 0.03)
_P_EXTRA_REQUESTS_BY_LETTER = (0.20, 0.35, 0.30, 0.15)
"""Repeated document requests (0-3) of a customer who first wrote a letter (planted)."""
PINGPONG_FIXED_FROM = np.datetime64("2025-09-01T00:00:00", "s")
"""Claims arriving from this moment on no longer bounce (the planted change)."""
"""Chance of 0, 1, 2 or 3 repeated document requests in a case that needs documents."""
_P_DROPOFF_BASE, _P_DROPOFF_PER_REQUEST = 0.02, 0.09
_P_ACK_DELAY, _ACK_DELAY_DAYS = 0.12, (1.5, 4.0)
_P_ASSESSMENT_DELAY, _ASSESSMENT_DELAY_DAYS = 0.15, (4.0, 9.0)
_P_SURVEY_ANSWER = 0.40
_P_COMPLAINT_REJECTED_AFTER_PINGPONG = 0.70
_P_COMPLAINT_REJECTED = 0.20
_P_COMPLAINT_OTHER = 0.02
_COMPLAINT_AFTER_DAYS = (1.0, 14.0)
"""A complaint arrives between these many calendar days after the claim's last event."""
_P_RETURNING_CUSTOMER = 0.06
"""Share of claims filed by the customer of an earlier claim (a new, unrelated claim)."""
_P_OTHER_RESOURCE, _P_OTHER_RESOURCE_AGAIN = 0.10, 0.60
"""Chance that someone else than the case's usual person in the unit does an event: the
first time in a block, and when the block repeats (a redo)."""

_OFFICE_DAY_S = 9 * 3600
_OFFICE_WEEK_S = 5 * _OFFICE_DAY_S
_OFFICE_OPENS_S = 8 * 3600
_EPOCH = np.datetime64("2025-01-06T00:00:00", "s")
"""A Monday: office time 0 is 08:00 on this day."""
_YEAR_WEEKS = 52
EXPORT_END = _EPOCH + np.timedelta64(_YEAR_WEEKS * 7, "D")
"""The moment the log was exported: later events are not in it, and their cases are open."""


@dataclass(frozen=True)
class _Activity:
    """One activity of the claim process: who does it, where it belongs, how long it takes.

    channel: None for backstage work, a name in CHANNELS, "first" (the channel of first
        contact) or "upload" (how the customer sends documents).
    wait_hours: median wait before the event, in office hours.
    """

    name: str
    unit: str
    stage: str
    channel: str | None
    wait_hours: float
    work_minutes: float


_CS, _CI, _AS, _FC, _PY = UNITS
_REPORT, _DOCS, _ASSESS, _DECISION, _COMPLAINT = STAGES
ACTIVITIES: tuple[_Activity, ...] = (
    _Activity("Claim received", _CS, _REPORT, "first", 0.0, 8),
    _Activity("Register claim", _CI, _REPORT, None, 1.0, 15),
    _Activity("Check coverage", _CI, _REPORT, None, 0.5, 10),
    _Activity("Send acknowledgement", _CI, _REPORT, "e-mail", 1.0, 5),
    _Activity("Call customer", _CS, _REPORT, "phone", 6.0, 15),
    _Activity("Update claim details", _CI, _REPORT, None, 4.0, 15),
    _Activity("Request documents", _CI, _DOCS, "e-mail", 2.0, 10),
    _Activity("Documents received", _CI, _DOCS, "upload", 12.0, 5),
    _Activity("Check documents", _CI, _DOCS, None, 3.0, 20),
    _Activity("Send reminder", _CI, _DOCS, "e-mail", 40.0, 5),
    _Activity("Fraud screening", _FC, _ASSESS, None, 4.0, 20),
    _Activity("Assess damage", _AS, _ASSESS, None, 8.0, 45),
    _Activity("Inspect vehicle", _AS, _ASSESS, "on site", 12.0, 60),
    _Activity("Fraud investigation", _FC, _ASSESS, None, 12.0, 90),
    _Activity("Reassess damage", _AS, _ASSESS, None, 10.0, 40),
    _Activity("Decide claim", _AS, _ASSESS, None, 3.0, 20),
    _Activity("Approve payment", _PY, _DECISION, None, 5.0, 10),
    _Activity("Claim paid", _PY, _DECISION, "e-mail", 3.0, 5),
    _Activity("Claim rejected", _CS, _DECISION, "letter", 3.0, 15),
    _Activity("Claim withdrawn", _CI, _DECISION, "phone", 30.0, 10),
    _Activity("Complaint received", _CS, _COMPLAINT, "first", 0.0, 10),
    _Activity("Investigate complaint", _CS, _COMPLAINT, None, 12.0, 45),
    _Activity("Complaint answered", _CS, _COMPLAINT, "letter", 6.0, 15),
)
"""The activities; the journey map ships in sample_logs/insurance_claims.journey.yaml."""
OUTCOMES: dict[str, str] = {
    "Claim paid": "good",
    "Claim rejected": "bad",
    "Claim withdrawn": "bad",
    "Complaint answered": "good",
}
COMPLAINT_ACTIVITIES: tuple[str, ...] = (
    "Complaint received",
    "Investigate complaint",
    "Complaint answered",
)
"""A complaint case, in order; its waits and work follow the office clock like a claim's."""

_BLOCKS: dict[str, tuple[str, ...]] = {
    "report": ("Claim received", "Register claim", "Check coverage", "Send acknowledgement"),
    "documents": ("Request documents", "Documents received", "Check documents"),
    "dropoff": ("Request documents", "Send reminder"),
    "withdraw": ("Claim withdrawn",),
    "assess": ("Fraud screening", "Assess damage"),
    "inspect": ("Inspect vehicle",),
    "back_jump": ("Call customer", "Update claim details", "Assess damage"),
    "pingpong": ("Fraud investigation", "Reassess damage"),
    "decide": ("Decide claim",),
    "pay": ("Approve payment", "Claim paid"),
    "reject": ("Claim rejected",),
}
"""Runs of activities, in the order in which they occur in a case."""
_B = {name: i for i, name in enumerate(_BLOCKS)}
_ACT = {a.name: i for i, a in enumerate(ACTIVITIES)}
_BLOCK_LENGTH = np.array([len(b) for b in _BLOCKS.values()])
_BLOCK_START = np.concatenate([[0], np.cumsum(_BLOCK_LENGTH)[:-1]])
_SLOT_ACTIVITY = np.array([_ACT[name] for block in _BLOCKS.values() for name in block])
"""Activity of each slot (a place in a block); slots are numbered block by block."""

_ACT_UNIT = np.array([UNITS.index(a.unit) for a in ACTIVITIES])
_ACT_STAGE = np.array([STAGES.index(a.stage) for a in ACTIVITIES])
_ACT_WAIT_S = np.array([a.wait_hours * 3600 for a in ACTIVITIES])
_ACT_WORK_S = np.array([a.work_minutes * 60 for a in ACTIVITIES])
_ACT_CHANNEL = np.array(
    [CHANNELS.index(a.channel) if a.channel in CHANNELS else -1 for a in ACTIVITIES]
)
_ACT_OUTCOME = np.array([a.name in OUTCOMES for a in ACTIVITIES])
_RESOURCE_NAMES = [f"{prefix}-{i + 1:02d}" for prefix, size in _TEAMS for i in range(size)]
_TEAM_SIZE = np.array([size for _, size in _TEAMS])
_TEAM_OFFSET = np.concatenate([[0], np.cumsum(_TEAM_SIZE)[:-1]])


# --- counter-based random numbers -------------------------------------------------------

_GOLDEN = np.uint64(0x9E3779B97F4A7C15)


def _mix(x: np.ndarray) -> np.ndarray:
    """SplitMix64's finaliser: a well-spread 64-bit hash of each element.

    The multiplications are meant to wrap around modulo 2**64.
    """
    with np.errstate(over="ignore"):
        x = (x ^ (x >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
        x = (x ^ (x >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
    return x ^ (x >> np.uint64(31))


def _case_keys(seed: int, numbers: np.ndarray) -> np.ndarray:
    """One 64-bit key per case, from the seed and the case number."""
    with np.errstate(over="ignore"):
        seed_key = _mix(np.array([seed], dtype=np.uint64) * _GOLDEN)
        return _mix(numbers.astype(np.uint64) * _GOLDEN ^ seed_key)


def _uniform(keys: np.ndarray, purpose: str | np.ndarray) -> np.ndarray:
    """Uniform numbers in (0, 1), one per key; each purpose gives independent numbers."""
    if isinstance(purpose, str):
        purpose = np.uint64(zlib.crc32(purpose.encode()))
    with np.errstate(over="ignore"):
        salt = _mix((np.asarray(purpose, dtype=np.uint64) + np.uint64(1)) * _GOLDEN)
    bits = _mix(keys ^ salt) >> np.uint64(11)
    return (bits.astype(np.float64) + 0.5) * 2.0**-53


def _event_uniform(ev: dict[str, np.ndarray], keys: np.ndarray, kind: int) -> np.ndarray:
    """Uniform numbers per event, fixed by its case, slot, repetition of the block and kind."""
    place = (ev["slot"].astype(np.uint64) << np.uint64(8)) + ev["rep"].astype(np.uint64)
    return _uniform(keys[ev["row"]], (np.uint64(1) << np.uint64(40)) + place * np.uint64(8) + kind)


_WAIT, _WORK, _OTHER, _WHO, _UPLOAD = range(5)
"""Kinds of event-level random numbers."""


def _lognormal(u: np.ndarray, median: np.ndarray, sigma: float) -> np.ndarray:
    """A log-normal duration with the given median, from uniform numbers."""
    return median * np.exp(sigma * ndtri(u))


def _choice(u: np.ndarray, shares: Iterable[float]) -> np.ndarray:
    """The category each uniform number falls in, by the given shares."""
    edges = np.cumsum(list(shares))
    edges = edges / edges[-1]
    return np.minimum(np.searchsorted(edges, u, side="right"), len(edges) - 1)


# --- cases and their events ---------------------------------------------------------------


def _plan(
    keys: np.ndarray, arrival: np.ndarray, without: frozenset[str]
) -> tuple[np.ndarray, dict[str, np.ndarray]]:
    """How often each block occurs in each case, and the case attributes behind it;
    `arrival` (office seconds) places the planted ping-pong fix."""
    claim_type = _choice(_uniform(keys, "claim type"), _CLAIM_TYPE_SHARE)
    contact = _choice(_uniform(keys, "first contact"), _FIRST_CONTACT_SHARE)
    needs_docs = _uniform(keys, "needs documents") < _P_DOCUMENTS[claim_type]
    u_requests = _uniform(keys, "repeated requests")
    extra = (
        np.where(
            contact == CHANNELS.index("letter"),
            _choice(u_requests, _P_EXTRA_REQUESTS_BY_LETTER),
            _choice(u_requests, _P_EXTRA_REQUESTS),
        )
        * needs_docs
    )
    if "document_requests" in without:
        extra[:] = 0
    p_drop = _P_DROPOFF_BASE + _P_DROPOFF_PER_REQUEST * extra
    dropoff = needs_docs & (_uniform(keys, "dropoff") < p_drop) & ("dropoffs" not in without)
    withdrawn = ~dropoff & (_uniform(keys, "withdraw") < _P_WITHDRAW)
    assessed = ~dropoff & ~withdrawn
    bounces = (_uniform(keys, "pingpong") < _P_PINGPONG[claim_type]) * (
        1 + (_uniform(keys, "second bounce") < _P_SECOND_BOUNCE)
    )
    bounces[arrival >= _to_office(np.array([PINGPONG_FIXED_FROM]))[0]] = 0
    if "pingpong" in without:
        bounces[:] = 0
    back_jump = (_uniform(keys, "back jump") < _P_BACK_JUMP) & ("back_jumps" not in without)
    inspected = _uniform(keys, "inspection") < _P_INSPECTION[claim_type]
    rejected = _uniform(keys, "reject") < _P_REJECT[claim_type]

    counts = np.zeros((len(keys), len(_BLOCKS)), dtype=np.int64)
    counts[:, _B["report"]] = 1
    counts[:, _B["documents"]] = needs_docs * (1 + extra) - dropoff
    counts[:, _B["dropoff"]] = dropoff
    counts[:, _B["withdraw"]] = withdrawn
    counts[:, _B["assess"]] = assessed
    counts[:, _B["inspect"]] = assessed & inspected
    counts[:, _B["back_jump"]] = assessed & back_jump
    counts[:, _B["pingpong"]] = assessed * bounces
    counts[:, _B["decide"]] = assessed
    counts[:, _B["pay"]] = assessed & ~rejected
    counts[:, _B["reject"]] = assessed & rejected
    return counts, {"claim_type": claim_type, "contact": contact}


def _lay_out(counts: np.ndarray) -> dict[str, np.ndarray]:
    """The events of all cases in case order: case row, block, slot, repetition, activity."""
    n_blocks = counts.shape[1]
    flat = counts.ravel()
    run = np.repeat(np.arange(flat.size), flat)  # one entry per block occurrence
    rep = np.arange(run.size) - np.repeat(np.cumsum(flat) - flat, flat)
    block = run % n_blocks
    length = _BLOCK_LENGTH[block]
    owner = np.repeat(np.arange(run.size), length)  # one entry per event
    pos = np.arange(owner.size) - np.repeat(np.cumsum(length) - length, length)
    slot = _BLOCK_START[block[owner]] + pos
    return {
        "row": run[owner] // n_blocks,
        "block": block[owner],
        "slot": slot,
        "rep": rep[owner],
        "activity": _SLOT_ACTIVITY[slot],
    }


def _office_days(u: np.ndarray, days: tuple[float, float]) -> np.ndarray:
    """A backlog delay between the given numbers of office days, in office seconds."""
    low, high = days
    return (low + (high - low) * u) * _OFFICE_DAY_S


def _to_calendar(office_s: np.ndarray) -> np.ndarray:
    """Office-clock seconds (0 = Monday 08:00 of the first week) as calendar datetimes."""
    week, in_week = np.divmod(np.floor(office_s).astype(np.int64), _OFFICE_WEEK_S)
    day, in_day = np.divmod(in_week, _OFFICE_DAY_S)
    calendar_s = week * 7 * 86400 + day * 86400 + _OFFICE_OPENS_S + in_day
    return _EPOCH + calendar_s.astype("timedelta64[s]")


def _to_office(times: np.ndarray) -> np.ndarray:
    """Calendar datetimes as office-clock seconds; a moment outside office hours becomes
    the next opening (the inverse of _to_calendar within office hours)."""
    seconds = (times - _EPOCH) / np.timedelta64(1, "s")
    week, in_week = np.divmod(seconds, 7 * 86400)
    day, in_day = np.divmod(in_week, 86400)
    in_office = np.clip(in_day - _OFFICE_OPENS_S, 0, _OFFICE_DAY_S)
    return week * _OFFICE_WEEK_S + np.where(
        day >= 5, 5 * _OFFICE_DAY_S, day * _OFFICE_DAY_S + in_office
    )


def _arrival(keys: np.ndarray, numbers: np.ndarray, total_cases: int) -> np.ndarray:
    """When each claim arrives, in office seconds: the cases spread evenly over the year
    in case-number order."""
    span = _YEAR_WEEKS * _OFFICE_WEEK_S
    return (numbers - 1 + _uniform(keys, "arrival")) * span / total_cases


def _timing(
    ev: dict[str, np.ndarray], keys: np.ndarray, arrival: np.ndarray, without: frozenset[str]
) -> tuple[np.ndarray, np.ndarray]:
    """Start and complete time of every event, as calendar datetimes."""
    act, row = ev["activity"], ev["row"]
    wait = _lognormal(_event_uniform(ev, keys, _WAIT), _ACT_WAIT_S[act], 0.8)
    work = _lognormal(_event_uniform(ev, keys, _WORK), _ACT_WORK_S[act], 0.5)
    if "delays" not in without:
        ack_backlog = (_uniform(keys, "ack delay") < _P_ACK_DELAY) * _office_days(
            _uniform(keys, "ack delay length"), _ACK_DELAY_DAYS
        )
        assessment_backlog = (_uniform(keys, "assessment delay") < _P_ASSESSMENT_DELAY) * (
            _office_days(_uniform(keys, "assessment delay length"), _ASSESSMENT_DELAY_DAYS)
        )
        wait += np.where(act == _ACT["Send acknowledgement"], ack_backlog[row], 0.0)
        first_assessment = (ev["block"] == _B["assess"]) & (act == _ACT["Assess damage"])
        wait += np.where(first_assessment, assessment_backlog[row], 0.0)
    wait[act == _ACT["Claim received"]] = 0.0
    step = wait + work
    done = np.cumsum(step)
    before_case = (done - step)[np.searchsorted(row, np.arange(len(keys)))]
    complete = arrival[row] + done - before_case[row]
    return _to_calendar(complete - work), _to_calendar(complete)


def _nps(
    ev: dict[str, np.ndarray],
    start: np.ndarray,
    complete: np.ndarray,
    in_log: np.ndarray,
    keys: np.ndarray,
    counts: np.ndarray,
) -> np.ndarray:
    """Each case's survey answer (NaN when none), driven by the friction the case met.

    Only cases whose outcome is in the log were surveyed; the answer falls with each
    handoff, a ping-pong, each stage promise broken, the total wait and a bad outcome.
    """
    n, n_stages = len(keys), len(STAGES)
    row, act = ev["row"], ev["activity"]
    same_case = np.concatenate([[False], row[1:] == row[:-1]])
    unit = _ACT_UNIT[act]
    handoffs = np.bincount(row, weights=same_case & (unit != np.roll(unit, 1)), minlength=n)
    wait_h = np.where(same_case, (start - np.roll(complete, 1)) / np.timedelta64(1, "h"), 0.0)
    work_h = (complete - start) / np.timedelta64(1, "h")
    case_stage = row * n_stages + _ACT_STAGE[act]
    stage_h = np.bincount(case_stage, weights=wait_h + work_h, minlength=n * n_stages)
    visited = np.bincount(case_stage, minlength=n * n_stages) > 0
    broken = ((stage_h > np.tile(STAGE_PROMISE_HOURS, n)) & visited).reshape(n, n_stages)
    wait_days = np.bincount(row, weights=wait_h, minlength=n) / 24
    score = (
        9.8
        - 0.3 * handoffs
        - 1.5 * (counts[:, _B["pingpong"]] > 0)
        - 0.8 * broken.sum(axis=1)
        - 0.05 * wait_days
        - 2.5 * counts[:, _B["reject"]]
        - 1.5 * counts[:, _B["withdraw"]]
        + 1.2 * ndtri(_uniform(keys, "nps noise"))
    )
    closed = np.bincount(row, weights=_ACT_OUTCOME[act] & in_log, minlength=n) > 0
    answered = closed & (_uniform(keys, "survey answered") < _P_SURVEY_ANSWER)
    return np.where(answered, np.clip(np.round(score), 0, 10), np.nan)


def _channels(ev: dict[str, np.ndarray], keys: np.ndarray, contact: np.ndarray) -> np.ndarray:
    """The channel of each event as an index into CHANNELS; -1 for backstage events."""
    act = ev["activity"]
    channel = np.where(act == _ACT["Claim received"], contact[ev["row"]], _ACT_CHANNEL[act])
    upload = _choice(_event_uniform(ev, keys, _UPLOAD), _UPLOAD_SHARE)
    return np.where(act == _ACT["Documents received"], upload, channel)


def _resources(ev: dict[str, np.ndarray], keys: np.ndarray, channel: np.ndarray) -> np.ndarray:
    """Who did each event, as an index into the resource names (the portal is the last).

    Each case has a usual person in each unit; someone else steps in now and then, and
    often when a block repeats (the redo of a document request, a second assessment).
    """
    unit = _ACT_UNIT[ev["activity"]]
    size = _TEAM_SIZE[unit]
    usual = (_uniform(keys[ev["row"]] ^ unit.astype(np.uint64), "usual person") * size).astype(
        np.int64
    )
    other = (_event_uniform(ev, keys, _WHO) * size).astype(np.int64)
    p_other = np.where(ev["rep"] > 0, _P_OTHER_RESOURCE_AGAIN, _P_OTHER_RESOURCE)
    person = np.where(_event_uniform(ev, keys, _OTHER) < p_other, other, usual)
    by_portal = channel == CHANNELS.index("web")
    return np.where(by_portal, len(_RESOURCE_NAMES), _TEAM_OFFSET[unit] + person)


def _dictionary(indices: np.ndarray, names: Iterable[str]) -> pa.DictionaryArray:
    """A dictionary-encoded text column; negative indices are missing values."""
    return pa.DictionaryArray.from_arrays(
        pa.array(indices.astype(np.int32), mask=indices < 0), pa.array(list(names))
    )


def _ids(numbers: np.ndarray, total_cases: int, prefix: str) -> pa.Array:
    """Numbers such as CLM-000042, zero-padded to the width the log needs."""
    width = max(6, len(str(total_cases)))
    digits = pc.utf8_lpad(pa.array(numbers).cast(pa.string()), width, "0")
    return pc.binary_join_element_wise(prefix, digits, "")


def _chunk(
    first: int, count: int, total_cases: int, seed: int, without: frozenset[str]
) -> pa.Table:
    """The events of cases first .. first + count - 1 (case numbers start at 1)."""
    numbers = np.arange(first, first + count, dtype=np.int64)
    keys = _case_keys(seed, numbers)
    arrival = _arrival(keys, numbers, total_cases)
    counts, attrs = _plan(keys, arrival, without)
    ev = _lay_out(counts)
    start, complete = _timing(ev, keys, arrival, without)
    nps = _nps(ev, start, complete, complete <= EXPORT_END, keys, counts)
    channel = _channels(ev, keys, attrs["contact"])
    resource = _resources(ev, keys, channel)
    claims = _columns(
        ev["row"], ev["activity"], start, complete, resource, channel, nps, numbers, total_cases
    )
    complaint = _complaints(ev, complete, keys, counts, without)
    complaint_channel = np.where(
        complaint["activity"] == _ACT["Complaint received"],
        attrs["contact"][complaint["row"]],
        _ACT_CHANNEL[complaint["activity"]],
    )
    complaints = _columns(
        complaint["row"],
        complaint["activity"],
        complaint["start"],
        complaint["complete"],
        _complaint_handlers(keys, complaint),
        complaint_channel,
        np.full(len(keys), np.nan),
        numbers,
        total_cases,
        prefix="CMP-",
    )
    attributes = {
        "Customer ID": _ids(_customer_numbers(keys, numbers), total_cases, "CUST-"),
        "claim_type": _dictionary(attrs["claim_type"], CLAIM_TYPES),
        "first_contact": _dictionary(attrs["contact"], CHANNELS),
    }
    events = pa.concat_tables(
        [_with_case_columns(table, attributes) for table in (claims, complaints)]
    )
    # each complaint right after its claim, so that the order does not depend on the chunk
    kind = np.repeat([0, 1], [claims.num_rows, complaints.num_rows])
    order = np.lexsort((kind, events.column("__row").to_numpy()))
    return events.take(pa.array(order)).drop_columns(["__row"])


def _complaint_handlers(keys: np.ndarray, complaint: dict[str, np.ndarray]) -> np.ndarray:
    """One person of the complaint's unit handles the whole complaint."""
    unit = _ACT_UNIT[complaint["activity"]]
    u = _uniform(keys[complaint["row"]], "complaint handler")
    return _TEAM_OFFSET[unit] + (u * _TEAM_SIZE[unit]).astype(np.int64)


def _columns(
    row: np.ndarray,
    act: np.ndarray,
    start: np.ndarray,
    complete: np.ndarray,
    resource: np.ndarray,
    channel: np.ndarray,
    nps: np.ndarray,
    numbers: np.ndarray,
    total_cases: int,
    prefix: str = "CLM-",
) -> pa.Table:
    """The event columns of the events that happened before the export, in event order;
    "__row" keeps each event's case row for the case columns."""
    in_log = complete <= EXPORT_END
    row = row[in_log]
    return pa.table(
        {
            "Case ID": pc.take(_ids(numbers, total_cases, prefix), pa.array(row)),
            "Activity": _dictionary(act[in_log], (a.name for a in ACTIVITIES)),
            "Start Timestamp": pa.array(start[in_log]),
            "Complete Timestamp": pa.array(complete[in_log]),
            "Resource": _dictionary(resource[in_log], [*_RESOURCE_NAMES, PORTAL]),
            "Department": _dictionary(_ACT_UNIT[act[in_log]], UNITS),
            "Channel": _dictionary(channel[in_log], CHANNELS),
            "__row": pa.array(row),
            "nps": pa.array(nps[row], mask=np.isnan(nps[row])).cast(pa.int64()),
        }
    )


def _with_case_columns(table: pa.Table, columns: dict[str, pa.Array]) -> pa.Table:
    """The table with each case column's value of its event's case, before "nps"."""
    rows = table.column("__row")
    for name, values in columns.items():
        table = table.add_column(table.num_columns - 1, name, pc.take(values, rows))
    return table


def _customer_numbers(keys: np.ndarray, numbers: np.ndarray) -> np.ndarray:
    """The customer of each claim: its own number, or for a returning customer the number
    of an earlier claim (chosen by hash, so it does not depend on the chunk)."""
    earlier = np.floor(_uniform(keys, "earlier claim") * (numbers - 1)).astype(np.int64) + 1
    returning = (_uniform(keys, "returning customer") < _P_RETURNING_CUSTOMER) & (numbers > 1)
    return np.where(returning, earlier, numbers)


def _complaints(
    ev: dict[str, np.ndarray],
    complete: np.ndarray,
    keys: np.ndarray,
    counts: np.ndarray,
    without: frozenset[str],
) -> dict[str, np.ndarray]:
    """The events of the complaint cases: row (the claim complained about), activity, start
    and complete. A complaint starts 1 to 14 days after the claim's last event."""
    n = len(keys)
    rejected = counts[:, _B["reject"]] > 0
    bounced = counts[:, _B["pingpong"]] > 0
    chance = np.where(
        rejected & bounced,
        _P_COMPLAINT_REJECTED_AFTER_PINGPONG,
        np.where(rejected, _P_COMPLAINT_REJECTED, _P_COMPLAINT_OTHER),
    )
    complains = (_uniform(keys, "complaint") < chance) & ("complaints" not in without)
    last = np.full(n, np.datetime64("NaT"), dtype=complete.dtype)
    last[ev["row"]] = complete  # events are in case order: the last one wins
    rows = np.flatnonzero(complains)
    low, high = _COMPLAINT_AFTER_DAYS
    after_s = (low + (high - low) * _uniform(keys[rows], "complaint after")) * 86400
    opened = _uniform(keys[rows], "complaint opened") * 2 * 3600  # read within 2 office hours
    arrival = _to_office(last[rows] + after_s.astype("timedelta64[s]")) + opened
    steps = len(COMPLAINT_ACTIVITIES)
    act = np.tile([_ACT[name] for name in COMPLAINT_ACTIVITIES], len(rows))
    row = np.repeat(rows, steps)
    step = np.tile(np.arange(steps), len(rows))
    u = _uniform(keys[row] ^ (step.astype(np.uint64) + np.uint64(1)), "complaint timing")
    wait_s = np.where(step == 0, 0.0, _lognormal(u, _ACT_WAIT_S[act], 0.6))
    work_s = _ACT_WORK_S[act]
    done_s = np.cumsum(wait_s + work_s).reshape(len(rows), steps)
    before = done_s[:, :1] - (wait_s + work_s).reshape(len(rows), steps)[:, :1]
    complete_s = np.repeat(arrival, steps) + (done_s - before).ravel()
    return {
        "row": row,
        "activity": act,
        "start": _to_calendar(complete_s - work_s),
        "complete": _to_calendar(complete_s),
    }


# --- public interface ---------------------------------------------------------------------

CHUNK_CASES = 100_000
"""Cases generated and written at a time: bounds memory at about a gigabyte."""


def _check_without(without: Iterable[str]) -> frozenset[str]:
    """The friction sources to remove, refused with the valid names when one is unknown."""
    chosen = frozenset(without)
    unknown = chosen.difference(FRICTION_SOURCES)
    if unknown:
        raise ValueError(
            f"unknown friction source {', '.join(sorted(unknown))}; "
            f"choose from {', '.join(FRICTION_SOURCES)}"
        )
    return chosen


def generate(
    cases: int, seed: int = 7, without: Iterable[str] = (), chunk_cases: int = CHUNK_CASES
) -> Iterator[pa.Table]:
    """The log of ``cases`` claims, as Arrow tables of at most ``chunk_cases`` cases each.

    The result depends only on cases, seed and without, never on the chunk size.
    Timestamps are naive local office times (timestamp[s]); nps is null when not answered.
    """
    chosen = _check_without(without)
    for first in range(1, cases + 1, chunk_cases):
        yield _chunk(first, min(chunk_cases, cases + 1 - first), cases, seed, chosen)


def generate_table(cases: int, seed: int = 7, without: Iterable[str] = ()) -> pa.Table:
    """The whole log in one Arrow table: for small logs, tests and the app."""
    return pa.concat_tables(generate(cases, seed, without))


def cases_for_events(events: int, seed: int = 7, without: Iterable[str] = ()) -> int:
    """How many cases make a log of about ``events`` events (within about one per cent)."""
    pilot = 20_000
    pilot_events = sum(t.num_rows for t in generate(pilot, seed, without))
    return max(1, round(events * pilot / pilot_events))


def _iso_text(times: pa.Array) -> pa.Array:
    """Timestamps as ISO text (2025-03-04T09:15:00), via small lookup tables: fast."""
    seconds = pc.cast(times, pa.int64()).to_numpy()
    day, second = np.divmod(seconds, 86400)
    first_day = int(day.min())
    days = np.arange(first_day, int(day.max()) + 1).astype("datetime64[D]")
    clock = np.datetime64("1970-01-01T00:00:00") + np.arange(86400).astype("timedelta64[s]")
    date_text = pa.array(np.datetime_as_string(days))
    clock_text = pc.utf8_slice_codeunits(pa.array(np.datetime_as_string(clock)), 10)
    return pc.binary_join_element_wise(
        pc.take(date_text, pa.array(day - first_day)), pc.take(clock_text, pa.array(second)), ""
    )


def _as_csv_table(table: pa.Table) -> pa.Table:
    """The same table with ISO text timestamps, as a CSV export has them."""
    for name in ("Start Timestamp", "Complete Timestamp"):
        index = table.schema.get_field_index(name)
        table = table.set_column(index, name, _iso_text(table[name].combine_chunks()))
    return table


def write_log(
    path: Path, cases: int, seed: int = 7, without: Iterable[str] = (), fmt: str = "csv"
) -> int:
    """Write the log to ``path`` as CSV or Parquet, chunk by chunk; returns the event count.

    Parquet keeps timestamps typed (timestamp[s]); CSV writes ISO text. Neither holds more
    than one chunk in memory, so any size fits.
    """
    if fmt not in ("csv", "parquet"):
        raise ValueError(f"unknown format {fmt!r}; choose csv or parquet")
    events = 0
    writer: pq.ParquetWriter | pa_csv.CSVWriter | None = None
    try:
        for table in generate(cases, seed, without):
            if fmt == "csv":
                table = _as_csv_table(table)
                writer = writer or pa_csv.CSVWriter(path, table.schema)
            else:
                writer = writer or pq.ParquetWriter(path, table.schema, compression="zstd")
            writer.write_table(table)
            events += table.num_rows
    finally:
        if writer is not None:
            writer.close()
    return events
