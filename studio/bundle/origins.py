"""Allowed host origins of a bundle (``manifest.json`` ``host_origins``). Qt-free.

A host origin is what a browser reports as ``event.origin`` for the page that
embeds the web player: ``scheme://host[:port]``.  The player posts events only
to these origins and accepts commands only from them (docs/host-integration.md),
so an entry must be exactly an origin, in the form browsers use:

* scheme ``https``; ``http`` only for the loopback hosts ``localhost``,
  ``127.0.0.1`` and ``[::1]`` (local testing);
* a host: a DNS name (ASCII letters, digits, ``-``; write IDN hosts as
  ``xn--`` punycode), a dotted IPv4 address or a bracketed IPv6 address;
* an optional port 1-65535; the scheme's default port (443, 80) is dropped;
* no path, query, fragment, user info or wildcard.

:func:`normalize_origin` turns what a creator typed (``--host-origin``, the
Export dialog) into that form: surrounding blanks and one trailing ``/`` are
dropped, scheme and host are lowercased, the default port removed.
:func:`normalize_origins` also deduplicates, sorts and caps the list at
:data:`MAX_HOST_ORIGINS`.  :func:`check_manifest_origins` is the importer's
stricter check: every entry must already be in normalised form.  Every error
is a one-line ``ValueError`` naming the bad value.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Iterable

MAX_HOST_ORIGINS = 20
MAX_ORIGIN_LENGTH = 300
LOOPBACK_HOSTS = ("localhost", "127.0.0.1", "[::1]")
DEFAULT_PORTS = {"https": 443, "http": 80}

_LABEL = re.compile(r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?")
_AUTHORITY = re.compile(r"(?P<host>\[[^\]]*\]|[^:\[\]]*)(?::(?P<port>[^:]*))?")


def _show(value: str) -> str:
    """The value as it is named in an error: quoted, printable, one line, not too long."""
    text = "".join(c if c.isprintable() else f"\\u{ord(c):04x}" for c in value)
    return repr(text if len(text) <= 120 else text[:117] + "...")


def _host(raw: str, scheme: str) -> str:
    """The normalised host; raises ValueError with the reason (no value in it)."""
    if not raw:
        raise ValueError("no host")
    if raw.startswith("["):
        try:
            address = ipaddress.IPv6Address(raw[1:-1])
        except ValueError:
            raise ValueError(f"{raw} is not an IPv6 address") from None
        return f"[{address.compressed}]"
    host = raw.lower()
    if not host.isascii():
        raise ValueError("write an international host name in punycode (xn--...)")
    labels = host.split(".")
    if labels[-1].isdigit() or re.fullmatch(r"0x[0-9a-f]*", labels[-1]):
        try:  # what a browser would read as an IPv4 address must be one, in dotted form
            address4 = ipaddress.IPv4Address(host)
        except ValueError:
            raise ValueError(f"{raw} is not a dotted IPv4 address (a.b.c.d)") from None
        return str(address4)
    if len(host) > 253 or not all(_LABEL.fullmatch(label) for label in labels):
        raise ValueError(f"{raw} is not a host name (letters, digits, '-' and '.')")
    return host


def normalize_origin(text: str) -> str:
    """``text`` as a normalised allowed origin; raises ValueError (one line) naming it."""
    value = text.strip()
    try:
        return _normalize(value)
    except ValueError as exc:
        raise ValueError(f"host origin {_show(value)}: {exc}") from None


def _normalize(value: str) -> str:
    if not value:
        raise ValueError("empty")
    if len(value) > MAX_ORIGIN_LENGTH:
        raise ValueError(f"longer than {MAX_ORIGIN_LENGTH} characters")
    if "*" in value:
        raise ValueError("wildcards are not allowed: list each origin")
    if any(c.isspace() or not c.isprintable() for c in value):
        raise ValueError("contains a space or a control character")
    scheme, sep, rest = value.partition("://")
    scheme = scheme.lower()
    if not sep or not re.fullmatch(r"[a-z][a-z0-9+.-]*", scheme):
        raise ValueError("must start with https://")
    if scheme not in DEFAULT_PORTS:
        raise ValueError(f"scheme {scheme} is not allowed: use https")
    for mark, what in (("#", "fragment"), ("?", "query"), ("@", "user info")):
        if mark in rest:
            raise ValueError(f"an origin has no {what} ('{mark}')")
    authority, slash, path = rest.partition("/")
    if slash and path:
        raise ValueError("an origin has no path: write only scheme://host[:port]")
    if "\\" in authority or "%" in authority:
        raise ValueError("the host contains '\\' or '%'")
    match = _AUTHORITY.fullmatch(authority)
    if match is None:
        raise ValueError("not scheme://host[:port]")
    host = _host(match["host"], scheme)
    port = match["port"]
    suffix = ""
    if port is not None:
        if not re.fullmatch(r"[0-9]{1,5}", port) or not 1 <= int(port) <= 65535:
            raise ValueError(f"port {port!r} is not a number from 1 to 65535")
        if int(port) != DEFAULT_PORTS[scheme]:
            suffix = f":{int(port)}"
    if scheme == "http" and host not in LOOPBACK_HOSTS:
        raise ValueError("http is only allowed for localhost, 127.0.0.1 and [::1]: use https")
    return f"{scheme}://{host}{suffix}"


def normalize_origins(values: Iterable[str], where: str = "host origins") -> list[str]:
    """Normalised, deduplicated and sorted; at most :data:`MAX_HOST_ORIGINS` (ValueError)."""
    out = sorted({normalize_origin(v) for v in values})
    if len(out) > MAX_HOST_ORIGINS:
        raise ValueError(f"{where}: at most {MAX_HOST_ORIGINS} host origins, got {len(out)}")
    return out


def check_manifest_origins(values: list[str]) -> list[str]:
    """The manifest's list as written by an export: normalised, unique, sorted, at most 20.

    Raises ValueError naming the index and the value (``host_origins[1] 'value': ...``).
    """
    if len(values) > MAX_HOST_ORIGINS:
        raise ValueError(f"host_origins: at most {MAX_HOST_ORIGINS} host origins, got {len(values)}")
    for i, value in enumerate(values):
        try:
            normal = _normalize(value)
        except ValueError as exc:
            raise ValueError(f"host_origins[{i}] {_show(value)}: {exc}") from None
        if normal != value:
            raise ValueError(
                f"host_origins[{i}] {_show(value)}: not in normalised form (expected {normal!r})"
            )
        if i and values[i - 1] >= value:
            what = "is listed twice" if values[i - 1] == value else "is out of order (sort the list)"
            raise ValueError(f"host_origins[{i}] {_show(value)}: {what}")
    return values
