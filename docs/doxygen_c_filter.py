#!/usr/bin/env python3
"""Doxygen input filter for the C header: its plain /* */ comments become documentation.

The C API header is written in the libgit2 habit of plain block comments. Doxygen only
reads /** */ and /**< */, so this filter, run by Doxygen on each *.h file (docs/Doxyfile,
FILTER_PATTERNS), rewrites them without changing the number of lines:

- the file's first comment becomes the file's documentation (@file);
- a comment that ends right above a declaration documents it (/** ... */); a comment
  followed by a blank line stays a plain comment (section banners, notes);
- a comment after code on the same line documents that code (/**< ... */);
- when one comment stands above several declarations in a row (a getter pair), each
  later declaration gets the same text, on its own line, so none is undocumented;
- text in angle brackets inside a comment (<svg>, <myoref/myoref.h>) is escaped, since
  Doxygen would read it as an HTML tag.

usage: doxygen_c_filter.py FILE   (writes the filtered text to standard output)
"""

import re
import sys

TRAILING = re.compile(r"^(\s*\S.*?)/\*(?![*!])(.*)$")
LEADING = re.compile(r"^(\s*)/\*(?![*!])(.*)$")


def comment_end(lines, i):
    """The index of the line on which the comment starting on line i ends."""
    j = i
    while "*/" not in lines[j] or (j == i and lines[j].find("*/") < lines[j].find("/*")):
        j += 1
    return j


def starts_declaration(line):
    s = line.strip()
    if s.startswith("#"):
        return re.match(r"#\s*define\b", s) is not None
    return bool(s) and not s.startswith(("/*", "}", "*"))


def one_line(text_lines):
    """The text of a comment as one line, for repeating it."""
    words = []
    for line in text_lines:
        line = line.strip()
        line = re.sub(r"^/\*+|\*/$", "", line).strip()
        line = re.sub(r"^\*\s?", "", line)
        if line:
            words.append(line)
    return " ".join(words)


def declaration_run(lines, k):
    """Lines that start a declaration at the outer level, from line k on, with no
    blank line or comment between them (a multi-line declaration or a struct body
    is one declaration)."""
    starts = []
    depth = 0
    j = k
    continued = False  # the line before ended in a backslash (a macro goes on)
    while j < len(lines) and lines[j].strip():
        if lines[j].lstrip().startswith("/*"):
            break  # another comment starts a new run
        if depth == 0 and not continued and starts_declaration(lines[j]):
            starts.append(j)
        continued = lines[j].rstrip().endswith("\\")
        code = re.sub(r'"(\\.|[^"\\])*"', "", lines[j])
        code = re.sub(r"/\*.*?\*/", "", code).split("/*")[0]
        depth += sum(code.count(c) for c in "({") - sum(code.count(c) for c in ")}")
        j += 1
    return starts


TAG = re.compile(r"<(/?[A-Za-z][^<>\s]*)>")


def escape_tags(lines):
    """Inside comments, <svg> or <myoref/myoref.h> is text, not an HTML tag: escape it."""
    inside = False
    out = []
    for line in lines:
        start = 0 if inside else line.find("/*")
        if start < 0:
            out.append(line)
            continue
        end = line.find("*/", start + (0 if inside else 2))
        stop = len(line) if end < 0 else end
        out.append(line[:start] + TAG.sub(r"\\<\1\\>", line[start:stop]) + line[stop:])
        inside = end < 0
    return out


def filter_text(text):
    lines = escape_tags(text.split("\n"))
    out = list(lines)
    first_comment = True
    i = 0
    while i < len(lines):
        line = lines[i]
        lead = LEADING.match(line)
        if lead:
            end = comment_end(lines, i)
            if first_comment:
                # @file takes a file name after it on its line: put it last, alone.
                out[i] = lead.group(1) + "/**" + lead.group(2)
                out[end] = out[end][::-1].replace("/*", "/* elif@ ", 1)[::-1] if end != i else \
                    out[i][::-1].replace("/*", "/* elif@ ", 1)[::-1]
                first_comment = False
            else:
                nxt = end + 1
                if nxt < len(lines) and starts_declaration(lines[nxt]):
                    out[i] = lead.group(1) + "/**" + lead.group(2)
                    run = declaration_run(lines, nxt)
                    if len(run) > 1:
                        doc = one_line(lines[i:end + 1])
                        for k in run[1:]:
                            # Same line count: the copy shares the declaration's line.
                            out[k] = "/** " + doc + " */ " + lines[k]
            i = end + 1
            continue
        first_comment = False if line.strip() and not line.strip().startswith("/*") else first_comment
        trail = TRAILING.match(line)
        if trail and not line.lstrip().startswith("*") and '"' not in trail.group(1):
            out[i] = trail.group(1) + "/**<" + trail.group(2)
            i = comment_end(lines, i) + 1 if "*/" not in trail.group(2) else i + 1
            continue
        i += 1
    return "\n".join(out)


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        sys.stdout.write(filter_text(f.read()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
