"""The report in headless Chromium with the network cut off, and the printed PDF."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image

from audit.report.build import html_to_pdf

from .conftest import HOSTILE_ACTIVITY, SECTIONS, STAGES

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not shutil.which("chromium"), reason="needs Debian's chromium"),
]


def _open(browser, path: Path):
    """Open a local page with every request that is not file: or data: refused; returns the
    page, the refused URLs and the dialogs any script tried to open."""
    context = browser.new_context(viewport={"width": 1366, "height": 900})
    refused: list[str] = []
    dialogs: list[str] = []

    def guard(route):
        url = route.request.url
        if url.startswith(("file:", "data:")):
            route.continue_()
        else:
            refused.append(url)
            route.abort()

    context.route("**/*", guard)
    page = context.new_page()
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(path.resolve().as_uri(), wait_until="load")
    return page, refused, dialogs


def test_every_section_and_chart_renders_offline(browser, sample_html, tmp_path):
    path = tmp_path / "report.html"
    path.write_text(sample_html, encoding="utf-8")
    page, refused, dialogs = _open(browser, path)
    for section in SECTIONS:
        box = page.locator(f"section[data-section='{section}']").bounding_box()
        assert box is not None and box["height"] > 80, section
    charts = page.locator("figure[data-chart] svg, div[data-chart='friction-map']")
    sizes = [charts.nth(i).bounding_box() for i in range(charts.count())]
    assert len(sizes) >= 10
    assert all(size["width"] > 200 and size["height"] > 60 for size in sizes)
    # The friction map shows the stages left to right, in journey order.
    cards = page.locator("div[data-chart='friction-map'] .stage h3").all_inner_texts()
    assert cards == list(STAGES)
    lefts = [b["x"] for b in (c.bounding_box() for c in page.locator(".stage").all())]
    assert lefts == sorted(lefts)
    assert refused == [] and dialogs == []
    page.context.close()


def test_hostile_names_render_as_text_in_the_browser(browser, hostile, tmp_path):
    path = tmp_path / "hostile.html"
    path.write_text(hostile[1], encoding="utf-8")
    page, refused, dialogs = _open(browser, path)
    assert dialogs == []  # neither <script> nor onerror ran
    assert refused == []  # <img src=x> was never requested
    assert HOSTILE_ACTIVITY in page.locator("main").inner_text()
    assert page.locator("main script, main img").count() == 0
    page.context.close()


def test_pdf_pages_are_not_blank_and_name_the_stages(sample_html, tmp_path):
    page = tmp_path / "report.html"
    page.write_text(sample_html, encoding="utf-8")
    pdf = html_to_pdf(page, tmp_path / "report.pdf")
    subprocess.run(["pdftoppm", "-r", "30", "-png", str(pdf), str(tmp_path / "page")], check=True)
    pages = sorted(tmp_path.glob("page-*.png"))
    assert len(pages) >= len(SECTIONS)
    for image_path in pages:
        grey = Image.open(image_path).convert("L")
        dark = sum(grey.histogram()[:200])  # pixels clearly darker than paper
        assert dark > 0.005 * grey.width * grey.height, image_path.name
    words = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    for stage in STAGES:
        assert stage in words
    assert "The weakest stage" in words and "Through the customer's eyes" in words
