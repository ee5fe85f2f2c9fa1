"""Every page of the app and the report, drawn in Finnish and Swedish, show no English from
the catalogue (Streamlit's AppTest: no browser, one app session for both languages)."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest
from google.protobuf.json_format import MessageToDict
from streamlit.testing.v1 import AppTest

from audit.i18n import CONTEXTS, Messages

APP = Path(__file__).resolve().parents[2] / "app.py"
LONGEST_ALLOWED = 12
"""An English fragment this long or shorter may appear anywhere (names, units, "NPS")."""
PROPER_NAMES = ("Journey Audit",)
"""English that every language prints as it is."""


def _fragments(text: str) -> list[str]:
    """The literal pieces of a template between its placeholders."""
    return [piece.strip() for piece, *_ in string.Formatter().parse(text) if piece.strip()]


@pytest.fixture(scope="module")
def english(tool) -> dict[str, set[str]]:
    """English fragments longer than LONGEST_ALLOWED that the language's own text of the same
    message does not contain, per language: if one shows, a string went untranslated."""
    catalogues = {language: tool.load(language) for language in ("en", "fi", "sv")}
    found: dict[str, set[str]] = {"fi": set(), "sv": set()}
    for message in tool.entries(catalogues["en"]):
        for language, pieces in found.items():
            own = tool.message_texts(catalogues[language].get(message.id, message.context))
            for form in tool.message_texts(message):
                pieces.update(
                    piece
                    for piece in _fragments(form)
                    if len(piece) > LONGEST_ALLOWED
                    and not any(piece in text for text in own)
                    and not any(name in piece for name in PROPER_NAMES)
                )
    assert {message.context for message in tool.entries(catalogues["en"])} == set(CONTEXTS)
    return found


USERS_OWN = frozenset({"code", "text_area"})
"""Elements that show the user's own text (the journey map's YAML, with its comments)."""


def _strings(node, out: list[str]) -> list[str]:
    """Every string in the element tree (texts, labels, help, chart specifications) but the
    user's own text."""
    proto = getattr(node, "proto", None)
    if proto is not None and getattr(node, "type", None) not in USERS_OWN:
        _leaves(MessageToDict(proto), out)
    for child in getattr(node, "children", {}).values():
        _strings(child, out)
    return out


def _leaves(value: object, out: list[str]) -> None:
    if isinstance(value, str):
        out.append(value)
    elif isinstance(value, dict):
        for item in value.values():
            _leaves(item, out)
    elif isinstance(value, list):
        for item in value:
            _leaves(item, out)


def _untranslated(shown: str, pieces: set[str]) -> list[str]:
    return sorted(piece for piece in pieces if piece in shown)


@pytest.fixture(scope="module")
def app() -> AppTest:
    """The app after its first run, on the built-in example."""
    at = AppTest.from_file(str(APP), default_timeout=180).run()
    assert not at.exception
    return at


def _pages() -> list[str]:
    from audit.ui.main import AUDIT_PAGES, SETUP_PAGES

    return [stem for stem, _, _ in AUDIT_PAGES + SETUP_PAGES]


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_every_page_and_the_report_in_the_language(app, english, language):
    switch = app.sidebar.segmented_control[0]
    assert switch.options == ["English", "suomi", "svenska"]
    switch.set_value(language).run()
    leaks = {}
    for stem in _pages():
        app.switch_page(f"audit/ui/pages/{stem}.py").run()
        assert not app.exception, (stem, [e.value for e in app.exception])
        shown = "\n".join(_strings(app._tree, []))
        assert Messages("app").text("app.language", language) in shown, "the page is read"
        if found := _untranslated(shown, english[language]):
            leaks[stem] = found
        if stem == "report":
            app.button[0].click().run()
            report = app.get("iframe")[0].proto.srcdoc
            assert f'<html lang="{language}">' in report
            if found := _untranslated(re.sub(r"\s+", " ", report), english[language]):
                leaks["report (HTML)"] = found
    assert leaks == {}


def test_the_check_finds_english_left_in_a_page(english):
    """The test can fail: an English sentence of the catalogue in a Swedish page is found."""
    shown = "Väntan i skedet. A repeat contact is a case that starts within 30 days"
    assert _untranslated(shown, english["sv"]) == ["A repeat contact is a case that starts within"]
