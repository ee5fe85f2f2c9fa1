"""The scratch space: owner-only folders and files, DuckDB spills inside it, removal at
exit, and the sweep of folders left behind by processes that died."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from audit import scratch


@pytest.fixture
def private_base(tmp_path, monkeypatch) -> Path:
    """The scratch module pointed at an empty temporary folder of its own."""
    monkeypatch.setattr(scratch, "_base", tmp_path)
    monkeypatch.setattr(scratch, "_current", None)
    return tmp_path


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_folders_and_files_are_owner_only(private_base):
    folder = scratch.private_folder("uploads", "session", "hash")
    written = scratch.write_private(folder / "log.csv", b"case,activity\n")
    root = private_base / f"journey-audit-{os.getuid()}"
    assert scratch.scratch_dir().parent == root
    for path in (root, scratch.scratch_dir(), *folder.relative_to(root).parents):
        assert _mode(root / path) == 0o700
    assert _mode(folder) == 0o700
    assert _mode(written) == 0o600
    assert written.read_bytes() == b"case,activity\n"
    assert not list(folder.glob("*.part"))


def test_duckdb_spills_into_the_scratch_space(private_base):
    con = scratch.connect()
    ((setting,),) = con.execute("SELECT current_setting('temp_directory')").fetchall()
    assert Path(setting) == scratch.scratch_dir() / "duckdb"


def test_folders_of_dead_processes_are_swept(private_base):
    root = private_base / f"journey-audit-{os.getuid()}"
    root.mkdir(mode=0o700)
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True
    )
    stale = root / f"run-{int(dead.stdout)}-abcd"
    (stale / "uploads").mkdir(parents=True)
    (stale / "uploads" / "log.csv").write_text("secret")
    alive = root / f"run-{os.getppid()}-abcd"
    alive.mkdir()
    legacy = private_base / scratch.LEGACY_UPLOADS / "hash"
    legacy.mkdir(parents=True)
    scratch.scratch_dir()
    assert not stale.exists()
    assert not (private_base / scratch.LEGACY_UPLOADS).exists()
    assert alive.is_dir()  # its process still runs


def test_a_planted_root_is_not_used(private_base):
    """Someone else's folder (here: a link) under our name is never written into."""
    elsewhere = private_base / "elsewhere"
    elsewhere.mkdir()
    (private_base / f"journey-audit-{os.getuid()}").symlink_to(elsewhere)
    folder = scratch.scratch_dir()
    assert elsewhere not in folder.parents
    assert _mode(folder.parent) == 0o700


def test_the_folder_is_removed_when_the_process_exits(tmp_path):
    script = textwrap.dedent(
        """
        from audit import scratch
        folder = scratch.private_folder("uploads")
        scratch.write_private(folder / "log.csv", b"secret")
        con = scratch.connect()
        con.execute("SET enable_progress_bar = false")
        con.execute("SET memory_limit = '100MB'")
        con.execute("SET threads = 1")
        con.execute(
            "CREATE TABLE t AS SELECT random() AS x, repeat('a', 20) AS s FROM range(6000000)"
        )
        con.execute("SELECT count(*) FROM (SELECT x, s FROM t ORDER BY x)").fetchall()
        assert (scratch.scratch_dir() / "duckdb").is_dir(), "the sort spilled elsewhere"
        print(scratch.scratch_dir())
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        env={**os.environ, "TMPDIR": str(tmp_path)},
    )
    assert done.returncode == 0, done.stderr
    folder = Path(done.stdout.strip().splitlines()[-1])
    assert folder.parent.parent == tmp_path
    assert not folder.exists()
    assert [path for path in tmp_path.rglob("*") if path.is_file()] == []
