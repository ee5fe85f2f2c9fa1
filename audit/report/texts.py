"""The report's messages: context "report" of the one catalogue (audit.i18n).

The Jinja2 template escapes whatever comes out of here, so a name from the log inside a
sentence stays text.
"""

from __future__ import annotations

from audit.i18n import LANGUAGES, Messages

__all__ = ["LANGUAGES", "has_text", "plural", "text"]

_REPORT = Messages("report")
text = _REPORT.text
plural = _REPORT.plural
has_text = _REPORT.has
