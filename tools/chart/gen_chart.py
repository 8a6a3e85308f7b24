#!/usr/bin/python3
"""Generates data/kb/chart.json, the body chart: a planar map of body regions.

usage: /usr/bin/python3 tools/chart/gen_chart.py data/kb/chart.json .
(the second argument is the repository root, whose data/kb/muscles/*.json give
the trigger points that need a mark). The output is deterministic; edit the
geometry here, not in the JSON, and regenerate.

Coordinates are authored in (d, y): d = distance from the body midline toward
the person's LEFT, y down.  Back view: x = 100 - d.  Front view: x = 100 + d.
Every boundary curve is computed once and reused by both regions it separates,
so neighbouring regions share edges exactly.
"""
import json, math, sys

W, H = 200, 440
CX = W / 2


def catmull(points, sub=6):
    """Centripetal-ish uniform Catmull-Rom through points, `sub` samples/span."""
    if len(points) < 3:
        out = []
        for i in range(len(points) - 1):
            (x0, y0), (x1, y1) = points[i], points[i + 1]
            for k in range(sub):
                t = k / sub
                out.append((x0 + (x1 - x0) * t, y0 + (y1 - y0) * t))
        out.append(points[-1])
        return out
    p = [points[0]] + list(points) + [points[-1]]
    out = []
    for i in range(1, len(p) - 2):
        p0, p1, p2, p3 = p[i - 1], p[i], p[i + 1], p[i + 2]
        for k in range(sub):
            t = k / sub
            t2, t3 = t * t, t * t * t
            out.append(tuple(0.5 * ((2 * p1[j]) + (-p0[j] + p2[j]) * t +
                                    (2 * p0[j] - 5 * p1[j] + 4 * p2[j] - p3[j]) * t2 +
                                    (-p0[j] + 3 * p1[j] - 3 * p2[j] + p3[j]) * t3)
                             for j in range(2)))
    out.append(points[-1])
    return out


class Master:
    """A long boundary (silhouette) monotonic in y, cut anywhere by y."""

    def __init__(self, ctrl, sub=4):
        self.pts = catmull(ctrl, sub)
        for a, b in zip(self.pts, self.pts[1:]):
            assert b[1] > a[1], (a, b)

    def at(self, y):
        for a, b in zip(self.pts, self.pts[1:]):
            if a[1] <= y <= b[1]:
                t = (y - a[1]) / (b[1] - a[1])
                return (a[0] + (b[0] - a[0]) * t, y)
        raise ValueError(y)

    def seg(self, y0, y1):
        lo, hi = min(y0, y1), max(y0, y1)
        mid = [p for p in self.pts if lo + 0.8 < p[1] < hi - 0.8]
        s = [self.at(lo)] + mid + [self.at(hi)]
        return s if y0 <= y1 else s[::-1]


# ---------------------------------------------------------------- silhouette
SIDE = Master([(33, 108), (31.6, 125), (30, 143), (28.3, 160), (27.4, 172), (28.2, 183),
               (30.3, 192), (33.4, 202), (35.8, 213), (36.9, 224), (36.6, 236), (35.6, 250),
               (33.6, 270), (31.0, 290), (28.8, 304), (28.0, 318), (28.4, 331), (29.2, 345),
               (28.4, 360), (26.0, 375), (23.2, 388), (21.6, 398), (21.7, 406)])
INNER = Master([(0, 246), (2.6, 250), (4.4, 262), (5.8, 280), (7.2, 298), (7.8, 316),
                (8.0, 330), (7.4, 345), (8.4, 362), (10.0, 378), (10.8, 390), (10.6, 398),
                (10.9, 406)])
ARM_L = Master([(43.5, 85.5), (48.2, 92), (50.6, 104), (51.2, 120), (52.2, 138), (53.6, 152),
                (55.4, 168), (57.8, 190), (59.8, 210), (61, 224)])
ARM_M = Master([(33, 108), (35.6, 118), (37.6, 135), (39.6, 152), (41.6, 168), (44.2, 190),
                (46.8, 210), (48.4, 224)])
TRAP = [(12.5, 71.5), (20, 74.5), (30, 78.6), (38.5, 82.2), (43.5, 85.5)]
HAND = [(61, 224), (63.6, 233), (65.2, 245), (65.0, 257), (62.6, 267), (58.4, 272.6),
        (53.6, 272.2), (50.6, 266), (48.6, 254), (47.8, 240), (48.4, 224)]
FOOT_FRONT = [(21.7, 406), (23.6, 413), (24.6, 422), (22.4, 430), (16.4, 433.6), (10.2, 432.4),
              (7.6, 427), (8.2, 416), (10.9, 406)]
# Back view: the person stands on tiptoe, so the heel and the sole face the viewer.
HEEL_LAT = [(21.7, 406), (22.8, 412), (22.0, 418.5)]
SOLE = [(22.0, 418.5), (24.0, 425), (23.8, 432), (20.4, 437.2), (15.4, 438.6), (10.6, 437.2),
        (7.6, 432), (7.8, 425), (9.8, 418.5)]
HEEL_MED = [(9.8, 418.5), (9.6, 412), (10.9, 406)]

HEAD_C, HEAD_A, HEAD_B = (0, 34.5), 17.0, 25.0


def head_y(d):
    return HEAD_C[1] + HEAD_B * math.sqrt(1 - (d / HEAD_A) ** 2)


JAW = (10.5, head_y(10.5))
CHIN = (0, HEAD_C[1] + HEAD_B)


def head_arc(d0, d1, n=8):
    """Lower head arc between d0 and d1 (both >= 0)."""
    return [(d0 + (d1 - d0) * k / n, head_y(d0 + (d1 - d0) * k / n)) for k in range(n + 1)]


def ellipse(n=40):
    return [(HEAD_C[0] + HEAD_A * math.sin(2 * math.pi * k / n),
             HEAD_C[1] - HEAD_B * math.cos(2 * math.pi * k / n)) for k in range(n)]


def curve(*ctrl, sub=5):
    return catmull(list(ctrl), sub)


# ---------------------------------------------------------------- junctions
NECKBASE = TRAP[0]
NECK_MID = (0, 77.5)
SH0 = (19.0, 74.1)  # where the shoulder region starts on the trapezius line
AXILLA = (33, 108)

E = {}  # named edges: name -> list of points from start to end
E['neck_side'] = curve(JAW, (11.4, 63), NECKBASE)
E['neck_base'] = curve(NECK_MID, (6.5, 76.2), NECKBASE)
E['trap_in'] = curve(*TRAP[:2], sub=3)
E['trap_in'][-1] = SH0
E['trap_in'] = [TRAP[0], SH0]
E['trap_out'] = [SH0] + catmull(TRAP, 5)[3:]
E['shoulder_in'] = curve(SH0, (23.5, 82), (29.5, 92), (32.2, 100), AXILLA)
E['deltoid_low'] = curve(AXILLA, (40, 113.5), ARM_L.at(117))
E['elbow_top'] = curve(ARM_M.at(149), (46, 148.4), ARM_L.at(147))
E['elbow_bot'] = curve(ARM_M.at(171), (48.5, 170.4), ARM_L.at(169))
E['wrist'] = [ARM_M.at(224), ARM_L.at(224)]

# front torso
E['costal'] = curve((0, 139), (12, 144.5), (21, 150), SIDE.at(155))
E['navel'] = curve((0, 175), (14, 175.4), SIDE.at(176.5))
PUBIC = (5.2, 233.5)
PERI_LOW = (3.0, 241.5)
E['inguinal'] = curve(SIDE.at(197), (24, 206.5), (13.5, 220), PUBIC)
HL_TOP = (30.6, 214.5)
E['groin_low'] = curve(PUBIC, (14, 233.5), (24, 224.5), HL_TOP)
E['hl_top'] = [HL_TOP, SIDE.at(212)]
HL_BOT = (30.0, 245)
E['hl_inner'] = curve(HL_TOP, (30.8, 230), HL_BOT)
E['hl_bot'] = [HL_BOT, SIDE.at(246)]
KM_TOP, KL_TOP = (13.6, 300), (23.6, 300)
KM_BOT, KL_BOT = (14.0, 330), (23.4, 330)
E['thigh_med_col'] = curve(PUBIC, (10.2, 250), (12.4, 275), KM_TOP)
E['thigh_lat_col'] = curve(HL_BOT, (25.6, 272), KL_TOP)
E['knee_top_m'] = [INNER.at(300), KM_TOP]
E['knee_top_a'] = [KM_TOP, KL_TOP]
E['knee_top_l'] = [KL_TOP, SIDE.at(300)]
E['knee_bot_m'] = [INNER.at(330), KM_BOT]
E['knee_bot_a'] = [KM_BOT, KL_BOT]
E['knee_bot_l'] = [KL_BOT, SIDE.at(330)]
E['knee_med_col'] = [KM_TOP, KM_BOT]
E['knee_lat_col'] = [KL_TOP, KL_BOT]
AM_TOP, AL_TOP = (13.6, 395), (18.8, 395)
AM_BOT, AL_BOT = (14.0, 406), (18.8, 406)
E['shin_lat_col'] = curve(KL_BOT, (23.0, 352), (20.6, 376), AL_TOP)
E['ankle_top_m'] = [INNER.at(395), AM_TOP]
E['ankle_top_a'] = [AM_TOP, AL_TOP]
E['ankle_top_l'] = [AL_TOP, SIDE.at(395)]
E['ankle_med_col'] = [AM_TOP, AM_BOT]
E['ankle_lat_col'] = [AL_TOP, AL_BOT]
E['ankle_bot_m'] = [INNER.at(406), AM_BOT]
E['ankle_bot_a'] = [AM_BOT, AL_BOT]
E['ankle_bot_l'] = [AL_BOT, SIDE.at(406)]
E['peri_front'] = curve((0, 232.6), PUBIC, sub=1) + []
E['peri_front'] = [(0, 233.5), PUBIC]
E['peri_front_side'] = curve(PUBIC, (4.6, 238), PERI_LOW, sub=3)
E['peri_front_low'] = [PERI_LOW, (0, 246)]
E['foot_front'] = catmull(FOOT_FRONT, 4)

# back torso
E['rib10'] = curve((0, 160), (14, 159.2), SIDE.at(157.5))
LS_TOP, LS_BOT = (5.0, 182.5), (5.0, 204)
E['tl_low'] = curve(LS_TOP, (15, 182.2), SIDE.at(182))
E['ls_top'] = [(0, 182.5), LS_TOP]
E['ls_side'] = [LS_TOP, LS_BOT]
E['ls_bot'] = [LS_BOT, (0, 204)]
SAC_TOP, SAC_MID, SAC_BOT = (9.6, 205.6), (7.0, 222), (4.4, 230.2)
SI_TOP, SI_BOT = (14.8, 207.6), (13.6, 220.5)
COC_TIP = (0, 240.5)
PB = (2.5, 243.4)
E['crest_top'] = curve(LS_BOT, (10, 200), (18, 194), (25, 190.6), SIDE.at(189))
E['sac_top'] = [LS_BOT, SAC_TOP]
E['si_top'] = [SAC_TOP, SI_TOP]
CB = (26.6, 198.0)
E['crest_bot_m'] = curve(SI_TOP, (20, 201.6), CB)
E['crest_bot_l'] = curve(CB, (30, 197.6), SIDE.at(200.5))
E['sac_side_hi'] = curve(SAC_TOP, (8.8, 214), SAC_MID)
E['sac_side_lo'] = curve(SAC_MID, (5.9, 226.4), SAC_BOT)
E['sac_low'] = [SAC_BOT, (0, 231.6)]
E['coc_side'] = curve(SAC_BOT, (3.3, 236.6), COC_TIP)
E['si_side'] = curve(SI_TOP, (15.6, 214), SI_BOT)
E['si_low'] = curve(SI_BOT, (10, 221), SAC_MID)
BU_LR = (26.0, 215.0)
BC_BR, BC_BL = (25.2, 236.5), (13.0, 238.6)
HLB_TOP, HLB_MID, HLB_BOT = (31.8, 213.5), (31.0, 237.0), (30.0, 246.5)
E['bu_lat'] = curve(CB, (26.6, 206), BU_LR)
E['bu_low'] = curve(BU_LR, (20, 217.0), SI_BOT)
E['hlb_top'] = [SIDE.at(212), HLB_TOP]
E['hlb_in_hi'] = curve(HLB_TOP, (32.2, 226), HLB_MID)
E['hlb_in_lo'] = [HLB_MID, HLB_BOT]
E['hlb_bot'] = [HLB_BOT, SIDE.at(247.5)]
E['blat_low'] = curve(HLB_MID, (28.4, 236.6), BC_BR)
E['bc_lat'] = curve(BC_BR, (25.8, 226), BU_LR)
E['bc_low'] = curve(BC_BR, (19, 238.4), BC_BL)
E['bc_med'] = curve(BC_BL, (13.8, 229), SI_BOT)
E['bm_low'] = curve(BC_BL, (6.5, 240.4), COC_TIP)
E['peri_back_side'] = curve(COC_TIP, PB, (0, 246), sub=3)
E['fold'] = curve(HLB_BOT, (25.5, 252.8), (18, 255.6), (9, 254.2), INNER.at(250.5))
TPM = (25.6, 277)
KPL_TOP, KPL_BOT = (23.2, 300), (23.0, 330)
E['tlb_hi'] = curve(HLB_BOT, (27.4, 262), TPM)
E['tlb_lo'] = curve(TPM, (24.4, 289), KPL_TOP)
E['tp_mid'] = curve(INNER.at(277), (16, 278), TPM)
E['kb_top_m'] = [INNER.at(300), KPL_TOP]
E['kb_top_l'] = [KPL_TOP, SIDE.at(300)]
E['kb_bot_m'] = [INNER.at(330), KPL_BOT]
E['kb_bot_l'] = [KPL_BOT, SIDE.at(330)]
E['kb_col'] = [KPL_TOP, KPL_BOT]
ALB_TOP, AMB_TOP = (18.8, 395), (13.6, 395)
E['calf_lat_col'] = curve(KPL_BOT, (23.0, 352), (20.6, 376), ALB_TOP)
E['heel_lat'] = catmull(HEEL_LAT, 4)
E['heel_med'] = catmull(HEEL_MED, 4)
E['sole'] = catmull(SOLE, 4)
E['heel_sole'] = [HEEL_LAT[-1], HEEL_MED[0]]


def side(y0, y1):
    return SIDE.seg(y0, y1)


def inner(y0, y1):
    return INNER.seg(y0, y1)


def mid(y0, y1):
    return [(0, y0), (0, y1)]


def rev(name):
    return E[name][::-1]


def cycle(*parts):
    pts = []
    for part in parts:
        seg = E[part] if isinstance(part, str) else part
        if pts:
            gap = math.dist(pts[-1], seg[0])
            assert gap < 0.05, (part, pts[-1], seg[0])
            seg = seg[1:]
        pts.extend(seg)
    assert math.dist(pts[0], pts[-1]) < 0.05, (parts, pts[0], pts[-1])
    return pts[:-1]


def midline(*parts):
    """A midline region from its left half (starting and ending on d = 0)."""
    half = []
    for part in parts:
        seg = E[part] if isinstance(part, str) else part
        if half:
            assert math.dist(half[-1], seg[0]) < 0.05, (part, half[-1], seg[0])
            seg = seg[1:]
        half.extend(seg)
    assert abs(half[0][0]) < 1e-9 and abs(half[-1][0]) < 1e-9, (half[0], half[-1])
    other = [(-d, y) for d, y in half[-2:0:-1]]
    return half + other


R = {'both': {}, 'front': {}, 'back': {}}

R['both']['head'] = ellipse()
R['both']['neck'] = cycle(head_arc(0, JAW[0]), 'neck_side', rev('neck_base'), mid(NECK_MID[1], CHIN[1]))
R['both']['shoulder'] = cycle('trap_out', ARM_L.seg(85.5, 117), rev('deltoid_low'), rev('shoulder_in'))
R['both']['upper_arm'] = cycle('deltoid_low', ARM_L.seg(117, 147), rev('elbow_top'), ARM_M.seg(149, 108))
R['both']['elbow'] = cycle('elbow_top', ARM_L.seg(147, 169), rev('elbow_bot'), ARM_M.seg(171, 149))
R['both']['forearm'] = cycle('elbow_bot', ARM_L.seg(169, 224), rev('wrist'), ARM_M.seg(224, 171))
R['both']['hand'] = catmull(HAND, 4)

F = R['front']
F['chest'] = cycle('neck_base', 'trap_in', 'shoulder_in', side(108, 155), rev('costal'), mid(139, 77.5))
F['abdomen_upper'] = cycle('costal', side(155, 176.5), rev('navel'), mid(175, 139))
F['abdomen_lower'] = cycle('navel', side(176.5, 197), 'inguinal', rev('peri_front'), mid(233.5, 175))
F['perineum'] = midline(mid(233.5, 233.5), 'peri_front', 'peri_front_side', 'peri_front_low')
F['groin'] = cycle(rev('inguinal'), side(197, 212), rev('hl_top'), rev('groin_low'))
F['hip_lateral'] = cycle('hl_top', side(212, 246), rev('hl_bot'), rev('hl_inner'))
F['thigh_anterior'] = cycle('groin_low', 'hl_inner', 'thigh_lat_col', rev('knee_top_a'), rev('thigh_med_col'))
F['thigh_medial'] = cycle('thigh_med_col', rev('knee_top_m'), inner(300, 246), rev('peri_front_low'), rev('peri_front_side'))
F['thigh_lateral'] = cycle('hl_bot', side(246, 300), rev('knee_top_l'), rev('thigh_lat_col'))
F['knee_medial'] = cycle('knee_top_m', 'knee_med_col', rev('knee_bot_m'), inner(330, 300))
F['knee_anterior'] = cycle('knee_top_a', 'knee_lat_col', rev('knee_bot_a'), rev('knee_med_col'))
F['knee_lateral'] = cycle('knee_top_l', side(300, 330), rev('knee_bot_l'), rev('knee_lat_col'))
F['shin'] = cycle('knee_bot_m', 'knee_bot_a', 'shin_lat_col', rev('ankle_top_a'), rev('ankle_top_m'), inner(395, 330))
F['leg_lateral'] = cycle('knee_bot_l', side(330, 395), rev('ankle_top_l'), rev('shin_lat_col'))
F['ankle_medial'] = cycle('ankle_top_m', 'ankle_med_col', rev('ankle_bot_m'), inner(406, 395))
F['ankle_lateral'] = cycle('ankle_top_l', side(395, 406), rev('ankle_bot_l'), rev('ankle_lat_col'))
F['foot_dorsum'] = cycle('ankle_top_a', 'ankle_lat_col', 'ankle_bot_l', 'foot_front', 'ankle_bot_m', rev('ankle_med_col'))

B = R['back']
B['upper_back'] = cycle('neck_base', 'trap_in', 'shoulder_in', side(108, 157.5), rev('rib10'), mid(160, 77.5))
B['thoracolumbar'] = cycle('rib10', side(157.5, 182), rev('tl_low'), rev('ls_top'), mid(182.5, 160))
B['lumbar_spine'] = midline(mid(182.5, 182.5), 'ls_top', 'ls_side', 'ls_bot')
B['lumbar_paraspinal'] = cycle('tl_low', side(182, 189), rev('crest_top'), rev('ls_side'))
B['iliac_crest'] = cycle('crest_top', side(189, 200.5), rev('crest_bot_l'), rev('crest_bot_m'), rev('si_top'), rev('sac_top'))
B['sacrum'] = midline(mid(204, 204), rev('ls_bot'), 'sac_top', 'sac_side_hi', 'sac_side_lo', 'sac_low')
B['coccyx'] = midline(mid(231.6, 231.6), rev('sac_low'), 'coc_side')
B['sacroiliac'] = cycle('si_top', 'si_side', 'si_low', rev('sac_side_hi'))
B['buttock_upper'] = cycle('crest_bot_m', 'bu_lat', 'bu_low', rev('si_side'))
B['buttock_lateral'] = cycle('crest_bot_l', side(200.5, 212), 'hlb_top', 'hlb_in_hi', 'blat_low', 'bc_lat', rev('bu_lat'))
B['hip_lateral'] = cycle('hlb_top', 'hlb_in_hi', 'hlb_in_lo', 'hlb_bot', side(247.5, 212))
B['buttock_central'] = cycle(rev('bu_low'), rev('bc_lat'), 'bc_low', 'bc_med')
B['buttock_medial'] = cycle(rev('si_low'), rev('bc_med'), 'bm_low', rev('coc_side'), rev('sac_side_lo'))
B['buttock_lower'] = cycle(rev('bm_low'), rev('bc_low'), rev('blat_low'), 'hlb_in_lo', 'fold', inner(250.5, 246), rev('peri_back_side'))
B['perineum'] = midline(mid(240.5, 240.5), 'peri_back_side')
B['thigh_posterior_upper'] = cycle(rev('fold'), 'tlb_hi', rev('tp_mid'), inner(277, 250.5))
B['thigh_lateral'] = cycle('hlb_bot', side(247.5, 300), rev('kb_top_l'), rev('tlb_lo'), rev('tlb_hi'))
B['thigh_posterior_lower'] = cycle('tp_mid', 'tlb_lo', rev('kb_top_m'), inner(300, 277))
B['knee_posterior'] = cycle('kb_top_m', 'kb_col', rev('kb_bot_m'), inner(330, 300))
B['knee_lateral'] = cycle('kb_top_l', side(300, 330), rev('kb_bot_l'), rev('kb_col'))
B['calf'] = cycle('kb_bot_m', 'calf_lat_col', rev('ankle_top_a'), rev('ankle_top_m'), inner(395, 330))
B['leg_lateral'] = cycle('kb_bot_l', side(330, 395), rev('ankle_top_l'), rev('calf_lat_col'))
B['ankle_medial'] = cycle('ankle_top_m', 'ankle_med_col', rev('ankle_bot_m'), inner(406, 395))
B['ankle_lateral'] = cycle('ankle_top_l', side(395, 406), rev('ankle_bot_l'), rev('ankle_lat_col'))
B['heel'] = cycle('ankle_top_a', 'ankle_lat_col', 'ankle_bot_l', 'heel_lat', 'heel_sole', 'heel_med', 'ankle_bot_m', rev('ankle_med_col'))
B['foot_sole'] = cycle(rev('heel_sole'), 'sole')


# ---------------------------------------------------------------- parts
# A coarse region (one with `parts` in the vocabulary) is drawn as its parts;
# each part is cut out of the coarse region's old shape by straight lines, so
# the parts tile it and neighbours share their edges exactly (both sides of a
# cut compute the same intersection points).


def clip(poly, f):
    """The part of a polygon where f(d, y) >= 0, for an affine f
    (Sutherland-Hodgman against one half-plane)."""
    out = []
    n = len(poly)
    for i in range(n):
        a, b = poly[i], poly[(i + 1) % n]
        fa, fb = f(*a), f(*b)
        if fa >= 0:
            out.append(a)
        if (fa >= 0) != (fb >= 0):
            t = fa / (fa - fb)
            out.append((a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t))
    return out


def box(poly, d0=None, d1=None, y0=None, y1=None):
    if d0 is not None:
        poly = clip(poly, lambda d, y: d - d0)
    if d1 is not None:
        poly = clip(poly, lambda d, y: d1 - d)
    if y0 is not None:
        poly = clip(poly, lambda d, y: y - y0)
    if y1 is not None:
        poly = clip(poly, lambda d, y: y1 - y)
    return poly


def across(f, ya, yb):
    """The line a fraction f of the way from the arm's medial edge to its
    lateral edge, through the heights ya and yb: g(d, y) > 0 lateral of it."""
    (m0, _), (l0, _) = ARM_M.at(ya), ARM_L.at(ya)
    (m1, _), (l1, _) = ARM_M.at(yb), ARM_L.at(yb)
    d0, d1 = m0 + f * (l0 - m0), m1 + f * (l1 - m1)
    return lambda d, y: d - (d0 + (d1 - d0) * (y - ya) / (yb - ya))


def lateral_of(poly, g):
    return clip(poly, g)


def medial_of(poly, g):
    return clip(poly, lambda d, y: -g(d, y))


def symmetric(half):
    """A midline shape from its left half, a polygon with an edge on d = 0."""
    n = len(half)
    for i in range(n):
        a, b = half[i], half[(i + 1) % n]
        if abs(a[0]) < 1e-9 and abs(b[0]) < 1e-9:
            path = half[i + 1:] + half[:i + 1]
            return midline(path)
    raise ValueError('no edge on the midline')


def full_ellipse(n=48):
    return [(HEAD_A * math.sin(2 * math.pi * k / n), HEAD_C[1] - HEAD_B * math.cos(2 * math.pi * k / n))
            for k in range(n)]


def jaw(head):
    """The lower face below the cheek, around the teeth (a U open upward)."""
    low = box(head, d0=0, y0=TEETH_TOP)
    i = next(k for k, p in enumerate(low) if abs(p[0]) < 1e-9 and abs(p[1] - TEETH_TOP) < 1e-9)
    notch = [(0, TEETH_BOT), (TEETH_D, TEETH_BOT), (TEETH_D, TEETH_TOP)]
    prev = low[i - 1]
    if abs(prev[0]) < 1e-9:  # coming up the midline from the chin
        return low[:i] + notch + low[i + 1:]
    return low[:i] + notch[::-1] + low[i + 1:]


VERTEX_Y, BROW_Y, EYE_Y, CHEEK_Y = 16.0, 27.0, 33.0, 45.0
TEETH_TOP, TEETH_MID, TEETH_BOT, TEETH_D = 45.0, 49.5, 54.0, 6.0
HEAD = full_ellipse()


def cut_parts():
    both, front, back = R['both'], R['front'], R['back']
    head = HEAD
    half = box(head, d0=0)
    both['vertex'] = box(head, y1=VERTEX_Y)
    front['forehead'] = box(half, d1=10.5, y0=VERTEX_Y, y1=BROW_Y)
    front['temple'] = box(half, d0=10.5, y0=VERTEX_Y, y1=EYE_Y)
    front['eye'] = box(half, d1=10.5, y0=BROW_Y, y1=EYE_Y)
    front['cheek'] = box(half, d1=13.5, y0=EYE_Y, y1=CHEEK_Y)
    front['ear'] = box(half, d0=13.5, y0=EYE_Y, y1=CHEEK_Y)
    front['teeth_upper'] = box(half, d1=TEETH_D, y0=TEETH_TOP, y1=TEETH_MID)
    front['teeth_lower'] = box(half, d1=TEETH_D, y0=TEETH_MID, y1=TEETH_BOT)
    front['jaw'] = jaw(head)
    back['temple'] = box(half, d0=13.5, y0=VERTEX_Y, y1=31.0)
    back['ear'] = box(half, d0=13.5, y0=31.0)
    back['occiput'] = box(half, d1=13.5, y0=VERTEX_Y)
    del both['head']

    neck = both.pop('neck')
    front['throat'] = symmetric(box(neck, d1=5.0))
    front['neck_lateral'] = box(neck, d0=5.0)
    back['neck_posterior'] = box(neck, d1=7.0)
    back['neck_lateral'] = box(neck, d0=7.0)

    sh = both.pop('shoulder')
    both['shoulder_top'] = box(sh, y1=90.0)
    both['shoulder_lateral'] = box(sh, d0=41.0, y0=90.0)
    front['shoulder_front'] = box(sh, d1=41.0, y0=90.0)
    back['shoulder_back'] = box(sh, d1=41.0, y0=90.0)

    chest = front.pop('chest')
    front['sternum'] = symmetric(box(chest, d1=4.5))
    rest = box(chest, d0=4.5)
    front['chest_upper'] = box(rest, y1=98.0)
    front['breast'] = box(rest, d1=24.0, y0=98.0)
    front['armpit'] = box(rest, d0=24.0, y0=98.0, y1=116.0)
    front['chest_lateral'] = box(rest, d0=24.0, y0=116.0)

    ub = back.pop('upper_back')
    back['thoracic_spine'] = symmetric(box(ub, d1=2.5))
    back['scapula_medial'] = box(ub, d0=2.5, d1=9.0, y1=145.0)
    back['scapula'] = box(ub, d0=9.0, d1=27.0, y1=125.0)
    back['scapula_lower'] = box(ub, d0=9.0, d1=27.0, y0=125.0, y1=145.0)
    back['thoracic_paraspinal'] = box(ub, d0=2.5, d1=27.0, y0=145.0)
    back['armpit'] = box(ub, d0=27.0, y1=116.0)
    back['chest_lateral'] = box(ub, d0=27.0, y0=116.0)

    # The flank: the outer strip of the trunk between the ribs and the pelvis.
    front['flank'] = box(cycle('costal', side(155, 197), 'inguinal', rev('peri_front'), mid(233.5, 139)), d0=FLANK_D)
    front['abdomen_upper'] = box(front['abdomen_upper'], d1=FLANK_D)
    front['abdomen_lower'] = box(front['abdomen_lower'], d1=FLANK_D)
    back['flank'] = box(cycle('rib10', side(157.5, 189), rev('crest_top'), rev('ls_side'), rev('ls_top'), mid(182.5, 160)), d0=FLANK_D)
    back['thoracolumbar'] = box(back['thoracolumbar'], d1=FLANK_D)
    back['lumbar_paraspinal'] = box(back['lumbar_paraspinal'], d1=FLANK_D)

    ua = both.pop('upper_arm')
    inner_third, outer_third = across(0.3, 117, 147), across(0.7, 117, 147)
    front['upper_arm_medial'] = medial_of(ua, inner_third)
    front['upper_arm_front'] = lateral_of(medial_of(ua, outer_third), inner_third)
    back['upper_arm_back'] = medial_of(ua, outer_third)
    both['upper_arm_lateral'] = lateral_of(ua, outer_third)

    el = both.pop('elbow')
    half_way = across(0.5, 149, 169)
    front['elbow_medial'] = medial_of(el, half_way)
    front['elbow_lateral'] = lateral_of(el, half_way)
    inner_third, outer_third = across(0.33, 149, 169), across(0.67, 149, 169)
    back['elbow_medial'] = medial_of(el, inner_third)
    back['elbow_back'] = lateral_of(medial_of(el, outer_third), inner_third)
    back['elbow_lateral'] = lateral_of(el, outer_third)

    fa = both.pop('forearm')
    front['forearm_front'] = box(fa, y1=WRIST_Y)
    front['wrist_front'] = box(fa, y0=WRIST_Y)
    back['forearm_back'] = box(fa, y1=WRIST_Y)
    back['wrist_back'] = box(fa, y0=WRIST_Y)

    hand = both.pop('hand')
    front['palm'] = box(hand, d1=THUMB_D, y1=KNUCKLE_Y)
    back['hand_back'] = box(hand, d1=THUMB_D, y1=KNUCKLE_Y)
    both['thumb'] = box(hand, d0=THUMB_D, y1=KNUCKLE_Y)
    both['fingers_radial'] = box(hand, d0=FINGER_SPLIT_D, y0=KNUCKLE_Y)
    both['fingers_ulnar'] = box(hand, d1=FINGER_SPLIT_D, y0=KNUCKLE_Y)

    bl = back['buttock_lower']
    back['ischial'] = box(bl, d1=15.0)
    back['buttock_lower'] = box(bl, d0=15.0)

    calf = back.pop('calf')
    back['calf_upper'] = box(calf, y1=360.0)
    back['calf_lower'] = box(calf, y0=360.0, y1=383.0)
    back['achilles'] = box(calf, y0=383.0)

    fd = front['foot_dorsum']
    front['ankle_front'] = box(fd, y1=406.0)
    front['foot_dorsum'] = box(fd, y0=406.0, y1=TOES_Y)
    front['big_toe'] = box(fd, d1=14.0, y0=TOES_Y)
    front['toes'] = box(fd, d0=14.0, y0=TOES_Y)


FLANK_D = 22.0
WRIST_Y, THUMB_D, KNUCKLE_Y, FINGER_SPLIT_D, TOES_Y = 208.0, 59.5, 254.0, 56.5, 424.0
cut_parts()


def outline(foot):
    half = []

    def add(seg):
        if half:
            assert math.dist(half[-1], seg[0]) < 0.05, (half[-1], seg[0])
            seg = seg[1:]
        half.extend(seg)

    top = [(HEAD_A * math.sin(math.pi * k / 24), HEAD_C[1] - HEAD_B * math.cos(math.pi * k / 24))
           for k in range(25) if HEAD_C[1] - HEAD_B * math.cos(math.pi * k / 24) <= JAW[1] + 1e-9]
    add(top + [JAW])
    add(E['neck_side'])
    add(catmull(TRAP, 5))
    add(ARM_L.seg(85.5, 224))
    add(catmull(HAND, 4))
    add(ARM_M.seg(224, 108))
    add(side(108, 406))
    add(foot)
    add(inner(406, 246))
    other = [(-d, y) for d, y in half[-2:0:-1]]
    return half + other


FOOT_BACK = catmull(HEEL_LAT, 4) + catmull(SOLE, 4)[1:] + catmull(HEEL_MED, 4)[1:]


# The regions were laid out first; this warp of y then set the body's
# proportions (pelvis a little higher, ankles lower, feet foreshortened).
WARP = [(0, 0), (172, 171), (204, 198), (255, 246), (300, 300), (330, 330), (395, 403),
        (406, 414), (434, 435), (440, 440)]


def warp(y):
    for (a, fa), (b, fb) in zip(WARP, WARP[1:]):
        if a <= y <= b:
            return fa + (fb - fa) * (y - a) / (b - a)
    raise ValueError(y)


def to_view(pts, view):
    s = -1 if view == 'back' else 1
    out = []
    for d, y in pts:
        p = [round(CX + s * d, 1), round(warp(y), 1)]
        if p[0] == -0.0:
            p[0] = 0.0
        if not out or out[-1] != p:
            out.append(p)
    if out[0] == out[-1]:
        out.pop()
    return out


def build(vocab_regions, marks):
    shapes = []
    views = {r['id']: r['view'] for r in vocab_regions}
    for rid in [r['id'] for r in vocab_regions if not r.get('parts')]:
        v = views[rid]
        for view in (['front', 'back'] if v == 'both' else [v]):
            if rid in R['both']:
                pts = R['both'][rid]
            else:
                pts = R[view][rid]
            shapes.append({'region': rid, 'view': view, 'points': to_view(pts, view)})
    chart = {
        'width': W, 'height': H,
        'outline': {'front': [to_view(outline(catmull(FOOT_FRONT, 4)), 'front')],
                    'back': [to_view(outline(FOOT_BACK), 'back')]},
        'shapes': shapes,
        'marks': marks,
    }
    return chart


def num(v):
    s = f"{v:.1f}"
    if s.endswith('.0'):
        s = s[:-2]
    return s


def dump(chart):
    """Compact but reviewable: one shape or mark per line."""
    def pts(ps):
        return '[' + ', '.join(f'[{num(x)}, {num(y)}]' for x, y in ps) + ']'
    lines = ['{"chart": {', f'  "width": {W}, "height": {H},', '  "outline": {']
    lines.append(f'    "front": [{pts(chart["outline"]["front"][0])}],')
    lines.append(f'    "back": [{pts(chart["outline"]["back"][0])}]')
    lines.append('  },')
    lines.append('  "shapes": [')
    sl = [f'    {{"region": "{s["region"]}", "view": "{s["view"]}", "points": {pts(s["points"])}}}'
          for s in chart['shapes']]
    lines.append(',\n'.join(sl))
    lines.append('  ],')
    lines.append('  "marks": [')
    ml = [f'    {{"muscle": "{m["muscle"]}", "trigger_point": "{m["trigger_point"]}", '
          f'"view": "{m["view"]}", "at": [{num(m["at"][0])}, {num(m["at"][1])}]}}'
          for m in chart['marks']]
    if ml:
        lines.append(',\n'.join(ml))
    lines.append('  ]')
    lines.append('}}')
    return '\n'.join(lines) + '\n'


# Trigger points, left side: (muscle, trigger point, view, d, y) with y in the
# final (warped) coordinates, read off the preview.
MARKS = [
    ('adductor_longus_brevis', 'upper', 'front', 9.5, 242),
    ('adductor_longus_brevis', 'lower', 'front', 11, 262),
    ('adductor_magnus', 'middle', 'back', 7.5, 270),
    ('adductor_magnus', 'upper', 'back', 6, 248),
    ('biceps_femoris', 'lower_belly', 'back', 21, 288),
    ('medial_hamstrings', 'mid_belly', 'back', 11, 280),
    ('pectineus', 'belly', 'front', 12, 229),
    ('rectus_femoris', 'upper', 'front', 21, 232),
    ('vastus_lateralis', 'lower', 'front', 27, 290),
    ('vastus_lateralis', 'middle', 'back', 28, 270),
    ('vastus_lateralis', 'upper', 'front', 31, 250),
    ('vastus_medialis', 'lower', 'front', 12, 293),
    ('vastus_medialis', 'upper', 'front', 13, 268),
    ('fibularis_longus_brevis', 'longus', 'front', 26.5, 345),
    ('fibularis_longus_brevis', 'brevis', 'front', 24.5, 378),
    ('gastrocnemius', 'inner_head', 'back', 11.5, 342),
    ('gastrocnemius', 'outer_head', 'back', 20.5, 348),
    ('gastrocnemius', 'upper', 'back', 20, 331),
    ('soleus', 'lower', 'back', 14, 385),
    ('soleus', 'upper', 'back', 21, 356),
    ('soleus', 'sacroiliac', 'back', 17.5, 377),
    ('tibialis_anterior', 'upper', 'front', 19, 350),
    ('gluteus_maximus', 'upper_medial', 'back', 10, 218),
    ('gluteus_maximus', 'lower', 'back', 12, 236),
    ('gluteus_maximus', 'lowest_medial', 'back', 5, 231),
    ('gluteus_medius', 'posterior', 'back', 14, 204),
    ('gluteus_medius', 'middle', 'back', 22, 200),
    ('gluteus_medius', 'anterior', 'back', 30, 201),
    ('gluteus_minimus', 'anterior', 'back', 31, 209),
    ('gluteus_minimus', 'posterior', 'back', 20, 207),
    ('iliocostalis_lumborum', 'upper_lumbar', 'back', 17, 176),
    ('iliopsoas', 'psoas', 'front', 10, 182),
    ('iliopsoas', 'iliacus', 'front', 22, 198),
    ('iliopsoas', 'distal', 'front', 17, 218),
    ('longissimus_thoracis', 'thoracolumbar', 'back', 7, 165),
    ('longissimus_thoracis', 'upper_lumbar', 'back', 7.5, 178),
    ('multifidus', 'lumbar', 'back', 6.5, 190),
    ('multifidus', 'sacral', 'back', 3, 204),
    ('pelvic_floor', 'levator_ani', 'back', 3, 234),
    ('pelvic_floor', 'coccygeus', 'back', 4.5, 226),
    ('pelvic_floor', 'obturator_internus', 'back', 10, 239),
    ('piriformis', 'lateral', 'back', 26.5, 214),
    ('piriformis', 'medial', 'back', 12, 215),
    ('quadratus_lumborum', 'superficial_upper', 'back', 20, 172),
    ('quadratus_lumborum', 'superficial_lower', 'back', 22, 186),
    ('quadratus_lumborum', 'deep_upper', 'back', 10, 182),
    ('quadratus_lumborum', 'deep_lower', 'back', 10, 193),
    ('rectus_abdominis', 'lowest', 'front', 4, 219),
    ('rectus_abdominis', 'lower_lateral', 'front', 12, 190),
    ('rectus_abdominis', 'upper', 'front', 6, 148),
    ('tensor_fasciae_latae', 'belly', 'front', 29, 206),
    ('upper_trapezius', 'anterior_fibres', 'back', 28, 76),
    ('upper_trapezius', 'posterior_fibres', 'back', 20, 78),
    ('levator_scapulae', 'angle_of_neck', 'back', 11, 76),
    ('levator_scapulae', 'upper', 'back', 11, 62),
    ('splenius', 'capitis', 'back', 9, 55),
    ('splenius', 'cervicis_upper', 'back', 4.5, 66),
    ('splenius', 'cervicis_lower', 'back', 5, 74),
    ('suboccipitals', 'suboccipital', 'back', 4.5, 52),
    ('sternocleidomastoid', 'sternal', 'front', 5.5, 70),
    ('sternocleidomastoid', 'clavicular', 'front', 7.5, 58),
    ('scalenes', 'front_middle', 'front', 11, 71),
    ('scalenes', 'shoulder_blade', 'front', 11, 63),
    ('infraspinatus', 'main', 'back', 19, 100),
    ('infraspinatus', 'medial', 'back', 12, 105),
    ('supraspinatus', 'belly', 'back', 15, 86),
    ('supraspinatus', 'tendon', 'back', 33, 88),
    ('posterior_cervical', 'lower', 'back', 2.5, 72),
    ('posterior_cervical', 'middle', 'back', 5, 64),
    ('posterior_cervical', 'upper', 'back', 2, 56),
    ('middle_trapezius', 'medial', 'back', 7, 90),
    ('middle_trapezius', 'lateral', 'back', 36, 82),
    ('lower_trapezius', 'main', 'back', 11, 128),
    ('lower_trapezius', 'attachment', 'back', 11, 94),
    ('rhomboids', 'border', 'back', 6, 110),
    ('masseter', 'superficial_upper', 'front', 9, 40),
    ('masseter', 'superficial_lower', 'front', 11, 52),
    ('masseter', 'deep', 'front', 15, 33),
    ('temporalis', 'anterior', 'front', 12, 20),
    ('temporalis', 'middle', 'front', 15, 28),
    ('temporalis', 'posterior', 'back', 15, 22),
    ('teres_minor', 'belly', 'back', 28, 108),
    ('subscapularis', 'lateral', 'front', 28, 106),
    ('deltoid', 'anterior', 'front', 34, 97),
    ('deltoid', 'middle', 'front', 46, 102),
    ('deltoid', 'posterior', 'back', 36, 101),
    ('pectoralis_major', 'clavicular', 'front', 22, 80),
    ('pectoralis_major', 'sternal', 'front', 12, 90),
    ('pectoralis_major', 'costal', 'front', 21, 108),
    ('pectoralis_minor', 'belly', 'front', 20, 90),
    ('latissimus_dorsi', 'axillary', 'back', 29, 120),
    ('latissimus_dorsi', 'lower', 'back', 29, 150),
    ('vastus_intermedius', 'upper_middle', 'front', 19, 258),
    ('gracilis', 'mid_belly', 'front', 4.5, 276),
    ('sartorius', 'upper', 'front', 26, 222),
    ('sartorius', 'middle', 'front', 17, 250),
    ('sartorius', 'lower', 'front', 9, 284),
    ('popliteus', 'belly', 'back', 13, 322),
    ('tibialis_posterior', 'belly', 'back', 15, 362),
    ('long_toe_extensors', 'digitorum', 'front', 23, 358),
    ('long_toe_extensors', 'hallucis', 'front', 19, 385),
    ('long_toe_flexors', 'digitorum', 'back', 9.5, 352),
    ('long_toe_flexors', 'hallucis', 'back', 21, 386),
    ('foot_intrinsics', 'abductor_hallucis', 'back', 10, 425.5),
    ('foot_intrinsics', 'flexor_digitorum_brevis', 'back', 16, 434.5),
    ('foot_intrinsics', 'abductor_digiti_minimi', 'back', 22, 425.5),
    ('lateral_pterygoid', 'belly', 'front', 13, 44),
    ('medial_pterygoid', 'belly', 'front', 9.5, 54.5),
    ('forearm_flexors', 'wrist_flexors', 'front', 52, 175),
    ('forearm_flexors', 'finger_flexors', 'front', 50, 186),
    ('forearm_flexors', 'thumb_flexor', 'front', 56, 195),
    ('thumb_muscles', 'adductor', 'front', 58, 237),
    ('thumb_muscles', 'opponens', 'front', 62, 224),
    ('hand_interossei', 'first_dorsal', 'back', 59, 229),
    ('hand_interossei', 'ulnar_interossei', 'back', 51, 238),
    ('serratus_anterior', 'midaxillary', 'front', 28, 130),
    ('serratus_posterior_superior', 'under_scapula', 'back', 10.5, 88),
    ('thoracic_paraspinals', 'iliocostalis_mid', 'back', 10, 132),
    ('thoracic_paraspinals', 'iliocostalis_low', 'back', 18, 154),
    ('thoracic_paraspinals', 'longissimus', 'back', 4.5, 146),
    ('abdominal_obliques', 'upper', 'front', 18, 151),
    ('abdominal_obliques', 'lower', 'front', 24, 188),
    ('teres_major', 'belly', 'back', 25, 116),
    ('coracobrachialis', 'belly', 'front', 36, 112),
    ('biceps_brachii', 'distal_belly', 'front', 44, 136),
    ('brachialis', 'lower_belly', 'front', 48, 143),
    ('triceps_brachii', 'long_head', 'back', 38, 115),
    ('triceps_brachii', 'lateral_head', 'back', 46, 126),
    ('triceps_brachii', 'outer_lower', 'back', 52, 137),
    ('triceps_brachii', 'attachment', 'back', 46, 147),
    ('triceps_brachii', 'inner_lower', 'back', 40, 137),
    ('triceps_brachii', 'anconeus', 'back', 51, 158),
    ('brachioradialis', 'belly', 'front', 54.5, 177),
    ('wrist_extensors', 'radialis_longus', 'back', 54, 171),
    ('wrist_extensors', 'radialis_brevis', 'back', 53, 183),
    ('wrist_extensors', 'ulnaris', 'back', 46, 178),
    ('finger_extensors', 'middle_finger', 'back', 51, 177),
    ('finger_extensors', 'ring_little', 'back', 46, 186),
    ('finger_extensors', 'indicis', 'back', 52, 195),
    ('supinator', 'belly', 'front', 51, 170),
]


def marks_for(available):
    out = []
    for muscle, tp, view, d, y in MARKS:
        if (muscle, tp) not in available:
            continue
        x = CX - d if view == 'back' else CX + d
        out.append({'muscle': muscle, 'trigger_point': tp, 'view': view, 'at': [x, y]})
    missing = sorted(set(available) - {(m[0], m[1]) for m in MARKS})
    if missing:
        print('no mark yet for', missing, file=sys.stderr)
    return out


def available_trigger_points(folders):
    import glob
    found = []
    for folder in folders:
        for f in sorted(glob.glob(folder + '/data/kb/muscles/*.json')):
            for m in json.load(open(f)).get('muscles', []):
                for t in m['trigger_points']:
                    found.append((m['id'], t['id']))
    return found


if __name__ == '__main__':
    import os
    here = os.path.dirname(os.path.abspath(__file__))
    vocab = json.load(open(os.path.join(here, '..', '..', 'tests', 'data', 'vocabulary.json')))
    marks = marks_for(available_trigger_points(sys.argv[2:]))
    chart = build(vocab['regions'], marks)
    open(sys.argv[1], 'w').write(dump(chart))
