"""Reading, validating and writing journey maps (docs/journey-format.md)."""

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from audit.errors import AuditInputError
from audit.journey import JourneyMap, Stage, dump_journey, load_journey, parse_journey

EXAMPLE = """\
journey: Motor insurance claim        # name
language: en                          # en or fi
stages:                               # in journey order
  - name: Report claim
    description: The customer reports the damage.
    promise: 24h
    activities:
      - Claim received
      - "Register *"
  - name: Assess
    promise: 1d12h
    activities: ["re:Assess (damage|car)", Request documents]
touchpoints:
  - activity: Claim received
    channel: web
  - activity: Request documents
outcomes:
  good: [Claim paid]
  bad: ["Claim rejected", "Claim withdrawn"]
ongoing_after: 30d
weights:
  wait: 1.0
  pingpong: 2
survey:
  nps: nps_score
  csat: csat
"""

MINIMAL = "journey: J\nstages:\n  - name: A\n    activities: [a]\n"


def test_example_is_read_in_full():
    journey = parse_journey(EXAMPLE, "claim.yaml")
    assert journey.journey == "Motor insurance claim"
    assert journey.source == "claim.yaml"
    assert [stage.name for stage in journey.stages] == ["Report claim", "Assess"]
    assert journey.stages[0].description == "The customer reports the damage."
    assert journey.stages[0].activities == ["Claim received", "Register *"]
    assert [stage.promise_hours for stage in journey.stages] == [24.0, 36.0]
    assert [(t.activity, t.channel) for t in journey.touchpoints] == [
        ("Claim received", "web"),
        ("Request documents", None),
    ]
    assert journey.outcomes.good == ["Claim paid"]
    assert journey.outcomes.bad == ["Claim rejected", "Claim withdrawn"]
    assert journey.ongoing_after_hours == 720.0
    assert journey.weights == {"wait": 1.0, "pingpong": 2.0}
    assert journey.survey.columns() == {"nps": "nps_score", "csat": "csat"}
    assert not journey.drafted


def test_optional_parts_have_defaults():
    journey = parse_journey(MINIMAL)
    assert journey.language == "en"
    assert journey.touchpoints == []
    assert journey.outcomes.good == journey.outcomes.bad == []
    assert journey.ongoing_after_hours is None
    assert journey.stages[0].promise_hours is None
    assert journey.weights == {}
    assert journey.survey.columns() == {}


def test_a_single_outcome_may_be_written_without_a_list():
    journey = parse_journey(MINIMAL + "outcomes:\n  good: Claim paid\n")
    assert journey.outcomes.good == ["Claim paid"]


def test_outcomes_to_check_are_a_third_list():
    journey = parse_journey(MINIMAL + "outcomes:\n  good: [a]\n  check: [Release *]\n")
    assert journey.outcomes.check == ["Release *"]
    text = dump_journey(journey)
    assert "  check:\n    - Release *\n" in text
    assert parse_journey(text) == journey
    # a map without them writes no check list, as before
    assert "check" not in dump_journey(parse_journey(EXAMPLE))


def _error(text: str) -> str:
    with pytest.raises(AuditInputError) as caught:
        parse_journey(text, "map.yaml")
    return str(caught.value)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "journey: J\nstages:\n  - name: A\n    promis: 24h\n    activities: [a]\n",
            ["map.yaml: line 4", "stages > #1 'A' > promis", "unknown key 'promis'", "'promise'"],
        ),
        ("journey: J\ncolour: red\n" + MINIMAL[11:], ["line 2", "unknown key 'colour'"]),
        ("journey: J\nstages: []\n", ["line 2", "the journey has no stages"]),
        ("journey: J\nstages:\n  - name: A\n    activities: []\n", ["line 4", "no activities"]),
        (
            "journey: J\nstages:\n  - name: A\n    activities: [a]\n"
            "  - name: ' a '\n    activities: [b]\n",
            ["line 5", "stage name ' a ' is used twice (stages 1 and 2)", "own name"],
        ),
        (
            "journey: J\nstages:\n  - name: A\n    promise: 3x\n    activities: [a]\n",
            ["line 4", "'3x' is not a duration", "24h"],
        ),
        (
            "journey: J\nstages:\n  - name: A\n    promise: 24\n    activities: [a]\n",
            ["line 4", "'24' is not a duration"],
        ),
        (
            MINIMAL + "ongoing_after: soon\n",
            ["line 5", "ongoing_after", "'soon' is not a duration"],
        ),
        (
            MINIMAL + "weights:\n  wait: 1\n  handof: 2\n",
            ["line 7", "unknown friction weight 'handof'", "handoffs"],
        ),
        (MINIMAL + "weights:\n  wait: -1\n", ["line 6", "-1 is not a usable weight"]),
        (MINIMAL + "weights:\n  wait: lots\n", ["line 6", "'lots' is not a usable weight"]),
        (
            "journey: J\nstages:\n  - name: A\n    activities:\n      - b\n      - 're:(a'\n",
            ["line 6", "activities > #2", "not a valid regular expression"],
        ),
        ("journey: J\nstages:\n  - name: A\n    activities: ['re:']\n", ["no regular expression"]),
        ("journey: J\nstages:\n  - name: A\n    activities: ['  ']\n", ["activity name is empty"]),
        (
            MINIMAL + "outcomes:\n  good: [Claim paid, 42]\n",
            ["line 6", "good > #2", "42 is not text"],
        ),
        (
            MINIMAL + "outcomes:\n  good: [a]\n  bad: [b, a]\n",
            ["line 7", "bad > #2", "both a good and a bad outcome"],
        ),
        (
            MINIMAL + "outcomes:\n  good: [a]\n  check: [b, a]\n",
            ["line 7", "check > #2", "'a' is listed as both a good and a check outcome"],
        ),
        (MINIMAL + "touchpoints:\n  - activity: yes\n", ["line 6", "True is not text", "quotes"]),
        (MINIMAL + "touchpoints:\n  - Call\n", ["line 6", "touchpoints > #1", "activity, channel"]),
        (MINIMAL + "touchpoints:\n  - channel: web\n", ["line 6", "'activity' is missing"]),
        (MINIMAL + "language: de\n", ["line 5", "'de' is not allowed", "'en', 'fi' or 'sv'"]),
        (MINIMAL + "survey:\n  promoter: x\n", ["line 6", "unknown key 'promoter'", "nps"]),
        ("stages:\n  - name: A\n    activities: [a]\n", ["top level", "'journey' is missing"]),
        (MINIMAL + "drafted: maybe\n", ["line 5", "'maybe' is not true or false"]),
        ("journey: J\nstages:\n  - name: A\n    activities: [a\n", ["line 5", "not valid YAML"]),
        (MINIMAL + "outcomes:\n  good:\n    - * paid\n", ["line 7", "not valid YAML", "quotes"]),
        (MINIMAL + "journey: K\n", ["line 5", "'journey' appears twice (first on line 1)"]),
        ("- a\n- b\n", ["must be a group of 'key: value' lines (found list)"]),
        ("# nothing yet\n", ["the journey map is empty"]),
        (MINIMAL + "stages: x\n", ["line 5", "'stages' appears twice"]),
    ],
)
def test_validation_errors_name_file_line_key_and_remedy(text, expected):
    message = _error(text)
    assert message.startswith("map.yaml: ")
    assert "What to do:" in message
    for part in expected:
        assert part in message


def test_every_problem_is_told_at_once():
    text = "journey: J\nstages:\n  - name: A\n    promise: 2y\n    activities: [a]\n  - nme: B\n"
    message = _error(text)
    assert "4 problems in the journey map" in message
    assert "line 4, stages > #1 'A' > promise: '2y' is not a duration" in message
    assert "line 6, stages > #2: the key 'name' is missing" in message
    assert "line 6, stages > #2: the key 'activities' is missing" in message
    assert "line 6, stages > #2 > nme: unknown key 'nme'" in message


def test_unsafe_yaml_tags_are_refused():
    message = _error("journey: !!python/object/apply:os.system ['true']\nstages: []\n")
    assert "not valid YAML" in message


def test_load_journey_reads_a_file_and_names_it(tmp_path: Path):
    path = tmp_path / "claim.yaml"
    path.write_text("\ufeff" + EXAMPLE, encoding="utf-8")
    journey = load_journey(path)
    assert journey.source == str(path)
    assert journey == parse_journey(EXAMPLE)
    path.write_text(MINIMAL + "language: se\n", encoding="utf-8")
    with pytest.raises(AuditInputError, match=rf"^{path}: line 5, language"):
        load_journey(path)


def test_load_journey_missing_or_binary_file(tmp_path: Path):
    with pytest.raises(AuditInputError, match="file not found"):
        load_journey(tmp_path / "nope.yaml")
    binary = tmp_path / "map.yaml"
    binary.write_bytes(b"journey: \xff\xfe\n")
    with pytest.raises(AuditInputError, match="not UTF-8"):
        load_journey(binary)


def test_dump_is_human_friendly_and_reads_back():
    journey = parse_journey(EXAMPLE)
    text = dump_journey(journey)
    assert parse_journey(text) == journey
    assert dump_journey(parse_journey(text)) == text
    assert "  - name: Report claim\n    description: The customer reports the damage.\n" in text
    assert "      - Register *\n" in text
    assert "\n\nstages:\n" in text and "\n\noutcomes:\n" in text
    assert "drafted" not in text and "description: null" not in text
    assert text.index("Report claim") < text.index("Assess")


def test_dump_keeps_finnish_letters_and_quotes_what_yaml_would_misread():
    journey = JourneyMap(
        journey="Päätös",
        language="fi",
        stages=[Stage(name="yes", activities=["123", "* maksettu", "a: b", "#1"])],
    )
    text = dump_journey(journey)
    assert "journey: Päätös" in text
    assert parse_journey(text) == journey


_text = st.text(min_size=1, max_size=12).filter(lambda s: s.strip() and not s.startswith("re:"))


@settings(max_examples=50, deadline=None)
@given(
    names=st.lists(_text, min_size=1, max_size=4, unique_by=lambda s: s.strip().casefold()),
    activities=st.lists(_text, min_size=1, max_size=3),
)
def test_any_names_survive_a_round_trip(names, activities):
    journey = JourneyMap(
        journey=names[0], stages=[Stage(name=name, activities=activities) for name in names]
    )
    assert parse_journey(dump_journey(journey)) == journey
