#!/usr/bin/env python3
# Writes the seed programs of tests/fuzz/corpus/c_api/ for fuzz_c_api.cpp (the encoding is in its
# step() function: one read per statement, in order).
#
#   myoref assess examples/intakes/gluteus_medius_classic.json --format json > A.json
#   myoref plan start A.json --out P.json
#   tests/fuzz/make_c_api_seeds.py tests/fuzz/corpus/c_api \
#       examples/intakes/gluteus_medius_classic.json A.json P.json REGION_KEY_COUNT
#
# (REGION_KEY_COUNT: the built-in knowledge base's, from `myoref kb check`.)
# MYOREF_FUZZ_TRACE=1 build/tests/myoref_replay_c_api FILE shows what a seed does.
import sys
C = sys.argv[1]
intake = open(sys.argv[2]).read()
assessment = open(sys.argv[3]).read()
plan = open(sys.argv[4]).read()
def B(*v): return bytes(v)
def I(v): assert -2 <= v <= 13; return bytes([v + 2])
def X(i): assert 0 <= i < 64; return bytes([i])
def T(s, how=0):
    b = s.encode() if isinstance(s, str) else s
    head = bytes([len(b)]) if len(b) < 255 else bytes([255, len(b) >> 8, len(b) & 255])
    return head + b
def Tx(s, how=0): return T(s) + B(how)        # Text(in): text, then how
def ID_INDEX(i): return B(1) + X(i)          # some_id with a knowledge base: by index
def ID_TEXT(s): return B(0) + T(s)           # some_id: as text
open_default = lambda slot: B(0, slot)
intake_json = lambda slot, kb, text: B(6, slot, kb) + Tx(text)
add_pain = lambda slot, kb, rid, how, side, intensity: B(7, slot, kb) + rid + B(how) + I(side) + I(intensity)
confirm = lambda slot, which, kb, rid, how=0: B(8, slot, which, kb) + rid + B(how)
history = lambda slot, age, days, onset: B(9, slot) + I(age) + I(days) + I(onset)
validate = lambda slot, kb: B(10, slot, kb)
assess = lambda slot, intake_slot: B(12, slot, intake_slot)
reads = lambda slot, rank, i: B(15, slot) + X(rank) + X(i)
to_json = lambda slot, flags, kb: B(16, slot) + I(flags) + B(kb)
plan_start = lambda slot, a, defaults=True: B(19, slot) + B(0) + B(a) + B(0 if defaults else 1)
def plan_log(slot, steps_b, before, after, how=0): return B(21, slot) + B(1) + B(steps_b) + I(before) + I(after) + B(how)
plan_reads = lambda slot, kb: B(22, slot, kb)
def render(kb, intake_slot, a, kind, key_id): return B(25) + B(0) + X(5) + X(3) + B(kb, intake_slot, a) + key_id + B(0) + B(kind)

seeds = {}
# A whole journey: knowledge base, intake from JSON, assessment, plan, four
# sessions of relief (maintenance), reads and round trips on the way.
seeds['journey'] = (open_default(0) + intake_json(0, 0, intake) + assess(0, 0) + reads(0, 0, 1)
    + to_json(0, 1, 0) + to_json(0, 0, 0) + plan_start(0, 0) + plan_reads(0, 0)
    + plan_log(0, 0x32, 6, 3) + plan_log(0, 0x33, 6, 3) + plan_log(0, 0x34, 6, 2)
    + plan_log(0, 0x35, 5, 2, 3) + plan_reads(0, 0) + B(26) + X(0) + X(0) + B(0))
# The same journey without relief: escalation to the next candidates.
seeds['journey_escalation'] = (open_default(0) + intake_json(0, 0, intake) + assess(0, 0)
    + plan_start(0, 0, defaults=False)[:-1] + B(1)
    + b''.join(plan_log(0, 0x32, 6, 6) for k in range(7)) + plan_reads(0, 0))
# An intake built call by call: pain marks by index and by (mis)spelt id, findings, red
# flag, history; validated, assessed, drawn.
seeds['intake_by_calls'] = (open_default(1) + B(5, 0, 1)
    + add_pain(0, 1, ID_INDEX(3), 0, 1, 6) + add_pain(0, 1, ID_INDEX(4), 3, 2, 4)
    + add_pain(0, 1, ID_TEXT('sacrum'), 1, 0, 3) + add_pain(0, 1, ID_TEXT('buttock_uper'), 0, 1, 5)
    + confirm(0, 0, 1, ID_INDEX(2)) + confirm(0, 1, 1, ID_INDEX(5)) + confirm(0, 2, 1, ID_INDEX(1))
    + history(0, 13, 10, 2) + validate(0, 1) + assess(0, 0) + reads(0, 0, 0)
    + render(1, 0, 0, 1, ID_INDEX(0)) + render(1, 0, 0, 2, ID_INDEX(6)) + render(1, 0, 0, 4, ID_INDEX(0)))
# Misuse: every kind of call on empty slots, out-of-range values, bad options.
seeds['misuse'] = (assess(1, 2) + reads(2, 0, 0) + to_json(2, 0, 2) + B(21, 2) + Tx('{}')
    + plan_reads(1, 1) + B(3, 2) + X(0) + X(0) + T('sacrum') + B(3) + B(3)
    + validate(1, 1) + add_pain(1, 1, ID_TEXT('sacrum'), 0, 0, 3) + B(18, 2, 2, 1, 1, 1, 0)
    + B(19, 1, 1) + I(9) + I(0) + I(0) + I(0) + I(0) + I(0) + I(0) + I(0) + B(1, 1)
    + open_default(0) + B(5, 0, 0) + history(0, -2, -1, 9) + validate(0, 0)
    + B(1, 1) + Tx('{"schema": "myoref.kb/1"}') + B(26) + X(63) + X(0) + B(0) + B(27, 230, 255, 255, 255, 255))
# Documents through the JSON-only entry points.
session = '{"date": "2026-12-01", "target": "gluteus_medius:left", "steps": ["release", "stretch", "strengthen"], "pain_before": 6, "pain_after": 4, "red_flags": []}'
seeds['json_documents'] = (open_default(0) + B(13) + Tx(intake, 1) + B(0)
    + B(14, 1) + Tx(assessment, 3) + B(0)
    + B(24, 0) + Tx(assessment) + Tx('') + B(0) + B(0)
    + B(24, 0) + Tx(plan) + Tx('') + B(1)
    + B(24, 0) + Tx(plan) + Tx(session) + B(2, 0)
    + B(20, 2) + Tx(plan) + B(0) + plan_reads(2, 0) + B(20, 1) + Tx(plan[:300]) + B(0))
# Batch scoring: good sizes, a length that is no multiple, an output too short.
KEYS = int(sys.argv[5])
seeds['score_batch'] = (open_default(0) + B(18, 0, 2, 1, 1, 2, 0) + bytes(i % 11 for i in range(2 * KEYS))
    + B(18, 0, 1, 0, 1, 2, 1) + b''.join(I(i % 12) for i in range(KEYS + 1)) + B(18, 0, 1, 1, 0, 1, 0) + bytes(KEYS) + B(18, 0, 1, 1, 1, 1, 0) + bytes(KEYS))
# Knowledge-base lookups and its round trip.
seeds['kb_lookups'] = (open_default(0) + B(4, 0) + B(3, 0) + X(5) + X(1) + T('psoas') + B(0) + B(2)
    + B(3, 0) + B(250) + X(0) + T('gluteus_medius:left') + B(3) + B(3) + B(2, 0) + B(3, 0) + X(1) + X(0) + T('x') + B(0, 1))
for name, data in seeds.items():
    open(C + '/' + name, 'wb').write(data)
