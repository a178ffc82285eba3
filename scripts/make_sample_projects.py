"""Build the two sample dramas' ``drama.json`` from their probed clips.

Run ``python scripts/make_sample_media.py`` first (it renders the clips), then
``python scripts/make_sample_projects.py``.  Media entries (hash, size,
duration, dimensions) come from probing the real files, so the projects
validate clean against their media.  The savings drama is written in Simplified Chinese
(its source locale) and then gets what the studio's own tools give it: the English
translation from ``sample_projects/savings/translations/en.po`` (``studio l10n import``) and
the subtitle tracks from ``sample_projects/savings/subtitles/<scene>.<locale>.vtt``
(``studio subtitles import``).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from studio.cli import main as studio_main  # noqa: E402
from studio.media.probe import probe  # noqa: E402
from studio.model import Project, save  # noqa: E402
from studio.model.io import project_from_raw  # noqa: E402
from studio.model.project import MIN_READER_VERSION, SCHEMA_VERSION  # noqa: E402


def media_entries(folder: Path, ids: list[str]) -> list[dict[str, Any]]:
    out = []
    for ident in ids:
        r = probe(folder / "media" / f"{ident}.mp4")
        out.append(
            {
                "id": ident,
                "path": f"media/{ident}.mp4",
                "sha256": r.sha256,
                "size": r.size,
                "duration_ms": r.duration_ms,
                "width": r.width,
                "height": r.height,
                "rotation": r.rotation,
                "fps": r.fps,
                "video_codec": r.video_codec,
                "audio_codec": r.audio_codec,
                "container": r.container,
            }
        )
    return out


def scene(ident: str, title: str, col: int, row: int, **extra: Any) -> dict[str, Any]:
    return {
        "id": ident,
        "title": title,
        "media": ident,
        "position": {"x": float(col * 440), "y": float(row * 220)},
        **extra,
    }


def option(ident: str, label: str, target: str, **extra: Any) -> dict[str, Any]:
    return {"id": ident, "label": label, "target": target, **extra}


def savings() -> dict[str, Any]:
    """Scripted savings: 'Payday' (发薪日), in Chinese. Amounts in fen (CNY minor units)."""
    return {
        "title": "发薪日：一个存钱的故事",
        "locale": "zh-CN",
        "currency": "CNY",
        "variables": [
            {"id": "discipline", "type": "int", "default": 0},
            {"id": "splurged", "type": "bool", "default": False},
        ],
        "goals": [{"id": "trip", "name": "云南梦想之旅", "target": 300000, "cap": 264400}],
        "scenes": [
            scene(
                "payday", "发薪日", 0, 1,
                prompts=[{
                    "id": "round_up", "at_ms": 1500, "goal": "trip", "amount": 5000,
                    "text": "从工资里拿出{amount}存进旅行基金？",
                    "accept_effects": [{"var": "discipline", "op": "add", "value": 1}],
                    "pause": True,
                }],
                choice={
                    "appear_ms": 3000, "decision_ms": 5500, "timeout": "default", "mode": "cut",
                    "options": [
                        option("save", "存下{amount}去旅行", "save_path", default=True, show_amount=False,
                               deposit={"goal": "trip", "amount": 20000},
                               effects=[{"var": "discipline", "op": "add", "value": 1}],
                               hotspot={"x": 0.08, "y": 0.72, "w": 0.4, "h": 0.12}),
                        option("spend", "买新手机", "spend_path",
                               effects=[{"var": "splurged", "op": "set", "value": True}],
                               hotspot={"x": 0.52, "y": 0.72, "w": 0.4, "h": 0.12}),
                    ],
                },
            ),
            scene(
                "save_path", "把钱存起来", 1, 0,
                choice={
                    "appear_ms": 3500, "decision_ms": 5800, "timeout": "default",
                    "mode": "play_to_end",
                    "options": [
                        option("save_more", "再存{amount}", "month_end", default=True, show_amount=False,
                               deposit={"goal": "trip", "amount": 50000},
                               effects=[{"var": "discipline", "op": "add", "value": 1}]),
                        option("hotpot", "犒劳自己吃顿火锅", "month_end"),
                    ],
                },
            ),
            scene(
                "spend_path", "把钱花掉", 1, 2,
                prompts=[{
                    "id": "round_up_phone", "at_ms": 2000, "goal": "trip", "amount": 3000,
                    "text": "手机钱凑个整，顺手存下{amount}？", "pause": False,
                }],
                choice={
                    "appear_ms": 3500, "decision_ms": 5500, "timeout": "loop", "mode": "cut",
                    "options": [
                        option("return_it", "把手机退了", "save_path",
                               effects=[{"var": "splurged", "op": "set", "value": False}]),
                        option("keep_it", "留着吧", "temptation"),
                    ],
                },
            ),
            scene(
                "month_end", "月底", 2, 1,
                choice={
                    "appear_ms": 2500, "decision_ms": 5000, "timeout": "default", "mode": "cut",
                    "options": [
                        option("book", "预订旅行", "ending_dream",
                               condition={">=": [{"var": "saved.trip"}, 75000]}),
                        option("keep_saving", "继续存钱", "ending_steady", default=True),
                        option("party", "借钱去聚会", "ending_broke",
                               condition={"==": [{"var": "splurged"}, True]}),
                    ],
                },
            ),
            scene("ending_dream", "梦想之旅", 3, 0, ending=True, ending_kind="good"),
            scene("ending_steady", "稳稳当当", 3, 1, ending=True, ending_kind="neutral"),
            scene("ending_broke", "囊中羞涩", 3, 3, ending=True, ending_kind="bad"),
            scene("temptation", "诱惑", 2, 2,
                  on_enter=[{"var": "discipline", "op": "sub", "value": 1}],
                  choice={"appear_ms": 3000, "decision_ms": 5500, "timeout": "default",
                          "options": [option("give_in", "没忍住", "month_end", default=True)]}),
        ],
        "start": "payday",
    }


def tag(ident: str, product: str, start: int, end: int, x: float, y: float) -> dict[str, Any]:
    return {"id": ident, "product": product, "start_ms": start, "end_ms": end,
            "hotspot": {"x": x, "y": y, "w": 0.28, "h": 0.16}, "cta": "Tap to shop"}


def shoppable() -> dict[str, Any]:
    """Shoppable drama: 'Glow'. Prices in fen."""
    base = "https://shop.example.com/glow/"
    return {
        "title": "Glow: a skincare story",
        "locale": "zh-CN",
        "currency": "CNY",
        "variables": [{"id": "spa_day", "type": "bool", "default": False}],
        "products": [
            {"id": "serum", "sku": "GLW-SER-30", "name": "Night Repair Serum 30ml",
             "price": 29900, "currency": "CNY", "url": base + "serum"},
            {"id": "cream", "sku": "GLW-CRM-50", "name": "Hydra Cream 50ml",
             "price": 19900, "currency": "CNY", "url": base + "cream"},
            {"id": "mask", "sku": "GLW-MSK-05", "name": "Sheet Mask (5 pack)",
             "price": 9900, "currency": "CNY", "url": base + "mask"},
        ],
        "scenes": [
            scene("morning", "Morning routine", 0, 1,
                  tags=[tag("serum_vanity", "serum", 1000, 4500, 0.62, 0.30)],
                  choice={"appear_ms": 4000, "decision_ms": 5800, "timeout": "default",
                          "options": [
                              option("to_work", "Go to work", "office", default=True),
                              option("spa", "Skip work: spa day", "skip_it",
                                     effects=[{"var": "spa_day", "op": "set", "value": True}]),
                          ]}),
            scene("office", "At the office", 1, 0,
                  tags=[tag("cream_desk", "cream", 500, 3000, 0.10, 0.55),
                        tag("mask_bag", "mask", 2500, 5500, 0.60, 0.60)],
                  choice={"appear_ms": 4000, "decision_ms": 5800, "timeout": "default",
                          "options": [
                              option("date", "Say yes to the date", "date_night", default=True),
                              option("late", "Stay late", "ending_regret"),
                          ]}),
            scene("skip_it", "Skip it", 1, 2,
                  tags=[tag("mask_spa", "mask", 1000, 4000, 0.36, 0.40),
                        tag("cream_spa", "cream", 3000, 5500, 0.60, 0.62)],
                  choice={"appear_ms": 4500, "decision_ms": 5800, "timeout": "default",
                          "mode": "play_to_end", "show_countdown": False,
                          "options": [option("evening", "Evening out", "date_night",
                                             default=True)]}),
            scene("date_night", "Date night", 2, 1,
                  tags=[tag("serum_date", "serum", 1000, 5000, 0.08, 0.28)],
                  choice={"appear_ms": 5000, "decision_ms": 5800, "timeout": "default",
                          "mode": "play_to_end", "show_countdown": False,
                          "options": [option("next_day", "The next morning", "ending_glow",
                                             default=True)]}),
            scene("ending_glow", "The glow", 3, 1, ending=True, ending_kind="good"),
            scene("ending_regret", "Regret", 2, 0, ending=True, ending_kind="bad"),
        ],
        "start": "morning",
    }


def build(name: str, raw: dict[str, Any]) -> Project:
    folder = ROOT / "sample_projects" / name
    ids = [s["id"] for s in raw["scenes"]]
    raw["media"] = media_entries(folder, ids)
    # written for the current schema: no migration (which would read "{amount}" as literal braces)
    raw.update(schema_version=SCHEMA_VERSION, min_reader_version=MIN_READER_VERSION)
    project, _ = project_from_raw(raw)
    save(project, folder, keep_backup=False)
    return project


def localise(folder: Path) -> None:
    """Import the folder's translations (``translations/*.po``) and subtitles
    (``subtitles/<scene>.<locale>.vtt``) with the studio's own commands."""
    project = str(folder)
    for po in sorted((folder / "translations").glob("*.po")):
        if studio_main(["l10n", "import", project, str(po)]) != 0:
            raise SystemExit(f"{po}: import failed")
    for vtt in sorted((folder / "subtitles").glob("*.vtt")):
        scene_id, locale = vtt.name.removesuffix(".vtt").split(".", 1)
        args = ["subtitles", "import", project, "--scene", scene_id, "--locale", locale, str(vtt)]
        if studio_main(args) != 0:
            raise SystemExit(f"{vtt}: import failed")
    (folder / "drama.json.bak").unlink(missing_ok=True)


def main() -> int:
    for name, raw in (("savings", savings()), ("shoppable", shoppable())):
        project = build(name, raw)
        localise(ROOT / "sample_projects" / name)
        print(f"{name}: {len(project.scenes)} scenes written")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
