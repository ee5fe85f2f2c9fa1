"""Benchmark the readers (not a test): our XES reader against pm4py.read_xes on every real
XES log, and our CSV and Parquet readers on a generated log of one million events.

pm4py.read_xes picks its rustxes variant by itself once rustxes is installed (as it is
here, for our reader), so both of its variants are measured: its own parser ("iterparse",
its default without rustxes) and rustxes. Ours is audit.io.read_log: the XES read (the
simple reader of audit.io.xes_simple for files of the common shape, else the guard and
rustxes) plus the mapping, lifecycle pairing and the data-quality account.

Each measurement runs in its own subprocess, so wall time includes nothing but the read
(libraries, pandas included, are imported before the clock starts, for both readers) and
peak memory (ru_maxrss of the child) belongs to that read alone. CPU seconds (all threads
of the child) are recorded too: on a machine that other work keeps busy they move far less
than wall time. Ours and the rustxes variant are measured in turns, --rounds times each,
and the least time of each is kept (the least disturbed by other work); pm4py's own parser,
ten times slower, once.

    .venv/bin/python benchmarks/bench_read.py            # writes benchmarks/RESULTS-read.md
    .venv/bin/python benchmarks/bench_read.py --events 200000 --rounds 1 --no-write
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq
from machine import cpu_model, memory_gib

ROOT = Path(__file__).resolve().parents[1]
REALDATA = ROOT / ".." / "shared" / "realdata"
RESULTS = ROOT / "benchmarks" / "RESULTS-read.md"
NOTES = "\n## Notes"
"""The heading of the hand-written part of the results file."""

MEASURE = """
import json, resource, sys, time
sys.path.insert(0, {root!r})
reader, path = sys.argv[1], sys.argv[2]
if reader.startswith("pm4py"):
    import pm4py
    variant = "rustxes" if reader == "pm4py-rustxes" else "iterparse"
    start, cpu = time.perf_counter(), time.process_time()
    frame = pm4py.read_xes(path, variant=variant)
    events = len(frame)
else:
    import pandas  # noqa: F401  (pm4py imports it before its timer starts too)
    from audit.io import read_log
    start, cpu = time.perf_counter(), time.process_time()
    events = read_log(path).events.num_rows
seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({{"seconds": seconds, "cpu": cpu, "peak_mb": peak, "events": events}}))
"""


def measure(reader: str, path: Path) -> dict[str, float]:
    """Read `path` with `reader` ("ours", "pm4py" or "pm4py-rustxes") in a fresh
    interpreter."""
    code = MEASURE.format(root=str(ROOT))
    result = subprocess.run(
        [sys.executable, "-c", code, reader, str(path)],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def least(results: list[dict[str, float]]) -> dict[str, float]:
    """Each figure at its least over the rounds (events are the same in every round)."""
    return {key: min(result[key] for result in results) for key in results[0]}


def synthetic_log(events: int, seed: int = 7) -> pa.Table:
    """A simple service log: cases of 2-18 events, 20 activities, 50 resources, 8 teams,
    ISO timestamps with an offset, a numeric attribute."""
    rng = np.random.default_rng(seed)
    lengths = rng.integers(2, 19, size=events // 2)
    case_of_event = np.repeat(np.arange(lengths.size), lengths)[:events]
    start = np.datetime64("2023-01-01T00:00:00") + rng.integers(0, 365 * 86400, lengths.size)
    step = rng.exponential(6 * 3600, size=case_of_event.size).astype("int64")
    first = np.r_[0, np.flatnonzero(np.diff(case_of_event)) + 1]
    offsets = np.cumsum(step) - np.repeat(
        np.cumsum(step)[first] - step[first], np.diff(np.r_[first, case_of_event.size])
    )
    times = start[case_of_event] + offsets.astype("timedelta64[s]")
    text_times = np.char.add(np.datetime_as_string(times, unit="s").astype(str), "+02:00")

    def labels(prefix: str, count: int) -> pa.Array:
        numbers = rng.integers(1, count + 1, case_of_event.size).astype(str)
        return pa.array(np.char.add(prefix, numbers))

    return pa.table(
        {
            "Case ID": pa.array(np.char.add("C", case_of_event.astype(str))),
            "Activity": labels("Activity ", 20),
            "Complete Timestamp": pa.array(text_times),
            "Resource": labels("R", 50),
            "Team": labels("Team ", 8),
            "Amount": pa.array(rng.gamma(2.0, 300.0, case_of_event.size).round(2)),
        }
    )


def machine() -> str:
    """CPU model, cores and memory of this machine, for the results file."""
    cpu, memory = cpu_model(), memory_gib()
    return (
        f"{cpu}, {os.cpu_count()} cores, {memory:.0f} GiB RAM, "
        f"Python {platform.python_version()}, {platform.system()} {platform.release()}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--rounds", type=int, default=3, help="turns of ours and rustxes")
    parser.add_argument("--no-write", action="store_true", help="print only")
    args = parser.parse_args()
    load_before = os.getloadavg()[0]
    rows = []
    for path in sorted(REALDATA.glob("*.xes*")):
        turns = [
            (measure("ours", path), measure("pm4py-rustxes", path)) for _ in range(args.rounds)
        ]
        ours, rust = least([turn[0] for turn in turns]), least([turn[1] for turn in turns])
        theirs = measure("pm4py", path)
        rows.append((path.name, ours, theirs, rust))
        print(path.name, ours, theirs, rust, flush=True)
    synthetic = []
    with tempfile.TemporaryDirectory() as folder:
        table = synthetic_log(args.events)
        csv_path, parquet_path = Path(folder) / "synthetic.csv", Path(folder) / "synthetic.parquet"
        pacsv.write_csv(table, csv_path)
        pq.write_table(table, parquet_path)
        for path in (csv_path, parquet_path):
            result = measure("ours", path)
            synthetic.append((path.name, table.num_rows, result))
            print(path.name, result, flush=True)
    load = (load_before, os.getloadavg()[0])
    report = render(rows, synthetic, load, args.rounds)
    print(report)
    if not args.no_write:
        RESULTS.write_text(report + kept_notes())


def kept_notes() -> str:
    """The hand-written notes at the end of the results file (from NOTES on), which a new
    run keeps."""
    text = RESULTS.read_text() if RESULTS.exists() else ""
    return text[text.index(NOTES) :] if NOTES in text else ""


def render(xes, synthetic, load: tuple[float, float], rounds: int) -> str:
    """The results as a Markdown page."""
    lines = [
        "# Reader benchmark",
        "",
        f"Machine: {machine()}.",
        f"Load average (1 min) at start and end of the run: {load[0]:.1f}, {load[1]:.1f}; "
        "other work on the machine slows both readers, so compare within a row.",
        "",
        "Written by `benchmarks/bench_read.py`; each number is a read in a fresh process",
        "(wall time of the read, peak resident memory of the process including the libraries);",
        "ours and the rustxes variant the least of "
        f"{rounds} turns each, pm4py's own parser one read.",
        "",
        "## XES: ours (`audit.io.read_log`, with mapping, pairing and quality account) "
        "against `pm4py.read_xes`",
        "",
        'pm4py = `read_xes(variant="iterparse")`, its own parser; the last two columns are '
        '`read_xes(variant="rustxes")`, which pm4py chooses by itself when rustxes is '
        "installed.",
        "",
        "| log | events ours | events pm4py | ours s | pm4py s | speed-up | ours CPU s "
        "| pm4py CPU s | CPU speed-up | ours MB | pm4py MB | pm4py rustxes s | its CPU s "
        "| its MB | ours / rustxes CPU |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name, ours, theirs, rust in xes:
        lines.append(
            f"| {name} | {ours['events']:,} | {theirs['events']:,} | {ours['seconds']:.2f} | "
            f"{theirs['seconds']:.2f} | {theirs['seconds'] / ours['seconds']:.1f}x | "
            f"{ours['cpu']:.2f} | {theirs['cpu']:.2f} | {theirs['cpu'] / ours['cpu']:.1f}x | "
            f"{ours['peak_mb']:.0f} | {theirs['peak_mb']:.0f} | {rust['seconds']:.2f} | "
            f"{rust['cpu']:.2f} | {rust['peak_mb']:.0f} | {ours['cpu'] / rust['cpu']:.2f} |"
        )
    lines += [
        "",
        "Event counts differ where lifecycle pairing joins start and complete rows into one",
        "event, or drops SCHEDULE rows; the data-quality account explains every row.",
        "",
        "## Generated log (CSV and Parquet)",
        "",
        "| file | events | seconds | CPU s | peak MB |",
        "|---|---:|---:|---:|---:|",
    ]
    for name, events, result in synthetic:
        lines.append(
            f"| {name} | {events:,} | {result['seconds']:.2f} | {result['cpu']:.2f} "
            f"| {result['peak_mb']:.0f} |"
        )
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    main()
