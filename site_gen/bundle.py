"""Self-contained copies of the schemas, for editors.

The schemas in ``schemas/`` share their definitions through
``defs.schema.json``; a ``$ref`` to it is resolved against the schema's
``$id``, which an editor working offline cannot fetch (and editors disagree
on whether to use the ``$id`` or the file's place). Each bundled copy in
``schemas/bundled/`` holds every definition it needs under its own ``$defs``
and refers to them only within itself, so it works in any editor. Record
files name the bundled copy on their first line.

    python -m site_gen.bundle [--check] [--root DIR]

writes the copies, or (``--check``) exits 1 when they are out of date.
"""

from __future__ import annotations

import argparse
import copy
import json
import sys
from pathlib import Path
from typing import Any

from site_gen.atomic import write_atomic
from site_gen.catalogue import say
from site_gen.kinds import KINDS, SHARED_SCHEMA
from site_gen.labels import LABELS_PATH
from site_gen.labels import render as render_labels
from site_gen.schemas import Schemas
from site_gen.workspace import current_text

BUNDLED_DIR = "bundled"
_PREFIX = SHARED_SCHEMA + "#/$defs/"


def _rewrite(node: Any) -> Any:
    if isinstance(node, dict):
        out = {}
        for key, value in node.items():
            if key == "$ref" and isinstance(value, str) and value.startswith(_PREFIX):
                out[key] = "#/$defs/" + value[len(_PREFIX) :]
            else:
                out[key] = _rewrite(value)
        return out
    if isinstance(node, list):
        return [_rewrite(item) for item in node]
    return node


def bundle(kind_schema: dict[str, Any], shared: dict[str, Any], name: str) -> dict[str, Any]:
    """One kind's schema with the shared definitions inside it."""
    document = _rewrite(copy.deepcopy(kind_schema))
    document["$id"] = document["$id"].rsplit("/", 1)[0] + f"/{BUNDLED_DIR}/{name}"
    document["$comment"] = f"Generated from {name} and {SHARED_SCHEMA} by `python -m site_gen.bundle`; do not edit."
    document["$defs"] = {**copy.deepcopy(shared["$defs"]), **document.get("$defs", {})}
    return dict(document)


def render(schemas: Schemas) -> dict[Path, str]:
    """Every file this command writes (the bundled copies, the labels' copy) with the text it should hold."""
    folder = schemas.dir / BUNDLED_DIR
    out = {folder / name: text for name, text in render_documents(schemas.documents).items()}
    out[LABELS_PATH] = render_labels(schemas.documents)
    return out


def render_documents(documents: dict[str, dict[str, Any]]) -> dict[str, str]:
    """Each kind's bundled schema as text, by file name, from the parsed schema documents."""
    shared = documents[SHARED_SCHEMA]
    out = {}
    for kind in KINDS:
        out[kind.schema] = json.dumps(bundle(documents[kind.schema], shared, kind.schema), ensure_ascii=False, indent=2) + "\n"
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m site_gen.bundle", description=__doc__.split("\n\n")[0])
    parser.add_argument("--root", default=".")
    parser.add_argument("--check", action="store_true", help="exit 1 when a bundled copy is out of date")
    args = parser.parse_args(argv)
    stale = []
    for path, text in render(Schemas(Path(args.root))).items():
        if current_text(path) != text:
            stale.append(path)
            if not args.check:
                write_atomic(path, text.encode("utf-8"))
    if args.check and stale:
        print(say("schemas", "bundle_stale"), *map(str, stale), sep="\n  ", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
