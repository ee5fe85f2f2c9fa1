"""Generate the motor insurance claim example log (see audit/sample.py for the model).

Examples:
    python scripts/generate_sample.py --cases 2000 -o sample_logs/insurance_claims.csv
    python scripts/generate_sample.py --events 5000000 --format parquet -o /tmp/claims_5m.parquet
    python scripts/generate_sample.py --cases 2000 --without pingpong -o /tmp/no_pingpong.csv

The same arguments always give the same file; ``--without`` removes one friction source and
leaves every other case, decision, wait and resource as it was.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from audit.sample import FRICTION_SOURCES, cases_for_events, write_log


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        description="Generate the deterministic motor insurance claim event log."
    )
    size = parser.add_mutually_exclusive_group(required=True)
    size.add_argument("--cases", type=int, help="number of claims (cases)")
    size.add_argument("--events", type=int, help="about this many events (within 1 %%)")
    parser.add_argument("--seed", type=int, default=7, help="random seed (default 7)")
    parser.add_argument(
        "--format",
        choices=("csv", "parquet"),
        help="output format (default: from the file name, else csv)",
    )
    parser.add_argument(
        "--without",
        action="append",
        default=[],
        choices=FRICTION_SOURCES,
        help="remove this friction source (may be given more than once)",
    )
    parser.add_argument("-o", "--output", type=Path, required=True, help="file to write")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Parse the arguments, write the log and report its size."""
    parser = _parser()
    args = parser.parse_args(argv)
    size = args.cases if args.cases is not None else args.events
    if size < 1:
        parser.error("--cases and --events must be at least 1")
    if not args.output.parent.is_dir():
        parser.error(f"{args.output}: the folder {args.output.parent} does not exist; create it")
    fmt = args.format or ("parquet" if args.output.suffix == ".parquet" else "csv")
    began = time.perf_counter()
    cases = args.cases or cases_for_events(args.events, args.seed, args.without)
    events = write_log(args.output, cases, args.seed, args.without, fmt)
    seconds = time.perf_counter() - began
    print(f"{args.output}: {cases:,} cases, {events:,} events ({fmt}) in {seconds:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
