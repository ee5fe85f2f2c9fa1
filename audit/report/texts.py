"""Every word the workshop report prints, in English and Finnish, in one table.

Templates are keyed by id with an "en" and an "fi" text and ``str.format`` fields; numbers
are formatted (audit.findings.humanize) before they are filled in. The Jinja2 template
escapes whatever comes out of here, so a name from the log inside a sentence stays text.
"""

from __future__ import annotations

from audit.errors import AuditInputError

LANGUAGES: tuple[str, ...] = ("en", "fi")

TEXTS: dict[str, dict[str, str]] = {
    "title": {"en": "Journey audit", "fi": "Asiakaspolun auditointi"},
    "subtitle": {
        "en": "{journey} — {cases} cases, {first} to {last}",
        "fi": "{journey} — {cases} asiaa, {first}–{last}",
    },
    "generated": {
        "en": "Log: {source}. Report made {date}.",
        "fi": "Loki: {source}. Raportti tehty {date}.",
    },
    "drafted": {
        "en": "The journey map was drafted from the log automatically; check its stages.",
        "fi": "Asiakaspolku luonnosteltiin lokista automaattisesti; tarkista sen vaiheet.",
    },
    "pseudonymised": {
        "en": "Case ids and resources are pseudonymised; free-text attributes are left out.",
        "fi": "Asiatunnisteet ja tekijät on pseudonymisoitu; vapaatekstikentät on jätetty pois.",
    },
    "toc": {"en": "Contents", "fi": "Sisältö"},
    # Key figures
    "kf.cases": {"en": "cases", "fi": "asiaa"},
    "kf.lead_time": {"en": "median lead time", "fi": "läpimenoajan mediaani"},
    "kf.handoffs": {"en": "handoffs per case", "fi": "siirtoa per asia"},
    "kf.pingpong": {"en": "cases with ping-pong", "fi": "asioista pomppi"},
    "kf.rework": {"en": "cases with rework", "fi": "asioissa uusintatyötä"},
    "kf.promises": {"en": "promises kept", "fi": "lupauksista pidetty"},
    "kf.dropoffs": {"en": "dropped off", "fi": "keskeytyi"},
    # Sections
    "sec.friction_map": {"en": "The journey's friction map", "fi": "Asiakaspolun kitkakartta"},
    "friction_map.intro": {
        "en": "The journey from left to right, each stage coloured by its friction score "
        "(0 = none, 100 = as bad as it gets). Outside-in is what the customer lives through; "
        "inside-out is what the organisation sees. The gap between them is the understanding "
        "gap.",
        "fi": "Polku vasemmalta oikealle, kukin vaihe värjättynä kitkapisteidensä mukaan "
        "(0 = ei kitkaa, 100 = pahin mahdollinen). Ulkoa sisään on se, minkä asiakas kokee; "
        "sisältä ulos on se, minkä organisaatio näkee. Niiden ero on ymmärryskuilu.",
    },
    "friction": {"en": "friction", "fi": "kitka"},
    "outside_in": {"en": "Outside-in (customer)", "fi": "Ulkoa sisään (asiakas)"},
    "inside_out": {"en": "Inside-out (organisation)", "fi": "Sisältä ulos (organisaatio)"},
    "oi.time": {"en": "time in stage", "fi": "aika vaiheessa"},
    "oi.wait": {"en": "1 wait in 10 over", "fi": "joka 10. odotus yli"},
    "oi.promise": {"en": "promise {promise} kept", "fi": "lupaus {promise} pidetty"},
    "io.work": {"en": "work time", "fi": "työaika"},
    "io.steps": {"en": "internal steps", "fi": "sisäistä vaihetta"},
    "io.units": {"en": "units involved", "fi": "yksikköä mukana"},
    "cases_in_stage": {"en": "{cases} cases", "fi": "{cases} asiaa"},
    "chart.components": {
        "en": "What the friction of each stage is made of",
        "fi": "Mistä kunkin vaiheen kitka koostuu",
    },
    "chart.outside_inside": {
        "en": "Median hours per case in each stage: outside-in vs inside-out",
        "fi": "Tuntia per asia vaiheittain (mediaani): ulkoa sisään vs sisältä ulos",
    },
    "sec.weakest": {"en": "The weakest stage", "fi": "Heikoin vaihe"},
    "weakest.lead": {
        "en": "A journey is judged by its weakest encounter. Here it is {stage}, with a "
        "friction score of {score}.",
        "fi": "Asiakaspolku arvioidaan sen heikoimman kohtaamisen mukaan. Tässä se on {stage}, "
        "kitkapisteet {score}.",
    },
    "weakest.none": {
        "en": "No stage shows measurable friction.",
        "fi": "Missään vaiheessa ei ole mitattavaa kitkaa.",
    },
    "sec.hotspots": {"en": "Friction hotspots", "fi": "Kitkan kuumat kohdat"},
    "hotspots.intro": {
        "en": "The stages, activities, units and handoffs that score worst, with the evidence.",
        "fi": "Heikoimmat vaiheet, toiminnot, yksiköt ja siirrot sekä niiden näyttö.",
    },
    "col.rank": {"en": "#", "fi": "#"},
    "col.level": {"en": "level", "fi": "taso"},
    "col.where": {"en": "where", "fi": "missä"},
    "col.score": {"en": "score", "fi": "pisteet"},
    "col.evidence": {"en": "evidence", "fi": "näyttö"},
    "level.stage": {"en": "stage", "fi": "vaihe"},
    "level.activity": {"en": "activity", "fi": "toiminto"},
    "level.org_unit": {"en": "unit", "fi": "yksikkö"},
    "level.handoff_pair": {"en": "handoff", "fi": "siirto"},
    "sec.process": {"en": "The process over the journey", "fi": "Prosessi asiakaspolun päällä"},
    "process.intro": {
        "en": "The mined process, activities grouped into their journey stages. Touchpoints "
        "the customer sees are above the line of visibility; backstage work is below. "
        "Back-jumps are red, handoffs dashed.",
        "fi": "Lokista louhittu prosessi, toiminnot asiakaspolun vaiheisiin ryhmiteltyinä. "
        "Asiakkaan näkemät kohtaamiset ovat näkyvyysrajan yläpuolella, taustatyö sen alla. "
        "Paluut taaksepäin ovat punaisia, siirrot katkoviivoja.",
    },
    "blueprint": {"en": "Service blueprint", "fi": "Palvelun blueprint"},
    "sec.handoffs": {"en": "Handoffs", "fi": "Siirrot yksiköltä toiselle"},
    "handoffs.intro": {
        "en": "{handoffs} handoffs in {cases} cases ({per_case} per case), counted between "
        "{basis}. "
        "{pingpong} cases bounced back and forth between two units (ping-pong).",
        "fi": "{handoffs} siirtoa {cases} asiassa ({per_case} per asia), laskettu {basis} välillä. "
        "{pingpong} asiaa pomppi kahden yksikön välillä edestakaisin (ping-pong).",
    },
    "basis.org_unit": {"en": "org units", "fi": "organisaatioyksiköiden"},
    "basis.resource": {
        "en": "resources (the log has no org units)",
        "fi": "tekijöiden (lokissa ei ole yksiköitä)",
    },
    "basis.none": {
        "en": "nothing (the log names no units or resources)",
        "fi": "ei minkään (lokissa ei ole yksiköitä eikä tekijöitä)",
    },
    "col.from": {"en": "from", "fi": "mistä"},
    "col.to": {"en": "to", "fi": "mihin"},
    "col.count": {"en": "count", "fi": "määrä"},
    "col.cases": {"en": "cases", "fi": "asiaa"},
    "col.median_wait": {"en": "median wait", "fi": "odotuksen mediaani"},
    "col.unit": {"en": "unit", "fi": "yksikkö"},
    "col.via": {"en": "bounced via", "fi": "pomppasi kautta"},
    "pingpong_pairs": {"en": "Ping-pong pairs", "fi": "Ping-pong-parit"},
    "sec.labyrinth": {"en": "The labyrinth", "fi": "Labyrintti"},
    "labyrinth.intro": {
        "en": "Rework and jumps back to earlier stages: {rework_cases} cases redid work "
        "({self_loops} self-loops, {repetitions} repetitions); {back_jump_cases} cases were "
        "sent back to an earlier stage ({back_jumps} back-jumps).",
        "fi": "Uusintatyö ja paluut aiempiin vaiheisiin: {rework_cases} asiassa tehtiin työtä "
        "uudelleen ({self_loops} välitöntä toistoa, {repetitions} myöhempää toistoa); "
        "{back_jump_cases} asiaa palautettiin aiempaan vaiheeseen ({back_jumps} paluuta).",
    },
    "chart.rework": {
        "en": "Rework by activity: repeat (same person) vs redo (someone else)",
        "fi": "Uusintatyö toiminnoittain: sama tekijä vs toinen tekijä",
    },
    "repeat": {"en": "repeat (same person)", "fi": "sama tekijä"},
    "redo": {"en": "redo (someone else)", "fi": "toinen tekijä"},
    "unknown_resource": {"en": "resource unknown", "fi": "tekijä tuntematon"},
    "back_jumps": {"en": "Back-jumps between stages", "fi": "Paluut vaiheesta toiseen"},
    "col.from_stage": {"en": "from stage", "fi": "vaiheesta"},
    "col.to_stage": {"en": "back to stage", "fi": "takaisin vaiheeseen"},
    "no_back_jumps": {
        "en": "No case was sent back to an earlier stage.",
        "fi": "Yhtään asiaa ei palautettu aiempaan vaiheeseen.",
    },
    "no_rework": {"en": "No activity was repeated.", "fi": "Mitään toimintoa ei toistettu."},
    "no_handoffs": {"en": "No handoffs were found.", "fi": "Siirtoja ei löytynyt."},
    "sec.stories": {"en": "Through the customer's eyes", "fi": "Asiakkaan silmin"},
    "stories.intro": {
        "en": "The cases that met the most friction, step by step as the customer lived them. "
        "Grey bars are waits, coloured bars work by a unit, dots are contacts with the customer.",
        "fi": "Eniten kitkaa kohdanneet asiat vaihe vaiheelta, niin kuin asiakas ne koki. "
        "Harmaat palkit ovat odotusta, väripalkit yksikön työtä, pisteet yhteydenottoja "
        "asiakkaaseen.",
    },
    "story.title": {"en": "Case {case}", "fi": "Asia {case}"},
    "story.lead": {
        "en": "This case took {lead_time} over {events} steps.",
        "fi": "Tämä asia kesti {lead_time} ja {events} vaihetta.",
    },
    "story.handoffs": {
        "en": "It was handed between units {count} times ({units}).",
        "fi": "Se siirtyi yksiköltä toiselle {count} kertaa ({units}).",
    },
    "story.pingpong": {
        "en": "It bounced back to a unit it had already visited {count} times.",
        "fi": "Se palasi jo käytyyn yksikköön {count} kertaa.",
    },
    "story.rework": {
        "en": "{count} steps redid earlier work ({activities}).",
        "fi": "{count} vaihetta teki aiempaa työtä uudelleen ({activities}).",
    },
    "story.back_jumps": {
        "en": "The customer was sent back to an earlier stage {count} times.",
        "fi": "Asiakas palautettiin aiempaan vaiheeseen {count} kertaa.",
    },
    "story.handoffs.one": {
        "en": "It was handed from one unit to another once ({units}).",
        "fi": "Se siirtyi yksiköltä toiselle kerran ({units}).",
    },
    "story.pingpong.one": {
        "en": "It bounced back once to a unit it had already visited.",
        "fi": "Se palasi kerran jo käytyyn yksikköön.",
    },
    "story.rework.one": {
        "en": "One step redid earlier work ({activities}).",
        "fi": "Yksi vaihe teki aiempaa työtä uudelleen ({activities}).",
    },
    "story.back_jumps.one": {
        "en": "The customer was sent back to an earlier stage once.",
        "fi": "Asiakas palautettiin kerran aiempaan vaiheeseen.",
    },
    "story.touchpoints": {
        "en": "The customer was contacted or had to act {count} times; the longest silence "
        "lasted {silence}.",
        "fi": "Asiakkaaseen oltiin yhteydessä tai hänen piti toimia {count} kertaa; pisin "
        "hiljaisuus kesti {silence}.",
    },
    "story.wait": {
        "en": "The longest single wait was {wait}, before {activity}.",
        "fi": "Pisin yksittäinen odotus oli {wait} ennen toimintoa {activity}.",
    },
    "story.status.good": {
        "en": "It ended well ({activity}).",
        "fi": "Se päättyi hyvin ({activity}).",
    },
    "story.status.bad": {
        "en": "It ended badly ({activity}).",
        "fi": "Se päättyi huonosti ({activity}).",
    },
    "story.status.check": {
        "en": "It ended with {activity}, an outcome still to be judged.",
        "fi": "Se päättyi toimintoon {activity}, jonka lopputulos on vielä arvioitava.",
    },
    "story.status.dropoff": {
        "en": "The customer gave up: the case stopped at {stage}.",
        "fi": "Asiakas luovutti: asia pysähtyi vaiheeseen {stage}.",
    },
    "story.status.ongoing": {
        "en": "It was still open when the log ends.",
        "fi": "Se oli yhä kesken lokin päättyessä.",
    },
    "story.reason.labyrinth": {
        "en": "The most labyrinthine case",
        "fi": "Labyrinttimaisin asia",
    },
    "story.reason.wait": {"en": "The longest wait", "fi": "Pisin odotus"},
    "story.reason.dropoff": {"en": "A customer who gave up", "fi": "Asiakas, joka luovutti"},
    # Conformance to the designed journey
    "sec.conformance": {"en": "The designed journey", "fi": "Suunniteltu polku"},
    "sec.trend": {"en": "Over time and by segment", "fi": "Ajassa ja ryhmittäin"},
    "trend.intro": {
        "en": "Friction of each stage (0-100) in the period in which its cases started; in "
        "parentheses when the stage had fewer than {cases} cases in the period, too few to "
        "trust.",
        "fi": "Kunkin vaiheen kitka (0-100) sillä jaksolla, jolla sen tapaukset alkoivat; "
        "suluissa, kun vaiheessa oli jaksolla alle {cases} tapausta, liian vähän "
        "luotettavaksi.",
    },
    "trend.period": {"en": "Period", "fi": "Jakso"},
    "chart.trend": {
        "en": "Friction of each stage, period by period (grey: too few cases to trust)",
        "fi": "Kunkin vaiheen kitka jaksoittain (harmaa: liian vähän asioita luotettavaksi)",
    },
    "trend.changes": {
        "en": "Changes larger than chance, last quarter of the window against the first:",
        "fi": "Sattumaa suuremmat muutokset, aikaikkunan viimeinen neljännes ensimmäistä vastaan:",
    },
    "trend.segments": {
        "en": "By {column}: differences larger than chance, each segment against the others",
        "fi": "{column}: sattumaa suuremmat erot, kukin ryhmä muita vastaan",
    },
    "trend.none": {
        "en": "None larger than chance would explain.",
        "fi": "Ei yhtään sattumaa suurempaa.",
    },
    "trend.test_line": {
        "en": "{who}{stage}: {measure} {value} against {rest} ({test}, q {q})",
        "fi": "{who}{stage}: {measure} {value}, vertailu {rest} ({test}, q {q})",
    },
    "trend.measure.pingpong_share": {"en": "ping-pong", "fi": "ping-pong"},
    "trend.measure.rework_share": {"en": "rework", "fi": "uudelleentyö"},
    "trend.measure.dropoff_share": {"en": "drop-off", "fi": "keskeytyminen"},
    "trend.measure.promise_kept_share": {"en": "promise kept", "fi": "lupaus pidetty"},
    "trend.measure.time_in_stage_hours_median": {
        "en": "median time in stage",
        "fi": "mediaaniaika vaiheessa",
    },
    "trend.rule": {
        "en": "Only cases that have ended are tested. Shares: two-proportion z-test; "
        "medians: Mann–Whitney U; corrected for many tests (Benjamini–Hochberg, q < 0.05).",
        "fi": "Vain päättyneet tapaukset testataan. Osuudet: kahden osuuden z-testi; "
        "mediaanit: Mann–Whitneyn U; monen testin korjaus (Benjamini–Hochberg, q < 0,05).",
    },
    "conformance.intro": {
        "en": "The journey map's stage order is the design. {summary}: {skipped} cases skipped "
        "a stage, {out_of_order} entered a stage out of order (after a later one) and "
        "{missing} passed through a stage without a touchpoint it requires.",
        "fi": "Polkukartan vaiheiden järjestys on suunnitelma. {summary}: {skipped} asiaa ohitti "
        "vaiheen, {out_of_order} tuli vaiheeseen epäjärjestyksessä (myöhemmän vaiheen jälkeen) "
        "ja {missing} kulki vaiheen läpi ilman sen vaatimaa kohtaamispistettä.",
    },
    "conformance.design": {
        "en": "Required touchpoints: {required}. Stages a case may skip: {skips}.",
        "fi": "Vaadittuja kohtaamispisteitä: {required}. Vaiheet, jotka asia saa ohittaa: {skips}.",
    },
    "conformance.none": {"en": "none", "fi": "ei yhtään"},
    "conformance.rule": {
        "en": "Stages before the first or after the last stage a case reached are never "
        "skips, and a case that dropped off or is still open is not blamed for a touchpoint "
        "at the stage where it stopped.",
        "fi": "Vaiheet ennen asian ensimmäistä saavutettua vaihetta tai viimeisen jälkeen eivät "
        "ole ohituksia, eikä keskeytynyttä tai kesken olevaa asiaa moitita puuttuvasta "
        "kohtaamispisteestä vaiheessa, johon se jäi.",
    },
    "col.reached": {"en": "reached it", "fi": "saavutti"},
    "col.skipped": {"en": "skipped it", "fi": "ohitti"},
    "col.out_of_order": {"en": "out of order", "fi": "epäjärjestyksessä"},
    "col.touchpoint_missing": {"en": "touchpoint missing", "fi": "kohtaamispiste puuttui"},
    # Customers who come back (repeat contacts across a customer's cases)
    "sec.repeat_contacts": {"en": "Customers who come back", "fi": "Asiakkaat, jotka palaavat"},
    "repeat.intro": {
        "en": "A customer lives the organisation, not one case. A repeat contact is a case that "
        "starts within {days} days after an earlier case of the same customer ended, or while "
        "that case was still open: the customer moved on to the next labyrinth. {customers} "
        "customers had {cases} cases; {repeats} of those cases ({share}) were repeat contacts, "
        "from {repeat_customers} customers. {chains} customers went through {chain_cases} or "
        "more cases within {chain_days} days (labyrinth chains).",
        "fi": "Asiakas kokee koko organisaation, ei yhtä asiaa. Uusintayhteydenotto on asia, "
        "joka alkaa {days} päivän kuluessa siitä, kun saman asiakkaan aiempi asia päättyi, tai "
        "sen ollessa vielä auki: asiakas siirtyi seuraavaan labyrinttiin. {customers} "
        "asiakkaalla oli {cases} asiaa; niistä {repeats} ({share}) oli uusintayhteydenottoja "
        "{repeat_customers} asiakkaalta. {chains} asiakasta kulki vähintään {chain_cases} "
        "asian läpi {chain_days} päivän sisällä (labyrinttiketjut).",
    },
    "repeat.no_customer": {
        "en": "{cases} cases name no customer: they are counted in the rest of the report but "
        "cannot be followed across cases.",
        "fi": "{cases} asiassa ei ole asiakasta: ne ovat mukana muualla raportissa, mutta niitä "
        "ei voi seurata asiasta toiseen.",
    },
    "repeat.why": {"en": "Why they come back", "fi": "Miksi asiakkaat palaavat"},
    "repeat.why.intro": {
        "en": "What the earlier case did, weighed against the rest of the cases. Only cases "
        "that ended at least {days} days before the log ends count, so that each could be seen "
        "coming back.",
        "fi": "Mitä aiemmassa asiassa tapahtui, verrattuna muihin asioihin. Mukana ovat vain "
        "asiat, jotka päättyivät vähintään {days} päivää ennen lokin loppua, jotta jokaisen "
        "paluu olisi voinut näkyä.",
    },
    "repeat.chance": {
        "en": "(this difference could be chance)",
        "fi": "(tämä ero voi olla sattumaa)",
    },
    "repeat.no_cause": {
        "en": "No cause brings customers back more often than chance would explain.",
        "fi": "Mikään syy ei tuo asiakkaita takaisin useammin kuin sattuma selittäisi.",
    },
    "repeat.no_causes": {
        "en": "Too few cases to weigh causes: each needs at least {cases} cases with it and "
        "{cases} without.",
        "fi": "Liian vähän asioita syiden punnitsemiseen: kukin tarvitsee vähintään {cases} "
        "asiaa, joissa se on, ja {cases}, joissa sitä ei ole.",
    },
    "repeat.by_stage": {
        "en": "Where the earlier case ended",
        "fi": "Missä vaiheessa aiempi asia päättyi",
    },
    "col.stage": {"en": "stage", "fi": "vaihe"},
    "col.repeat_contacts": {"en": "repeat contacts", "fi": "uusintayhteydenottoja"},
    "col.share_of_repeats": {"en": "share of them", "fi": "osuus niistä"},
    "repeat.story": {
        "en": "One customer across their cases: {customer}",
        "fi": "Yksi asiakas asiasta toiseen: {customer}",
    },
    "cstory.lead": {
        "en": "This customer had {cases} cases from {first} to {last}; {count} of them were "
        "repeat contacts.",
        "fi": "Tällä asiakkaalla oli {cases} asiaa {first}–{last}; niistä {count} oli "
        "uusintayhteydenottoja.",
    },
    "cstory.lead.one": {
        "en": "This customer had {cases} cases from {first} to {last}; one of them was a "
        "repeat contact.",
        "fi": "Tällä asiakkaalla oli {cases} asiaa {first}–{last}; niistä yksi oli "
        "uusintayhteydenotto.",
    },
    "cstory.lead.none": {
        "en": "This customer had {cases} cases from {first} to {last}; none of them was a "
        "repeat contact.",
        "fi": "Tällä asiakkaalla oli {cases} asiaa {first}–{last}; yksikään niistä ei ollut "
        "uusintayhteydenotto.",
    },
    "cstory.came_back": {
        "en": "{gap} after case {earlier} {ended}, the customer came back with case {case}.",
        "fi": "{gap} sen jälkeen, kun asia {earlier} {ended}, asiakas palasi asialla {case}.",
    },
    "cstory.while_open": {
        "en": "While case {earlier} was still open, the customer started case {case}.",
        "fi": "Asian {earlier} ollessa vielä auki asiakas aloitti asian {case}.",
    },
    "cstory.later": {
        "en": "{gap} after case {earlier} {ended}, the customer started case {case}, beyond "
        "the {days}-day window.",
        "fi": "{gap} sen jälkeen, kun asia {earlier} {ended}, asiakas aloitti asian {case}, "
        "{days} päivän ikkunan ulkopuolella.",
    },
    "cstory.friction": {
        "en": "On its way, case {case} met {friction}.",
        "fi": "Matkallaan asia {case} kohtasi: {friction}.",
    },
    "cstory.part.pingpongs": {"en": "ping-pong ×{count}", "fi": "ping-pong ×{count}"},
    "cstory.part.rework": {"en": "rework ×{count}", "fi": "uusintatyö ×{count}"},
    "cstory.part.promises_broken": {
        "en": "broken promise ×{count}",
        "fi": "petetty lupaus ×{count}",
    },
    "cstory.more": {
        "en": "{more} more cases followed, {repeats} of them repeat contacts.",
        "fi": "Sen jälkeen tuli vielä {more} asiaa, niistä {repeats} uusintayhteydenottoja.",
    },
    "cstory.last": {
        "en": "The last case, {case}, {ended}.",
        "fi": "Viimeinen asia {case} {ended}.",
    },
    "cstory.ended.good": {"en": "ended well ({activity})", "fi": "päättyi hyvin ({activity})"},
    "cstory.ended.bad": {
        "en": "ended badly ({activity})",
        "fi": "päättyi huonosti ({activity})",
    },
    "cstory.ended.check": {
        "en": "ended with {activity}, an outcome still to be judged",
        "fi": "päättyi toimintoon {activity}, jonka lopputulos on vielä arvioitava",
    },
    "cstory.ended.dropoff": {
        "en": "stopped at {stage} without an outcome",
        "fi": "pysähtyi vaiheeseen {stage} ilman lopputulosta",
    },
    "cstory.ended.ongoing": {
        "en": "was last worked on (it is still open)",
        "fi": "oli viimeksi työn alla (se on yhä auki)",
    },
    "repeat.timeline.first": {
        "en": "The first {shown} of the customer's {total} cases are drawn.",
        "fi": "Asiakkaan {total} asiasta piirretään ensimmäiset {shown}.",
    },
    "ctimeline.case": {"en": "case", "fi": "asia"},
    "ctimeline.ending": {"en": "ended with", "fi": "päättyi"},
    "ctimeline.gap": {"en": "since the earlier case", "fi": "aiemmasta asiasta"},
    "ctimeline.while_open": {"en": "while open", "fi": "kesken ollessa"},
    "ctimeline.status.good": {"en": "ended well", "fi": "päättyi hyvin"},
    "ctimeline.status.bad": {"en": "ended badly", "fi": "päättyi huonosti"},
    "ctimeline.status.check": {"en": "outcome to judge", "fi": "arvioitava lopputulos"},
    "ctimeline.status.dropoff": {"en": "dropped off", "fi": "keskeytyi"},
    "ctimeline.status.ongoing": {"en": "still open", "fi": "yhä auki"},
    "repeat.timeline": {
        "en": "Each case a row in the customer's order, coloured by how it ended; a dashed line "
        "is the gap since the earlier case ended, orange when the customer came back within "
        "{days} days.",
        "fi": "Kukin asia omalla rivillään asiakkaan järjestyksessä, värinä sen päättyminen; "
        "katkoviiva on aika aiemman asian päättymisestä, oranssi kun asiakas palasi {days} "
        "päivän kuluessa.",
    },
    "exp.comparison.all": {"en": "all cases", "fi": "kaikki asiat"},
    "exp.comparison.handoffs": {"en": "handoffs in the case", "fi": "siirtoja asiassa"},
    "exp.comparison.pingpong": {"en": "ping-pong", "fi": "ping-pong"},
    "exp.comparison.promise": {"en": "promises", "fi": "lupaukset"},
    "exp.comparison.rework": {"en": "rework", "fi": "uusintatyö"},
    "exp.comparison.stage": {"en": "stage {stage}", "fi": "vaihe {stage}"},
    "exp.group.all": {"en": "all", "fi": "kaikki"},
    "exp.group.with": {"en": "with", "fi": "kyllä"},
    "exp.group.without": {"en": "without", "fi": "ei"},
    "exp.group.kept": {"en": "all kept", "fi": "kaikki pidetty"},
    "exp.group.broken": {"en": "one broken or more", "fi": "ainakin yksi petti"},
    "exp.group.weakest": {"en": "slowest quarter", "fi": "hitain neljännes"},
    "exp.group.rest": {"en": "the rest", "fi": "muut"},
    "chart.nps_handoffs": {
        "en": "{score} by the number of handoffs in the case",
        "fi": "{score} asian siirtojen määrän mukaan",
    },
    "timeline.wait": {"en": "wait", "fi": "odotus"},
    "timeline.work": {"en": "work", "fi": "työ"},
    "timeline.touchpoint": {"en": "contact with the customer", "fi": "yhteys asiakkaaseen"},
    "no_stories": {
        "en": "No case met measurable friction.",
        "fi": "Yksikään asia ei kohdannut mitattavaa kitkaa.",
    },
    "sec.experience": {
        "en": "Experience: what customers said",
        "fi": "Kokemus: mitä asiakkaat sanoivat",
    },
    "experience.intro": {
        "en": "Survey answers set against the friction each case met.",
        "fi": "Kyselyvastaukset verrattuna kunkin asian kohtaamaan kitkaan.",
    },
    "col.group": {"en": "group", "fi": "ryhmä"},
    "col.answers": {"en": "answers", "fi": "vastauksia"},
    "col.mean": {"en": "mean score", "fi": "keskiarvo"},
    "col.nps": {"en": "NPS", "fi": "NPS"},
    "sec.comparison": {"en": "Before and after", "fi": "Ennen ja jälkeen"},
    "comparison.intro": {
        "en": "{before} ({before_cases} cases) compared with {after} ({after_cases} cases). "
        "A change is marked significant when it is larger than chance would explain for the "
        "number of cases: two-proportion z-test for shares, Mann–Whitney U for times, "
        "Benjamini–Hochberg correction for testing {tests} measures at once (false discovery "
        "rate {alpha}).",
        "fi": "{before} ({before_cases} asiaa) verrattuna jaksoon {after} ({after_cases} asiaa). "
        "Muutos on merkitsevä, kun se on suurempi kuin sattuma selittäisi asiamäärällä: "
        "kahden osuuden z-testi osuuksille, Mann–Whitneyn U-testi ajoille ja "
        "Benjamini–Hochberg-korjaus, koska {tests} mittaria testataan kerralla "
        "(virheellisten löydösten osuus {alpha}).",
    },
    "comparison.none": {
        "en": "No measure changed more than chance would explain.",
        "fi": "Mikään mittari ei muuttunut enempää kuin sattuma selittäisi.",
    },
    "col.scope": {"en": "stage", "fi": "vaihe"},
    "col.measure": {"en": "measure", "fi": "mittari"},
    "col.before": {"en": "before", "fi": "ennen"},
    "col.after": {"en": "after", "fi": "jälkeen"},
    "col.q": {"en": "q (corrected p)", "fi": "q (korjattu p)"},
    "col.verdict": {"en": "verdict", "fi": "tulos"},
    "col.status": {"en": "status", "fi": "tila"},
    "comparison.significant": {"en": "Significant changes", "fi": "Merkitsevät muutokset"},
    "comparison.hotspots": {
        "en": "Hotspots before and after",
        "fi": "Kuumat kohdat ennen ja jälkeen",
    },
    "comparison.friction": {
        "en": "Friction per stage, before and after",
        "fi": "Kitka vaiheittain ennen ja jälkeen",
    },
    "verdict.improved": {"en": "improved", "fi": "parani"},
    "verdict.worsened": {"en": "worsened", "fi": "heikkeni"},
    "verdict.no clear change": {"en": "no clear change", "fi": "ei selvää muutosta"},
    "status.appeared": {"en": "appeared", "fi": "ilmestyi"},
    "status.disappeared": {"en": "disappeared", "fi": "poistui"},
    "status.improved": {"en": "improved", "fi": "parani"},
    "status.worsened": {"en": "worsened", "fi": "heikkeni"},
    "status.unchanged": {"en": "unchanged", "fi": "ennallaan"},
    "whole_journey": {"en": "whole journey", "fi": "koko polku"},
    "measure.pingpong_share": {"en": "cases with ping-pong", "fi": "asiat, joissa ping-pong"},
    "measure.handoff_share": {"en": "cases with a handoff", "fi": "asiat, joissa siirto"},
    "measure.rework_share": {"en": "cases with rework", "fi": "asiat, joissa uusintatyötä"},
    "measure.back_jump_share": {"en": "cases sent back", "fi": "palautetut asiat"},
    "measure.promise_kept_share": {"en": "promise kept", "fi": "lupaus pidetty"},
    "measure.promise_broken_share": {
        "en": "cases with a broken promise",
        "fi": "asiat, joissa lupaus petti",
    },
    "measure.dropoff_share": {"en": "drop-offs", "fi": "keskeytykset"},
    "measure.time_in_stage_hours": {
        "en": "time in stage (median)",
        "fi": "aika vaiheessa (mediaani)",
    },
    "measure.lead_time_hours": {"en": "lead time (median)", "fi": "läpimenoaika (mediaani)"},
    "measure.wait_hours_total": {"en": "total wait (median)", "fi": "odotus yhteensä (mediaani)"},
    "measure.silence_hours": {
        "en": "longest silence (median)",
        "fi": "pisin hiljaisuus (mediaani)",
    },
    "measure.touchpoints": {
        "en": "contacts per case (median)",
        "fi": "yhteyksiä per asia (mediaani)",
    },
    "sec.quality": {"en": "The data behind this report", "fi": "Raportin aineisto"},
    "quality.intro": {
        "en": "{rows_read} rows read, {events} events used in {cases} cases. Every row that "
        "was not used is counted below with its reason.",
        "fi": "{rows_read} riviä luettu, {events} tapahtumaa käytetty {cases} asiassa. Jokainen "
        "käyttämättä jäänyt rivi on laskettu alla syineen.",
    },
    "quality.item": {"en": "item", "fi": "kohta"},
    "quality.value": {"en": "value", "fi": "arvo"},
    "quality.unmapped": {
        "en": "Activities that no journey stage claims ({count}): {names}.",
        "fi": "Toiminnot, joita mikään vaihe ei kata ({count}): {names}.",
    },
    "quality.privacy": {
        "en": "Pseudonymised: {columns}. Left out as free text: {dropped}.",
        "fi": "Pseudonymisoitu: {columns}. Jätetty pois vapaatekstinä: {dropped}.",
    },
    "q.rows_read": {"en": "rows read", "fi": "rivejä luettu"},
    "q.events_used": {"en": "events used", "fi": "tapahtumia käytetty"},
    "q.rows_dropped": {"en": "rows not used", "fi": "rivejä käyttämättä"},
    "q.dropped": {"en": "not used", "fi": "käyttämättä"},
    "q.merged_by_lifecycle": {
        "en": "start rows joined to their completion",
        "fi": "aloitusrivejä yhdistetty päättymiseensä",
    },
    "q.unpaired_completes": {
        "en": "completions without a start",
        "fi": "päättymisiä ilman aloitusta",
    },
    "q.duplicated_events": {
        "en": "duplicated events (kept)",
        "fi": "kaksoistapahtumia (säilytetty)",
    },
    "q.single_event_cases": {"en": "cases with one event", "fi": "yhden tapahtuman asioita"},
    "q.cases_with_tied_timestamps": {
        "en": "cases with tied timestamps",
        "fi": "asioita, joissa samanaikaisia tapahtumia",
    },
    "q.timestamps_out_of_range": {
        "en": "timestamps far outside the log's span (kept)",
        "fi": "aikaleimoja kaukana lokin aikavälin ulkopuolella (säilytetty)",
    },
    "q.notes": {"en": "notes", "fi": "huomiot"},
    "q.balanced": {"en": "every row accounted for", "fi": "jokainen rivi tilitetty"},
    "q.count": {"en": "count", "fi": "määrä"},
    "q.examples": {"en": "example rows", "fi": "esimerkkirivit"},
    "yes": {"en": "yes", "fi": "kyllä"},
    "no": {"en": "no", "fi": "ei"},
    "none": {"en": "none", "fi": "ei mitään"},
    "sec.method": {"en": "Method", "fi": "Menetelmä"},
    "method.intro": {
        "en": "The log's events are ordered by time within each case (ties keep the input "
        "order) and laid over the journey map. The measures follow these definitions:",
        "fi": "Lokin tapahtumat järjestetään kunkin asian sisällä ajan mukaan (tasatilanteissa "
        "syöttöjärjestys säilyy) ja sijoitetaan asiakaspolulle. Mittarit määritellään näin:",
    },
    "def.wait": {
        "en": "Wait: the time before an event since the previous event of the case ended; "
        "never negative.",
        "fi": "Odotus: aika tapahtumaa ennen siitä, kun asian edellinen tapahtuma päättyi; "
        "ei koskaan negatiivinen.",
    },
    "def.handoff": {
        "en": "Handoff: two consecutive events of a case done by different units.",
        "fi": "Siirto: asian kaksi peräkkäistä tapahtumaa eri yksiköissä.",
    },
    "def.pingpong": {
        "en": "Ping-pong: the case returns to a unit right after one other unit (X, Y, X).",
        "fi": "Ping-pong: asia palaa yksikköön heti yhden toisen yksikön jälkeen (X, Y, X).",
    },
    "def.rework": {
        "en": "Rework: an activity done again (right away: self-loop; later: repetition); "
        "repeat when the same person does it, redo when someone else does.",
        "fi": "Uusintatyö: toiminto tehdään uudelleen (heti: välitön toisto; myöhemmin: toisto); "
        "sama tekijä tai toinen tekijä.",
    },
    "def.back_jump": {
        "en": "Back-jump: an event in an earlier journey stage than the one before it.",
        "fi": "Paluu: tapahtuma aiemmassa polun vaiheessa kuin sitä edeltävä.",
    },
    "def.promise": {
        "en": "Promise kept: the case's time in the stage is within the stage's promise.",
        "fi": "Lupaus pidetty: asian aika vaiheessa mahtuu vaiheen lupaukseen.",
    },
    "def.effort": {
        "en": "Effort and silence: touchpoint events per case, and the longest time between "
        "two of them.",
        "fi": "Vaiva ja hiljaisuus: kohtaamiset per asia ja pisin aika kahden kohtaamisen välillä.",
    },
    "def.dropoff": {
        "en": "Drop-off: a case that ended without an outcome, counted at its last stage; "
        "recent cases are ongoing, not drop-offs (cut-off {cutoff}).",
        "fi": "Keskeytys: asia, joka päättyi ilman lopputulosta, laskettuna viimeiseen "
        "vaiheeseensa; tuoreet asiat ovat kesken, eivät keskeytyksiä (raja {cutoff}).",
    },
    "def.friction": {
        "en": "Friction: a 0–100 score per stage, the weighted mean of its components "
        "(wait, handoffs, ping-pong, rework, back-jumps, promise, drop-off, silence); the "
        "weights come from the journey file.",
        "fi": "Kitka: vaiheen pisteet 0–100, osatekijöiden painotettu keskiarvo (odotus, "
        "siirrot, ping-pong, uusintatyö, paluut, lupaus, keskeytys, hiljaisuus); painot tulevat "
        "polkutiedostosta.",
    },
    "def.repeat_contact": {
        "en": "Repeat contact: a customer's case that starts within {days} days after an "
        "earlier case of the same customer ended, or while it was open; it counts as friction "
        "of the stage where the earlier case ended.",
        "fi": "Uusintayhteydenotto: asiakkaan asia, joka alkaa {days} päivän kuluessa saman "
        "asiakkaan aiemman asian päättymisestä tai sen ollessa auki; se lasketaan kitkaksi "
        "siihen vaiheeseen, jossa aiempi asia päättyi.",
    },
    "method.source": {"en": "Source of the log: {citation}", "fi": "Lokin lähde: {citation}"},
    "method.tool": {
        "en": "Made with Journey Audit; every number in this report can be reproduced from the "
        "log and the journey map.",
        "fi": "Tehty Journey Auditilla; jokainen luku on toistettavissa lokista ja polkukartasta.",
    },
    "component.wait": {"en": "wait", "fi": "odotus"},
    "component.handoffs": {"en": "handoffs", "fi": "siirrot"},
    "component.pingpong": {"en": "ping-pong", "fi": "ping-pong"},
    "component.rework": {"en": "rework", "fi": "uusintatyö"},
    "component.back_jumps": {"en": "back-jumps", "fi": "paluut"},
    "component.promise": {"en": "broken promise", "fi": "petetty lupaus"},
    "component.dropoff": {"en": "drop-off", "fi": "keskeytys"},
    "component.silence": {"en": "silence", "fi": "hiljaisuus"},
    "component.repeat_contacts": {"en": "repeat contacts", "fi": "uusintayhteydenotot"},
    "hours": {"en": "hours", "fi": "tuntia"},
    "stage": {"en": "stage", "fi": "vaihe"},
    "unmapped": {"en": "(not on the journey)", "fi": "(ei polulla)"},
    # Calendar time and working hours (a journey calendar)
    "sec.business_hours": {
        "en": "Calendar time and working hours",
        "fi": "Kalenteriaika ja työaika",
    },
    "hours.intro": {
        "en": "The customer lives calendar time; staff count working hours. Each wait and time "
        "in stage is given both ways, the customer's first: a wait that is long in calendar "
        "time but short in working hours is the calendar's (nights, weekends, holidays); one "
        "that is long in working hours is ours.",
        "fi": "Asiakas elää kalenteriaikaa, henkilöstö laskee työtunteja. Jokainen odotus ja "
        "vaiheen kesto näkyy kummallakin tavalla, asiakkaan ensin: kalenteriaikana pitkä mutta "
        "työaikana lyhyt odotus johtuu kalenterista (yöt, viikonloput, pyhät); työaikanakin "
        "pitkä on meidän.",
    },
    "col.hours.wait_hours_median": {"en": "median wait", "fi": "odotuksen mediaani"},
    "col.hours.wait_hours_p90": {"en": "wait p90", "fi": "odotuksen p90"},
    "col.hours.time_in_stage_hours_median": {
        "en": "time in stage (median)",
        "fi": "vaiheen kesto (mediaani)",
    },
    "col.hours.pair": {
        "en": "{measure}: calendar / working hours",
        "fi": "{measure}: kalenteri / työaika",
    },
}


def has_text(key: str) -> bool:
    """Whether the table has the text ``key`` (for labels that may come from elsewhere)."""
    return key in TEXTS


def text(key: str, language: str, **values: object) -> str:
    """The text ``key`` in ``language`` with its fields filled in."""
    if language not in LANGUAGES:
        raise AuditInputError(
            f"the report has no language '{language}'",
            hint=f"choose one of: {', '.join(LANGUAGES)}.",
        )
    return TEXTS[key][language].format(**values)
