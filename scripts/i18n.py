"""Keep the message catalogue (audit/locale/*/LC_MESSAGES/journey_audit.po) with Babel.

    python scripts/i18n.py extract   list the keys the code uses, by context, with where
    python scripts/i18n.py update    bring fi.po and sv.po in line with en.po: new keys added
                                     untranslated, removed keys dropped, "#. English:" comments
                                     renewed (a translation whose English changed is marked fuzzy)
    python scripts/i18n.py check     every key used exists, every key is used, every message is
                                     translated in every language with the same placeholders
    python scripts/i18n.py compile   compile each .po to its .mo (the app also does this itself)
    python scripts/i18n.py add CONTEXT KEY --en TEXT --fi TEXT --sv TEXT
                                     add one message in all three languages (docs/translating.md)

English (en.po) is the source: its msgstr is the English text of the key. The code holds keys
only (``t("friction.title")``), so extraction finds keys rather than English sentences.
"""

from __future__ import annotations

import argparse
import ast
import datetime
import re
import string
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from babel.messages.catalog import Catalog, Message  # noqa: E402
from babel.messages.pofile import read_po, write_po  # noqa: E402

from audit.i18n import CONTEXTS, DOMAIN, LANGUAGES, SOURCE_LANGUAGE, compiled_mo, po_path  # noqa: E402

TRANSLATED = tuple(language for language in LANGUAGES if language != SOURCE_LANGUAGE)
ENGLISH_NOTE = "English: "
PLURAL_LOOKUPS = frozenset({"plural", "tn", "counted"})
"""Lookups of a plural entry (with a count)."""
LOOKUPS = frozenset({"t", "text", "has_text", "translated"}) | PLURAL_LOOKUPS
"""Names of the lookup functions whose first argument is a key."""
OPTIONAL_LOOKUPS = frozenset({"has_text", "translated"})
"""Lookups that ask whether a key exists (a name from the log may have none)."""
SOURCES: dict[str, tuple[str, ...]] = {
    "app": ("audit/ui", "app.py"),
    "report": ("audit/report",),
    "findings": ("audit/findings", "audit/cli.py"),
}
"""Which files print the messages of each context."""
KEY_PATTERN = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$", re.IGNORECASE)


def load(language: str) -> Catalog:
    """The catalogue of ``language`` as Babel reads it."""
    with po_path(language).open("rb") as file:
        return read_po(file, locale=language, domain=DOMAIN)


def save(catalog: Catalog, language: str) -> None:
    """Write ``catalog`` as ``language``'s .po, in its own order, without line numbers."""
    path = po_path(language)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as file:
        write_po(
            file, catalog, width=100, omit_header=False, include_lineno=False, ignore_obsolete=True
        )


def new_catalog(language: str) -> Catalog:
    """An empty catalogue of ``language`` with the project's header (Plural-Forms from Babel's
    locale data: nplurals=2; plural=(n != 1) for en, fi and sv)."""
    return Catalog(
        locale=language,
        domain=DOMAIN,
        header_comment=f"# {LANGUAGES[language]}: the messages of Journey Audit "
        "(docs/translating.md).",
        project="Journey Audit",
        version="0.1",
        copyright_holder="Journey Audit contributors",
        msgid_bugs_address="the project's issue tracker",
        last_translator="Journey Audit contributors",
        language_team=LANGUAGES[language],
        charset="utf-8",
        revision_date=datetime.datetime.now(datetime.UTC),
        fuzzy=False,
    )


def english_of(message: Message) -> str:
    """The English of a message as one line (both forms of a plural, joined by " | ")."""
    forms = message.string if isinstance(message.string, tuple) else (message.string,)
    return " | ".join(forms)


def message_texts(message: Message) -> tuple[str, ...]:
    """The msgstr of a message, as a tuple (one text, or a plural's forms)."""
    return message.string if isinstance(message.string, tuple) else (message.string,)


def entries(catalog: Catalog) -> Iterator[Message]:
    """Every message of ``catalog`` but the header."""
    return (message for message in catalog if message.id)


def key_of(message: Message) -> str:
    """The key of a message (a plural's msgid and msgid_plural are both the key)."""
    return message.id[0] if isinstance(message.id, tuple) else message.id


# --- Extraction: the keys the code uses -----------------------------------------------


@dataclass
class Usage:
    """What one context's source files say about keys."""

    calls: dict[str, list[str]] = field(default_factory=dict)
    """Key given literally to a lookup that needs it -> where ("file:line")."""
    counted: set[str] = field(default_factory=set)
    """Keys given literally to a plural lookup (``plural``, ``tn``, ``counted``)."""
    uncounted: set[str] = field(default_factory=set)
    """Keys given literally to a lookup without a count (``t``, ``text``)."""
    literals: set[str] = field(default_factory=set)
    """Every string constant in the files (a key kept in a table, passed on later)."""
    patterns: list[re.Pattern[str]] = field(default_factory=list)
    """Every f-string (``f"status.{status}"``) as a pattern (it may build a key)."""
    built: list[tuple[re.Pattern[str], str]] = field(default_factory=list)
    """An f-string given to a lookup that needs a key, as a pattern, and where."""

    def uses(self, key: str) -> bool:
        """Whether the code may look ``key`` up: literally, as a prefix joined with a name
        (``f"{prefix}.{choice}"``), or by an f-string pattern."""
        if key in self.literals or any(p.fullmatch(key) for p in self.patterns):
            return True
        parts = key.split(".")
        return any(".".join(parts[:end]) in self.literals for end in range(2, len(parts)))


def _source_files(context: str) -> Iterator[Path]:
    for name in SOURCES[context]:
        path = REPO / name
        yield from sorted(path.rglob("*.py")) if path.is_dir() else [path]


def _fstring_pattern(node: ast.JoinedStr) -> re.Pattern[str] | None:
    """An f-string key as a regular expression, or None when it has no letters of its own
    (``f"{prefix}.{choice}"``: its prefix is a literal elsewhere)."""
    parts = [
        re.escape(value.value) if isinstance(value, ast.Constant) else ".+?"
        for value in node.values
    ]
    fixed = "".join(v.value for v in node.values if isinstance(v, ast.Constant))
    return re.compile("".join(parts)) if re.search("[a-z]", fixed) else None


def _is_lookup(node: ast.AST) -> bool:
    """Whether ``node`` calls a lookup that needs its key to exist."""
    return (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id in LOOKUPS - OPTIONAL_LOOKUPS
        and bool(node.args)
    )


def extract(context: str) -> Usage:
    """The keys used by the source files of ``context``."""
    usage = Usage()
    for path in _source_files(context):
        where = path.relative_to(REPO)
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                usage.literals.add(node.value)
            elif isinstance(node, ast.JoinedStr) and (pattern := _fstring_pattern(node)):
                usage.patterns.append(pattern)
            elif _is_lookup(node):
                key, place = node.args[0], f"{where}:{node.lineno}"
                if isinstance(key, ast.Constant) and isinstance(key.value, str):
                    usage.calls.setdefault(key.value, []).append(place)
                    plural = node.func.id in PLURAL_LOOKUPS
                    (usage.counted if plural else usage.uncounted).add(key.value)
                elif isinstance(key, ast.JoinedStr) and (pattern := _fstring_pattern(key)):
                    usage.built.append((pattern, place))
    return usage


# --- Checks -----------------------------------------------------------------------------


def fields(text: str) -> list[tuple[str, str]]:
    """The placeholders of a text with their format specs, sorted: [("cases", ","), ...]."""
    return sorted((name, spec or "") for _, name, spec, _ in string.Formatter().parse(text) if name)


def problems() -> list[str]:
    """Everything wrong with the catalogue, one line each; empty when all is well."""
    found: list[str] = []
    english = load(SOURCE_LANGUAGE)
    known: dict[str, dict[str, bool]] = {context: {} for context in CONTEXTS}
    for message in entries(english):
        known[message.context][key_of(message)] = message.pluralizable
    for context in CONTEXTS:
        usage = extract(context)
        for key, places in sorted(usage.calls.items()):
            if key not in known[context]:
                found.append(f"{context}: '{key}' is used ({places[0]}) but not in en.po")
            elif known[context][key] and key in usage.uncounted:
                found.append(f"{context}: '{key}' is a plural entry: look it up with a count")
            elif not known[context][key] and key in usage.counted:
                found.append(f"{context}: '{key}' is looked up with a count but has one form")
        for pattern, place in usage.built:
            if not any(pattern.fullmatch(key) for key in known[context]):
                found.append(f"{context}: no key matches {pattern.pattern!r} ({place})")
        for key in sorted(known[context]):
            if not usage.uses(key):
                found.append(f"{context}: '{key}' is in the catalogue but no code uses it")
    for language in LANGUAGES:
        found += translation_problems(english, load(language), language)
    return found


def translation_problems(english: Catalog, catalog: Catalog, language: str) -> list[str]:
    """Messages of ``language`` missing, empty, fuzzy, of another shape or with other
    placeholders than English."""
    found = []
    for source in entries(english):
        name = f"{language}: {source.context}:{key_of(source)}"
        message = catalog.get(source.id, context=source.context)
        if message is None:
            found.append(f"{name} is missing (run scripts/i18n.py update)")
            continue
        if message.fuzzy:
            found.append(f"{name} is fuzzy: its English changed; check the translation")
        if isinstance(message.id, tuple) != isinstance(source.id, tuple):
            found.append(f"{name} is plural in one language only")
            continue
        texts = message_texts(message)
        if message.pluralizable and len(texts) != catalog.num_plurals:
            found.append(f"{name} has {len(texts)} forms, not {catalog.num_plurals}")
        expected = fields(message_texts(source)[-1])
        for form, text in enumerate(texts):
            if not text:
                found.append(f"{name} has no translation")
            elif fields(text) != expected and not (
                message.pluralizable and form == 0 and set(fields(text)) <= set(expected)
            ):  # a singular may say "once" instead of "{count} times"
                found.append(f"{name} has placeholders {fields(text)}, English has {expected}")
    return found


# --- Commands ---------------------------------------------------------------------------


def update() -> None:
    """Bring every translation in line with en.po (see the module docstring)."""
    english = load(SOURCE_LANGUAGE)
    for language in TRANSLATED:
        old = load(language)
        catalog = new_catalog(language)
        catalog.creation_date = old.creation_date
        for source in entries(english):
            note = ENGLISH_NOTE + english_of(source)
            empty = ("",) * catalog.num_plurals if source.pluralizable else ""
            previous = old.get(source.id, context=source.context)
            kept = previous is not None and source.pluralizable == previous.pluralizable
            flags = set(previous.flags) if kept else set()
            if kept and _squeezed(previous.auto_comments) != _squeezed([note]):
                flags.add("fuzzy")  # its English changed: a translator must look again
            catalog.add(
                source.id,
                previous.string if kept else empty,
                context=source.context,
                auto_comments=[note],
                user_comments=previous.user_comments if kept else [],
                flags=flags,
            )
        save(catalog, language)


def _squeezed(comments: list[str]) -> str:
    """Comments without their white space (write_po wraps long ones over several lines)."""
    return re.sub(r"\s", "", "".join(comments))


def add(context: str, key: str, texts: dict[str, list[str]]) -> None:
    """Add the message ``key`` to every language's catalogue; ``texts`` gives each language
    one text, or two (singular, plural) for a plural message."""
    shapes = {len(forms) for forms in texts.values()}
    if shapes - {1, 2} or len(shapes) != 1 or set(texts) != set(LANGUAGES):
        raise SystemExit("give every language one text, or all of them two (singular, plural)")
    plural = shapes == {2}
    msgid = (key, key) if plural else key
    for language in LANGUAGES:
        catalog = load(language)
        if catalog.get(msgid, context=context) is not None:
            raise SystemExit(f"{context}:{key} is already in {language}.po")
        english = " | ".join(texts[SOURCE_LANGUAGE])
        comments = [] if language == SOURCE_LANGUAGE else [ENGLISH_NOTE + english]
        forms = texts[language]
        catalog.add(
            msgid, tuple(forms) if plural else forms[0], context=context, auto_comments=comments
        )
        save(catalog, language)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("extract", help="the keys the code uses, by context")
    commands.add_parser("update", help="bring fi.po and sv.po in line with en.po")
    commands.add_parser("check", help="report every problem of the catalogue")
    commands.add_parser("compile", help="compile the .po files to .mo files")
    adding = commands.add_parser("add", help="add one message in every language")
    adding.add_argument("context", choices=CONTEXTS)
    adding.add_argument("key")
    for language in LANGUAGES:
        adding.add_argument(
            f"--{language}",
            nargs="+",
            required=True,
            metavar="TEXT",
            help="the text (two texts for a plural: singular, plural)",
        )
    args = parser.parse_args(argv)
    if args.command == "extract":
        for context in CONTEXTS:
            for key, places in sorted(extract(context).calls.items()):
                print(f"{context}\t{key}\t{' '.join(places)}")
    elif args.command == "update":
        update()
    elif args.command == "check":
        found = problems()
        print("\n".join(found) or "The catalogue is complete.")
        return 1 if found else 0
    elif args.command == "compile":
        for language in LANGUAGES:
            print(compiled_mo(language))
    else:
        add(args.context, args.key, {language: getattr(args, language) for language in LANGUAGES})
    return 0


if __name__ == "__main__":
    sys.exit(main())
