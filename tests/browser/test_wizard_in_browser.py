"""The import wizard in a real browser: a CSV whose columns are not recognised shows the
wizard with that file's columns and a preview; a text column chosen as the timestamp is
marked beside its field while the app keeps its log; the right roles audit the file and
the friction map appears. Screenshots of the wizard in English and Finnish go to
screenshots/ for people to look at."""

from __future__ import annotations

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import expect

from tests.browser.test_app_in_browser import CHARTS, run_audit, shoot, wait_for_app
from tests.browser.test_app_in_browser import upload as upload_file
from tests.ui.test_wizard import COMPLAINTS

pytestmark = pytest.mark.browser

COLUMNS = ["CustomerID", "ComplaintID", "ContactDate", "ComplaintTheme_EN", "Handler"]
SCREEN = {"width": 1600, "height": 1000}
TALL = {"width": 1600, "height": 2200}
"""The wizard is longer than a projector screen: screenshots take it whole."""


def open_field(page, label: str) -> None:
    """Open the list of the field labelled `label`. The page may still show a field of the
    page before it while it redraws, and a click that lands then only focuses the field:
    wait for one field of that name, and try again."""
    field = page.get_by_role("combobox", name=label, exact=True)
    for _ in range(10):
        wait_for_app(page)
        if field.count() != 1:
            page.wait_for_timeout(500)
            continue
        field.click()
        try:
            page.get_by_role("option").first.wait_for(timeout=3_000)
            return
        except PlaywrightTimeout:
            page.keyboard.press("Escape")
    raise AssertionError(f"the list of {label!r} does not open")


def choose(page, label: str, option: str) -> None:
    """Pick `option` in the field labelled `label` and wait for the page to redraw."""
    open_field(page, label)
    page.get_by_role("option", name=option, exact=True).click()
    field = page.get_by_role("combobox", name=label, exact=True)
    expect(field).to_have_value(option)
    wait_for_app(page)


def add(page, label: str, option: str) -> None:
    """Add `option` to the multiple choice labelled `label` (whose list stays open)."""
    open_field(page, label)
    page.get_by_role("option", name=option, exact=True).click()
    page.keyboard.press("Escape")
    chosen = page.locator("[data-testid='stMultiSelect']").filter(
        has=page.get_by_text(label, exact=True)
    )
    chosen.get_by_text(option, exact=True).wait_for()
    wait_for_app(page)


def options_of(page, label: str) -> list[str]:
    open_field(page, label)
    shown = page.get_by_role("option").all_text_contents()
    page.keyboard.press("Escape")
    return shown


def shoot_whole(page, name: str) -> None:
    """A screenshot of the whole page from its title down, in a viewport tall enough for
    the wizard, once the page has finished drawing."""
    wait_for_app(page)
    page.set_viewport_size(TALL)
    page.locator("h1").scroll_into_view_if_needed()
    page.wait_for_timeout(500)
    shoot(page, name)
    page.set_viewport_size(SCREEN)


def upload(page, path, title: str) -> None:
    """Give the Data page's uploader a file and wait for its wizard."""
    upload_file(page, path)
    page.get_by_role("heading", name=title).wait_for()


def follow(page, link, title: str) -> None:
    """Click a link of the sidebar navigation and wait for the page titled `title`."""
    link.click()
    page.get_by_role("heading", level=1, name=title).wait_for()
    wait_for_app(page)


def test_an_unrecognised_csv_is_mapped_in_the_wizard_and_audited(page, app_url, tmp_path):
    path = tmp_path / "complaints.csv"
    path.write_bytes(COMPLAINTS)
    page.goto(f"{app_url}/data")
    wait_for_app(page)
    upload(page, path, "Import complaints.csv")
    assert options_of(page, "Case id") == ["(none)", *COLUMNS]
    assert page.locator("[data-testid='stDataFrame']").count() == 2, "first rows and columns"
    assert page.get_by_text("The app still shows insurance_claims.csv").count() == 1

    choose(page, "Case id", "ComplaintID")
    choose(page, "Timestamp (completion)", "ComplaintTheme_EN")
    page.get_by_text("None of the first rows of 'ComplaintTheme_EN' reads as a time").wait_for()
    expect(page.get_by_role("button", name="Run the audit")).to_be_disabled()
    shoot_whole(page, "wizard-en-wrong-timestamp")

    navigation = page.locator("[data-testid='stSidebarNav'] a")
    follow(page, navigation.filter(has_text="Friction map"), "Friction map")
    page.wait_for_selector(CHARTS)
    assert page.get_by_text("insurance_claims.csv").count() >= 1, "the app keeps its log"

    follow(page, navigation.filter(has_text="Data"), "Data")
    page.get_by_role("heading", name="Import complaints.csv").wait_for()
    choose(page, "Case id", "ComplaintID")
    add(page, "Activity", "ComplaintTheme_EN")
    choose(page, "Timestamp (completion)", "ContactDate")
    page.get_by_text("'ContactDate': Format: ISO 8601").wait_for()
    expect(page.get_by_role("button", name="Run the audit")).to_be_enabled()
    shoot_whole(page, "wizard-en")

    run_audit(page)
    page.wait_for_selector(CHARTS)
    assert page.get_by_text("Log: complaints.csv").count() == 1
    assert page.get_by_text("3 cases").count() >= 1
    shoot(page, "wizard-en-audited")


def test_the_wizard_speaks_finnish(page, app_url, tmp_path):
    path = tmp_path / "valitukset.csv"
    path.write_bytes(COMPLAINTS)
    page.goto(f"{app_url}/data")
    wait_for_app(page)
    follow(page, page.locator("[data-testid='stSidebar'] button", has_text="suomi"), "Data")
    page.get_by_text("Tapahtumaloki (CSV").wait_for()
    upload(page, path, "Tuo valitukset.csv")
    choose(page, "Tapauksen tunnus", "ComplaintID")
    choose(page, "Aikaleima (valmistuminen)", "ComplaintTheme_EN")
    page.get_by_text("Mikään sarakkeen 'ComplaintTheme_EN' ensimmäisistä riveistä").wait_for()
    expect(page.get_by_role("button", name="Käynnistä auditointi")).to_be_disabled()
    shoot_whole(page, "wizard-fi")
