"""A Streamlit server of a test's own (not the session-wide one of conftest.py), for tests
that look at the server itself: what it listens on, what it leaves on disk, its memory."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from tests.browser.conftest import REPO, _free_port, _wait_until_healthy


@dataclass
class OwnServer:
    """A running app: its address, port, private temporary folder and process."""

    url: str
    port: int
    temporary: Path
    process: subprocess.Popen

    def rss_mb(self) -> float:
        """The resident memory of the Streamlit process (the last exec of the command)."""
        for line in Path(f"/proc/{self.process.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
        raise RuntimeError("the server has no VmRSS")

    def stop(self) -> None:
        """Stop it as Ctrl+C would, and wait for it to finish cleaning up."""
        os.killpg(self.process.pid, signal.SIGTERM)
        self.process.wait(timeout=60)


@contextmanager
def own_server(folder: Path, command: list[str]) -> Iterator[OwnServer]:
    """Run `command` (it must `exec` Streamlit, as scripts/run-app.sh does, so that the
    process is the server) with `--server.port PORT` added and TMPDIR inside `folder`."""
    temporary = folder / "tmp"
    temporary.mkdir()
    port = _free_port()
    log = (folder / "server.log").open("wb")  # what the server said, for a failing test
    process = subprocess.Popen(
        [*command, "--server.headless", "true", "--server.port", str(port)],
        cwd=REPO,
        env={**os.environ, "TMPDIR": str(temporary)},
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    server = OwnServer(f"http://127.0.0.1:{port}", port, temporary, process)
    try:
        _wait_until_healthy(server.url, process)
        yield server
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=30)
        log.close()


def wait_for(condition: Callable[[], object], seconds: float) -> bool:
    """Poll `condition` every half second until it holds or `seconds` have passed."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.5)
    return bool(condition())
