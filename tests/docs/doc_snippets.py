#!/usr/bin/env python3
"""Code in the docs is real: extract the marked snippets of docs/*.md, and run them.

A fenced block is taken only when the line right before its opening fence is a
marker comment (invisible when the page is rendered):

    <!-- test: run -->            the next ```c, ```cpp, ```python or ```sh block
    <!-- test: run exit=3 -->     ... which must exit with status 3 (default 0)
    <!-- test: output -->         the next ```text block is the exact output
                                  (standard output and error together) of the
                                  snippet just before it
    <!-- test: run file=app.cpp -->  ... and the reader saves it as app.cpp
    <!-- test: build -->          the next ```cmake block is a reader's CMakeLists.txt:
                                  it is built as an outside project, with the page's
                                  file= snippets beside it and the myoref source tree
                                  as its subfolder myoref/

C and C++ snippets are whole programs, compiled by the build (tests/cmake/docs.cmake)
with the project's warnings and -Werror, and run in an empty scratch folder. Python
snippets run with the interpreter the module was built for. Shell snippets run with
bash -e in a scratch folder with the built `myoref` first on PATH; the shell snippets
of one page form one walk-through, so each replays the page's earlier shell snippets
first (they must succeed) and files made there are there for it.

Output blocks come from the real program: run the doc tests with MYOREF_UPDATE_DOCS=1
and every output block is rewritten with what the program printed (review the diff).

usage:
  doc_snippets.py extract --docs DIR --out DIR     writes the snippets and manifest.cmake
  doc_snippets.py run --page PAGE.md --index N --scratch DIR [--myoref-dir DIR] [-- CMD...]
"""

import argparse
import fcntl
import os
import re
import shutil
import subprocess
import sys

MARKER = re.compile(r"^<!--\s*test:\s*(.*?)\s*-->\s*$")
FENCE_OPEN = re.compile(r"^(`{3,}|~{3,})\s*([A-Za-z0-9_+-]*)\s*$")
RUN_LANGS = {"c": "c", "cpp": "cpp", "c++": "cpp", "python": "py", "sh": "sh", "bash": "sh"}
BUILD_LANGS = {"cmake": "cmake"}
OUTPUT_LANGS = {"text", "console", "output", ""}


class DocError(Exception):
    pass


class Block:
    """A fenced block: its language, its text and where it is (1-based lines)."""

    def __init__(self, lang, open_line, close_line, lines):
        self.lang = lang
        self.open_line = open_line    # the line of the opening fence
        self.close_line = close_line  # the line of the closing fence
        self.lines = lines            # the content, each ending in "\n"

    @property
    def text(self):
        return "".join(self.lines)


class Snippet:
    def __init__(self, index, block, exit_code, file=None):
        self.index = index  # 1-based among the page's tested snippets
        self.block = block
        self.lang = RUN_LANGS.get(block.lang) or BUILD_LANGS[block.lang]
        self.exit_code = exit_code
        self.file = file    # the name the reader saves it under, if the page says
        self.output = None  # the Block of its expected output, if any


def parse_blocks(lines, page):
    """Yields (marker text or None, Block) for every fenced block of a page."""
    i = 0
    n = len(lines)
    while i < n:
        m = FENCE_OPEN.match(lines[i].rstrip("\n"))
        if not m:
            i += 1
            continue
        fence, lang = m.group(1), m.group(2).lower()
        marker = None
        if i > 0:
            mm = MARKER.match(lines[i - 1].rstrip("\n"))
            if mm:
                marker = mm.group(1)
        j = i + 1
        close = re.compile(r"^" + re.escape(fence[0]) + "{" + str(len(fence)) + r",}\s*$")
        while j < n and not close.match(lines[j].rstrip("\n")):
            j += 1
        if j == n:
            raise DocError(f"{page}:{i + 1}: code block is never closed")
        yield marker, Block(lang, i + 1, j + 1, lines[i + 1:j])
        i = j + 1


def check_markers(lines, page):
    """A marker that is not right before a fence is a mistake: it would test nothing."""
    inside = None
    for k, line in enumerate(lines):
        line = line.rstrip("\n")
        m = FENCE_OPEN.match(line)
        if inside is None and m:
            inside = m.group(1)
        elif inside is not None and re.match(r"^" + re.escape(inside[0]) + "{" + str(len(inside)) + r",}\s*$", line):
            inside = None
        elif inside is None and MARKER.match(line):
            nxt = lines[k + 1].rstrip("\n") if k + 1 < len(lines) else ""
            if not FENCE_OPEN.match(nxt):
                raise DocError(f"{page}:{k + 1}: a test marker must be right before a code fence")


def parse_page(path):
    """The tested snippets of one page, in order, each with its output block."""
    with open(path, encoding="utf-8") as f:
        lines = f.readlines()
    page = os.path.basename(path)
    check_markers(lines, page)
    snippets = []
    for marker, block in parse_blocks(lines, page):
        if marker is None:
            continue
        words = marker.split()
        kind, opts = words[0] if words else "", words[1:]
        where = f"{page}:{block.open_line - 1}"
        if kind == "run":
            if block.lang not in RUN_LANGS:
                raise DocError(f"{where}: 'test: run' is for c, cpp, python or sh blocks, not '{block.lang}'")
            exit_code = 0
            file = None
            for opt in opts:
                if opt.startswith("exit=") and opt[5:].isdigit():
                    exit_code = int(opt[5:])
                elif re.match(r"^file=[A-Za-z0-9_.-]+$", opt):
                    file = opt[5:]
                else:
                    raise DocError(f"{where}: unknown option '{opt}' (known: exit=N, file=NAME)")
            if not block.lines:
                raise DocError(f"{where}: the snippet is empty")
            snippets.append(Snippet(len(snippets) + 1, block, exit_code, file))
        elif kind == "build":
            if opts:
                raise DocError(f"{where}: 'test: build' takes no options")
            if block.lang not in BUILD_LANGS:
                raise DocError(f"{where}: 'test: build' is for a cmake block, not '{block.lang}'")
            snippets.append(Snippet(len(snippets) + 1, block, 0))
        elif kind == "output":
            if opts:
                raise DocError(f"{where}: 'test: output' takes no options")
            if block.lang not in OUTPUT_LANGS:
                raise DocError(f"{where}: an output block is ```text, not '{block.lang}'")
            if not snippets or snippets[-1].output is not None:
                raise DocError(f"{where}: an output block must follow a 'test: run' snippet")
            snippets[-1].output = block
        else:
            raise DocError(f"{where}: unknown test marker '{kind}' (known: run, output, build)")
    return snippets


def cmake_quote(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("$", "\\$") + '"'


def write_if_changed(path, text):
    try:
        with open(path, encoding="utf-8") as f:
            if f.read() == text:
                return
    except FileNotFoundError:
        pass
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def extract(docs, out):
    os.makedirs(out, exist_ok=True)
    manifest = ["# Generated by tests/docs/doc_snippets.py extract: do not edit.\n"]
    wanted = set()
    for name in sorted(os.listdir(docs)):
        if not name.endswith(".md"):
            continue
        page = os.path.join(docs, name)
        stem = name[:-3]
        for s in parse_page(page):
            ext = {"c": "c", "cpp": "cpp", "py": "py", "sh": "sh", "cmake": "cmake"}[s.lang]
            file = os.path.join(out, f"{stem}_{s.index}.{ext}")
            wanted.add(os.path.basename(file))
            # C and C++ compilers point at the page's line in their messages.
            prefix = f'#line {s.block.open_line + 1} "{page}"\n' if s.lang in ("c", "cpp") else ""
            write_if_changed(file, prefix + s.block.text)
            manifest.append(
                f"myoref_doc_snippet({cmake_quote(page)} {cmake_quote(stem)} {s.index} {s.lang} "
                f"{cmake_quote(file)} {s.block.open_line} {s.exit_code})\n")
    for old in os.listdir(out):
        if old not in wanted and old != "manifest.cmake" and os.path.isfile(os.path.join(out, old)):
            os.remove(os.path.join(out, old))
    write_if_changed(os.path.join(out, "manifest.cmake"), "".join(manifest))


def run_one(cmd, cwd, env):
    p = subprocess.run(cmd, cwd=cwd, env=env, stdin=subprocess.DEVNULL,
                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=120)
    return p.returncode, p.stdout.decode("utf-8", errors="replace")


def normalise(text):
    return text.rstrip("\n") + "\n" if text.strip("\n") else ""


def update_output(page, index, output):
    """Rewrites the output block of snippet `index` of `page` with `output`."""
    with open(page, "r+", encoding="utf-8") as f:
        fcntl.flock(f, fcntl.LOCK_EX)  # doc tests may run in parallel
        lines = f.readlines()
        snippet = parse_page(page)[index - 1]
        block = snippet.output
        new = lines[:block.open_line] + [normalise(output)] + lines[block.close_line - 1:]
        f.seek(0)
        f.truncate()
        f.writelines(new)


def build_project(args, snippets, s, env):
    """Builds a reader's CMake project: the block as CMakeLists.txt, the page's file=
    snippets beside it, and myoref/ standing for the myoref source tree. The project
    folder is kept between runs, so only the first build compiles everything."""
    project = args.project
    os.makedirs(project, exist_ok=True)
    write_if_changed(os.path.join(project, "CMakeLists.txt"), s.block.text)
    for other in snippets:
        if other.file:
            write_if_changed(os.path.join(project, other.file), other.block.text)
    link = os.path.join(project, "myoref")
    if not os.path.islink(link) or os.readlink(link) != args.source_dir:
        if os.path.lexists(link):
            os.remove(link)
        os.symlink(args.source_dir, link)
    configure = [args.cmake, "-S", project, "-B", os.path.join(project, "build")]
    for cmd in (configure + args.configure_arg,
                [args.cmake, "--build", os.path.join(project, "build"), "-j", "2"]):
        p = subprocess.run(cmd, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT, timeout=1800)
        if p.returncode != 0:
            print(p.stdout.decode("utf-8", errors="replace"), end="")
            print(f"{os.path.basename(args.page)}:{s.block.open_line}: {' '.join(cmd[:2])} failed")
            return 1
    print(f"{os.path.basename(args.page)}:{s.block.open_line}: the project builds")
    return 0


def run(args):
    page = args.page
    snippets = parse_page(page)
    if not 1 <= args.index <= len(snippets):
        raise DocError(f"{page}: no snippet {args.index} (it has {len(snippets)})")
    s = snippets[args.index - 1]
    where = f"{os.path.basename(page)}:{s.block.open_line}"

    shutil.rmtree(args.scratch, ignore_errors=True)
    os.makedirs(args.scratch)
    env = dict(os.environ)
    env["LC_ALL"] = "C.UTF-8"
    if args.myoref_dir:
        env["PATH"] = args.myoref_dir + os.pathsep + env.get("PATH", "")

    if s.lang == "cmake":
        return build_project(args, snippets, s, env)
    if s.lang == "sh":
        # Replay the walk-through up to here: earlier shell snippets of the page.
        for earlier in snippets[:s.index - 1]:
            if earlier.lang != "sh":
                continue
            code, out = run_one(["bash", "-e", "-c", earlier.block.text], args.scratch, env)
            if code != earlier.exit_code:
                print(out, end="")
                print(f"{os.path.basename(page)}:{earlier.block.open_line}: earlier shell snippet "
                      f"exited {code}, expected {earlier.exit_code}")
                return 1
        cmd = ["bash", "-e", "-c", s.block.text]
    else:
        if not args.cmd:
            raise DocError("run: a command is needed for a snippet that is not shell")
        cmd = args.cmd

    code, out = run_one(cmd, args.scratch, env)
    print(out, end="")
    failed = False
    if code != s.exit_code:
        print(f"{where}: exited {code}, expected {s.exit_code}")
        failed = True
    if s.output is not None:
        expected = normalise(s.output.text)
        if normalise(out) != expected:
            if os.environ.get("MYOREF_UPDATE_DOCS") == "1":
                update_output(page, s.index, out)
                print(f"{os.path.basename(page)}:{s.output.open_line}: output block rewritten")
            else:
                print(f"{os.path.basename(page)}:{s.output.open_line}: the output differs from the "
                      f"page's; expected:\n{expected}"
                      "(after an intended change: MYOREF_UPDATE_DOCS=1 ctest -L docs, then review the diff)")
                failed = True
    return 1 if failed else 0


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="command", required=True)
    ex = sub.add_parser("extract")
    ex.add_argument("--docs", required=True)
    ex.add_argument("--out", required=True)
    rn = sub.add_parser("run")
    rn.add_argument("--page", required=True)
    rn.add_argument("--index", type=int, required=True)
    rn.add_argument("--scratch", required=True)
    rn.add_argument("--myoref-dir")
    rn.add_argument("--project", help="folder of a cmake build snippet's project")
    rn.add_argument("--source-dir", help="the myoref source tree, for a cmake build snippet")
    rn.add_argument("--cmake", default="cmake", help="the cmake program, for a cmake build snippet")
    rn.add_argument("--configure-arg", action="append", default=[],
                    help="an argument for a cmake build snippet's configure step (repeatable)")
    rn.add_argument("cmd", nargs="*")
    args = ap.parse_args()
    try:
        if args.command == "extract":
            extract(args.docs, args.out)
            return 0
        return run(args)
    except DocError as e:
        print(f"doc_snippets: {e}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
