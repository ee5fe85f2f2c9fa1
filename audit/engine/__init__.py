"""The audit engine: every measure, computed in DuckDB over the canonical event table.

`measure(con, journey)` builds one `steps` table (each event with its predecessor in the
case) and returns `Measures`, every table of which is a grouping of it; `measure_table`
does the same for an in-memory Arrow table; `case_steps` reads single cases back.
"""

from audit.engine.measure import measure, measure_table
from audit.engine.result import Measures
from audit.engine.steps import STEP_COLUMNS, case_steps

__all__ = ["STEP_COLUMNS", "Measures", "case_steps", "measure", "measure_table"]
