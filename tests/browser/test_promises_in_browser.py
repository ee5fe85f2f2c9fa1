"""The Promises page in Chromium: the calibrated promise is set in one click and the journey
map downloaded from the Journey page carries it; English and Finnish screenshots."""

from __future__ import annotations

import re

import yaml

from .test_app_in_browser import open_page, shoot, wait_for_app


def test_a_calibrated_promise_reaches_the_downloaded_journey_map(page, app_url):
    page.goto(f"{app_url}/promises")
    page.get_by_role("heading", level=1, name="Promise calibrator").wait_for()
    wait_for_app(page)
    page.locator("[data-testid='stDataFrame']").first.wait_for()
    assert page.get_by_text(re.compile(r"would be kept for \d+% of customers")).count() == 1
    button = page.get_by_role("button", name=re.compile("as the stage's promise"))
    promise = re.fullmatch(r"Set (\S+) as the stage's promise", button.inner_text()).group(1)
    shoot(page, "promises")
    button.click()
    page.get_by_text(f"The journey map now promises {promise} for Report claim").wait_for()
    wait_for_app(page)
    shoot(page, "promises-set")

    # through the navigation: a new address would be a new session with the example's map
    more = page.get_by_text(re.compile(r"^View \d+ more$"))
    if more.count():
        more.click()
    open_page(page, "journey", "Journey map")
    with page.expect_download() as download:
        page.get_by_role("button", name="Download the journey (YAML)").click()
    journey = yaml.safe_load(download.value.path().read_text(encoding="utf-8"))
    promises = {stage["name"]: stage.get("promise") for stage in journey["stages"]}
    assert promises["Report claim"] == promise != "24h"

    open_page(page, "promises", "Promise calibrator")
    page.locator("[data-testid='stSidebar'] button", has_text="suomi").click()
    page.get_by_role("heading", level=1, name="Lupausten kalibrointi").wait_for()
    wait_for_app(page)
    page.locator("[data-testid='stDataFrame']").first.wait_for()
    shoot(page, "fi-promises")
