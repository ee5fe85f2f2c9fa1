"""The journey board in a real browser (headless Chromium, loopback server): a card dragged
to another stage, a stage renamed in place, a card marked as a touchpoint and a promise set;
after each, the friction strip shows the change and the downloaded YAML says it; undo
restores the map before. Then the board in Finnish. Screenshots at 1280x720 (projector) go
to screenshots/board-en.png and board-fi.png for people to look at."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
import yaml

from tests.browser.test_app_in_browser import SCREENSHOTS, wait_for_app

pytestmark = pytest.mark.browser

PROJECTOR = {"width": 1280, "height": 720}
TALL = {"width": 1280, "height": 2000}
"""The board is used at the projector's width but this tall, so that a card and the stage it
is dragged to are in view together."""


def stages_of(journey: dict) -> dict[str, dict]:
    """Stage name -> its entry, of a journey map read from YAML."""
    return {stage["name"]: stage for stage in journey["stages"]}


def downloaded(page, ready, seconds: float = 30) -> dict:
    """The journey map the download button gives, once ``ready(map)`` holds (the button
    is drawn again after the audit re-ran, a moment after the board)."""
    deadline = time.monotonic() + seconds
    while True:
        with page.expect_download() as info:
            page.locator("[data-testid='stDownloadButton'] button").first.click()
        journey = yaml.safe_load(Path(info.value.path()).read_text(encoding="utf-8"))
        if ready(journey) or time.monotonic() > deadline:
            return journey
        time.sleep(0.5)


def strip(page, stage: str):
    """The friction strip's cell of ``stage``."""
    return page.locator(f".strip[data-stage='{stage}']")


def settled(page) -> None:
    """Until the edit's rerun has drawn the board again."""
    time.sleep(0.3)
    wait_for_app(page)


def shoot_board(page, name: str) -> None:
    """The board as the room sees it: a projector's screen (1280x720), scrolled to the top
    of the board."""
    page.set_viewport_size(PROJECTOR)
    page.locator(".board").evaluate("node => node.scrollIntoView({block: 'start'})")
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"))
    page.set_viewport_size(TALL)


@pytest.fixture
def projector(browser):
    """A fresh tab of a projector's width that accepts downloads."""
    context = browser.new_context(viewport=TALL, accept_downloads=True)
    tab = context.new_page()
    tab.set_default_timeout(120_000)
    yield tab
    context.close()


def test_the_board_edits_the_map_and_the_audit_follows(projector, app_url):
    page = projector
    page.goto(f"{app_url}/journey")  # by its address: the navigation may fold it away
    page.get_by_role("heading", level=1, name="Journey map").wait_for()
    wait_for_app(page)
    page.locator(".card").first.wait_for()
    assert strip(page, "Provide documents").locator(".change").count() == 0

    # drag a card to another stage
    # onto the column's first card (the drop reaches the column), both in view: a target
    # scrolled to after the mouse went down would make the drag pick up another card
    page.locator(".card[data-activity='Send reminder']").drag_to(
        page.locator(".cards[data-stage='Report claim'] .card").first
    )
    page.locator(
        ".cards[data-stage='Report claim'] .card[data-activity='Send reminder']"
    ).wait_for()
    settled(page)
    strip(page, "Provide documents").locator(".change").wait_for()
    journey = downloaded(
        page, lambda j: "Send reminder" in stages_of(j)["Report claim"]["activities"]
    )
    assert "Send reminder" not in stages_of(journey)["Provide documents"]["activities"]

    # rename a stage in place
    page.locator(".stage-name", has_text="Assessment").click()
    page.keyboard.press("Control+A")
    page.keyboard.type("Claim assessment")
    page.keyboard.press("Enter")
    strip(page, "Claim assessment").wait_for()
    settled(page)
    journey = downloaded(page, lambda j: "Claim assessment" in stages_of(j))
    assert "Assessment" not in stages_of(journey)

    # mark a card as a touchpoint
    page.locator(".card[data-activity='Fraud screening'] .chip.touchpoint").click()
    page.locator(".card[data-activity='Fraud screening'] .chip.touchpoint.on").wait_for()
    settled(page)
    journey = downloaded(
        page, lambda j: "Fraud screening" in [p["activity"] for p in j["touchpoints"]]
    )

    # set a promise: one day instead of three for the decision makes it worse
    promise = page.locator(".head[data-stage='Decision'] .promise")
    promise.fill("1d")
    promise.press("Enter")
    strip(page, "Decision").locator(".change.worse").wait_for()
    settled(page)
    journey = downloaded(page, lambda j: stages_of(j)["Decision"]["promise"] == "1d")
    assert stages_of(journey)["Decision"]["promise"] == "1d"
    worse = strip(page, "Decision").locator(".change").inner_text()
    assert worse.startswith("+")
    shoot_board(page, "board-en")

    # undo restores the map before, and the strip shows the way back
    page.locator(".toolbar .undo").click()
    strip(page, "Decision").locator(".change.better").wait_for()
    settled(page)
    journey = downloaded(page, lambda j: stages_of(j)["Decision"]["promise"] == "3d")
    assert stages_of(journey)["Decision"]["promise"] == "3d"
    assert "Fraud screening" in [p["activity"] for p in journey["touchpoints"]]
    better = strip(page, "Decision").locator(".change").inner_text()
    assert better.lstrip("-−") == worse.lstrip("+")

    # in Finnish: the board's words, and a promise that is no duration refused on its stage
    page.locator("[data-testid='stSidebar'] button", has_text="suomi").click()
    page.get_by_role("heading", level=1, name="Asiakaspolku").wait_for()
    wait_for_app(page)
    page.locator(".chip.touchpoint", has_text="kohtaamispiste").first.wait_for()
    promise = page.locator(".head[data-stage='Decision'] .promise")
    promise.fill("pian")
    promise.press("Enter")
    refusal = page.locator(".head[data-stage='Decision'] .message.error")
    refusal.wait_for()
    assert refusal.inner_text().startswith("Lupaus on kesto")
    settled(page)
    journey = downloaded(page, lambda j: True)
    assert stages_of(journey)["Decision"]["promise"] == "3d"
    shoot_board(page, "board-fi")
