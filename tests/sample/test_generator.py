"""The generated claim log: deterministic, scalable in chunks, and with the friction it claims.

Friction is counted here with plain pandas, independently of the generator's internals, from
the log's columns and the shipped journey map. The expected shares follow from the
generator's documented chances (claim types 45/20/15/12/8 % Collision/Glass/Weather/
Vandalism/Theft); each bound leaves room for sampling noise on 3,000 cases (about +-2
percentage points at two standard errors for a share near 15 %).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
import yaml

from audit.sample import PINGPONG_FIXED_FROM, generate, generate_table, write_log

from .frames import CASES, as_frame

REPO = Path(__file__).resolve().parents[2]
JOURNEY = yaml.safe_load((REPO / "sample_logs" / "insurance_claims.journey.yaml").read_text())
STAGE_ORDER = {
    activity: order
    for order, stage in enumerate(JOURNEY["stages"], start=1)
    for activity in stage["activities"]
}
OUTCOME_ACTIVITIES = set(JOURNEY["outcomes"]["good"]) | set(JOURNEY["outcomes"]["bad"])
CASE = "Case ID"


def _by_case(frame: pd.DataFrame, column: str):
    return frame.groupby(CASE, sort=False)[column]


def pingpong_cases(frame: pd.DataFrame) -> set[str]:
    """Cases whose unit sequence, repeats collapsed, has X, Y, X somewhere."""

    def bounced(units: pd.Series) -> bool:
        seq = [u for i, u in enumerate(units) if i == 0 or u != units.iloc[i - 1]]
        return any(seq[i] == seq[i + 2] for i in range(len(seq) - 2))

    flags = _by_case(frame, "Department").agg(bounced)
    return set(flags[flags].index)


def repeated_request_cases(frame: pd.DataFrame) -> set[str]:
    """Cases asked for documents more than once."""
    requests = frame[frame["Activity"] == "Request documents"].groupby(CASE).size()
    return set(requests[requests >= 2].index)


def back_jump_cases(frame: pd.DataFrame) -> set[str]:
    """Cases with an event in an earlier journey stage than the event before it."""
    order = frame["Activity"].map(STAGE_ORDER)
    earlier = order < order.groupby(frame[CASE]).shift()
    return set(frame.loc[earlier, CASE])


def case_status(frame: pd.DataFrame) -> pd.Series:
    """closed (an outcome was reached), ongoing (quiet for under 30 days at the end of the
    log) or dropoff, per case."""
    end = frame["Complete Timestamp"].max()
    closed = _by_case(frame, "Activity").agg(lambda acts: bool(OUTCOME_ACTIVITIES & set(acts)))
    recent = _by_case(frame, "Complete Timestamp").max() > end - pd.Timedelta(days=30)
    status = pd.Series("dropoff", index=closed.index)
    status[recent] = "ongoing"
    status[closed] = "closed"
    return status


def share(cases: set[str], frame: pd.DataFrame) -> float:
    return len(cases) / frame[CASE].nunique()


def test_every_case_is_in_the_log_with_the_export_columns(claims, log):
    assert list(log.columns) == [
        "Case ID",
        "Activity",
        "Start Timestamp",
        "Complete Timestamp",
        "Resource",
        "Department",
        "Channel",
        "Customer ID",
        "claim_type",
        "first_contact",
        "nps",
    ]
    assert claims[CASE].nunique() == CASES
    assert claims[CASE].iloc[0] == "CLM-000001"
    assert set(claims["Activity"]) <= set(STAGE_ORDER)
    assert claims["Department"].nunique() == 5


def test_times_are_ordered_and_in_office_hours(log):
    start, complete = log["Start Timestamp"], log["Complete Timestamp"]
    assert (start <= complete).all()
    previous_complete = complete.groupby(log[CASE]).shift()
    assert (start[previous_complete.notna()] >= previous_complete.dropna()).all()
    assert start.dt.day_of_week.max() <= 4  # Monday to Friday
    assert start.dt.hour.between(8, 16).all()


def test_pingpong_is_in_a_share_of_cases(claims):
    # 0.45*0.14 + 0.20*0.04 + 0.15*0.10 + 0.12*0.20 + 0.08*0.45 = 0.146 of all claims, of which
    # the 92 % that reach assessment (no drop-off, no withdrawal) bounce: about 0.134, but
    # only those arriving before 1 September (planted fix): 238 of the 364 days from Monday
    # 6 January, so about 0.134 * 238 / 364 = 0.088.
    assert 0.07 <= share(pingpong_cases(claims), claims) <= 0.105


def test_the_planted_pingpong_fix(claims):
    """No claim arriving from 1 September on bounces; before it, about 0.134 do."""
    started = claims.groupby(CASE)["Complete Timestamp"].min()
    fixed = set(started[started >= pd.Timestamp(PINGPONG_FIXED_FROM)].index)
    before = set(started.index) - fixed
    assert len(fixed) > 500
    assert not fixed & pingpong_cases(claims)
    assert 0.11 <= len(before & pingpong_cases(claims)) / len(before) <= 0.16


def test_letters_are_asked_again_more_often(claims):
    """Of the claims needing documents, 32 % are asked again (1 - 0.68), and 80 % of those
    whose first contact was a letter (planted: 1 - 0.20)."""
    asked = claims[claims["Activity"] == "Request documents"].groupby(CASE)["first_contact"]
    contact = asked.first()
    again = asked.size() > 1
    assert 0.27 <= again[contact != "letter"].mean() <= 0.37
    assert 0.65 <= again[contact == "letter"].mean() <= 0.92


def test_documents_are_requested_again(claims):
    # Claims needing documents: 0.45*0.90 + 0.20*0.50 + 0.15*0.85 + 0.12*0.85 + 0.08*0.95
    # = 0.81; of those 32 % are asked again, and 80 % of the 5 % whose first contact was a
    # letter: 0.81 * (0.95 * 0.32 + 0.05 * 0.80) = about 0.28.
    assert 0.25 <= share(repeated_request_cases(claims), claims) <= 0.31
    requests = claims[claims["Activity"] == "Request documents"]
    previous = requests.groupby(CASE)["Resource"].shift()
    again = requests[previous.notna()]
    redo = (again["Resource"] != previous.dropna()).mean()
    assert redo > 0.5  # a repeated request is mostly made by another clerk (a redo)


def test_assessment_sends_claims_back_to_the_report_stage(claims):
    # 12 % of the 92 % assessed claims: about 0.11.
    assert 0.09 <= share(back_jump_cases(claims), claims) <= 0.13
    jumped_to = claims["Activity"].where(claims[CASE].isin(back_jump_cases(claims)))
    assert "Call customer" in set(jumped_to)


def test_customers_drop_off_and_recent_claims_are_ongoing(claims):
    status = case_status(claims).value_counts(normalize=True)
    # 0.81 need documents * (0.02 + 0.09 * 0.45 repeated requests on average) = 0.049,
    # minus the few that dropped off in the last 30 days (they count as ongoing).
    assert 0.035 <= status["dropoff"] <= 0.06
    # Claims reported in the last weeks of the year are open at the export.
    assert 0.02 <= status["ongoing"] <= 0.07
    last = claims.groupby(CASE)["Activity"].last()
    dropped = case_status(claims) == "dropoff"
    assert set(last[dropped]) == {"Send reminder"}


def test_only_closed_claims_answer_the_survey_and_about_forty_per_cent_do(claims):
    nps = claims.groupby(CASE)["nps"].first()
    status = case_status(claims)
    assert nps[status != "closed"].isna().all()
    answered = nps[status == "closed"].notna().mean()
    assert 0.37 <= answered <= 0.43
    assert nps.dropna().between(0, 10).all()
    assert (claims.groupby(CASE)["nps"].nunique(dropna=False) == 1).all()


def test_nps_is_clearly_lower_after_pingpong(claims):
    nps = claims.groupby(CASE)["nps"].first()
    bounced = nps.index.isin(list(pingpong_cases(claims)))
    assert nps[~bounced].mean() - nps[bounced].mean() > 2.0


def test_without_pingpong_removes_it_and_leaves_the_rest(claims, claims_without_pingpong):
    after = claims_without_pingpong
    assert pingpong_cases(after) == set()
    assert repeated_request_cases(after) == repeated_request_cases(claims)
    assert back_jump_cases(after) == back_jump_cases(claims)
    before_status, after_status = case_status(claims), case_status(after)
    assert (after_status == "dropoff").sum() == (before_status == "dropoff").sum()
    assert abs((after_status == "ongoing").mean() - (before_status == "ongoing").mean()) < 0.01
    # Everything before the assessment is event for event the same.
    early = ["Report claim", "Provide documents"]
    early_activities = {a for s in JOURNEY["stages"] if s["name"] in early for a in s["activities"]}

    def early_events(frame: pd.DataFrame) -> pd.DataFrame:
        rows = frame[frame["Activity"].isin(early_activities) & ~frame[CASE].isin(back_jumped)]
        return rows.drop(columns="nps").reset_index(drop=True)

    back_jumped = back_jump_cases(claims)  # their report-stage events come after assessment
    pd.testing.assert_frame_equal(early_events(claims), early_events(after))


def test_same_seed_same_file_other_seed_other_file(tmp_path):
    first, second, other = tmp_path / "a.csv", tmp_path / "b.csv", tmp_path / "c.csv"
    write_log(first, 200, seed=3)
    write_log(second, 200, seed=3)
    write_log(other, 200, seed=4)
    assert first.read_bytes() == second.read_bytes()
    assert first.read_bytes() != other.read_bytes()
    first_event = first.read_text().splitlines()[1]
    assert first_event.startswith('"CLM-000001","Claim received","2025-01-06T08:46:14",')


def test_chunks_do_not_change_the_log():
    whole = generate_table(500, seed=5)
    chunked = list(generate(500, seed=5, chunk_cases=120))
    assert [t.num_rows > 0 for t in chunked] == [True] * 5
    pd.testing.assert_frame_equal(
        as_frame(whole), as_frame(pa.concat_tables(chunked)), check_categorical=False
    )


def test_parquet_keeps_typed_timestamps(tmp_path):
    path = tmp_path / "claims.parquet"
    events = write_log(path, 300, seed=3, fmt="parquet")
    table = pq.read_table(path)
    assert table.num_rows == events
    assert pa.types.is_timestamp(table.schema.field("Complete Timestamp").type)
    pd.testing.assert_frame_equal(as_frame(table), as_frame(generate_table(300, seed=3)))


def test_unknown_friction_source_is_refused():
    with pytest.raises(ValueError, match="unknown friction source pinpong"):
        generate_table(10, without=["pinpong"])


def test_command_line_writes_about_the_events_asked_for(tmp_path):
    path = tmp_path / "claims.parquet"
    script = REPO / "scripts" / "generate_sample.py"
    args = [sys.executable, str(script), "--events", "50000", "--without", "pingpong", "-o"]
    done = subprocess.run([*args, str(path)], capture_output=True, text=True, check=True)
    events = pq.read_metadata(path).num_rows
    assert 49_500 <= events <= 50_500
    assert f"{events:,} events (parquet)" in done.stdout
    assert pingpong_cases(as_frame(pq.read_table(path))) == set()


def test_command_line_refuses_a_missing_folder(tmp_path):
    script = REPO / "scripts" / "generate_sample.py"
    target = tmp_path / "no such folder" / "claims.csv"
    done = subprocess.run(
        [sys.executable, str(script), "--cases", "5", "-o", str(target)],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 2
    assert "does not exist; create it" in done.stderr


def _complaints(log: pd.DataFrame) -> pd.DataFrame:
    """One row per complaint: the claim it is about, when it arrived and the customer."""
    complaints = log[log[CASE].str.startswith("CMP-")]
    first = complaints.groupby(CASE).agg(
        arrived=("Complete Timestamp", "min"), customer=("Customer ID", "first")
    )
    first.index = first.index.str.replace("CMP-", "CLM-")
    return first


def test_rejected_claims_bring_complaints_most_often_after_pingpong(log, claims):
    complaints = _complaints(log)
    last = claims.groupby(CASE).agg(
        ended=("Complete Timestamp", "max"),
        customer=("Customer ID", "first"),
        last_activity=("Activity", "last"),
    )
    about = last.loc[complaints.index]
    assert (complaints["customer"] == about["customer"]).all(), "the same customer complains"
    days = (complaints["arrived"] - about["ended"]).dt.total_seconds() / 86400
    assert days.between(1, 17).all()  # 1 to 14 calendar days, read at the next opening
    rejected = last["last_activity"] == "Claim rejected"
    bounced = last.index.isin(list(pingpong_cases(claims)))
    came_back = last.index.isin(complaints.index)
    # planted: 70 % after rejection with ping-pong, 20 % after a plain rejection, 2 % else
    # (a few complaints fall after the export and are not in the log)
    assert came_back[rejected & bounced].mean() > 0.55
    assert 0.08 < came_back[rejected & ~bounced].mean() < 0.32
    assert came_back[~rejected].mean() < 0.04


def test_some_customers_have_several_claims(claims):
    claims_per_customer = claims.groupby("Customer ID")[CASE].nunique()
    # about 6 % of claims come from the customer of an earlier claim
    assert 0.03 < (claims_per_customer > 1).sum() / len(claims_per_customer) < 0.09


def test_without_complaints_no_customer_complains():
    log = as_frame(generate_table(CASES, seed=11, without=["complaints"]))
    assert not log[CASE].str.startswith("CMP-").any()
