"""The findings' sentences and labels: context "findings" of the one catalogue (audit.i18n).

Numbers are formatted by audit.findings.humanize before they are filled in.
"""

from __future__ import annotations

import pandas as pd

from audit.findings.humanize import format_count
from audit.i18n import Messages

__all__ = ["counted", "in_cases", "plural", "text"]

_FINDINGS = Messages("findings")
text = _FINDINGS.text
plural = _FINDINGS.plural


def counted(key: str, count: object, language: str, field: str = "count", **values: object) -> str:
    """The message ``key`` in the form for ``count`` ("1 drop-off", "3 drop-offs"), the count
    written for the language into the placeholder ``field``; a missing count is 0."""
    n = 0 if pd.isna(count) else round(float(count))
    return plural(key, n, language, **{field: format_count(n, language)}, **values)


def in_cases(cases: object, language: str) -> str:
    """The phrase "in 3 cases", for a sentence that counts something else too."""
    return counted("in_cases", cases, language, field="n")
