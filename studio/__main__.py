"""``python -m studio`` and the ``studio`` console script."""

from __future__ import annotations

from studio.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
