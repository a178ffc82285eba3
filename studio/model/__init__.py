"""The drama data model: pydantic v2 models, migrations, load/save. No Qt, no VLC."""

from studio.model.checks import Problem, check_timing
from studio.model.errors import ProjectError
from studio.model.io import PROJECT_FILE, Loaded, dumps, load, load_project, save
from studio.model.project import (
    MIN_READER_VERSION,
    SCHEMA_VERSION,
    ChoicePoint,
    Deposit,
    Effect,
    MediaAsset,
    Option,
    Product,
    ProductTag,
    Project,
    SavingsGoal,
    SavingsPrompt,
    Scene,
    Variable,
)
from studio.model.types import Point, Rect

__all__ = [
    "MIN_READER_VERSION",
    "PROJECT_FILE",
    "SCHEMA_VERSION",
    "ChoicePoint",
    "Deposit",
    "Effect",
    "Loaded",
    "MediaAsset",
    "Option",
    "Point",
    "Problem",
    "Product",
    "ProductTag",
    "Project",
    "ProjectError",
    "Rect",
    "SavingsGoal",
    "SavingsPrompt",
    "Scene",
    "Variable",
    "check_timing",
    "dumps",
    "load",
    "load_project",
    "save",
]
