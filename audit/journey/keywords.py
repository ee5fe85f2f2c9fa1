"""Words in activity names that hint at a customer touchpoint or at how a journey ended.

Used only to draft a journey map, which a person then checks. The lists cover English,
Finnish, Swedish, Dutch, German, Italian and Spanish. Words of languages that build
compound words (Finnish, Dutch, German) may sit anywhere in a name ("nabellen",
"takaisinsoitto", "Kundenanruf"); the others must start a word ("sent" finds "O_SENT" but
not "present"; Swedish words too, since "kund" inside a word is as often "deskundig").
Entries are often stems, so inflected forms match too ("asiak" finds "asiakkaalle",
"approvat" finds "approvata").

Outcome words come in two strengths: a name that says approve(d), reject(ed), close(d), ...
tells how the journey ended; a payment noun ("payment", "maksu", "Zahlung") only suggests a
good ending, so it counts when no decisive word is in the name ("Request For Payment
REJECTED" is a bad outcome, "Payment" a good one), and drafting wants more evidence for it.
"""

from __future__ import annotations

import re
from typing import NamedTuple

COMPOUNDING_LANGUAGES: frozenset[str] = frozenset({"fi", "nl", "de"})
"""Languages whose words may sit inside compound words, so they match anywhere in a name."""

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
        "applicant",
        "offender",
        "user",
        "citizen",
        "notify",
        "notification",
        "send",
        "sent",
        "submit",
        "remind",
        "appointment",
        "visit",
        "meeting",
        "interview",
        "chat",
        "complain",
        "feedback",
        "appeal",
        "payment",
    ),
    "fi": (
        "soit",
        "puhel",
        "asiak",
        "hakija",
        "viesti",
        "kirje",
        "ilmoit",
        "lähet",
        "sähköpost",
        "yhteydenot",
        "tapaaminen",
        "muistutus",
        "palaute",
        "valitus",
        "maksu",
    ),
    "sv": (
        "kund",
        "sökande",
        "samtal",
        "ringa",
        "brev",
        "mejl",
        "e-post",
        "skicka",
        "skickat",
        "meddela",
        "påminn",
        "besök",
        "möte",
        "klagomål",
        "överklag",
        "betalning",
    ),
    "nl": (
        "bellen",
        "gebeld",
        "telefo",
        "klant",
        "aanvrager",
        "burger",
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
        "melding",
        "bezwaar",
        "betaling",
    ),
    "de": (
        "kunde",
        "antragsteller",
        "bürger",
        "anruf",
        "telefon",
        "brief",
        "versand",
        "versend",
        "benachrichtig",
        "erinnerung",
        "mahnung",
        "terminvereinbarung",
        "beschwerde",
        "widerspruch",
        "zahlung",
    ),
    "it": (
        "cliente",
        "richiedente",
        "cittadin",
        "chiamat",
        "telefonat",
        "lettera",
        "invi",
        "notifica",
        "sollecit",
        "appuntamento",
        "reclam",
        "ricorso",
        "pagamento",
    ),
    "es": (
        "cliente",
        "solicitante",
        "ciudadan",
        "llamada",
        "carta",
        "correo",
        "enviar",
        "enviad",
        "envío",
        "notifica",
        "recordatorio",
        "cita",
        "reclama",
        "recurso",
        "pago",
    ),
}
"""Words that suggest the customer sees or does the activity (frontstage)."""

GOOD_OUTCOME_WORDS: dict[str, tuple[str, ...]] = {
    "en": (
        "paid",
        "approve",
        "accept",
        "close",
        "completed",
        "resolved",
        "granted",
        "activated",
        "delivered",
        "settled",
        "fulfilled",
    ),
    "fi": (
        "hyväksy",
        "suljettu",
        "maksettu",
        "myönnetty",
        "ratkaistu",
        "valmistunut",
        "toimitettu",
    ),
    "sv": ("godkänd", "betald", "stängd", "avslutad", "beviljad", "levererad"),
    "nl": (
        "goedgekeurd",
        "betaald",
        "gesloten",
        "afgerond",
        "toegekend",
        "verleend",
        "opgelost",
        "geaccepteerd",
        "geleverd",
    ),
    "de": (
        "genehmigt",
        "bezahlt",
        "abgeschlossen",
        "erledigt",
        "gelöst",
        "bewilligt",
        "geliefert",
        "zugestellt",
    ),
    "it": (
        "approvat",
        "pagat",
        "chius",
        "completat",
        "risolt",
        "accettat",
        "concess",
        "consegnat",
    ),
    "es": (
        "aprobad",
        "pagad",
        "cerrad",
        "completad",
        "resuelt",
        "aceptad",
        "concedid",
        "otorgad",
        "entregad",
    ),
}
"""Words that say the journey ended well."""

PAYMENT_WORDS: dict[str, tuple[str, ...]] = {
    "en": ("payment",),
    "fi": ("maksu",),
    "sv": ("betalning",),
    "nl": ("betaling",),
    "de": ("zahlung",),
    "it": ("pagamento",),
    "es": ("pago",),
}
"""Payment nouns: a good ending unless a stronger outcome word says otherwise."""

BAD_OUTCOME_WORDS: dict[str, tuple[str, ...]] = {
    "en": (
        "reject",
        "cancel",
        "decline",
        "denied",
        "withdraw",
        "refuse",
        "aborted",
        "abandoned",
        "expired",
        "lost",
        "credit collection",
        "debt collection",
    ),
    "fi": (
        "hylätty",
        "hylkä",
        "peruttu",
        "peruutettu",
        "peruutus",
        "keskeytetty",
        "evätty",
        "perintä",
    ),
    "sv": ("avslag", "avvisad", "nekad", "avbruten", "annullerad", "återkallad", "inkasso"),
    "nl": (
        "afgewezen",
        "geannuleerd",
        "ingetrokken",
        "geweigerd",
        "afgebroken",
        "vervallen",
        "incasso",
    ),
    "de": (
        "abgelehnt",
        "storniert",
        "zurückgezogen",
        "verweigert",
        "abgebrochen",
        "inkasso",
    ),
    "it": ("rifiutat", "respint", "annullat", "ritirat", "revocat", "negat"),
    "es": ("rechazad", "denegad", "cancelad", "anulad", "retirad", "desistid"),
}
"""Words that say the journey ended badly."""


def _matcher(words: dict[str, tuple[str, ...]]) -> re.Pattern[str]:
    """One case-insensitive expression: words of compounding languages anywhere, the
    others at the start of a word."""
    at_start = sorted(
        {w for lang, ws in words.items() if lang not in COMPOUNDING_LANGUAGES for w in ws},
        key=len,
        reverse=True,
    )
    anywhere = sorted(
        {w for lang, ws in words.items() if lang in COMPOUNDING_LANGUAGES for w in ws},
        key=len,
        reverse=True,
    )
    parts = []
    if at_start:
        parts.append(rf"(?<![^\W\d_])(?:{'|'.join(re.escape(word) for word in at_start)})")
    if anywhere:
        parts.append("|".join(re.escape(word) for word in anywhere))
    return re.compile("|".join(parts), re.IGNORECASE)


_TOUCHPOINT = _matcher(TOUCHPOINT_WORDS)
_GOOD = _matcher(GOOD_OUTCOME_WORDS)
_BAD = _matcher(BAD_OUTCOME_WORDS)
_PAYMENT = _matcher(PAYMENT_WORDS)


def _whole_word(activity: str, match: re.Match[str]) -> str:
    """The matched text grown to the whole word(s) around it, as written in the name."""
    start, end = match.start(), match.end()
    while start > 0 and activity[start - 1].isalpha():
        start -= 1
    while end < len(activity) and activity[end].isalpha():
        end += 1
    return activity[start:end]


def touchpoint_words(activity: str) -> list[str]:
    """The words of the activity's name that suggest a touchpoint, as written, each once."""
    found = (_whole_word(activity, match) for match in _TOUCHPOINT.finditer(activity))
    return list(dict.fromkeys(found))


def looks_like_touchpoint(activity: str) -> bool:
    """True when the activity's name suggests a customer contact or customer action."""
    return _TOUCHPOINT.search(activity) is not None


class OutcomeWord(NamedTuple):
    """What an activity's name says about how the journey ended."""

    kind: str
    """ "good" or "bad"."""
    word: str
    """The word that says so, as written in the name."""
    decisive: bool
    """False for a payment noun, which only suggests a good ending."""


def outcome_word(activity: str) -> OutcomeWord | None:
    """How the name says the journey ended, or None when it does not. A name with both a
    good and a bad word says nothing; a payment noun counts only without either."""
    good, bad = _GOOD.search(activity), _BAD.search(activity)
    if good and bad:
        return None
    if good or bad:
        found = good or bad
        return OutcomeWord("good" if good else "bad", _whole_word(activity, found), True)
    payment = _PAYMENT.search(activity)
    return OutcomeWord("good", _whole_word(activity, payment), False) if payment else None


def outcome_guess(activity: str) -> str | None:
    """ "good" or "bad" when the name says how the journey ended (and not both), else None."""
    found = outcome_word(activity)
    return found.kind if found else None
