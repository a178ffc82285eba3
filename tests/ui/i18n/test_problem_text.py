"""Problems from the Qt-free checks read in the studio's language (English without a catalogue)."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QDockWidget
from pytestqt.qtbot import QtBot

from studio.app import i18n
from studio.app.problem_text import problem_text
from studio.graph.validate import validate
from studio.model import Problem, Project, load
from studio.model.checks import problem
from studio.model.tracks import Cue, SubtitleTrack
from tests.support import SAMPLES

pytestmark = pytest.mark.gui


def _with(project: Project, scene_id: str, **update: Any) -> Project:
    scenes = [s.model_copy(update=update) if s.id == scene_id else s for s in project.scenes]
    return Project.model_validate({**project.model_dump(), "scenes": [s.model_dump() for s in scenes]})


def _broken(folder: Path) -> None:
    """The savings sample whose "spend" option is relinked to the saving path: the spending
    path and the temptation can no longer be reached."""
    file = folder / "drama.json"
    data = json.loads(file.read_text(encoding="utf-8"))
    payday = next(s for s in data["scenes"] if s["id"] == "payday")
    next(o for o in payday["choice"]["options"] if o["id"] == "spend")["target"] = "save_path"
    file.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")


@pytest.fixture
def problems(tmp_path: Path) -> dict[str, Problem]:
    """One problem of each kind the test reads, by code."""
    folder = tmp_path / "savings"
    shutil.copytree(SAMPLES / "savings", folder)
    _broken(folder)
    (folder / "media" / "payday.mp4").unlink()
    project = load(folder).project
    project = _with(project, "month_end", choice=None)  # a dead end
    project = _with(project, "payday", in_ms=1000, out_ms=4000,
                    subtitles=[SubtitleTrack(locale="en", cues=[Cue(start_ms=0, end_ms=500, text="hi")])])
    project.translations = []  # en stays a target, with none of its translations
    found: dict[str, Problem] = {}
    for p in validate(project, folder):
        found.setdefault(p.code, p)
    return found


CASES = {
    "unreachable": ("cannot be reached from the start scene “发薪日”", "无法从起始场景“发薪日”到达"),
    "dead-end": ("has neither a choice point nor a next scene",
                 "既没有选择点也没有下一场景，且未标记为结局：播放会停在这里"),
    "l10n-missing": ("Title and catalogue: ", "标题和商品目录："),
    "subtitle-outside-trim": ("1 of the 1 en subtitles of “发薪日” lie outside its trim",
                              "“发薪日”的 1 条 en 字幕中有 1 条在裁剪范围之外，"
                              "永远不会显示（第一条在 0 ms）"),
    "media-missing": ("file 'media/payday.mp4' is missing (used by scene “发薪日”)",
                      "文件 'media/payday.mp4' 缺失（场景“发薪日”使用了它）"),
}


def test_problems_read_in_chinese_with_the_catalogue_and_english_without(
    english_after: QApplication, problems: dict[str, Problem]
) -> None:
    assert set(CASES) <= set(problems), sorted(problems)
    for code, (english, _chinese) in CASES.items():
        p = problems[code]
        assert p.template is not None, code
        assert problem_text(p) == p.message and english in p.message, (code, p.message)
    assert i18n.install_translators(english_after, "zh_CN")
    for code, (english, chinese) in CASES.items():
        text = problem_text(problems[code])
        assert chinese in text and english not in text, (code, text)
    cut = problem_text(problems["choice-outside-trim"])  # its span's end is a value of its own
    assert "在裁剪后的片段之外（1000 ms..4000 ms）" in cut, cut


def test_a_problem_without_a_template_or_with_a_broken_translation_shows_its_english(
    english_after: QApplication,
) -> None:
    assert i18n.install_translators(english_after, "zh_CN")
    plain = Problem("error", "x", "something odd")
    assert problem_text(plain) == "something odd"
    odd = Problem("error", "x", "odd 1", template="odd {n}", params=(("m", "1"),))
    assert problem_text(odd) == "odd 1"
    # a clip trimmed to its end: the word "end" is translated too
    open_end = problem("error", "prompt-outside-trim", "at_ms {at} ms is outside the trimmed clip "
                       "({start} ms..{end_text})", "s", None, at=5, start=10, end_text="end")
    assert open_end.message == "at_ms 5 ms is outside the trimmed clip (10 ms..end)"
    assert problem_text(open_end) == "出现时间 5 ms 在裁剪后的片段之外（10 ms..结尾）"


@pytest.fixture
def broken_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "broken"
    shutil.copytree(SAMPLES / "savings", folder)
    _broken(folder)
    return folder


@pytest.fixture
def chinese_window(qtbot: QtBot, english_after: QApplication, broken_copy: Path) -> Iterator[Any]:
    from studio.ui.main_window import MainWindow

    i18n.install_translators(english_after, "zh_CN")
    win = MainWindow(autosave_ms=60_000)
    assert win.open_project(broken_copy)
    win.resize(1280, 800)
    win.show()
    qtbot.waitExposed(win)
    yield win
    assert not win.doc.dirty  # the test only reads: nothing to save or discard
    win.close()
    win.deleteLater()


def test_the_problems_panel_shows_chinese_messages(qtbot: QtBot, chinese_window: Any, tmp_path: Path) -> None:
    panel = chinese_window.panels["problems"]
    runner = chinese_window.services.validation
    qtbot.waitUntil(lambda: "spend_path" in runner.by_scene, timeout=10_000)
    qtbot.waitUntil(lambda: panel.tree.topLevelItemCount() > 0, timeout=10_000)
    rows = [(panel.tree.topLevelItem(i).text(1), panel.tree.topLevelItem(i).text(2))
            for i in range(panel.tree.topLevelItemCount())]
    unreachable = {w for w, m in rows if m == "无法从起始场景“发薪日”到达"}
    assert unreachable == {"把钱花掉", "诱惑"}, rows
    assert not any("cannot be reached" in m for _w, m in rows), rows
    shots = Path("/tmp/shots-problems")
    shots.mkdir(exist_ok=True)
    dock = panel.parentWidget()
    while dock is not None and not isinstance(dock, QDockWidget):
        dock = dock.parentWidget()
    assert dock is not None
    dock.raise_()
    qtbot.waitUntil(panel.isVisible, timeout=5_000)
    dock.grab().save(str(shots / "problems-zh.png"))
    chinese_window.grab().save(str(shots / "window-zh.png"))
