"""Generate the web player's copy of the viewer vocabulary (``resources/player/messages/*.json``).

The words viewers read that are not author text ("Save it", "Not now", "Watch again"...) are one
message catalogue per locale, ``resources/player/messages/<locale>.json``, which the studio reads
through ``studio.l10n.vocabulary.word(key)``.  The player must not fetch them: a bundle opened from
an app's local storage (file:// or a custom scheme) cannot ``fetch`` a sibling file.  So this
script writes every catalogue into one script, ``resources/player/generated/messages.js``
(``globalThis.DramaMessages`` in a page, ``module.exports`` in Node), which index.html loads
before words.js.  Never edit that file:

    python scripts/gen_player_messages.py           # rewrite it
    python scripts/gen_player_messages.py --check   # exit 1 if it is stale

``tests/player/test_generated_messages.py`` fails when it is stale.  Every catalogue must have
exactly en.json's keys, no empty message, the same placeholders per key as en.json and well-formed
plural parts (``{count, plural, one {# deposit} other {# deposits}}``; docs/localisation-player.md).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MESSAGES = ROOT / "resources" / "player" / "messages"
OUTPUT = ROOT / "resources" / "player" / "generated" / "messages.js"
LOCALE = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*")
KEY = re.compile(r"[a-z][a-z0-9_]*(?:\.[a-z][a-z0-9_]*)+")
NAME = re.compile(r"\{([a-z_][a-z0-9_]*)\}")
PLURAL = re.compile(r"\{\s*([a-z_][a-z0-9_]*)\s*,\s*plural\s*,")
BRANCH = re.compile(r"\s*(=\d+|zero|one|two|few|many|other)\s*\{")
CATEGORIES = ("zero", "one", "two", "few", "many", "other")


class CatalogueError(Exception):
    """A catalogue the player cannot use (one line)."""


def plural_parts(text: str) -> tuple[str, str, dict[str, str]] | None:
    """``(name, text around it, {selector: branch})`` of a message's plural part, None without one.
    ValueError when it is malformed (unbalanced, a selector that is not a CLDR category or ``=N``,
    no ``other``, a second plural part)."""
    m = PLURAL.search(text)
    if m is None:
        return None
    branches: dict[str, str] = {}
    i = m.end()
    while True:
        close = re.match(r"\s*\}", text[i:])
        if close:
            i += close.end()
            break
        b = BRANCH.match(text, i)
        if b is None:
            raise ValueError("a plural branch is 'category {text}' (zero one two few many other =N)")
        depth, j = 1, b.end()
        while j < len(text) and depth:
            depth += {"{": 1, "}": -1}.get(text[j], 0)
            j += 1
        if depth:
            raise ValueError("unbalanced braces in a plural part")
        if b.group(1) in branches:
            raise ValueError(f"plural branch {b.group(1)!r} twice")
        branches[b.group(1)] = text[b.end():j - 1]
        i = j
    if "other" not in branches:
        raise ValueError("a plural part needs an 'other' branch")
    rest = text[:m.start()] + "\u0000" + text[i:]
    if PLURAL.search(rest):
        raise ValueError("one plural part per message")
    return m.group(1), rest, branches


def placeholders(text: str) -> frozenset[str]:
    """The {names} a message fills (a plural part counts its name and its branches' names)."""
    parts = plural_parts(text)
    if parts is None:
        return frozenset(NAME.findall(text))
    name, rest, branches = parts
    names = {name, *NAME.findall(rest)}
    for body in branches.values():
        names |= set(NAME.findall(body))
    return frozenset(names)


def check_message(locale: str, key: str, value: str, source: str) -> None:
    """One message against the English one (CatalogueError naming it)."""
    where = f"{locale}.json: {key}"
    if not value.strip():
        raise CatalogueError(f"{where} is empty")
    try:
        mine, theirs = placeholders(value), placeholders(source)
    except ValueError as exc:
        raise CatalogueError(f"{where}: {exc}") from None
    if mine != theirs:
        raise CatalogueError(f"{where}: placeholders {sorted(mine)} differ from en.json's {sorted(theirs)}")
    if (plural_parts(value) is None) != (plural_parts(source) is None):
        raise CatalogueError(f"{where}: a plural message in en.json is a plural message in every catalogue")


def load_catalogues(folder: Path = MESSAGES) -> dict[str, dict[str, str]]:
    """Every ``<locale>.json`` of ``folder``: locale -> {key: message}, checked."""
    out: dict[str, dict[str, str]] = {}
    for path in sorted(folder.glob("*.json")):
        locale = path.stem
        if not LOCALE.fullmatch(locale):
            raise CatalogueError(f"{path.name}: not named by a locale tag")
        data = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict):
            raise CatalogueError(f"{path.name}: a catalogue is an object of strings")
        for key, value in data.items():
            if not KEY.fullmatch(key):
                raise CatalogueError(f"{path.name}: key {key!r} is not dotted lower-case words")
            if not isinstance(value, str):
                raise CatalogueError(f"{path.name}: {key} is not a string")
        out[locale] = dict(data)
    if "en" not in out:
        raise CatalogueError(f"{folder}: en.json (the source catalogue) is missing")
    for locale, data in out.items():
        extra = sorted(set(data) - set(out["en"]))
        if extra:
            raise CatalogueError(f"{locale}.json: keys that en.json does not have: {', '.join(extra)}")
        missing = [k for k in out["en"] if k not in data]
        if missing:
            raise CatalogueError(f"{locale}.json: keys of en.json it does not have: {', '.join(missing)}")
        for key, value in data.items():
            check_message(locale, key, value, out["en"][key])
    return out


def render(catalogues: dict[str, dict[str, str]]) -> str:
    """The text of ``resources/player/generated/messages.js``."""
    lines = [
        "/*",
        " * GENERATED by scripts/gen_player_messages.py from resources/player/messages/*.json.",
        " * DO NOT EDIT: run `python scripts/gen_player_messages.py`",
        " * (tests/player/test_generated_messages.py fails when this file is stale).",
        " *",
        " * DramaMessages: locale -> {key: message}; \"en\" is the source catalogue.",
        " * Loadable as a plain <script> before words.js (defines globalThis.DramaMessages)",
        " * and from Node (module.exports).",
        " */",
        "(function (root) {",
        '  "use strict";',
        "  const messages = {",
    ]
    for locale, data in catalogues.items():
        lines.append(f"    {json.dumps(locale)}: {{")
        lines += [f"      {json.dumps(k)}: {json.dumps(v, ensure_ascii=True)}," for k, v in data.items()]
        lines.append("    },")
    lines += [
        "  };",
        "  for (const locale of Object.keys(messages)) Object.freeze(messages[locale]);",
        "  Object.freeze(messages);",
        '  if (typeof module === "object" && module && module.exports) module.exports = messages;',
        "  else root.DramaMessages = messages;",
        '})(typeof globalThis !== "undefined" ? globalThis : this);',
    ]
    return "\n".join(lines) + "\n"


def generated_text(folder: Path = MESSAGES) -> str:
    """What ``messages.js`` must hold for the committed catalogues."""
    return render(load_catalogues(folder))


def main(argv: list[str] | None = None, folder: Path = MESSAGES, output: Path = OUTPUT) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the generated file is stale")
    args = parser.parse_args(argv)
    try:
        text = generated_text(folder)
    except (CatalogueError, OSError, ValueError) as exc:
        print(f"gen_player_messages: {exc}", file=sys.stderr)
        return 2
    current = output.read_text(encoding="utf-8") if output.is_file() else None
    rel = output.relative_to(ROOT).as_posix() if output.is_relative_to(ROOT) else str(output)
    if args.check:
        if current != text:
            print(f"{rel} is stale: run python scripts/gen_player_messages.py", file=sys.stderr)
            return 1
        return 0
    if current != text:
        output.parent.mkdir(parents=True, exist_ok=True)
        tmp = output.with_name(f".{output.name}.tmp")
        tmp.write_text(text, encoding="utf-8", newline="\n")
        tmp.replace(output)
        print(f"wrote {rel}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
