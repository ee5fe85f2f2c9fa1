"""Every sentence and label of the findings, in English and Finnish, in one table.

Templates are keyed by id; each has an "en" and an "fi" text with `str.format` fields.
Numbers are formatted by audit.findings.humanize before they are filled in, so a
template never formats a number itself.
"""

from __future__ import annotations

from audit.errors import AuditInputError
from audit.findings.humanize import LANGUAGES

TEXTS: dict[str, dict[str, str]] = {
    # One evidence sentence: the subject, then the strongest components' phrases.
    "evidence": {"en": "{subject}: {phrases}.", "fi": "{subject}: {phrases}."},
    "evidence.none": {
        "en": "{subject}: no measurable friction.",
        "fi": "{subject}: ei mitattavaa kitkaa.",
    },
    "subject.activity": {"en": "{name} ({stage})", "fi": "{name} ({stage})"},
    # Stage components.
    "stage.wait": {
        "en": "one wait in ten is longer than {p90} (median wait {median})",
        "fi": "joka kymmenes odotus kestää yli {p90} (mediaaniodotus {median})",
    },
    "stage.handoffs": {
        "en": "{share} of steps change hands between units ({count} handoffs)",
        "fi": "{share} vaiheista siirtyy yksiköltä toiselle ({count} siirtoa)",
    },
    "stage.pingpong": {
        "en": "cases bounced back between units {count} times in {cases} cases (ping-pong)",
        "fi": "asiat pomppasivat takaisin yksiköiden välillä {count} kertaa {cases} asiassa "
        "(ping-pong)",
    },
    "stage.rework": {
        "en": "{share} of steps redo earlier work ({count} repeated activities)",
        "fi": "{share} vaiheista tekee aiempaa työtä uudelleen ({count} toistettua toimintoa)",
    },
    "stage.back_jumps": {
        "en": "customers were sent back to this stage {count} times",
        "fi": "asiakas palautettiin tähän vaiheeseen {count} kertaa",
    },
    "stage.promise": {
        "en": "the promise of {promise} was kept for only {share} of cases",
        "fi": "lupaus ({promise}) pitää vain {share} asioista",
    },
    "stage.dropoff": {
        "en": "{share} of the cases that reached it ended here without an outcome "
        "({count} drop-offs)",
        "fi": "{share} tänne edenneistä asioista päättyi tähän ilman lopputulosta "
        "({count} keskeytystä)",
    },
    "stage.silence": {
        "en": "customers spend a median {time} here with {contacts} contacts per case",
        "fi": "asiakas on täällä mediaanisti {time} ja saa {contacts} yhteydenottoa asiaa kohden",
    },
    # Activity components.
    "activity.wait": {
        "en": "one wait in ten before it is longer than {p90} (median {median})",
        "fi": "joka kymmenes odotus ennen sitä kestää yli {p90} (mediaani {median})",
    },
    "activity.handoffs": {
        "en": "{share} of its {events} events arrive from another unit",
        "fi": "{share} sen {events} tapahtumasta tulee toiselta yksiköltä",
    },
    "activity.rework": {
        "en": "{share} of its events repeat earlier work ({self_loops} straight away, "
        "{repetitions} later)",
        "fi": "{share} sen tapahtumista toistaa aiempaa työtä ({self_loops} heti, "
        "{repetitions} myöhemmin)",
    },
    # Org unit components.
    "org_unit.wait": {
        "en": "cases wait a median {median} before its work",
        "fi": "asiat odottavat sen työtä mediaanisti {median}",
    },
    "org_unit.handoffs": {
        "en": "{share} of its events arrive from another unit ({count} handoffs in)",
        "fi": "{share} sen tapahtumista tulee toiselta yksiköltä ({count} siirtoa sisään)",
    },
    "org_unit.pingpong": {
        "en": "{count} ping-pongs through it in {cases} cases",
        "fi": "{count} ping-pong-palautusta sen kautta {cases} asiassa",
    },
    # Handoff pair components.
    "handoff_pair.handoffs": {
        "en": "{count} handoffs in {cases} cases",
        "fi": "{count} siirtoa {cases} asiassa",
    },
    "handoff_pair.wait": {
        "en": "median wait after the handoff {median}",
        "fi": "mediaaniodotus siirron jälkeen {median}",
    },
    "handoff_pair.pingpong": {
        "en": "{bounced} times the case came straight back (ping-pong)",
        "fi": "{bounced} kertaa asia palasi suoraan takaisin (ping-pong)",
    },
    # Labels.
    "level.stage": {"en": "Stage", "fi": "Vaihe"},
    "level.activity": {"en": "Activity", "fi": "Toiminto"},
    "level.org_unit": {"en": "Org unit", "fi": "Yksikkö"},
    "level.resource": {"en": "Resource", "fi": "Resurssi"},
    "level.handoff_pair": {"en": "Handoff", "fi": "Siirto"},
    "component.wait": {"en": "wait", "fi": "odotus"},
    "component.handoffs": {"en": "handoffs", "fi": "siirrot"},
    "component.pingpong": {"en": "ping-pong", "fi": "ping-pong"},
    "component.rework": {"en": "rework", "fi": "uudelleentyö"},
    "component.back_jumps": {"en": "back-jumps", "fi": "paluut"},
    "component.promise": {"en": "broken promise", "fi": "rikottu lupaus"},
    "component.dropoff": {"en": "drop-off", "fi": "keskeytys"},
    "component.silence": {"en": "silence", "fi": "hiljaisuus"},
    # Experience: {score} is "NPS" or a mean's label; low = less friction, high = more.
    "experience.mean_csat": {"en": "mean CSAT", "fi": "CSAT-keskiarvo"},
    "experience.mean_ces": {"en": "mean CES", "fi": "CES-keskiarvo"},
    "experience.handoffs": {
        "en": "{score} {low} at {low_group} vs {high} at {high_group} handoffs per case "
        "({high_cases} cases)",
        "fi": "{score} {low}, kun siirtoja on {low_group}, ja {high}, kun niitä on {high_group} "
        "({high_cases} asiaa)",
    },
    "experience.pingpong": {
        "en": "{score} {low} without ping-pong vs {high} with ping-pong ({high_cases} cases)",
        "fi": "{score} {low} ilman ping-pongia ja {high} ping-pongin kanssa ({high_cases} asiaa)",
    },
    "experience.promise": {
        "en": "{score} {low} when promises were kept vs {high} when one was broken "
        "({high_cases} cases)",
        "fi": "{score} {low}, kun lupaukset pitivät, ja {high}, kun jokin rikkoutui "
        "({high_cases} asiaa)",
    },
    "experience.rework": {
        "en": "{score} {low} without rework vs {high} with rework ({high_cases} cases)",
        "fi": "{score} {low} ilman uudelleentyötä ja {high} uudelleentyön kanssa "
        "({high_cases} asiaa)",
    },
    "experience.stage": {
        "en": "{score} {high} for the quarter of cases slowest through {stage} vs {low} for "
        "the rest ({high_cases} cases)",
        "fi": "{score} {high} neljänneksellä, joka viipyi pisimpään vaiheessa {stage}, ja "
        "{low} muilla ({high_cases} asiaa)",
    },
    # Repeat contacts: why customers come back ({whose} completes "customers ...").
    "repeat.evidence": {
        "en": "{share} of customers {whose} came back within {days} days, against {rest} of "
        "the rest ({came_back} of {cases} cases)",
        "fi": "{share} asiakkaista, {whose}, palasi {days} päivän kuluessa, muista {rest} "
        "({came_back}/{cases} asiaa)",
    },
    "repeat.whose.status.good": {
        "en": "whose case ended well",
        "fi": "joiden asia päättyi hyvin",
    },
    "repeat.whose.status.bad": {
        "en": "whose case ended badly",
        "fi": "joiden asia päättyi huonosti",
    },
    "repeat.whose.status.check": {
        "en": "whose case ended in an outcome still to be judged",
        "fi": "joiden asia päättyi vielä arvioimattomaan lopputulokseen",
    },
    "repeat.whose.status.dropoff": {
        "en": "whose case stopped without an outcome",
        "fi": "joiden asia jäi kesken ilman lopputulosta",
    },
    "repeat.whose.status.ongoing": {
        "en": "whose case was still open",
        "fi": "joiden asia oli yhä auki",
    },
    "repeat.whose.last_stage": {
        "en": "whose case ended in the stage {value}",
        "fi": "joiden asia päättyi vaiheeseen {value}",
    },
    "repeat.whose.channel": {
        "en": "whose case came in through {value}",
        "fi": "joiden asia tuli kanavasta {value}",
    },
    "repeat.whose.had_pingpong.true": {
        "en": "whose case bounced between units (ping-pong)",
        "fi": "joiden asia pomppi yksiköiden välillä (ping-pong)",
    },
    "repeat.whose.had_pingpong.false": {
        "en": "whose case did not bounce between units",
        "fi": "joiden asia ei pomppinut yksiköiden välillä",
    },
    "repeat.whose.had_rework.true": {
        "en": "whose case had rework",
        "fi": "joiden asiassa tehtiin työtä uudelleen",
    },
    "repeat.whose.had_rework.false": {
        "en": "whose case had no rework",
        "fi": "joiden asiassa ei tehty työtä uudelleen",
    },
    "repeat.whose.broke_promise.true": {
        "en": "whose case broke a stage promise",
        "fi": "joiden asiassa vaiheen lupaus rikkoutui",
    },
    "repeat.whose.broke_promise.false": {
        "en": "whose case kept every stage promise",
        "fi": "joiden asiassa jokainen vaiheen lupaus piti",
    },
    "stage.repeat_contacts": {
        "en": "{count} customers came back within {days} days after their case ended here",
        "fi": "{count} asiakasta palasi {days} päivän kuluessa, kun asia oli päättynyt tähän",
    },
    "component.repeat_contacts": {"en": "repeat contacts", "fi": "uusintayhteydenotot"},
    # Summaries.
    "summary.title": {"en": "Journey audit: {source}", "fi": "Asiakaspolun auditointi: {source}"},
    "summary.log": {
        "en": "{cases} cases, {events} events, {activities} activities, {first} to {last}",
        "fi": "{cases} asiaa, {events} tapahtumaa, {activities} toimintoa, {first} – {last}",
    },
    "summary.drafted": {
        "en": "The journey map was drafted from the log; edit it and pass it with --journey.",
        "fi": "Asiakaspolku luonnosteltiin lokista; muokkaa sitä ja anna se --journey-valinnalla.",
    },
    "summary.unmapped": {
        "en": "Activities outside every stage: {names}",
        "fi": "Toiminnot, jotka eivät kuulu mihinkään vaiheeseen: {names}",
    },
    "summary.weakest": {
        "en": "Weakest stage: {stage} (friction {score} of 100)",
        "fi": "Heikoin vaihe: {stage} (kitka {score}/100)",
    },
    "summary.no_weakest": {
        "en": "No stage shows measurable friction.",
        "fi": "Missään vaiheessa ei ole mitattavaa kitkaa.",
    },
    "summary.totals": {
        "en": "Handoffs {handoffs} ({handoffs_per_case} per case), ping-pong in {pingpong} of "
        "cases, rework in {rework} of cases, {back_jumps} back-jumps, {dropoffs} drop-offs, "
        "{ongoing} ongoing",
        "fi": "Siirtoja {handoffs} ({handoffs_per_case} asiaa kohden), ping-pong {pingpong} "
        "asioista, uudelleentyötä {rework} asioista, {back_jumps} paluuta, {dropoffs} "
        "keskeytystä, {ongoing} kesken",
    },
    "summary.lead_time": {
        "en": "Median lead time {lead_time}",
        "fi": "Läpimenoajan mediaani {lead_time}",
    },
    "summary.promises": {
        "en": "Promises kept in {share} of stage visits",
        "fi": "Lupaukset pitivät {share} vaihekäynneistä",
    },
    "summary.repeat_contacts": {
        "en": "{repeats} repeat contacts ({share} of cases with a customer): {customers} "
        "customers came back within {days} days of an earlier case",
        "fi": "{repeats} uusintayhteydenottoa ({share} asioista, joilla on asiakas): "
        "{customers} asiakasta palasi {days} päivän kuluessa aiemmasta asiasta",
    },
    "summary.no_customer": {
        "en": "{cases} cases name no customer and are left out of repeat contacts",
        "fi": "{cases} asiassa ei ole asiakasta, eikä niitä lasketa uusintayhteydenottoihin",
    },
    "summary.repeat_cause": {
        "en": "Why they come back: {evidence}",
        "fi": "Miksi he palaavat: {evidence}",
    },
    # Conformance to the designed journey (audit.findings.conformance).
    "summary.conformance": {
        "en": "{conforming} of {cases} cases ({share}) went the designed way",
        "fi": "{conforming}/{cases} asiaa ({share}) kulki suunniteltua polkua",
    },
    "conformance.skipped": {
        "en": "{count} cases skipped it",
        "fi": "{count} asiaa ohitti sen",
    },
    "conformance.out_of_order": {
        "en": "{count} cases entered it out of order, after a later stage",
        "fi": "{count} asiaa tuli siihen epäjärjestyksessä, myöhemmän vaiheen jälkeen",
    },
    "conformance.touchpoint_missing": {
        "en": "{count} cases passed through it without a required touchpoint",
        "fi": "{count} asiaa kulki sen läpi ilman vaadittua kohtaamispistettä",
    },
    "summary.hotspots": {"en": "Hotspots", "fi": "Kitkakohdat"},
    "summary.stages": {"en": "Stages", "fi": "Vaiheet"},
    "summary.experience": {"en": "Experience", "fi": "Kokemus"},
    "summary.quality": {"en": "Data quality", "fi": "Datan laatu"},
    "summary.rows": {
        "en": "{read} rows read, {dropped} dropped",
        "fi": "{read} riviä luettu, {dropped} hylätty",
    },
    "summary.stage_columns": {
        "en": "| Stage | Cases | Friction | Median wait | p90 wait | Median time in stage | "
        "Promise kept | Drop-offs |",
        "fi": "| Vaihe | Asiat | Kitka | Odotuksen mediaani | Odotuksen p90 | Vaiheen kesto "
        "(mediaani) | Lupaus piti | Keskeytykset |",
    },
    # Working hours (a journey calendar): calendar time next to working hours.
    "hours.calendar": {
        "en": "Working hours: {days} {hours} ({zone}); days off: {holidays}.",
        "fi": "Työaika: {days} {hours} ({zone}); vapaapäivät: {holidays}.",
    },
    "hours.calendar_no_holidays": {
        "en": "Working hours: {days} {hours} ({zone}).",
        "fi": "Työaika: {days} {hours} ({zone}).",
    },
    "hours.day.Mon": {"en": "Mon", "fi": "ma"},
    "hours.day.Tue": {"en": "Tue", "fi": "ti"},
    "hours.day.Wed": {"en": "Wed", "fi": "ke"},
    "hours.day.Thu": {"en": "Thu", "fi": "to"},
    "hours.day.Fri": {"en": "Fri", "fi": "pe"},
    "hours.day.Sat": {"en": "Sat", "fi": "la"},
    "hours.day.Sun": {"en": "Sun", "fi": "su"},
    "hours.country": {
        "en": "public holidays of {country}",
        "fi": "maan {country} yleiset vapaapäivät",
    },
    "hours.lead_time": {
        "en": "A case takes {calendar} for the customer (median lead time) and {working} of "
        "working hours.",
        "fi": "Asia kestää asiakkaalle {calendar} (läpimenoajan mediaani), työaikana {working}.",
    },
}


def text(key: str, language: str, **values: object) -> str:
    """The template `key` in `language`, filled with `values`."""
    if language not in LANGUAGES:
        raise AuditInputError(
            f"unknown language {language!r}",
            hint=f"choose one of {', '.join(LANGUAGES)}",
        )
    return TEXTS[key][language].format(**values)
