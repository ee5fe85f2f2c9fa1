"""The catalogue: complete in every language, placeholders that match, plural entries with
all their forms, every key the code uses present and every key in it used."""

from __future__ import annotations

import re

import pytest

from audit.i18n import CONTEXTS, LANGUAGES, Messages


@pytest.mark.parametrize("language", list(LANGUAGES))
def test_every_message_is_translated_with_the_same_placeholders(tool, language):
    english = tool.load("en")
    catalog = tool.load(language)
    assert tool.translation_problems(english, catalog, language) == []
    assert {m.context for m in tool.entries(catalog)} == set(CONTEXTS)
    assert len(list(tool.entries(catalog))) == len(list(tool.entries(english)))


@pytest.mark.parametrize("language", list(LANGUAGES))
def test_plural_forms_header_and_plural_entries_have_both_forms(tool, language):
    catalog = tool.load(language)
    assert catalog.plural_forms == "nplurals=2; plural=(n != 1);"
    plurals = [m for m in tool.entries(catalog) if m.pluralizable]
    assert len(plurals) >= 30
    assert all(len(m.string) == 2 and all(m.string) for m in plurals)
    assert all(m.id[0] == m.id[1] for m in plurals), "msgid_plural is the key as well"


def test_fi_and_sv_carry_the_english_for_the_translator(tool):
    english = {
        (m.context, m.id if isinstance(m.id, str) else m.id[0]): m
        for m in tool.entries(tool.load("en"))
    }
    for language in ("fi", "sv"):
        for message in tool.entries(tool.load(language)):
            source = english[(message.context, tool.key_of(message))]
            note = tool.ENGLISH_NOTE + tool.english_of(source)
            assert tool._squeezed(message.auto_comments) == tool._squeezed([note]), message.id


@pytest.mark.parametrize("context", CONTEXTS)
def test_every_key_used_exists_and_every_key_is_used(tool, context):
    known = {tool.key_of(m) for m in tool.entries(tool.load("en")) if m.context == context}
    usage = tool.extract(context)
    missing = {key: places for key, places in usage.calls.items() if key not in known}
    assert missing == {}
    unmatched = [place for pattern, place in usage.built if not any(map(pattern.fullmatch, known))]
    assert unmatched == []
    assert sorted(key for key in known if not usage.uses(key)) == []
    assert [p for p in tool.problems() if p.startswith(f"{context}:")] == []


def test_the_check_finds_a_missing_an_unused_and_a_mismatched_key(tool, tmp_path):
    """The checks can fail: a key only the code knows, a dead one, a wrong placeholder."""
    usage = tool.Usage(calls={"app.title": ["x:1"], "no.such": ["x:2"]}, literals={"app.title"})
    assert usage.uses("app.title") and not usage.uses("app.tagline")
    english, finnish = tool.new_catalog("en"), tool.new_catalog("fi")
    english.add("a.b", "{cases:,} cases", context="app")
    finnish.add("a.b", "{cases} asiaa", context="app")
    (problem,) = tool.translation_problems(english, finnish, "fi")
    assert "placeholders [('cases', '')], English has [('cases', ',')]" in problem
    finnish.get("a.b", context="app").string = ""
    assert tool.translation_problems(english, finnish, "fi") == ["fi: app:a.b has no translation"]


def test_an_unknown_key_fails_at_once():
    with pytest.raises(KeyError, match="findings:no.such.key"):
        Messages("findings").text("no.such.key", "sv")
    assert Messages("app").has("app.title") and not Messages("app").has("no.such.key")


NOT_THE_GLOSSARY = {
    "fi": re.compile(r"\b[Aa]si(a|aa|assa|an|at|oista|asta|oita|oissa|oihin|alla)\b|usintatyö"),
}
"""Finnish words for a glossary idea that are not the glossary's (docs/glossary.md): a case
is "tapaus", not "asia"; rework "uudelleentyö", not "uusintatyö"."""


@pytest.mark.parametrize("language", list(NOT_THE_GLOSSARY))
def test_the_domain_words_are_the_glossary_s(tool, language):
    found = [
        (message.context, tool.key_of(message))
        for message in tool.entries(tool.load(language))
        for text in tool.message_texts(message)
        if NOT_THE_GLOSSARY[language].search(text)
    ]
    assert found == []
    assert NOT_THE_GLOSSARY["fi"].search("3 asiaa ohitti sen"), "the check can fail"
