"""pm4py for what it is best at: discovering a BPMN model and checking how well the log
replays on it.

Thin wrappers: they rename the canonical columns to pm4py's (`case:concept:name`,
`concept:name`, `time:timestamp`), order the events as the engine does (timestamp, then
input order), and call pm4py's inductive miner and token-based replay. The BPMN file is
written without pm4py's automatic layout, which would need the graphviz `dot` program;
modelling tools lay the model out when they open it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pyarrow as pa

from audit.errors import AuditInputError
from audit.io.schema import ACTIVITY, CASE, EVENT_INDEX, TIMESTAMP

PM4PY_COLUMNS = {CASE: "case:concept:name", ACTIVITY: "concept:name", TIMESTAMP: "time:timestamp"}
"""Canonical column -> pm4py's (XES) column name."""


@dataclass(frozen=True)
class Conformance:
    """How well the log replays on the model discovered from it (token-based replay).

    log_fitness: pm4py's fitness of the whole log, 0..1 (1 = every token fits).
    fitting_cases_share: share of cases that replay without a missing or remaining token.
    average_case_fitness: mean fitness of the cases.
    noise_threshold: the inductive miner's noise threshold the model was discovered with.
    """

    log_fitness: float
    fitting_cases_share: float
    average_case_fitness: float
    noise_threshold: float


def to_pm4py_frame(events: pa.Table | pd.DataFrame) -> pd.DataFrame:
    """The three columns pm4py needs, under its names, in the engine's event order."""
    frame = events.to_pandas() if isinstance(events, pa.Table) else events
    missing = [column for column in (*PM4PY_COLUMNS, EVENT_INDEX) if column not in frame.columns]
    if missing:
        raise AuditInputError(
            f"the event table has no column {', '.join(missing)}",
            source="process discovery",
            hint="pass the canonical event table from audit.io",
        )
    ordered = frame.sort_values([CASE, TIMESTAMP, EVENT_INDEX], kind="stable")
    return ordered[list(PM4PY_COLUMNS)].rename(columns=PM4PY_COLUMNS).reset_index(drop=True)


def discover_bpmn(
    events: pa.Table | pd.DataFrame, path: str | Path, noise_threshold: float = 0.2
) -> Path:
    """Discover a BPMN model with the inductive miner and write it to `path` (.bpmn).

    noise_threshold: share of infrequent behaviour the miner may leave out (0 keeps all,
    which on real logs gives a model that allows almost anything). Returns the file path.
    """
    import pm4py

    model = pm4py.discover_bpmn_inductive(
        to_pm4py_frame(events), noise_threshold=noise_threshold, multi_processing=False
    )
    target = Path(path)
    if target.suffix.lower() != ".bpmn":
        target = target.with_suffix(".bpmn")
    pm4py.write_bpmn(model, str(target), auto_layout=False)
    return target


def conformance(events: pa.Table | pd.DataFrame, noise_threshold: float = 0.2) -> Conformance:
    """Token-based replay fitness of the log against the Petri net the inductive miner
    discovers from it (with the same noise threshold as `discover_bpmn`)."""
    import pm4py
    from pm4py.algo.evaluation.replay_fitness import algorithm as replay_fitness

    frame = to_pm4py_frame(events)
    net, initial, final = pm4py.discover_petri_net_inductive(
        frame, noise_threshold=noise_threshold, multi_processing=False
    )
    # pm4py.fitness_token_based_replay without its progress bar, which would litter the
    # command line's and the app's output
    fitness = replay_fitness.apply(
        frame,
        net,
        initial,
        final,
        variant=replay_fitness.Variants.TOKEN_BASED,
        parameters={"show_progress_bar": False},
    )
    return Conformance(
        log_fitness=float(fitness["log_fitness"]),
        fitting_cases_share=float(fitness["perc_fit_traces"]) / 100,
        average_case_fitness=float(fitness["average_trace_fitness"]),
        noise_threshold=noise_threshold,
    )
