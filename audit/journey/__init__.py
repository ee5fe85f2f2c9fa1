"""The journey layer: the customer journey map, its validation, and its resolution against
a log's activities (see docs/journey-format.md).

- `load_journey` / `parse_journey` read and validate a YAML journey map;
- `dump_journey` writes one back as human-friendly YAML;
- `compile_journey` resolves names and patterns against a log's activities into the
  `CompiledJourney` the engine joins;
- `draft_journey` drafts a map from a log, for a person to edit.
"""

from audit.journey.compile import compile_journey
from audit.journey.compiled import CompiledJourney
from audit.journey.draft import draft_journey
from audit.journey.model import JourneyMap, Outcomes, Stage, Survey, Touchpoint
from audit.journey.yaml_io import dump_journey, load_journey, parse_journey

__all__ = [
    "CompiledJourney",
    "JourneyMap",
    "Outcomes",
    "Stage",
    "Survey",
    "Touchpoint",
    "compile_journey",
    "draft_journey",
    "dump_journey",
    "load_journey",
    "parse_journey",
]
