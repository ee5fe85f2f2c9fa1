"""What the app forgets, and when: a session's uploads soon after the session ends, and
every log and audit it holds in memory once no session is left.

Streamlit has no hook for "a session ended", so a background thread looks every
SWEEP_SECONDS: a session inactive for GRACE_SECONDS (closed tab, lost connection) is closed
for good, so that its state (which holds its audit) is let go, and its upload folder is
removed; when the last session has gone the caches (logs as read, audits, drafted journeys)
are cleared and their memory is handed back to the operating system; then the built-in
example (nobody's data) is audited again at once (audit.ui.startup), so that the next
visitor does not wait for it. An idle server holds no log anyone brought.
(`server.disconnectedSessionTTL` in .streamlit/config.toml is the backstop: Streamlit
itself drops a disconnected session's state after that many seconds.)
"""

from __future__ import annotations

import contextlib
import ctypes
import gc
import shutil
import threading
import time

import pyarrow as pa
import streamlit as st
from streamlit.runtime import Runtime

from audit import scratch
from audit.ui.sources import UPLOADS, session_id
from audit.ui.startup import warm_example

SWEEP_SECONDS = 10.0
"""How often ended sessions are looked for."""
GRACE_SECONDS = 20.0
"""How long a session must have been inactive to count as ended: a reload or a moment
without network reconnects the browser to the same session, which must find it whole."""

_lock = threading.Lock()
_sessions: set[str] = set()
_inactive_since: dict[str, float] = {}
_thread: threading.Thread | None = None


def start() -> None:
    """Once per server process (later calls do nothing): point temporary files at the
    scratch space and start the housekeeping thread. Also notes this run's session."""
    global _thread
    with _lock:
        _sessions.add(session_id())
        if _thread is None:
            scratch.use_for_temporaries()
            _thread = threading.Thread(target=_sweep_forever, name="housekeeping", daemon=True)
            _thread.start()


def _sweep_forever() -> None:
    while True:
        time.sleep(SWEEP_SECONDS)
        sweep()


def sweep() -> list[str]:
    """Remove the uploads of sessions that have ended and, when none is left, forget every
    cached log and audit; returns the ended sessions' ids."""
    if not Runtime.exists():
        return []
    runtime = Runtime.instance()
    uploads = scratch.scratch_dir() / UPLOADS
    now = time.monotonic()
    with _lock:
        known = _sessions | {folder.name for folder in uploads.glob("*")}
        ended = []
        for sid in sorted(known):
            if runtime.is_active_session(sid):
                _inactive_since.pop(sid, None)
            elif now - _inactive_since.setdefault(sid, now) >= GRACE_SECONDS:
                ended.append(sid)
        for sid in ended:
            _inactive_since.pop(sid, None)
            shutil.rmtree(uploads / sid, ignore_errors=True)
            _sessions.discard(sid)
            _close(runtime, sid)
        idle = bool(ended) and not _sessions
    if idle:
        forget_everything()
        warm_example()
    return ended


def _close(runtime: Runtime, session_id: str) -> None:
    """Close an ended session on the server's event loop (Runtime.close_session must run
    there), letting go of its session state; without that way in (another Streamlit
    version), the state goes when Streamlit's disconnected-session TTL runs out."""

    def close_if_still_inactive() -> None:
        if not runtime.is_active_session(session_id):
            runtime.close_session(session_id)

    with contextlib.suppress(AttributeError, RuntimeError):
        loop = runtime._get_async_objs().eventloop  # noqa: SLF001  no public way in
        loop.call_soon_threadsafe(close_if_still_inactive)


def forget_everything() -> None:
    """Clear every cached log, audit and journey, and give their memory back."""
    st.cache_resource.clear()
    st.cache_data.clear()
    gc.collect()
    pa.default_memory_pool().release_unused()
    with contextlib.suppress(OSError, AttributeError):  # not glibc: it keeps what it keeps
        ctypes.CDLL("libc.so.6").malloc_trim(0)
