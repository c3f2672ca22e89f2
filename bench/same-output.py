#!/usr/bin/env python3
"""Compare two folders written by bench/same-output.sh, byte for byte, allowing only fields
that a change adds.

usage: bench/same-output.py BEFORE AFTER [--added FIELD ...]

Files that are the same byte for byte pass. A JSON file that differs passes only when taking
the added fields out of AFTER (wherever they occur, at any depth) and writing it back in
serde_json's pretty layout gives BEFORE byte for byte; the layout is checked first by writing
BEFORE back unchanged. A field counts as added where BEFORE lacks it at the same place. Prints one line per file that differs, and exits 1 if any does not
pass.
"""

import argparse
import json
import sys
from pathlib import Path


def split_status(text: str):
    body, _, status = text.rstrip("\n").rpartition("\n")
    return body + "\n", status


def pretty(value) -> str:
    return json.dumps(value, indent=2, ensure_ascii=False) + "\n"


def without(value, old, added):
    """`value` without the fields named in `added` that `old` lacks at the same place."""
    if isinstance(value, dict):
        old = old if isinstance(old, dict) else {}
        return {
            k: without(v, old.get(k), added)
            for k, v in value.items()
            if k in old or k not in added
        }
    if isinstance(value, list):
        old = old if isinstance(old, list) else []
        return [without(v, old[i] if i < len(old) else None, added) for i, v in enumerate(value)]
    return value


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("before", type=Path)
    parser.add_argument("after", type=Path)
    parser.add_argument("--added", nargs="*", default=[])
    args = parser.parse_args()
    added = set(args.added)
    failures = 0
    names = sorted({p.name for p in args.before.iterdir()} | {p.name for p in args.after.iterdir()})
    for name in names:
        before_path, after_path = args.before / name, args.after / name
        if not before_path.exists() or not after_path.exists():
            print(f"{name}: only in {'after' if not before_path.exists() else 'before'}")
            failures += 1
            continue
        before, after = before_path.read_bytes(), after_path.read_bytes()
        if before == after:
            continue
        if not name.endswith(".json"):
            print(f"{name}: differs")
            failures += 1
            continue
        before_body, before_status = split_status(before.decode())
        after_body, after_status = split_status(after.decode())
        if before_status != after_status:
            print(f"{name}: {before_status} before, {after_status} after")
            failures += 1
            continue
        old, new = json.loads(before_body), json.loads(after_body)
        if pretty(old) != before_body:
            print(f"{name}: differs, and the layout cannot be checked by rewriting")
            failures += 1
            continue
        if pretty(without(new, old, added)) == before_body:
            print(f"{name}: the same but for the added fields")
        else:
            print(f"{name}: differs beyond the added fields")
            failures += 1
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
