"""The server's start: the built-in example audited before the first visitor arrives.

`streamlit run app.py` serves app.py's `st.App`, whose lifespan runs `warm_example` before
the server takes its first request. The first visit then finds the app's libraries imported
and the example read, pseudonymised and audited in the shared caches (audit.ui.loading),
exactly as the landing page asks for them, and only draws the page. The housekeeping warms
the example again after it has forgotten every log (audit.ui.housekeeping): the example is
nobody's data.
"""

from __future__ import annotations

import asyncio
import importlib
import logging
import shutil
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from audit import scratch
from audit.errors import AuditInputError

_LOG = logging.getLogger(__name__)


def warm_example() -> None:
    """Read and audit the example the app opens with, with the privacy switch in its
    default position, into the caches the landing page reads. A broken example is left to
    the page, which shows the problem to the visitor."""
    importlib.import_module("audit.ui.main")  # the app's frame and every library it uses
    from audit.ui import loading, session
    from audit.ui.sources import DEFAULT_EXAMPLE

    settings = session.example_settings(DEFAULT_EXAMPLE)
    if settings is None:
        return
    try:
        log = loading.read(settings.source, settings.mapping, settings.timezone, settings.dayfirst)
        loading.journey_map(settings.journey_text, settings.journey_source)
        key = settings.audit_key(pseudonymised=True)
        audited, _ = loading.audited_log(settings.log_key, log, key.pseudonymised)
        loading.audit(key, audited)
    except AuditInputError as error:
        _LOG.warning("The example could not be audited ahead of the first visit: %s", error)


@asynccontextmanager
async def lifespan(_app: object) -> AsyncIterator[None]:
    """Before the server takes requests: import the app and audit the example (in a worker
    thread, so the server's event loop stays free). When it stops: remove the scratch space
    (audit.scratch) with every upload in it. Its exit handler would, but uvicorn ends a
    server stopped by SIGTERM by raising the signal again after the shutdown, and a process
    ended by a signal runs no exit handler."""
    await asyncio.to_thread(warm_example)
    yield
    shutil.rmtree(scratch.scratch_dir(), ignore_errors=True)
