"""Who is reviewing and when: the reviewer's name and the review's timestamps."""

from __future__ import annotations

import getpass
import os
from datetime import UTC, datetime

from studio.app import settings

ENV_REVIEWER = "DRAMA_STUDIO_REVIEWER"
AUTHOR_KEY = "review/author"
MAX_AUTHOR = 200


def now_iso() -> str:
    """The current UTC time as ISO 8601 with a ``Z`` (seconds)."""
    return datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def default_author() -> str:
    """The reviewer's name: stored setting, else the environment, else the login."""
    stored = settings.qsettings().value(AUTHOR_KEY)
    if isinstance(stored, str) and stored.strip():
        return stored.strip()[:MAX_AUTHOR]
    env = os.environ.get(ENV_REVIEWER, "").strip()
    if env:
        return env[:MAX_AUTHOR]
    try:
        return getpass.getuser()[:MAX_AUTHOR] or "Reviewer"
    except (KeyError, OSError):
        return "Reviewer"
