"""Scratch space: the one private place where Journey Audit writes what it derives from a
user's data (uploaded files, DuckDB spill files, report and PDF temporaries).

Event logs carry personal data, so nothing of them may linger on a shared machine:

- Each running process gets its own folder, `<tmp>/journey-audit-<uid>/run-<pid>-<random>`,
  readable by its owner only (0700; files 0600), and removes it when it exits.
- A process that died without cleaning up (killed, power cut) leaves its folder behind;
  the next process sweeps every folder whose process is no longer running.
- Every DuckDB connection spills into it (`connect`), and `use_for_temporaries` points
  Python's `tempfile` at it, so temporary files of the readers and the report land there
  too instead of in a world-readable /tmp or DuckDB's default `.tmp` in the working folder.
"""

from __future__ import annotations

import atexit
import os
import secrets
import shutil
import stat
import tempfile
import threading
from pathlib import Path

import duckdb

RUN_PREFIX = "run-"
LEGACY_UPLOADS = "journey-audit-uploads"
"""Where versions before the scratch space left uploads (world-readable); swept too."""

_lock = threading.Lock()
_base = Path(tempfile.gettempdir())
_current: Path | None = None


def scratch_dir() -> Path:
    """This process's private folder, created (and stale ones swept) on first use."""
    global _current
    with _lock:
        if _current is None or not _current.is_dir():
            root = _private_root()
            sweep_stale(root)
            _current = root / f"{RUN_PREFIX}{os.getpid()}-{secrets.token_hex(4)}"
            _current.mkdir(mode=0o700)
            atexit.register(shutil.rmtree, _current, True)
        return _current


def private_folder(*parts: str) -> Path:
    """A folder inside the scratch space (owner-only), created if needed."""
    folder = scratch_dir()
    for part in parts:
        folder = folder / part
        folder.mkdir(mode=0o700, exist_ok=True)
    return folder


def write_private(path: Path, content: bytes | memoryview) -> Path:
    """Write a file readable by its owner only (0600), atomically (no half-written file is
    ever seen under its name)."""
    partial = path.with_name(path.name + ".part")
    descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(content)
    partial.replace(path)
    return path


def connect() -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB connection that spills to the scratch space."""
    return duckdb.connect(config={"temp_directory": str(scratch_dir() / "duckdb")})


def use_for_temporaries() -> Path:
    """Point Python's tempfile module at the scratch space for the rest of the process."""
    folder = private_folder("tmp")
    tempfile.tempdir = str(folder)
    return folder


def sweep_stale(root: Path) -> list[Path]:
    """Remove the run folders of processes that are no longer running, and the legacy
    upload folder; returns what was removed."""
    removed = []
    for folder in root.glob(f"{RUN_PREFIX}*"):
        pid = folder.name.removeprefix(RUN_PREFIX).split("-", 1)[0]
        if pid.isdigit() and not _running(int(pid)):
            shutil.rmtree(folder, ignore_errors=True)
            removed.append(folder)
    legacy = _base / LEGACY_UPLOADS
    if legacy.is_dir() and not legacy.is_symlink() and legacy.stat().st_uid == os.getuid():
        shutil.rmtree(legacy, ignore_errors=True)
        removed.append(legacy)
    return removed


def _running(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _private_root() -> Path:
    """`<tmp>/journey-audit-<uid>`, owner-only; if someone else owns that name (or it is a
    link), a fresh private folder instead, so nobody can plant a folder for us to write in."""
    root = _base / f"journey-audit-{os.getuid()}"
    try:
        root.mkdir(mode=0o700, exist_ok=True)
        info = root.lstat()
        if stat.S_ISDIR(info.st_mode) and info.st_uid == os.getuid():
            root.chmod(0o700)
            return root
    except OSError:
        pass
    return Path(tempfile.mkdtemp(prefix="journey-audit-", dir=_base))
