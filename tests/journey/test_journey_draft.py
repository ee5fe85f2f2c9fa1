"""Drafting a journey map from a small hand-made log whose right answer was worked out by hand."""

import duckdb
import pytest

from audit.errors import AuditInputError
from audit.journey import compile_journey, draft_journey, dump_journey, parse_journey

from .builders import event_log as _log

# Normalised positions (0 = first event of the case, 1 = last):
#   c1, c2: Apply 0, Check 1/3, Decide 2/3, Approved / Rejected 1
#   c3 (Phone customer and Check at the same time, input order decides):
#           Apply 0, Phone customer 1/4, Check 2/4, Decide 3/4, Approved 1
#   c4 (a single event) does not count for positions.
# Medians: Apply 0, Phone customer 0.25, Check 1/3, Decide 2/3, Approved 1, Rejected 1.
# Natural breaks of [0, .25, .333, .667, 1, 1], whose squared spread is 0.858: two groups
# {0, .25, .333} {.667, 1, 1} leave 0.134 (84% explained); three, {0, .25, .333} {.667}
# {1, 1}, leave 0.060, less than any other cut (e.g. {0} {.25, .333} {.667, 1, 1}: 0.078),
# and explain 93%: the fewest stages that explain 90%.
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
    # no word is shared by most activities of a stage: named after the first and last
    # activity; a stage of one activity after that activity
    assert [stage.name for stage in journey.stages] == [
        "Apply … Check",
        "Decide",
        "Approved … Rejected",
    ]
    assert journey.stages[0].description == (
        "Drafted: 3 activities, typically 0% to 33% of the way through a case. "
        "Named after its first and last activity."
    )
    assert journey.stages[1].description == "Drafted: typically 67% of the way through a case."
    assert journey.stages[2].description == (
        "Drafted: 2 activities, typically 100% of the way through a case. "
        "Named after its first and last activity."
    )


def test_touchpoints_outcomes_and_their_evidence():
    journey = draft_journey(_log(CLAIMS))
    # Apply carries a channel on each of its events (and the channel varies within cases);
    # Phone customer is recognised by its name and has no channel.
    assert [(t.activity, t.channel) for t in journey.touchpoints] == [
        ("Apply", "web"),
        ("Phone customer", None),
    ]
    assert (journey.outcomes.good, journey.outcomes.bad, journey.outcomes.check) == (
        ["Approved"],
        ["Rejected"],
        [],
    )
    assert journey.drafted
    assert journey.language == "en"
    assert journey.journey == "Drafted journey"
    # 3 stages explain 1 - 0.0602/0.8576 = 93% of the spread of the positions (2: 84%);
    # Approved ends c1 and c3, Rejected c2, of the 4 cases
    assert journey.notes == [
        "Drafted from the log: check the stages, touchpoints and outcomes.",
        "3 stages: the natural breaks in where the 6 activities typically occur in a case "
        "explain 93% of the spread of those positions.",
        "'Approved' ends 50% of cases and its name says 'Approved' → good outcome",
        "'Rejected' ends 25% of cases and its name says 'Rejected' → bad outcome",
        "'Apply': 100% of its events carry a channel, most often 'web' → touchpoint",
        "Touchpoints by their names: 'Phone customer' (Phone, customer).",
    ]


def test_the_number_of_stages_can_be_chosen():
    # two groups: {0, .25, .333} {.667, 1, 1} (spread 0.134) beats {0, .25, .333, .667} {1, 1}
    journey = draft_journey(_log(CLAIMS), n_stages=2, name="Claims")
    assert journey.journey == "Claims"
    assert [stage.activities for stage in journey.stages] == [
        ["Apply", "Phone customer", "Check"],
        ["Decide", "Approved", "Rejected"],
    ]
    assert [stage.name for stage in journey.stages] == ["Apply … Check", "Decide … Rejected"]
    assert "2 stages:" in journey.notes[1] and "explain 84%" in journey.notes[1]
    assert len(draft_journey(_log(CLAIMS), n_stages=10).stages) == 6


def test_a_duckdb_relation_drafts_the_same_map():
    table = _log(CLAIMS)
    relation = duckdb.connect().from_arrow(table)
    assert draft_journey(relation) == draft_journey(table)


def test_a_relation_drafts_its_own_events_whatever_else_its_connection_holds():
    con = duckdb.connect()
    con.register("events", _log({"x": [("Other", 0, None), ("Else", 1, None)]}))
    con.register("claims", _log(CLAIMS))
    assert draft_journey(con.table("claims")) == draft_journey(_log(CLAIMS))


def test_a_channel_that_is_a_case_attribute_makes_no_touchpoint():
    cases = {
        "c1": [("Apply", 0, "web"), ("Check", 1, "web"), ("Approved", 2, "web")],
        "c2": [("Apply", 0, "desk"), ("Check", 1, "desk"), ("Approved", 2, "desk")],
    }
    journey = draft_journey(_log(cases))
    assert journey.touchpoints == []
    assert journey.notes[-1].startswith("The channel is the same on every event of a case")


def test_finnish_draft():
    cases = {
        "a1": [("Hakemus saapui", 0, None), ("Soitto asiakkaalle", 1, None)]
        + [("Käsittely", 2, None), ("Hakemus hyväksytty", 3, None)],
        "a2": [("Hakemus saapui", 0, None), ("Käsittely", 1, None)]
        + [("Päätöskirje", 2, None), ("Hakemus hylätty", 3, None)],
    }
    journey = draft_journey(_log(cases), language="fi")
    assert journey.journey == "Luonnosteltu asiakaspolku"
    # "Hakemus" is in half of the log's activities and in both of the last stage's
    assert [stage.name for stage in journey.stages] == [
        "Hakemus saapui",
        "Soitto asiakkaalle … Päätöskirje",
        "Hakemus",
    ]
    assert journey.stages[2].description == (
        "Luonnos: 2 toimintoa, tyypillisesti 100 % tapauksen kulusta. "
        "Nimetty 2 toiminnon yhteisten sanojen mukaan."
    )
    assert [t.activity for t in journey.touchpoints] == ["Soitto asiakkaalle", "Päätöskirje"]
    assert (journey.outcomes.good, journey.outcomes.bad) == (
        ["Hakemus hyväksytty"],
        ["Hakemus hylätty"],
    )
    assert journey.notes[0].startswith("Luonnosteltu lokista")
    assert (
        "'Hakemus hyväksytty' päättää 50 % tapauksista ja sen nimessä on 'hyväksytty' "
        "→ hyvä lopputulos" in journey.notes
    )
    assert (
        "Kohtaamispisteet nimen perusteella: 'Soitto asiakkaalle' (Soitto, asiakkaalle); "
        "'Päätöskirje' (Päätöskirje)." in journey.notes
    )


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
    with pytest.raises(AuditInputError, match="unknown language 'de'"):
        draft_journey(_log(CLAIMS), language="de")
    with pytest.raises(AuditInputError, match="cannot draft 0 stages"):
        draft_journey(_log(CLAIMS), n_stages=0)
