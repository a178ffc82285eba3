"""The contract's key order is the order a JavaScript object keeps keys inserted sorted."""

from __future__ import annotations

from studio.engine.keys import is_array_index, sorted_keys


def test_array_indices_first_in_numeric_order_then_code_units() -> None:
    keys = ["b", "10", "_x", "9", "__proto__", "0", "09", "4294967294", "4294967295", "A", "1.5", "-1"]
    assert sorted_keys(keys) == [
        "0", "9", "10", "4294967294",  # array indices
        "-1", "09", "1.5", "4294967295", "A", "__proto__", "_x", "b",  # the rest, by code unit
    ]


def test_what_counts_as_an_array_index() -> None:
    assert all(map(is_array_index, ["0", "7", "4294967294"]))
    assert not any(map(is_array_index, ["00", "01", "4294967295", "99999999999", "", "1e3", "+1", "٣"]))
