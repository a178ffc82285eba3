"""A bug inside a command still ends in one line on stderr and exit code 70, never a bare traceback."""

from __future__ import annotations

import pytest

from studio import cli
from tests.support import SAMPLES


def _broken(*_args: object, **_kwargs: object) -> object:
    raise RuntimeError("boom\nsecond line\x1b[31m")


def test_unexpected_exception_is_one_line_with_exit_70(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import studio.graph.cli_cmds as cmds

    monkeypatch.delenv("STUDIO_DEBUG", raising=False)
    monkeypatch.setattr(cmds, "validate", _broken)
    code = cli.main(["validate", str(SAMPLES / "savings")])
    err = capsys.readouterr().err
    assert code == cli.INTERNAL_ERROR == 70
    assert err.count("\n") == 1, err
    assert err.startswith("studio: internal error in validate: RuntimeError: boom\\nsecond line\\x1b[31m")
    assert "Traceback" not in err


def test_studio_debug_adds_the_traceback(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import studio.graph.cli_cmds as cmds

    monkeypatch.setenv("STUDIO_DEBUG", "1")
    monkeypatch.setattr(cmds, "stats", _broken)
    code = cli.main(["stats", str(SAMPLES / "savings")])
    err = capsys.readouterr().err
    assert code == 70
    assert "Traceback (most recent call last)" in err
    assert err.rstrip("\n").splitlines()[-1].startswith("studio: internal error in stats: RuntimeError")


def test_out_of_memory_is_reported_in_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import studio.graph.cli_cmds as cmds

    def exhausted(*_args: object, **_kwargs: object) -> object:
        raise MemoryError

    monkeypatch.setattr(cmds, "validate", exhausted)
    assert cli.main(["validate", str(SAMPLES / "savings")]) == 2
    assert capsys.readouterr().err == "studio: out of memory\n"
