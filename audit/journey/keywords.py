"""Words in activity names that hint at a customer touchpoint or at how a journey ended.

Used only to draft a journey map, which a person then checks. English words must start a
word ("sent" finds "O_SENT" but not "present"); Finnish and Dutch words may sit anywhere
in a name, because both languages build compound words ("nabellen", "takaisinsoitto").
Finnish entries are stems, so inflected forms match too ("asiak" finds "asiakkaalle").
"""

from __future__ import annotations

import re

TOUCHPOINT_WORDS: dict[str, tuple[str, ...]] = {
    "en": (
        "call",
        "phone",
        "telephone",
        "mail",
        "email",
        "e-mail",
        "letter",
        "sms",
        "text message",
        "contact",
        "customer",
        "client",
        "request",
        "notify",
        "notification",
        "send",
        "sent",
        "submit",
        "remind",
        "appointment",
        "visit",
        "meeting",
        "chat",
        "complain",
        "feedback",
    ),
    "fi": (
        "soit",
        "puhel",
        "asiak",
        "viesti",
        "kirje",
        "ilmoit",
        "lähet",
        "sähköpost",
        "yhteydenot",
        "tapaaminen",
        "muistutus",
        "pyyntö",
        "palaute",
    ),
    "nl": (
        "bellen",
        "gebeld",
        "telefo",
        "klant",
        "brief",
        "verzend",
        "verzonden",
        "verstu",
        "bericht",
        "mail",
        "contact",
        "informeren",
        "herinnering",
        "afspraak",
        "verzoek",
        "melding",
    ),
}
"""Words that suggest the customer sees or does the activity (frontstage)."""

GOOD_OUTCOME_WORDS: dict[str, tuple[str, ...]] = {
    "en": (
        "paid",
        "approved",
        "closed",
        "resolved",
        "accepted",
        "granted",
        "activated",
        "delivered",
        "settled",
    ),
    "fi": ("hyväksy", "suljettu", "maksettu", "myönnetty", "ratkaistu", "valmis"),
    "nl": (
        "goedgekeurd",
        "betaald",
        "gesloten",
        "afgerond",
        "toegekend",
        "verleend",
        "opgelost",
        "geaccepteerd",
    ),
}
"""Words that suggest the journey ended well."""

BAD_OUTCOME_WORDS: dict[str, tuple[str, ...]] = {
    "en": (
        "rejected",
        "cancelled",
        "canceled",
        "declined",
        "withdrawn",
        "refused",
        "denied",
        "aborted",
        "abandoned",
        "expired",
    ),
    "fi": ("hylätty", "hylkä", "peruttu", "peruutettu", "peruutus", "keskeytetty"),
    "nl": ("afgewezen", "geannuleerd", "ingetrokken", "geweigerd", "afgebroken", "vervallen"),
}
"""Words that suggest the journey ended badly."""


def _matcher(words: dict[str, tuple[str, ...]]) -> re.Pattern[str]:
    """One case-insensitive expression: English words at a word start, others anywhere."""
    english = "|".join(re.escape(word) for word in words["en"])
    compounding = "|".join(re.escape(w) for lang, ws in words.items() if lang != "en" for w in ws)
    return re.compile(rf"(?<![^\W\d_])(?:{english})|{compounding}", re.IGNORECASE)


_TOUCHPOINT = _matcher(TOUCHPOINT_WORDS)
_GOOD = _matcher(GOOD_OUTCOME_WORDS)
_BAD = _matcher(BAD_OUTCOME_WORDS)


def looks_like_touchpoint(activity: str) -> bool:
    """True when the activity's name suggests a customer contact or customer action."""
    return _TOUCHPOINT.search(activity) is not None


def outcome_guess(activity: str) -> str | None:
    """ "good" or "bad" when the name says how the journey ended (and not both), else None."""
    good, bad = _GOOD.search(activity) is not None, _BAD.search(activity) is not None
    if good == bad:
        return None
    return "good" if good else "bad"
