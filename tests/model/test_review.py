"""Review files: coverage, next unwatched decision, comments, reports; project untouched."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from studio.model import PROJECT_FILE, ProjectError, load
from studio.model.review import (
    REVIEW_FILE,
    Approval,
    Comment,
    Review,
    coverage,
    load_review,
    next_unwatched,
    project_hash,
    save_review,
)
from studio.model.review_report import report_html, report_json
from tests.support import SAMPLES


@pytest.fixture
def savings(tmp_path: Path) -> Path:
    folder = tmp_path / "savings"
    shutil.copytree(SAMPLES / "savings", folder, ignore=shutil.ignore_patterns("media"))
    return folder


def test_empty_review_has_zero_coverage_and_start_is_next(savings: Path) -> None:
    project = load(savings).project
    review = load_review(savings)
    cov = coverage(project, review)
    assert cov.scenes_total == 8 and cov.scenes_watched == 0
    assert cov.options_total == 10 and cov.percent == 0
    assert next_unwatched(project, review) == ("payday", "save")


def test_coverage_and_next_unwatched_follow_the_watched_path(savings: Path) -> None:
    project = load(savings).project
    review = Review()
    for scene in ("payday", "save_path", "month_end", "ending_steady"):
        review.mark_scene(scene)
    review.mark_option("payday", "save")
    review.mark_option("save_path", "save_more")
    review.mark_option("month_end", "keep_saving")
    cov = coverage(project, review)
    assert (cov.scenes_watched, cov.options_watched) == (4, 3)
    assert cov.percent == (100 * 7) // 18
    # payday's other option is unwatched, and payday is the nearest decision.
    assert next_unwatched(project, review) == ("payday", "spend")
    # From save_path, its second option is the nearest unwatched decision.
    assert next_unwatched(project, review, from_scene="save_path") == ("save_path", "hotpot")
    assert "ending_dream" in cov.unwatched_scenes
    assert "payday/spend" in cov.unwatched_options


def test_everything_watched_means_nothing_next(savings: Path) -> None:
    project = load(savings).project
    review = Review()
    for s in project.scenes:
        review.mark_scene(s.id)
        for o in s.choice.options if s.choice else []:
            review.mark_option(s.id, o.id)
    assert coverage(project, review).percent == 100
    assert next_unwatched(project, review) is None


def test_review_file_round_trip_never_touches_project(savings: Path) -> None:
    before = (savings / PROJECT_FILE).read_bytes()
    review = Review()
    review.comments.append(
        Comment(id=review.next_comment_id(), scene="payday", t_ms=2500, author="Li",
                text="Prompt copy feels pushy", created="2026-11-24T10:00:00Z")
    )
    review.approvals.append(
        Approval(scene="payday", author="Li", at="2026-11-24T10:05:00Z",
                 project_sha256=project_hash(savings))
    )
    save_review(savings, review)
    assert (savings / PROJECT_FILE).read_bytes() == before
    again = load_review(savings)
    assert again == review
    assert again.next_comment_id() == "c2"


def test_corrupt_review_file_is_one_line_error(savings: Path) -> None:
    (savings / REVIEW_FILE).write_text('{"comments": [{"id": "c1"}]}')
    with pytest.raises(ProjectError) as info:
        load_review(savings)
    assert "\n" not in str(info.value) and REVIEW_FILE in str(info.value)


def test_report_escapes_author_text(savings: Path) -> None:
    project = load(savings).project
    review = Review()
    payload = "<img src=x onerror=alert(1)>"
    review.comments.append(Comment(id="c1", scene="payday", t_ms=61500, author=payload,
                                   text=payload, created="2026-11-24T10:00:00Z"))
    page = report_html(project, review)
    assert payload not in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    assert "01:01.500" in page
    data = report_json(project, review)
    assert data["open_comments"] == 1
    assert data["comments"][0]["scene_title"] == "发薪日"
    assert json.loads(json.dumps(data)) == data
    assert "payday" in data["unapproved_scenes"]
