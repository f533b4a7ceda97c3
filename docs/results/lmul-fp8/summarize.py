#!/usr/bin/env python3
"""Table of the building-block comparison from ScoreFront's outputs (score-FMT-VARIANT-sSEED.txt).

Per run: the lowest loss (all pairs) among front kernels of at most 19 ops, with that kernel's ops,
core mean and exact fraction; the lowest core mean among kernels of at most 19 ops that get no more
special cases wrong than the Mitchell seed (e4m3fn: 180 pairs, e5m2: 128); the fewest ops of a
kernel exact on every pair; the front size. Usage: summarize.py DIR [PREFIX]"""
import glob, os, re, sys

d = sys.argv[1]
prefix = sys.argv[2] if len(sys.argv) > 2 else ""
SPECIAL = {"e4": 180, "e5": 128, "bf": 10**9}
LINE = re.compile(r"front\d+\.kernel\s+(\d+) ops loss ([\d.]+) exact\s+([\d.]+)% core mean ([\d.]+|NaN)% max \S+ special (\d+)")
rows = []
for f in sorted(glob.glob(os.path.join(d, "score-" + prefix + "*.txt"))):
    name = os.path.basename(f)[6:-4]
    m = re.match(r"(e4|e5|bf)-(.+)-s(\d+)$", name)
    if not m:
        continue
    fmt, variant, seed = m.group(1), m.group(2), int(m.group(3))
    ks = []
    for line in open(f):
        g = LINE.match(line)
        if g:
            ks.append((int(g.group(1)), float(g.group(2)), float(g.group(3)), float(g.group(4)), int(g.group(5))))
    small = [k for k in ks if k[0] <= 19]
    best = min(small, key=lambda k: (k[1], k[0]))
    clean = [k for k in small if k[4] <= SPECIAL[fmt]]
    bc = min(clean, key=lambda k: (k[3], k[0])) if clean else None
    exact = [k[0] for k in ks if k[2] == 100.0]
    rows.append((fmt, variant, seed, best, bc, min(exact) if exact else None, len(ks)))
print("| format | variant | seed | lowest loss at <= 19 ops (ops, core mean, exact) | lowest core mean at <= 19 ops, specials no worse than Mitchell (ops) | fewest ops exact on all pairs | front |")
print("|---|---|---|---|---|---|---|")
for fmt, variant, seed, b, c, e, n in rows:
    print("| %s | %s | %d | %.4f (%d, %.3f%%, %.2f%%) | %s | %s | %d |" % (
        fmt, variant, seed, b[1], b[0], b[3], b[2],
        "%.3f%% (%d)" % (c[3], c[0]) if c else "-", e if e else "none", n))
