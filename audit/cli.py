"""The command line: `journey-audit inspect LOG` and the mapping flags every command shares.

Bad input (AuditInputError) prints one message on stderr and exits with status 2, never a
traceback. New commands take the same mapping flags by declaring the `*Option` parameters
below and calling `read_from_options`.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from audit.errors import AuditInputError
from audit.io import ColumnMapping, EventLog, read_log
from audit.io.describe import describe

app = typer.Typer(
    help="Journey Audit: what the process does to the customer, from event logs.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


@app.callback()
def journey_audit() -> None:
    """Journey Audit: what the process does to the customer, from event logs."""


MAPPING = "Column mapping"
LogArgument = Annotated[
    Path,
    typer.Argument(
        metavar="LOG", help="Event log: .csv, .csv.gz, .tsv, .txt, .xes, .xes.gz, .parquet, .xlsx"
    ),
]
CaseOption = Annotated[
    str | None, typer.Option("--case", help="Column with the case id.", rich_help_panel=MAPPING)
]
ActivityOption = Annotated[
    list[str] | None,
    typer.Option(
        "--activity",
        help="Column with the activity; repeat to join several (e.g. status and sub-status).",
        rich_help_panel=MAPPING,
    ),
]
SeparatorOption = Annotated[
    str,
    typer.Option("--separator", help="Joins several activity columns.", rich_help_panel=MAPPING),
]
TimestampOption = Annotated[
    str | None,
    typer.Option("--timestamp", help="Column with the completion time.", rich_help_panel=MAPPING),
]
StartOption = Annotated[
    str | None, typer.Option("--start", help="Column with the start time.", rich_help_panel=MAPPING)
]
ResourceOption = Annotated[
    str | None,
    typer.Option("--resource", help="Column with the person or system.", rich_help_panel=MAPPING),
]
OrgUnitOption = Annotated[
    str | None,
    typer.Option(
        "--org-unit", help="Column with department, team, group or role.", rich_help_panel=MAPPING
    ),
]
ChannelOption = Annotated[
    str | None,
    typer.Option("--channel", help="Column with the contact channel.", rich_help_panel=MAPPING),
]
LifecycleOption = Annotated[
    str | None,
    typer.Option("--lifecycle", help="Column with lifecycle transitions.", rich_help_panel=MAPPING),
]
TimezoneOption = Annotated[
    str,
    typer.Option(
        "--timezone", help="IANA zone of times without an offset.", rich_help_panel=MAPPING
    ),
]
DayfirstOption = Annotated[
    bool | None,
    typer.Option(
        "--dayfirst/--monthfirst",
        help="Order of day and month in dates such as 03/04/2024.",
        rich_help_panel=MAPPING,
    ),
]


def read_from_options(
    log: Path,
    case: str | None = None,
    activity: list[str] | None = None,
    separator: str = " / ",
    timestamp: str | None = None,
    start: str | None = None,
    resource: str | None = None,
    org_unit: str | None = None,
    channel: str | None = None,
    lifecycle: str | None = None,
    timezone: str = "UTC",
    dayfirst: bool | None = None,
) -> EventLog:
    """Read a log with the mapping the command-line flags give."""
    mapping = ColumnMapping(
        case=case,
        activity=tuple(activity or ()),
        timestamp=timestamp,
        start=start,
        resource=resource,
        org_unit=org_unit,
        channel=channel,
        lifecycle=lifecycle,
        separator=separator,
    )
    return read_log(log, mapping, timezone=timezone, dayfirst=dayfirst)


@app.command()
def inspect(
    log: LogArgument,
    case: CaseOption = None,
    activity: ActivityOption = None,
    separator: SeparatorOption = " / ",
    timestamp: TimestampOption = None,
    start: StartOption = None,
    resource: ResourceOption = None,
    org_unit: OrgUnitOption = None,
    channel: ChannelOption = None,
    lifecycle: LifecycleOption = None,
    timezone: TimezoneOption = "UTC",
    dayfirst: DayfirstOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of tables.")] = False,
) -> None:
    """Show what was recognised in LOG (roles, cases, events, time span, lifecycle,
    data-quality account), to check the mapping before an audit."""
    event_log = read_from_options(
        log,
        case,
        activity,
        separator,
        timestamp,
        start,
        resource,
        org_unit,
        channel,
        lifecycle,
        timezone,
        dayfirst,
    )
    description = describe(event_log)
    if as_json:
        typer.echo(json.dumps(description, indent=2, ensure_ascii=False))
    else:
        print_description(description, Console())


def print_description(description: dict, console: Console) -> None:
    """The human view of `describe`: a summary, the roles and the data-quality account."""
    console.print(f"[bold]{description['source']}[/bold]")
    summary = Table(show_header=False, box=None)
    for label, key in (
        ("cases", "cases"),
        ("events", "events"),
        ("activities", "activities"),
        ("first event (UTC)", "first_event"),
        ("last event (UTC)", "last_event"),
        ("lifecycle", "lifecycle"),
        ("events with a start time", "events_with_start_time"),
        ("times without offset read in", "timezone"),
    ):
        value = description[key]
        summary.add_row(label, f"{value:,}" if isinstance(value, int) else str(value or "-"))
    console.print(summary)
    roles = Table(title="Roles")
    roles.add_column("role")
    roles.add_column("input column(s)")
    for role, columns in description["roles"].items():
        roles.add_row(role, ", ".join(columns))
    console.print(roles)
    attributes = description["attributes"]
    console.print(f"case attributes: {', '.join(attributes['case']) or '-'}")
    console.print(f"event attributes: {', '.join(attributes['event']) or '-'}")
    print_quality(description["quality"], console)


def print_quality(quality: dict, console: Console) -> None:
    """The data-quality account as a table that adds up."""
    table = Table(title="Data quality")
    table.add_column("rows")
    table.add_column("count", justify="right")
    table.add_column("where to look")
    table.add_row("read", f"{quality['rows_read']:,}", "")
    table.add_row("used as events", f"{quality['events_used']:,}", "")
    table.add_row("merged by lifecycle pairing", f"{quality['merged_by_lifecycle']:,}", "")
    for reason, entry in quality["dropped"].items():
        table.add_row(f"dropped: {reason}", f"{entry['count']:,}", "; ".join(entry["examples"]))
    for label, key in (
        ("duplicated events (kept)", "duplicated_events"),
        ("timestamps far out of range (kept)", "timestamps_out_of_range"),
    ):
        entry = quality[key]
        table.add_row(label, f"{entry['count']:,}", "; ".join(entry["examples"]))
    table.add_row("completes without their start (kept)", f"{quality['unpaired_completes']:,}", "")
    table.add_row("single-event cases", f"{quality['single_event_cases']:,}", "")
    table.add_row("cases with tied timestamps", f"{quality['cases_with_tied_timestamps']:,}", "")
    console.print(table)
    verdict = "every row is accounted for" if quality["balanced"] else "ROWS UNACCOUNTED FOR"
    console.print(f"account: {verdict}")
    for note in quality["notes"]:
        console.print(f"note: {note}")


def main() -> None:
    """Entry point of the `journey-audit` console script."""
    try:
        app(standalone_mode=False)
    except AuditInputError as exc:
        typer.echo(f"error: {exc}", err=True)
        sys.exit(2)
    except typer.Abort:
        sys.exit(1)
    except Exception as exc:  # click usage errors carry their own exit code
        code = getattr(exc, "exit_code", None)
        if code is None:
            raise
        if hasattr(exc, "show"):
            exc.show()
        sys.exit(code)


if __name__ == "__main__":
    main()
