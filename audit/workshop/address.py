"""Where participants open the room: the app's address plus the room code, and its QR code.

The address is the one the facilitator's browser used, which is right when participants
reach the app the same way; on a laptop serving the app on localhost the facilitator
types the laptop's network address instead.
"""

from __future__ import annotations

import io
import ipaddress
from urllib.parse import urlencode, urlsplit, urlunsplit

import segno

PAGE = "workshop"
"""The Workshop page's path in the app (its url_path)."""
ROOM_PARAMETER = "room"
"""The query parameter that carries the room code to the Workshop page."""


def app_address(url: str) -> str:
    """The app's address from a page's full address: scheme, host and the path before the
    page ("http://10.0.0.5:8501/workshop?x=1" -> "http://10.0.0.5:8501")."""
    parts = urlsplit(url)
    path = parts.path.rstrip("/")
    if path.rsplit("/", 1)[-1] == PAGE:
        path = path[: -len(PAGE)].rstrip("/")
    return urlunsplit((parts.scheme, parts.netloc, path, "", ""))


def valid_address(address: str) -> bool:
    """Whether ``address`` is an http(s) address with a host a phone can open."""
    parts = urlsplit(address.strip())
    return parts.scheme in ("http", "https") and bool(parts.hostname)


def only_this_computer(address: str) -> bool:
    """Whether ``address`` names this computer itself (localhost, 127.x.x.x, ::1), which
    no phone in the room can open."""
    host = urlsplit(address.strip()).hostname or ""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def room_link(address: str, code: str) -> str:
    """The address that opens the Workshop page with ``code`` filled in."""
    base = app_address(address.strip())
    return f"{base}/{PAGE}?{urlencode({ROOM_PARAMETER: code})}"


def qr_svg(link: str) -> str:
    """``link`` as a QR code, an SVG picture (error correction M: readable from the back
    of a room even when a projector blurs it a little)."""
    buffer = io.BytesIO()
    segno.make(link, error="m").save(
        buffer, kind="svg", scale=10, border=2, xmldecl=False, dark="#14202b"
    )
    return buffer.getvalue().decode("utf-8")
