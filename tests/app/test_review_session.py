"""ReviewSession: coverage from engine events, comments, approvals, report; project untouched."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from studio.app.document import Document
from studio.app.playthrough import PlaythroughController
from studio.app.review_session import ENV_REVIEWER, ReviewSession, default_author
from studio.engine.runner import run_trace
from studio.model import ProjectError, load, save
from studio.model.review import REVIEW_FILE, coverage, load_review, project_hash

# the savings sample: decline the round-up prompt, buy the phone, keep it (then defaults)
SPEND_PATH = [
    {"at": 1500, "action": "decline_prompt"},
    {"at": 3000, "action": "choose", "option": "spend"},
    {"at": 6500, "action": "choose", "option": "keep_it"},
]


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


@pytest.fixture
def review_doc(savings_copy: Path) -> Iterator[Document]:
    """The savings copy opened read-only, as review mode does."""
    doc = Document()
    doc.open(savings_copy, read_only=True)
    yield doc
    doc.close()


def make_session(doc: Document, **kw: object) -> ReviewSession:
    kw.setdefault("author", "Li")
    return ReviewSession(doc, **kw)  # type: ignore[arg-type]


def test_coverage_follows_run_trace_events_and_is_saved(review_doc: Document, savings_copy: Path) -> None:
    before = snapshot(savings_copy)
    session = make_session(review_doc)
    assert session.recording  # review mode records by default
    project = load(savings_copy).project
    trace = run_trace(project)
    new = session.record_events(trace)
    taken = [(e["scene"], e["option"]) for e in trace if e["type"] == "choice_made"]
    started = [e["scene"] for e in trace if e["type"] == "scene_started"]
    assert new == len(set(started)) + len(set(taken))
    assert session.watched_scenes() == set(started)
    assert session.watched_edges() == set(taken)
    cov = session.coverage()
    assert cov.percent == 100 * (len(set(started)) + len(set(taken))) // (8 + 10)
    # saved at once, beside the project, and equal to what the model computes from the file
    on_disk = load_review(savings_copy)
    assert coverage(project, on_disk) == cov
    assert session.record_events(trace) == 0  # nothing new: no second mark
    # the other branch adds the spend path
    session.record_events(run_trace(project, inputs=SPEND_PATH))
    assert {"spend_path", "temptation"} <= session.watched_scenes()
    assert ("payday", "spend") in session.watched_edges()
    after = snapshot(savings_copy)
    assert after.pop(REVIEW_FILE)
    assert after == before  # drama.json and media untouched; only the review file is new


def test_nothing_is_recorded_while_recording_is_off(savings_copy: Path) -> None:
    doc = Document()
    doc.open(savings_copy)  # creators: writable, recording starts off
    try:
        session = make_session(doc)
        assert not session.recording
        assert session.record_events(run_trace(doc.project)) == 0
        assert not (savings_copy / REVIEW_FILE).exists()
        session.set_recording(True)
        assert session.record_events(run_trace(doc.project)) > 0
        assert (savings_copy / REVIEW_FILE).exists()
        doc.save()  # saving keeps the creator's choice; only entering/leaving review mode resets it
        assert session.recording
        doc.open(savings_copy, read_only=True)
        assert session.recording
        doc.open(savings_copy)
        assert not session.recording
    finally:
        doc.close()


def test_a_playthrough_controller_feeds_the_session(review_doc: Document) -> None:
    session = make_session(review_doc)
    controller = PlaythroughController(review_doc, None, auto_tick=False)
    session.watch(controller)
    session.watch(controller)  # once only
    assert controller.start()
    assert session.watched_scenes() == {"payday"}
    controller.tick(1500)
    assert controller.decline_prompt()
    controller.tick(1500)
    assert controller.choose("spend")
    assert session.watched_scenes() == {"payday", "spend_path"}
    assert session.watched_edges() == {("payday", "spend")}
    # run_trace with the recorded inputs starts the same scenes (the controller is the engine)
    assert controller.engine is not None
    trace = run_trace(review_doc.project, inputs=controller.inputs, limit_ms=controller.engine.clock + 1)
    assert {e["scene"] for e in trace if e["type"] == "scene_started"} == session.watched_scenes()
    controller.shutdown()


def test_comments_add_resolve_reopen_delete_are_persisted(review_doc: Document, savings_copy: Path) -> None:
    session = make_session(review_doc)
    first = session.add_comment("payday", 2500, "  Prompt copy feels pushy  ")
    second = session.add_comment("save_path", 1200, "Music too loud")
    assert first is not None and second is not None
    assert (first.id, first.text, first.author, first.status) == (
        "c1",
        "Prompt copy feels pushy",
        "Li",
        "open",
    )
    assert first.created.endswith("Z")
    assert [c.id for c in load_review(savings_copy).comments] == ["c1", "c2"]
    assert session.resolve("c1")
    assert not session.resolve("c1")  # already resolved
    assert load_review(savings_copy).comments[0].status == "resolved"
    assert [c.id for c in session.comments(status="open")] == ["c2"]
    assert [c.id for c in session.comments(scene="payday")] == ["c1"]
    assert session.reopen("c1")
    assert load_review(savings_copy).comments[0].status == "open"
    assert session.delete_comment("c2")
    assert [c.id for c in load_review(savings_copy).comments] == ["c1"]
    third = session.add_comment("payday", 100, "Again")
    assert third is not None and third.id == "c2"


def test_bad_comments_are_refused_with_one_line(review_doc: Document, qtbot: QtBot) -> None:
    session = make_session(review_doc)
    notes: list[str] = []
    session.message.connect(notes.append)
    assert session.add_comment("payday", 0, "   ") is None
    assert session.add_comment("nowhere", 0, "Hello") is None
    assert session.add_comment("payday", 0, "x" * 2001) is None
    assert len(notes) == 3 and all("\n" not in n for n in notes)
    assert "nowhere" in notes[1] and "2000" in notes[2]
    assert session.review.comments == []


def test_approvals_record_the_project_hash_and_go_stale(review_doc: Document, savings_copy: Path) -> None:
    session = make_session(review_doc)
    assert session.approval_state("payday") == "none"
    approval = session.approve("payday")
    assert approval is not None and approval.project_sha256 == project_hash(savings_copy)
    assert session.approval_state("payday") == "approved"
    again = session.approve("payday")  # replaces this author's earlier approval
    assert again is not None and len(session.approvals("payday")) == 1
    session.set_author("Mia", remember=False)
    assert session.approve("payday") is not None
    assert {a.author for a in load_review(savings_copy).approvals} == {"Li", "Mia"}
    assert session.unapprove("payday")
    assert not session.unapprove("payday")
    assert [a.author for a in load_review(savings_copy).approvals] == ["Li"]
    assert session.approve("nowhere") is None
    # the creator changes the project: the approval is of an earlier version
    project = load(savings_copy).project
    project.title = "Changed"
    save(project, savings_copy)
    review_doc.revert()
    assert session.approval_state("payday") == "stale"


def test_report_files_are_written_and_escaped(review_doc: Document, tmp_path: Path) -> None:
    session = make_session(review_doc)
    payload = "<script>alert('x')</script> & co"
    session.set_author("<b>Eve</b>", remember=False)
    session.add_comment("payday", 61500, payload)
    session.approve("payday")
    session.record_events(run_trace(review_doc.project))
    out = tmp_path / "out"
    out.mkdir()
    written = session.export_report(out / "r.html", out / "r.json")
    assert written == [out / "r.html", out / "r.json"]
    page = (out / "r.html").read_text(encoding="utf-8")
    assert payload not in page and "<b>Eve</b>" not in page
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; co" in page
    assert f"{session.coverage().percent}%" in page and "01:01.500" in page
    data = json.loads((out / "r.json").read_text(encoding="utf-8"))
    assert data["coverage"]["percent"] == session.coverage().percent
    assert data["comments"][0]["text"] == payload and data["open_comments"] == 1
    assert [a["scene"] for a in data["approvals"]] == ["payday"]
    # never over the project or the review file; a missing folder is one line
    assert review_doc.path is not None
    before = review_doc.path.read_bytes()
    with pytest.raises(ProjectError, match="never replaces"):
        session.export_report(review_doc.path, None)
    assert review_doc.path.read_bytes() == before
    with pytest.raises(ProjectError) as info:
        session.export_report(tmp_path / "missing" / "r.html", None)
    assert "\n" not in str(info.value) and "r.html" in str(info.value)


def test_damaged_review_file_is_reported_and_never_overwritten(savings_copy: Path, qtbot: QtBot) -> None:
    damaged = b'{"comments": [{"id": "c1"}]}'
    (savings_copy / REVIEW_FILE).write_bytes(damaged)
    doc = Document()
    doc.open(savings_copy, read_only=True)
    try:
        session = make_session(doc)
        assert session.error is not None and REVIEW_FILE in session.error and "\n" not in session.error
        notes: list[str] = []
        session.message.connect(notes.append)
        assert session.add_comment("payday", 0, "kept in memory") is not None
        assert notes and "not saved" in notes[-1].lower()
        assert (savings_copy / REVIEW_FILE).read_bytes() == damaged
    finally:
        doc.close()


def test_session_follows_the_document_to_another_project(
    review_doc: Document, savings_copy: Path, tmp_path: Path
) -> None:
    session = make_session(review_doc)
    session.add_comment("payday", 0, "first project")
    other = tmp_path / "other"
    other.mkdir()
    save(load(savings_copy).project, other)
    review_doc.open(other, read_only=True)
    assert session.folder == other.resolve() or session.folder == other
    assert session.review.comments == []
    review_doc.open(savings_copy, read_only=True)
    assert [c.text for c in session.review.comments] == ["first project"]


def test_untitled_project_review_is_saved_with_the_project(qapp: object, tmp_path: Path) -> None:
    from tests.support import SAMPLES

    doc = Document(load(SAMPLES / "savings").project)
    try:
        session = make_session(doc)
        notes: list[str] = []
        session.message.connect(notes.append)
        assert session.add_comment("payday", 10, "before saving") is not None
        assert notes and "Save the project first" in notes[-1]
        doc.save(tmp_path / "new")
        assert [c.text for c in load_review(tmp_path / "new").comments] == ["before saving"]
    finally:
        doc.close()


def test_author_from_settings_then_environment(review_doc: Document, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV_REVIEWER, "Env Name")
    assert default_author() == "Env Name"
    session = ReviewSession(review_doc)
    assert session.author == "Env Name"
    assert not session.set_author("   ")
    assert session.set_author("  Stored   Name ")
    assert session.author == "Stored Name"
    assert default_author() == "Stored Name"  # remembered in the (test) settings
    assert ReviewSession(review_doc).author == "Stored Name"
    comment = session.add_comment("payday", 0, "hi")
    assert comment is not None and comment.author == "Stored Name"


def test_next_branch_prefers_the_current_scene_then_the_start(review_doc: Document) -> None:
    session = make_session(review_doc)
    start = session.next_branch()
    assert start is not None and (start.scene, start.option) == ("payday", "save")
    session.record_events(run_trace(review_doc.project))
    branch = session.next_branch()
    assert branch is not None and (branch.scene, branch.option) == ("payday", "spend")
    here = session.next_branch("save_path")
    assert here is not None and (here.scene, here.option) == ("save_path", "hotpot")
    # from an ending nothing is below: back to the start
    end = session.next_branch("ending_steady")
    assert end is not None and (end.scene, end.option) == ("payday", "spend")
