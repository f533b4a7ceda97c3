#!/usr/bin/env python3
"""Fits the constants of the kernels/rsqrt kernels: a magic constant R and a polynomial p of degree
DEG in t = x y0^2, the kernel being y1 = y0 p(t) with y0 = frombits(R - (bits(x) >> 1)).

Real arithmetic, minimax relative error (the measure of Moroz et al. 2018 and Walczyk et al. 2021):
the relative error of y1 is sqrt(t) p(t) - 1, so for a given R only the range [tmin, tmax] of t over
x matters. x -> 4x leaves t unchanged (the code moves by 2^24, y0 halves exactly), so that range is
taken over one period, every float32 x in [1, 4) (2^24 points; a subsample of 2^16 for the coarse
scan). For each R: p minimizes max |sqrt(t) p(t) - 1| over [tmin, tmax] (a linear program on a grid
of GRID points, scipy's HiGHS). R is scanned coarse to fine (steps of 2^14, 2^10, 2^6, 2^2, 1 code
units) around the best so far.

Prints R, the coefficients (float32 hex, rounded to nearest) and the real-arithmetic error. The
kernels' own figures come from their exhaustive checks (kernels/rsqrt/README.md): float rounding
adds a few 1e-8 to the real-arithmetic error; `numevo tune` then polishes the float constants.

  python3 scripts/rsqrt-fit.py DEG           # DEG = 1, 2 or 3; needs numpy and scipy
  python3 scripts/rsqrt-fit.py DEG --quick   # steps 2^16, 2^12, 2^8 on a subsample of 4,096 x,
                                             # the final range on every 16th x (a minute or two)
"""
import sys

import numpy as np
from scipy.optimize import linprog

GRID = 1001
ONE, FOUR = 0x3F800000, 0x40800000


def codes(step):
    return np.arange(ONE, FOUR, step, dtype=np.uint32)


def t_range(r, xs_codes):
    h = (xs_codes >> 1).astype(np.int64)
    y0 = (np.int64(r) - h).astype(np.uint32).view(np.float32).astype(np.float64)
    x = xs_codes.view(np.float32).astype(np.float64)
    t = x * y0 * y0
    return t.min(), t.max()


def fit(tmin, tmax, deg):
    # minimize e subject to |sqrt(t) p(t) - 1| <= e at the grid points (Chebyshev-spaced).
    k = np.arange(GRID)
    t = 0.5 * (tmin + tmax) + 0.5 * (tmax - tmin) * np.cos(np.pi * k / (GRID - 1))
    s = np.sqrt(t)
    a = np.stack([s * t**j for j in range(deg + 1)], axis=1)
    ones = np.ones((GRID, 1))
    a_ub = np.vstack([np.hstack([a, -ones]), np.hstack([-a, -ones])])
    b_ub = np.concatenate([np.ones(GRID), -np.ones(GRID)])
    c = np.zeros(deg + 2)
    c[-1] = 1
    res = linprog(c, A_ub=a_ub, b_ub=b_ub, bounds=[(None, None)] * (deg + 2), method="highs")
    return res.x[-1], res.x[:-1]


def main():
    deg = int(sys.argv[1]) if len(sys.argv) > 1 else 1
    quick = "--quick" in sys.argv[2:]
    sub = codes(4096 if quick else 256)
    full = codes(16 if quick else 1)
    best = None
    # Only R mod 2^23 shapes t's range (R - 2^23 halves y0, which p absorbs); scan one binade of R.
    center, span = 0x5F400000, 1 << 22
    plan = (
        ((1 << 16, sub), (1 << 12, sub), (1 << 8, sub))
        if quick
        else ((1 << 14, sub), (1 << 10, sub), (1 << 6, sub), (1 << 2, full), (1, full))
    )
    for step, xs in plan:
        cands = range(center - span, center + span + 1, step)
        scored = []
        for r in cands:
            tmin, tmax = t_range(r, xs)
            e, _ = fit(tmin, tmax, deg)
            scored.append((e, r))
        e, r = min(scored)
        best = (e, r)
        center, span = r, 2 * step
    e, r = best
    tmin, tmax = t_range(r, full)
    e, p = fit(tmin, tmax, deg)
    print(f"degree {deg}: R = 0x{r:08x}, t in [{tmin:.9f}, {tmax:.9f}], real max rel err {e:.6e}")
    for j, cj in enumerate(p):
        print(f"  c{j} = {float(np.float32(cj)).hex()}  ({cj:.9g})")


if __name__ == "__main__":
    main()
