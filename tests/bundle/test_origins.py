"""Allowed host origins: what an export accepts, how it normalises, what import refuses."""

from __future__ import annotations

import pytest

from studio.bundle.origins import (
    MAX_HOST_ORIGINS,
    check_manifest_origins,
    normalize_origin,
    normalize_origins,
)


@pytest.mark.parametrize(
    ("typed", "origin"),
    [
        ("https://wallet.example.com", "https://wallet.example.com"),
        ("  HTTPS://Wallet.Example.COM/ ", "https://wallet.example.com"),  # blanks, case, one '/'
        ("https://wallet.example.com:443", "https://wallet.example.com"),  # default port dropped
        ("https://wallet.example.com:8443", "https://wallet.example.com:8443"),
        ("https://shop-1.example.co.uk:00443", "https://shop-1.example.co.uk"),
        ("https://xn--bcher-kva.example", "https://xn--bcher-kva.example"),
        ("https://192.168.1.20", "https://192.168.1.20"),
        ("https://[2001:DB8:0:0::1]:444", "https://[2001:db8::1]:444"),
        ("http://localhost:8000", "http://localhost:8000"),
        ("http://LOCALHOST:80", "http://localhost"),
        ("http://127.0.0.1:5173", "http://127.0.0.1:5173"),
        ("http://[::1]:8080", "http://[::1]:8080"),
        ("http://[0:0::1]", "http://[::1]"),
    ],
)
def test_accepted_and_normalised(typed: str, origin: str) -> None:
    assert normalize_origin(typed) == origin


@pytest.mark.parametrize(
    ("typed", "reason"),
    [
        ("", "empty"),
        ("wallet.example.com", "must start with https://"),
        ("ftp://wallet.example.com", "scheme ftp is not allowed"),
        ("http://wallet.example.com", "http is only allowed for localhost, 127.0.0.1 and [::1]"),
        ("http://127.0.0.2", "http is only allowed for localhost"),
        ("http://localhost.example.com", "http is only allowed"),
        ("https://*.example.com", "wildcards are not allowed"),
        ("*", "wildcards are not allowed"),
        ("https://wallet.example.com/pay", "no path"),
        ("https://wallet.example.com//", "no path"),
        ("https://wallet.example.com?x=1", "no query"),
        ("https://wallet.example.com#top", "no fragment"),
        ("https://me:pw@wallet.example.com", "no user info"),
        ("https://", "no host"),
        ("https://:8443", "no host"),
        ("https://wallet.example.com:", "port '' is not a number"),
        ("https://wallet.example.com:0", "port '0' is not a number from 1 to 65535"),
        ("https://wallet.example.com:65536", "from 1 to 65535"),
        ("https://wallet.example.com:+80", "is not a number"),
        ("https://wallet..example.com", "is not a host name"),
        ("https://wallet.example.com.", "is not a host name"),
        ("https://-wallet.example.com", "is not a host name"),
        ("https://wallet_1.example.com", "is not a host name"),
        ("https://bücher.example", "punycode"),
        ("https://1.2.3", "is not a dotted IPv4 address"),
        ("https://0x7f.1", "is not a dotted IPv4 address"),
        ("https://example.123", "is not a dotted IPv4 address"),
        ("https://[::g]", "is not an IPv6 address"),
        ("https://[fe80::1%25eth0]", "'%'"),
        ("https://[::1", "not scheme://host[:port]"),
        ("https://wallet example.com", "a space or a control character"),
        ("https://wallet.\nexample.com", "a space or a control character"),
        ("https://wal\x00let.example.com", "control character"),
        ("https://" + "a" * 300 + ".com", "longer than 300 characters"),
    ],
)
def test_refused_with_one_line_naming_the_value(typed: str, reason: str) -> None:
    with pytest.raises(ValueError) as exc:
        normalize_origin(typed)
    message = str(exc.value)
    assert "\n" not in message and reason in message, message
    shown = typed.replace("\x00", "\\u0000").replace("\n", "\\u000a")
    named = repr(shown if len(shown) <= 120 else shown[:117] + "...")
    assert message.startswith(f"host origin {named}: "), message


def test_list_deduplicated_sorted_and_capped() -> None:
    typed = ["https://b.example.com", "HTTPS://a.example.com:443", "https://b.example.com/"]
    assert normalize_origins(typed) == ["https://a.example.com", "https://b.example.com"]
    assert normalize_origins([]) == []
    twenty = [f"https://h{i}.example.com" for i in range(MAX_HOST_ORIGINS)]
    assert len(normalize_origins(twenty + twenty[:3])) == MAX_HOST_ORIGINS  # duplicates first
    with pytest.raises(ValueError, match=r"^--host-origin: at most 20 host origins, got 21$"):
        normalize_origins([*twenty, "https://one-more.example.com"], "--host-origin")


def test_manifest_list_must_be_exactly_what_an_export_writes() -> None:
    good = ["http://localhost:8000", "https://a.example.com", "https://b.example.com:8443"]
    assert check_manifest_origins(good) == good
    cases = {
        "host_origins[0] 'HTTPS://a.example.com': not in normalised form "
        "(expected 'https://a.example.com')": ["HTTPS://a.example.com"],
        "host_origins[0] 'https://a.example.com/': not in normalised form": ["https://a.example.com/"],
        "host_origins[1] 'https://a.example.com': is listed twice": ["https://a.example.com"] * 2,
        "host_origins[1] 'https://a.example.com': is out of order": [
            "https://b.example.com", "https://a.example.com",
        ],
        "host_origins[0] 'http://evil.example.com': http is only allowed": ["http://evil.example.com"],
        "host_origins[0] '*': wildcards are not allowed": ["*"],
        "host_origins: at most 20 host origins, got 21": [f"https://h{i:02}.example.com" for i in range(21)],
    }
    for expected, values in cases.items():
        with pytest.raises(ValueError) as exc:
            check_manifest_origins(values)
        assert str(exc.value).startswith(expected), str(exc.value)
