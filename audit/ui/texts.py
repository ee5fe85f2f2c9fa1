"""Every user-facing string of the app, in English and Finnish, looked up by key.

One table keeps the two languages side by side so that a missing translation is caught by a
test, not by a workshop audience. Values may hold ``str.format`` fields such as ``{cases}``.
"""

from __future__ import annotations

LANGUAGES: dict[str, str] = {"en": "English", "fi": "suomi"}
"""Language code -> the language's own name, as the switch shows it."""

TEXTS: dict[str, dict[str, str]] = {
    # App frame and navigation
    "app.title": {"en": "Journey Audit", "fi": "Asiakaspolun auditointi"},
    "app.tagline": {
        "en": "The process seen from the customer's side",
        "fi": "Prosessi asiakkaan silmin",
    },
    "app.language": {"en": "Language", "fi": "Kieli"},
    "app.source": {"en": "Log: {name}", "fi": "Loki: {name}"},
    "app.source_cases": {
        "en": "{cases:,} cases · {events:,} events",
        "fi": "{cases:,} tapausta · {events:,} tapahtumaa",
    },
    "app.example_cite": {
        "en": "Built-in example: a generated insurance-claim log.",
        "fi": "Sisäänrakennettu esimerkki: tuotettu vakuutuskorvausloki.",
    },
    "app.no_log": {
        "en": "No log is loaded yet. Open the Data page to upload one or pick an example.",
        "fi": "Lokia ei ole vielä ladattu. Lataa loki tai valitse esimerkki Data-sivulla.",
    },
    "app.audit_failed": {
        "en": "The audit could not be run: {message}",
        "fi": "Auditointia ei voitu tehdä: {message}",
    },
    "app.running_audit": {"en": "Running the audit…", "fi": "Auditoidaan…"},
    "app.drafting_journey": {
        "en": "drafting a journey map",
        "fi": "luonnostellaan asiakaspolkua",
    },
    "app.read_done": {"en": "{name}: audit ready", "fi": "{name}: auditointi valmis"},
    "app.read_failed": {"en": "{name} could not be used", "fi": "{name}: ei voitu käyttää"},
    "unit.days_short": {"en": "d", "fi": "pv"},
    "privacy.switch": {"en": "Pseudonymise names", "fi": "Pseudonymisoi nimet"},
    "privacy.on": {
        "en": "On: every page, table, CSV and report shows case ids and resources as "
        "tokens (case-7f3a2c) and leaves free-text columns out.",
        "fi": "Päällä: kaikki sivut, taulukot, CSV:t ja raportti näyttävät tapausten "
        "tunnukset ja resurssit tunnisteina (case-7f3a2c) ja jättävät vapaatekstisarakkeet "
        "pois.",
    },
    "privacy.off": {
        "en": "Off: pages show the log's own case ids and resources. Do not share outputs.",
        "fi": "Pois: sivut näyttävät lokin omat tunnukset ja resurssit. Älä jaa tuloksia.",
    },
    "app.reading_log": {"en": "Reading {name}…", "fi": "Luetaan {name}…"},
    "app.drafted_journey": {
        "en": "The journey map was drafted from the log. Check it on the Journey page.",
        "fi": "Asiakaspolku luonnosteltiin lokista. Tarkista se Asiakaspolku-sivulla.",
    },
    "nav.data": {"en": "Data", "fi": "Data"},
    "nav.journey": {"en": "Journey", "fi": "Asiakaspolku"},
    "nav.friction": {"en": "Friction map", "fi": "Kitkakartta"},
    "nav.process": {"en": "Process over journey", "fi": "Prosessi polun päällä"},
    "nav.handoffs": {"en": "Handoffs", "fi": "Siirrot"},
    "nav.labyrinth": {"en": "Labyrinth", "fi": "Labyrintti"},
    "nav.customer": {"en": "Customer's eye", "fi": "Asiakkaan silmin"},
    "nav.experience": {"en": "Experience", "fi": "Kokemus"},
    "nav.compare": {"en": "Before / after", "fi": "Ennen / jälkeen"},
    "nav.conformance": {"en": "Designed journey", "fi": "Suunniteltu polku"},
    "nav.report": {"en": "Report", "fi": "Raportti"},
    "nav.section_audit": {"en": "Audit", "fi": "Auditointi"},
    "nav.section_setup": {"en": "Set-up", "fi": "Asetukset"},
    # Downloads and tables
    "download.csv": {"en": "Download CSV", "fi": "Lataa CSV"},
    "table.truncated": {
        "en": "Showing the first {shown:,} of {total:,} rows; the CSV has them all.",
        "fi": "Näytetään {shown:,} ensimmäistä {total:,} rivistä; CSV sisältää kaikki.",
    },
    "chart.sampled": {
        "en": "The picture shows {shown:,} of {total:,} items; the CSV has them all.",
        "fi": "Kuvassa on {shown:,} / {total:,} kohdetta; CSV sisältää kaikki.",
    },
    "common.none": {"en": "(none)", "fi": "(ei mitään)"},
    "common.hours": {"en": "hours", "fi": "tuntia"},
    "common.cases": {"en": "cases", "fi": "tapausta"},
    # Filters
    "filter.title": {"en": "Filters", "fi": "Suodattimet"},
    "filter.period": {"en": "Cases started between", "fi": "Tapaukset alkaneet välillä"},
    "filter.status": {"en": "Outcome", "fi": "Lopputulos"},
    "filter.attribute": {"en": "{name}", "fi": "{name}"},
    "filter.reset": {"en": "Clear filters", "fi": "Tyhjennä suodattimet"},
    "filter.active": {
        "en": "Filtered: {shown:,} of {total:,} cases",
        "fi": "Suodatettu: {shown:,} / {total:,} tapausta",
    },
    "filter.empty": {
        "en": "No case matches the filters; showing all cases instead.",
        "fi": "Mikään tapaus ei täytä suodattimia; näytetään kaikki tapaukset.",
    },
    "status.good": {"en": "ended well", "fi": "päättyi hyvin"},
    "status.bad": {"en": "ended badly", "fi": "päättyi huonosti"},
    "status.dropoff": {"en": "dropped off", "fi": "keskeytyi"},
    "status.ongoing": {"en": "ongoing", "fi": "kesken"},
    "status.check": {"en": "outcome to check", "fi": "tarkistettava lopputulos"},
    # Data page
    "data.title": {"en": "Data", "fi": "Data"},
    "data.intro": {
        "en": "Upload an event log or pick an example. Check the column roles, then run the audit.",
        "fi": "Lataa tapahtumaloki tai valitse esimerkki. Tarkista sarakkeiden roolit ja "
        "käynnistä auditointi.",
    },
    "data.upload": {
        "en": "Event log (CSV, XES, XES.gz, Parquet or Excel)",
        "fi": "Tapahtumaloki (CSV, XES, XES.gz, Parquet tai Excel)",
    },
    "data.example": {"en": "Or pick an example", "fi": "Tai valitse esimerkki"},
    "data.example_load": {"en": "Load the example", "fi": "Lataa esimerkki"},
    "data.current": {"en": "Current log", "fi": "Nykyinen loki"},
    "data.role.case": {"en": "Case id", "fi": "Tapauksen tunnus"},
    "data.role.activity": {"en": "Activity", "fi": "Toiminto"},
    "data.role.timestamp": {"en": "Timestamp (completion)", "fi": "Aikaleima (valmistuminen)"},
    "data.role.start": {"en": "Start time", "fi": "Alkamisaika"},
    "data.role.resource": {"en": "Resource", "fi": "Resurssi"},
    "data.role.org_unit": {"en": "Org unit", "fi": "Organisaatioyksikkö"},
    "data.role.channel": {"en": "Channel", "fi": "Kanava"},
    "data.role.lifecycle": {"en": "Lifecycle", "fi": "Elinkaari"},
    "data.role_none": {"en": "(none)", "fi": "(ei mikään)"},
    "data.role.customer": {"en": "Customer", "fi": "Asiakas"},
    # Import wizard (Data page)
    "wizard.title_upload": {"en": "Import {name}", "fi": "Tuo {name}"},
    "wizard.title_current": {
        "en": "Column roles of {name}",
        "fi": "Tiedoston {name} sarakkeiden roolit",
    },
    "wizard.intro": {
        "en": "The first {rows:,} rows of the file ({columns} columns). Choose which column "
        "fills each role; roles recognised from the column names are already filled in. "
        "Then run the audit.",
        "fi": "Tiedoston ensimmäiset {rows:,} riviä ({columns} saraketta). Valitse, mikä "
        "sarake täyttää kunkin roolin; sarakkeiden nimistä tunnistetut roolit on jo "
        "valittu. Käynnistä sitten auditointi.",
    },
    "wizard.pending": {
        "en": "The app still shows {name} until you run the audit of this file.",
        "fi": "Sovellus näyttää lokia {name}, kunnes käynnistät tämän tiedoston auditoinnin.",
    },
    "wizard.cancel": {"en": "Keep the current log", "fi": "Pidä nykyinen loki"},
    "wizard.columns": {"en": "Columns", "fi": "Sarakkeet"},
    "wizard.rows": {"en": "First rows", "fi": "Ensimmäiset rivit"},
    "wizard.col.column": {"en": "Column", "fi": "Sarake"},
    "wizard.col.role": {"en": "Role", "fi": "Rooli"},
    "wizard.col.type": {"en": "Type", "fi": "Tyyppi"},
    "wizard.col.values": {"en": "First values", "fi": "Ensimmäiset arvot"},
    "wizard.type.text": {"en": "text", "fi": "teksti"},
    "wizard.type.integer": {"en": "whole number", "fi": "kokonaisluku"},
    "wizard.type.decimal": {"en": "number", "fi": "luku"},
    "wizard.type.decimal comma": {"en": "number (decimal comma)", "fi": "luku (desimaalipilkku)"},
    "wizard.type.boolean": {"en": "yes/no", "fi": "kyllä/ei"},
    "wizard.type.time": {"en": "time", "fi": "aika"},
    "wizard.type.empty": {"en": "empty", "fi": "tyhjä"},
    "wizard.roles": {"en": "Roles", "fi": "Roolit"},
    "wizard.choose": {"en": "Choose a column", "fi": "Valitse sarake"},
    "wizard.times": {"en": "Reading the times", "fi": "Aikojen lukeminen"},
    "wizard.need.case": {
        "en": "Choose the column that identifies each case (e.g. a complaint, ticket or "
        "application number).",
        "fi": "Valitse sarake, joka yksilöi tapauksen (esim. valituksen, tiketin tai "
        "hakemuksen numero).",
    },
    "wizard.need.activity": {
        "en": "Choose the column (or columns) that say what happened: the activity or status.",
        "fi": "Valitse sarake (tai sarakkeet), joka kertoo mitä tapahtui: toiminto tai tila.",
    },
    "wizard.need.timestamp": {
        "en": "Choose the column that says when each event happened.",
        "fi": "Valitse sarake, joka kertoo milloin kukin tapahtuma tapahtui.",
    },
    "wizard.twice": {
        "en": "'{column}' already fills the role {role}: choose another column here, or (none).",
        "fi": "'{column}' täyttää jo roolin {role}: valitse tähän toinen sarake tai (ei mikään).",
    },
    "wizard.recognised": {
        "en": "Left empty, this role is still filled by '{column}', recognised from its name.",
        "fi": "Vaikka rooli jätetään tyhjäksi, sen täyttää nimestään tunnistettu '{column}'.",
    },
    "wizard.time.empty": {
        "en": "'{column}' is empty in the first rows: choose the column that holds the "
        "event times.",
        "fi": "'{column}' on tyhjä ensimmäisillä riveillä: valitse sarake, jossa "
        "tapahtumien ajat ovat.",
    },
    "wizard.time.none": {
        "en": "None of the first rows of '{column}' reads as a time: choose the column that "
        "holds the event times.",
        "fi": "Mikään sarakkeen '{column}' ensimmäisistä riveistä ei ole aika: valitse "
        "sarake, jossa tapahtumien ajat ovat.",
    },
    "wizard.time.few": {
        "en": "Only {readable} of the first {values} values of '{column}' read as a time: "
        "choose the column that holds the event times.",
        "fi": "Vain {readable} sarakkeen '{column}' ensimmäisistä {values} arvosta on "
        "aikoja: valitse sarake, jossa tapahtumien ajat ovat.",
    },
    "wizard.time.format": {"en": "Format: {format}", "fi": "Muoto: {format}"},
    "wizard.time.naive": {
        "en": "no UTC offset: read in {zone}",
        "fi": "ei UTC-poikkeamaa: luetaan vyöhykkeellä {zone}",
    },
    "wizard.time.zoned": {
        "en": "with a UTC offset: shown in {zone}",
        "fi": "UTC-poikkeamalla: näytetään vyöhykkeellä {zone}",
    },
    "wizard.time.written": {"en": "As written", "fi": "Kirjoitettuna"},
    "wizard.time.read": {"en": "Read as", "fi": "Luettuna"},
    "wizard.time.unread": {
        "en": "{count} of the first {values} values do not read as a time; their rows will "
        "be dropped and counted in the data-quality account.",
        "fi": "{count} ensimmäisistä {values} arvosta ei ole aikoja; niiden rivit hylätään "
        "ja kirjataan datan laatuun.",
    },
    "wizard.time.implausible": {
        "en": "{count} values read as times before 1971: is '{column}' a number rather "
        "than a time?",
        "fi": "{count} arvoa luetaan ajoiksi ennen vuotta 1971: onko '{column}' luku eikä aika?",
    },
    "wizard.time.ambiguous": {
        "en": "The dates in '{column}' could be day/month or month/day (no day above 12 in "
        "the first rows): choose the order under Reading the times.",
        "fi": "Sarakkeen '{column}' päivämäärät voivat olla päivä/kuukausi tai "
        "kuukausi/päivä (ensimmäisillä riveillä ei päivää yli 12): valitse järjestys "
        "kohdassa Aikojen lukeminen.",
    },
    "wizard.times_zoned": {
        "en": "The chosen times carry their UTC offset: no time zone is needed.",
        "fi": "Valituissa ajoissa on UTC-poikkeama: aikavyöhykettä ei tarvita.",
    },
    "wizard.run": {"en": "Run the audit", "fi": "Käynnistä auditointi"},
    "wizard.fix_first": {
        "en": "Fix the fields marked in red first.",
        "fi": "Korjaa ensin punaisella merkityt kentät.",
    },
    "wizard.mapping": {"en": "Saved mappings", "fi": "Tallennetut roolitukset"},
    "wizard.mapping_help": {
        "en": "Save the roles as a small YAML file to reuse them on the next export, here or "
        "with journey-audit --mapping FILE.",
        "fi": "Tallenna roolit pieneksi YAML-tiedostoksi ja käytä niitä seuraavassa "
        "viennissä, täällä tai komennolla journey-audit --mapping TIEDOSTO.",
    },
    "wizard.mapping_download": {"en": "Save this mapping", "fi": "Tallenna roolitus"},
    "wizard.mapping_upload": {"en": "Use a saved mapping", "fi": "Käytä tallennettua roolitusta"},
    "wizard.mapping_bad": {
        "en": "This mapping file could not be used, so the fields keep their choices.",
        "fi": "Roolitustiedostoa ei voitu käyttää, joten kentät pitävät valintansa.",
    },
    "wizard.mapping_missing": {
        "en": "The mapping file names columns this file does not have: {columns}.",
        "fi": "Roolitustiedosto nimeää sarakkeita, joita tässä tiedostossa ei ole: {columns}.",
    },
    "wizard.mapping_used": {
        "en": "Roles from {name} filled in: check them and run the audit.",
        "fi": "Roolit tiedostosta {name} on valittu: tarkista ne ja käynnistä auditointi.",
    },
    "wizard.advice": {"en": "Suggestions", "fi": "Ehdotukset"},
    "wizard.advice_use": {"en": "Use this", "fi": "Käytä tätä"},
    "wizard.head_failed": {
        "en": "The first rows cannot be read with these roles, so the whole file will "
        "probably not read either:",
        "fi": "Ensimmäisiä rivejä ei voi lukea näillä rooleilla, joten koko tiedostokaan "
        "ei luultavasti lukeudu:",
    },
    "data.timezone": {
        "en": "Time zone of times without an offset",
        "fi": "Aikavyöhyke, jos ajassa ei ole poikkeamaa",
    },
    "data.dayfirst": {"en": "Dates such as 03/04", "fi": "Päivämäärät kuten 03/04"},
    "data.dayfirst.auto": {"en": "from the data", "fi": "datan mukaan"},
    "data.dayfirst.yes": {"en": "day first", "fi": "päivä ensin"},
    "data.dayfirst.no": {"en": "month first", "fi": "kuukausi ensin"},
    "data.check.duplicated": {"en": "Duplicated events", "fi": "Kaksoistapahtumat"},
    "data.check.single_event": {"en": "Cases with one event", "fi": "Yhden tapahtuman tapaukset"},
    "data.check.tied": {
        "en": "Cases with events at the same time",
        "fi": "Tapaukset, joissa samanaikaisia tapahtumia",
    },
    "data.check.out_of_range": {
        "en": "Times far outside the log's range",
        "fi": "Ajat kaukana lokin aikavälin ulkopuolella",
    },
    "data.check.lifecycle_merged": {
        "en": "Start events joined to their completion",
        "fi": "Alkutapahtumat yhdistetty valmistumiseen",
    },
    "data.check.unpaired": {
        "en": "Completions without a start",
        "fi": "Valmistumiset ilman alkua",
    },
    "col.check": {"en": "Check", "fi": "Tarkistus"},
    "col.reason": {"en": "Reason", "fi": "Syy"},
    "col.examples": {"en": "Example rows", "fi": "Esimerkkirivit"},
    "data.quality": {"en": "Data quality", "fi": "Datan laatu"},
    "data.quality_rows": {"en": "Rows read", "fi": "Luettuja rivejä"},
    "data.quality_used": {"en": "Events used", "fi": "Käytettyjä tapahtumia"},
    "data.quality_dropped": {"en": "Rows dropped", "fi": "Hylättyjä rivejä"},
    "data.quality_item": {"en": "Check", "fi": "Tarkistus"},
    "data.quality_value": {"en": "Value", "fi": "Arvo"},
    "data.preview": {"en": "First events", "fi": "Ensimmäiset tapahtumat"},
    "data.bad_upload": {
        "en": "This file could not be used, so the app keeps the log it had.",
        "fi": "Tiedostoa ei voitu käyttää, joten sovellus jatkaa aiemmalla lokilla.",
    },
    "data.loaded": {
        "en": "Read {name}: {cases:,} cases, {events:,} events.",
        "fi": "Luettu {name}: {cases:,} tapausta, {events:,} tapahtumaa.",
    },
    # Journey page
    "journey.title": {"en": "Journey map", "fi": "Asiakaspolku"},
    "journey.intro": {
        "en": "Stages in the order the customer lives them, with their promises; which stage "
        "each activity belongs to; which activities the customer sees; how a journey ends. "
        "Edits re-run the audit.",
        "fi": "Vaiheet siinä järjestyksessä kuin asiakas ne kokee, lupauksineen; mihin "
        "vaiheeseen kukin toiminto kuuluu; mitkä toiminnot asiakas näkee; miten polku "
        "päättyy. Muutokset auditoidaan heti.",
    },
    "journey.stages": {"en": "Stages", "fi": "Vaiheet"},
    "journey.activities": {"en": "Activities", "fi": "Toiminnot"},
    "journey.col.stage": {"en": "Stage", "fi": "Vaihe"},
    "journey.col.description": {"en": "Description", "fi": "Kuvaus"},
    "journey.col.promise": {"en": "Promise", "fi": "Lupaus"},
    "journey.col.promise_help": {
        "en": "A duration such as 24h or 5d; empty for no promise.",
        "fi": "Kesto, esim. 24h tai 5d; tyhjä, jos lupausta ei ole.",
    },
    "journey.col.unmapped": {"en": "No stage", "fi": "Ei vaihetta"},
    "journey.col.activity": {"en": "Activity", "fi": "Toiminto"},
    "journey.col.touchpoint": {"en": "Touchpoint", "fi": "Kohtaamispiste"},
    "journey.col.channel": {"en": "Channel", "fi": "Kanava"},
    "journey.col.outcome": {"en": "Outcome", "fi": "Lopputulos"},
    "journey.col.events": {"en": "Events", "fi": "Tapahtumia"},
    "journey.outcome.good": {"en": "good", "fi": "hyvä"},
    "journey.outcome.bad": {"en": "bad", "fi": "huono"},
    "journey.unmapped": {
        "en": "{count} activities belong to no stage: {names}",
        "fi": "{count} toimintoa ei kuulu mihinkään vaiheeseen: {names}",
    },
    "journey.all_mapped": {
        "en": "Every activity belongs to a stage.",
        "fi": "Jokainen toiminto kuuluu johonkin vaiheeseen.",
    },
    "journey.apply": {"en": "Apply the changes", "fi": "Ota muutokset käyttöön"},
    "journey.download": {"en": "Download the journey (YAML)", "fi": "Lataa asiakaspolku (YAML)"},
    "journey.upload": {"en": "Upload a journey (YAML)", "fi": "Lataa asiakaspolku (YAML)"},
    "journey.yaml": {"en": "The journey as YAML", "fi": "Asiakaspolku YAML-muodossa"},
    "journey.bad_yaml": {
        "en": "This journey map could not be used, so the app keeps the one it had.",
        "fi": "Asiakaspolkua ei voitu käyttää, joten sovellus jatkaa aiemmalla polulla.",
    },
    "journey.applied": {"en": "Journey updated.", "fi": "Asiakaspolku päivitetty."},
    # Friction map page
    "friction.title": {"en": "Friction map", "fi": "Kitkakartta"},
    "friction.kpi.cases": {"en": "Cases", "fi": "Tapauksia"},
    "friction.kpi.cases_help": {
        "en": "Cases audited (after the sidebar filters).",
        "fi": "Auditoidut tapaukset (sivupalkin suodattimien jälkeen).",
    },
    "friction.kpi.lead_time": {"en": "Lead time", "fi": "Kesto"},
    "friction.kpi.lead_time_help": {
        "en": "Median time from a case's first event to its last.",
        "fi": "Läpimenoajan mediaani: tapauksen ensimmäisestä tapahtumasta viimeiseen.",
    },
    "friction.kpi.handoffs": {"en": "Handoffs", "fi": "Siirtoja"},
    "friction.kpi.handoffs_help": {
        "en": "Handoffs from one unit to another per case (mean).",
        "fi": "Siirtoja yksiköltä toiselle tapausta kohden (keskiarvo).",
    },
    "friction.kpi.pingpong": {"en": "Ping-pong", "fi": "Pingpong"},
    "friction.kpi.pingpong_help": {
        "en": "Share of cases that bounced back to a unit they had just left.",
        "fi": "Osuus tapauksista, jotka palasivat yksikköön, josta ne juuri lähtivät.",
    },
    "friction.kpi.rework": {"en": "Rework", "fi": "Uusintatyö"},
    "friction.kpi.rework_help": {
        "en": "Share of cases in which an activity was done again.",
        "fi": "Osuus tapauksista, joissa jokin toiminto tehtiin uudelleen.",
    },
    "friction.kpi.promises": {"en": "Promises", "fi": "Lupaukset"},
    "friction.kpi.promises_help": {
        "en": "Promises kept: the share of stage visits that stayed within the stage's promise.",
        "fi": "Pidetyt lupaukset: osuus vaihekäynneistä, jotka pysyivät vaiheen lupauksessa.",
    },
    "friction.kpi.dropoffs": {"en": "Drop-offs", "fi": "Keskeytyneet"},
    "friction.kpi.dropoffs_help": {
        "en": "Share of cases that ended without an outcome (cases still running are not counted).",
        "fi": "Osuus tapauksista, jotka päättyivät ilman lopputulosta (kesken olevia ei lasketa).",
    },
    "friction.stages": {
        "en": "The journey, stage by stage: darker means more friction",
        "fi": "Polku vaihe vaiheelta: tummempi tarkoittaa enemmän kitkaa",
    },
    "friction.weakest": {
        "en": "Weakest stage: **{stage}** (friction {score:.0f} of 100). The journey is "
        "judged by its worst encounter.",
        "fi": "Heikoin vaihe: **{stage}** (kitka {score:.0f}/100). Asiakaspolku arvioidaan "
        "sen heikoimman kohtaamisen mukaan.",
    },
    "friction.gap": {
        "en": "Outside-in next to inside-out",
        "fi": "Asiakkaan näkymä ja organisaation näkymä rinnakkain",
    },
    "friction.gap_help": {
        "en": "Per stage, the customer's elapsed time against the organisation's work time "
        "(median per case, hours). The difference is the understanding gap.",
        "fi": "Vaiheittain asiakkaan kokema kulunut aika ja organisaation työaika (mediaani "
        "tapausta kohden, tunteja). Ero on ymmärryskuilu.",
    },
    "friction.components": {"en": "What the friction is made of", "fi": "Mistä kitka koostuu"},
    "friction.hotspots": {"en": "Hotspots", "fi": "Kuumat kohdat"},
    "friction.no_hotspots": {"en": "No hotspots were found.", "fi": "Kuumia kohtia ei löytynyt."},
    "friction.stage_table": {"en": "Stages in numbers", "fi": "Vaiheet lukuina"},
    "level.stage": {"en": "Stage", "fi": "Vaihe"},
    "level.activity": {"en": "Activity", "fi": "Toiminto"},
    "level.org_unit": {"en": "Unit", "fi": "Yksikkö"},
    "level.handoff_pair": {"en": "Handoff", "fi": "Siirto"},
    "measure.friction": {"en": "Friction", "fi": "Kitka"},
    "measure.stage": {"en": "Stage", "fi": "Vaihe"},
    "measure.component": {"en": "Component", "fi": "Osatekijä"},
    "measure.share": {"en": "Share of the score", "fi": "Osuus pisteistä"},
    "measure.view": {"en": "View", "fi": "Näkymä"},
    "measure.outside_in": {"en": "Customer's elapsed time", "fi": "Asiakkaan kokema aika"},
    "measure.inside_out": {"en": "Work time", "fi": "Työaika"},
    "measure.hours": {"en": "Hours (median per case)", "fi": "Tunteja (mediaani / tapaus)"},
    "measure.no_work_time": {
        "en": "The log has no start times, so work time cannot be told apart from waiting.",
        "fi": "Lokissa ei ole alkamisaikoja, joten työaikaa ei voi erottaa odotuksesta.",
    },
    "component.wait": {"en": "waiting", "fi": "odotus"},
    "component.handoffs": {"en": "handoffs", "fi": "siirrot"},
    "component.pingpong": {"en": "ping-pong", "fi": "pingpong"},
    "component.rework": {"en": "rework", "fi": "uudelleentyö"},
    "component.back_jumps": {"en": "back-jumps", "fi": "paluut taaksepäin"},
    "component.promise": {"en": "broken promises", "fi": "rikotut lupaukset"},
    "component.dropoff": {"en": "drop-off", "fi": "keskeytykset"},
    "component.silence": {"en": "silence", "fi": "hiljaisuus"},
    "component.repeat_contacts": {"en": "repeat contacts", "fi": "uusintayhteydenotot"},
    # Process page
    "process.title": {"en": "Process over journey", "fi": "Prosessi asiakaspolun päällä"},
    "process.intro": {
        "en": "The mined process drawn over the journey: stages left to right, touchpoints "
        "above the line of visibility, backstage below it. Red arrows jump back to an "
        "earlier stage; dashed arrows are handoffs between units.",
        "fi": "Louhittu prosessi asiakaspolun päällä: vaiheet vasemmalta oikealle, "
        "kohtaamispisteet näkyvyysrajan yläpuolella, taustatyö sen alapuolella. Punaiset "
        "nuolet palaavat aiempaan vaiheeseen; katkoviivat ovat siirtoja yksiköltä toiselle.",
    },
    "process.view": {"en": "View", "fi": "Näkymä"},
    "process.view.map": {"en": "Process map", "fi": "Prosessikartta"},
    "process.view.blueprint": {"en": "Service blueprint", "fi": "Palvelupiirustus"},
    "process.labels": {"en": "Edge labels", "fi": "Nuolten tekstit"},
    "process.labels.frequency": {"en": "frequency", "fi": "määrä"},
    "process.labels.wait": {"en": "median wait", "fi": "odotuksen mediaani"},
    "process.activities": {"en": "Activities shown", "fi": "Näytetyt toiminnot"},
    "process.paths": {"en": "Paths shown", "fi": "Näytetyt polut"},
    "process.hidden": {
        "en": "Hidden: {activities} of {activities_total} activities and {edges} of "
        "{edges_total} paths, {events_share:.0%} of the events and {flow_share:.0%} of "
        "the flow.",
        "fi": "Piilotettu: {activities} / {activities_total} toimintoa ja {edges} / "
        "{edges_total} polkua, {events_share:.0%} tapahtumista ja {flow_share:.0%} "
        "siirtymistä.",
    },
    "process.hidden_names": {
        "en": "Hidden activities: {names}",
        "fi": "Piilotetut toiminnot: {names}",
    },
    "process.nothing_hidden": {
        "en": "All activities and paths are shown.",
        "fi": "Kaikki toiminnot ja polut näkyvät.",
    },
    "process.edges": {"en": "Paths (directly-follows)", "fi": "Polut (suorat seuraajat)"},
    # Handoffs page
    "handoffs.title": {"en": "Handoffs", "fi": "Siirrot"},
    "handoffs.basis.org_unit": {
        "en": "Handoffs are counted between org units.",
        "fi": "Siirrot lasketaan organisaatioyksiköiden välillä.",
    },
    "handoffs.basis.resource": {
        "en": "The log has no org units, so handoffs are counted between resources.",
        "fi": "Lokissa ei ole organisaatioyksiköitä, joten siirrot lasketaan resurssien välillä.",
    },
    "handoffs.basis.none": {
        "en": "The log names neither org units nor resources, so there are no handoffs to count.",
        "fi": "Lokissa ei ole organisaatioyksiköitä eikä resursseja, joten siirtoja ei voi laskea.",
    },
    "handoffs.network": {"en": "Unit-to-unit network", "fi": "Yksiköiden välinen verkko"},
    "handoffs.pairs": {"en": "Handoff pairs", "fi": "Siirtoparit"},
    "handoffs.matrix": {
        "en": "Who hands over to whom (colour: count; hover: median wait)",
        "fi": "Kuka siirtää kenelle (väri: määrä; osoita: odotuksen mediaani)",
    },
    "handoffs.pingpong": {"en": "Ping-pong pairs", "fi": "Pingpong-parit"},
    "handoffs.pingpong_cases": {"en": "Cases that ping-pong most", "fi": "Eniten pompotellut"},
    "handoffs.units": {"en": "Org units", "fi": "Organisaatioyksiköt"},
    "handoffs.no_pingpong": {"en": "No case bounced back.", "fi": "Yhtään tapausta ei pompoteltu."},
    "col.from_unit": {"en": "From", "fi": "Mistä"},
    "col.to_unit": {"en": "To", "fi": "Mihin"},
    "col.count": {"en": "Count", "fi": "Määrä"},
    "col.cases": {"en": "Cases", "fi": "Tapauksia"},
    "col.wait_median": {"en": "Median wait (h)", "fi": "Odotuksen mediaani (h)"},
    # Labyrinth page
    "labyrinth.title": {"en": "Labyrinth", "fi": "Labyrintti"},
    "labyrinth.intro": {
        "en": "Repeated work and jumps back to earlier stages: the walls of the labyrinth.",
        "fi": "Toistettu työ ja paluut aiempiin vaiheisiin: labyrintin seinät.",
    },
    "labyrinth.rework": {
        "en": "Rework by activity: repeat (same person) or redo (someone else)",
        "fi": "Uudelleentyö toiminnoittain: toisto (sama henkilö) tai uusinta (joku muu)",
    },
    "labyrinth.repeat": {"en": "repeat", "fi": "toisto"},
    "labyrinth.redo": {"en": "redo", "fi": "uusinta"},
    "labyrinth.kind": {"en": "Kind", "fi": "Laji"},
    "labyrinth.back_jumps": {
        "en": "Back-jumps from stage to stage",
        "fi": "Paluut vaiheesta toiseen",
    },
    "labyrinth.no_back_jumps": {
        "en": "No case was sent back to an earlier stage.",
        "fi": "Yhtään tapausta ei palautettu aiempaan vaiheeseen.",
    },
    "labyrinth.no_rework": {"en": "No activity was repeated.", "fi": "Mitään ei toistettu."},
    "labyrinth.worst": {"en": "The most labyrinthine cases", "fi": "Labyrinttimäisimmät tapaukset"},
    "col.from_stage": {"en": "From stage", "fi": "Mistä vaiheesta"},
    "col.to_stage": {"en": "Back to stage", "fi": "Mihin vaiheeseen"},
    "col.activity": {"en": "Activity", "fi": "Toiminto"},
    "col.case_id": {"en": "Case", "fi": "Tapaus"},
    "col.labyrinth": {"en": "Labyrinth score", "fi": "Labyrinttipisteet"},
    "col.rework": {"en": "Rework", "fi": "Uusintatyö"},
    "col.back_jumps": {"en": "Back-jumps", "fi": "Paluut"},
    "col.pingpongs": {"en": "Ping-pongs", "fi": "Pingpongit"},
    "col.handoffs": {"en": "Handoffs", "fi": "Siirrot"},
    "col.lead_time_hours": {"en": "Lead time (h)", "fi": "Kesto (h)"},
    "col.status": {"en": "Outcome", "fi": "Lopputulos"},
    "col.events": {"en": "Events", "fi": "Tapahtumia"},
    # Customer's eye page
    "customer.title": {"en": "Customer's eye", "fi": "Asiakkaan silmin"},
    "customer.intro": {
        "en": "One case as its customer lived it: stages, waits and silences, the "
        "touchpoints, the units that handled it.",
        "fi": "Yksi tapaus niin kuin asiakas sen koki: vaiheet, odotukset ja hiljaisuudet, "
        "kohtaamispisteet ja käsitelleet yksiköt.",
    },
    "customer.pick": {"en": "Which cases", "fi": "Mitkä tapaukset"},
    "customer.pick.wait": {"en": "longest waits", "fi": "pisimmät odotukset"},
    "customer.pick.handoffs": {"en": "most handoffs", "fi": "eniten siirtoja"},
    "customer.pick.loops": {"en": "most loops", "fi": "eniten silmukoita"},
    "customer.pick.any": {"en": "any case", "fi": "mikä tahansa tapaus"},
    "customer.case": {"en": "Case", "fi": "Tapaus"},
    "customer.timeline": {"en": "Timeline", "fi": "Aikajana"},
    "customer.steps": {"en": "Step by step", "fi": "Askel askeleelta"},
    "customer.legend": {
        "en": "Coloured bars: work, by unit · grey bars: waiting · ◆ a touchpoint the "
        "customer sees · top row: the customer's silences of a day or more (and the "
        "longest). Scroll to zoom in time, drag to move.",
        "fi": "Värilliset palkit: työ yksiköittäin · harmaat palkit: odotus · ◆ asiakkaan "
        "näkemä kohtaamispiste · ylin rivi: asiakkaan vähintään vuorokauden (ja pisin) "
        "hiljaisuus. Vieritä zoomataksesi aikaa, vedä siirtääksesi.",
    },
    "stage.unmapped": {"en": "(no stage)", "fi": "(ei vaihetta)"},
    "customer.silence_lane": {"en": "Customer hears nothing", "fi": "Asiakas ei kuule mitään"},
    "customer.kind.touchpoint": {"en": "touchpoint", "fi": "kohtaamispiste"},
    "customer.kind.wait": {"en": "waiting", "fi": "odotus"},
    "customer.kind.silence": {"en": "silence", "fi": "hiljaisuus"},
    "customer.kind.work": {"en": "work", "fi": "työ"},
    "col.time": {"en": "Time", "fi": "Aika"},
    "col.unit": {"en": "Unit", "fi": "Yksikkö"},
    "col.touchpoint": {"en": "Touchpoint", "fi": "Kohtaamispiste"},
    # Experience page
    "experience.title": {"en": "Experience", "fi": "Kokemus"},
    "experience.intro": {
        "en": "Survey answers set against the friction each case met.",
        "fi": "Kyselyvastaukset rinnakkain kunkin tapauksen kohtaaman kitkan kanssa.",
    },
    "experience.none": {
        "en": "This log has no survey scores (NPS, CSAT or CES), so there is nothing to "
        "relate to friction. Name the survey columns in the journey file if they exist "
        "under other names.",
        "fi": "Lokissa ei ole kyselytuloksia (NPS, CSAT tai CES), joten kitkaa ei voi "
        "verrata kokemukseen. Nimeä kyselysarakkeet asiakaspolkutiedostossa, jos niillä "
        "on muut nimet.",
    },
    "experience.kind.nps": {
        "en": "Net Promoter Score (column {column})",
        "fi": "Suositteluindeksi NPS (sarake {column})",
    },
    "experience.kind.csat": {
        "en": "Customer satisfaction, CSAT (column {column})",
        "fi": "Asiakastyytyväisyys CSAT (sarake {column})",
    },
    "experience.kind.ces": {
        "en": "Customer effort, CES (column {column})",
        "fi": "Asiakkaan vaiva CES (sarake {column})",
    },
    "experience.score.nps": {"en": "NPS (points)", "fi": "NPS (pistettä)"},
    "experience.score.csat": {"en": "Mean CSAT", "fi": "CSAT keskiarvo"},
    "experience.score.ces": {"en": "Mean CES", "fi": "CES keskiarvo"},
    "experience.by.handoffs": {"en": "By number of handoffs", "fi": "Siirtojen määrän mukaan"},
    "experience.by.pingpong": {"en": "Ping-pong", "fi": "Pingpong"},
    "experience.by.promise": {"en": "Promise", "fi": "Lupaus"},
    "experience.by.rework": {"en": "Rework", "fi": "Uudelleentyö"},
    "experience.by_stage": {
        "en": "Each stage's weakest quarter of cases (longest in the stage) against the rest",
        "fi": "Kunkin vaiheen heikoin neljännes (pisimpään vaiheessa) verrattuna muihin",
    },
    "experience.group": {"en": "Group", "fi": "Ryhmä"},
    "experience.group.with": {"en": "with", "fi": "kyllä"},
    "experience.group.without": {"en": "without", "fi": "ei"},
    "experience.group.kept": {"en": "kept", "fi": "pidetty"},
    "experience.group.broken": {"en": "broken", "fi": "rikottu"},
    # Before / after page
    "compare.title": {"en": "Before / after", "fi": "Ennen / jälkeen"},
    "compare.intro": {
        "en": "Did a change help? Compare two periods of this log, or this log with a "
        "second one, on the same journey map: per stage and measure, the change and "
        "whether it is larger than chance would explain for the number of cases.",
        "fi": "Auttoiko muutos? Vertaa tämän lokin kahta jaksoa tai tätä lokia toiseen "
        "samalla asiakaspolulla: vaiheittain ja mittareittain muutos ja se, onko se "
        "tapausmäärään nähden suurempi kuin sattuma selittäisi.",
    },
    "compare.mode": {"en": "Compare", "fi": "Vertaa"},
    "compare.mode.periods": {"en": "two periods of this log", "fi": "tämän lokin kahta jaksoa"},
    "compare.mode.logs": {"en": "this log with another", "fi": "tätä lokia toiseen"},
    "compare.split": {
        "en": "The 'after' period starts on",
        "fi": "Jälkeen-jakso alkaa",
    },
    "compare.period.before": {"en": "cases started before {day}", "fi": "ennen {day} alkaneet"},
    "compare.period.after": {
        "en": "cases started from {day} on",
        "fi": "{day} tai myöhemmin alkaneet",
    },
    "compare.split_help": {
        "en": "A case belongs wholly to the period in which its first event falls.",
        "fi": "Tapaus kuuluu kokonaan siihen jaksoon, jolla sen ensimmäinen tapahtuma on.",
    },
    "compare.one_day": {
        "en": "Every case of this log started on the same day, so it cannot be split.",
        "fi": "Kaikki tämän lokin tapaukset alkoivat samana päivänä, joten sitä ei voi jakaa.",
    },
    "compare.upload": {
        "en": "The 'after' log (same journey; CSV, XES, Parquet or Excel)",
        "fi": "Jälkeen-loki (sama asiakaspolku; CSV, XES, Parquet tai Excel)",
    },
    "compare.bad_upload": {
        "en": "This file could not be read, so there is nothing to compare.",
        "fi": "Tiedostoa ei voitu lukea, joten vertailtavaa ei ole.",
    },
    "compare.failed": {
        "en": "The comparison could not be made.",
        "fi": "Vertailua ei voitu tehdä.",
    },
    "compare.running": {"en": "Comparing…", "fi": "Verrataan…"},
    "compare.groups": {
        "en": "Before: {before} (n = {before_cases}) · After: {after} (n = {after_cases})",
        "fi": "Ennen: {before} (n = {before_cases}) · Jälkeen: {after} (n = {after_cases})",
    },
    "compare.before": {"en": "Before", "fi": "Ennen"},
    "compare.after": {"en": "After", "fi": "Jälkeen"},
    "compare.kpi.improved": {"en": "Improved", "fi": "Parani"},
    "compare.kpi.improved_help": {
        "en": "Measures that got better by more than chance would explain.",
        "fi": "Mittarit, jotka paranivat enemmän kuin sattuma selittäisi.",
    },
    "compare.kpi.worsened": {"en": "Worsened", "fi": "Heikkeni"},
    "compare.kpi.worsened_help": {
        "en": "Measures that got worse by more than chance would explain.",
        "fi": "Mittarit, jotka heikkenivät enemmän kuin sattuma selittäisi.",
    },
    "compare.kpi.appeared": {"en": "New hotspots", "fi": "Uudet kuumat"},
    "compare.kpi.appeared_help": {
        "en": "Hotspots found after but not before.",
        "fi": "Kuumat kohdat, jotka löytyivät vain jälkeen.",
    },
    "compare.kpi.disappeared": {"en": "Gone hotspots", "fi": "Poistuneet"},
    "compare.kpi.disappeared_help": {
        "en": "Hotspots found before but not after.",
        "fi": "Kuumat kohdat, jotka löytyivät vain ennen.",
    },
    "compare.significant": {
        "en": "Changes larger than chance",
        "fi": "Sattumaa suuremmat muutokset",
    },
    "compare.nothing_significant": {
        "en": "No measure changed by more than chance would explain for these numbers of cases.",
        "fi": "Mikään mittari ei muuttunut enempää kuin sattuma näillä tapausmäärillä selittäisi.",
    },
    "compare.change_line": {
        "en": "{mark} **{scope}** · {measure}: {before} → {after} ({verdict}, q = {q})",
        "fi": "{mark} **{scope}** · {measure}: {before} → {after} ({verdict}, q = {q})",
    },
    "compare.friction": {"en": "Friction by stage", "fi": "Kitka vaiheittain"},
    "compare.measures": {"en": "Every measure", "fi": "Kaikki mittarit"},
    "compare.only_significant": {
        "en": "Only changes larger than chance",
        "fi": "Vain sattumaa suuremmat muutokset",
    },
    "compare.hotspots": {"en": "Hotspots then and now", "fi": "Kuumat kohdat ennen ja nyt"},
    "compare.whole_journey": {"en": "Whole journey", "fi": "Koko polku"},
    "compare.col.scope": {"en": "Stage", "fi": "Vaihe"},
    "compare.col.measure": {"en": "Measure", "fi": "Mittari"},
    "compare.col.verdict": {"en": "Verdict", "fi": "Tulkinta"},
    "compare.col.q": {"en": "q", "fi": "q"},
    "compare.col.q_help": {
        "en": "Chance of a change this large without a real difference, corrected for "
        "testing many measures at once (Benjamini-Hochberg); below 0.05 counts.",
        "fi": "Todennäköisyys näin suurelle muutokselle ilman todellista eroa, korjattuna "
        "monen mittarin yhtäaikaiselle testaukselle (Benjamini-Hochberg); alle 0,05 "
        "lasketaan.",
    },
    "compare.col.status": {"en": "Change", "fi": "Muutos"},
    "compare.col.level": {"en": "Level", "fi": "Taso"},
    "compare.col.name": {"en": "Where", "fi": "Missä"},
    "compare.col.evidence": {"en": "Evidence", "fi": "Näyttö"},
    "compare.verdict.improved": {"en": "improved", "fi": "parani"},
    "compare.verdict.worsened": {"en": "worsened", "fi": "heikkeni"},
    "compare.verdict.no clear change": {"en": "no clear change", "fi": "ei selvää muutosta"},
    "compare.status.appeared": {"en": "▼ appeared", "fi": "▼ ilmaantui"},
    "compare.status.disappeared": {"en": "▲ disappeared", "fi": "▲ poistui"},
    "compare.status.improved": {"en": "▲ improved", "fi": "▲ parani"},
    "compare.status.worsened": {"en": "▼ worsened", "fi": "▼ heikkeni"},
    "compare.status.unchanged": {"en": "– unchanged", "fi": "– ennallaan"},
    "compare.measure.pingpong_share": {"en": "ping-pong cases", "fi": "pingpong-tapaukset"},
    "compare.measure.handoff_share": {"en": "cases with a handoff", "fi": "siirretyt tapaukset"},
    "compare.measure.rework_share": {"en": "cases with rework", "fi": "uusintatyön tapaukset"},
    "compare.measure.back_jump_share": {
        "en": "cases sent back",
        "fi": "taaksepäin palautetut tapaukset",
    },
    "compare.measure.promise_kept_share": {"en": "promise kept", "fi": "lupaus pidetty"},
    "compare.measure.promise_broken_share": {
        "en": "cases with a broken promise",
        "fi": "tapaukset, joissa lupaus rikottiin",
    },
    "compare.measure.dropoff_share": {"en": "drop-offs", "fi": "keskeytyneet"},
    "compare.measure.time_in_stage_hours": {
        "en": "time in stage (median)",
        "fi": "aika vaiheessa (mediaani)",
    },
    "compare.measure.lead_time_hours": {"en": "lead time (median)", "fi": "kesto (mediaani)"},
    "compare.measure.wait_hours_total": {
        "en": "waiting per case (median)",
        "fi": "odotus tapausta kohden (mediaani)",
    },
    "compare.measure.silence_hours": {
        "en": "longest silence (median)",
        "fi": "pisin hiljaisuus (mediaani)",
    },
    "compare.measure.touchpoints": {
        "en": "touchpoints per case (median)",
        "fi": "kohtaamisia tapausta kohden (mediaani)",
    },
    # Report page
    "report.title": {"en": "Workshop report", "fi": "Työpajaraportti"},
    "report.intro": {
        "en": "The whole audit as one HTML file that opens offline, prints well and can be "
        "handed over: friction map, hotspots, process, handoffs, labyrinth, customer "
        "stories, data quality and method. In the language chosen in the sidebar.",
        "fi": "Koko auditointi yhtenä HTML-tiedostona, joka aukeaa ilman verkkoa, tulostuu "
        "siististi ja voidaan luovuttaa: kitkakartta, kuumat kohdat, prosessi, siirrot, "
        "labyrintti, asiakastarinat, datan laatu ja menetelmä. Sivupalkissa valitulla "
        "kielellä.",
    },
    "report.pseudonymised": {
        "en": "Pseudonymised: case ids and resources appear as tokens and free-text columns "
        "are left out, so the report can be shared with a client.",
        "fi": "Pseudonymisoitu: tapausten tunnukset ja resurssit näkyvät tunnisteina ja "
        "vapaatekstisarakkeet jätetään pois, joten raportin voi jakaa asiakkaalle.",
    },
    "report.not_pseudonymised": {
        "en": "Not pseudonymised: the report will name the log's own case ids and "
        "resources. Turn 'Pseudonymise names' on in the sidebar before sharing it.",
        "fi": "Ei pseudonymisoitu: raportissa näkyvät lokin omat tunnukset ja resurssit. "
        "Kytke sivupalkista 'Pseudonymisoi nimet' päälle ennen jakamista.",
    },
    "report.filtered": {
        "en": "The sidebar filters are on: the report covers {shown} of {total} cases.",
        "fi": "Sivupalkin suodattimet ovat päällä: raportti kattaa {shown} / {total} tapausta.",
    },
    "report.no_comparison": {
        "en": "Make a comparison on the Before / after page to include it in the report.",
        "fi": "Tee vertailu Ennen / jälkeen -sivulla, niin se tulee mukaan raporttiin.",
    },
    "report.include_comparison": {
        "en": "Include the before / after comparison",
        "fi": "Ota mukaan ennen / jälkeen -vertailu",
    },
    "report.build": {"en": "Build the report", "fi": "Laadi raportti"},
    "report.building": {"en": "Building the report…", "fi": "Laaditaan raporttia…"},
    "report.download": {"en": "Download the report (HTML)", "fi": "Lataa raportti (HTML)"},
    "report.size": {"en": "{size:.1f} MB, self-contained", "fi": "{size:.1f} Mt, itsenäinen"},
    "report.preview": {"en": "Preview", "fi": "Esikatselu"},
    "customer.unknown": {
        "en": "There is no case {case} among the cases shown.",
        "fi": "Näytettyjen tapausten joukossa ei ole tapausta {case}.",
    },
    # Customers who come back (friction map) and one customer across cases (customer's eye)
    "repeat.title": {"en": "Customers who come back", "fi": "Asiakkaat, jotka palaavat"},
    "repeat.intro": {
        "en": "A repeat contact is a case that starts within {days} days after an earlier case "
        "of the same customer ended, or while that case was still open: failure demand, the "
        "customer's next labyrinth.",
        "fi": "Uusintayhteydenotto on tapaus, joka alkaa {days} päivän kuluessa saman asiakkaan "
        "aiemman tapauksen päättymisestä tai sen ollessa vielä auki: epäonnistumisen "
        "aiheuttamaa kysyntää, asiakkaan seuraava labyrintti.",
    },
    "repeat.none": {
        "en": "This log names no customer, so cases cannot be followed from one to the next. "
        "To see customers who come back, give the column that names the customer the role "
        "Customer on the Data page.",
        "fi": "Tässä lokissa ei ole asiakasta, joten tapauksia ei voi seurata toisesta toiseen. "
        "Nähdäksesi palaavat asiakkaat anna asiakkaan nimeävälle sarakkeelle Data-sivulla "
        "rooli Asiakas.",
    },
    "repeat.kpi.customers": {"en": "Customers", "fi": "Asiakkaita"},
    "repeat.kpi.customers_help": {
        "en": "Different customers among the cases that name one.",
        "fi": "Eri asiakkaat niissä tapauksissa, joissa asiakas on nimetty.",
    },
    "repeat.kpi.repeats": {"en": "Repeat contacts", "fi": "Uusintayhteydenotot"},
    "repeat.kpi.repeats_help": {
        "en": "Cases that started within {days} days after an earlier case of the same "
        "customer ended, or while it was open; the share is of the cases with a customer.",
        "fi": "Tapaukset, jotka alkoivat {days} päivän kuluessa saman asiakkaan aiemman "
        "tapauksen päättymisestä tai sen ollessa auki; osuus on tapauksista, joilla on asiakas.",
    },
    "repeat.kpi.came_back": {"en": "Came back", "fi": "Palanneita"},
    "repeat.kpi.came_back_help": {
        "en": "Customers who came back: with at least one repeat contact.",
        "fi": "Palanneet asiakkaat: vähintään yksi uusintayhteydenotto.",
    },
    "repeat.kpi.chains": {"en": "Labyrinth chains", "fi": "Labyrinttiketjuja"},
    "repeat.kpi.chains_help": {
        "en": "Customers with {cases} or more cases starting within {chain_days} days.",
        "fi": "Asiakkaat, joilla on vähintään {cases} tapausta {chain_days} päivän sisällä.",
    },
    "repeat.kpi.no_customer": {"en": "No customer", "fi": "Ilman asiakasta"},
    "repeat.kpi.no_customer_help": {
        "en": "Cases that name no customer: counted everywhere else, but they cannot be "
        "followed across cases.",
        "fi": "Tapaukset, joissa ei ole asiakasta: mukana muualla, mutta niitä ei voi seurata "
        "tapauksesta toiseen.",
    },
    "repeat.causes": {"en": "Why they come back", "fi": "Miksi asiakkaat palaavat"},
    "repeat.causes_help": {
        "en": "What the earlier case did, weighed against the rest. Only cases that ended at "
        "least {days} days before the log ends count, so that each could be seen coming back.",
        "fi": "Mitä aiemmassa tapauksessa tapahtui, verrattuna muihin. Mukana vain tapaukset, "
        "jotka päättyivät vähintään {days} päivää ennen lokin loppua, jotta paluu voisi näkyä.",
    },
    "repeat.no_cause": {
        "en": "No cause brings customers back more often than chance would explain.",
        "fi": "Mikään syy ei tuo asiakkaita takaisin useammin kuin sattuma selittäisi.",
    },
    "repeat.no_causes": {
        "en": "Too few cases to weigh causes: each needs at least {cases} cases with it and "
        "{cases} without.",
        "fi": "Liian vähän tapauksia syiden punnitsemiseen: kukin tarvitsee vähintään {cases} "
        "tapausta, joissa se on, ja {cases}, joissa sitä ei ole.",
    },
    "repeat.beyond_chance": {"en": "beyond chance", "fi": "ei selity sattumalla"},
    "repeat.maybe_chance": {"en": "could be chance", "fi": "voi olla sattumaa"},
    "repeat.chart.these": {"en": "these customers", "fi": "nämä asiakkaat"},
    "repeat.chart.rest": {"en": "the rest", "fi": "muut"},
    "repeat.chart.share": {
        "en": "came back within {days} days",
        "fi": "palasi {days} päivän kuluessa",
    },
    "repeat.by_stage": {
        "en": "Where the earlier case ended",
        "fi": "Missä vaiheessa aiempi tapaus päättyi",
    },
    "repeat.by_stage_help": {
        "en": "Repeat contacts by the stage the earlier case last reached: they count as "
        "friction of that stage.",
        "fi": "Uusintayhteydenotot sen vaiheen mukaan, johon aiempi tapaus viimeksi ehti: ne "
        "lasketaan tämän vaiheen kitkaksi.",
    },
    "repeat.chains": {
        "en": "{count} customers went through {cases} or more cases within {chain_days} days. "
        "Follow one on the Customer's eye page; their case sequences are in the CSV.",
        "fi": "{count} asiakasta kulki vähintään {cases} tapauksen läpi {chain_days} päivän "
        "sisällä. Seuraa yhtä Asiakkaan silmin -sivulla; tapausjonot ovat CSV:ssä.",
    },
    "col.stage": {"en": "Stage", "fi": "Vaihe"},
    "col.repeat_contacts": {"en": "Repeat contacts", "fi": "Uusintayhteydenotot"},
    "col.customer_order": {"en": "No.", "fi": "Nro"},
    "col.channel": {"en": "Channel", "fi": "Kanava"},
    "col.first_event": {"en": "First event", "fi": "Ensimmäinen tapahtuma"},
    "col.last_event": {"en": "Last event", "fi": "Viimeinen tapahtuma"},
    "col.last_stage": {"en": "Last stage", "fi": "Viimeinen vaihe"},
    "col.ending_activity": {"en": "Ended with", "fi": "Päättyi"},
    "col.promises_broken": {"en": "Broken promises", "fi": "Petetyt lupaukset"},
    "col.is_repeat_contact": {"en": "Repeat contact", "fi": "Uusintayhteydenotto"},
    "col.earlier_case": {"en": "Earlier case", "fi": "Aiempi tapaus"},
    "col.follows_case": {"en": "Came back after", "fi": "Palasi tapauksen jälkeen"},
    "col.gap_hours": {"en": "Gap (h)", "fi": "Väli (h)"},
    "col.came_back": {"en": "Came back", "fi": "Asiakas palasi"},
    "customer.follow": {"en": "Follow", "fi": "Seuraa"},
    "customer.follow.case": {"en": "one case", "fi": "yhtä tapausta"},
    "customer.follow.customer": {
        "en": "one customer across cases",
        "fi": "yhtä asiakasta tapauksesta toiseen",
    },
    "customer.across.pick": {"en": "Which customers", "fi": "Mitkä asiakkaat"},
    "customer.across.pick.repeats": {
        "en": "most repeat contacts",
        "fi": "eniten uusintayhteydenottoja",
    },
    "customer.across.pick.chains": {"en": "labyrinth chains", "fi": "labyrinttiketjut"},
    "customer.across.customer": {"en": "Customer", "fi": "Asiakas"},
    "customer.across.option.repeats": {
        "en": "{customer} · {cases} cases, {repeats} repeat contacts",
        "fi": "{customer} · {cases} tapausta, {repeats} uusintayhteydenottoa",
    },
    "customer.across.option.chain": {
        "en": "{customer} · {cases} cases",
        "fi": "{customer} · {cases} tapausta",
    },
    "customer.across.none": {
        "en": "No customer in this list: nobody came back within the window, or nobody had "
        "a labyrinth chain.",
        "fi": "Listalla ei ole asiakkaita: kukaan ei palannut aikaikkunan sisällä tai "
        "kenelläkään ei ollut labyrinttiketjua.",
    },
    "customer.across.timeline": {
        "en": "Their cases on one timeline",
        "fi": "Tapaukset yhdellä aikajanalla",
    },
    "customer.across.legend": {
        "en": "One row per case in the customer's order, coloured by how it ended · a dashed "
        "line is the time since the earlier case ended, orange when the customer came back "
        "within {days} days · drag to pan, scroll to zoom.",
        "fi": "Yksi rivi tapausta kohden asiakkaan järjestyksessä, värinä sen päättyminen · "
        "katkoviiva on aika aiemman tapauksen päättymisestä, oranssi kun asiakas palasi "
        "{days} päivän kuluessa · vedä siirtääksesi, vieritä zoomataksesi.",
    },
    "customer.across.first": {
        "en": "The first {shown} of the customer's {total} cases are drawn; the table below "
        "has them all.",
        "fi": "Asiakkaan {total} tapauksesta piirretään ensimmäiset {shown}; alla olevassa "
        "taulukossa ovat kaikki.",
    },
    "customer.across.cases": {"en": "Their cases", "fi": "Asiakkaan tapaukset"},
    "customer.across.gap": {"en": "Since the earlier case", "fi": "Aiemmasta tapauksesta"},
    "customer.across.while_open": {"en": "while open", "fi": "kesken ollessa"},
    # Over time and by segment (pages/trend.py).
    "nav.trend": {"en": "Over time and by segment", "fi": "Ajassa ja ryhmittäin"},
    "trend.title": {"en": "Over time", "fi": "Ajan mittaan"},
    "trend.intro": {
        "en": "Each stage's friction in the period in which its cases started: did a change stick?",
        "fi": "Kunkin vaiheen kitka sillä jaksolla, jolla sen tapaukset alkoivat: pysyikö muutos?",
    },
    "trend.by": {"en": "Period", "fi": "Jakso"},
    "trend.by.day": {"en": "day", "fi": "päivä"},
    "trend.by.week": {"en": "week", "fi": "viikko"},
    "trend.by.month": {"en": "month", "fi": "kuukausi"},
    "trend.by.quarter": {"en": "quarter", "fi": "neljännes"},
    "trend.period": {"en": "Period start", "fi": "Jakson alku"},
    "trend.trusted": {"en": "enough cases", "fi": "riittävästi tapauksia"},
    "trend.untrusted": {"en": "too few cases", "fi": "liian vähän tapauksia"},
    "trend.rule": {
        "en": "Grey points: a stage in a period with fewer than {cases} cases, too few to trust.",
        "fi": "Harmaat pisteet: vaihe jaksolla, jolla on alle {cases} tapausta, liian vähän "
        "luotettavaksi.",
    },
    "trend.changes": {
        "en": "Changes larger than chance",
        "fi": "Sattumaa suuremmat muutokset",
    },
    "trend.window": {
        "en": "Last quarter of the window ({last}) against the first ({first}), cases that "
        "have ended; shares: two-proportion z-test, medians: Mann–Whitney U, corrected "
        "for many tests (Benjamini–Hochberg, q < 0.05).",
        "fi": "Aikaikkunan viimeinen neljännes ({last}) ensimmäistä ({first}) vastaan, "
        "päättyneet tapaukset; osuudet: kahden osuuden z-testi, mediaanit: Mann–Whitneyn "
        "U, monen testin korjaus (Benjamini–Hochberg, q < 0,05).",
    },
    "trend.one_period": {
        "en": "One period only: nothing to compare.",
        "fi": "Vain yksi jakso: ei vertailtavaa.",
    },
    "trend.no_change": {
        "en": "No stage changed more than chance would explain.",
        "fi": "Mikään vaihe ei muuttunut sattumaa enempää.",
    },
    "col.segment": {"en": "Segment", "fi": "Ryhmä"},
    "col.measure": {"en": "Measure", "fi": "Mittari"},
    "col.test": {"en": "Test", "fi": "Testi"},
    "col.value": {"en": "Value", "fi": "Arvo"},
    "col.rest_value": {"en": "Compared with", "fi": "Vertailuarvo"},
    "col.rest_cases": {"en": "Cases compared", "fi": "Vertailun tapauksia"},
    "col.q_value": {"en": "q (Benjamini–Hochberg)", "fi": "q (Benjamini–Hochberg)"},
    "col.friction": {"en": "Friction", "fi": "Kitka"},
    "col.time_in_stage_hours_median": {
        "en": "Median time in stage (h)",
        "fi": "Mediaaniaika vaiheessa (h)",
    },
    "col.promise_kept_share": {"en": "Promise kept", "fi": "Lupaus pidetty"},
    "col.dropoffs": {"en": "Drop-offs", "fi": "Keskeytyneet"},
    "col.pingpong_cases": {"en": "Cases with ping-pong", "fi": "Pompoteltuja tapauksia"},
    "col.rework_cases": {"en": "Cases with rework", "fi": "Uusintatyön tapauksia"},
    "trend.measure.pingpong_share": {"en": "ping-pong share", "fi": "ping-pong-osuus"},
    "trend.measure.rework_share": {"en": "rework share", "fi": "uusintatyön osuus"},
    "trend.measure.dropoff_share": {"en": "drop-off share", "fi": "keskeytysosuus"},
    "trend.measure.promise_kept_share": {"en": "promise kept", "fi": "lupaus pidetty"},
    "trend.measure.time_in_stage_hours_median": {
        "en": "median time in stage (h)",
        "fi": "mediaaniaika vaiheessa (h)",
    },
    "segments.title": {"en": "By segment", "fi": "Ryhmittäin"},
    "segments.intro": {
        "en": "The stage table for each value of a case attribute (the 6 largest, the rest "
        "as other), each tested against all other cases.",
        "fi": "Vaihetaulukko tapauksen ominaisuuden kullekin arvolle (6 suurinta, loput "
        "muina), kukin testattuna kaikkia muita tapauksia vastaan.",
    },
    "segments.column": {"en": "Segment by", "fi": "Ryhmittely"},
    "segments.none": {
        "en": "The log has no case attributes to segment by.",
        "fi": "Lokissa ei ole tapausten ominaisuuksia ryhmittelyyn.",
    },
    "segments.differences": {
        "en": "Differences larger than chance",
        "fi": "Sattumaa suuremmat erot",
    },
    "segments.no_difference": {
        "en": "No segment differs from the others more than chance would explain.",
        "fi": "Mikään ryhmä ei eroa muista sattumaa enempää.",
    },
    # Conformance to the designed journey (pages/conformance.py).
    "conformance.title": {"en": "Designed journey", "fi": "Suunniteltu polku"},
    "conformance.intro": {
        "en": "Did the cases go the way the journey map designs them? The stage order is the "
        "design; a stage may require touchpoints, and the map may allow some stages to be "
        "skipped.",
        "fi": "Kulkivatko tapaukset polkukartan suunnittelemaa reittiä? Vaiheiden järjestys on "
        "suunnitelma; vaihe voi vaatia kohtaamispisteitä, ja kartta voi sallia joidenkin "
        "vaiheiden ohittamisen.",
    },
    "conformance.no_design": {
        "en": "The journey map requires no touchpoints and allows no skips, so only the stage "
        "order is checked. Add `required:` to a stage and `allowed_skips:` to the map to say "
        "more.",
        "fi": "Polkukartta ei vaadi kohtaamispisteitä eikä salli ohituksia, joten vain "
        "vaiheiden järjestys tarkistetaan. Lisää vaiheeseen `required:` ja karttaan "
        "`allowed_skips:` tarkentaaksesi.",
    },
    "conformance.allowed": {
        "en": "Allowed to skip: {stages}",
        "fi": "Saa ohittaa: {stages}",
    },
    "conformance.metric.share": {"en": "Went the designed way", "fi": "Kulki suunnitellusti"},
    "conformance.metric.skipped": {
        "en": "Skipped a stage",
        "fi": "Ohitti vaiheen",
    },
    "conformance.metric.out_of_order": {
        "en": "Entered a stage out of order",
        "fi": "Tuli vaiheeseen epäjärjestyksessä",
    },
    "conformance.metric.touchpoint_missing": {
        "en": "Missed a required touchpoint",
        "fi": "Vaadittu kohtaamispiste puuttui",
    },
    "conformance.metric.cases": {"en": "{count} cases", "fi": "{count} tapausta"},
    "conformance.by_stage": {"en": "Deviations by stage", "fi": "Poikkeamat vaiheittain"},
    "conformance.cases": {"en": "Cases that deviated", "fi": "Poikenneet tapaukset"},
    "conformance.none": {
        "en": "Every case went the designed way.",
        "fi": "Jokainen tapaus kulki suunnitellusti.",
    },
    "conformance.kind": {"en": "Deviation", "fi": "Poikkeama"},
    "conformance.kind.skipped": {"en": "stage skipped", "fi": "vaihe ohitettu"},
    "conformance.kind.out_of_order": {
        "en": "entered out of order",
        "fi": "epäjärjestyksessä",
    },
    "conformance.kind.touchpoint_missing": {
        "en": "required touchpoint missing",
        "fi": "vaadittu kohtaamispiste puuttui",
    },
    "col.kind": {"en": "Deviation", "fi": "Poikkeama"},
    "col.detail": {"en": "After / required", "fi": "Jälkeen / vaadittu"},
    "col.order": {"en": "Order", "fi": "Järjestys"},
    "col.skipped": {"en": "Skipped", "fi": "Ohitettu"},
    "col.out_of_order": {"en": "Out of order", "fi": "Epäjärjestyksessä"},
    "col.touchpoint_missing": {"en": "Touchpoint missing", "fi": "Kohtaamispiste puuttui"},
    # Calendar time and working hours (Friction map, with a journey calendar)
    "hours.title": {"en": "Calendar time and working hours", "fi": "Kalenteriaika ja työaika"},
    "hours.caption": {
        "en": "The customer lives calendar time; staff count working hours. A wait long in "
        "calendar time but short in working hours is the calendar's (nights, weekends, "
        "holidays); one long in working hours too is ours. Hours; the customer's first.",
        "fi": "Asiakas elää kalenteriaikaa, henkilöstö laskee työtunteja. Kalenteriaikana pitkä "
        "mutta työaikana lyhyt odotus johtuu kalenterista (yöt, viikonloput, pyhät); "
        "työaikanakin pitkä on meidän. Tunteina; asiakkaan aika ensin.",
    },
    "hours.col.wait_hours_median": {"en": "Wait", "fi": "Odotus"},
    "hours.col.wait_hours_p90": {"en": "Wait p90", "fi": "Odotus p90"},
    "hours.col.time_in_stage_hours_median": {"en": "In stage", "fi": "Vaiheessa"},
    "hours.help.wait_hours_median": {"en": "Median wait", "fi": "Odotuksen mediaani"},
    "hours.help.wait_hours_p90": {
        "en": "One wait in ten is longer than this",
        "fi": "Joka kymmenes odotus on tätä pidempi",
    },
    "hours.help.time_in_stage_hours_median": {
        "en": "Median time in the stage per case (waits and work)",
        "fi": "Vaiheen keston mediaani asiaa kohden (odotukset ja työ)",
    },
    "hours.col.calendar": {"en": "{measure}, cal. (h)", "fi": "{measure}, kal. (h)"},
    "hours.col.working": {"en": "{measure}, work (h)", "fi": "{measure}, työ (h)"},
    "hours.help.calendar": {
        "en": "{help}, in calendar time (the customer's)",
        "fi": "{help}, kalenteriaikana (asiakkaan aika)",
    },
    "hours.help.working": {
        "en": "{help}, in working hours (by the journey's calendar)",
        "fi": "{help}, työaikana (asiakaspolun kalenterin mukaan)",
    },
}


def text(key: str, language: str, **values: object) -> str:
    """The string for ``key`` in ``language``, with ``values`` filled in.

    An unknown key raises KeyError at once: a typo must fail a test, not show a raw key to
    a workshop.
    """
    entry = TEXTS[key]
    template = entry.get(language, entry["en"])
    return template.format(**values) if values else template
