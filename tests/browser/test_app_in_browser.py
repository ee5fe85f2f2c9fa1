"""The app in a real browser: every page renders its charts and pictures, the hotspots
appear, a real log uploads through the file uploader and the import wizard, and Finnish
switches on. A
screenshot of every page goes to screenshots/ for people to look at."""

from __future__ import annotations

import contextlib
from pathlib import Path

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

pytestmark = pytest.mark.browser

REPO = Path(__file__).resolve().parents[2]
REALDATA = REPO / ".." / "shared" / "realdata"
SCREENSHOTS = REPO / "screenshots"

PAGES = (
    "friction",
    "process",
    "handoffs",
    "labyrinth",
    "customer",
    "experience",
    "compare",
    "report",
    "data",
    "journey",
)
CHARTS = "[data-testid='stVegaLiteChart'] canvas, [data-testid='stVegaLiteChart'] svg"
PICTURES = "[data-testid='stImage'] img"


def wait_for_app(page) -> None:
    """Until the script has finished running and the page shows its title."""
    page.wait_for_selector("h1")
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')"
        " && !document.querySelector('[data-testid=\"stSpinner\"]')"
    )


def upload(page, path: Path) -> None:
    """Give the Data page's uploader `path` and wait until the app answers: the file's import
    wizard, or a message naming the file. A file set while the uploader is being redrawn is
    not sent (on a busy machine): set it again, three times at most."""
    answered = page.get_by_role("heading", name=path.name).or_(  # "Import …", "Tuo …"
        page.locator("[data-testid='stAlert']", has_text=path.name)
    )
    for _ in range(3):
        page.locator("[data-testid='stFileUploaderDropzoneInput']").first.set_input_files(str(path))
        try:
            answered.first.wait_for(timeout=30_000)
            wait_for_app(page)
            return
        except PlaywrightTimeout:
            continue
    raise AssertionError(f"the upload of {path.name} was never answered")


def run_audit(
    page,
    button: str = "Run the audit",
    title: str = "Friction map",
    *,
    press: bool = True,
    patience: int = 45_000,
) -> None:
    """Press the wizard's button (unless `press` is False: pressed already) and wait for the
    friction map. A press that lands while the wizard is being redrawn is lost: when the map
    has not come within `patience` ms and the button is still there, press again (a second
    press restarts the run, it never doubles it)."""
    pressed = page.get_by_role("button", name=button)
    arrived = page.get_by_role("heading", level=1, name=title)
    for attempt in range(3):
        if press or attempt:
            with contextlib.suppress(PlaywrightTimeout):  # gone: its run is on its way
                pressed.click(timeout=5_000)
        try:
            arrived.wait_for(timeout=patience)
            break
        except PlaywrightTimeout:
            continue
    arrived.wait_for()
    wait_for_app(page)


def open_page(page, stem: str, title: str) -> None:
    """Click the page's link in the sidebar navigation and wait for it to draw."""
    page.locator(f"[data-testid='stSidebarNav'] a[href$='/{stem}']").click()
    page.get_by_role("heading", level=1, name=title, exact=True).wait_for()
    wait_for_app(page)


def shoot(page, name: str) -> None:
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def test_every_page_renders_with_charts_pictures_and_hotspots(page, app_url):
    page.goto(app_url)
    wait_for_app(page)
    page.wait_for_selector(CHARTS)
    assert page.get_by_text("Weakest stage:").count() == 1
    assert page.get_by_text("Hotspots").count() >= 1
    assert page.get_by_text("median wait after the handoff").count() >= 1
    shoot(page, "en-friction")

    open_page(page, "process", "Process over journey")
    page.wait_for_selector(PICTURES)
    assert page.locator(PICTURES).first.evaluate("img => img.naturalWidth") > 1000
    shoot(page, "en-process")

    open_page(page, "handoffs", "Handoffs")
    page.wait_for_selector(PICTURES)
    page.wait_for_selector(CHARTS)
    shoot(page, "en-handoffs")

    open_page(page, "labyrinth", "Labyrinth")
    page.wait_for_selector(CHARTS)
    shoot(page, "en-labyrinth")

    open_page(page, "customer", "Customer's eye")
    page.wait_for_selector(CHARTS)
    assert page.get_by_text("This case took").count() >= 1
    assert page.get_by_text("CLM-0").count() == 0, "case ids are pseudonymised by default"
    shoot(page, "en-customer")

    open_page(page, "experience", "Experience")
    page.wait_for_selector(CHARTS)
    shoot(page, "en-experience")

    open_page(page, "compare", "Before / after")
    page.wait_for_selector(CHARTS)
    assert page.get_by_text("Hotspots then and now").count() == 1
    shoot(page, "en-compare")

    open_page(page, "report", "Workshop report")
    page.get_by_role("button", name="Build the report").click()
    page.get_by_role("button", name="Download the report (HTML)").wait_for()
    report = page.frame_locator("[data-testid='stIFrame']")
    report.get_by_text("Weakest stage", exact=False).first.wait_for()
    shoot(page, "en-report")

    open_page(page, "journey", "Journey map")
    page.locator(".board .card").first.wait_for()
    shoot(page, "en-journey")

    open_page(page, "data", "Data")
    shoot(page, "en-data")


@pytest.mark.realdata
def test_a_real_log_uploads_and_is_audited(page, app_url):
    page.goto(f"{app_url}/data")
    wait_for_app(page)
    upload(page, REALDATA / "receipt.xes.gz")
    run_audit(page)
    page.wait_for_selector(CHARTS)
    assert page.get_by_text("receipt.xes.gz").count() >= 1
    assert page.get_by_text("1,434 cases").count() >= 1
    shoot(page, "upload-receipt-friction")


def test_finnish_switches_every_page(page, app_url):
    page.goto(app_url)
    wait_for_app(page)
    page.locator("[data-testid='stSidebar'] button", has_text="suomi").click()
    page.get_by_role("heading", level=1, name="Kitkakartta").wait_for()
    wait_for_app(page)
    page.wait_for_selector(CHARTS)
    assert page.get_by_text("Heikoin vaihe:").count() == 1
    shoot(page, "fi-friction")
    for name, title, drawn in (
        ("process", "Prosessi asiakaspolun päällä", PICTURES),
        ("customer", "Asiakkaan silmin", CHARTS),
        ("compare", "Ennen / jälkeen", CHARTS),
    ):
        open_page(page, name, title)
        page.wait_for_selector(drawn)
        shoot(page, f"fi-{name}")
