"""Path counts of any size print and serialise (a 15,000-scene binary chain has ~10^4515 paths)."""

from __future__ import annotations

import json
import sys

import pytest

from studio.graph.counts import exact_digits, json_count, short
from studio.model.types import MAX_SAFE_INT


@pytest.mark.parametrize(
    "n", [0, 7, 10**999, 10**1000, 10**1000 + 1, 3**9000, 2**20000 - 1, -(5**7000)],
    ids=["0", "7", "10**999", "10**1000", "10**1000+1", "3**9000", "2**20000-1", "-5**7000"],
)
def test_exact_digits_equal_python_s_own_conversion(n: int) -> None:
    old = sys.get_int_max_str_digits()
    sys.set_int_max_str_digits(0)
    try:
        expected = str(n)
    finally:
        sys.set_int_max_str_digits(old)
    assert exact_digits(n) == expected


def test_short_is_exact_when_small_and_an_estimate_when_huge() -> None:
    assert short(123456789012345) == "123456789012345"
    assert short(2**15000) == "about 2.8e4515 (4,516 digits)"
    assert short(10**20) == "about 1.0e20 (21 digits)"
    assert short(10**20 - 1) == "about 1.0e20 (21 digits)"  # 9.99...e19 rounds up
    assert short(-(2**15000)) == "-about 2.8e4515 (4,516 digits)"


def test_json_counts_are_exact_numbers_while_python_json_reads_them() -> None:
    assert json_count(MAX_SAFE_INT + 1) == MAX_SAFE_INT + 1 and json_count(None) is None
    assert json_count(10**4299) == 10**4299  # 4,300 digits: json.dumps/loads still take it
    huge = json_count(10**4300)
    assert huge == "1" + "0" * 4300 and json.loads(json.dumps(huge)) == huge
    assert json.loads(json.dumps(json_count(2**14000))) == 2**14000


def test_stats_command_writes_huge_counts_in_text_and_json(
    tmp_path: object, capsys: pytest.CaptureFixture[str]
) -> None:
    """61 scenes with two ways on each: 2**60 paths, past what a JSON reader holds exactly."""
    from pathlib import Path

    from studio import cli
    from tests.graph.helpers import bench_module

    big = bench_module("bigproject")
    folder = Path(str(tmp_path))
    big.write_project(folder, big.chain_raw(61, extra_options=1))
    assert cli.main(["stats", str(folder)]) == 0
    text = capsys.readouterr().out
    assert "paths to an ending: about 1.2e18 (19 digits)" in text
    assert cli.main(["stats", "--json", str(folder)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["paths"] == 2**60 and data["endings"][0]["paths"] == 2**60
