"""Who holds a project's lock, in the studio's language (:mod:`studio.app.lockfile` stays Qt-free)."""

from __future__ import annotations

import time

from PySide6.QtCore import QCoreApplication

from studio.app.lockfile import LockInfo, printable


def describe(owner: LockInfo) -> str:
    """``process 4242 on laptop since 2026-12-06 05:30`` (LockInfo.describe, translated)."""
    when = time.strftime("%Y-%m-%d %H:%M", time.localtime(owner.time))
    if owner.pid <= 0:
        unknown = QCoreApplication.translate("LockInfo",
                                             "an unknown studio (unreadable lock file from {when})")
        return unknown.format(when=when)
    return QCoreApplication.translate("LockInfo", "process {pid} on {host} since {when}").format(
        pid=owner.pid, host=printable(owner.host), when=when)
