"""Customers who come back, in the app under Streamlit's AppTest: the Friction map's section
on the built-in example (English and Finnish), its absence without customers, and one
customer followed across their cases on the Customer's eye page.

The example's figures (audit.engine.customers on insurance_claims.csv): 1,897 customers,
2,095 cases, 141 repeat contacts (7 %) from 134 customers, 8 labyrinth chains, no case
without a customer; 137 repeat contacts followed a case that ended in Decision. (Since the
generator's planted ping-pong fix from September, 5 fewer customers complain.) Its worst
customer, CUST-000053, rejected after ping-pong, opened a second claim while the first was
open and complained 5.1 days after the rejection.
"""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from tests.ui.test_app import TINY_LOG, started

CUSTOMER_PAGE = "audit/ui/pages/customer.py"


def _metrics(at: AppTest) -> dict[str, str]:
    return {metric.label: metric.value for metric in at.metric}


def _downloads(at: AppTest) -> set[str]:
    return {button.key for button in at.get("download_button")}


def _follow_one_customer(at: AppTest, label: str = "Follow", choice: str = "customer") -> None:
    next(s for s in at.main.segmented_control if s.label == label).set_value(choice).run()


def test_the_friction_map_shows_customers_who_come_back():
    at = started()
    assert not at.exception
    assert "Customers who come back" in [s.value for s in at.subheader]
    metrics = _metrics(at)
    assert metrics["Customers"] == "1,897"
    assert metrics["Repeat contacts"] == "141 (7%)"
    assert metrics["Came back"] == "134"
    assert metrics["Labyrinth chains"] == "8"
    assert metrics["No customer"] == "0"
    told = [m.value for m in at.markdown if "came back within 30 days" in m.value]
    assert len(told) == 3
    assert told[0].startswith(
        "28% of customers whose case ended badly came back within 30 days, against 4% of the rest"
    )
    assert all(sentence.endswith("*beyond chance*") for sentence in told)
    assert not any("chance would explain" in i.value for i in at.info)
    by_stage = next(d.value for d in at.dataframe if "repeat_contacts" in d.value.columns)
    assert by_stage.iloc[0].tolist() == ["Decision", 137]
    assert {
        "csv-repeat_contact_causes",
        "csv-repeat_contacts_by_stage",
        "csv-labyrinth_chains",
    } <= _downloads(at)


def test_the_section_speaks_finnish():
    at = started()
    at.sidebar.segmented_control[0].set_value("fi").run()
    assert "Asiakkaat, jotka palaavat" in [s.value for s in at.subheader]
    metrics = _metrics(at)
    assert metrics["Uusintayhteydenotot"] == "141 (7 %)"
    assert metrics["Labyrinttiketjuja"] == "8"
    assert any(
        m.value.startswith("28 % asiakkaista, joiden tapaus päättyi huonosti") for m in at.markdown
    )


def test_without_customers_only_a_line_says_how_to_name_them():
    at = started()
    at.switch_page("audit/ui/pages/data.py").run()
    at.file_uploader[0].set_value(("tiny.csv", TINY_LOG, "text/csv")).run()
    next(button for button in at.button if button.label == "Run the audit").click().run()
    assert not at.exception
    assert "Customers who come back" not in [s.value for s in at.subheader]
    assert "Repeat contacts" not in _metrics(at)
    assert any("role Customer on the Data page" in c.value for c in at.caption)
    at.switch_page(CUSTOMER_PAGE).run()
    assert not any(s.label == "Follow" for s in at.main.segmented_control)
    assert any(m.value.startswith("This case took") for m in at.markdown)


def test_one_customer_across_cases_named_as_in_the_log():
    at = started()
    at.sidebar.toggle[0].set_value(False).run()  # privacy off: the log's own ids
    at.switch_page(CUSTOMER_PAGE).run()
    _follow_one_customer(at)
    assert not at.exception
    assert not at.error
    customer = at.selectbox[0]
    assert customer.value == "CUST-000053"
    assert customer.options[0] == "CUST-000053 · 3 cases, repeat contacts: 2"
    story = next(m.value for m in at.markdown if m.value.startswith("This customer had"))
    assert story == (
        "This customer had 3 cases from 2025-01-14 to 2025-03-05; 2 of them were repeat "
        "contacts. While case CLM-000053 was still open, the customer started case "
        "CLM-000156. On its way, case CLM-000053 met ping-pong ×4, rework ×2, broken "
        "promise ×1. 5.1 days after case CLM-000053 ended badly (Claim rejected), the "
        "customer came back with case CMP-000053. The last case, CMP-000053, ended well "
        "(Complaint answered)."
    )
    cases = next(d.value for d in at.dataframe if "gap_hours" in d.value.columns)
    assert cases["case_id"].tolist() == ["CLM-000053", "CLM-000156", "CMP-000053"]
    assert {"csv-customer_CUST-000053_timeline", "csv-customer_CUST-000053_cases"} <= (
        _downloads(at)
    )
    _follow_one_customer(at, "Which customers", "chains")
    assert len(at.selectbox[0].options) == 8
    assert not at.exception


def test_one_customer_across_cases_pseudonymised_and_in_finnish():
    at = started()
    at.switch_page(CUSTOMER_PAGE).run()
    # chosen before the language switch: AppTest formats a choice outside the script run,
    # where the app's words are English
    _follow_one_customer(at)
    at.sidebar.segmented_control[0].set_value("fi").run()
    assert not at.exception
    assert not at.selectbox[0].value.startswith("CUST-")
    story = next(m.value for m in at.markdown if m.value.startswith("Tällä asiakkaalla oli"))
    assert "asiakas palasi tapauksella" in story
    assert "CLM-" not in story and "CMP-" not in story
    assert "Tapaukset yhdellä aikajanalla" in [s.value for s in at.subheader]


def test_a_ticket_customer_with_hundreds_of_cases_draws_the_first_ones():
    """The shipped help-desk example: its worst customer has 250 tickets."""
    at = started()
    at.switch_page("audit/ui/pages/data.py").run()
    at.selectbox[0].set_value("helpdesk").run()
    next(button for button in at.button if button.label == "Load the example").click().run()
    at.switch_page(CUSTOMER_PAGE).run()
    _follow_one_customer(at)
    assert not at.exception
    assert any(c.value.startswith("The first 12 of the customer's 250 cases") for c in at.caption)
    cases = next(d.value for d in at.dataframe if "gap_hours" in d.value.columns)
    assert len(cases) == 250
