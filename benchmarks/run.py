"""The benchmark command (not a test): Journey Audit against pm4py on the same data, same run.

For generated logs of 100 thousand, 1 million and 5 million events (the deterministic claim
generator, cached in benchmarks/data/) and for the real logs in ../shared/realdata, it
measures reading (CSV, Parquet, XES; pm4py.read_xes beside ours), the full audit (event
table -> findings), the report, the pm4py calls that compute the overlapping parts, one
sorted scan of the same events in DuckDB (the floor the audit's single pass stands on) and
the large-log path (audit.io.scan). Each measurement runs in a fresh subprocess: wall time
and CPU time of the task alone, peak resident memory of that process.

    .venv/bin/python benchmarks/run.py                  # everything but 50M; writes RESULTS.md
    .venv/bin/python benchmarks/run.py --large          # also 50M events via the large-log path
    .venv/bin/python benchmarks/run.py --sizes 100000 --no-real --no-write   # a quick look
    .venv/bin/python benchmarks/run.py --sizes --no-real --no-write              # end to end only

End to end, as a user waits for it (`--end-to-end`, 1M events by default): the whole
process `journey-audit audit g1m.parquet --org-unit department --out DIR` against the whole
process `python pm4py_overlap.py g1m.parquet` (../shared/bench, on the log its gen_log.py
writes, kept in /tmp/bench), alternating A B three times, the median of the three ratios,
peak memory of each process from os.wait4; beside them the whole process of one sorted
DuckDB scan of the same file, `journey-audit --help` and `journey-audit inspect`.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from machine import cpu_model, memory_gib

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

DATA = ROOT / "benchmarks" / "data"
REALDATA = ROOT / ".." / "shared" / "realdata"
RESULTS = ROOT / "benchmarks" / "RESULTS.md"
SHARED_BENCH = ROOT / ".." / "shared" / "bench"
END_TO_END_DATA = Path("/tmp/bench")
"""Where gen_log.py's logs are kept (outside the repository)."""
END_TO_END_EVENTS = (1_000_000,)
END_TO_END_ROUNDS = 3
ROUNDS_UP_TO = 1_000_000
"""Logs up to this size get END_TO_END_ROUNDS rounds, larger ones one."""
SAMPLE_JOURNEYS = ROOT / "sample_logs"
CLAIMS_JOURNEY = SAMPLE_JOURNEYS / "insurance_claims.journey.yaml"
SIZES = (100_000, 1_000_000, 5_000_000)
LARGE_EVENTS = 50_000_000
XES_UP_TO = 100_000
"""Generated logs up to this size are also written as XES (pm4py's writer is slow)."""
REAL_XES = (
    "bpic2012.xes.gz",
    "bpic2012_w_start_complete.xes.gz",
    "bpic2015_municipality1.xes.gz",
    "bpic2020_domestic_declarations.xes.gz",
    "helpdesk.xes.gz",
    "receipt.xes.gz",
    "sepsis.xes.gz",
)
REAL_CSV = ("receipt.csv.gz", "sepsis.csv.gz")
PM4PY_CALLS = (
    "format_dataframe",
    "discover_dfg",
    "discover_performance_dfg",
    "get_variants",
    "get_rework_cases_per_activity",
    "discover_handover_of_work_network",
)
RESULT_MARK = "BENCHMARK-RESULT "
SORTED_SCAN_SQL = """
    WITH ordered AS (
        SELECT case_id, activity, timestamp,
            lag(timestamp) OVER (PARTITION BY case_id ORDER BY timestamp, event_index) AS before
        FROM events
    )
    SELECT count(*), count(DISTINCT activity), sum(epoch(timestamp) - epoch(before))
    FROM ordered
"""
"""One sorted scan: every event with its predecessor in the case, aggregated."""
SCAN_PROCESS = (
    "import sys, duckdb\n"
    "con = duckdb.connect()\n"
    "con.execute('SET enable_progress_bar = false')\n"
    "con.read_parquet(sys.argv[1]).create_view('file')\n"
    "con.execute('CREATE VIEW events AS SELECT case_id, activity, timestamp, '\n"
    "            'row_number() OVER () AS event_index FROM file')\n"
    "print(con.execute(sys.argv[2]).fetchall())\n"
)
"""The sorted scan as a whole process on the Parquet file: start-up, read, sort, aggregate."""


# --- the tasks, run inside a fresh subprocess --------------------------------------------


def _events_of(path: Path):
    """The canonical event table of a log (read untimed, before the task)."""
    from audit.io import read_log

    return read_log(path)


def _journey_for(journey: str | None):
    return Path(journey) if journey else None


def task_read(path: Path, journey: str | None) -> Callable[[], int]:
    from audit.io import read_log

    return lambda: read_log(path).events.num_rows


def task_pm4py_read_xes(path: Path, journey: str | None) -> Callable[[], int]:
    """pm4py's own XES parser: with rustxes installed, a plain read_xes would switch to it."""
    import pm4py

    return lambda: len(pm4py.read_xes(str(path), variant="iterparse"))


def task_audit(path: Path, journey: str | None) -> Callable[[], int]:
    from audit.pipeline import run_audit

    log = _events_of(path)
    return lambda: run_audit(log, journey=_journey_for(journey)).measures.log["events"]


def task_report(path: Path, journey: str | None) -> Callable[[], int]:
    from audit.pipeline import run_audit
    from audit.report import build_report

    log = _events_of(path)
    result = run_audit(log, journey=_journey_for(journey))
    return lambda: len(build_report(result))


def task_pm4py(path: Path, journey: str | None) -> Callable[[], int]:
    """The pm4py calls that compute what the audit overlaps with, on the same events: the
    frame is handed over in input order, as the audit gets it; pm4py sorts it itself."""
    import pm4py

    log = _events_of(path)
    unit = (
        "org_unit" if log.events.column("org_unit").null_count < log.events.num_rows else "resource"
    )
    frame = log.events.select(["case_id", "activity", "timestamp", unit]).to_pandas()
    frame = frame.rename(
        columns={
            "case_id": "case:concept:name",
            "activity": "concept:name",
            "timestamp": "time:timestamp",
        }
    )

    def calls() -> int:
        formatted = pm4py.format_dataframe(frame)
        pm4py.discover_dfg(formatted)
        pm4py.discover_performance_dfg(formatted)
        pm4py.get_variants(formatted)
        pm4py.get_rework_cases_per_activity(formatted)
        # like the audit, handovers are counted between events that carry a unit
        handled = formatted.dropna(subset=[unit])
        pm4py.discover_handover_of_work_network(handled, resource_key=unit)
        return len(formatted)

    return calls


def task_sorted_scan(path: Path, journey: str | None) -> Callable[[], int]:
    import duckdb

    from audit.io import open_events

    log = _events_of(path)
    con = duckdb.connect()
    con.execute("SET enable_progress_bar = false")
    open_events(con, log)
    return lambda: con.execute(SORTED_SCAN_SQL).fetchall()[0][0]


def task_audit_large(path: Path, journey: str | None) -> Callable[[], int]:
    """The large-log path from the file on disk to the findings (reading included)."""

    def audit() -> int:
        import duckdb

        from audit.engine import measure
        from audit.findings.experience import measure_experience
        from audit.findings.friction import stage_friction
        from audit.findings.hotspots import find_hotspots, weakest_stage
        from audit.io.scan import scan_log
        from audit.journey import compile_journey, draft_journey, load_journey

        con = duckdb.connect()
        scanned = scan_log(path, con=con)
        journey_map = load_journey(journey) if journey else draft_journey(con.table("events"))
        compiled = compile_journey(journey_map, scanned.activities, scanned.columns)
        measures = measure(con, compiled, case_attributes=scanned.case_attributes)
        friction = stage_friction(measures, compiled)
        find_hotspots(measures, compiled, friction)
        weakest_stage(friction)
        measure_experience(measures, compiled)
        return measures.log["events"]

    return audit


TASKS: dict[str, Callable[[Path, str | None], Callable[[], int]]] = {
    "read": task_read,
    "pm4py_read_xes": task_pm4py_read_xes,
    "audit": task_audit,
    "report": task_report,
    "pm4py": task_pm4py,
    "sorted_scan": task_sorted_scan,
    "audit_large": task_audit_large,
}


def run_task(task: str, path: Path, journey: str | None) -> dict[str, float]:
    """Prepare the task untimed, then time it: wall seconds, CPU seconds (all threads) and
    the peak resident memory of this process."""
    work = TASKS[task](path, journey)
    cpu_before = _cpu_seconds()
    began = time.perf_counter()
    events = work()
    seconds = time.perf_counter() - began
    return {
        "seconds": seconds,
        "cpu_seconds": _cpu_seconds() - cpu_before,
        "peak_mb": peak_mb(),
        "events": events,
    }


def peak_mb() -> float:
    """Peak resident memory of this process in MB. Linux's VmHWM belongs to the process
    image, whereas ru_maxrss keeps the parent's peak across fork and exec; ru_maxrss is
    the fallback elsewhere."""
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


# --- the parent: data, subprocesses, tables ----------------------------------------------


@dataclass
class Dataset:
    """One log in the formats it is measured in."""

    name: str
    files: dict[str, Path]
    journey: Path | None
    generated: bool
    results: dict[str, dict] = field(default_factory=dict)

    @property
    def main(self) -> Path:
        """The file the audit, report, pm4py and scan tasks read (untimed)."""
        for kind in ("parquet", "xes", "csv"):
            if kind in self.files:
                return self.files[kind]
        raise ValueError(self.name)


def measure(task: str, path: Path, journey: Path | None = None) -> dict:
    """Run one task in a fresh interpreter; its banner and warnings stay in the pipe."""
    command = [sys.executable, str(Path(__file__).resolve()), "--task", task, "--path", str(path)]
    if journey is not None:
        command += ["--journey", str(journey)]
    done = subprocess.run(command, capture_output=True, text=True, cwd=ROOT)
    for line in reversed(done.stdout.splitlines()):
        if line.startswith(RESULT_MARK):
            return json.loads(line[len(RESULT_MARK) :])
    error = (done.stderr.strip().splitlines() or ["no output"])[-1]
    return {"error": error[:200]}


def generated(events: int, kinds: tuple[str, ...]) -> Dataset:
    """The generated claim log of about `events` events in the given formats ("parquet",
    "csv", "xes"), written once into benchmarks/data/ by scripts/generate_sample.py in a
    subprocess, so that this parent process stays small (see `peak_mb`)."""
    DATA.mkdir(parents=True, exist_ok=True)
    files = {kind: DATA / f"claims_{events}.{kind}" for kind in ("parquet", "csv") if kind in kinds}
    for kind, path in files.items():
        if not path.exists():
            print(f"generating {path.name} ...", flush=True)
            script = ROOT / "scripts" / "generate_sample.py"
            command = [sys.executable, str(script), "--events", str(events), "--format", kind]
            subprocess.run([*command, "-o", str(path)], check=True, cwd=ROOT)
    if "xes" in kinds:
        files["xes"] = DATA / f"claims_{events}.xes"
        if not files["xes"].exists():
            print(f"writing {files['xes'].name} with pm4py ...", flush=True)
            _write_xes(files["parquet"], files["xes"])
    return Dataset(f"generated {_short(events)}", files, CLAIMS_JOURNEY, generated=True)


def _write_xes(parquet: Path, xes: Path) -> None:
    """Write the generated log as XES with pm4py, in a subprocess (keeps its banner out)."""
    code = (
        "import sys, pandas as pd, pm4py\n"
        "frame = pd.read_parquet(sys.argv[1])\n"
        "for name in frame.columns:\n"
        "    if isinstance(frame[name].dtype, pd.CategoricalDtype):\n"
        "        frame[name] = frame[name].astype(object)\n"
        "frame = pm4py.format_dataframe(frame, case_id='Case ID', activity_key='Activity',"
        " timestamp_key='Complete Timestamp')\n"
        "frame = frame.rename(columns={'Resource': 'org:resource', 'Department': 'org:group'})\n"
        "pm4py.write_xes(frame, sys.argv[2])\n"
    )
    subprocess.run(
        [sys.executable, "-c", code, str(parquet), str(xes)], check=True, capture_output=True
    )


def real_logs() -> list[Dataset]:
    """The real logs, with the shipped journey map where there is one."""
    datasets = []
    for name in REAL_XES:
        xes = REALDATA / name
        if not xes.exists():
            continue
        stem = name.removesuffix(".xes.gz")
        files = {"xes": xes}
        csv = REALDATA / f"{stem}.csv.gz"
        if csv.name in REAL_CSV and csv.exists():
            files["csv"] = csv
        journey = SAMPLE_JOURNEYS / f"{stem}.journey.yaml"
        datasets.append(
            Dataset(stem, files, journey if journey.exists() else None, generated=False)
        )
    return datasets


def run_dataset(dataset: Dataset, with_large_path: bool) -> None:
    """Every measurement of one log, printed as it is taken."""
    plan: list[tuple[str, str, Path, Path | None]] = []
    for kind, path in dataset.files.items():
        plan.append((f"read {kind}", "read", path, None))
    if "xes" in dataset.files:
        plan.append(("pm4py read_xes", "pm4py_read_xes", dataset.files["xes"], None))
    main = dataset.main
    plan += [
        ("audit", "audit", main, dataset.journey),
        ("report", "report", main, dataset.journey),
        ("pm4py calls", "pm4py", main, None),
        ("sorted scan", "sorted_scan", main, None),
    ]
    if with_large_path and "parquet" in dataset.files:
        plan.append(("audit, large-log path", "audit_large", main, dataset.journey))
    for label, task, path, journey in plan:
        result = measure(task, path, journey)
        dataset.results[label] = result
        print(f"  {dataset.name:<34} {label:<24} {_cell(result)}", flush=True)


def _cell(result: dict) -> str:
    if "error" in result:
        return f"failed: {result['error']}"
    return (
        f"{result['seconds']:8.2f} s  cpu {result['cpu_seconds']:7.2f} s  "
        f"{result['peak_mb']:6.0f} MB  ({result['events']:,})"
    )


def _short(events: int) -> str:
    return f"{events // 1_000_000}M" if events >= 1_000_000 else f"{events // 1000}k"


def _ratio(slow: dict | None, fast: dict | None) -> str:
    if not slow or not fast or "error" in slow or "error" in fast:
        return "-"
    return f"{slow['seconds'] / fast['seconds']:.1f}x"


def _seconds(result: dict | None) -> str:
    if not result:
        return "-"
    return "failed" if "error" in result else f"{result['seconds']:.2f}"


def _memory(result: dict | None) -> str:
    if not result or "error" in result:
        return "-"
    return f"{result['peak_mb']:.0f}"


# --- end to end: whole processes, as the user waits for them ------------------------------


def whole_process(command: list[str]) -> dict:
    """Run a command to its end: wall seconds from start to exit, CPU seconds and peak
    resident memory of the process (os.wait4's rusage of that child alone)."""
    began = time.perf_counter()
    child = subprocess.Popen(
        command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )
    errors = child.stderr.read()
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - began
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode:
        return {"error": (errors.strip().splitlines() or ["no output"])[-1][:200]}
    return {
        "seconds": seconds,
        "cpu_seconds": usage.ru_utime + usage.ru_stime,
        "peak_mb": usage.ru_maxrss / 1024,
        "load": os.getloadavg()[0],
    }


def gen_log(events: int) -> Path:
    """gen_log.py's log of `events` events (seed 7) as Parquet, written once."""
    END_TO_END_DATA.mkdir(parents=True, exist_ok=True)
    prefix = END_TO_END_DATA / f"g{_short(events).lower()}"
    parquet = prefix.with_suffix(".parquet")
    if not parquet.exists():
        print(f"generating {parquet} ...", flush=True)
        script = SHARED_BENCH / "gen_log.py"
        subprocess.run([sys.executable, str(script), str(events), str(prefix), "7"], check=True)
    return parquet


@dataclass
class EndToEnd:
    """The whole-process runs on one generated log: each command's runs, in order."""

    events: int
    runs: dict[str, list[dict]] = field(default_factory=dict)

    def add(self, label: str, result: dict) -> None:
        self.runs.setdefault(label, []).append(result)
        print(f"  end to end {_short(self.events):<5} {label:<22} {_whole(result)}", flush=True)

    def median(self, label: str) -> dict | None:
        """The run with the median wall time (its memory and load beside it)."""
        good = sorted(
            (r for r in self.runs.get(label, []) if "error" not in r), key=lambda r: r["seconds"]
        )
        return good[len(good) // 2] if good else None

    def ratio(self, slow: str, fast: str) -> float | None:
        """The median of the per-round ratios slow / fast (rounds paired in order)."""
        pairs = zip(self.runs.get(slow, []), self.runs.get(fast, []), strict=False)
        ratios = [s["seconds"] / f["seconds"] for s, f in pairs if "error" not in s | f]
        return statistics.median(ratios) if ratios else None


def end_to_end(events: int, rounds: int) -> EndToEnd:
    """Ours and pm4py's whole processes alternating (A B A B ...), then the sorted scan,
    `--help` and `inspect` of the same file."""
    parquet = gen_log(events)
    cli = [sys.executable, "-m", "audit.cli"]
    record = EndToEnd(events)
    with tempfile.TemporaryDirectory(prefix="journey-audit-bench-") as out:
        ours = [*cli, "audit", str(parquet), "--org-unit", "department", "--out", out]
        theirs = [sys.executable, str(SHARED_BENCH / "pm4py_overlap.py"), str(parquet)]
        scan = [sys.executable, "-c", SCAN_PROCESS, str(parquet), SORTED_SCAN_SQL]
        for _ in range(rounds):
            record.add("journey-audit audit", whole_process(ours))
            record.add("pm4py_overlap.py", whole_process(theirs))
            record.add("sorted scan", whole_process(scan))
    for _ in range(rounds):
        record.add("journey-audit --help", whole_process([*cli, "--help"]))
        record.add("journey-audit inspect", whole_process([*cli, "inspect", str(parquet)]))
    return record


def render_end_to_end(records: list[EndToEnd]) -> list[str]:
    """The whole-process table: medians, ratios and the load beside each number."""
    lines = [
        "## End to end: the whole process, as the user waits for it",
        "",
        "gen_log.py's log (`../shared/bench`), commands alternating A B in one run; each cell "
        "is the median run (wall s, peak MB of that process, 1-minute load average when it "
        "ended); the ratios are medians of the per-round ratios.",
        "",
        "| events | `journey-audit audit` | pm4py_overlap.py | pm4py / ours | sorted scan "
        "(whole process) | ours / scan | `--help` | `inspect` |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for record in records:
        speed_up, over_scan = (
            record.ratio("pm4py_overlap.py", "journey-audit audit"),
            record.ratio("journey-audit audit", "sorted scan"),
        )
        cells = [
            _whole(record.median(label))
            for label in ("journey-audit audit", "pm4py_overlap.py", "sorted scan")
        ]
        lines.append(
            f"| {record.events:,} | {cells[0]} | {cells[1]} | "
            f"{'-' if speed_up is None else f'{speed_up:.2f}x'} | {cells[2]} | "
            f"{'-' if over_scan is None else f'{over_scan:.1f}x'} | "
            f"{_whole(record.median('journey-audit --help'))} | "
            f"{_whole(record.median('journey-audit inspect'))} |"
        )
    lines += [
        "",
        "Every run, in order:",
        "",
        "| events | command | wall s | CPU s | peak MB | load |",
    ]
    lines.append("|---:|---|---:|---:|---:|---:|")
    for record in records:
        for label, runs in record.runs.items():
            for run in runs:
                if "error" in run:
                    lines.append(f"| {record.events:,} | {label} | failed: {run['error']} | | | |")
                    continue
                lines.append(
                    f"| {record.events:,} | {label} | {run['seconds']:.2f} | "
                    f"{run['cpu_seconds']:.2f} | {run['peak_mb']:.0f} | {run['load']:.1f} |"
                )
    return [*lines, ""]


def _whole(run: dict | None) -> str:
    if run is None or "error" in run:
        return f"failed: {run['error']}" if run else "failed"
    return f"{run['seconds']:.2f} s, {run['peak_mb']:.0f} MB (load {run['load']:.1f})"


# --- results file --------------------------------------------------------------------------


def machine() -> list[str]:
    """CPU model, cores, memory and the versions that matter."""
    from importlib.metadata import version

    cpu, memory = cpu_model(), memory_gib()
    return [
        f"- CPU: {cpu}, {os.cpu_count()} cores; RAM {memory:.0f} GiB; "
        f"{platform.system()} {platform.release()}",
        f"- Python {platform.python_version()}, "
        + ", ".join(f"{name} {version(name)}" for name in ("duckdb", "pm4py", "pandas", "pyarrow")),
    ]


def render(
    datasets: list[Dataset],
    load: tuple[str, str],
    seconds: float,
    whole: list[EndToEnd] | None = None,
) -> str:
    """The results as a Markdown page: the whole processes end to end, then every
    measurement inside a process and the comparisons."""
    lines = [
        "# Benchmark results",
        "",
        f"Written by `benchmarks/run.py` on {date.today().isoformat()} "
        f"(the whole run took {seconds / 60:.0f} minutes).",
        "",
        *machine(),
        f"- Load average (1, 5, 15 min) at the start: {load[0]}; at the end: {load[1]}. "
        "Other work on the machine inflates wall times; CPU seconds are less affected.",
        "",
        "Each row is one run in a fresh process: wall time and CPU time (all threads) of the",
        "task alone, peak resident memory of that process (libraries and the event table",
        "read before the task included). See benchmarks/README.md for what each task does;",
        "docs/performance.md has the targets and the profile of where the time goes.",
        "",
        *render_end_to_end(whole or []),
        "## Reading",
        "",
        "| log | events | CSV s | Parquet s | XES s | pm4py.read_xes s | XES speed-up | "
        "XES MB | pm4py MB |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for d in datasets:
        r = d.results
        events = next((x["events"] for x in r.values() if "events" in x), 0)
        lines.append(
            f"| {d.name} | {events:,} | {_seconds(r.get('read csv'))} | "
            f"{_seconds(r.get('read parquet'))} | {_seconds(r.get('read xes'))} | "
            f"{_seconds(r.get('pm4py read_xes'))} | "
            f"{_ratio(r.get('pm4py read_xes'), r.get('read xes'))} | "
            f"{_memory(r.get('read xes'))} | {_memory(r.get('pm4py read_xes'))} |"
        )
    lines += [
        "",
        "## The audit against pm4py and against one sorted scan",
        "",
        "| log | audit s | audit MB | report s | pm4py calls s | pm4py MB | audit speed-up | "
        "sorted scan s | audit / scan | large-log path s | large-log MB |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for d in datasets:
        r = d.results
        lines.append(
            f"| {d.name} | {_seconds(r.get('audit'))} | {_memory(r.get('audit'))} | "
            f"{_seconds(r.get('report'))} | {_seconds(r.get('pm4py calls'))} | "
            f"{_memory(r.get('pm4py calls'))} | {_ratio(r.get('pm4py calls'), r.get('audit'))} | "
            f"{_seconds(r.get('sorted scan'))} | "
            f"{_ratio(r.get('audit'), r.get('sorted scan'))} | "
            f"{_seconds(r.get('audit, large-log path'))} | "
            f"{_memory(r.get('audit, large-log path'))} |"
        )
    lines += ["", "## Every measurement", "", "| log | task | wall s | CPU s | peak MB | events |"]
    lines.append("|---|---|---:|---:|---:|---:|")
    for d in datasets:
        for label, result in d.results.items():
            if "error" in result:
                lines.append(f"| {d.name} | {label} | failed: {result['error']} | | | |")
            else:
                lines.append(
                    f"| {d.name} | {label} | {result['seconds']:.2f} | "
                    f"{result['cpu_seconds']:.2f} | {result['peak_mb']:.0f} | "
                    f"{result['events']:,} |"
                )
    return "\n".join(lines) + "\n"


def _load() -> str:
    return " ".join(f"{value:.1f}" for value in os.getloadavg())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=list(SIZES), help="events")
    parser.add_argument("--large", action="store_true", help=f"also {LARGE_EVENTS:,} events")
    parser.add_argument("--large-events", type=int, default=LARGE_EVENTS, help="for --large")
    parser.add_argument("--no-real", action="store_true", help="skip ../shared/realdata")
    parser.add_argument("--no-write", action="store_true", help="print only")
    parser.add_argument(
        "--end-to-end",
        type=int,
        nargs="*",
        default=list(END_TO_END_EVENTS),
        help="events of the whole-process comparison (none: skip it)",
    )
    parser.add_argument("--rounds", type=int, default=END_TO_END_ROUNDS, help="A B rounds")
    parser.add_argument("--task", choices=TASKS, help=argparse.SUPPRESS)
    parser.add_argument("--path", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--journey", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.task:
        print(RESULT_MARK + json.dumps(run_task(args.task, args.path, args.journey)), flush=True)
        return 0
    began, load_at_start = time.perf_counter(), _load()
    whole = [  # one round for the logs above a million events: minutes each
        end_to_end(events, args.rounds if events <= ROUNDS_UP_TO else 1)
        for events in args.end_to_end
    ]
    datasets = [
        generated(events, ("parquet", "csv", "xes") if events <= XES_UP_TO else ("parquet", "csv"))
        for events in args.sizes
    ]
    if not args.no_real and REALDATA.is_dir():
        datasets += real_logs()
    for number, dataset in enumerate(datasets):
        run_dataset(dataset, with_large_path=dataset.generated)
        if not args.no_write:  # after every log, so that a long run leaves what it measured
            page = render(
                datasets[: number + 1],
                (load_at_start, _load()),
                time.perf_counter() - began,
                whole,
            )
            RESULTS.write_text(page, encoding="utf-8")
    if args.large:
        large = generated(args.large_events, ("parquet",))
        result = measure("audit_large", large.files["parquet"], CLAIMS_JOURNEY)
        large.results["audit, large-log path"] = result
        print(f"  {large.name:<34} {'audit, large-log path':<24} {_cell(result)}", flush=True)
        datasets.append(large)
    page = render(datasets, (load_at_start, _load()), time.perf_counter() - began, whole)
    print()
    print(page)
    if not args.no_write:
        RESULTS.write_text(page, encoding="utf-8")
        print(f"written to {RESULTS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
