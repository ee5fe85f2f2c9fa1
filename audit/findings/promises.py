"""The promise calibrator in words, and a calibrated promise as the journey map writes it.

audit.engine.promises measures what share of customers a promise keeps and which promise
keeps a share; this module says it ("a promise of 3.0 days would be kept for 71% of
customers", "to keep it for 90%, promise 6.0 days") and turns the hours into a journey-map
duration that keeps at least that share.
"""

from __future__ import annotations

import math

from audit.findings.humanize import format_hours, format_share
from audit.findings.texts import text


def _sentence(key: str, stage: str, hours: float | None, share: float | None, language: str) -> str:
    """The sentence `key` about a promise of `hours` and the `share` it keeps; when either
    is None (no case finished the stage) the sentence that there is nothing to measure."""
    if hours is None or share is None:
        return text("promise.no_cases", language, stage=stage)
    return text(
        key,
        language,
        stage=stage,
        promise=format_hours(hours, language),
        share=format_share(share, language),
    )


def kept_sentence(stage: str, hours: float, share: float | None, language: str) -> str:
    """What share of the customers who finished `stage` a promise of `hours` would keep."""
    return _sentence("promise.kept", stage, hours, share, language)


def needed_sentence(stage: str, share: float, hours: float | None, language: str) -> str:
    """Which promise keeps `share` of the customers who finished `stage`."""
    return _sentence("promise.needed", stage, hours, share, language)


def promise_duration(hours: float) -> str:
    """`hours` as a journey-map promise: whole hours rounded up, so that it keeps at least
    the share it was calibrated for, written in days when they are whole ("3d", "97h")."""
    whole = max(math.ceil(round(hours, 9)), 1)
    return f"{whole // 24}d" if whole % 24 == 0 else f"{whole}h"
