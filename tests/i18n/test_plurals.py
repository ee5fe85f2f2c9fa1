"""Plural entries: one form for one, another for more, in every language; no "1 drop-offs"."""

from __future__ import annotations

import string

import pytest

from audit.findings.texts import counted, in_cases
from audit.i18n import LANGUAGES, Messages


def _filled(fields: dict[str, str], n: int) -> dict[str, object]:
    """A value for every placeholder: the count fields get ``n``, other numbers 7, the rest a
    word."""
    counts = {"count", "cases", "n", "high_cases", "total"}
    return {name: n if name in counts else 7 if spec else "X" for name, spec in fields.items()}


def _plural_entries(tool):
    return [m for m in tool.entries(tool.load("en")) if m.pluralizable]


@pytest.mark.parametrize("language", list(LANGUAGES))
def test_every_plural_entry_renders_and_english_says_one_and_two_differently(tool, language):
    for message in _plural_entries(tool):
        fields = {
            name: spec
            for form in message.string
            for _, name, spec, _ in string.Formatter().parse(form)
            if name
        }
        lookup = Messages(message.context)
        key = message.id[0]
        one = lookup.plural(key, 1, language, **_filled(fields, 1)).replace("1", "N")
        two = lookup.plural(key, 2, language, **_filled(fields, 2)).replace("2", "N")
        # English nouns change with the count; Finnish and Swedish ones may not ("1 avhopp",
        # "2 avhopp"), so there both forms only have to render
        assert language != "en" or one != two, (message.context, key)


def test_english_says_one_drop_off_and_three_drop_offs():
    assert counted("stage.dropoff", 1, "en", share="5%").endswith("(1 drop-off)")
    assert counted("stage.dropoff", 3, "en", share="5%").endswith("(3 drop-offs)")
    assert counted("stage.dropoff", 1, "fi", share="5 %").endswith("(1 keskeytys)")
    assert counted("stage.dropoff", 1234, "fi", share="5 %").endswith("(1 234 keskeytystä)")
    assert counted("conformance.skipped", 1, "sv") == "1 ärende hoppade över skedet"
    assert counted("stage.back_jumps", 1, "en") == "customers were sent back to this stage once"
    assert counted("stage.back_jumps", float("nan"), "en").endswith("stage 0 times")


def test_a_sentence_with_two_counts_takes_each_in_its_own_form():
    sentence = counted("handoff_pair.handoffs", 3, "en", in_cases=in_cases(1, "en"))
    assert sentence == "3 handoffs in 1 case"
    sentence = counted("handoff_pair.handoffs", 1, "sv", in_cases=in_cases(1, "sv"))
    assert sentence == "1 överlämning i 1 ärende"


def test_the_report_story_says_once():
    report = Messages("report")
    assert report.plural("story.back_jumps", 1, "en") == (
        "The customer was sent back to an earlier stage once."
    )
    assert report.plural("story.back_jumps", 2, "en", count="2") == (
        "The customer was sent back to an earlier stage 2 times."
    )
