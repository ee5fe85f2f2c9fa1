"""The report's "Customers who come back" section: totals, causes, where the earlier case
ended, and one customer followed across their cases, in English and Finnish; its story
sentences and timeline rows worked out by hand; absent without customers; pseudonymised."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pytest

from audit.engine.customers import JOURNEY_COLUMNS, customer_journey
from audit.io import read_log
from audit.pipeline import run_audit
from audit.privacy import PrivacyOptions, protect_log
from audit.report import build_report
from audit.report.charts import TIMELINE_CASES, CustomerTimelineWords, customer_timeline_rows
from audit.report.safe import safe_frame
from audit.report.stories import choose_customer, customer_story_sentences
from tests.engine.builders import T0
from tests.engine.test_customer_journey import measured
from tests.engine.test_customers import EVENTS

from .conftest import SAMPLE, SAMPLE_JOURNEY

WORDS = CustomerTimelineWords(
    status={"good": "G", "bad": "B", "check": "C", "dropoff": "D", "ongoing": "O"},
    case="case",
    ending="ending",
    gap="gap",
    while_open="open",
)


def _section(page: str) -> str:
    """The text of the repeat-contacts section, tags and charts removed."""
    start = page.index('data-section="repeat-contacts"')
    section = page[start : page.index("</section>", start)]
    section = re.sub(r"<svg.*?</svg>", "", section, flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", section)).replace("&#39;", "'")


@pytest.fixture(scope="module")
def con():
    """The hand-made log of tests/engine/test_customers.py, measured (30-day window)."""
    return measured(EVENTS)


def test_english_section_on_the_example(sample_result, sample_html):
    """The example's figures (audit.engine.customers on insurance_claims.csv): 1,897
    customers, 2,095 cases, 141 repeat contacts (141 / 2,095 = 7 %) from 134 customers,
    8 labyrinth chains; 137 of the repeat contacts followed a case that ended in Decision
    (137 / 141 = 97 %). (Since the generator's planted ping-pong fix from September, 5 fewer
    customers complain.)"""
    totals = sample_result.measures.customers.totals
    assert (totals["repeat_contacts"], totals["cases_with_customer"]) == (141, 2095)
    text = _section(sample_html)
    assert (
        "1,897 customers had 2,095 cases; 141 of those cases (7%) were repeat contacts, "
        "from 134 customers." in text
    )
    assert "8 customers went through 3 or more cases within 90 days" in text
    assert "names no customer" not in text  # every case of the example has one
    first = sample_result.repeat_causes.iloc[0]
    assert first["value"] == "bad" and bool(first["significant"])
    assert f"{first['evidence_en']}." in text
    assert "could be chance" not in text  # the three told are all beyond chance
    assert "Decision 137 97%" in text
    assert "One customer across their cases: CUST-000053" in text
    assert "the customer came back with case CMP-000053" in text
    assert '<figure data-chart="customer-timeline">' in sample_html


def test_finnish_section_on_the_example(sample_result):
    text = _section(build_report(sample_result, language="fi", stories=0))
    assert "Asiakkaat, jotka palaavat" in text
    assert (
        "1 897 asiakkaalla oli 2 095 tapausta; niistä 141 (7 %) oli uusintayhteydenottoja" in text
    )
    assert sample_result.repeat_causes.iloc[0]["evidence_fi"] in text
    assert "Decision 137 97 %" in text
    assert "Yksi asiakas tapauksesta toiseen: CUST-000053" in text
    assert "asiakas palasi tapauksella CMP-000053" in text


def test_the_method_defines_a_repeat_contact_only_with_customers(sample_html, hostile):
    assert "Repeat contact: a customer's case that starts within 30 days" in sample_html.replace(
        "&#39;", "'"
    )
    _, page, _ = hostile
    assert "Repeat contact:" not in page


def test_no_section_without_customers(hostile):
    result, page, _ = hostile
    assert result.measures.customers is None
    assert 'data-section="repeat-contacts"' not in page


def test_the_story_names_pseudonyms_only():
    log, _ = protect_log(read_log(SAMPLE), PrivacyOptions(key=b"k" * 32))
    result = run_audit(log, journey=SAMPLE_JOURNEY)
    customer = choose_customer(result)
    assert customer is not None and not customer.startswith("CUST-")
    text = _section(build_report(result, stories=0))
    assert f"One customer across their cases: {customer}" in text
    assert "CUST-" not in text and "CLM-" not in text and "CMP-" not in text


def test_story_of_a_customer_who_came_back_and_came_again_too_late(con):
    """P1: a (h 0-48, Reject: bad), b 720 h = 30.0 days after a (on the boundary: a repeat
    contact), c 721 h after b ended (beyond the window); c ends at h 1530 = 4 March 18:00."""
    sentences = customer_story_sentences(customer_journey(con, "P1"), 30, "en")
    assert sentences == [
        "This customer had 3 cases from 2024-01-01 to 2024-03-04; one of them was a repeat "
        "contact.",
        "30.0 days after case a ended badly (Reject), the customer came back with case b.",
        "30.0 days after case b ended well (Grant), the customer started case c, beyond the "
        "30-day window.",
        "The last case, c, ended well (Grant).",
    ]


def test_story_of_cases_started_while_an_earlier_one_was_open(con):
    """P2: d runs h 0-2000 (to 24 March 08:00); e and f start while it is open and stop at
    Apply without an outcome."""
    sentences = customer_story_sentences(customer_journey(con, "P2"), 30, "fi")
    assert sentences == [
        "Tällä asiakkaalla oli 3 tapausta 2024-01-01–2024-03-24; "
        "niistä 2 oli uusintayhteydenottoja.",
        "Tapauksen d ollessa vielä auki asiakas aloitti tapauksen e.",
        "Tapauksen d ollessa vielä auki asiakas aloitti tapauksen f.",
        "Viimeinen tapaus f pysähtyi vaiheeseen Apply ilman lopputulosta.",
    ]


def _journey(rows: list[dict]) -> pd.DataFrame:
    """A customer journey written out by hand (JOURNEY_COLUMNS)."""
    frame = pd.DataFrame(rows)
    return frame.reindex(columns=list(JOURNEY_COLUMNS))


FRICTION_JOURNEY = _journey(
    [
        {
            "case_id": "X1",
            "customer_order": 1,
            "first_event": T0,
            "last_event": T0 + pd.Timedelta(days=10),
            "status": "bad",
            "last_stage": "Decide",
            "ending_activity": "Reject",
            "pingpongs": 2,
            "rework": 0,
            "promises_broken": 1,
            "is_repeat_contact": False,
            "gap_hours": float("nan"),
        },
        {
            "case_id": "X2",
            "customer_order": 2,
            "first_event": T0 + pd.Timedelta(days=14),
            "last_event": T0 + pd.Timedelta(days=20),
            "status": "ongoing",
            "last_stage": "Apply",
            "ending_activity": "Apply",
            "pingpongs": 0,
            "rework": 0,
            "promises_broken": 0,
            "is_repeat_contact": True,
            "earlier_case": "X1",
            "gap_hours": 96.0,
        },
    ]
)
"""X1 bounced twice and broke a promise before it was rejected; X2 came 4 days later."""


def test_the_story_names_what_the_case_the_customer_came_back_from_met():
    assert customer_story_sentences(FRICTION_JOURNEY, 30, "en")[1:] == [
        "4.0 days after case X1 ended badly (Reject), the customer came back with case X2.",
        "On its way, case X1 met ping-pong ×2, broken promise ×1.",
        "The last case, X2, was last worked on (it is still open).",
    ]


def test_timeline_rows_lanes_gaps_and_labels(con):
    """P1: b's gap runs from a's end (h 48) to b's start (h 768); P2: e and f began while d
    was open, so their gap lines have no length and read "open"."""
    p1 = customer_timeline_rows(customer_journey(con, "P1"), WORDS, "en")
    assert p1["lane"].tolist() == ["1 · a", "2 · b", "3 · c"]
    assert p1["status"].tolist() == ["B", "G", "G"]
    assert pd.isna(p1.loc[0, "gap_label"])
    assert p1["gap_label"].tolist()[1:] == ["30.0 days", "30.0 days"]
    assert p1["repeat_contact"].tolist() == [False, True, False]
    assert p1.loc[1, "gap_start"] == T0 + pd.Timedelta(hours=48)
    assert p1.loc[1, "gap_end"] == T0 + pd.Timedelta(hours=768)
    assert p1.loc[1, "gap_middle"] == T0 + pd.Timedelta(hours=408)
    assert pd.isna(p1.loc[0, "gap_start"])
    p2 = customer_timeline_rows(customer_journey(con, "P2"), WORDS, "en")
    assert p2["gap_label"].tolist()[1:] == ["open", "open"]
    assert (p2.loc[1:, "gap_start"] == p2.loc[1:, "gap_end"]).all()


def test_a_case_too_short_to_see_is_widened():
    """X1 and X2 span 20 days: a bar is at least 20 days / 200 = 2.4 h long."""
    instant = FRICTION_JOURNEY.assign(last_event=FRICTION_JOURNEY["first_event"])
    instant.loc[1, "last_event"] = T0 + pd.Timedelta(days=20)
    rows = customer_timeline_rows(instant, WORDS, "en")
    assert rows.loc[0, "end"] - rows.loc[0, "start"] == pd.Timedelta(hours=2.4)


def test_the_chains_csv_lists_each_customers_cases_in_one_safe_cell():
    chains = pd.DataFrame(
        {
            "customer": ["P1"],
            "cases": [3],
            "case_ids": [np.array(["=cmd", "b", "c"], dtype=object)],
            "statuses": [["bad", "good", "good"]],
        }
    )
    cells = safe_frame(chains).iloc[0].tolist()
    assert cells == ["P1", 3, "'=cmd; b; c", "bad; good; good"]


def _chain(count: int) -> pd.DataFrame:
    """``count`` cases of one customer, each lasting a day and starting a day after the one
    before ended (day 0-1, 2-3, ...): every later case is a repeat contact 24 h later."""
    return _journey(
        [
            {
                "case_id": f"K{n}",
                "customer_order": n,
                "first_event": T0 + pd.Timedelta(days=2 * (n - 1)),
                "last_event": T0 + pd.Timedelta(days=2 * (n - 1) + 1),
                "status": "good",
                "ending_activity": "Grant",
                "pingpongs": 0,
                "rework": 0,
                "promises_broken": 0,
                "is_repeat_contact": n > 1,
                "earlier_case": f"K{n - 1}" if n > 1 else None,
                "gap_hours": 24.0 if n > 1 else float("nan"),
            }
            for n in range(1, count + 1)
        ]
    )


def test_a_long_story_tells_six_later_cases_and_counts_the_rest():
    """Nine cases: K2..K7 are told one by one, K8 and K9 counted, K9 ends the story."""
    sentences = customer_story_sentences(_chain(9), 30, "en")
    assert len(sentences) == 1 + 6 + 1 + 1
    assert (
        sentences[1]
        == "24.0 h after case K1 ended well (Grant), the customer came back with case K2."
    )
    assert sentences[6].endswith("came back with case K7.")
    assert sentences[7] == "2 more cases followed, 2 of them repeat contacts."
    assert sentences[8] == "The last case, K9, ended well (Grant)."


def test_the_timeline_draws_the_first_cases_only():
    rows = customer_timeline_rows(_chain(TIMELINE_CASES + 3), WORDS, "en")
    assert rows["case_id"].tolist() == [f"K{n}" for n in range(1, TIMELINE_CASES + 1)]


def test_a_ticket_customer_with_hundreds_of_cases_reads_in_a_few_sentences():
    """The shipped help-desk log: its worst customer ("Value 22") has 250 tickets, 249 of
    them repeat contacts; the story tells six, counts 243 more, and draws the first 12."""
    result = run_audit(
        SAMPLE.with_name("helpdesk.xes.gz"), journey=SAMPLE.with_name("helpdesk.journey.yaml")
    )
    text = _section(build_report(result, stories=0))
    assert "One customer across their cases: Value 22" in text
    assert "This customer had 250 cases" in text
    assert "243 more cases followed, 243 of them repeat contacts." in text
    assert "The first 12 of the customer's 250 cases are drawn." in text
