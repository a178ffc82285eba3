"""How long the fuzz tests run: a share of the loaded hypothesis profile's ``max_examples``.

The profiles live in ``tests/conftest.py``: ``ci`` (the default, bounded so
the whole folder stays well under two minutes on two cores) and ``long``
(``--hypothesis-profile=long``, many more examples, random every run).
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from hypothesis import HealthCheck, settings

from tests.fuzz.cli_run import CASE_SECONDS

SLOW_IS_FINE = [
    HealthCheck.too_slow,
    HealthCheck.data_too_large,
    HealthCheck.large_base_example,
    HealthCheck.filter_too_much,
]


def examples(share: float) -> int:
    return max(1, round(settings.default.max_examples * share))


def fuzz(share: float) -> settings:
    """Settings for one fuzz test: ``share`` of the profile's examples, a per-example deadline."""
    return settings(
        max_examples=examples(share),
        deadline=timedelta(seconds=3 * CASE_SECONDS),
        suppress_health_check=SLOW_IS_FINE,
    )


def timeout(share: float) -> pytest.MarkDecorator:
    """pytest-timeout backstop for a whole fuzz test: generous per example, at least 10 minutes
    (shrinking a failure runs many more examples than ``max_examples``)."""
    return pytest.mark.timeout(max(600, round(examples(share) * CASE_SECONDS)))
