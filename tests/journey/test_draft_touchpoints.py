"""Drafted touchpoints: by words in activity names (several languages) and by a channel."""

import pytest

from audit.journey import draft_journey
from audit.journey.keywords import looks_like_touchpoint, touchpoint_words

from .builders import event_log, hourly


@pytest.mark.parametrize(
    ("activity", "expected"),
    [
        ("Call customer", True),
        ("O_SENT", True),
        ("A_SUBMITTED", True),
        ("Send reminder letter", True),
        ("Mail to Customer", True),
        ("Wait - User", True),
        ("Notify Result Appeal to Offender", True),
        ("Insert Fine Notification", True),
        ("Payment", True),
        ("Contact the applicant", True),
        ("Citizen visits the office", True),
        ("W_Nabellen offertes", True),
        ("Klant gebeld", True),
        ("Brief verzonden", True),
        ("Takaisinsoitto", True),
        ("Ilmoitus asiakkaalle", True),
        ("Tekstiviesti", True),
        ("Ring kunden", True),
        ("Kundenanruf", True),
        ("Invio lettera al cliente", True),
        ("Llamada al cliente", True),
        ("Represent the present state", False),
        ("Assess damage", False),
        ("W_Valideren aanvraag", False),
        ("T04 Determine confirmation of receipt", False),
        ("creating environmental permit decision", False),
        ("advies deskundige", False),
        ("Check request", False),
    ],
)
def test_touchpoint_words(activity, expected):
    assert looks_like_touchpoint(activity) is expected


def test_touchpoint_words_are_the_whole_words_as_written():
    assert touchpoint_words("Mail to Customer") == ["Mail", "Customer"]
    assert touchpoint_words("W_Nabellen offertes") == ["Nabellen"]
    assert touchpoint_words("Ilmoitus asiakkaalle") == ["Ilmoitus", "asiakkaalle"]


def test_a_word_in_most_activity_names_marks_no_touchpoint():
    # "Payment" is in 4 of the 5 names: it names the process; "SUBMITTED" is a contact
    names = [
        "Request For Payment SUBMITTED by EMPLOYEE",
        "Request For Payment APPROVED by SUPERVISOR",
        "Request Payment",
        "Payment Handled",
        "Archive",
    ]
    journey = draft_journey(event_log(hourly([names, names])))
    assert [point.activity for point in journey.touchpoints] == [names[0]]
    assert (
        "Touchpoints by their names: 'Request For Payment SUBMITTED by EMPLOYEE' (SUBMITTED)."
        in journey.notes
    )
    assert (
        "The words 'payment' are in most activity names, so they mark no touchpoint."
        in journey.notes
    )


def test_a_channel_on_single_events_makes_a_touchpoint():
    # the channel varies within cases: it tells which events were contacts. Answer carries
    # one on 2 of its 3 events (67% >= 50%), phone on both; Check on none.
    cases = {
        "c1": [("Ask", 0, "web"), ("Check", 1, None), ("Answer", 2, "phone")],
        "c2": [("Ask", 0, "web"), ("Check", 1, None), ("Answer", 2, "phone")],
        "c3": [("Ask", 0, "e-mail"), ("Check", 1, None), ("Answer", 2, None)],
    }
    journey = draft_journey(event_log(cases))
    assert [(point.activity, point.channel) for point in journey.touchpoints] == [
        ("Ask", "web"),
        ("Answer", "phone"),
    ]
    assert "'Answer': 67% of its events carry a channel, most often 'phone' → touchpoint" in (
        journey.notes
    )
    finnish = draft_journey(event_log(cases), language="fi")
    assert (
        "'Answer': 67 % sen tapahtumista on kanava, useimmiten 'phone' → kohtaamispiste"
        in finnish.notes
    )


def test_a_channel_on_under_half_of_the_events_makes_no_touchpoint():
    cases = {
        "c1": [("Ask", 0, "web"), ("Answer", 2, None)],
        "c2": [("Ask", 0, None), ("Answer", 2, None)],
        "c3": [("Ask", 0, None), ("Answer", 2, None)],
    }
    assert draft_journey(event_log(cases)).touchpoints == []
