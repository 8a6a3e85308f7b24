#!/usr/bin/env python3
"""locale_bundle: joins the locale files under data/locales/ into one JSON
document, {"en": {"messages": {...}}, "es": {"kb": {...}, "messages": {...}}},
and writes it as a .json file and as a C++ source that embeds it in the
library (as tools/kb_bundle.py does for the knowledge base).

Each input is data/locales/LANG/PART.json, a JSON object of key -> text (a
message with plural forms is {"one": ..., "other": ...}), or
data/locales/LANG/PART/NAME.json, which adds its keys to PART (a language's
knowledge-base words are split one file per muscle, kb/MUSCLE.json, so that
translators of different muscles never edit the same file). A key given twice
in one part is refused. Keys whose name starts with "@" are notes for
translators and are dropped.

usage: locale_bundle.py OUT.json OUT.cpp SYMBOL INPUT.json...
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import kb_bundle  # noqa: E402


def main(argv):
    if len(argv) < 4:
        sys.stderr.write("usage: locale_bundle.py OUT.json OUT.cpp SYMBOL INPUT.json...\n")
        return 2
    out_json, out_cpp, symbol = argv[1:4]
    merged = {}
    for path in sorted(argv[4:]):
        parent = os.path.dirname(path)
        lang = os.path.basename(parent)
        part = os.path.splitext(os.path.basename(path))[0]
        if os.path.basename(os.path.dirname(parent)) != "locales":
            # data/locales/LANG/PART/NAME.json
            lang, part = os.path.basename(os.path.dirname(parent)), lang
        value = kb_bundle.read_object(path)
        if value is None:
            return 1
        into = merged.setdefault(lang, {}).setdefault(part, {})
        for key, text in value.items():
            if key.startswith("@"):
                continue
            if key in into:
                sys.stderr.write("%s: key %s is given twice in %s/%s\n" % (path, key, lang, part))
                return 1
            into[key] = text
    kb_bundle.write_embedded(out_json, out_cpp, symbol, kb_bundle.serialize(merged),
                             "tools/locale_bundle.py from data/locales/")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
