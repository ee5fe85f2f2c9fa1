"""Names for drafted stages, made from the names of the activities each stage holds.

A stage is named after the words that most of its activities share, as they stand in its
most frequent activity that has them all: "Release" for Release A … Release E,
"Confirmation of receipt" for T02 Check confirmation of receipt, T04 Determine
confirmation of receipt and Confirmation of receipt. Words that most activities of the
whole log share (the process's own name, such as "Declaration" in every activity of an
expense log) tell the stages apart no better than short function words ("of", "by",
"van", "och", ...) or codes, so none of these names a stage. Without shared words a stage is
named after its first and last activity ("Admission IC … CRP"; words both begin with are
written once: "Declaration SAVED by EMPLOYEE … REJECTED by ADMINISTRATION"), and a stage of
one activity after that activity.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

FUNCTION_WORDS: dict[str, str] = {
    "en": "a an and at by for from in into of on or the to with",
    "fi": "ja tai sekä kun",
    "sv": "av en ett och på för med till från om",
    "nl": "de het een van voor met op te aan bij uit naar",
    "de": "der die das dem den des ein eine und oder von zu zum zur mit auf für im",
    "it": "il lo la le gli di del della da per con su",
    "es": "el los las del al por para con un una",
}
"""Short function words of English, Finnish, Swedish, Dutch, German, Italian and Spanish
(single letters never name a stage either)."""
STOPWORDS: frozenset[str] = frozenset(
    word for words in FUNCTION_WORDS.values() for word in words.split()
)
MAX_PART = 40
"""An activity name longer than this is shortened (at a word) inside a stage name."""

_WORD = re.compile(r"[^\W\d_]{2,}")


@dataclass(frozen=True)
class StageName:
    """A drafted stage's name and where it came from: the shared words it was named after
    and how many of the stage's activities have them (none: its first and last activity)."""

    name: str
    words: tuple[str, ...] = ()
    sharing: int = 0


def _words(activity: str) -> list[str]:
    """The words of an activity name that could name a stage, in lower case, each once, in
    the order of the name."""
    words = (word.lower() for word in _WORD.findall(activity))
    return [word for word in dict.fromkeys(words) if word not in STOPWORDS]


def _short(activity: str) -> str:
    """The activity name, cut at a word with an ellipsis when longer than MAX_PART."""
    if len(activity) <= MAX_PART:
        return activity
    head = activity[: MAX_PART + 1]
    cut = head.rsplit(" ", 1)[0] if " " in head else ""
    return (cut or activity[:MAX_PART]).rstrip(" -_/,;:") + "…"


def _shared_words(
    activities: list[str], log_counts: Counter[str], log_size: int
) -> tuple[list[str], list[str]]:
    """The words most of ``activities`` share and few of the log's activities have (most
    shared first, only words that occur together), and the activities that have them all."""
    counts = Counter(word for activity in activities for word in _words(activity))
    candidates = [
        word
        for word, count in counts.most_common()
        if count * 2 > len(activities) and log_counts[word] * 2 <= log_size
    ]
    chosen: list[str] = []
    holders = activities
    for word in candidates:
        having = [activity for activity in holders if word in _words(activity)]
        if len(having) * 2 > len(activities):
            chosen, holders = [*chosen, word], having
    return chosen, holders if chosen else []


def _first_and_last(first: str, last: str) -> str:
    """ "first … last", with the words both begin with written once: "Declaration SAVED by
    EMPLOYEE … REJECTED by ADMINISTRATION"."""
    first_words, last_words = first.split(" "), last.split(" ")
    shared = 0
    while shared < min(len(first_words), len(last_words)) - 1 and (
        first_words[shared] == last_words[shared]
    ):
        shared += 1
    head = " ".join(first_words[:shared])
    rest = [_short(" ".join(words[shared:])) for words in (first_words, last_words)]
    return f"{head} {rest[0]} … {rest[1]}".strip()


def _span(activity: str, words: list[str]) -> str:
    """The part of the activity's name from the first to the last of ``words``."""
    found = [match for match in _WORD.finditer(activity) if match.group(0).lower() in words]
    text = activity[found[0].start() : found[-1].end()]
    return text[:1].upper() + text[1:]


def stage_names(groups: list[list[str]], events: dict[str, int]) -> list[StageName]:
    """A distinct name for each group of activities (in typical case order); ``events``
    gives each activity's number of events, to choose the most frequent one."""
    everything = [activity for group in groups for activity in group]
    log_counts = Counter(word for activity in everything for word in _words(activity))
    names: list[StageName] = []
    for group in groups:
        words, holders = (
            _shared_words(group, log_counts, len(everything)) if len(group) > 1 else ([], [])
        )
        if words:
            busiest = min(holders, key=lambda activity: (-events.get(activity, 0), activity))
            names.append(StageName(_short(_span(busiest, words)), tuple(words), len(holders)))
        elif len(group) == 1:
            names.append(StageName(group[0]))
        else:
            names.append(StageName(_first_and_last(group[0], group[-1])))
    return _distinct(names)


def _distinct(names: list[StageName]) -> list[StageName]:
    """The names with the stage's number added to any that repeats an earlier one (ignoring
    case)."""
    seen: set[str] = set()
    result = []
    for number, stage in enumerate(names, start=1):
        name, suffix = stage.name, number
        while name.strip().casefold() in seen:
            name, suffix = f"{stage.name} ({suffix})", suffix + len(names)
        seen.add(name.strip().casefold())
        result.append(StageName(name, stage.words, stage.sharing))
    return result
