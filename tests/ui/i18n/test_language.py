"""The studio's own language: which one is chosen, the catalogues installed, the window in Chinese."""

from __future__ import annotations

import logging
import os
import shutil
import time
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from studio.app import i18n, settings
from studio.app.paths import cache_dir
from studio.app.settings import Preferences
from studio.templates import TEMPLATES
from studio.ui.start import templates_text
from tests.support import ROOT

pytestmark = pytest.mark.gui

MENUS_ZH = ["文件(&F)", "编辑(&E)", "场景(&S)", "视图(&V)", "帮助(&H)"]
MENUS_EN = ["&File", "&Edit", "&Scene", "&View", "&Help"]


@pytest.mark.parametrize(
    ("system", "expected"),
    [("zh_CN", "zh_CN"), ("zh_SG", "zh_CN"), ("zh", "zh_CN"), ("zh_TW", "en"), ("zh_HK", "en"),
     ("en_US", "en"), ("en_GB", "en"), ("de_DE", "en"), ("C", "en")],
)
def test_system_preference_follows_the_locale(
    system: str, expected: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(i18n.ENV_LANGUAGE, raising=False)
    assert i18n.resolve_language("system", QLocale(system)) == expected
    assert QLocale("zh-Hans-HK").script() == QLocale.Script.SimplifiedHanScript
    assert i18n.resolve_language("system", QLocale("zh-Hans-HK")) == "zh_CN"


def test_a_chosen_language_wins_and_the_environment_overrides_it(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.delenv(i18n.ENV_LANGUAGE, raising=False)
    assert i18n.resolve_language("en", QLocale("zh_CN")) == "en"
    assert i18n.resolve_language("zh_CN", QLocale("en_US")) == "zh_CN"
    monkeypatch.setenv(i18n.ENV_LANGUAGE, "zh_CN")
    assert i18n.resolve_language("en", QLocale("en_US")) == "zh_CN"
    monkeypatch.setenv(i18n.ENV_LANGUAGE, "klingon")
    with caplog.at_level(logging.WARNING, logger="studio.app.i18n"):
        assert i18n.resolve_language("en", QLocale("zh_CN")) == "en"
    assert "klingon" in caplog.text


def test_preferences_keep_the_language_and_refuse_unknown_ones(qapp: QApplication) -> None:
    assert Preferences.load().language == "system"
    Preferences(language="zh_CN").save()
    assert Preferences.load().language == "zh_CN"
    settings.qsettings().setValue("preferences/language", "xx")
    assert Preferences.load().language == "system"
    assert settings.CODES == i18n.CODES == ("system", "en", "zh_CN")


def test_preferences_dialog_round_trips_the_language(qtbot: QtBot, english_after: QApplication) -> None:
    from studio.ui.preferences import PreferencesDialog

    dialog = PreferencesDialog(Preferences(language="zh_CN"))
    qtbot.addWidget(dialog)
    names = [dialog.language.itemText(i) for i in range(dialog.language.count())]
    assert names == ["Follow the system", "English", "简体中文"]
    assert dialog.language.currentData() == "zh_CN" and not dialog.language_changed()
    assert dialog.language_note.isHidden()
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    assert dialog.language_changed() and not dialog.language_note.isHidden()
    chosen = dialog.result_preferences()
    assert chosen.language == "en"
    chosen.save()
    assert Preferences.load().language == "en"


def _window(language: str) -> Any:
    from studio.ui.launch import create_window

    return create_window(recover=False, language=language)


def _menu_titles(window: Any) -> list[str]:
    return [a.text() for a in window.menuBar().actions()]


def test_the_studio_in_chinese_then_in_english(
    qtbot: QtBot, english_after: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    win = _window("zh_CN")
    qtbot.addWidget(win)
    assert i18n.current_language() == "zh_CN"
    assert _menu_titles(win) == MENUS_ZH
    actions = win.action_map
    assert actions["file.new"].text() == "新建(&N)"
    assert actions["file.save_as"].text() == "另存为(&A)…"
    assert actions["edit.preferences"].text() == "偏好设置(&E)…"
    assert actions["file.save"].iconText() == "保存"
    assert actions["edit.undo"].text() == "撤销"  # the undo stack's action: its prefix
    assert win.docks["inspector"].windowTitle() == "属性"
    assert win.docks["library"].windowTitle() == "素材库"
    assert win.start_page.open_button.text() == "打开项目文件夹…"
    assert QLocale().name() == "zh_CN"
    from studio.ui.preferences import PreferencesDialog

    dialog = PreferencesDialog(Preferences(), win)
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    assert ok.text() == "确定"  # Qt's own catalogue (qtbase_zh_CN)
    dialog.deleteLater()
    win.close()

    english = _window("en")
    qtbot.addWidget(english)
    assert i18n.current_language() == "en"
    assert _menu_titles(english) == MENUS_EN
    assert english.action_map["file.new"].text() == "&New"
    assert english.docks["inspector"].windowTitle() == "Inspector"
    english.close()

    monkeypatch.setenv(i18n.ENV_LANGUAGE, "zh_CN")  # STUDIO_LANGUAGE, as for screenshots
    from studio.ui.launch import create_window

    again = create_window(recover=False)
    qtbot.addWidget(again)
    assert _menu_titles(again) == MENUS_ZH
    again.close()


def _catalogue_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A translations folder like a fresh checkout's: the .ts sources, no compiled catalogue."""
    folder = tmp_path / "translations"
    shutil.copytree(i18n.translations_dir() / "zh_CN", folder / "zh_CN")
    monkeypatch.setattr(i18n, "translations_dir", lambda: folder)
    return folder


def test_a_missing_catalogue_is_compiled_into_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, english_after: QApplication,
    caplog: pytest.LogCaptureFixture,
) -> None:
    folder = _catalogue_folder(tmp_path, monkeypatch)
    cached = cache_dir() / "translations" / "studio_zh_CN.qm"
    assert not (folder / "studio_zh_CN.qm").exists() and not cached.exists()
    with caplog.at_level(logging.INFO, logger="studio.app.i18n"):
        installed = i18n.install_translators(english_after, "zh_CN")
    assert cached.is_file() and "missing" in caplog.text
    assert len(installed) == 2  # ours and Qt's
    assert QCoreApplication.translate("Actions", "&File") == "文件(&F)"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"
    built = cached.stat().st_mtime_ns
    i18n.install_translators(english_after, "zh_CN")  # fresh: not compiled again
    assert cached.stat().st_mtime_ns == built
    assert i18n.install_translators(english_after, "en") == []
    assert QCoreApplication.translate("Actions", "&File") == "&File"


def test_a_catalogue_older_than_its_sources_is_compiled_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, english_after: QApplication
) -> None:
    folder = _catalogue_folder(tmp_path, monkeypatch)
    shipped = folder / "studio_zh_CN.qm"
    shipped.write_bytes(b"stale")
    past = time.time() - 3600
    os.utime(shipped, (past, past))
    assert i18n.catalogue("zh_CN") == cache_dir() / "translations" / "studio_zh_CN.qm"
    i18n.compile_catalogue(i18n.sources("zh_CN"), shipped)  # as scripts/translations.py release does
    assert i18n.catalogue("zh_CN") == shipped
    i18n.install_translators(english_after, "zh_CN")
    assert QCoreApplication.translate("Panels", "Timeline") == "时间线"


def test_an_installed_package_uses_its_compiled_catalogue_and_says_when_there_is_none(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, english_after: QApplication,
    caplog: pytest.LogCaptureFixture,
) -> None:
    folder = tmp_path / "wheel"
    folder.mkdir()
    monkeypatch.setattr(i18n, "translations_dir", lambda: folder)
    with caplog.at_level(logging.WARNING, logger="studio.app.i18n"):
        installed = i18n.install_translators(english_after, "zh_CN")
    assert "no catalogue for zh_CN" in caplog.text and "English" in caplog.text
    assert QCoreApplication.translate("Actions", "&File") == "&File"
    assert len(installed) == 1  # Qt's own only
    sources = sorted((ROOT / "resources/translations/zh_CN").glob("*.ts"))
    i18n.compile_catalogue(sources, folder / "studio_zh_CN.qm")
    assert i18n.catalogue("zh_CN") == folder / "studio_zh_CN.qm"
    i18n.install_translators(english_after, "zh_CN")
    assert QCoreApplication.translate("Actions", "&Help") == "帮助(&H)"


def test_every_template_name_and_summary_is_marked_for_translation() -> None:
    marked = set(map(str, templates_text.MARKED))
    for template in TEMPLATES.values():
        assert {template.name, template.summary} <= marked, template.id


def test_studio_open_passes_the_language_to_the_window(monkeypatch: pytest.MonkeyPatch) -> None:
    from studio import cli
    from studio.ui import launch

    seen: dict[str, object] = {}

    def run(project: str | None = None, read_only: bool = False, language: str | None = None) -> int:
        seen.update(project=project, read_only=read_only, language=language)
        return 0

    monkeypatch.setattr(launch, "run", run)
    assert cli.main(["open", "drama", "--language", "zh_CN"]) == 0
    assert seen == {"project": "drama", "read_only": False, "language": "zh_CN"}
    with pytest.raises(SystemExit):
        cli.get_parser().parse_args(["open", "--language", "fr"])
