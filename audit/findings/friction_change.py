"""How the friction of each stage changed between two audits of one log (the journey board
shows it after every edit of the map, so the room sees what the edit did)."""

from __future__ import annotations

import pandas as pd


def friction_change(after: pd.DataFrame, before: pd.DataFrame | None) -> pd.DataFrame:
    """stage, order, friction (after) and change (after minus before; missing, NaN, for a
    stage the earlier map did not have, or without an earlier audit), in journey order.

    after, before: `AuditResult.friction` of the two audits (stage, order, friction, ...).
    """
    table = after[["stage", "order", "friction"]].sort_values("order").reset_index(drop=True)
    if before is None:
        return table.assign(change=float("nan"))
    earlier = before.set_index("stage")["friction"]
    change = [
        float(row.friction - earlier[row.stage]) if row.stage in earlier.index else float("nan")
        for row in table.itertuples(index=False)
    ]
    return table.assign(change=change)
