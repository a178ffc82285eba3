"""Review reports as JSON and self-contained HTML (all author text escaped).

The HTML is for people: scenes by their titles, options by their labels, never an id (a scene
renamed after a comment was pinned to it shows its new title).  The JSON is for programs: ids,
with the titles beside them (``scene_title``, ``titles``).
"""

from __future__ import annotations

import html
import json
from typing import Any

from studio.model.names import UNTITLED, option_label
from studio.model.project import Project
from studio.model.review import Review, coverage


def _mmss(ms: int) -> str:
    return f"{ms // 60000:02d}:{ms // 1000 % 60:02d}.{ms % 1000:03d}"


DELETED = "(deleted scene)"


def report_json(project: Project, review: Review) -> dict[str, Any]:
    titles = {s.id: s.title or UNTITLED for s in project.scenes}
    approved = {a.scene for a in review.approvals}
    options = {
        f"{s.id}/{o.id}": f"{titles[s.id]} → “{option_label(project, o) or '(unlabelled option)'}”"
        for s in project.scenes if s.choice is not None for o in s.choice.options
    }
    cov = coverage(project, review)
    return {
        "project": project.title,
        "coverage": cov.to_json(),
        "comments": [
            {**c.model_dump(mode="json"), "scene_title": titles.get(c.scene, DELETED)}
            for c in sorted(review.comments, key=lambda c: (c.scene, c.t_ms, c.id))
        ],
        "open_comments": sum(c.status == "open" for c in review.comments),
        "approvals": [
            {**a.model_dump(mode="json"), "scene_title": titles.get(a.scene, DELETED)}
            for a in review.approvals
        ],
        "unapproved_scenes": [s.id for s in project.scenes if s.id not in approved],
        "titles": titles,  # scene id -> title
        "unwatched_names": [titles.get(sid, sid) for sid in cov.unwatched_scenes]
        + [options.get(key, key) for key in cov.unwatched_options],
    }


_STYLE = (
    "body{font:14px/1.5 system-ui,sans-serif;margin:2em;max-width:60em;color:#222}"
    "table{border-collapse:collapse;width:100%}td,th{border:1px solid #ccc;padding:4px 8px;"
    "text-align:left}th{background:#f3f3f3}.open{color:#b00020}.resolved{color:#2e7d32}"
    ".bar{background:#eee;height:12px;border-radius:6px}.fill{background:#2e7d32;height:12px;"
    "border-radius:6px}"
)


def report_html(project: Project, review: Review) -> str:
    data = report_json(project, review)
    cov = data["coverage"]
    e = html.escape
    rows = "".join(
        f"<tr><td>{e(c['scene_title'])}</td>"
        f"<td>{_mmss(c['t_ms'])}</td><td>{e(c['author'])}</td><td>{e(c['text'])}</td>"
        f"<td class=\"{e(c['status'])}\">{e(c['status'])}</td></tr>"
        for c in data["comments"]
    ) or "<tr><td colspan=5>No comments.</td></tr>"
    approvals = "".join(
        f"<li>{e(a['scene_title'])}: {e(a['author'])} at {e(a['at'])}</li>" for a in data["approvals"]
    ) or "<li>None yet.</li>"
    unwatched = ", ".join(e(name) for name in data["unwatched_names"]) or "none"
    return (
        "<!doctype html><html lang=en><head><meta charset=utf-8>"
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
        "style-src 'unsafe-inline'\">"
        f"<title>Review: {e(project.title)}</title><style>{_STYLE}</style></head><body>"
        f"<h1>Review: {e(project.title)}</h1>"
        f"<p>Coverage: <b>{cov['percent']}%</b> ({cov['scenes_watched']}/{cov['scenes_total']} "
        f"scenes, {cov['options_watched']}/{cov['options_total']} choices)</p>"
        f"<div class=bar><div class=fill style=\"width:{cov['percent']}%\"></div></div>"
        f"<p>Not yet watched: {unwatched}</p>"
        f"<h2>Comments ({data['open_comments']} open)</h2><table><tr><th>Scene</th><th>Time</th>"
        f"<th>Author</th><th>Comment</th><th>Status</th></tr>{rows}</table>"
        f"<h2>Approvals</h2><ul>{approvals}</ul></body></html>\n"
    )


def report_json_text(project: Project, review: Review) -> str:
    return json.dumps(report_json(project, review), ensure_ascii=False, indent=2) + "\n"
