"""The lookup at run time: a .po compiled on demand into the cache, once per content; an
untranslated or fuzzy Swedish message falls back to English."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from audit import i18n

PO = """msgid ""
msgstr ""
"Language: {language}\\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\\n"
"Content-Type: text/plain; charset=utf-8\\n"

msgctxt "app"
msgid "a.title"
msgstr "{title}"

{fuzzy}msgctxt "app"
msgid "a.changed"
msgstr "{changed}"

msgctxt "app"
msgid "a.count"
msgid_plural "a.count"
msgstr[0] "{one}"
msgstr[1] "{many}"
"""


@pytest.fixture
def catalogue(tmp_path, monkeypatch) -> Path:
    """A small catalogue of its own (English complete, Swedish partly), with its own cache."""
    texts = {
        "en": {"title": "Title", "changed": "Changed", "one": "{n} case", "many": "{n} cases"},
        "fi": {"title": "Otsikko", "changed": "Muuttunut", "one": "{n} asia", "many": "{n} asiaa"},
        "sv": {"title": "", "changed": "Ändrad", "one": "{n} ärende", "many": "{n} ärenden"},
    }
    for language, values in texts.items():
        path = tmp_path / "locale" / language / "LC_MESSAGES" / "journey_audit.po"
        path.parent.mkdir(parents=True)
        fuzzy = "#, fuzzy\n" if language == "sv" else ""
        path.write_text(PO.format(language=language, fuzzy=fuzzy, **values), encoding="utf-8")
    monkeypatch.setattr(i18n, "LOCALE_DIR", tmp_path / "locale")
    monkeypatch.setenv("JOURNEY_AUDIT_CACHE", str(tmp_path / "cache"))
    _forget()
    yield tmp_path
    _forget()


def _forget() -> None:
    """Drop the catalogues read so far (the next lookup reads the files again)."""
    i18n._loaded.cache_clear()
    i18n._CHECKED.clear()


def test_a_missing_or_fuzzy_translation_falls_back_to_english(catalogue):
    app = i18n.Messages("app")
    assert app.text("a.title", "fi") == "Otsikko"
    assert app.text("a.title", "sv") == "Title", "untranslated: English"
    assert app.text("a.changed", "sv") == "Changed", "fuzzy: English until a translator looks"
    assert app.plural("a.count", 1, "sv", n=1) == "1 ärende"
    assert app.plural("a.count", 3, "fi", n=3) == "3 asiaa"
    with pytest.raises(KeyError):
        app.text("a.nothing", "sv")


def test_the_mo_is_compiled_once_per_content_of_the_po(catalogue):
    first = i18n.compiled_mo("sv")
    assert first.parent == catalogue / "cache" and first.suffix == ".mo"
    stamp = first.stat().st_mtime_ns
    assert i18n.compiled_mo("sv") == first and first.stat().st_mtime_ns == stamp
    po = i18n.po_path("sv")
    po.write_text(po.read_text(encoding="utf-8").replace("Ändrad", "Ny"), encoding="utf-8")
    assert i18n.compiled_mo("sv") != first, "a changed .po is compiled again"


def test_a_running_process_reads_a_changed_catalogue_again(catalogue, monkeypatch):
    app = i18n.Messages("app")
    assert app.text("a.title", "fi") == "Otsikko"
    po = i18n.po_path("fi")
    po.write_text(po.read_text(encoding="utf-8").replace("Otsikko", "Nimi"), encoding="utf-8")
    later = po.stat().st_mtime_ns + 1_000_000_000
    os.utime(po, ns=(later, later))
    monkeypatch.setattr(i18n, "_RECHECK_SECONDS", 0.0)  # not a second later: at once
    assert app.text("a.title", "fi") == "Nimi"
