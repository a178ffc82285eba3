"""The scene graph as a networkx ``DiGraph`` (for layouts, the UI and ad-hoc analysis).

Nodes are scene ids (attributes ``title``, ``ending``, ``ending_kind``,
``start``); an edge ``a -> b`` carries ``options``: the ids of every option of
``a`` that leads to ``b``, in model order (several options may share a
target).  A scene that continues automatically has an edge to its ``next``
scene with ``options=[]`` and ``next=True``.  Options (and ``next``) pointing
to unknown scenes are left out.
"""

from __future__ import annotations

import networkx as nx

from studio.model import Project


def build_graph(project: Project) -> nx.DiGraph:
    """A ``DiGraph`` of scenes with option ids gathered on each edge."""
    g = nx.DiGraph()
    for s in project.scenes:
        g.add_node(s.id, title=s.title, ending=s.ending, ending_kind=s.ending_kind,
                   start=s.id == project.start)
    for s in project.scenes:
        if s.choice is None or not s.choice.options:
            if s.next is not None and s.next in g:
                g.add_edge(s.id, s.next, options=[], next=True)
            continue
        for o in s.choice.options:
            if o.target not in g:
                continue
            data = g.get_edge_data(s.id, o.target)
            if data is None:
                g.add_edge(s.id, o.target, options=[o.id])
            else:
                data["options"].append(o.id)
    return g
