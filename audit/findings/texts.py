"""The findings' sentences and labels: context "findings" of the one catalogue (audit.i18n).

Numbers are formatted by audit.findings.humanize before they are filled in.
"""

from __future__ import annotations

from audit.i18n import Messages

__all__ = ["plural", "text"]

_FINDINGS = Messages("findings")
text = _FINDINGS.text
plural = _FINDINGS.plural
