"""Draft a journey map from an event log, for a person to check and edit.

The activities' typical position in a case (the median of their normalised position, 0 =
first event, 1 = last) is computed in DuckDB; the activities, in that order, are cut into
stages at the natural breaks of those positions (`audit.journey.grouping`), each named
after its activities (`audit.journey.stage_names`). Outcomes come from how cases end and
what activity names say (`audit.journey.endings`); touchpoints from activity names
(`audit.journey.keywords`) and from the channel column when it describes single events.
The draft is marked ``drafted``, and its notes give the evidence for every guess, and the
advice on the column mapping that the data suggests (`audit.io.advice`), so that a person
can accept or change each one.
"""

from __future__ import annotations

from collections import Counter

import duckdb
import pandas as pd
import pyarrow as pa

from audit.errors import AuditInputError
from audit.io.advice import advice_notes
from audit.io.schema import ACTIVITY, CASE, EVENT_INDEX, TIMESTAMP
from audit.journey.compiled import OUTCOME_KINDS
from audit.journey.endings import END_SHARE, OutcomeGuess, guess_outcomes
from audit.journey.grouping import explained_spreads, natural_breaks, stage_count
from audit.journey.keywords import touchpoint_words
from audit.journey.model import LANGUAGES, JourneyMap, Outcomes, Stage, Touchpoint
from audit.journey.positions import POSITIONS_VIEW, event_positions
from audit.journey.stage_names import stage_names

CHANNEL_SHARE = 0.5
"""An activity is a touchpoint when at least this share of its events carry a channel
(only when the channel describes single events, not whole cases)."""
COMMON_WORD_MIN = 3
"""A touchpoint word in more than half of the activity names, and in at least this many,
names the process ("Request For Payment ...") rather than a contact, so it marks none."""

_PROFILE_SQL = f"""
WITH positioned AS (
    SELECT *, (position - 1)::DOUBLE / greatest(case_events - 1, 1) AS relative_position
    FROM {POSITIONS_VIEW}
),
channel_counts AS (
    SELECT activity, channel,
           row_number() OVER (PARTITION BY activity ORDER BY count(*) DESC, channel) AS rank
    FROM positioned
    WHERE channel IS NOT NULL
    GROUP BY activity, channel
),
case_channels AS (
    SELECT count(DISTINCT channel) > 1 OR count(channel) NOT IN (0, count(*)) AS varies,
           count(channel) > 0 AS has_channel
    FROM positioned
    GROUP BY case_id
),
profile AS (
    SELECT activity,
           coalesce(median(relative_position) FILTER (WHERE case_events > 1), 0.5)
               AS median_position,
           coalesce(avg(relative_position) FILTER (WHERE case_events > 1), 0.5)
               AS mean_position,
           count(*) AS events,
           count(DISTINCT case_id) AS cases_with,
           count(*) FILTER (WHERE position = case_events) AS last_in_cases,
           count(*) FILTER (WHERE position = case_events AND case_events > 1) AS ends,
           count(channel) AS channel_events
    FROM positioned
    GROUP BY activity
)
SELECT profile.*,
       channel_counts.channel AS top_channel,
       (SELECT coalesce(bool_or(varies), false) FROM case_channels) AS channel_per_event,
       (SELECT coalesce(bool_or(has_channel), false) FROM case_channels) AS has_channel,
       (SELECT count(DISTINCT case_id) FROM positioned) AS cases
FROM profile
LEFT JOIN channel_counts
       ON channel_counts.activity = profile.activity AND channel_counts.rank = 1
ORDER BY median_position, mean_position, activity
"""

_TEXTS = {
    "en": {
        "name": "Drafted journey",
        "description": "Drafted: {count} activities, typically {span} of the way through a case.",
        "description_one": "Drafted: typically {span} of the way through a case.",
        "span": "{low} to {high}",
        "named_words": " Named after the words {sharing} of them share.",
        "named_ends": " Named after its first and last activity.",
        "drafted": "Drafted from the log: check the stages, touchpoints and outcomes.",
        "stages": "{stages} stages: the natural breaks in where the {activities} activities "
        "typically occur in a case explain {explained} of the spread of those positions.",
        "good": "good outcome",
        "bad": "bad outcome",
        "check": "outcome to check",
        "named": "{activity!r} ends {share} of cases",
        "late": "{activity!r} typically comes {position} of the way through a case",
        "end": "{activity!r} ends {share} of all cases{among} and {terminal} of the cases it "
        "occurs in",
        "among": " (cases without a named outcome)",
        "sibling": "{activity!r} is named like the outcome {sibling!r} and ends {terminal} "
        "of the {occurs} cases it occurs in",
        "fallback": "No activity name says how a journey ended and no activity ends enough "
        "cases; {activity!r} is the most frequent last activity ({share} of cases)",
        "word": " and its name says {word!r}",
        "so": " → {kind}",
        "channel": "{activity!r}: {share} of its events carry a channel, most often "
        "{channel!r} → touchpoint",
        "touchpoint_names": "Touchpoints by their names: {items}.",
        "common_words": "The words {words} are in most activity names, so they mark no touchpoint.",
        "case_channel": "The channel is the same on every event of a case: it tells how the "
        "case came in, not which events were contacts, so it marks no touchpoint.",
    },
    "fi": {
        "name": "Luonnosteltu asiakaspolku",
        "description": "Luonnos: {count} toimintoa, tyypillisesti {span} tapauksen kulusta.",
        "description_one": "Luonnos: tyypillisesti {span} tapauksen kulusta.",
        "span": "{low}–{high}",
        "named_words": " Nimetty {sharing} toiminnon yhteisten sanojen mukaan.",
        "named_ends": " Nimetty ensimmäisen ja viimeisen toimintonsa mukaan.",
        "drafted": "Luonnosteltu lokista: tarkista vaiheet, kohtaamispisteet ja lopputulokset.",
        "stages": "{stages} vaihetta: toimintojen ({activities}) tyypillisten sijaintien "
        "luonnolliset katkokohdat selittävät {explained} sijaintien vaihtelusta.",
        "good": "hyvä lopputulos",
        "bad": "huono lopputulos",
        "check": "tarkistettava lopputulos",
        "named": "{activity!r} päättää {share} tapauksista",
        "late": "{activity!r} osuu tyypillisesti {position} kohdalle tapauksen kulussa",
        "end": "{activity!r} päättää {share} kaikista tapauksista{among} ja {terminal} "
        "niistä, joissa se esiintyy",
        "among": " (tapaukset ilman nimettyä lopputulosta)",
        "sibling": "{activity!r} on nimetty kuten lopputulos {sibling!r} ja päättää "
        "{terminal} niistä {occurs} tapauksesta, joissa se esiintyy",
        "fallback": "Mikään toiminnon nimi ei kerro, miten polku päättyi, eikä mikään "
        "toiminto päätä riittävän montaa tapausta; {activity!r} on yleisin viimeinen "
        "toiminto ({share} tapauksista)",
        "word": " ja sen nimessä on {word!r}",
        "so": " → {kind}",
        "channel": "{activity!r}: {share} sen tapahtumista on kanava, useimmiten "
        "{channel!r} → kohtaamispiste",
        "touchpoint_names": "Kohtaamispisteet nimen perusteella: {items}.",
        "common_words": "Sanat {words} ovat useimpien toimintojen nimissä, joten ne eivät "
        "tee toiminnosta kohtaamispistettä.",
        "case_channel": "Kanava on sama tapauksen kaikissa tapahtumissa: se kertoo, miten "
        "asia tuli vireille, ei sitä, mitkä tapahtumat olivat yhteydenottoja, joten se ei "
        "tee toiminnosta kohtaamispistettä.",
    },
    "sv": {
        "name": "Utkast till kundresa",
        "description": "Utkast: {count} aktiviteter, vanligen vid {span} av ärendets förlopp.",
        "description_one": "Utkast: vanligen vid {span} av ärendets förlopp.",
        "span": "{low}–{high}",
        "named_words": " Namngivet efter orden som {sharing} av aktiviteterna har gemensamt.",
        "named_ends": " Namngivet efter sin första och sista aktivitet.",
        "drafted": "Utkast gjort utifrån loggen: kontrollera skedena, kontaktpunkterna och "
        "utfallen.",
        "stages": "Antal skeden: {stages}. De naturliga brytpunkterna i var de {activities} "
        "aktiviteterna vanligen infaller i ett ärende förklarar {explained} av spridningen "
        "i deras positioner.",
        "good": "bra utfall",
        "bad": "dåligt utfall",
        "check": "utfall att kontrollera",
        "named": "{activity!r} avslutar {share} av ärendena",
        "late": "{activity!r} kommer vanligen vid {position} av ärendets förlopp",
        "end": "{activity!r} avslutar {share} av alla ärenden{among} och {terminal} av de "
        "ärenden där den förekommer",
        "among": " (ärenden utan namngivet utfall)",
        "sibling": "{activity!r} är namngiven som utfallet {sibling!r} och avslutar "
        "{terminal} av de {occurs} ärenden där den förekommer",
        "fallback": "Inget aktivitetsnamn säger hur kundresan slutade och ingen aktivitet "
        "avslutar tillräckligt många ärenden; {activity!r} är den vanligaste sista "
        "aktiviteten ({share} av ärendena)",
        "word": " och namnet innehåller {word!r}",
        "so": " → {kind}",
        "channel": "{activity!r}: {share} av dess händelser har en kanal, oftast "
        "{channel!r} → kontaktpunkt",
        "touchpoint_names": "Kontaktpunkter enligt namnet: {items}.",
        "common_words": "Orden {words} finns i de flesta aktivitetsnamn, så de gör ingen "
        "aktivitet till kontaktpunkt.",
        "case_channel": "Kanalen är densamma i alla händelser i ett ärende: den anger hur "
        "ärendet kom in, inte vilka händelser som var kontakter, så den gör ingen aktivitet "
        "till kontaktpunkt.",
    },
}


def _percent(share: float, language: str) -> str:
    """A share as people read it: 45% / 45 %, with a decimal below 10% (0.5%, 0,5 %)."""
    text = f"{share * 100:.1f}" if 0 < share < 0.1 else f"{share * 100:.0f}"
    return f"{text}%" if language == "en" else f"{text.replace('.', ',')} %"


def _relation(events: pa.Table | duckdb.DuckDBPyRelation) -> duckdb.DuckDBPyRelation:
    """The events as a DuckDB relation, checked for the columns drafting needs."""
    relation = duckdb.connect().from_arrow(events) if isinstance(events, pa.Table) else events
    missing = [
        name for name in (CASE, ACTIVITY, TIMESTAMP, EVENT_INDEX) if name not in relation.columns
    ]
    if missing:
        raise AuditInputError(
            f"the event table lacks the column(s) {', '.join(missing)}",
            source="journey draft",
            hint="read the log with audit.io so that it has the canonical columns",
        )
    return relation


def activity_profile(events: pa.Table | duckdb.DuckDBPyRelation) -> pd.DataFrame:
    """One row per activity, in typical case order: median_position, mean_position, events,
    cases_with (cases it occurs in), last_in_cases (cases it ends), ends (cases of two or
    more events it ends), channel_events, top_channel, plus the log-wide channel_per_event
    (whether the channel varies within cases), has_channel and cases."""
    with event_positions(_relation(events)) as positions:
        return _profile(positions)


def _profile(positions: duckdb.DuckDBPyRelation) -> pd.DataFrame:
    """`activity_profile` of events already positioned (`audit.journey.positions`)."""
    return positions.query(POSITIONS_VIEW, _PROFILE_SQL).df()


def _stages(profile: pd.DataFrame, count: int, texts: dict[str, str], language: str) -> list[Stage]:
    starts = natural_breaks(profile["median_position"].tolist(), count)
    groups = [
        profile.iloc[start:end]
        for start, end in zip(starts, [*starts[1:], len(profile)], strict=True)
    ]
    events = dict(zip(profile["activity"], profile["events"], strict=True))
    names = stage_names([group["activity"].tolist() for group in groups], events)
    stages = []
    for group, name in zip(groups, names, strict=True):
        low, high = group["median_position"].min(), group["median_position"].max()
        span = (
            _percent(low, language)
            if round(low, 2) == round(high, 2)
            else texts["span"].format(low=_percent(low, language), high=_percent(high, language))
        )
        one = "description_one" if len(group) == 1 else "description"
        description = texts[one].format(count=len(group), span=span)
        if name.words:
            description += texts["named_words"].format(sharing=name.sharing)
        elif len(group) > 1:
            description += texts["named_ends"]
        stages.append(
            Stage(name=name.name, description=description, activities=group["activity"].tolist())
        )
    return stages


def _touchpoints(
    profile: pd.DataFrame, texts: dict[str, str], language: str
) -> tuple[list[Touchpoint], list[str]]:
    """The touchpoints, by channel or by name, and the notes that give the evidence."""
    per_event = bool(profile["channel_per_event"].iloc[0])
    words = {activity: touchpoint_words(activity) for activity in profile["activity"]}
    counts = Counter(word for found in words.values() for word in {w.lower() for w in found})
    common = sorted(
        word
        for word, count in counts.items()
        if count * 2 > len(profile) and count >= COMMON_WORD_MIN
    )
    points, notes, by_name = [], [], []
    for row in profile.itertuples():
        named = [word for word in words[row.activity] if word.lower() not in common]
        if per_event and row.channel_events >= CHANNEL_SHARE * row.events:
            points.append(Touchpoint(activity=row.activity, channel=row.top_channel))
            share = _percent(row.channel_events / row.events, language)
            notes.append(
                texts["channel"].format(activity=row.activity, share=share, channel=row.top_channel)
            )
        elif named:
            points.append(Touchpoint(activity=row.activity))
            by_name.append(f"{row.activity!r} ({', '.join(named)})")
    if by_name:
        notes.append(texts["touchpoint_names"].format(items="; ".join(by_name)))
    if common:
        notes.append(texts["common_words"].format(words=", ".join(map(repr, common))))
    if bool(profile["has_channel"].iloc[0]) and not per_event:
        notes.append(texts["case_channel"])
    return points, notes


def _outcome_note(guess: OutcomeGuess, named: bool, texts: dict[str, str], language: str) -> str:
    """The evidence for one proposed outcome, as a sentence."""
    values = {
        "activity": guess.activity,
        "share": _percent(guess.end_share, language),
        "terminal": _percent(guess.terminal_share, language),
        "position": _percent(guess.position, language),
        "sibling": guess.sibling,
        "occurs": guess.occurs,
        "among": texts["among"] if named else "",
    }
    rule = "late" if guess.rule == "named" and guess.end_share < END_SHARE else guess.rule
    text = texts[rule].format(**values)
    if guess.word:
        text += texts["word"].format(word=guess.word)
    return text + texts["so"].format(kind=texts[guess.kind])


def _outcomes(
    positions: duckdb.DuckDBPyRelation, profile: pd.DataFrame, texts: dict[str, str], language: str
) -> tuple[Outcomes, list[str]]:
    guesses = guess_outcomes(positions, profile)
    named = any(guess.rule == "named" for guess in guesses)
    outcomes = Outcomes(
        **{
            kind: [guess.activity for guess in guesses if guess.kind == kind]
            for kind in OUTCOME_KINDS
        }
    )
    return outcomes, [_outcome_note(guess, named, texts, language) for guess in guesses]


def draft_journey(
    events: pa.Table | duckdb.DuckDBPyRelation,
    *,
    language: str = "en",
    n_stages: int | None = None,
    name: str | None = None,
) -> JourneyMap:
    """A journey map drafted from a log in the canonical schema (`audit.io.schema`).

    ``n_stages`` fixes the number of stages (default: where the activities' typical
    positions break naturally, 2 to 7); ``language`` (one of the journey map's languages
    that has texts here) sets the findings language and the wording of the generated
    descriptions and notes.
    """
    languages = [code for code in LANGUAGES if code in _TEXTS]
    if language not in languages:
        raise AuditInputError(
            f"unknown language {language!r}",
            source="journey draft",
            hint=f"use {' or '.join(languages)}",
        )
    if n_stages is not None and n_stages < 1:
        raise AuditInputError(
            f"cannot draft {n_stages} stages", source="journey draft", hint="ask for 1 or more"
        )
    texts = _TEXTS[language]
    relation = _relation(events)
    with event_positions(relation) as positioned:
        profile = _profile(positioned)
        if profile.empty:
            raise AuditInputError(
                "the log has no events to draft a journey from",
                source="journey draft",
                hint="check the log and its column mapping",
            )
        outcomes, outcome_notes = _outcomes(positioned, profile, texts, language)
    positions = profile["median_position"].tolist()
    count = min(n_stages or stage_count(positions), len(positions))
    stage_note = texts["stages"].format(
        stages=count,
        activities=len(positions),
        explained=_percent(explained_spreads(positions, count)[-1], language),
    )
    touchpoints, touchpoint_notes = _touchpoints(profile, texts, language)
    return JourneyMap(
        journey=name or texts["name"],
        language=language,
        drafted=True,
        notes=[
            texts["drafted"],
            stage_note,
            *outcome_notes,
            *touchpoint_notes,
            *advice_notes(relation, language),
        ],
        stages=_stages(profile, count, texts, language),
        touchpoints=touchpoints,
        outcomes=outcomes,
    )
