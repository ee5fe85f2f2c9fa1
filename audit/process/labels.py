"""The handful of words the process pictures draw, in English, Finnish and Swedish, and
durations in human units.

The pictures are shown in the app and embedded in the report, both of which switch between
their languages; the caller may also pass its own `labels` to override any word here.
"""

from __future__ import annotations

import math

from audit.errors import AuditInputError

WORDS: dict[str, dict[str, str]] = {
    "en": {
        "map_title": "Process over the customer journey",
        "blueprint_title": "Service blueprint",
        "handoff_title": "Handoffs between units",
        "line_of_visibility": "line of visibility",
        "frontstage": "customer touchpoints",
        "backstage": "backstage",
        "unmapped": "not in journey",
        "start": "start",
        "end": "end",
        "touchpoint": "touchpoint",
        "activity": "backstage activity",
        "path": "path (width = frequency)",
        "back_jump": "back-jump to earlier stage",
        "handoff": "handoff between units",
        "pingpong": "ping-pong pair",
        "label_frequency": "labels: number of transitions",
        "label_wait": "labels: median wait",
        "stage": "stage",
        "no_unit": "(no unit)",
        "other_units": "(other units)",
        "more": "more",
        "no_handoffs": "No handoffs between units in this log.",
        "node_size": "circle size = handoffs in and out",
        "hidden": (
            "Showing {shown_activities} of {total_activities} activities "
            "({events_hidden} of events hidden) and {shown_paths} of {total_paths} paths "
            "({transitions_hidden} of transitions hidden)."
        ),
    },
    "fi": {
        "map_title": "Prosessi asiakaspolun päällä",
        "blueprint_title": "Palvelupiirustus",
        "handoff_title": "Siirrot yksiköiden välillä",
        "line_of_visibility": "näkyvyyden raja",
        "frontstage": "asiakkaan kohtaamiset",
        "backstage": "taustatyö",
        "unmapped": "ei polulla",
        "start": "alku",
        "end": "loppu",
        "touchpoint": "kohtaamispiste",
        "activity": "taustatyön toiminto",
        "path": "siirtymä (leveys = määrä)",
        "back_jump": "paluu aiempaan vaiheeseen",
        "handoff": "siirto yksiköltä toiselle",
        "pingpong": "pingpong-pari",
        "label_frequency": "luvut: siirtymien määrä",
        "label_wait": "luvut: odotuksen mediaani",
        "stage": "vaihe",
        "no_unit": "(ei yksikköä)",
        "other_units": "(muut yksiköt)",
        "more": "lisää",
        "no_handoffs": "Tapahtumalokissa ei ole siirtoja yksiköiden välillä.",
        "node_size": "ympyrän koko = siirrot sisään ja ulos",
        "hidden": (
            "Näytetään {shown_activities}/{total_activities} toimintoa "
            "({events_hidden} tapahtumista piilossa) ja {shown_paths}/{total_paths} "
            "siirtymää ({transitions_hidden} siirtymistä piilossa)."
        ),
    },
    "sv": {
        "map_title": "Processen längs kundresan",
        "blueprint_title": "Tjänsteritning",
        "handoff_title": "Överlämningar mellan enheter",
        "line_of_visibility": "synlighetslinje",
        "frontstage": "kundens kontaktpunkter",
        "backstage": "bakgrundsarbete",
        "unmapped": "inte i kundresan",
        "start": "början",
        "end": "slut",
        "touchpoint": "kontaktpunkt",
        "activity": "aktivitet i bakgrundsarbetet",
        "path": "övergång (bredd = antal)",
        "back_jump": "återhopp till tidigare skede",
        "handoff": "överlämning mellan enheter",
        "pingpong": "pingpongpar",
        "label_frequency": "siffror: antal övergångar",
        "label_wait": "siffror: väntan (median)",
        "stage": "skede",
        "no_unit": "(ingen enhet)",
        "other_units": "(övriga enheter)",
        "more": "fler",
        "no_handoffs": "Inga överlämningar mellan enheter i den här loggen.",
        "node_size": "cirkelns storlek = överlämningar in och ut",
        "hidden": (
            "Visar {shown_activities} av {total_activities} aktiviteter "
            "({events_hidden} av händelserna dolda) och {shown_paths} av {total_paths} "
            "övergångar ({transitions_hidden} av övergångarna dolda)."
        ),
    },
}
"""Words per language; every language has the same keys."""

_DURATION_UNITS: dict[str, tuple[str, str, str]] = {
    "en": ("min", "h", "d"),
    "fi": ("min", "h", "pv"),
    "sv": ("min", "h", "d"),
}


def words(language: str = "en", labels: dict[str, str] | None = None) -> dict[str, str]:
    """The words for `language`, with any of them replaced by the caller's `labels`."""
    if language not in WORDS:
        raise AuditInputError(
            f"unknown language {language!r} for the process pictures",
            hint=f"use one of {', '.join(sorted(WORDS))}",
        )
    return {**WORDS[language], **(labels or {})}


def number(value: float, language: str = "en", decimals: int = 0) -> str:
    """A number with thousands separators: "1,234.5" in English, "1 234,5" in Finnish and
    Swedish."""
    text = f"{value:,.{decimals}f}"
    if language in ("fi", "sv"):
        text = text.replace(",", "\u00a0").replace(".", ",")
    return text


def duration(hours: float | None, language: str = "en") -> str:
    """A duration in the unit a person would use: "25 min", "3.2 h", "2.5 d"; "–" if unknown."""
    if hours is None or (isinstance(hours, float) and math.isnan(hours)):
        return "–"
    minute, hour, day = _DURATION_UNITS.get(language, _DURATION_UNITS["en"])
    if hours < 1:
        return f"{number(hours * 60, language)} {minute}"
    if hours < 48:
        return f"{number(hours, language, 1)} {hour}"
    return f"{number(hours / 24, language, 1)} {day}"


def share(value: float, language: str = "en") -> str:
    """A share as a percentage with one decimal: "3.1 %" ("3,1 %" in Finnish and Swedish)."""
    return f"{number(value * 100, language, 1)}\u00a0%"
