"""The import wizard on the Data page under AppTest: an upload whose columns are not
recognised is mapped in the app and audited; a wrong choice is marked beside its field and
the app keeps its log; day/month order is asked when the first rows cannot settle it; a
mapping file fills the fields; the log in use is re-mapped with the same wizard."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

APP = Path(__file__).resolve().parents[2] / "app.py"
TIMEOUT = 180

COMPLAINTS = b"""CustomerID,ComplaintID,ContactDate,ComplaintTheme_EN,Handler
C1,K1,2024-03-01 09:00,Billing,Anna
C1,K1,2024-03-02 10:00,Refund,Ben
C1,K1,2024-03-05 16:00,Closed,Anna
C2,K2,2024-03-03 08:30,Delivery,Ben
C2,K2,2024-03-04 12:00,Closed,Ben
C1,K3,2024-03-06 09:00,Billing,Anna
C1,K3,2024-03-06 15:00,Closed,Anna
"""
"""Three complaints (K1..K3) by two customers; no column has a case, activity or time
name, Handler is recognised as the resource and CustomerID as the customer."""


def on_data_page() -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT).run()
    return at.switch_page("audit/ui/pages/data.py").run()


def upload(at: AppTest, name: str, content: bytes) -> AppTest:
    return at.file_uploader[0].set_value((name, content, "text/csv")).run()


def field(at: AppTest, label: str):
    return next(box for box in [*at.selectbox, *at.multiselect] if box.label == label)


def run_button(at: AppTest):
    return next(button for button in at.button if button.label == "Run the audit")


def sidebar_text(at: AppTest) -> str:
    return " ".join(str(element.value) for element in at.sidebar.caption)


def errors(at: AppTest) -> list[str]:
    return [element.value for element in at.error]


def test_an_unrecognised_upload_is_mapped_in_the_wizard_and_audited():
    at = upload(on_data_page(), "complaints.csv", COMPLAINTS)
    assert not at.exception
    assert at.subheader[0].value == "Import complaints.csv"
    assert field(at, "Case id").options == [
        "(none)",
        "CustomerID",
        "ComplaintID",
        "ContactDate",
        "ComplaintTheme_EN",
        "Handler",
    ]
    assert field(at, "Resource").value == "Handler"
    assert field(at, "Customer").value == "CustomerID"
    assert errors(at) == [
        "Choose the column that identifies each case (e.g. a complaint, ticket or "
        "application number).",
        "Choose the column (or columns) that say what happened: the activity or status.",
        "Choose the column that says when each event happened.",
    ]
    assert run_button(at).disabled
    assert "insurance_claims.csv" in sidebar_text(at), "the app keeps its log meanwhile"

    field(at, "Case id").set_value("ComplaintID")
    field(at, "Activity").set_value(["ComplaintTheme_EN"])
    field(at, "Timestamp (completion)").set_value("ContactDate")
    at.run()
    assert errors(at) == []
    assert (
        "Timestamp (completion) 'ContactDate': Format: ISO 8601 · no UTC offset: read in UTC"
        in [caption.value for caption in at.caption]
    )
    examples = at.dataframe[2].value
    assert list(examples.iloc[0]) == ["2024-03-01 09:00", "2024-03-01 09:00:00 UTC"]
    run_button(at).click().run()
    assert not at.exception
    assert at.title[0].value == "Friction map"
    assert "complaints.csv" in sidebar_text(at)
    assert at.metric[0].value == "3"


def test_a_text_column_as_timestamp_is_marked_beside_the_field_and_the_app_keeps_working():
    at = upload(on_data_page(), "complaints.csv", COMPLAINTS)
    field(at, "Case id").set_value("ComplaintID")
    field(at, "Timestamp (completion)").set_value("ComplaintTheme_EN")
    at.run()
    assert not at.exception
    assert errors(at) == [
        "Choose the column (or columns) that say what happened: the activity or status.",
        "None of the first rows of 'ComplaintTheme_EN' reads as a time: choose the column "
        "that holds the event times.",
    ]
    field(at, "Resource").set_value("ComplaintID").run()
    assert (
        "'ComplaintID' already fills the role Case id: choose another column here, or "
        "(none)." in errors(at)
    )
    assert run_button(at).disabled
    at.switch_page("audit/ui/pages/friction.py").run()
    assert not at.exception
    assert "insurance_claims.csv" in sidebar_text(at)
    assert at.metric[0].value == "2,095"


SLASHED = b"""Ticket,Status,Changed
T1,Open,03/04/2024 10:00
T1,Closed,05/04/2024 11:00
T2,Open,06/04/2024 09:00
T2,Closed,07/04/2024 09:30
"""
"""No day above 12: day/month or month/day cannot be told from the data."""


def test_day_and_month_order_is_asked_when_the_first_rows_cannot_settle_it():
    at = upload(on_data_page(), "tickets.csv", SLASHED)
    assert field(at, "Case id").value == "Ticket"
    field(at, "Activity").set_value(["Status"])
    field(at, "Timestamp (completion)").set_value("Changed").run()
    assert [w.value for w in at.warning] == [
        "The dates in 'Changed' could be day/month or month/day (no day above 12 in the "
        "first rows): choose the order under Reading the times."
    ]
    run_button(at).click().run()
    assert errors(at)[0].startswith("This file could not be used, so the app keeps the log")
    assert "could be day/month or month/day" in errors(at)[0]
    assert "insurance_claims.csv" in sidebar_text(at)
    order = next(c for c in at.segmented_control if c.label == "Dates such as 03/04")
    order.set_value("no").run()
    assert [w.value for w in at.warning] == []
    assert list(at.dataframe[2].value.iloc[0]) == ["03/04/2024 10:00", "2024-03-04 10:00:00 UTC"]
    order = next(c for c in at.segmented_control if c.label == "Dates such as 03/04")
    order.set_value("yes").run()
    assert list(at.dataframe[2].value.iloc[0]) == ["03/04/2024 10:00", "2024-04-03 10:00:00 UTC"]


def test_a_saved_mapping_fills_the_fields_and_a_bad_one_says_why():
    at = upload(on_data_page(), "complaints.csv", COMPLAINTS)
    mapping = (
        b"case: ComplaintID\nactivity: ComplaintTheme_EN\ntimestamp: ContactDate\n"
        b"timezone: Europe/Helsinki\n"
    )
    uploader = next(u for u in at.file_uploader if u.label == "Use a saved mapping")
    uploader.set_value(("complaints.mapping.yaml", mapping, "application/x-yaml")).run()
    assert field(at, "Case id").value == "ComplaintID"
    assert field(at, "Activity").value == ["ComplaintTheme_EN"]
    assert field(at, "Resource").value == "Handler", "roles the file leaves out are recognised"
    assert field(at, "Time zone of times without an offset").value == "Europe/Helsinki"
    assert errors(at) == []
    uploader = next(u for u in at.file_uploader if u.label == "Use a saved mapping")
    uploader.set_value(("bad.yaml", b"case: ComplaintID\ntimestmp: X\n", "text/yaml")).run()
    assert "bad.yaml: line 2: 'timestmp' is not a key of a mapping file" in errors(at)[0]
    assert field(at, "Case id").value == "ComplaintID", "the fields keep their choices"


def test_the_log_in_use_is_remapped_with_the_same_wizard():
    at = on_data_page()
    assert "Column roles of insurance_claims.csv" in [s.value for s in at.subheader]
    assert field(at, "Org unit").value == "Department"
    field(at, "Org unit").set_value("claim_type").run()
    run_button(at).click().run()
    assert not at.exception
    assert at.title[0].value == "Friction map"
    view = at.session_state["audit-view"]
    assert view.source_log.mapping.org_unit == "claim_type"
    assert view.settings.journey_source == "insurance_claims.journey.yaml", "its map is kept"


CODED = b"""Case,Activity,Timestamp,activityNameEN
1,01_HOOFD_010,2024-05-01 09:00,register request
1,01_HOOFD_020,2024-05-02 09:00,check request
1,01_HOOFD_030,2024-05-03 09:00,send decision
2,01_HOOFD_010,2024-05-01 10:00,register request
2,01_HOOFD_030,2024-05-04 10:00,send decision
"""
"""Activities as codes, with their names in words in another column."""


def test_advice_on_the_mapping_is_shown_and_can_be_used():
    at = upload(on_data_page(), "coded.csv", CODED)
    assert errors(at) == []
    advice = [element.value for element in at.info if "codes" in element.value]
    assert advice == [
        "Activity names such as '01_HOOFD_010' are codes; the column 'activityNameEN' names "
        "the same activities in words ('01_HOOFD_010' is 'register request'): use it as the "
        "activity."
    ]
    next(button for button in at.button if button.label == "Use this").click().run()
    assert field(at, "Activity").value == ["activityNameEN"]
    assert not [element for element in at.info if "codes" in element.value], "advice taken"


def test_the_preview_follows_the_privacy_switch():
    at = upload(on_data_page(), "complaints.csv", COMPLAINTS)
    first_rows = at.dataframe[0].value
    assert first_rows["Handler"].str.startswith("res-").all(), "the resource as a token"
    assert first_rows["CustomerID"].str.startswith("cust-").all()
    assert list(first_rows["ComplaintTheme_EN"][:2]) == ["Billing", "Refund"]
    at.sidebar.toggle[0].set_value(False).run()
    assert list(at.dataframe[0].value["Handler"][:2]) == ["Anna", "Ben"]
