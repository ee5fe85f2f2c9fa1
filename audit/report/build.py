"""The workshop report: one self-contained HTML file (or a PDF printed from it).

``build_report`` lays the AuditResult out as sections (friction map, weakest stage,
hotspots, process over the journey, handoffs, labyrinth, customer's-eye stories, customers
who come back when cases have customers, experience, before/after when a comparison is
given, data quality, method) in English or Finnish. Styles are inline and charts are
inline SVG, so the file opens offline and makes no request. ``write_report`` writes HTML
or, for a ``.pdf`` path, prints the HTML with headless Chromium.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from datetime import date
from pathlib import Path

from audit.compare import Comparison
from audit.errors import AuditInputError
from audit.findings.humanize import format_count
from audit.privacy import PrivacyReport
from audit.report import sections
from audit.report.template import render_page
from audit.report.texts import LANGUAGES, text

CHROMIUM_NAMES: tuple[str, ...] = ("chromium", "chromium-browser", "google-chrome")
"""Executables tried, in this order, to print the PDF."""

PDF_TIMEOUT_SECONDS = 180


def build_report(
    result,
    *,
    language: str = "en",
    stories: int = 3,
    comparison: Comparison | None = None,
    privacy: PrivacyReport | None = None,
) -> str:
    """The report as one HTML document (text).

    stories: how many of the worst cases to tell (0 leaves the section's intro only).
    comparison: a before/after Comparison to include as its own section.
    privacy: what pseudonymisation did, shown in the data section and on the cover.
    """
    if language not in LANGUAGES:
        raise AuditInputError(
            f"the report has no language '{language}'",
            hint=f"choose one of: {', '.join(LANGUAGES)}.",
        )
    parts = [
        sections.friction_map(result, language),
        sections.weakest_stage(result, language),
        sections.hotspots(result, language),
        sections.worth(result, language),
        sections.business_hours(result, language),
        sections.process(result, language),
        sections.handoffs(result, language),
        sections.labyrinth(result, language),
        sections.stories(result, language, stories),
        sections.repeat_contacts(result, language),
        sections.conformance(result, language),
        sections.trend(result, language),
        sections.experience(result, language),
        sections.comparison(comparison, language) if comparison is not None else None,
        sections.data_quality(result, language, privacy),
        sections.method(result, language),
    ]
    log = result.measures.log
    notes = []
    if privacy is not None:
        notes.append(text("pseudonymised", language))
    if result.journey.drafted:
        notes.append(text("drafted", language))
    return render_page(
        lang=language,
        title=f"{text('title', language)}: {result.journey.name}",
        subtitle=text(
            "subtitle",
            language,
            journey=result.journey.name,
            cases=format_count(log["cases"], language),
            first=str(log.get("first_event") or "")[:10],
            last=str(log.get("last_event") or "")[:10],
        ),
        generated=text("generated", language, source=result.source, date=date.today().isoformat()),
        notes=notes,
        key_figures=sections.key_figures(result, language),
        toc=text("toc", language),
        sections=[section for section in parts if section is not None],
    )


def write_report(result, path: str | Path, **options) -> Path:
    """Write the report to ``path``: PDF when it ends in .pdf, HTML otherwise (.html,
    .htm). ``options`` are those of build_report. Returns the path written."""
    path = Path(path)
    page = build_report(result, **options)
    if path.suffix.lower() != ".pdf":
        path.write_text(page, encoding="utf-8")
        return path
    with tempfile.TemporaryDirectory(prefix="journey-report-") as folder:
        html_path = Path(folder) / "report.html"
        html_path.write_text(page, encoding="utf-8")
        html_to_pdf(html_path, path)
    return path


def find_chromium() -> str:
    """The Chromium executable, or an AuditInputError saying how to install it."""
    for name in CHROMIUM_NAMES:
        found = shutil.which(name)
        if found:
            return found
    raise AuditInputError(
        "a PDF report needs Chromium to print the HTML, and none was found",
        source="report",
        hint="install it (Debian/Ubuntu: apt-get install chromium), or write the report "
        "as .html and print it from a browser.",
    )


def html_to_pdf(html_path: Path, pdf_path: Path) -> Path:
    """Print a local HTML file to PDF with headless Chromium (no network, no header or
    footer, backgrounds printed); raises AuditInputError when printing fails."""
    pdf_path = Path(pdf_path).resolve()
    with tempfile.TemporaryDirectory(prefix="journey-chromium-") as profile:
        command = [
            find_chromium(),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={profile}",
            "--no-pdf-header-footer",
            f"--print-to-pdf={pdf_path}",
            Path(html_path).resolve().as_uri(),
        ]
        try:
            done = subprocess.run(
                command, capture_output=True, text=True, timeout=PDF_TIMEOUT_SECONDS, check=False
            )
        except subprocess.TimeoutExpired as error:
            raise AuditInputError(
                f"Chromium did not finish printing the PDF in {PDF_TIMEOUT_SECONDS} s",
                source=str(pdf_path),
                hint="write the report as .html and print it from a browser.",
            ) from error
    if done.returncode != 0 or not pdf_path.exists() or pdf_path.stat().st_size == 0:
        raise AuditInputError(
            f"Chromium could not print the PDF (exit status {done.returncode}): "
            f"{done.stderr.strip()[-300:]}",
            source=str(pdf_path),
            hint="check that the folder is writable, or write the report as .html.",
        )
    return pdf_path
