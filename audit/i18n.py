"""Every user-facing string, looked up by key in one gettext catalogue, in the user's language.

The catalogue is ``audit/locale/<language>/LC_MESSAGES/journey_audit.po`` (English, Finnish,
Swedish), kept with Babel (docs/translating.md). A message's msgid is its key (``friction.title``)
and its msgctxt the part of the product that prints it: ``app`` (the Streamlit pages),
``report`` (the workshop report) or ``findings`` (the findings' sentences and the command line's
own words). The same key may mean different words in two parts (a table header in the app, a
phrase in the report), so the context keeps them apart.

A ``.po`` file is compiled to a ``.mo`` with Babel the first time a language is used, into a
private cache named by the ``.po``'s content (never stale, shared safely by several
checkouts), and read with the standard library's gettext. Nothing here loads Babel or a
catalogue at import time, so importing the command line stays fast.

Numbers in the fields are formatted for the language by their format spec: ``{cases:,}`` gives
"1,234" in English and "1 234" in Finnish and Swedish, ``{share:.0%}`` "26%" and "26 %",
``{hours:.1f}`` "2.5" and "2,5"; a date with a spec (``{day:long}``, or a Babel pattern) is
written with the language's month names.
"""

from __future__ import annotations

import datetime as dt
import functools
import gettext
import hashlib
import numbers
import os
import re
import string
import tempfile
import time
from pathlib import Path
from typing import Any

from audit.errors import AuditInputError

LANGUAGES: dict[str, str] = {"en": "English", "fi": "suomi", "sv": "svenska"}
"""Language code -> the language's own name, as the app's switch shows it."""

SOURCE_LANGUAGE = "en"
"""The language every key has a text in; a key missing in another language falls back to it."""

CONTEXTS: tuple[str, ...] = ("app", "report", "findings")
"""The parts of the product with their own messages (the msgctxt of each entry)."""

DOMAIN = "journey_audit"
LOCALE_DIR = Path(__file__).parent / "locale"
_CACHE_ENV = "JOURNEY_AUDIT_CACHE"


def po_path(language: str) -> Path:
    """The catalogue file of ``language``."""
    return LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def check_language(language: str) -> None:
    """Raise an input error naming the languages there are when ``language`` is not one."""
    if language not in LANGUAGES:
        raise AuditInputError(
            f"there is no language '{language}'",
            hint=f"choose one of: {', '.join(LANGUAGES)}.",
        )


class Messages:
    """The catalogue's messages of one part of the product (one msgctxt)."""

    def __init__(self, context: str) -> None:
        if context not in CONTEXTS:
            raise ValueError(f"unknown message context {context!r}")
        self.context = context

    def text(self, key: str, language: str, /, **values: object) -> str:
        """The text ``key`` in ``language``, its fields filled with ``values`` formatted for
        the language. An unknown key raises KeyError at once: a typo must fail a test, not
        show a raw key to a workshop."""
        template = _translations(language).pgettext(self.context, key)
        return _fill(template, language, values)

    def plural(self, key: str, n: int, language: str, /, **values: object) -> str:
        """The text ``key`` in the form for the count ``n`` ("1 case", "2 cases"), filled
        with ``values`` as :meth:`text` does."""
        template = _translations(language).npgettext(self.context, key, key, n)
        return _fill(template, language, values)

    def has(self, key: str) -> bool:
        """Whether the catalogue has ``key`` (for labels that may also be names from the log)."""
        try:
            _translations(SOURCE_LANGUAGE).pgettext(self.context, key)
        except KeyError:
            return False
        return True


class _MissingKey(gettext.NullTranslations):
    """The last fallback of every language: a key not even in English is a programming error."""

    def pgettext(self, context: str, message: str) -> str:
        raise KeyError(f"{context}:{message}")

    def npgettext(self, context: str, msgid1: str, msgid2: str, n: int) -> str:
        raise KeyError(f"{context}:{msgid1}")


def _translations(language: str) -> gettext.NullTranslations:
    """The compiled catalogue of ``language``, falling back to English, then to KeyError;
    read again when its .po has changed (a running app shows a translator's edit)."""
    now = time.monotonic()
    checked = _CHECKED.get(language)
    if checked is not None and now - checked[0] < _RECHECK_SECONDS:
        return checked[1]
    check_language(language)
    changed = tuple(po_path(code).stat().st_mtime_ns for code in {language, SOURCE_LANGUAGE})
    translations = _loaded(language, changed)
    _CHECKED[language] = (now, translations)
    return translations


_RECHECK_SECONDS = 1.0
"""How long a language's catalogue is used before its .po's modification time is looked at
again (a page makes hundreds of lookups)."""
_CHECKED: dict[str, tuple[float, gettext.NullTranslations]] = {}


@functools.lru_cache(maxsize=16)
def _loaded(language: str, changed: tuple[int, ...]) -> gettext.NullTranslations:
    """The catalogue of ``language`` as its .po and the English one were when last modified
    (``changed``)."""
    with compiled_mo(language).open("rb") as file:
        translations = gettext.GNUTranslations(file)
    fallback = _MissingKey() if language == SOURCE_LANGUAGE else _translations(SOURCE_LANGUAGE)
    translations.add_fallback(fallback)
    return translations


def cache_dir() -> Path:
    """Where compiled catalogues are kept: $JOURNEY_AUDIT_CACHE, else the user's cache folder,
    else (a read-only home) the temporary folder."""
    chosen = os.environ.get(_CACHE_ENV)
    user_cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    folder = Path(chosen) if chosen else user_cache / "journey-audit" / "locale"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        folder = Path(tempfile.gettempdir()) / "journey-audit-locale"
        folder.mkdir(parents=True, exist_ok=True)
    return folder


def compiled_mo(language: str) -> Path:
    """The ``.mo`` of ``language``'s catalogue, compiled with Babel when the cache has none
    for the ``.po``'s present content."""
    source = po_path(language).read_bytes()
    target = cache_dir() / f"{DOMAIN}-{language}-{hashlib.sha256(source).hexdigest()[:16]}.mo"
    if not target.exists():
        _compile(language, target)
    return target


def _compile(language: str, target: Path) -> None:
    """Write ``language``'s catalogue to ``target`` as a ``.mo``, leaving out untranslated and
    fuzzy entries (they fall back to English); written beside and renamed, so a process
    reading the cache never sees half a file."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with po_path(language).open("rb") as file:
        catalog = read_po(file, locale=language, domain=DOMAIN)
    for message in list(catalog)[1:]:
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if not all(strings) or message.fuzzy:
            catalog.delete(message.id, message.context)
    handle, partial = tempfile.mkstemp(dir=target.parent, suffix=".part")
    with os.fdopen(handle, "wb") as file:
        write_mo(file, catalog)
    os.replace(partial, target)


def _fill(template: str, language: str, values: dict[str, object]) -> str:
    """``template`` with ``values`` filled in, numbers and dates written for ``language``."""
    return _LocaleFormatter(language).format(template, **values) if values else template


_FLOAT_SPEC = re.compile(r"^(?P<comma>,)?(?:\.(?P<digits>\d+))?(?P<kind>[fdn%])?$")


class _LocaleFormatter(string.Formatter):
    """str.format with the language's decimal mark, digit grouping, percent sign and month
    names for numeric and date fields; every other field is formatted as str.format would."""

    def __init__(self, language: str) -> None:
        super().__init__()
        self.language = language

    def format_field(self, value: Any, format_spec: str) -> str:
        if isinstance(value, bool) or not format_spec:
            return super().format_field(value, format_spec)
        if isinstance(value, numbers.Real):
            return format_number(value, format_spec, self.language)
        if isinstance(value, dt.date):
            return format_date(value, self.language, format_spec)
        return super().format_field(value, format_spec)


def format_number(value: float, spec: str, language: str) -> str:
    """``value`` as the str.format ``spec`` (``,``, ``.1f``, ``,.0f``, ``.0%``) would write it,
    with ``language``'s decimal mark, grouping and percent sign."""
    match = _FLOAT_SPEC.match(spec)
    if match is None:
        return format(value, spec)
    from babel import Locale
    from babel.numbers import format_decimal, format_percent

    digits = int(match["digits"]) if match["digits"] is not None else None
    if match["kind"] == "%":  # the language's own pattern ("26 %"), with the spec's decimals
        pattern = Locale.parse(language).percent_formats[None].pattern
        decimals = "." + "0" * digits if digits else ""
        pattern = pattern.replace("#,##0", "#,##0" + decimals)
        return format_percent(value, format=pattern, locale=language)
    grouping = "#,##0" if match["comma"] else "0"
    if digits is not None or match["kind"] == "f":
        decimals = "0" * (6 if digits is None else digits)
    else:  # no precision: an int has no decimals, a float as many as it needs (as "," does)
        decimals = "" if isinstance(value, numbers.Integral) else "#" * 6
    pattern = grouping + ("." + decimals if decimals else "")
    return format_decimal(value, format=pattern, locale=language)


def format_date(value: dt.date, language: str, style: str = "medium") -> str:
    """``value`` in ``language``: a Babel style (short, medium, long, full) or pattern
    ("d MMMM y", "LLLL y" for a month alone)."""
    from babel.dates import format_date as babel_format_date

    return babel_format_date(value, format=style, locale=language)


def month_names(language: str, width: str = "wide") -> list[str]:
    """January to December as a month alone is named in ``language`` ("tammikuu", "januari"),
    wide or abbreviated."""
    from babel.dates import get_month_names

    names = get_month_names(width, context="stand-alone", locale=language)
    return [names[month] for month in range(1, 13)]


def vega_locale(language: str) -> dict[str, dict[str, object]]:
    """Vega-Lite's ``config.locale`` for ``language``, built from Babel's data: the decimal
    mark, digit grouping and percent sign of the axes' numbers, and the month and day names of
    their dates (a chart's months in Finnish are "tammi", "helmi", not "Jan", "Feb")."""
    from babel import Locale
    from babel.dates import get_day_names, get_period_names

    check_language(language)
    locale = Locale.parse(language)
    symbols = locale.number_symbols["latn"]
    percent_suffix = locale.percent_formats[None].pattern.split("0")[-1]
    days = get_day_names("wide", context="stand-alone", locale=locale)
    short_days = get_day_names("abbreviated", context="stand-alone", locale=locale)
    periods = get_period_names("abbreviated", context="format", locale=locale)
    return {
        "number": {
            "decimal": symbols["decimal"],
            "thousands": symbols["group"],
            "grouping": [3],
            "currency": ["", ""],
            "percent": percent_suffix,
            "minus": symbols["minusSign"],
        },
        "time": {
            "dateTime": "%Y-%m-%d %H:%M:%S",
            "date": "%Y-%m-%d",
            "time": "%H:%M:%S",
            "periods": [periods["am"], periods["pm"]],
            # d3 counts the week from Sunday, Babel from Monday (0)
            "days": [days[(day + 6) % 7] for day in range(7)],
            "shortDays": [short_days[(day + 6) % 7] for day in range(7)],
            "months": month_names(language),
            "shortMonths": month_names(language, "abbreviated"),
        },
    }
