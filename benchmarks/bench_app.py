"""How fast the app answers on a real log (BPI Challenge 2012, 262,200 events).

Measures, in one run on this machine:

1. confirm -> friction map: the library calls the app makes after the user confirms the
   mapping (read the log, draft a journey map, audit), without Streamlit;
2. the same inside the app: an AppTest run of the landing page with the log chosen and
   nothing cached yet, then a rerun with everything cached;
3. a page switch to each page, and a filter change (outcome "good") and back.

Run: .venv/bin/python benchmarks/bench_app.py [path/to/bpic2012.xes.gz]

With --browser, what a user waits for in a real browser instead (headless Debian Chromium
driven by Playwright, a `streamlit run app.py` on a loopback port): the server's start
(command -> it answers; the example is audited before it does, audit.ui.startup), the
example's first view (page opened -> friction map with its charts, and command -> that),
the log uploaded on the Data page -> its import wizard, "Run the audit" -> its friction
map, and switching pages on that log. A file set or a button pressed while the page is
being redrawn is lost (as the browser tests know): the bench does it again and says so.

    .venv/bin/python benchmarks/bench_app.py --browser [LOG]
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
CHARTS = "[data-testid='stVegaLiteChart'] canvas, [data-testid='stVegaLiteChart'] svg"
BROWSER_PAGES = (("process", "Process over journey"), ("handoffs", "Handoffs"))
DEFAULT_LOG = REPO / ".." / "shared" / "realdata" / "bpic2012.xes.gz"
PAGES = (
    "process",
    "handoffs",
    "labyrinth",
    "customer",
    "experience",
    "compare",
    "data",
    "journey",
)


def timed(label: str, action):
    """Run ``action`` once, print its wall time, return its result."""
    start = time.perf_counter()
    result = action()
    print(f"{label:<45} {time.perf_counter() - start:7.2f} s")
    return result


def main(path: Path) -> None:
    from streamlit.testing.v1 import AppTest

    from audit.io import read_log
    from audit.journey import draft_journey, dump_journey
    from audit.pipeline import run_audit
    from audit.ui.session import SETTINGS_KEY, Settings
    from audit.ui.sources import LogSource, _hash_file

    print(f"log: {path.name}")
    log = timed("read the log (mapping confirmed)", lambda: read_log(path))
    journey = timed("draft the journey map", lambda: draft_journey(log.events))
    timed("audit (friction map computed)", lambda: run_audit(log, journey=journey))

    source = LogSource(path.name, str(path), _hash_file(path))
    settings = Settings(source, log.mapping, dump_journey(journey), f"{path.name} (draft)")
    at = AppTest.from_file(str(REPO / "app.py"), default_timeout=600)
    at.session_state[SETTINGS_KEY] = settings
    timed("app: landing page, nothing cached", at.run)
    timed("app: landing page again (cached)", at.run)
    for page in PAGES:
        timed(f"app: switch to {page}", at.switch_page(f"audit/ui/pages/{page}.py").run)
    at.switch_page("audit/ui/pages/friction.py").run()
    outcome = next(m for m in at.sidebar.multiselect if m.label == "Outcome")
    timed("app: filter outcome = good (first time)", outcome.set_value(["good"]).run)
    outcome = next(m for m in at.sidebar.multiselect if m.label == "Outcome")
    timed("app: filter cleared (cached)", outcome.set_value([]).run)
    outcome = next(m for m in at.sidebar.multiselect if m.label == "Outcome")
    timed("app: filter outcome = good again (cached)", outcome.set_value(["good"]).run)
    if at.exception:
        print("app raised:", at.exception[0].value)


def _server() -> tuple[subprocess.Popen, str, float]:
    """`streamlit run app.py` on a free loopback port, once it answers its health check;
    with the moment the command was given (time.perf_counter)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    streamlit = str(Path(sys.executable).with_name("streamlit"))
    command = [streamlit, "run", "app.py", "--server.headless", "true", "--server.port"]
    command += [str(port), "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false"]
    start = time.perf_counter()
    server = subprocess.Popen(
        command, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    url = f"http://127.0.0.1:{port}"
    for _ in range(240):
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2):
                print(
                    f"{'server started (example audited) -> answers':<58} "
                    f"{time.perf_counter() - start:7.2f} s  load {os.getloadavg()[0]:.1f}"
                )
                return server, url, start
        except OSError:
            time.sleep(0.5)
    server.terminate()
    raise RuntimeError("streamlit did not start")


def _drawn(page) -> None:
    """Until the script has finished and nothing spins."""
    page.wait_for_selector("h1")
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')"
        " && !document.querySelector('[data-testid=\"stSpinner\"]')"
    )


def browser(path: Path) -> None:
    """The waits a user sees, in headless Chromium (see the module text)."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout
    from playwright.sync_api import sync_playwright

    server, url, commanded = _server()
    try:
        with sync_playwright() as playwright:
            chromium = playwright.chromium.launch(executable_path=CHROMIUM)
            for visit in ("first visit", "second visit"):
                tab = chromium.new_context(viewport={"width": 1600, "height": 1000}).new_page()
                tab.set_default_timeout(300_000)
                start = time.perf_counter()
                tab.goto(url)
                tab.get_by_role("heading", level=1, name="Friction map").wait_for()
                tab.wait_for_selector(CHARTS)
                _drawn(tab)
                print(
                    f"{'example: page opened -> friction map, ' + visit:<58} "
                    f"{time.perf_counter() - start:7.2f} s  load {os.getloadavg()[0]:.1f}"
                )
                if visit == "first visit":
                    print(f"{'example: command -> friction map':<58} ", end="")
                    print(f"{time.perf_counter() - commanded:7.2f} s")
            tab.goto(f"{url}/data")
            _drawn(tab)
            for attempt in range(1, 4):
                start = time.perf_counter()
                uploader = tab.locator("[data-testid='stFileUploaderDropzoneInput']").first
                uploader.set_input_files(str(path))
                try:
                    tab.get_by_role("heading", name=path.name).first.wait_for(timeout=60_000)
                    break
                except PlaywrightTimeout:
                    print(f"upload {attempt} of {path.name} was lost; setting the file again")
            _drawn(tab)
            print(
                f"{'upload ' + path.name + ' -> import wizard':<58} "
                f"{time.perf_counter() - start:7.2f} s  load {os.getloadavg()[0]:.1f}"
            )
            arrived = tab.get_by_role("heading", level=1, name="Friction map")
            for press in range(1, 4):  # a press during a redraw of the wizard is lost
                start = time.perf_counter()
                tab.get_by_role("button", name="Run the audit").last.click()
                try:
                    arrived.wait_for(timeout=120_000)
                    break
                except PlaywrightTimeout:
                    print(f"press {press} of 'Run the audit' was lost; pressing again")
            tab.wait_for_selector(CHARTS)
            _drawn(tab)
            print(
                f"{'Run the audit -> friction map':<58} "
                f"{time.perf_counter() - start:7.2f} s  load {os.getloadavg()[0]:.1f}"
            )
            for stem, title in (*BROWSER_PAGES, ("friction", "Friction map")):
                start = time.perf_counter()
                links = tab.locator("[data-testid='stSidebarNav'] a")
                links.filter(has_text=title).first.click()  # the landing page's link is "/"
                tab.get_by_role("heading", level=1, name=title, exact=True).wait_for()
                _drawn(tab)
                print(
                    f"{'switch to ' + stem:<58} "
                    f"{time.perf_counter() - start:7.2f} s  load {os.getloadavg()[0]:.1f}"
                )
            chromium.close()
    finally:
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    arguments = [a for a in sys.argv[1:] if a != "--browser"]
    log = Path(arguments[0]) if arguments else DEFAULT_LOG
    if "--browser" in sys.argv:
        browser(log)
    else:
        main(log)
