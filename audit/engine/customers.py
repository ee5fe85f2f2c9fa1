"""Customers across cases: repeat contacts and labyrinth chains.

A customer does not experience one case but the organisation; the next labyrinth is the
next case of the same customer. Definitions (docs/measures.md, "Customers across cases"):

- A case's **customer** is the first non-null `customer_id` of its events in case order.
  Cases without one are counted (`cases_without_customer`), never dropped from the audit.
- A customer's cases are ordered by their start (first event), ties by case id. A case is a
  **repeat contact** when an earlier case of the same customer ended (last event) at most
  `within_days` before it started, or had not yet ended when it started. The boundary is
  inclusive: exactly `within_days` later is still a repeat contact.
- The **earlier case** a repeat contact is attributed to is, of the customer's earlier
  cases, the one that ended last (ties: the later in the customer's order). The earlier
  case *came back*. Failure demand is judged by what that case did: its status, the last
  stage it reached, ping-pong, rework, a broken promise, its channel.
- Shares by cause count only cases that ended at least `within_days` before the log's end,
  so that every one of them could be seen coming back (right-censoring).
- A **labyrinth chain** is a customer with at least CHAIN_CASES cases starting within
  CHAIN_DAYS of each other.

Everything is one pass of window functions over the `cases` table per customer, in the
connection `measure` built, so it runs on the large-log path too.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

import duckdb
import pandas as pd

from audit.engine.cases import CASE_ORDER_KEY, CASES_TABLE
from audit.engine.sql import fetch_frame, fetch_row, hours_between
from audit.engine.steps import EVENTS_VIEW, STEPS_TABLE

CUSTOMER_CASES_TABLE = "customer_cases"
DEFAULT_REPEAT_WITHIN_DAYS = 30.0
CHAIN_CASES = 3
CHAIN_DAYS = 90
MAX_CHAINS = 50
"""At most this many labyrinth chains are listed (the longest first); all are counted."""

CAUSES: dict[str, str] = {
    "status": "status",
    "last_stage": "coalesce(last_stage, '(none)')",
    "had_pingpong": "pingpongs > 0",
    "had_rework": "rework > 0",
    "broke_promise": "promises_broken > 0",
    "channel": "coalesce(channel, '(none)')",
}
"""What the earlier case did, by which repeat contacts are broken down: name -> SQL over a
row of `customer_cases`."""

JOURNEY_COLUMNS: tuple[str, ...] = (
    "case_id",
    "customer_order",
    "channel",
    "first_event",
    "last_event",
    "status",
    "last_stage",
    "ending_activity",
    "pingpongs",
    "rework",
    "promises_broken",
    "is_repeat_contact",
    "earlier_case",
    "follows_case",
    "gap_hours",
    "came_back",
)
"""Columns of one customer's journey across cases (`customer_journey`)."""


@dataclass
class CustomerMeasures:
    """Repeat contacts of one audit.

    totals: customers, cases_with_customer, cases_without_customer, repeat_contacts,
        repeat_contact_customers, repeat_contact_share (of the cases with a customer),
        labyrinth_customers, repeat_within_days.
    causes: one row per cause and value of the earlier case: cause, value, cases (cases
        that ended early enough to be seen coming back), came_back, came_back_share,
        rest_cases, rest_came_back, rest_share.
    stages: stage, repeat_contacts: the repeat contacts whose earlier case ended there.
    chains: customer, cases, case_ids, statuses, first_events, last_events (lists in the
        customer's order), longest chains first.
    """

    totals: dict
    causes: pd.DataFrame
    stages: pd.DataFrame
    chains: pd.DataFrame = field(default_factory=pd.DataFrame)


def build_customer_cases(
    con: duckdb.DuckDBPyConnection, within_days: float = DEFAULT_REPEAT_WITHIN_DAYS
) -> None:
    """Create `customer_cases`: every case that has a customer, in the customer's order,
    with whether it is a repeat contact, the earlier case it is attributed to, and whether
    it came back itself. Needs the `cases` table and the `events` view."""
    window_hours = float(within_days) * 24
    con.execute(
        f"""
        CREATE OR REPLACE TABLE {CUSTOMER_CASES_TABLE} AS
        WITH case_customers AS (
            SELECT case_id,
                   arg_min(customer_id, {CASE_ORDER_KEY}) AS customer,
                   arg_min(channel, {CASE_ORDER_KEY}) AS channel
            FROM {EVENTS_VIEW}
            WHERE customer_id IS NOT NULL OR channel IS NOT NULL
            GROUP BY case_id
        ),
        in_order AS (
            SELECT c.case_id, cc.customer, cc.channel, c.first_event, c.last_event,
                   c.status, c.last_stage, c.pingpongs, c.rework, c.promises_broken,
                   row_number() OVER (PARTITION BY cc.customer
                                      ORDER BY c.first_event, c.case_id) AS customer_order
            FROM {CASES_TABLE} AS c
            JOIN case_customers AS cc USING (case_id)
            WHERE cc.customer IS NOT NULL
        ),
        with_earlier AS (
            SELECT *,
                   max(last_event) OVER earlier AS earlier_end,
                   arg_max(case_id, epoch_us(last_event)::HUGEINT * 1099511627776
                                    + customer_order) OVER earlier AS earlier_case
            FROM in_order
            WINDOW earlier AS (PARTITION BY customer ORDER BY customer_order
                               ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)
        ),
        flagged AS (
            SELECT * EXCLUDE (earlier_case),
                   coalesce({hours_between("earlier_end", "first_event")} <= {window_hours},
                            false) AS is_repeat_contact,
                   earlier_case
            FROM with_earlier
        )
        SELECT f.*,
               CASE WHEN f.is_repeat_contact THEN f.earlier_case END AS follows_case,
               f.case_id IN (SELECT earlier_case FROM flagged WHERE is_repeat_contact)
                   AS came_back
        FROM flagged AS f
        """
    )


def customer_measures(
    con: duckdb.DuckDBPyConnection,
    within_days: float = DEFAULT_REPEAT_WITHIN_DAYS,
    log_end: datetime | None = None,
) -> CustomerMeasures | None:
    """Repeat contacts and labyrinth chains; None when no case has a customer.

    log_end: the end of the whole log (default: the last event of `cases`), from which a
    case must have ended `within_days` before to count in the shares by cause."""
    build_customer_cases(con, within_days)
    totals = fetch_row(
        con,
        f"""
        SELECT count(DISTINCT customer) AS customers,
               count(*) AS cases_with_customer,
               (SELECT count(*) FROM {CASES_TABLE}) - count(*) AS cases_without_customer,
               count(*) FILTER (WHERE is_repeat_contact) AS repeat_contacts,
               count(DISTINCT customer) FILTER (WHERE is_repeat_contact)
                   AS repeat_contact_customers
        FROM {CUSTOMER_CASES_TABLE}
        """,
    )
    if not totals["customers"]:
        return None
    totals["repeat_contact_share"] = totals["repeat_contacts"] / totals["cases_with_customer"]
    totals["repeat_within_days"] = float(within_days)
    chains = _chains(con)
    totals["labyrinth_customers"] = len(chains)
    return CustomerMeasures(
        totals=totals,
        causes=_causes(con, within_days, log_end),
        stages=fetch_frame(
            con,
            f"""
            SELECT earlier.last_stage AS stage, count(*) AS repeat_contacts
            FROM {CUSTOMER_CASES_TABLE} AS repeat
            JOIN {CUSTOMER_CASES_TABLE} AS earlier ON earlier.case_id = repeat.follows_case
            WHERE earlier.last_stage IS NOT NULL
            GROUP BY earlier.last_stage
            ORDER BY repeat_contacts DESC, stage
            """,
        ),
        chains=chains.head(MAX_CHAINS).reset_index(drop=True),
    )


def _causes(
    con: duckdb.DuckDBPyConnection, within_days: float, log_end: datetime | None
) -> pd.DataFrame:
    """Came-back shares by each value of each cause, against the rest of the cases."""
    if log_end is None:
        log_end = fetch_row(con, f"SELECT max(last_event) AS log_end FROM {CASES_TABLE}")["log_end"]
    end = f"TIMESTAMP '{log_end.isoformat(sep=' ')}'"
    values = "\nUNION ALL\n".join(
        f"SELECT '{cause}' AS cause, CAST({sql} AS VARCHAR) AS value, came_back FROM seen"
        for cause, sql in CAUSES.items()
    )
    return fetch_frame(
        con,
        f"""
            WITH seen AS (
                SELECT * FROM {CUSTOMER_CASES_TABLE}
                WHERE {hours_between("last_event", end)} >= {float(within_days) * 24}
            ),
            by_value AS ({values}),
            counted AS (
                SELECT cause, value, count(*) AS cases,
                       count(*) FILTER (WHERE came_back) AS came_back
                FROM by_value
                GROUP BY cause, value
            ),
            per_cause AS (
                SELECT cause, sum(cases) AS all_cases, sum(came_back) AS all_came_back
                FROM counted GROUP BY cause
            )
            SELECT cause, value, cases, came_back,
                   came_back / cases AS came_back_share,
                   CAST(all_cases - cases AS BIGINT) AS rest_cases,
                   CAST(all_came_back - came_back AS BIGINT) AS rest_came_back,
                   (all_came_back - came_back) / nullif(all_cases - cases, 0) AS rest_share
            FROM counted JOIN per_cause USING (cause)
            ORDER BY cause, cases DESC, value
            """,
    )


def _chains(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Customers with at least CHAIN_CASES cases started within CHAIN_DAYS, each with the
    whole sequence of their cases."""
    return fetch_frame(
        con,
        f"""
        WITH windowed AS (
            SELECT customer, count(*) OVER (
                       PARTITION BY customer ORDER BY first_event
                       RANGE BETWEEN INTERVAL {CHAIN_DAYS} DAY PRECEDING AND CURRENT ROW
                   ) AS cases_in_window
            FROM {CUSTOMER_CASES_TABLE}
        ),
        chained AS (
            SELECT customer FROM windowed
            GROUP BY customer HAVING max(cases_in_window) >= {CHAIN_CASES}
        )
        SELECT customer, count(*) AS cases,
               list(case_id ORDER BY customer_order) AS case_ids,
               list(status ORDER BY customer_order) AS statuses,
               list(first_event ORDER BY customer_order) AS first_events,
               list(last_event ORDER BY customer_order) AS last_events
        FROM {CUSTOMER_CASES_TABLE}
        JOIN chained USING (customer)
        GROUP BY customer
        ORDER BY cases DESC, customer
        """,
    )


def customer_journey(con: duckdb.DuckDBPyConnection, customer: str) -> pd.DataFrame:
    """One customer's cases in their order, to follow the customer across cases.

    Reads `customer_cases` and `steps`; columns JOURNEY_COLUMNS, no row for an unknown
    customer. earlier_case is the customer's earlier case that ended last (for the first
    case: none); gap_hours runs from its end to this case's start, negative when this case
    started while it was still open. ending_activity is what the case ended with, as its
    status was judged: its last good or bad outcome event, else its last outcome still to
    be judged, else its last event.
    """
    return con.execute(
        f"""
        WITH chosen AS (
            SELECT * FROM {CUSTOMER_CASES_TABLE} WHERE customer = $customer
        ),
        endings AS (
            SELECT case_id,
                   CAST(coalesce(
                       arg_max(activity, position) FILTER (WHERE outcome IN ('good', 'bad')),
                       arg_max(activity, position) FILTER (WHERE outcome = 'check'),
                       arg_max(activity, position)
                   ) AS VARCHAR) AS ending_activity
            FROM {STEPS_TABLE}
            WHERE case_id IN (SELECT case_id FROM chosen)
            GROUP BY case_id
        )
        SELECT c.case_id, c.customer_order, c.channel, c.first_event, c.last_event, c.status,
               c.last_stage, e.ending_activity, c.pingpongs, c.rework, c.promises_broken,
               c.is_repeat_contact, c.earlier_case, c.follows_case,
               {hours_between("c.earlier_end", "c.first_event")} AS gap_hours, c.came_back
        FROM chosen AS c
        LEFT JOIN endings AS e USING (case_id)
        ORDER BY c.customer_order
        """,
        {"customer": str(customer)},
    ).fetch_df()


def repeat_contact_customers(
    con: duckdb.DuckDBPyConnection, limit: int = MAX_CHAINS
) -> pd.DataFrame:
    """The customers who came back, worst first: most repeat contacts, then most cases, then
    the quickest return; at most ``limit``.

    Reads `customer_cases`; columns customer, cases, repeat_contacts, shortest_gap_hours
    (from an earlier case's end to a repeat contact's start; negative when it started while
    an earlier case was open), first_event, last_event.
    """
    return con.execute(
        f"""
        SELECT customer, count(*) AS cases,
               count(*) FILTER (WHERE is_repeat_contact) AS repeat_contacts,
               min({hours_between("earlier_end", "first_event")})
                   FILTER (WHERE is_repeat_contact) AS shortest_gap_hours,
               min(first_event) AS first_event, max(last_event) AS last_event
        FROM {CUSTOMER_CASES_TABLE}
        GROUP BY customer
        HAVING count(*) FILTER (WHERE is_repeat_contact) > 0
        ORDER BY repeat_contacts DESC, cases DESC, shortest_gap_hours, customer
        LIMIT $limit
        """,
        {"limit": int(limit)},
    ).fetch_df()


def with_repeat_contacts(stages: pd.DataFrame, customers: CustomerMeasures | None) -> pd.DataFrame:
    """The stage table with `repeat_contacts`: the repeat contacts whose earlier case ended
    in the stage (0 where none did; missing without customers)."""
    if customers is None:
        return stages.assign(repeat_contacts=pd.NA)
    counts = dict(zip(customers.stages["stage"], customers.stages["repeat_contacts"], strict=True))
    return stages.assign(repeat_contacts=stages["stage"].map(counts).fillna(0).astype("int64"))
