"""Names of the hand-made permit service the process tests share (see conftest)."""

S, C, R, A, D, X = (
    "Submit application",
    "Check completeness",
    "Request documents",
    "Approve",
    "Send decision",
    "Archive",
)
