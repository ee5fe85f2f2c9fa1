"""Business hours: the working-time twins of every wait and time in stage, by the calendar.

The hand-made log's answer is worked out by hand in `test_worked_example`'s docstring; a
plain minute-stepping count checks the SQL on random intervals across both daylight-saving
changes of Europe/Helsinki.
"""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime, timedelta

import numpy as np
import pytest

from audit.engine import measure_table
from audit.engine.business_hours import twin_name, working_intervals
from audit.errors import AuditInputError
from audit.journey.working_calendar import WorkingCalendar
from audit.journey.yaml_io import parse_journey

from .builders import T0, Ev, events_table, journey

HELSINKI_FI = WorkingCalendar(
    timezone="Europe/Helsinki",
    days=["Mon", "Tue", "Wed", "Thu", "Fri"],
    hours="08:00-16:00",
    holidays=["FI", "2024-04-04"],
)
STAGES = [("Apply", None), ("Decide", None)]
STAGE_OF = {"a": "Apply", "b": "Apply", "c": "Decide", "d": "Decide"}


def _h(moment: datetime) -> float:
    """Hours after T0 of a naive UTC moment (the builders' time axis)."""
    return (moment - T0) / timedelta(hours=1)


def _measure(events: list[Ev], calendar: WorkingCalendar | None = HELSINKI_FI):
    compiled = dataclasses.replace(journey(STAGES, STAGE_OF), calendar=calendar)
    return measure_table(events_table(events), compiled)


WORKED_LOG = [
    # c1: across Easter 2024 (Good Friday 29 March, Easter Monday 1 April: FI holidays),
    # the weekend, the change to summer time (Sunday 31 March) and a listed day off (4 April)
    Ev("c1", "a", _h(datetime(2024, 3, 28, 12, 0))),
    Ev("c1", "b", _h(datetime(2024, 4, 2, 6, 30)), start=_h(datetime(2024, 4, 2, 4, 0))),
    Ev("c1", "c", _h(datetime(2024, 4, 3, 15, 0))),
    Ev("c1", "d", _h(datetime(2024, 4, 5, 5, 30))),
    # c3: two events on one working evening, after closing
    Ev("c3", "a", _h(datetime(2024, 4, 2, 14, 0))),
    Ev("c3", "b", _h(datetime(2024, 4, 2, 16, 0))),
]


def test_worked_example():
    """Calendar: Europe/Helsinki, Mon-Fri 08:00-16:00, FI public holidays and 2024-04-04.
    Times in the log are UTC; Helsinki is UTC+2 until Sunday 31 March 2024 03:00, then UTC+3.

    Case c1 (local times in brackets):
    - a completes Thu 28.3. 12:00 UTC (14:00).
    - b starts Tue 2.4. 04:00 UTC (07:00, before opening), completes 06:30 UTC (09:30).
      Wait: calendar 28.3. 12:00 -> 2.4. 04:00 = 4 d 16 h = 112 h; working: Thu 14-16 = 2 h,
      Good Friday, Saturday, Sunday, Easter Monday off, Tue before 08:00 nothing = 2 h.
      Work: calendar 2.5 h; working 08:00-09:30 = 1.5 h (with summer time, 08:00 is
      05:00 UTC; a clock that ignored it would open at 06:00 UTC and say 0.5 h).
    - c completes Wed 3.4. 15:00 UTC (18:00, after closing), no start.
      Wait: calendar 2.4. 06:30 -> 3.4. 15:00 = 32.5 h; working: Tue 09:30-16:00 = 6.5 h,
      Wed 08-16 = 8 h, so 14.5 h.
    - d completes Fri 5.4. 05:30 UTC (08:30), no start.
      Wait: calendar 38.5 h; working: Wed after 16:00 nothing, Thu 4.4. listed off, Fri
      08:00-08:30 = 0.5 h.
    Stage Apply: 112 + 2.5 = 114.5 h (working 2 + 1.5 = 3.5 h); Decide: 32.5 + 38.5 = 71 h
    (working 14.5 + 0.5 = 15 h). Lead time (first to last completion): 185.5 h, working
    2 + 8 + 8 + 0.5 = 18.5 h (= waits 17 h + work 1.5 h). Total wait: 183 h, working 17 h.

    Case c3: a Tue 2.4. 14:00 UTC (17:00), b 16:00 UTC (19:00): wait 2 h, working 0 h;
    stage Apply 2 h, working 0 h; lead time 2 h, working 0 h.

    Stage Apply: waits 112 and 2 (working 2 and 0): medians 57 h and 1 h; time in stage
    114.5 and 2 (working 3.5 and 0): medians 58.25 h and 1.75 h; work (working) 1.5 h.
    Stage Decide: waits 32.5 and 38.5 (working 14.5 and 0.5): medians 35.5 h and 7.5 h,
    p90 working 0.5 + 0.9 * 14 = 13.1 h. Lead time medians over c1, c3: 93.75 h, 9.25 h.
    """
    result = _measure(WORKED_LOG)
    stages = result.stages.set_index("stage")
    assert stages.loc["Apply", "wait_hours_median"] == pytest.approx(57)
    assert stages.loc["Apply", "wait_business_hours_median"] == pytest.approx(1)
    assert stages.loc["Apply", "time_in_stage_hours_median"] == pytest.approx(58.25)
    assert stages.loc["Apply", "time_in_stage_business_hours_median"] == pytest.approx(1.75)
    assert stages.loc["Apply", "work_business_hours_median"] == pytest.approx(1.5)
    assert stages.loc["Decide", "wait_hours_median"] == pytest.approx(35.5)
    assert stages.loc["Decide", "wait_business_hours_median"] == pytest.approx(7.5)
    assert stages.loc["Decide", "wait_business_hours_p90"] == pytest.approx(13.1)
    assert stages.loc["Decide", "time_in_stage_business_hours_median"] == pytest.approx(15)

    cases = result.cases.set_index("case_id")
    assert cases.loc["c1", "lead_time_hours"] == pytest.approx(185.5)
    assert cases.loc["c1", "lead_time_business_hours"] == pytest.approx(18.5)
    assert cases.loc["c1", "wait_hours_total"] == pytest.approx(183)
    assert cases.loc["c1", "wait_business_hours_total"] == pytest.approx(17)
    assert cases.loc["c3", "lead_time_business_hours"] == 0
    assert result.totals["lead_time_business_hours_median"] == pytest.approx(9.25)

    per_stage = result.case_stages.set_index(["case_id", "stage"])
    assert per_stage.loc[("c1", "Apply"), "time_in_stage_business_hours"] == pytest.approx(3.5)
    assert per_stage.loc[("c1", "Decide"), "time_in_stage_business_hours"] == pytest.approx(15)

    activities = result.activities.set_index("activity")
    assert activities.loc["c", "wait_business_hours_median"] == pytest.approx(14.5)
    assert activities.loc["d", "wait_business_hours_median"] == pytest.approx(0.5)
    assert activities.loc["b", "work_business_hours_median"] == pytest.approx(1.5)


def test_silence_and_unit_waits_have_twins():
    """Touchpoints a (Fri 5.1. 15:00 Helsinki = 13:00 UTC) and b (Mon 8.1. 09:00 = 07:00
    UTC; Saturday 6.1. is Epiphany, a weekend day anyway): silence 66 h, working 1 + 1 = 2 h.
    b is a handoff from unit X to Y, so Y's handoff wait and the pair X -> Y's wait are the
    same 66 h and 2 h."""
    events = [
        Ev("s", "a", _h(datetime(2024, 1, 5, 13)), unit="X"),
        Ev("s", "b", _h(datetime(2024, 1, 8, 7)), unit="Y"),
    ]
    compiled = dataclasses.replace(
        journey(STAGES, STAGE_OF, touchpoints=frozenset({"a", "b"})), calendar=HELSINKI_FI
    )
    result = measure_table(events_table(events), compiled)
    case = result.cases.iloc[0]
    assert case["silence_hours"] == pytest.approx(66)
    assert case["silence_business_hours"] == pytest.approx(2)
    unit = result.org_units.set_index("org_unit").loc["Y"]
    assert unit["handoff_wait_hours_median"] == pytest.approx(66)
    assert unit["handoff_wait_business_hours_median"] == pytest.approx(2)
    pair = result.handoff_pairs.iloc[0]
    assert (pair["wait_hours_median"], pair["wait_business_hours_median"]) == pytest.approx((66, 2))


def test_without_a_calendar_there_are_no_twins():
    result = _measure(WORKED_LOG, calendar=None)
    tables = (result.stages, result.activities, result.org_units, result.cases)
    for table in (*tables, result.case_stages):
        assert not [name for name in table.columns if "business" in name]
    assert "lead_time_business_hours_median" not in result.totals


def test_a_whole_day_calendar_counts_calendar_time_on_working_days():
    """00:00-24:00 every day without holidays: working time equals calendar time, also
    over the night summer time ends (27.10.2024, a 25-hour day)."""
    always = WorkingCalendar(timezone="Europe/Helsinki", days=list(_DAYS), hours="00:00-24:00")
    events = [
        Ev("c", "a", _h(datetime(2024, 10, 25, 10))),
        Ev("c", "c", _h(datetime(2024, 10, 29, 10))),
    ]
    result = _measure(events, always)
    case = result.cases.iloc[0]
    assert case["lead_time_business_hours"] == pytest.approx(96)
    assert case["lead_time_hours"] == pytest.approx(96)


_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def _working_minutes(calendar: WorkingCalendar, earlier: datetime, later: datetime) -> int:
    """Minutes from `earlier` to `later` (naive UTC, whole minutes) in working time, by
    stepping minute by minute: the plain definition, independent of the SQL."""
    opens, closes = (int(part[:2]) * 60 + int(part[3:]) for part in calendar.hours.split("-"))
    off = calendar.days_off(earlier.year - 1, later.year + 1)
    days = {_DAYS.index(name) for name in calendar.days}
    count = 0
    moment = earlier
    while moment < later:
        local = moment.replace(tzinfo=UTC).astimezone(calendar.zone)
        minute = local.hour * 60 + local.minute
        if local.weekday() in days and local.date() not in off and opens <= minute < closes:
            count += 1
        moment += timedelta(minutes=1)
    return count


def test_agrees_with_minute_stepping_across_both_daylight_saving_changes():
    rng = np.random.default_rng(12)
    spans = [datetime(2024, 3, 24), datetime(2024, 10, 20), datetime(2024, 12, 20)]
    pairs = []
    for index in range(24):
        base = spans[index % len(spans)]
        first = base + timedelta(minutes=int(rng.integers(0, 12 * 24 * 60)))
        pairs.append((first, first + timedelta(minutes=int(rng.integers(0, 6 * 24 * 60)))))
    events = [
        ev
        for index, (first, last) in enumerate(pairs)
        for ev in (Ev(f"k{index:02}", "a", _h(first)), Ev(f"k{index:02}", "c", _h(last)))
    ]
    cases = _measure(events).cases.set_index("case_id")
    for index, (first, last) in enumerate(pairs):
        expected = _working_minutes(HELSINKI_FI, first, last) / 60
        assert cases.loc[f"k{index:02}", "lead_time_business_hours"] == pytest.approx(expected)


def test_intervals_follow_the_zone_and_skip_days_off():
    """Thu 28.3.2024 to Tue 2.4.: Good Friday, the weekend and Easter Monday are off; 08:00
    is 06:00 UTC in winter time and 05:00 UTC in summer time."""
    table = working_intervals(HELSINKI_FI, datetime(2024, 3, 28, 12), datetime(2024, 4, 1, 12))
    rows = table.to_pylist()
    assert [row["opens"].date() for row in rows] == [
        date(2024, 3, 27),
        date(2024, 3, 28),
        date(2024, 4, 2),
    ]
    assert rows[1]["opens"] == datetime(2024, 3, 28, 6)
    assert rows[2]["opens"] == datetime(2024, 4, 2, 5)
    assert [row["before_us"] for row in rows] == [0, 8 * 3_600_000_000, 16 * 3_600_000_000]


def test_twin_names():
    assert twin_name("wait_hours_median") == "wait_business_hours_median"
    assert twin_name("time_in_stage_hours") == "time_in_stage_business_hours"


MINIMAL = "journey: J\nstages:\n  - name: A\n    activities: [a]\n"


def test_the_calendar_is_read_from_the_journey_map():
    journey_map = parse_journey(
        MINIMAL + "calendar:\n  timezone: Europe/Helsinki\n  days: [Mon, tuesday]\n"
        "  hours: '09:00-17:00'\n  holidays: [fi, '2024-12-24']\n"
    )
    calendar = journey_map.calendar
    assert calendar is not None
    assert calendar.weekdays == {0, 1}
    assert date(2024, 12, 6) in calendar.days_off(2024, 2024)  # Finnish Independence Day
    assert date(2024, 12, 24) in calendar.days_off(2024, 2024)
    assert parse_journey(MINIMAL).calendar is None


@pytest.mark.parametrize(
    ("block", "expected"),
    [
        ("  timezone: Mars/Base\n", ["line 6", "calendar > timezone", "unknown time zone"]),
        ("  timezone: Europe/Helsnki\n", ["did you mean 'Europe/Helsinki'?"]),
        ("  timezone: UTC\n  days: [Mon, Frday]\n", ["line 7", "days > #2", "'Frday'"]),
        ("  timezone: UTC\n  hours: 8-16\n", ["line 7", "calendar > hours", "HH:MM-HH:MM"]),
        ("  timezone: UTC\n  hours: '16:00-08:00'\n", ["line 7", "closes before it opens"]),
        ("  timezone: UTC\n  holidays: [FI, XX]\n", ["line 7", "holidays > #2", "'XX'"]),
        ("  timezone: UTC\n  holidays: ['2024-02-30']\n", ["line 7", "not a date"]),
        ("  days: [Mon]\n", ["line 5", "'timezone' is missing"]),
        ("  timezone: UTC\n  hour: x\n", ["line 7", "unknown key 'hour'", "'hours'"]),
    ],
)
def test_calendar_errors_name_file_line_and_key(block, expected):
    with pytest.raises(AuditInputError) as caught:
        parse_journey(MINIMAL + "calendar:\n" + block, "map.yaml")
    message = str(caught.value)
    assert message.startswith("map.yaml: ")
    for part in expected:
        assert part in message
