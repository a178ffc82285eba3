"""Graph analysis of a drama: validation, incremental revalidation and statistics.

Qt-free; results are plain data (``studio.model.Problem`` lists, ``Stats``).
Scenes lead on through their options or, continuing automatically, their
``next`` scene; a storyboard placeholder scene lasts its planned duration.
Messages name scenes by their titles (``names``).

- ``validate(project, folder=None, check_media=True)``: every problem;
- ``Validator``: the same, revalidated incrementally after edits;
- ``stats(project)``: path counts, playing times, deposit ranges;
- ``analyze(project, ...)``: both of the above in one pass;
- ``build_graph(project)``: the scene graph as a networkx ``DiGraph``.
"""

from studio.graph.analyze import analyze
from studio.graph.build import build_graph
from studio.graph.media_checks import MediaHashCache
from studio.graph.stats import EndingStats, GoalStats, PathStats, Stats, stats
from studio.graph.validate import Validator, validate

__all__ = [
    "EndingStats",
    "GoalStats",
    "MediaHashCache",
    "PathStats",
    "Stats",
    "Validator",
    "analyze",
    "build_graph",
    "stats",
    "validate",
]
