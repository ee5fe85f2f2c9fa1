"""The app is private by default: started with the README's command it listens on loopback
only, keeps an upload owner-only in its scratch space, removes it when the browser session
ends, and leaves no uploaded byte on disk once the server stops."""

from __future__ import annotations

import secrets
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.browser.conftest import REPO
from tests.browser.own_server import OwnServer, own_server, wait_for
from tests.browser.test_app_in_browser import upload, wait_for_app

pytestmark = pytest.mark.browser

SWEEP_WAIT_SECONDS = 60
"""Longer than the app's grace and sweep interval (audit.ui.housekeeping) with room to spare."""


def _listening_addresses(port: int) -> set[str]:
    """Local addresses of the sockets listening on ``port`` (from /proc, like `ss -ltn`)."""
    found = set()
    for table, width in (("/proc/net/tcp", 8), ("/proc/net/tcp6", 32)):
        for line in Path(table).read_text().splitlines()[1:]:
            local, state = line.split()[1], line.split()[3]
            address, hex_port = local.split(":")
            if state == "0A" and int(hex_port, 16) == port:  # 0A: LISTEN
                assert len(address) == width
                found.add(address)
    return found


LOOPBACK = {"0100007F", "00000000000000000000000001000000"}
"""127.0.0.1 and ::1 as /proc/net/tcp{,6} spell them (little-endian words)."""


@pytest.fixture
def private_server(tmp_path) -> Iterator[OwnServer]:
    """`bash scripts/run-app.sh` as the README says, with its own temporary folder."""
    with own_server(tmp_path, ["bash", "scripts/run-app.sh"]) as server:
        yield server


def _uploads(temporary: Path) -> list[Path]:
    return [path for path in temporary.rglob("uploads/*/*/*") if path.is_file()]


def test_loopback_only_and_no_upload_outlives_the_session_or_server(browser, private_server):
    url, port, temporary = private_server.url, private_server.port, private_server.temporary
    assert _listening_addresses(port) <= LOOPBACK
    assert _listening_addresses(port)

    marker = f"MARKER{secrets.token_hex(8)}"
    log = temporary.parent / "complaints.csv"
    log.write_text(
        "case,activity,timestamp\n"
        f"{marker},Complaint received,2024-03-01 09:00\n"
        f"{marker},Complaint answered,2024-03-04 15:00\n",
        encoding="utf-8",
    )
    context = browser.new_context(viewport={"width": 1600, "height": 1000})
    page = context.new_page()
    page.set_default_timeout(120_000)
    page.goto(f"{url}/data")
    wait_for_app(page)
    upload(page, log)
    assert wait_for(lambda: _uploads(temporary), 60), "the upload never reached the disk"
    (stored,) = _uploads(temporary)
    assert stored.read_bytes() == log.read_bytes()
    assert stat.S_IMODE(stored.stat().st_mode) == 0o600
    for folder in stored.relative_to(temporary).parents:
        if folder != Path("."):
            assert stat.S_IMODE((temporary / folder).stat().st_mode) == 0o700, folder

    context.close()  # the browser session ends
    assert wait_for(lambda: not _uploads(temporary), SWEEP_WAIT_SECONDS), (
        "the upload outlived its session"
    )

    private_server.stop()
    left = [path for path in temporary.rglob("*") if path.is_file()]
    assert not any(marker.encode() in path.read_bytes() for path in left)
    assert not list(temporary.rglob("run-*")), "the scratch folder outlived the server"
    assert not (REPO / ".tmp").exists(), "DuckDB spilled into the working folder"
