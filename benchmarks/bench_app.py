"""How fast the app answers on a real log (BPI Challenge 2012, 262,200 events).

Measures, in one run on this machine:

1. confirm -> friction map: the library calls the app makes after the user confirms the
   mapping (read the log, draft a journey map, audit), without Streamlit;
2. the same inside the app: an AppTest run of the landing page with the log chosen and
   nothing cached yet, then a rerun with everything cached;
3. a page switch to each page, and a filter change (outcome "good") and back.

Run: .venv/bin/python benchmarks/bench_app.py [path/to/bpic2012.xes.gz]
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from streamlit.testing.v1 import AppTest

from audit.io import read_log
from audit.journey import draft_journey, dump_journey
from audit.pipeline import run_audit
from audit.ui.session import SETTINGS_KEY, Settings
from audit.ui.sources import LogSource, _hash_file

REPO = Path(__file__).resolve().parents[1]
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


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_LOG)
