#!/usr/bin/env python3
"""The layers of src/ run one way (docs/architecture.md).

Each folder of src/ is a layer; a file may include its own layer's headers and
those of the layers below it, never above. The public headers (myoref/...)
are the API's vocabulary and every layer may use them; nothing in src/ includes
a binding's or the command's code.

Usage: check_layers.py SRC_DIR  (exit 1, listing every include that runs the
wrong way, or that names a folder this table does not know)
"""
import pathlib
import re
import sys

# Lowest first.
LAYERS = ["util", "i18n", "kb", "engine", "assess", "protocol", "render", "interop"]
INCLUDE = re.compile(r'^\s*#\s*include\s+"([a-z_]+)/[^"]+"', re.M)


def main(src: pathlib.Path) -> int:
    rank = {name: i for i, name in enumerate(LAYERS)}
    problems = []
    for path in sorted(src.rglob("*")):
        if path.suffix not in {".cpp", ".hpp", ".inl", ".h"}:
            continue
        parts = path.relative_to(src).parts
        if len(parts) < 2:
            continue  # src/version.cpp: the facade, above every layer
        layer = parts[0]
        if layer not in rank:
            problems.append(f"{path.relative_to(src)}: folder '{layer}' is not in the layer table")
            continue
        for target in INCLUDE.findall(path.read_text(encoding="utf-8")):
            if target == "myoref":
                continue
            if target not in rank:
                problems.append(f"{path.relative_to(src)}: includes from '{target}/', not a layer")
            elif rank[target] > rank[layer]:
                problems.append(f"{path.relative_to(src)}: the {layer} layer includes from "
                                f"{target}/, a layer above it")
    for p in problems:
        print(p)
    if problems:
        print(f"{len(problems)} include(s) against the layers {' -> '.join(LAYERS)}")
        return 1
    print(f"layers hold: {' -> '.join(LAYERS)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(pathlib.Path(sys.argv[1])))
