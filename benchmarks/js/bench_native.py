"""The native library's myoref_assess_json on the typical intake, through
ctypes (so with a call's marshalling, as the JavaScript figure has): median of
15 blocks of 200 calls after 200 untimed ones. Beside bench_assess.mjs.
    /usr/bin/python3 benchmarks/js/bench_native.py build/bindings/c/libmyoref.so
"""
import ctypes
import statistics
import sys
import time

lib = ctypes.CDLL(sys.argv[1] if len(sys.argv) > 1 else "build/bindings/c/libmyoref.so")
kb = ctypes.c_void_p()
assert lib.myoref_kb_open_default(ctypes.byref(kb)) == 0
text = open("examples/intakes/gluteus_medius_classic.json", "rb").read()
out = ctypes.c_char_p()
lib.myoref_string_free.argtypes = [ctypes.c_void_p]


def once():
    p = ctypes.c_void_p()
    assert lib.myoref_assess_json(ctypes.byref(p), kb, text, len(text)) == 0
    lib.myoref_string_free(p)


for _ in range(200):
    once()
blocks = []
for _ in range(15):
    t = time.perf_counter_ns()
    for _ in range(200):
        once()
    blocks.append((time.perf_counter_ns() - t) / 200 / 1000)
print(f"native (ctypes): myoref_assess_json typical: {statistics.median(blocks):.2f} us (median of 15 x 200)")
