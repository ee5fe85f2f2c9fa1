"""Outcomes proposed from how cases end (audit.journey.endings), on logs made for each rule.

Unless said otherwise the logs come from `hourly`: every wait between events is one hour, so
the 95th percentile of the waits is one hour and a case has settled when its last event is
at least an hour before the end of the log.
"""

import pytest

from audit.journey import compile_journey, draft_journey
from audit.journey.endings import family
from audit.journey.keywords import outcome_guess, outcome_word

from .builders import event_log, hourly


def _outcomes(traces: list[list[str]]) -> tuple[list[str], list[str], list[str]]:
    outcomes = draft_journey(event_log(hourly(traces))).outcomes
    return outcomes.good, outcomes.bad, outcomes.check


@pytest.mark.parametrize(
    ("good", "bad"),
    [
        ("Claim paid", "Claim rejected"),
        ("Hakemus hyväksytty", "Hakemus hylätty"),
        ("Ansökan godkänd", "Ansökan avslagen"),
        ("Aanvraag goedgekeurd", "Aanvraag afgewezen"),
        ("Antrag genehmigt", "Antrag abgelehnt"),
        ("Domanda approvata", "Domanda respinta"),
        ("Solicitud aprobada", "Solicitud rechazada"),
    ],
)
def test_named_outcomes_in_seven_languages(good, bad):
    # each ends half of the cases; "Receive" and "Handle" end none
    traces = [["Receive", "Handle", good], ["Receive", "Handle", bad]]
    assert _outcomes(traces) == ([good], [bad], [])


def test_payment_and_credit_collection_end_a_fines_log():
    # 10 cases: 5 paid, 4 sent for credit collection, 1 (k0) stopped after the penalty.
    # Add penalty occurs in 5 settled cases and ends 1 of them (20% < 25%): a step cases
    # pass through, so that case is a drop-off, not an outcome.
    paid = ["Create Fine", "Send Fine", "Payment"]
    collected = ["Create Fine", "Send Fine", "Add penalty", "Send for Credit Collection"]
    traces = [["Create Fine", "Send Fine", "Add penalty"], *[collected] * 4, *[paid] * 5]
    journey = draft_journey(event_log(hourly(traces)))
    assert journey.outcomes.good == ["Payment"]
    assert journey.outcomes.bad == ["Send for Credit Collection"]
    assert journey.outcomes.check == []
    assert "'Payment' ends 50% of cases and its name says 'Payment' → good outcome" in (
        journey.notes
    )
    assert (
        "'Send for Credit Collection' ends 40% of cases and its name says 'Credit Collection' "
        "→ bad outcome" in journey.notes
    )


def test_a_payment_noun_needs_cases_that_end_there():
    # Approved (position 2/4) and Request Payment (3/4) come late, Payment Handled ends
    # every case; a payment noun alone is not enough without the ending
    traces = [["Submit", "Check", "Approved", "Request Payment", "Payment Handled"]] * 3
    assert _outcomes(traces) == (["Approved", "Payment Handled"], [], [])
    journey = draft_journey(event_log(hourly(traces)))
    assert (
        "'Approved' typically comes 50% of the way through a case and its name says "
        "'Approved' → good outcome" in journey.notes
    )


def test_an_end_activity_whose_name_says_nothing_is_an_outcome_to_check():
    # the last case (k5) is a single event at hour 120 that ends the log; the others settled
    # Hold: in 4 cases, ends 1 (k0): 25% of its cases, 1 of 5 cases (20%) -> to check
    # Done: in 3 cases, ends all 3 -> to check
    traces = [["Open", "Hold"], *[["Open", "Hold", "Done"]] * 3]
    cases = hourly(traces) | {"k9": [("Open", 120, None)]}
    journey = draft_journey(event_log(cases))
    assert (journey.outcomes.good, journey.outcomes.bad) == ([], [])
    assert journey.outcomes.check == ["Hold", "Done"]
    assert "'Hold' ends 20% of all cases and 25% of the cases it occurs in → outcome to check" in (
        journey.notes
    )
    # one case more through Hold: it ends 1 of its 5 cases (20% < 25%) -> a step
    cases = hourly([*traces, ["Open", "Hold", "Done"]]) | {"k9": [("Open", 150, None)]}
    assert draft_journey(event_log(cases)).outcomes.check == ["Done"]


@pytest.mark.parametrize(("done_cases", "proposed"), [(98, True), (99, False)])
def test_an_end_activity_must_end_one_percent_of_all_cases(done_cases, proposed):
    # Hold ends the only case it occurs in; with 1 + 98 + 1 = 100 cases that is 1% of them,
    # with 101 cases 0.99%
    traces = [["Open", "Hold"], *[["Open", "Done"]] * done_cases]
    cases = hourly(traces, gap_hours=3) | {"last": [("Open", 3 * done_cases + 10, None)]}
    check = draft_journey(event_log(cases)).outcomes.check
    assert ("Hold" in check) is proposed
    assert "Done" in check


def test_an_end_activity_that_a_named_outcome_accounts_for_is_left_out():
    # Archive ends every case, but every case was approved before: it adds no ending
    traces = [["Apply", "Approved", "Archive"]] * 4 + [["Apply", "Rejected", "Archive"]]
    assert _outcomes(traces) == (["Approved"], ["Rejected"], [])


def test_recent_endings_may_still_go_on_and_are_no_evidence():
    # 20 settled cases end with Done; 5 cases end with Wait within the last hour of the log
    # (the 95th percentile of the waits): they may be ongoing, so Wait is no ending
    traces = [["Open", "Done"]] * 20
    recent = {f"r{n}": [("Open", 999, None), ("Wait", 1000, None)] for n in range(5)}
    journey = draft_journey(event_log(hourly(traces) | recent))
    assert journey.outcomes.check == ["Done"]
    # the same cases long before the end of the log have settled: Wait ends all 5 of its
    # cases, 20% of all cases
    early = {f"r{n}": [("Open", 0, None), ("Wait", 1, None)] for n in range(5)}
    journey = draft_journey(event_log(hourly(traces) | early | {"end": [("Open", 999, None)]}))
    assert sorted(journey.outcomes.check) == ["Done", "Wait"]


def test_names_like_an_outcome_are_judged_on_their_own_evidence():
    # 146 cases. Release A ends its 140 cases. Release E occurs in 2 settled cases and ends 1
    # (50%); Release F occurs in 3 and ends 1 (33%). Each ends 1 case of 146 (0.7%), too
    # few for an end activity of its own, but E ends most of its cases, like Release A.
    traces = [
        *[["Admit", "Treat", "Release A"]] * 140,
        ["Admit", "Release E"],
        ["Admit", "Release E", "Treat"],
        ["Admit", "Release F"],
        *[["Admit", "Release F", "Treat"]] * 2,
    ]
    cases = hourly(traces, gap_hours=3) | {"last": [("Admit", 1000, None)]}
    journey = draft_journey(event_log(cases))
    assert sorted(journey.outcomes.check) == ["Release A", "Release E"]
    assert (
        "'Release E' is named like the outcome 'Release A' and ends 50% of the 2 cases it "
        "occurs in → outcome to check" in journey.notes
    )


def test_without_any_ending_the_most_frequent_last_activity_is_to_check():
    # each activity is in the five settled cases and ends one of them (20% < 25%); a
    # single Draft at hour 999 ends the log, so Draft is the last event of 2 of 6 cases
    names = ["Draft", "Review", "Sign", "Scan", "File"]
    traces = [names[start:] + names[:start] for start in range(5)]
    journey = draft_journey(event_log(hourly(traces) | {"end": [("Draft", 999, None)]}))
    assert (journey.outcomes.good, journey.outcomes.bad) == ([], [])
    assert journey.outcomes.check == ["Draft"]
    assert journey.notes[2] == (
        "No activity name says how a journey ended and no activity ends enough cases; "
        "'Draft' is the most frequent last activity (33% of cases) → outcome to check"
    )


def test_outcomes_to_check_reach_the_compiled_journey():
    traces = [["Open", "Hold"], *[["Open", "Hold", "Done"]] * 3]
    table = event_log(hourly(traces) | {"k9": [("Open", 120, None)]})
    compiled = compile_journey(draft_journey(table), table.column("activity").to_pylist())
    outcomes = compiled.activities.set_index("activity")["outcome"]
    assert outcomes.dropna().to_dict() == {"Done": "check", "Hold": "check"}


@pytest.mark.parametrize(
    ("activity", "expected"),
    [
        ("Claim paid", "good"),
        ("A_APPROVED", "good"),
        ("Closed", "good"),
        ("Close ticket", "good"),
        ("Resolve ticket", None),
        ("RESOLVED", "good"),
        ("A_DECLINED", "bad"),
        ("Order cancelled", "bad"),
        ("reject request", "bad"),
        ("Claim withdrawn", "bad"),
        ("Send for Credit Collection", "bad"),
        ("Hakemus hyväksytty", "good"),
        ("Tilaus peruttu", "bad"),
        ("Valmistelu", None),
        ("Ärende stängd", "good"),
        ("Ansökan avslagen", "bad"),
        ("Aanvraag goedgekeurd", "good"),
        ("Aanvraag afgewezen", "bad"),
        ("Geannuleerd", "bad"),
        ("Antrag genehmigt", "good"),
        ("Vertrag storniert", "bad"),
        ("Pratica chiusa", "good"),
        ("Domanda respinta", "bad"),
        ("Solicitud aprobada", "good"),
        ("Pedido cancelado", "bad"),
        ("Payment", "good"),
        ("Request For Payment REJECTED by EMPLOYEE", "bad"),
        ("Approved then cancelled", None),
        ("Unapproved", None),
        ("Release A", None),
    ],
)
def test_outcome_words(activity, expected):
    assert outcome_guess(activity) == expected


def test_outcome_word_tells_the_whole_word_and_how_decisive_it_is():
    assert outcome_word("Send for Credit Collection") == ("bad", "Credit Collection", True)
    assert outcome_word("A_APPROVED") == ("good", "APPROVED", True)
    assert outcome_word("Zahlung eingegangen") == ("good", "Zahlung", False)
    assert outcome_word("Assess damage") is None


@pytest.mark.parametrize(
    ("activity", "expected"),
    [
        ("Release A", "release"),
        ("Release E", "release"),
        ("Level 2 support", "level support"),
        ("01_HOOFD_530", "01_hoofd_530"),
        ("A", ""),
    ],
)
def test_families_of_names(activity, expected):
    assert family(activity) == expected
