"""Several people using one app at once, in a real browser: each session uploads its own
log at the same time as the others and sees only its own data; one session's broken upload
leaves the others working; and once every session has ended the server hands its memory
back and keeps no upload on disk.

Bounded: SESSIONS browser contexts on loopback, one upload each, within DEADLINE seconds.
The figures (sessions, uploads, peak memory, time) are printed and written to
screenshots/concurrent-sessions.json for the record.
"""

from __future__ import annotations

import gzip
import json
import sys
import threading
import time
from pathlib import Path

import pytest

from tests.browser.own_server import own_server, wait_for
from tests.browser.test_app_in_browser import (
    CHARTS,
    REALDATA,
    SCREENSHOTS,
    run_audit,
    upload,
    wait_for_app,
)

pytestmark = [pytest.mark.browser, pytest.mark.realdata]

DEADLINE = 240
"""Seconds the whole exchange may take (it takes well under a minute here)."""
SETTLE_SECONDS = 60
"""Time allowed, after the last session ends, for the housekeeping to forget every log."""
NEAR_START_MB = 150
"""How far above its start the server's memory may stay once every session has ended: the
imported libraries and the allocator's own pools stay, no log does (the largest log here
alone takes several hundred MB while it is audited)."""


def _small_log(path: Path) -> Path:
    """A log of 7 cases nobody else uploads."""
    rows = ["ticket,step,time"] + [
        f"T{case},{step},2024-05-0{1 + day} 1{day}:00"
        for case in range(7)
        for day, step in enumerate(["Opened", "Answered", "Closed"])
    ]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def _broken_log(path: Path) -> Path:
    """A gzip file cut off half-way: its upload must fail with a message."""
    whole = gzip.compress((REALDATA / "receipt.csv.gz").read_bytes() * 2)
    path.write_bytes(whole[: len(whole) // 2])
    return path


class _Sampler(threading.Thread):
    """Samples the server's memory every 0.2 s until stopped; keeps the peak."""

    def __init__(self, server) -> None:
        super().__init__(daemon=True)
        self.server, self.peak, self.running = server, 0.0, True

    def run(self) -> None:
        while self.running:
            self.peak = max(self.peak, self.server.rss_mb())
            time.sleep(0.2)


def _upload(page, url: str, path: Path) -> None:
    page.goto(f"{url}/data")
    wait_for_app(page)
    upload(page, path)


def _press_run(page, name: str) -> None:
    """Press "Run the audit" in the wizard of `name`."""
    page.get_by_role("heading", name=f"Import {name}").wait_for()
    wait_for_app(page)
    page.get_by_role("button", name="Run the audit").click()


def _wait_for_friction_map(page) -> None:
    run_audit(page, press=False, patience=DEADLINE * 1000)  # again only if that press was lost
    page.wait_for_selector(CHARTS)


def _sidebar(page) -> str:
    return page.locator("[data-testid='stSidebar']").inner_text()


def test_sessions_at_once_see_their_own_logs_and_leave_nothing(browser, tmp_path):
    command = [str(Path(sys.executable).with_name("streamlit")), "run", "app.py"]
    with own_server(tmp_path, command) as server:
        warm = browser.new_context(viewport={"width": 1600, "height": 1000})
        page = warm.new_page()
        page.set_default_timeout(120_000)
        # a first session audits the example and a small XES upload: every library the
        # sessions will use is imported, so the start is the server at rest, not cold
        page.goto(server.url)
        wait_for_app(page)
        page.wait_for_selector(CHARTS)
        _upload(page, server.url, REALDATA / "receipt.xes.gz")
        try:
            _press_run(page, "receipt.xes.gz")
            _wait_for_friction_map(page)
        finally:
            page.screenshot(path=str(tmp_path / "warm.png"), full_page=True)
        warm.close()
        assert wait_for(lambda: not list(server.temporary.rglob("uploads/*")), SETTLE_SECONDS)
        time.sleep(2 * 10)  # two more sweeps: the example forgotten as well
        start_mb = server.rss_mb()

        logs = {
            "bpic2012.xes.gz": (REALDATA / "bpic2012.xes.gz", "13,087 cases"),
            "helpdesk.xes.gz": (REALDATA / "helpdesk.xes.gz", "4,580 cases"),
            "tickets.csv": (_small_log(tmp_path / "tickets.csv"), "7 cases"),
        }
        broken = _broken_log(tmp_path / "broken.csv.gz")
        sampler = _Sampler(server)
        sampler.start()
        began = time.monotonic()
        contexts, pages = [], {}
        for name in [*logs, broken.name]:
            context = browser.new_context(viewport={"width": 1600, "height": 1000})
            tab = context.new_page()
            tab.set_default_timeout(DEADLINE * 1000)
            contexts.append(context)
            pages[name] = tab
        # each session has its file in its wizard before any audit is asked for
        for name, tab in pages.items():
            _upload(tab, server.url, logs[name][0] if name in logs else broken)
        try:
            for name in logs:  # every audit is asked for before any is waited for
                _press_run(pages[name], name)
            for name in logs:
                _wait_for_friction_map(pages[name])
        finally:  # what each session showed, for a failure to be understood
            for name, tab in pages.items():
                tab.screenshot(path=str(tmp_path / f"{name}.png"), full_page=True)

        failed = pages[broken.name]
        failed.get_by_text("could not be").or_(failed.get_by_text("truncated")).first.wait_for()
        for name, (_, cases) in logs.items():
            text = _sidebar(pages[name])
            assert f"Log: {name}" in text and cases in text, (name, text)
            others = [other for other in [*logs, broken.name] if other != name]
            assert not any(other in text for other in others), (name, text)
        assert "insurance_claims.csv" in _sidebar(failed), "the failed session keeps its log"
        assert len(list(server.temporary.rglob("uploads/*/*/*"))) >= len(logs)
        elapsed = time.monotonic() - began
        assert elapsed < DEADLINE

        for context in contexts:
            context.close()
        assert wait_for(lambda: not list(server.temporary.rglob("uploads/*")), SETTLE_SECONDS)
        time.sleep(2 * 10)
        sampler.running = False
        sampler.join()
        end_mb = server.rss_mb()
        figures = {
            "sessions": len(pages),
            "uploads": len(pages),
            "failed_uploads": 1,
            "seconds_to_all_audited": round(elapsed, 1),
            "rss_start_mb": round(start_mb),
            "rss_peak_mb": round(sampler.peak),
            "rss_after_mb": round(end_mb),
        }
        print(figures)
        SCREENSHOTS.mkdir(exist_ok=True)
        (SCREENSHOTS / "concurrent-sessions.json").write_text(json.dumps(figures, indent=2))
        assert sampler.peak > start_mb
        assert end_mb <= start_mb + NEAR_START_MB, figures
