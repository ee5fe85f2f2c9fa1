"""The shipped examples: each journey map parses and names only activities of its log, the
real logs are unchanged copies, and the generated log is reproducible from its command."""

from __future__ import annotations

import fnmatch
import hashlib
import re
from functools import cache
from pathlib import Path

import pandas as pd
import pytest
import rustxes
import yaml

from audit.sample import STAGE_PROMISE_HOURS, STAGES, write_log

SAMPLES = Path(__file__).resolve().parents[2] / "sample_logs"
LOGS = {
    "insurance_claims": "insurance_claims.csv",
    "bpic2012": "bpic2012.xes.gz",
    "receipt": "receipt.xes.gz",
    "helpdesk": "helpdesk.xes.gz",
}
PUBLISHED_SHA256 = {
    "bpic2012.xes.gz": "fdc916898cd56f0fb65f0c6c2f69140e6345fe9fc8be2ef1dde0647107db050b",
    "receipt.xes.gz": "e79b75d03aa6fefb4146473a987cea984d2244e6c39a4bd177392d879755af9f",
    "helpdesk.xes.gz": "fb133a5b70711d523bdbb95279d6bd86d975661ad3d23d23129bfe5121cea453",
}
"""Checksums of the real logs as published in the project's shared real-data folder."""
HOURS = {"h": 1, "d": 24, "w": 168}


@cache
def activities(name: str) -> frozenset[str]:
    """The activity names of a shipped log, read with rustxes (XES) or pandas (CSV)."""
    path = SAMPLES / LOGS[name]
    if path.suffix == ".csv":
        return frozenset(pd.read_csv(path, usecols=["Activity"])["Activity"])
    return frozenset(rustxes.import_xes(str(path))[0]["concept:name"].to_list())


def journey(name: str) -> dict:
    return yaml.safe_load((SAMPLES / f"{name}.journey.yaml").read_text(encoding="utf-8"))


def matches(entry: str, activity: str) -> bool:
    """Whether a journey map entry (exact name, glob or re:regex) names the activity."""
    if entry.startswith("re:"):
        return re.search(entry[3:], activity) is not None
    return fnmatch.fnmatchcase(activity, entry)


def entries(journey_map: dict) -> list[str]:
    """Every activity entry in the map: stages, touchpoints and outcomes."""
    found = [entry for stage in journey_map["stages"] for entry in stage["activities"]]
    found += [touchpoint["activity"] for touchpoint in journey_map.get("touchpoints", [])]
    outcomes = journey_map.get("outcomes", {})
    return found + outcomes.get("good", []) + outcomes.get("bad", [])


@pytest.mark.parametrize("name", list(LOGS))
def test_journey_map_names_only_activities_of_its_log(name):
    journey_map = journey(name)
    names = activities(name)
    unknown = [entry for entry in entries(journey_map) if not any(matches(entry, a) for a in names)]
    assert unknown == []
    stage_entries = [entry for stage in journey_map["stages"] for entry in stage["activities"]]
    unclaimed = {a for a in names if not any(matches(entry, a) for entry in stage_entries)}
    assert unclaimed == set()
    assert journey_map["outcomes"]["good"] and journey_map["outcomes"]["bad"]


def test_insurance_journey_keeps_the_generators_stages_and_promises():
    journey_map = journey("insurance_claims")
    assert [stage["name"] for stage in journey_map["stages"]] == list(STAGES)
    promises = [stage["promise"] for stage in journey_map["stages"]]
    hours = [float(p[:-1]) * HOURS[p[-1]] for p in promises]
    assert hours == list(STAGE_PROMISE_HOURS) == [24.0, 168.0, 240.0, 72.0, 336.0]
    assert journey_map["survey"] == {"nps": "nps"}


def test_shipped_example_is_what_its_command_writes(tmp_path):
    path = tmp_path / "insurance_claims.csv"
    write_log(path, 2000, seed=7)  # as in sample_logs/README.md
    assert path.read_bytes() == (SAMPLES / "insurance_claims.csv").read_bytes()


@pytest.mark.parametrize("file", list(PUBLISHED_SHA256))
def test_real_logs_are_unchanged_copies(file):
    digest = hashlib.sha256((SAMPLES / file).read_bytes()).hexdigest()
    assert digest == PUBLISHED_SHA256[file]


def test_readme_cites_every_real_log_and_nothing_non_commercial_ships():
    readme = (SAMPLES / "README.md").read_text(encoding="utf-8")
    for doi in (
        "doi:10.4121/uuid:3926db30-f712-4394-aebc-75976070e91f",
        "doi:10.4121/uuid:a07386a5-7be3-4367-9535-70bc9e77dbe6",
        "doi:10.4121/uuid:0c60edf1-6f83-4e75-9367-4c63b3e9d5bb",
    ):
        assert doi in readme
    assert not list(SAMPLES.glob("bpic2020*"))
