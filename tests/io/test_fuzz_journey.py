"""Fuzz the journey-map loader: any text ends in a journey map that reads back the same
once written, or in an AuditInputError with a message (see fuzz_support for the settings
and the command for a longer run)."""

from __future__ import annotations

from pathlib import Path

import yaml
from fuzz_support import fuzz_settings, input_file, mutated
from hypothesis import example, given
from hypothesis import strategies as st

from audit.errors import AuditInputError
from audit.journey.compiled import FRICTION_COMPONENTS, OUTCOME_KINDS, SURVEY_KINDS
from audit.journey.yaml_io import dump_journey, load_journey, parse_journey

SAMPLES = sorted((Path(__file__).resolve().parents[2] / "sample_logs").glob("*.journey.yaml"))
FRAGMENTS = (
    "journey: ", "stages:", "\n", "  ", "- ", ": ", "name: ", "activities: ", "promise: ",
    "touchpoints:", "outcomes:", "good: ", "bad: ", "check: ", "weights:", "survey:",
    "ongoing_after: ", "repeat_within_days: ", "language: ", "drafted: ", "notes: ",
    "&a ", "*a", "!!binary ", "!!python/object:os.system ", "!!set ", "<<: *a", "[", "]",
    "{", "}", ",", "'", '"', "# ", "---\n", "...\n", "%YAML 1.1\n", "? ", "|\n", ">-\n",
    "~", "null", ".inf", ".nan", "-1", "0x1F", "1e999", "2024-01-01", "yes", "5d", "1d12h",
    "re:(", "re:a+", "T0*", "Apply", "Ä", "\t", "\u2028", "\x85", "\ufeff",
)  # fmt: skip
TEXT = st.one_of(
    st.text(max_size=12),
    st.sampled_from(("Apply", "T0?", "re:^A.*", "re:[", "5d", "90m", "2w", "1d12h", "0h", "")),
)
DURATION = st.one_of(TEXT, st.integers(-5, 10**6), st.floats())
PATTERNS = st.one_of(TEXT, st.lists(TEXT, max_size=3))
ANYTHING = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | TEXT,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(TEXT, inner, max_size=3),
    max_leaves=8,
)
STAGE = st.fixed_dictionaries(
    {"name": TEXT, "activities": PATTERNS},
    optional={"promise": DURATION, "description": TEXT | st.none(), "extra": ANYTHING},
)
JOURNEY = st.fixed_dictionaries(
    {"journey": TEXT, "stages": st.lists(STAGE | ANYTHING, max_size=3)},
    optional={
        "language": st.sampled_from(("en", "fi", "sv", "")),
        "drafted": st.booleans() | TEXT,
        "notes": st.lists(TEXT, max_size=2) | ANYTHING,
        "touchpoints": st.lists(
            st.fixed_dictionaries({"activity": TEXT}, optional={"channel": TEXT}), max_size=2
        ),
        "outcomes": st.dictionaries(st.sampled_from(OUTCOME_KINDS) | TEXT, PATTERNS, max_size=3),
        "ongoing_after": DURATION,
        "repeat_within_days": st.floats() | st.integers() | TEXT,
        "weights": st.dictionaries(
            st.sampled_from(FRICTION_COMPONENTS) | TEXT, st.floats() | TEXT, max_size=3
        ),
        "survey": st.dictionaries(st.sampled_from(SURVEY_KINDS) | TEXT, TEXT, max_size=2),
        "unknown": ANYTHING,
    },
)


def parses_or_refuses(text: str) -> None:
    """The property: a map that reads back the same once written, or AuditInputError."""
    try:
        journey = parse_journey(text, "fuzz.yaml")
    except AuditInputError as error:
        assert str(error).strip()
        return
    assert parse_journey(dump_journey(journey), "written.yaml") == journey


@fuzz_settings(100)
@given(st.text(max_size=300))
@example("journey: x\n\x00")  # PyYAML's ReaderError escaped: the loader was made outside the try
def test_fuzz_journey_random_text(text):
    parses_or_refuses(text)


@fuzz_settings(100)
@given(st.lists(st.sampled_from(FRAGMENTS) | st.text(max_size=4), max_size=40).map("".join))
@example("journey: x\nstages: " + "[" * 3000 + "]" * 3000)  # RecursionError in PyYAML
@example(  # a "billion laughs": ten aliases of ten aliases... took 30 s per million values
    "".join(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]\n" for i in range(1, 9)).replace(
        "*a0", "x"
    )
)
def test_fuzz_journey_yaml_fragments(text):
    parses_or_refuses(text)


@fuzz_settings(100)
@given(JOURNEY, st.booleans())
def test_fuzz_journey_structures(data, flow):
    parses_or_refuses(yaml.safe_dump(data, default_flow_style=flow, allow_unicode=True))


@fuzz_settings(100)
@given(st.sampled_from(SAMPLES).flatmap(lambda path: mutated(path.read_bytes())))
def test_fuzz_journey_mutated_samples(data):
    parses_or_refuses(data.decode("utf-8", errors="replace"))


@fuzz_settings(30)
@given(
    st.binary(max_size=300) | st.sampled_from(SAMPLES).flatmap(lambda p: mutated(p.read_bytes()))
)
def test_fuzz_journey_file_bytes(data):
    with input_file("journey.yaml", data) as path:
        try:
            journey = load_journey(path)
        except AuditInputError as error:
            assert str(error).strip()
            return
    assert parse_journey(dump_journey(journey)) == journey
