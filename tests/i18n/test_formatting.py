"""Numbers, percentages, dates and month names written the language's way, in sentences and
on the axes of the app's and the report's charts."""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
import sys

import altair as alt
import numpy as np
import pandas as pd
import pytest

from audit.errors import AuditInputError
from audit.i18n import Messages, format_date, format_number, month_names, vega_locale
from audit.report.charts import to_svg
from audit.ui.charts import localised

NBSP = "\u00a0"


def english_months(text: str, language: str) -> set[str]:
    """The English month names in ``text`` that ``language`` does not share (Swedish writes
    "april" and "september" too)."""
    english = {name for width in ("wide", "abbreviated") for name in month_names("en", width)}
    own = {
        name.lower().rstrip(".")
        for width in ("wide", "abbreviated")
        for name in month_names(language, width)
    }
    words = set(re.findall(r"[A-Za-z]+", text))
    return {word for word in words & english if word.lower() not in own}


@pytest.mark.parametrize(
    ("spec", "value", "english", "finnish"),
    [
        (",", 1234.5, "1,234.5", f"1{NBSP}234,5"),
        (",", 1234567, "1,234,567", f"1{NBSP}234{NBSP}567"),
        (".1f", 2.25 + 0.01, "2.3", "2,3"),
        (",.0f", 1234.56, "1,235", f"1{NBSP}235"),
        (".0%", 0.256, "26%", f"26{NBSP}%"),
        (".1%", 0.2567, "25.7%", f"25,7{NBSP}%"),
        ("d", 7, "7", "7"),
    ],
)
def test_numbers_follow_the_format_spec_in_the_language(spec, value, english, finnish):
    assert format_number(value, spec, "en") == english
    assert format_number(value, spec, "fi") == finnish
    assert format_number(value, spec, "sv") == finnish  # Swedish writes numbers as Finnish


def test_a_message_formats_its_numeric_fields_by_their_spec():
    app = Messages("app")
    values = {"cases": 12345, "events": 1234567}
    assert app.plural("app.source_cases", 2, "en", **values) == "12,345 cases · 1,234,567 events"
    fi = app.plural("app.source_cases", 12345, "fi", **values)
    assert fi == f"12{NBSP}345 tapausta · 1{NBSP}234{NBSP}567 tapahtumaa"
    numpy = app.plural("app.source_cases", 2, "sv", cases=np.int64(12345), events=np.int64(3))
    assert numpy == f"12{NBSP}345 ärenden · 3 händelser", "numpy's numbers too"
    sv = app.plural("app.source_cases", 1, "sv", cases=1, events=3)
    assert sv == "1 ärende · 3 händelser"


def test_month_names_and_dates():
    assert month_names("fi")[0] == "tammikuu" and month_names("sv")[0] == "januari"
    assert month_names("en")[11] == "December"
    assert month_names("fi", "abbreviated")[1] == "helmi"
    day = dt.date(2024, 1, 5)
    assert format_date(day, "fi", "long") == "5. tammikuuta 2024"
    assert format_date(day, "sv", "long") == "5 januari 2024"
    assert format_date(day, "en", "long") == "January 5, 2024"


def test_an_unknown_language_is_an_input_error():
    with pytest.raises(AuditInputError, match="no language 'de'"):
        Messages("app").text("app.title", "de")
    with pytest.raises(AuditInputError, match="choose one of: en, fi, sv"):
        vega_locale("de")


def _monthly_chart() -> alt.Chart:
    months = pd.DataFrame(
        {
            "month": pd.date_range("2024-01-01", periods=12, freq="MS"),
            "cases": range(1000, 13000, 1000),
        }
    )
    return alt.Chart(months).mark_line().encode(x="month:T", y="cases:Q")


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_app_charts_carry_the_language_locale_and_no_english_month(language):
    spec = localised(_monthly_chart(), language).to_dict()
    locale = spec["config"]["locale"]
    assert locale["time"]["months"][0] == {"fi": "tammikuu", "sv": "januari"}[language]
    assert locale["number"]["decimal"] == ","
    assert english_months(json.dumps(locale, ensure_ascii=False), language) == set()
    assert "locale" not in _monthly_chart().to_dict().get("config", {}), "a copy is localised"


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_report_charts_have_no_english_month_on_their_axes(language):
    svg = to_svg(_monthly_chart(), language)
    labels = " ".join(re.findall(r">([^<>]+)</text>", svg))
    assert english_months(labels, language) == set(), labels
    assert "2024" in labels and re.search(r"\d\s\d{3}", labels), "grouped like 1 000"


def test_importing_the_command_line_loads_no_catalogue_and_no_babel():
    code = (
        "import sys, audit.cli; "
        "print(any(name == 'babel' or name.startswith('babel.') for name in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
