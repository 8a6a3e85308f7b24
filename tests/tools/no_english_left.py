#!/usr/bin/env python3
"""Every muscle's page (`myoref muscle ID`) in a language other than English
leaves no English line: a line with words that the English page also has
fails, unless it is only a name both languages write the same way
("Iliopsoas (iliopsoas)"). Lists every such line.

usage: no_english_left.py MYOREF LANG MUSCLE_DIR"""
import os
import re
import subprocess
import sys

WORD = re.compile(r"[^\W\d_]{3,}")
NAME = re.compile(r"^\s*(?:\d+\.\s+)?(?P<name>[^()\[\]]+?)\s+\((?P<id>[a-z0-9_]+)\)\s*$")


def page(myoref, muscle, lang):
    cmd = [myoref, "muscle", muscle] + (["--lang", lang] if lang else [])
    return subprocess.run(cmd, capture_output=True, text=True, check=True).stdout.splitlines()


def main(myoref, lang, muscle_dir):
    muscles = sorted(f[:-5] for f in os.listdir(muscle_dir) if f.endswith(".json"))
    english_names = {}
    for m in muscles:
        english_names[m] = page(myoref, m, None)[0].split(" (")[0]
    left = []
    for m in muscles:
        english = set(page(myoref, m, None))
        for line in page(myoref, m, lang):
            if line not in english or not WORD.search(line):
                continue
            name = NAME.match(line)
            if name and english_names.get(name.group("id")) == name.group("name"):
                continue  # a name written the same in both languages
            left.append("%s: %s" % (m, line.strip()))
    for line in left:
        print("English left:", line)
    print("%d muscles, %d English lines left" % (len(muscles), len(left)))
    return 1 if left else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:4]))
