"""Readable summaries of an audit: a short one for the console and a Markdown one for files.

Both are built from the AuditResult alone, in its language, with numbers formatted for
people (audit.findings.humanize) and every sentence from audit.findings.texts.
"""

from __future__ import annotations

import pandas as pd

from audit.findings.business_hours import lead_time_sentence
from audit.findings.conformance import conformance_line
from audit.findings.experience import experience_sentences
from audit.findings.humanize import format_count, format_hours, format_number, format_share
from audit.findings.repeat_contacts import top_cause
from audit.findings.result import AuditResult
from audit.findings.texts import counted, text

CONSOLE_HOTSPOTS_PER_LEVEL = 3
"""How many hotspots of each level the console summary shows."""


def _day(iso: str | None) -> str:
    """The date part of an ISO timestamp."""
    return (iso or "–")[:10]


def _share_of_cases(count: object, cases: int, language: str) -> str:
    return format_share(float(count or 0) / cases if cases else 0.0, language)


def _overview(result: AuditResult) -> list[str]:
    """The lines that say what was audited and how it went overall."""
    lang = result.language
    log, totals = result.measures.log, result.measures.totals
    cases = int(log["cases"])
    lines = [
        text(
            "summary.log",
            lang,
            cases=format_count(cases, lang),
            events=format_count(log["events"], lang),
            activities=format_count(log["activities"], lang),
            first=_day(log.get("first_event")),
            last=_day(log.get("last_event")),
        )
    ]
    if result.journey.drafted:
        lines.append(text("summary.drafted", lang))
    if result.journey.unmapped:
        lines.append(text("summary.unmapped", lang, names=", ".join(result.journey.unmapped)))
    if result.weakest_stage is None:
        lines.append(text("summary.no_weakest", lang))
    else:
        score = result.friction.set_index("stage").loc[result.weakest_stage, "friction"]
        lines.append(
            text(
                "summary.weakest",
                lang,
                stage=result.weakest_stage,
                score=format_number(score, lang),
            )
        )
    lines.append(
        text(
            "summary.lead_time",
            lang,
            lead_time=format_hours(totals.get("lead_time_hours_median"), lang),
        )
    )
    working = lead_time_sentence(result, lang)
    if working is not None:
        lines.append(working)
    lines.append(
        text(
            "summary.totals",
            lang,
            handoffs=format_count(totals["handoffs"] or 0, lang),
            handoffs_per_case=format_number(totals["handoffs_per_case"] or 0, lang),
            pingpong=_share_of_cases(totals["pingpong_cases"], cases, lang),
            rework=_share_of_cases(totals["rework_cases"], cases, lang),
            back_jumps=format_count(totals["back_jumps"] or 0, lang),
            dropoffs=format_count(totals["dropoffs"] or 0, lang),
            ongoing=format_count(totals["ongoing_cases"] or 0, lang),
        )
    )
    if totals.get("promises_kept_share") is not None:
        lines.append(
            text(
                "summary.promises",
                lang,
                share=format_share(totals["promises_kept_share"], lang),
            )
        )
    conformance = result.measures.conformance
    line = None if conformance is None else conformance_line(conformance, lang)
    return lines + ([line] if line else []) + _repeat_contact_lines(result)


def _repeat_contact_lines(result: AuditResult) -> list[str]:
    """How many cases were repeat contacts, and the cause that brings the most back."""
    customers, lang = result.measures.customers, result.language
    if customers is None:
        return []
    totals = customers.totals
    lines = [
        text(
            "summary.repeat_contacts",
            lang,
            repeats=format_count(totals["repeat_contacts"], lang),
            share=format_share(totals["repeat_contact_share"], lang),
            customers=format_count(totals["repeat_contact_customers"], lang),
            days=format_number(totals["repeat_within_days"], lang, digits=0),
        )
    ]
    if totals["cases_without_customer"]:
        lines.append(
            counted("summary.no_customer", totals["cases_without_customer"], lang, field="cases")
        )
    top = top_cause(result.repeat_causes)
    if top is not None:
        lines.append(text("summary.repeat_cause", lang, evidence=top[f"evidence_{lang}"]))
    return lines


def _level_label(level: str, handoff_basis: str | None, language: str) -> str:
    """The level's name for people; org units are resources when the log has no units."""
    shown = "resource" if level == "org_unit" and handoff_basis == "resource" else level
    return text(f"level.{shown}", language)


def _hotspot_lines(result: AuditResult, per_level: int | None) -> list[str]:
    """One line per hotspot: "Stage 1 (62.3): evidence"; all, or the top per_level."""
    lang, hotspots = result.language, result.hotspots
    basis = result.measures.log.get("handoff_basis")
    shown = hotspots if per_level is None else hotspots[hotspots["rank"] <= per_level]
    return [
        f"{_level_label(row.level, basis, lang)} {row.rank} "
        f"({format_number(row.score, lang)}): {getattr(row, f'evidence_{lang}')}"
        for row in shown.itertuples()
    ]


def _experience_lines(result: AuditResult) -> list[str]:
    if result.experience is None:
        return []
    return experience_sentences(result.experience, result.language, result.weakest_stage)


def summary_text(result: AuditResult) -> str:
    """The short console summary: what was audited, the weakest stage, the totals, the top
    hotspots of each level and how survey scores follow friction."""
    lang = result.language
    lines = [text("summary.title", lang, source=result.source), ""]
    lines += _overview(result)
    lines += ["", text("summary.hotspots", lang)]
    lines += [f"  {line}" for line in _hotspot_lines(result, CONSOLE_HOTSPOTS_PER_LEVEL)]
    experience = _experience_lines(result)
    if experience:
        lines += ["", text("summary.experience", lang)] + [f"  {line}" for line in experience]
    return "\n".join(lines) + "\n"


def _markdown_cell(value: str) -> str:
    """Text safe inside a Markdown table cell."""
    return value.replace("|", "\\|").replace("\n", " ")


def _stage_rows(result: AuditResult) -> list[str]:
    """The Markdown table of the journey's stages with friction and the key measures."""
    lang = result.language
    rows = [text("summary.stage_columns", lang), "|---|---:|---:|---:|---:|---:|---:|---:|"]
    for stage in result.stage_table().itertuples():
        kept = stage.promise_kept_share
        friction = stage.friction
        cells = [
            _markdown_cell(str(stage.stage)),
            format_count(stage.cases, lang),
            "–" if pd.isna(friction) else format_number(friction, lang),
            format_hours(stage.wait_hours_median, lang),
            format_hours(stage.wait_hours_p90, lang),
            format_hours(stage.time_in_stage_hours_median, lang),
            "–" if pd.isna(kept) else format_share(kept, lang),
            format_count(stage.dropoffs, lang),
        ]
        rows.append("| " + " | ".join(cells) + " |")
    return rows


def summary_markdown(result: AuditResult) -> str:
    """The Markdown summary written beside findings.json: overview, stage table, every
    hotspot, the experience sentences and the data-quality headline."""
    lang = result.language
    quality = result.quality
    lines = [f"# {text('summary.title', lang, source=result.source)}", ""]
    lines += [f"- {line}" for line in _overview(result)]
    lines += ["", f"## {text('summary.stages', lang)}", ""] + _stage_rows(result)
    lines += ["", f"## {text('summary.hotspots', lang)}", ""]
    lines += [f"- {_markdown_cell(line)}" for line in _hotspot_lines(result, None)]
    experience = _experience_lines(result)
    if experience:
        lines += ["", f"## {text('summary.experience', lang)}", ""]
        lines += [f"- {line}" for line in experience]
    lines += ["", f"## {text('summary.quality', lang)}", ""]
    lines.append(
        "- "
        + text(
            "summary.rows",
            lang,
            read=format_count(quality.get("rows_read") or 0, lang),
            dropped=format_count(quality.get("rows_dropped") or 0, lang),
        )
    )
    lines += [f"- {_markdown_cell(warning)}" for warning in result.journey.warnings]
    return "\n".join(lines) + "\n"
