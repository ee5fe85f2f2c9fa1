"""The expert path of conformance: the log replayed on a BPMN model the user supplies.

The journey-level check (audit.engine.conformance) is the default: it needs only the
journey map and stays fast on millions of events. An analyst who has the process designed
as BPMN can also replay the log on it with pm4py's token-based replay (the model is
converted to a Petri net; alignments would say more but cost far more on large logs). Per
case: whether it fits (no missing and no remaining token), its fitness (0..1) and the
tokens it lacked and left.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pyarrow as pa

from audit.errors import AuditInputError
from audit.process.mining import to_pm4py_frame

CASE_FIT_COLUMNS: tuple[str, ...] = (
    "case_id",
    "fits",
    "fitness",
    "missing_tokens",
    "remaining_tokens",
)
"""Columns of the per-case replay table."""


@dataclass(frozen=True)
class BpmnConformance:
    """How the log replays on the user's BPMN model.

    source: the BPMN file; fitting_cases_share: share of cases that fit;
    average_case_fitness: mean case fitness; unknown_activities: log activities the model
    has no task for (each of their events is a deviation); cases: CASE_FIT_COLUMNS.
    """

    source: str
    fitting_cases_share: float
    average_case_fitness: float
    unknown_activities: list[str]
    cases: pd.DataFrame


def _read_model(path: Path):
    """The BPMN file as a Petri net with its initial and final marking."""
    import pm4py

    if not path.is_file():
        raise AuditInputError(
            "the BPMN file does not exist", source=str(path), hint="give the path of a .bpmn file"
        )
    try:
        model = pm4py.read_bpmn(str(path))
        return model, *pm4py.convert_to_petri_net(model)
    except Exception as error:  # pm4py raises whatever its XML parser or converter meets
        raise AuditInputError(
            f"the BPMN model cannot be read ({type(error).__name__}: {error})",
            source=str(path),
            hint="export the process as BPMN 2.0 XML from the modelling tool",
        ) from None


def replay_on_bpmn(events: pa.Table | pd.DataFrame, path: str | Path) -> BpmnConformance:
    """Replay every case of `events` (canonical columns) on the BPMN model in `path`."""
    import pm4py
    from pm4py.algo.conformance.tokenreplay import algorithm as token_replay

    model, net, initial, final = _read_model(Path(path))
    log = pm4py.convert_to_event_log(to_pm4py_frame(events))
    replayed = token_replay.apply(log, net, initial, final, parameters={"show_progress_bar": False})
    cases = pd.DataFrame(
        [
            (
                trace.attributes["concept:name"],
                bool(result["trace_is_fit"]),
                float(result["trace_fitness"]),
                int(result["missing_tokens"]),
                int(result["remaining_tokens"]),
            )
            for trace, result in zip(log, replayed, strict=True)
        ],
        columns=list(CASE_FIT_COLUMNS),
    )
    tasks = {node.get_name() for node in model.get_nodes()}
    activities = {event["concept:name"] for trace in log for event in trace}
    return BpmnConformance(
        source=str(path),
        fitting_cases_share=float(cases["fits"].mean()) if len(cases) else 1.0,
        average_case_fitness=float(cases["fitness"].mean()) if len(cases) else 1.0,
        unknown_activities=sorted(activities - tasks),
        cases=cases.sort_values("case_id").reset_index(drop=True),
    )
