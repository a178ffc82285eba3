"""Constrained scalar types and small value objects shared by the model.

Every model rejects unknown keys (``extra='forbid'``) and coerces nothing
(``strict=True``): a string where an integer belongs is an error, never a
silent conversion.  Money is ``MinorUnits``: a plain ``int``.
"""

from __future__ import annotations

import re
from pathlib import PurePosixPath
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

from studio.model.currency import is_currency


class StrictModel(BaseModel):
    """Base for every project model: no unknown keys, no coercion, no NaN or infinity."""

    model_config = ConfigDict(
        extra="forbid", strict=True, validate_assignment=True, allow_inf_nan=False
    )


# The largest integer both engines compute exactly: Python ints are unbounded, but the web
# player's numbers are IEEE doubles, exact only up to 2**53 - 1 (Number.MAX_SAFE_INTEGER).
# Every integer in a project lies in [-MAX_SAFE_INT, MAX_SAFE_INT]; the engines saturate at
# the bound (docs/project-format.md, docs/engine-contract.md).
MAX_SAFE_INT = 2**53 - 1
# Canvas coordinates of a scene on the branch graph (finite, and far beyond any real layout).
MAX_COORDINATE = 1e7


ID_PATTERN = r"^[A-Za-z0-9_][A-Za-z0-9_.\-]{0,63}$"
Id = Annotated[str, Field(pattern=ID_PATTERN, description="Stable identifier")]
SafeInt = Annotated[
    int, Field(ge=-MAX_SAFE_INT, le=MAX_SAFE_INT, description="Integer both engines compute exactly")
]
Count = Annotated[int, Field(ge=0, le=MAX_SAFE_INT)]
MinorUnits = Annotated[
    int, Field(ge=0, le=MAX_SAFE_INT, description="Money in integer minor units (fen/cents)")
]
PositiveMinorUnits = Annotated[int, Field(ge=1, le=MAX_SAFE_INT, description="Money in minor units, > 0")]
Ms = Annotated[int, Field(ge=0, le=24 * 3600 * 1000, description="Milliseconds")]
Text = Annotated[str, Field(max_length=2000)]
ShortText = Annotated[str, Field(max_length=200)]


def _currency(code: str) -> str:
    if not is_currency(code):
        raise ValueError(f"'{code}' is not an ISO 4217 currency code")
    return code


Currency = Annotated[str, AfterValidator(_currency), Field(description="ISO 4217 code")]


def _https(url: str) -> str:
    if not re.fullmatch(r"https://[^\s/?#@]+(/[^\s]*)?", url):
        raise ValueError(f"'{url}' is not an https:// URL")
    return url


HttpsUrl = Annotated[str, AfterValidator(_https), Field(max_length=2000)]


def _relpath(path: str) -> str:
    if "\x00" in path:
        raise ValueError("a path cannot contain a NUL character (no file system stores one)")
    p = PurePosixPath(path)
    if (
        not path
        or "\\" in path
        or p.is_absolute()
        or re.match(r"^[A-Za-z]:", path)
        or ".." in p.parts
        or path != p.as_posix()
    ):
        raise ValueError(f"'{path}' must be a relative path inside the project folder")
    return path


RelPath = Annotated[str, AfterValidator(_relpath), Field(max_length=500)]

_LOCALE = r"^[a-z]{2,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|[0-9]{3}))?$"
Locale = Annotated[str, Field(pattern=_LOCALE, description="BCP 47 tag, e.g. zh-CN")]


class Point(StrictModel):
    """Position of a scene on the branch graph canvas (scene coordinates)."""

    x: float = Field(default=0.0, ge=-MAX_COORDINATE, le=MAX_COORDINATE)
    y: float = Field(default=0.0, ge=-MAX_COORDINATE, le=MAX_COORDINATE)


class Rect(StrictModel):
    """A hotspot: normalised 0..1 coordinates of the displayed (vertical) video."""

    x: float = Field(ge=0.0, le=1.0)
    y: float = Field(ge=0.0, le=1.0)
    w: float = Field(gt=0.0, le=1.0)
    h: float = Field(gt=0.0, le=1.0)

    @model_validator(mode="after")
    def _inside(self) -> Rect:
        if self.x + self.w > 1.0 + 1e-9 or self.y + self.h > 1.0 + 1e-9:
            raise ValueError("hotspot must lie inside the frame (x+w <= 1, y+h <= 1)")
        return self
