"""Where the app's log comes from: a shipped example or a file the user uploaded.

A source is identified by the hash of its content, so that caches survive reruns and a file
uploaded twice is read once. Uploads are written to disk because the readers work on files
(the XES reader streams, the CSV reader sniffs the head): into the process's private scratch
space (audit.scratch: owner-only, removed when the server stops, swept after a crash), in a
folder of the browser session that uploaded them, which is removed soon after that session
ends (`sweep_ended_sessions`).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from audit import scratch

SAMPLE_DIR = Path(__file__).resolve().parents[2] / "sample_logs"
"""The examples shipped with the app, each log beside its `<name>.journey.yaml`."""
DEFAULT_EXAMPLE = "insurance_claims"
"""The example the app opens with, so a newcomer sees a full audit at once."""
JOURNEY_SUFFIX = ".journey.yaml"
LOG_SUFFIXES = (".csv", ".csv.gz", ".xes", ".xes.gz", ".parquet", ".xlsx")
"""File endings the readers accept, as offered by the uploader."""
UPLOADS = "uploads"
"""Folder of the scratch space that holds one folder per browser session with uploads."""
_CHUNK = 8 * 1024 * 1024


@dataclass(frozen=True)
class LogSource:
    """A log file the app can read: its shown name, its path, the hash of its content and
    the journey map shipped beside it (examples only)."""

    name: str
    path: str
    content_hash: str
    journey_path: str | None = None


def _hash_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


@st.cache_data(show_spinner=False)
def _file_hash(path: str, size: int, modified: float) -> str:
    """Content hash of a file on disk, remembered while its size and time stay the same."""
    return _hash_file(Path(path))


def examples() -> dict[str, LogSource]:
    """The shipped examples by name: every log in sample_logs with a journey map beside it."""
    found: dict[str, LogSource] = {}
    for journey in sorted(SAMPLE_DIR.glob(f"*{JOURNEY_SUFFIX}")):
        stem = journey.name.removesuffix(JOURNEY_SUFFIX)
        logs = [SAMPLE_DIR / f"{stem}{suffix}" for suffix in LOG_SUFFIXES]
        log = next((path for path in logs if path.is_file()), None)
        if log is not None:
            stat = log.stat()
            digest = _file_hash(str(log), stat.st_size, stat.st_mtime)
            found[stem] = LogSource(log.name, str(log), digest, str(journey))
    return found


def uploaded_source(name: str, content: memoryview) -> LogSource:
    """The uploaded bytes as a file the readers can open, kept under their content hash.

    The file keeps its own name (its ending tells the reader the format) inside a folder
    named by the hash, inside the folder of the session that uploaded it, so two uploads
    with the same name never mix and no session's file outlives it.
    """
    digest = hashlib.sha256(content).hexdigest()
    folder = scratch.private_folder(UPLOADS, session_id(), digest)
    path = folder / Path(name).name
    if not path.is_file():
        scratch.write_private(path, content)
    return LogSource(Path(name).name, str(path), digest)


def session_id() -> str:
    """The id of the browser session this script run serves."""
    context = get_script_run_ctx()
    return context.session_id if context is not None else "no-session"
