#!/usr/bin/env python3
"""kb_bundle: joins the authored knowledge-base files under data/kb/ into one
JSON document and writes it twice: as a .json file (installed, readable by
`myoref kb check`) and as a C++ source that embeds the text in the library.

A build-time step that runs on the build machine with any Python 3.6+ and its
standard library only, so that nothing compiled for the target runs while
building (cross builds, WebAssembly).

Joining rule: every input is a JSON object. A key whose value is an array is
concatenated across inputs in command-line order; any other key may appear in
one input only. Nothing is validated here beyond that: the library's own loader
checks the result (tools/kb_hash loads it at build time, and the test suite).

The text is written as Boost.JSON's serialize() writes it (the library read it
that way until this step moved to Python, and the installed file and the
embedded bytes stay the same): no spaces, keys in input order, strings as
UTF-8 with only '"', '\\' and control characters escaped, integers as written,
and every other number as the shortest digits that read back to the same
double, in the form D[.DDD]E[-]X (1E0, 3E-1, 1.005E2).

usage: kb_bundle.py OUT.json OUT.cpp SYMBOL INPUT.json...
"""

import decimal
import json
import sys

_ESCAPES = {'"': '\\"', "\\": "\\\\", "\b": "\\b", "\f": "\\f", "\n": "\\n", "\r": "\\r",
            "\t": "\\t"}


def _string(text):
    out = ['"']
    for ch in text:
        if ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        elif ord(ch) < 0x20:
            out.append("\\u%04x" % ord(ch))
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def _double(value):
    """Boost.JSON's form of a double: Ryu's shortest digits as D[.DDD]E[-]X."""
    if value != value or value in (float("inf"), float("-inf")):
        raise ValueError("not a finite number: %r" % value)
    sign, digits, exponent = decimal.Decimal(repr(value)).as_tuple()
    digits = list(digits)
    while len(digits) > 1 and digits[-1] == 0:
        digits.pop()
        exponent += 1
    if digits == [0]:
        exponent = 0
    else:
        exponent += len(digits) - 1
    text = "-" if sign else ""
    text += str(digits[0])
    if len(digits) > 1:
        text += "." + "".join(str(d) for d in digits[1:])
    return text + "E" + str(exponent)


def serialize(value):
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return _double(value)
    if isinstance(value, str):
        return _string(value)
    if isinstance(value, list):
        return "[" + ",".join(serialize(v) for v in value) + "]"
    return "{" + ",".join(_string(k) + ":" + serialize(v) for k, v in value.items()) + "}"


def _as_string_literal(data):
    """The bytes as one string literal written as adjacent pieces of 64 bytes a
    line. Printable ASCII stands for itself, with '"', '\\' and '?' escaped
    (so that no trigraph can form); every other byte is a three-digit octal
    escape, which no following digit can extend. Compilers read a literal some
    thirty times faster than the same bytes as a list of numbers (0.2 s against
    6.6 s for the 860 KB knowledge base with g++), and every build embeds these
    files. The literal is longer than the 65,536 characters C++ asks every
    compiler to accept: GCC, Clang and Emscripten take any length (the build
    turns off Clang's -Woverlength-strings for these files); MSVC, which caps
    a literal at 64 KiB, is not a supported compiler."""
    escaped = {ord('"'): '\\"', ord("\\"): "\\\\", ord("?"): "\\?"}

    def piece(chunk):
        return "".join(escaped.get(b) or (chr(b) if 32 <= b < 127 else "\\%03o" % b)
                       for b in chunk)
    return "\n".join('"%s"' % piece(data[i:i + 64]) for i in range(0, len(data), 64)) or '""'


def read_object(path):
    """The JSON object in file `path`, or None after saying on standard error
    why it is not one."""
    try:
        with open(path, "rb") as f:
            value = json.loads(f.read().decode("utf-8"))
    except (OSError, ValueError) as e:
        sys.stderr.write("%s: not a JSON object (%s)\n" % (path, e))
        return None
    if not isinstance(value, dict):
        sys.stderr.write("%s: not a JSON object\n" % path)
        return None
    return value


def main(argv):
    if len(argv) < 5:
        sys.stderr.write("usage: kb_bundle.py OUT.json OUT.cpp SYMBOL INPUT.json...\n")
        return 2
    out_json, out_cpp, symbol = argv[1:4]
    merged = {}
    for path in argv[4:]:
        value = read_object(path)
        if value is None:
            return 1
        for key, item in value.items():
            if key not in merged:
                merged[key] = item
            elif isinstance(merged[key], list) and isinstance(item, list):
                merged[key].extend(item)
            else:
                sys.stderr.write('%s: key "%s" is already set by an earlier file and is not an '
                                 "array\n" % (path, key))
                return 1
    write_embedded(out_json, out_cpp, symbol, serialize(merged), "tools/kb_bundle.py from data/kb/")
    return 0


def write_embedded(out_json, out_cpp, symbol, text, generated_by):
    """Writes `text` to out_json, and to out_cpp as the C++ array `symbol`
    (with `symbol`_size, its length without the terminating NUL) in
    myoref::detail, for the library to embed."""
    data = text.encode("utf-8")
    with open(out_json, "wb") as f:
        f.write(data + b"\n")
    with open(out_cpp, "w", encoding="ascii", newline="\n") as f:
        f.write("// Generated by %(by)s. Do not edit.\n"
                "#include <cstddef>\n\n"
                "namespace myoref::detail {\n"
                "extern const char %(s)s[];\n"
                "extern const std::size_t %(s)s_size;\n"
                "const char %(s)s[] =\n"
                "%(bytes)s;\n"
                "const std::size_t %(s)s_size = sizeof(%(s)s) - 1;\n"
                "}  // namespace myoref::detail\n"
                % {"by": generated_by, "s": symbol, "bytes": _as_string_literal(data)})


if __name__ == "__main__":
    sys.exit(main(sys.argv))
