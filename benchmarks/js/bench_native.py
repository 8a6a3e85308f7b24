"""The native library's myoref_assess_json on the typical intake, through
ctypes (so with a call's marshalling, as the JavaScript figure has): median of
15 blocks of 200 calls after 2,000 untimed ones (also the fastest block and the
CPU time per call). Beside bench_assess.mjs; compare.mjs runs both in turn.
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


for _ in range(2000):  # as many untimed calls as bench_assess.mjs makes
    once()
blocks = []
cpu0 = time.process_time_ns()
for _ in range(15):
    t = time.perf_counter_ns()
    for _ in range(200):
        once()
    blocks.append((time.perf_counter_ns() - t) / 200 / 1000)
cpu = (time.process_time_ns() - cpu0) / 3000 / 1000
# The median block's wall time; the fastest block's (the least disturbed by
# other work on a shared machine); the process's CPU time per call.
print(f"native (ctypes): myoref_assess_json typical: {statistics.median(blocks):.2f} us "
      f"(median of 15 x 200); fastest block {min(blocks):.2f} us; CPU {cpu:.2f} us")
