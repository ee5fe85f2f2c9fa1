"""Drafting a journey map from a small hand-made log whose right answer was worked out by hand."""

from datetime import datetime, timedelta

import duckdb
import pyarrow as pa
import pytest

from audit.errors import AuditInputError
from audit.journey import compile_journey, draft_journey, dump_journey, parse_journey
from audit.journey.grouping import default_stage_count, natural_breaks
from audit.journey.keywords import looks_like_touchpoint, outcome_guess

START = datetime(2024, 3, 1, 9, 0)


def _log(cases: dict[str, list[tuple]]) -> pa.Table:
    """A canonical table from case -> [(activity, hours after START, channel)], in input
    order; equal hours make a timestamp tie that the input order breaks."""
    rows = [
        (case, activity, START + timedelta(hours=hours), channel)
        for case, events in cases.items()
        for activity, hours, channel in events
    ]
    return pa.table(
        {
            "case_id": [row[0] for row in rows],
            "activity": [row[1] for row in rows],
            "timestamp": pa.array([row[2] for row in rows], pa.timestamp("us")),
            "channel": pa.array([row[3] for row in rows], pa.string()),
            "event_index": pa.array(range(len(rows)), pa.int64()),
        }
    )


# Normalised positions (0 = first event of the case, 1 = last):
#   c1, c2: Apply 0, Check 1/3, Decide 2/3, Approved / Rejected 1
#   c3 (Phone customer and Check at the same time, input order decides):
#           Apply 0, Phone customer 1/4, Check 2/4, Decide 3/4, Approved 1
#   c4 (a single event) does not count for positions.
# Medians: Apply 0, Phone customer 0.25, Check 1/3, Decide 2/3, Approved 1, Rejected 1.
# Three stages (6 activities -> sqrt 2.4 -> at least 3). Natural breaks of
# [0, .25, .333, .667, 1, 1]: {0, .25, .333} {.667} {1, 1} has squared spread 0.060,
# less than any other cut (e.g. {0} {.25, .333} {.667, 1, 1}: 0.078).
CLAIMS = {
    "c1": [("Apply", 0, "web"), ("Check", 2, None), ("Decide", 5, None), ("Approved", 6, None)],
    "c2": [("Apply", 1, "web"), ("Check", 3, None), ("Decide", 4, None), ("Rejected", 9, None)],
    "c3": [
        ("Apply", 0, "web"),
        ("Phone customer", 7, None),
        ("Check", 7, None),
        ("Decide", 8, None),
        ("Approved", 9, None),
    ],
    "c4": [("Decide", 1, None)],
}


def test_stage_order_and_grouping_follow_typical_positions():
    journey = draft_journey(_log(CLAIMS))
    assert [stage.activities for stage in journey.stages] == [
        ["Apply", "Phone customer", "Check"],
        ["Decide"],
        ["Approved", "Rejected"],
    ]
    # named after the group's most frequent activity (Apply and Check tie at 3: by name)
    assert [stage.name for stage in journey.stages] == [
        "Stage 1: Apply",
        "Stage 2: Decide",
        "Stage 3: Approved",
    ]
    assert journey.stages[0].description == (
        "Drafted: 3 activities, typically 0% to 33% of the way through a case."
    )
    assert journey.stages[2].description == (
        "Drafted: 2 activities, typically 100% of the way through a case."
    )


def test_touchpoints_outcomes_and_draft_marks():
    journey = draft_journey(_log(CLAIMS))
    # Apply carries a channel on each of its events (and the channel varies within cases);
    # Phone customer is recognised by its name and has no channel.
    assert [(t.activity, t.channel) for t in journey.touchpoints] == [
        ("Apply", "web"),
        ("Phone customer", None),
    ]
    assert journey.outcomes.good == ["Approved"]
    assert journey.outcomes.bad == ["Rejected"]
    assert journey.drafted
    assert journey.language == "en"
    assert journey.journey == "Drafted journey"
    assert journey.notes == ["Drafted from the log: check the stages, touchpoints and outcomes."]


def test_the_number_of_stages_can_be_chosen():
    # two groups: {0, .25, .333} {.667, 1, 1} (spread 0.134) beats {0, .25, .333, .667} {1, 1}
    journey = draft_journey(_log(CLAIMS), n_stages=2, name="Claims")
    assert journey.journey == "Claims"
    assert [stage.activities for stage in journey.stages] == [
        ["Apply", "Phone customer", "Check"],
        ["Decide", "Approved", "Rejected"],
    ]
    assert len(draft_journey(_log(CLAIMS), n_stages=10).stages) == 6


def test_a_duckdb_relation_drafts_the_same_map():
    table = _log(CLAIMS)
    relation = duckdb.connect().from_arrow(table)
    assert draft_journey(relation) == draft_journey(table)


def test_a_channel_that_is_a_case_attribute_makes_no_touchpoint():
    cases = {
        "c1": [("Apply", 0, "web"), ("Check", 1, "web"), ("Approved", 2, "web")],
        "c2": [("Apply", 0, "desk"), ("Check", 1, "desk"), ("Approved", 2, "desk")],
    }
    assert draft_journey(_log(cases)).touchpoints == []


def test_without_outcome_words_the_most_frequent_last_activity_is_good():
    cases = {
        "c1": [("Open", 0, None), ("Work", 1, None), ("Archive", 2, None)],
        "c2": [("Open", 0, None), ("Work", 1, None), ("Archive", 2, None)],
        "c3": [("Open", 0, None), ("Archive", 1, None), ("Work", 2, None)],
    }
    journey = draft_journey(_log(cases))
    assert journey.outcomes.good == ["Archive"]
    assert journey.outcomes.bad == []
    assert journey.notes[1] == (
        "No activity name tells how a journey ended, so the most frequent last activity, "
        "'Archive', is taken as the good outcome."
    )


def test_finnish_draft():
    cases = {
        "a1": [("Hakemus saapui", 0, None), ("Soitto asiakkaalle", 1, None)]
        + [("Käsittely", 2, None), ("Hakemus hyväksytty", 3, None)],
        "a2": [("Hakemus saapui", 0, None), ("Käsittely", 1, None)]
        + [("Päätöskirje", 2, None), ("Hakemus hylätty", 3, None)],
    }
    journey = draft_journey(_log(cases), language="fi")
    assert journey.journey == "Luonnosteltu asiakaspolku"
    assert journey.stages[0].name == "Vaihe 1: Hakemus saapui"
    assert [t.activity for t in journey.touchpoints] == ["Soitto asiakkaalle", "Päätöskirje"]
    assert (journey.outcomes.good, journey.outcomes.bad) == (
        ["Hakemus hyväksytty"],
        ["Hakemus hylätty"],
    )
    assert journey.notes[0].startswith("Luonnosteltu lokista")


def test_a_draft_reads_back_and_maps_every_activity():
    table = _log(CLAIMS)
    journey = draft_journey(table)
    again = parse_journey(dump_journey(journey))
    assert again == journey
    compiled = compile_journey(again, table.column("activity").to_pylist())
    assert compiled.unmapped == []
    assert compiled.warnings == []
    assert compiled.drafted


def test_bad_draft_requests():
    with pytest.raises(AuditInputError, match="no events"):
        draft_journey(_log({}))
    with pytest.raises(AuditInputError, match="lacks the column.*event_index"):
        draft_journey(_log(CLAIMS).drop_columns(["event_index"]))
    with pytest.raises(AuditInputError, match="unknown language 'sv'"):
        draft_journey(_log(CLAIMS), language="sv")
    with pytest.raises(AuditInputError, match="cannot draft 0 stages"):
        draft_journey(_log(CLAIMS), n_stages=0)


@pytest.mark.parametrize(
    ("activity", "expected"),
    [
        ("Call customer", True),
        ("O_SENT", True),
        ("A_SUBMITTED", True),
        ("Send reminder letter", True),
        ("Represent the present state", False),
        ("W_Nabellen offertes", True),
        ("Klant gebeld", True),
        ("Brief verzonden", True),
        ("Takaisinsoitto", True),
        ("Ilmoitus asiakkaalle", True),
        ("Tekstiviesti", True),
        ("Assess damage", False),
        ("W_Valideren aanvraag", False),
    ],
)
def test_touchpoint_words(activity, expected):
    assert looks_like_touchpoint(activity) is expected


@pytest.mark.parametrize(
    ("activity", "expected"),
    [
        ("Claim paid", "good"),
        ("A_APPROVED", "good"),
        ("Closed", "good"),
        ("Resolve ticket", None),
        ("A_DECLINED", "bad"),
        ("Order cancelled", "bad"),
        ("Hakemus hyväksytty", "good"),
        ("Tilaus peruttu", "bad"),
        ("Aanvraag goedgekeurd", "good"),
        ("Aanvraag afgewezen", "bad"),
        ("Geannuleerd", "bad"),
        ("Approved then cancelled", None),
        ("Unapproved", None),
    ],
)
def test_outcome_words(activity, expected):
    assert outcome_guess(activity) == expected


def test_natural_breaks_and_stage_count():
    assert natural_breaks([0.0, 0.1, 0.5, 0.55, 0.9, 1.0], 3) == [0, 2, 4]
    assert natural_breaks([0.0, 1.0], 5) == [0, 1]
    assert natural_breaks([0.3], 1) == [0]
    assert [default_stage_count(n) for n in (1, 2, 6, 14, 24, 400)] == [1, 2, 3, 4, 5, 7]
