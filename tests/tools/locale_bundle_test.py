#!/usr/bin/env python3
"""tools/locale_bundle.py: a language's PART.json and PART/NAME.json files are
joined into one part; a key two files give is refused (exit 1, named).

usage: locale_bundle_test.py LOCALE_BUNDLE.py DATA_DIR WORK_DIR"""
import json
import os
import subprocess
import sys


def run(tool, work, name, inputs):
    out = os.path.join(work, name)
    return subprocess.run([sys.executable, tool, out + ".json", out + ".cpp", "kTest"] + inputs,
                          capture_output=True, text=True), out + ".json"


def main(tool, data, work):
    os.makedirs(work, exist_ok=True)
    xx = os.path.join(data, "locales", "xx")
    parts = [os.path.join(xx, "kb.json"), os.path.join(xx, "kb", "n.json"),
             os.path.join(xx, "kb", "m.json"), os.path.join(xx, "messages.json")]
    done, path = run(tool, work, "joined", parts)
    assert done.returncode == 0, done.stderr
    with open(path, encoding="utf-8") as f:
        got = json.load(f)
    want = {"xx": {"kb": {"region.a.name": "A", "muscle.m.name": "M", "muscle.n.name": "N"},
                   "messages": {"hello": "Hola, {name}"}}}
    assert got == want, got
    twice = parts + [os.path.join(xx, "kb", "twice.json")]
    done, _ = run(tool, work, "twice", twice)
    assert done.returncode == 1, (done.returncode, done.stderr)
    assert "twice.json: key muscle.m.name is given twice in xx/kb" in done.stderr, done.stderr
    print("ok")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:4]))
