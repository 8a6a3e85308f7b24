#!/usr/bin/env python3
"""Every relative link in the docs leads somewhere: the file exists, and an anchor
(#section) names a heading of that page, spelled as GitHub spells heading anchors.

usage: check_links.py ROOT FILE.md...   (paths relative to ROOT; exit 1 on a broken link)
"""

import os
import re
import sys

LINK = re.compile(r"!?\[(?:[^\]\[]|\[[^\]]*\])*\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)")
FENCE = re.compile(r"^(`{3,}|~{3,})")
HEADING = re.compile(r"^#{1,6}\s+(.*?)\s*#*\s*$")


def prose_lines(path):
    """The page's lines outside fenced code blocks, with their numbers."""
    fence = None
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            m = FENCE.match(line)
            if fence is None and m:
                fence = m.group(1)
            elif fence is not None and line.strip().startswith(fence):
                fence = None
            elif fence is None:
                yield number, line


def anchors(path):
    """GitHub's anchors for the headings of a page."""
    seen = {}
    result = set()
    for _, line in prose_lines(path):
        m = HEADING.match(line)
        if not m:
            continue
        text = re.sub(r"`|\*|\[|\]\([^)]*\)", "", m.group(1))
        slug = re.sub(r"[^\w\- ]", "", text.lower()).replace(" ", "-")
        n = seen.get(slug, 0)
        seen[slug] = n + 1
        result.add(slug if n == 0 else f"{slug}-{n}")
    return result


def main():
    root = sys.argv[1]
    broken = 0
    checked = 0
    for page in sys.argv[2:]:
        path = os.path.join(root, page)
        for number, line in prose_lines(path):
            # Inline code is not a link.
            for target in LINK.findall(re.sub(r"`[^`]*`", "", line)):
                if re.match(r"^[a-z][a-z0-9+.-]*:", target):
                    continue  # http:, https:, mailto:
                checked += 1
                file, _, anchor = target.partition("#")
                dest = os.path.normpath(os.path.join(os.path.dirname(path), file)) if file else path
                if not os.path.exists(dest):
                    print(f"{page}:{number}: {target}: no such file")
                    broken += 1
                elif anchor and dest.endswith(".md") and anchor not in anchors(dest):
                    print(f"{page}:{number}: {target}: no heading with anchor #{anchor}")
                    broken += 1
    print(f"{checked} links checked, {broken} broken")
    return 1 if broken or not checked else 0


if __name__ == "__main__":
    sys.exit(main())
