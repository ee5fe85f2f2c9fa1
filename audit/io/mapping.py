"""Which input column plays which role: recognised from XES names and common spellings,
overridden by what the user says.

Names are compared after lower-casing and removing spaces, underscores and hyphens, so
"Case ID", "case_id" and "CaseID" are one spelling. Each role lists its spellings in order
of preference; the first present column wins, and a column fills at most one role.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, replace

from audit.errors import AuditInputError

DEFAULT_SEPARATOR = " / "

SPELLINGS: dict[str, tuple[str, ...]] = {
    "case": (
        "case:concept:name",
        "caseid",
        "case",
        "casenumber",
        "caseno",
        "incidentid",
        "ticketid",
        "ticket",
        "incident",
        "traceid",
        "case:id",
        "processid",
        "orderid",
        "applicationid",
        "requestid",
    ),
    "activity": (
        "concept:name",
        "activity",
        "activityname",
        "incidentactivitytype",
        "activitytype",
        "task",
        "taskname",
        "eventname",
        "event",
        "action",
        "step",
    ),
    "timestamp": (
        "time:timestamp",
        "completetimestamp",
        "timestamp",
        "endtimestamp",
        "completetime",
        "completiontime",
        "endtime",
        "datastamp",
        "eventtime",
        "eventtimestamp",
        "datetime",
        "time",
        "date",
    ),
    "start": ("starttimestamp", "starttime", "start", "time:start", "startedat"),
    "resource": (
        "org:resource",
        "resource",
        "user",
        "username",
        "userid",
        "employee",
        "agent",
        "performer",
        "handler",
        "operator",
    ),
    "org_unit": (
        "org:group",
        "department",
        "team",
        "group",
        "assignmentgroup",
        "workgroup",
        "orgunit",
        "organisationalunit",
        "organizationalunit",
        "unit",
        "division",
        "org:role",
        "role",
    ),
    "channel": ("channel", "case:channel", "contactchannel", "communicationchannel", "medium"),
    "lifecycle": ("lifecycle:transition", "lifecycle", "transition", "eventtype"),
    "customer": (
        "case:customer",
        "case:customerid",
        "case:client",
        "case:clientid",
        "customer",
        "customerid",
        "customerno",
        "customernumber",
        "customer:id",
        "client",
        "clientid",
        "clientno",
        "clientnumber",
        "asiakas",
        "asiakasid",
        "asiakasnumero",
        "asiakasnro",
        "asiakastunnus",
        "kund",
        "kundid",
        "kundnummer",
        "klant",
        "klantid",
        "klantnummer",
        "klantnr",
        "kunde",
        "kundeid",
        "kundennummer",
        "kundennr",
        "cliente",
        "idcliente",
        "codicecliente",
        "codcliente",
        "numerocliente",
    ),
}
"""Normalised spellings per role, most preferred first."""

ROLE_FLAGS = {
    "case": "--case",
    "activity": "--activity",
    "timestamp": "--timestamp",
    "start": "--start",
    "resource": "--resource",
    "org_unit": "--org-unit",
    "channel": "--channel",
    "lifecycle": "--lifecycle",
    "customer": "--customer",
}
REQUIRED_ROLES = ("case", "activity", "timestamp")


def normalise_name(name: str) -> str:
    """The comparable form of a column name: lower case, no spaces, underscores or hyphens."""
    return re.sub(r"[\s_\-]+", "", name.strip().lower())


@dataclass(frozen=True)
class ColumnMapping:
    """Input column(s) for each role of the canonical event table; None means none.

    activity may name several columns: their values are joined with `separator`
    (e.g. status plus sub-status becomes "Open / Waiting"). customer names the column that
    identifies the customer, whose cases together make their experience of the organisation.
    """

    case: str | None = None
    activity: tuple[str, ...] = ()
    timestamp: str | None = None
    start: str | None = None
    resource: str | None = None
    org_unit: str | None = None
    channel: str | None = None
    lifecycle: str | None = None
    customer: str | None = None
    separator: str = DEFAULT_SEPARATOR

    def columns(self) -> dict[str, list[str]]:
        """Role -> the input columns that fill it (roles without a column left out)."""
        result = {}
        for role in ROLE_FLAGS:
            value = getattr(self, role)
            names = list(value) if isinstance(value, tuple) else [value] if value else []
            if names:
                result[role] = names
        return result

    def used_columns(self) -> set[str]:
        """Every input column that fills some role."""
        return {name for names in self.columns().values() for name in names}

    def to_dict(self) -> dict[str, object]:
        """JSON-ready form."""
        data = asdict(self)
        data["activity"] = list(self.activity)
        return data


def resolve_mapping(columns: list[str], given: ColumnMapping | None, source: str) -> ColumnMapping:
    """The mapping for a table with these columns: the user's choices, then recognised
    spellings for every role left open. Raises AuditInputError when a named column does not
    exist or when no case, activity or timestamp column can be found."""
    given = given or ColumnMapping()
    present = set(columns)
    for role, names in given.columns().items():
        for name in names:
            if name not in present:
                raise AuditInputError(
                    f"column {name!r} given for {role} is not in the file; "
                    f"columns present: {', '.join(columns)}",
                    source=source,
                    hint=f"give {ROLE_FLAGS[role]} one of the columns present",
                )
    mapping = recognise_roles(columns, given)
    missing = [role for role in REQUIRED_ROLES if not mapping.columns().get(role)]
    if missing:
        flags = " ".join(f"{ROLE_FLAGS[role]} COLUMN" for role in missing)
        raise AuditInputError(
            f"no column recognised as {' or '.join(missing)}; "
            f"columns present: {', '.join(columns)}",
            source=source,
            hint=f"name the column(s) with {flags}",
        )
    return mapping


def recognise_roles(columns: list[str], given: ColumnMapping | None = None) -> ColumnMapping:
    """The user's choices, then recognised spellings for every role left open; roles no
    column is recognised for stay empty. Never raises: the import wizard shows what it
    found, and `resolve_mapping` says what is missing."""
    given = given or ColumnMapping()
    taken = given.used_columns()
    by_spelling: dict[str, str] = {}
    for name in columns:
        by_spelling.setdefault(normalise_name(name), name)
    chosen: dict[str, object] = {}
    for role, spellings in SPELLINGS.items():
        if given.columns().get(role):
            continue
        found = _first_free(spellings, by_spelling, taken)
        if found is not None:
            taken.add(found)
            chosen[role] = (found,) if role == "activity" else found
    return replace(given, **chosen)


def _first_free(
    spellings: tuple[str, ...], by_spelling: dict[str, str], taken: set[str]
) -> str | None:
    """The first spelling present in the table whose column has no role yet."""
    for spelling in spellings:
        name = by_spelling.get(spelling)
        if name is not None and name not in taken:
            return name
    return None
