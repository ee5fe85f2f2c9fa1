"""The command line: inspect, draft, audit, report and compare.

Every command takes the same mapping flags (the `with_log_options` decorator). Bad input
(AuditInputError) prints one message on stderr and exits with status 2, never a traceback.
Progress goes to stderr, so that stdout stays clean for JSON and pipes.
"""

from __future__ import annotations

import dataclasses
import functools
import inspect
import json
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.table import Table

from audit.errors import AuditInputError

if TYPE_CHECKING:
    from audit.compare import Comparison
    from audit.findings.result import AuditResult
    from audit.io import ColumnMapping, EventLog
    from audit.privacy import PrivacyOptions, PrivacyReport

# Each command imports the layers it needs when it runs (the readers, the engine, the
# report, pm4py for --bpmn), so that `--help` and `inspect` do not wait for the others:
# importing them all takes seconds (tests/test_lazy_imports.py).

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
MappingFileOption = Annotated[
    Path | None,
    typer.Option(
        "--mapping",
        metavar="FILE",
        help="Column mapping file (YAML, as the app's import wizard saves it); "
        "the flags below override it.",
        rich_help_panel=MAPPING,
    ),
]
SeparatorOption = Annotated[
    str | None,
    typer.Option(
        "--separator",
        help="Joins several activity columns [default: ' / '].",
        rich_help_panel=MAPPING,
    ),
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
CustomerOption = Annotated[
    str | None,
    typer.Option(
        "--customer",
        help="Column with the customer (client, citizen) the case is for.",
        rich_help_panel=MAPPING,
    ),
]
TimezoneOption = Annotated[
    str | None,
    typer.Option(
        "--timezone",
        help="IANA zone of times without an offset [default: UTC].",
        rich_help_panel=MAPPING,
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


@dataclass(frozen=True)
class LogOptions:
    """How to read a log: the column mapping and the time rules the flags give."""

    mapping: ColumnMapping
    timezone: str
    dayfirst: bool | None

    def read(self, log: Path) -> EventLog:
        """Read the log into memory with these options."""
        from audit.io import read_log

        return read_log(log, self.mapping, timezone=self.timezone, dayfirst=self.dayfirst)


def _flag(name: str, annotation: object, default: object) -> inspect.Parameter:
    return inspect.Parameter(
        name, inspect.Parameter.KEYWORD_ONLY, default=default, annotation=annotation
    )


MAPPING_PARAMETERS = (
    _flag("mapping", MappingFileOption, None),
    _flag("case", CaseOption, None),
    _flag("activity", ActivityOption, None),
    _flag("separator", SeparatorOption, None),
    _flag("timestamp", TimestampOption, None),
    _flag("start", StartOption, None),
    _flag("resource", ResourceOption, None),
    _flag("org_unit", OrgUnitOption, None),
    _flag("channel", ChannelOption, None),
    _flag("lifecycle", LifecycleOption, None),
    _flag("customer", CustomerOption, None),
    _flag("timezone", TimezoneOption, None),
    _flag("dayfirst", DayfirstOption, None),
)


def with_log_options(command: Callable[..., None]) -> Callable[..., None]:
    """Give a command the mapping flags; it receives them as one `options: LogOptions`."""
    signature = inspect.signature(command, eval_str=True)
    own = [p for p in signature.parameters.values() if p.name != "options"]

    @functools.wraps(command)
    def run(**values: object) -> None:
        flags = {p.name: values.pop(p.name) for p in MAPPING_PARAMETERS}
        command(**values, options=_log_options(flags))

    run.__signature__ = signature.replace(parameters=[*own, *MAPPING_PARAMETERS])
    return run


def _log_options(flags: dict[str, object]) -> LogOptions:
    """The mapping file's choices (when --mapping names one), each overridden by a flag
    given on the command line."""
    from audit.io.mapping import ROLE_FLAGS, ColumnMapping

    saved_timezone, saved_dayfirst = None, None
    saved_mapping = ColumnMapping()
    if flags["mapping"]:
        from audit.io.mapping_file import load_mapping

        saved = load_mapping(flags["mapping"])
        saved_mapping, saved_timezone, saved_dayfirst = (
            saved.mapping,
            saved.timezone,
            saved.dayfirst,
        )
    given = {role: flags[role] for role in ROLE_FLAGS if flags[role]}
    if flags["activity"]:
        given["activity"] = tuple(flags["activity"])
    if flags["separator"] is not None:
        given["separator"] = flags["separator"]
    dayfirst = flags["dayfirst"] if flags["dayfirst"] is not None else saved_dayfirst
    timezone = flags["timezone"] or saved_timezone or "UTC"
    return LogOptions(dataclasses.replace(saved_mapping, **given), timezone, dayfirst)


JourneyOption = Annotated[
    Path | None,
    typer.Option("--journey", help="Journey map (YAML); without it one is drafted from the log."),
]
LanguageOption = Annotated[
    str | None, typer.Option("--language", help="en, fi or sv (default: the journey map's).")
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON instead of text.")]
EngineOption = Annotated[
    str,
    typer.Option(
        "--engine",
        help="Where the measures run: duckdb (embedded) or spark (the same SQL on Apache "
        "Spark; needs PySpark and Java).",
    ),
]
SparkMasterOption = Annotated[
    str | None,
    typer.Option(
        "--spark-master",
        metavar="URL",
        help="With --engine spark: local[*] (default), spark://host:7077, yarn, or "
        "sc://host:15002 for Spark Connect.",
    ),
]
RepeatWithinOption = Annotated[
    float | None,
    typer.Option(
        "--repeat-within",
        metavar="DAYS",
        help="A customer's case that starts within DAYS of the end of their earlier case is a "
        "repeat contact (default: the journey map's, else 30).",
    ),
]
ByOption = Annotated[
    str | None,
    typer.Option(
        "--by",
        metavar="PERIOD",
        help="Trend: the stage measures per day, week, month or quarter in which cases started.",
    ),
]
SegmentOption = Annotated[
    str | None,
    typer.Option(
        "--segment",
        metavar="COLUMN",
        help="The stage table side by side for each value of a case attribute or the channel.",
    ),
]
SplitAtOption = Annotated[
    str | None,
    typer.Option("--split-at", help="Compare the cases started before and after this date."),
]


def _progress(console: Console) -> Callable[[str], None]:
    """Progress messages for a console on stderr."""
    return lambda message: console.print(f"[dim]… {message}[/dim]")


@app.command(name="inspect")
@with_log_options
def inspect_log(log: LogArgument, as_json: JsonOption = False, *, options: LogOptions) -> None:
    """Show what was recognised in LOG (roles, cases, events, time span, lifecycle,
    data-quality account), to check the mapping before an audit."""
    from audit.io.describe import describe

    description = describe(options.read(log))
    if as_json:
        typer.echo(json.dumps(description, indent=2, ensure_ascii=False))
    else:
        print_description(description, Console())


@app.command()
@with_log_options
def draft(
    log: LogArgument,
    output: Annotated[Path, typer.Option("-o", "--output", help="Where to write the YAML.")],
    language: Annotated[str, typer.Option("--language", help="en, fi or sv.")] = "en",
    *,
    options: LogOptions,
) -> None:
    """Draft a journey map from LOG for a person to edit: stages from the activities'
    typical order, touchpoints and outcomes guessed from their names."""
    from audit.journey import draft_journey, dump_journey

    journey = draft_journey(options.read(log).events, language=language)
    output.write_text(dump_journey(journey), encoding="utf-8")
    Console(stderr=True).print(
        f"Drafted {len(journey.stages)} stages into {output}: check them and edit the file."
    )


@app.command()
@with_log_options
def audit(
    log: LogArgument,
    out: Annotated[Path, typer.Option("--out", help="Folder for findings.json, CSVs, summary.md")],
    journey: JourneyOption = None,
    language: LanguageOption = None,
    large: Annotated[
        bool | None,
        typer.Option(
            "--large/--in-memory",
            help="Audit a Parquet or CSV file in place, for logs larger than memory "
            "(default: by file size).",
        ),
    ] = None,
    as_json: JsonOption = False,
    repeat_within: RepeatWithinOption = None,
    by: ByOption = None,
    segment: SegmentOption = None,
    bpmn: Annotated[
        Path | None,
        typer.Option(
            "--bpmn",
            metavar="FILE",
            help="Expert path: also replay the log on this BPMN model (pm4py token-based "
            "replay); the per-case fit goes to bpmn_cases.csv.",
        ),
    ] = None,
    order_hotspots: Annotated[
        str,
        typer.Option(
            "--order-hotspots",
            metavar="ORDER",
            help="Order each level's hotspots by 'friction' (score) or by 'worth' "
            "(customer-days a month a fix of their waits saves).",
        ),
    ] = "friction",
    engine: EngineOption = "duckdb",
    spark_master: SparkMasterOption = None,
    *,
    options: LogOptions,
) -> None:
    """Audit LOG against a journey map: write the findings to --out and print a summary
    with the hotspots."""
    from audit.findings.hotspots import check_order
    from audit.findings.hotspots import order_hotspots as ordered
    from audit.findings.texts import text
    from audit.pipeline import run_audit, summary_text, write_outputs

    check_order(order_hotspots)

    result = run_audit(
        log,
        journey=journey,
        mapping=options.mapping,
        timezone=options.timezone,
        dayfirst=options.dayfirst,
        language=language,
        large=large,
        repeat_within_days=repeat_within,
        by=by,
        segment=segment,
        progress=_progress(Console(stderr=True)),
        engine=engine,
        spark_master=spark_master,
    )
    result = dataclasses.replace(result, hotspots=ordered(result.hotspots, order_hotspots))
    write_outputs(result, out)
    if as_json:
        typer.echo(json.dumps(result.to_json_dict(), indent=2, ensure_ascii=False))
    else:
        typer.echo(summary_text(result))
        typer.echo("\n" + text("cli.findings_written", result.language, path=out))
    if bpmn is not None:
        typer.echo(_bpmn_check(result, bpmn, out), err=as_json)


def _bpmn_check(result: AuditResult, model: Path, out: Path) -> str:
    """Replay the audited events on the BPMN model, write bpmn_cases.csv, say how they fit."""
    from audit.process.bpmn_check import replay_on_bpmn
    from audit.report.safe import safe_csv

    events = result.connection.execute(
        "SELECT case_id, activity, timestamp, event_index FROM events"
    ).fetch_df()
    check = replay_on_bpmn(events, model)
    written = safe_csv(check.cases, out / "bpmn_cases.csv")
    unknown = f"; activities the model lacks: {', '.join(check.unknown_activities)}"
    return (
        f"BPMN model {model.name}: {check.fitting_cases_share:.0%} of cases fit it "
        f"(mean case fitness {check.average_case_fitness:.2f})"
        f"{unknown if check.unknown_activities else ''}; per case in {written}"
    )


def _audit(
    log: EventLog,
    journey: Path | None,
    language: str | None,
    privacy: PrivacyOptions | None,
    console: Console,
    repeat_within: float | None = None,
    by: str | None = None,
    segment: str | None = None,
    engine: str = "duckdb",
    spark_master: str | None = None,
) -> tuple[AuditResult, PrivacyReport | None]:
    """Audit a log read into memory, pseudonymised first when `privacy` is given, so that
    every output of the audit is protected by construction."""
    from audit.pipeline import run_audit
    from audit.privacy import protect_log

    protection = None
    if privacy is not None:
        log, protection = protect_log(log, privacy)
    result = run_audit(
        log,
        journey=journey,
        language=language,
        repeat_within_days=repeat_within,
        by=by,
        segment=segment,
        progress=_progress(console),
        engine=engine,
        spark_master=spark_master,
    )
    return result, protection


@app.command()
@with_log_options
def report(
    log: LogArgument,
    output: Annotated[Path, typer.Option("-o", "--output", help="report.html or report.pdf")],
    journey: JourneyOption = None,
    language: Annotated[str, typer.Option("--language", help="en, fi or sv.")] = "en",
    privacy: Annotated[
        bool,
        typer.Option(
            "--privacy/--no-privacy",
            help="Pseudonymise case ids and resources and leave free text out (default on).",
        ),
    ] = True,
    privacy_key: Annotated[
        str | None, typer.Option("--privacy-key", help="Key for reproducible pseudonyms.")
    ] = None,
    pseudonymise_units: Annotated[
        bool, typer.Option("--pseudonymise-units", help="Pseudonymise org units as well.")
    ] = False,
    stories: Annotated[int, typer.Option("--stories", help="How many worst cases to tell.")] = 3,
    split_at_date: SplitAtOption = None,
    repeat_within: RepeatWithinOption = None,
    by: ByOption = None,
    segment: SegmentOption = None,
    engine: EngineOption = "duckdb",
    spark_master: SparkMasterOption = None,
    *,
    options: LogOptions,
) -> None:
    """Write the workshop report of LOG: one self-contained HTML file, or a PDF."""
    from audit.compare import compare, split_at
    from audit.findings.texts import text
    from audit.privacy import PrivacyOptions
    from audit.report import write_report

    console = Console(stderr=True)
    protection = PrivacyOptions(key=privacy_key, org_units=pseudonymise_units)
    protection = protection if privacy else None
    event_log = options.read(log)
    result, privacy_report = _audit(
        event_log,
        journey,
        language,
        protection,
        console,
        repeat_within,
        by,
        segment,
        engine,
        spark_master,
    )
    comparison = None
    if split_at_date is not None:
        before, after = (
            _audit(
                part,
                journey,
                language,
                protection,
                console,
                repeat_within,
                engine=engine,
                spark_master=spark_master,
            )[0]
            for part in split_at(event_log, split_at_date)
        )
        comparison = compare(before, after)
    write_report(
        result,
        output,
        language=language,
        stories=stories,
        comparison=comparison,
        privacy=privacy_report,
    )
    console.print(text("cli.report_written", language, path=output))


@app.command(name="compare")
@with_log_options
def compare_logs(
    before: LogArgument,
    after: Annotated[
        Path | None, typer.Argument(metavar="[AFTER]", help="A second log (same journey map).")
    ] = None,
    split_at_date: SplitAtOption = None,
    journey: JourneyOption = None,
    out: Annotated[
        Path | None, typer.Option("--out", help="Folder for comparison.json and CSVs.")
    ] = None,
    as_json: JsonOption = False,
    repeat_within: RepeatWithinOption = None,
    engine: EngineOption = "duckdb",
    spark_master: SparkMasterOption = None,
    *,
    options: LogOptions,
) -> None:
    """Compare two periods of one log (LOG --split-at DATE) or two logs (BEFORE AFTER): per
    stage and measure the change, and whether it is larger than chance would explain."""
    from audit.compare import compare, split_at, write_comparison
    from audit.journey import draft_journey, load_journey
    from audit.pipeline import run_audit

    if (after is None) == (split_at_date is None):
        raise AuditInputError(
            "compare needs either a second log or --split-at, not both",
            hint="journey-audit compare BEFORE AFTER, or journey-audit compare LOG "
            "--split-at 2025-06-01",
        )
    console = Console(stderr=True)
    if after is None:
        logs = split_at(options.read(before), split_at_date)
    else:
        logs = (options.read(before), options.read(after))
    # both sides are measured against one and the same map
    journey_map = draft_journey(logs[0].events) if journey is None else load_journey(journey)
    first, second = (
        run_audit(
            part,
            journey=journey_map,
            repeat_within_days=repeat_within,
            progress=_progress(console),
            engine=engine,
            spark_master=spark_master,
        )
        for part in logs
    )
    comparison = compare(first, second)
    if out is not None:
        write_comparison(comparison, out)
    if as_json:
        typer.echo(json.dumps(comparison.to_json_dict(), indent=2, ensure_ascii=False))
    else:
        print_comparison(comparison, Console())


def print_comparison(comparison: Comparison, console: Console) -> None:
    """The changes larger than chance, and the hotspots that moved, as tables."""
    console.print(
        f"[bold]{comparison.before_label}[/bold] ({comparison.before_cases:,} cases) → "
        f"[bold]{comparison.after_label}[/bold] ({comparison.after_cases:,} cases)"
    )
    changes = Table(title=f"Changes larger than chance (Benjamini-Hochberg q < {comparison.alpha})")
    for column in ("stage", "measure", "before", "after", "q", "verdict"):
        changes.add_column(column)
    for row in comparison.significant().itertuples():
        changes.add_row(
            row.scope,
            row.measure,
            f"{row.before:.3g}",
            f"{row.after:.3g}",
            f"{row.q_value:.2g}",
            row.verdict,
        )
    console.print(changes)
    hotspots = Table(title="Hotspots that moved")
    for column in ("level", "name", "status"):
        hotspots.add_column(column)
    moved = comparison.hotspots[comparison.hotspots["status"] != "unchanged"]
    for row in moved.itertuples():
        hotspots.add_row(row.level, row.name, row.status)
    console.print(hotspots)


def print_description(description: dict, console: Console) -> None:
    """The human view of `describe`: a summary, the roles, the advice on the mapping and the
    data-quality account."""
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
    for advice in description["advice"]:
        console.print("Advice:", style="bold", end=" ")
        console.print(advice["reason"]["en"], markup=False)
        console.print(f"  on the command line: {advice['flags']}", markup=False)
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
