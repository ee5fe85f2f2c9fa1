"""The workshop in a real browser: a facilitator and three participants, each in a browser
context of their own (separate sessions, as separate phones would be), meet in one room by
its code; the reveal shows the average ranking and the correlations worked out here from
the rankings the test chose; a second room does not see the first's answers. Projector mode
steps through its story with the arrow keys. Screenshots (1280x720, a projector's size) go
to screenshots/workshop-*.png and projector-*.png.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import expect

from audit.pipeline import run_audit
from tests.browser.test_app_in_browser import shoot, wait_for_app

pytestmark = pytest.mark.browser

EXAMPLE = Path(__file__).resolve().parents[2] / "sample_logs"
PROJECTOR = {"width": 1280, "height": 720}
PHONE = {"width": 430, "height": 900}
WAIT_MS = 120_000
"""How long one step may take on a busy machine (it takes a second or two on an idle one)."""


@pytest.fixture(scope="module")
def data_ranking() -> list[str]:
    """The built-in example's stages by friction score, highest first (the app's example)."""
    result = run_audit(
        EXAMPLE / "insurance_claims.csv", journey=EXAMPLE / "insurance_claims.journey.yaml"
    )
    return result.friction.sort_values("friction", ascending=False)["stage"].tolist()


@pytest.fixture
def tab(browser):
    """Opens a fresh browser context (its own session) per call; all closed at the end."""
    contexts = []

    def open_tab(viewport: dict[str, int] = PROJECTOR):
        context = browser.new_context(viewport=viewport)
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(WAIT_MS)
        return page

    yield open_tab
    for context in contexts:
        context.close()


def open_room(page, app_url: str, language: str = "English", button: str = "Open a room") -> str:
    """Open the Workshop page as facilitator in ``language``, press ``button`` (its words
    in that language), return the room's code. A press that lands while the page is being
    redrawn is lost: press again when no code has come within 30 s."""
    page.goto(f"{app_url}/workshop")
    wait_for_app(page)
    if language != "English":
        page.locator("[data-testid='stSidebar'] button", has_text=language).click()
    code = page.locator(".workshop-code b")
    for _ in range(3):
        with contextlib.suppress(PlaywrightTimeout):  # gone: the room is on its way
            page.get_by_role("button", name=button).click(timeout=5_000)
        try:
            code.wait_for(timeout=30_000)
            break
        except PlaywrightTimeout:
            continue
    return code.inner_text().strip()


def join(page, app_url: str, code: str, name: str, ranking: list[str], shot: str = ""):
    """Join room ``code`` from its link as ``name`` and send ``ranking`` (with a
    screenshot ``shot`` of the filled-in ranking, if named); returns the page."""
    page.goto(f"{app_url}/workshop?room={code}")
    wait_for_app(page)
    page.get_by_role("textbox", name="Your name (as the room will see it)").fill(name)
    page.get_by_role("button", name="Join").click()
    send = page.get_by_role("button", name="Send my ranking")
    send.wait_for()
    choose(page, ranking)
    if shot:
        shoot(page, shot)
    send.click()
    page.get_by_text(f"Thank you, {name}").wait_for()
    return page


def settled(page) -> None:
    """Until the run is over and no element of the step before is left (stale)."""
    wait_for_app(page)
    page.wait_for_function("() => !document.querySelector('[data-stale=\"true\"]')")


def choose(page, ranking: list[str]) -> None:
    """Pick ``ranking[i]`` in the i-th place's selectbox: type its name, press Enter."""
    for place, stage in enumerate(ranking):
        box = page.locator("[data-testid='stSelectbox']").nth(place)
        box.click()
        page.keyboard.type(stage)
        page.keyboard.press("Enter")
        expect(box.locator("input")).to_have_value(stage, timeout=WAIT_MS)


def answered(page, count: str) -> None:
    """Wait until the facilitator's count (refreshed every 2 s) shows ``count``."""
    page.locator("[data-testid='stMetricValue']", has_text=count).wait_for()


def listed(page, key: str, stages: int = 5) -> list[str]:
    """The stages of the ranking in the container ``key``, in order, once it lists
    ``stages`` of them."""
    items = page.locator(f".st-key-{key} li strong")
    expect(items).to_have_count(stages, timeout=WAIT_MS)
    return [item.strip() for item in items.all_inner_texts()]


def distances(page, participants: int) -> dict[str, str]:
    """Participant -> the correlation the reveal's table shows, once it shows
    ``participants`` rows."""
    rows = page.locator(".st-key-workshop-distances tbody tr")
    expect(rows).to_have_count(participants, timeout=WAIT_MS)
    return {
        row.locator("th").inner_text().strip(): row.locator("td").inner_text().strip()
        for row in rows.all()
    }


def test_three_participants_one_room_and_a_second_room_apart(tab, app_url, data_ranking):
    """Five stages, the data's ranking D = (d1, ..., d5). Ana sends D (rho = 1), Ben D
    reversed (d for d1..d5 = 4, 2, 0, -2, -4: sum d^2 = 40, rho = 1 - 6*40/(5*24) = -1),
    Cai (d2, d1, d3, d5, d4) (d = 1, -1, 0, 1, -1: sum d^2 = 4, rho = 1 - 24/120 = 0.8).
    Mean ranks: d1 (1+5+2)/3 = 2.67, d2 (2+4+1)/3 = 2.33, d3 3, d4 (4+2+5)/3 = 3.67,
    d5 (5+1+4)/3 = 3.33: the room's ranking is d2, d1, d3, d5, d4, which against D has
    sum d^2 = 4 again: rho 0.8."""
    assert len(data_ranking) == 5
    d1, d2, d3, d4, d5 = data_ranking
    rankings = {
        "Ana": [d1, d2, d3, d4, d5],
        "Ben": [d5, d4, d3, d2, d1],
        "Cai": [d2, d1, d3, d5, d4],
    }
    facilitator = tab()
    code = open_room(facilitator, app_url)
    assert len(code) == 5
    shoot(facilitator, "workshop-facilitator-open")

    join(tab(PHONE), app_url, code, "Ana", rankings["Ana"])
    join(tab(PHONE), app_url, code, "Ben", rankings["Ben"])
    waiting = join(
        tab(PHONE), app_url, code, "Cai", rankings["Cai"], "workshop-participant-ranking"
    )

    answered(facilitator, "3 / 3")
    second = tab()
    other = open_room(second, app_url)
    assert other != code
    join(tab(PHONE), app_url, other, "Dee", [d5, d1, d2, d3, d4])
    answered(second, "1 / 1")

    facilitator.get_by_role("button", name="Reveal").click()
    assert distances(facilitator, 3) == {"Ana": "1.00", "Ben": "-1.00", "Cai": "0.80"}
    assert listed(facilitator, "workshop-room-ranking") == [d2, d1, d3, d5, d4]
    assert listed(facilitator, "workshop-data-ranking") == data_ranking
    assert facilitator.get_by_text("The room's average ranking: 0.80").count() == 1
    shoot(facilitator, "workshop-reveal")

    # The waiting participant's page looks again within 2 s and shows the reveal.
    waiting.get_by_text("Your ranking against the data").wait_for()
    assert waiting.locator("[data-testid='stMetricValue']").inner_text().strip() == "0.80"
    shoot(waiting, "workshop-participant-reveal")

    second.get_by_role("button", name="Reveal").click()
    assert list(distances(second, 1)) == ["Dee"]
    assert second.get_by_text("Ana").count() == 0


def test_the_workshop_in_finnish(tab, app_url, data_ranking):
    facilitator = tab()
    code = open_room(facilitator, app_url, "suomi", "Avaa huone")
    facilitator.get_by_text("Vastanneet").first.wait_for()
    shoot(facilitator, "workshop-facilitator-open-fi")
    participant = tab()  # wide enough to show the sidebar's language switch
    participant.goto(f"{app_url}/workshop?room={code}")
    wait_for_app(participant)
    participant.locator("[data-testid='stSidebar'] button", has_text="suomi").click()
    wait_for_app(participant)
    participant.get_by_role("textbox", name="Nimesi (näkyy ryhmälle)").fill("Eeva")
    participant.get_by_role("button", name="Liity").click()
    send = participant.get_by_role("button", name="Lähetä järjestykseni")
    send.wait_for()
    choose(participant, data_ranking[::-1])
    shoot(participant, "workshop-participant-ranking-fi")
    send.click()
    participant.get_by_text("Kiitos, Eeva").wait_for()
    answered(facilitator, "1 / 1")
    facilitator.get_by_role("button", name="Paljasta").click()
    assert distances(facilitator, 1) == {"Eeva": "-1,00"}  # the data's order reversed
    # Reversed: the data's first stage is the room's 5th, the biggest gap (|5 - 1| = 4, as
    # for the data's last stage, which comes later in the journey here).
    biggest = f"Ryhmä sijoitti vaiheen {data_ranking[0]} 5. sijalle; data sijoittaa sen 1. sijalle"
    assert facilitator.get_by_text(f"{biggest}: suurin ero.").count() == 1
    shoot(facilitator, "workshop-reveal-fi")


def test_projector_mode_steps_with_the_arrow_keys(tab, app_url):
    page = tab()
    page.goto(f"{app_url}/?projector=1")
    page.get_by_role("heading", level=1, name="The journey, stage by stage").wait_for()
    settled(page)
    expect(page.locator("[data-testid='stSidebar']")).to_be_hidden(timeout=WAIT_MS)
    shoot(page, "projector-journey")
    page.keyboard.press("ArrowRight")
    page.get_by_role("heading", level=1, name="The weakest stage").wait_for()
    settled(page)
    page.get_by_text("is judged by its weakest encounter").wait_for()
    shoot(page, "projector-weakest")
    page.keyboard.press("ArrowLeft")
    page.get_by_role("heading", level=1, name="The journey, stage by stage").wait_for()
    for step, title in (
        ("weakest", "The weakest stage"),
        ("labyrinth", "The labyrinth"),
        ("case", "One case through the customer's eyes"),
        ("worth", "What a fix is worth"),
    ):
        page.get_by_role("button", name="Next").click()
        page.get_by_role("heading", level=1, name=title).wait_for()
        settled(page)
        if step != "weakest":
            shoot(page, f"projector-{step}")


def test_projector_mode_in_finnish(tab, app_url):
    page = tab()
    page.goto(app_url)
    settled(page)
    page.locator("[data-testid='stSidebar'] button", has_text="suomi").click()
    settled(page)
    page.locator("[data-testid='stSidebar']").get_by_text("Projektoritila").click()
    page.get_by_role("heading", level=1, name="Asiakaspolku vaihe vaiheelta").wait_for()
    settled(page)
    shoot(page, "projector-journey-fi")
    page.keyboard.press("ArrowRight")
    page.get_by_role("heading", level=1, name="Heikoin vaihe").wait_for()
    settled(page)
    shoot(page, "projector-weakest-fi")
    for title, name in (
        ("Labyrintti", "labyrinth"),
        ("Yksi tapaus asiakkaan silmin", "case"),
        ("Mitä korjaus on arvoinen", "worth"),
    ):
        page.keyboard.press("ArrowRight")
        page.get_by_role("heading", level=1, name=title).wait_for()
        settled(page)
        shoot(page, f"projector-{name}-fi")
