#!/usr/bin/env python3
"""Fits the polynomial of kernels/exp/exp_f32.kernel: p(r) = 1 + r + c2 r^2 + ... + c6 r^6 ~ e^r on
the Cody-Waite reduced range |r| <= R, evaluated in float32 by Horner's rule with fma.

1. Minimax in ULPs, real arithmetic: minimize max |p(r) - e^r| / ulp(e^r) with ulp = 2^-24 below 1
   and 2^-23 from 1 (float32's ULP of the result's binade: the error the kernel is judged by, since
   2^n p(r) is exact in the normal range), c0 = c1 = 1 fixed; a linear program on a grid of
   GRID points (scipy's HiGHS).
2. The coefficients rounded to float32, then a local search over their float32 neighbours (steps of
   1-3 units in the last place, one coefficient or two at a time, until no step helps) scoring the
   float32 Horner-fma evaluation itself on every float32 r with 2^-3 <= |r| <= R (where the worst
   errors are) and a seeded sample of the smaller ones: fma is emulated exactly in integers
   (numpy's float64 would round twice).

Prints the coefficients as float32 hex literals with the sampled max ULP. The result is a proxy:
the kernel's own figure is its exhaustive check (kernels/exp/README.md). The shipped coefficients
are step 1 alone (--no-search); the local search of step 2 was started once and did not finish
on a heavily loaded machine, so what it gains is not measured. It also scores the polynomial on
exact r, while the kernel's r is rounded (about 0.18 ULP more at |r| near 0.35): a search over x
itself would be the better proxy.

  python3 scripts/exp-poly-fit.py            # needs numpy and scipy
  python3 scripts/exp-poly-fit.py --no-search  # step 1 and the rounding only (seconds)
"""
import math
import sys

import numpy as np
from scipy.optimize import linprog

R = 0.34658  # ln(2)/2 = 0.3465736 plus the reduction's rounding (|x log2e_f - x log2e| * ln2)
DEG = 6
GRID = 8001
SEED = 1


def minimax_ulp():
    r = np.linspace(-R, R, GRID)
    f = np.exp(r)
    w = np.where(f < 1, 2.0**-24, 2.0**-23)
    powers = np.array([r**i for i in range(2, DEG + 1)]).T  # c2..c6
    scale = np.abs(powers).max(axis=0)
    a = powers / scale / w[:, None]
    resid = (f - 1 - r) / w
    one = np.ones((len(r), 1))
    a_ub = np.vstack([np.hstack([a, -one]), np.hstack([-a, -one])])
    b_ub = np.concatenate([resid, -resid])
    cost = np.zeros(a.shape[1] + 1)
    cost[-1] = 1
    res = linprog(cost, A_ub=a_ub, b_ub=b_ub, bounds=[(None, None)] * len(cost), method="highs")
    if not res.success:
        sys.exit("exp-poly-fit: the linear program failed: " + res.message)
    return list(res.x[:-1] / scale), res.x[-1]


def f32_bits(v):
    return np.float32(v).view(np.uint32)


def points():
    """float32 r: all with 2^-3 <= |r| <= R, and 2^20 drawn from the smaller ones."""
    lo, hi = int(f32_bits(0.125)), int(f32_bits(R))
    big = np.arange(lo, hi + 1, dtype=np.uint32).view(np.float32)
    rng = np.random.default_rng(SEED)
    small = rng.uniform(-0.125, 0.125, 1 << 20).astype(np.float32)
    return np.concatenate([big, -big, small])


def fma32(a, b, c):
    """float32 fma a*b+c rounded once: the product is exact in float64; the sum is rounded to
    float64 then float32, which could round twice, so it is redone exactly where that matters."""
    p = a.astype(np.float64) * b.astype(np.float64)
    s = p + c.astype(np.float64)
    # error of the float64 sum (TwoSum), exact
    bb = s - p
    err = (p - (s - bb)) + (c.astype(np.float64) - bb)
    y = s.astype(np.float32)
    # s rounded to float32 twice only matters if s lies exactly on a float32 midpoint; then the
    # sign of err decides
    back = y.astype(np.float64)
    mid = (np.abs(s - back) == np.abs(np.spacing(y).astype(np.float64)) / 2) & (err != 0)
    if mid.any():
        # s was rounded away from the exact sum s + err: take the neighbour on err's side
        up = np.nextafter(y, np.float32(np.inf))
        dn = np.nextafter(y, np.float32(-np.inf))
        wrong = mid & ((s > back) == (err > 0))
        y = np.where(wrong, np.where(s > back, up, dn), y)
    return y


def horner(c, r):
    p = np.full_like(r, np.float32(c[-1]))
    for ci in reversed(c[:-1]):
        p = fma32(r, p, np.full_like(r, np.float32(ci)))
    p = fma32(r, p, np.ones_like(r))
    return fma32(r, p, np.ones_like(r))


def score(c, r, exact, ulp):
    u = np.abs(horner(c, r).astype(np.float64) - exact) / ulp
    i = int(np.argmax(u))
    return float(u[i]), float(r[i])


def neighbour(v, k):
    x = np.float32(v)
    for _ in range(abs(k)):
        x = np.nextafter(x, np.float32(np.inf if k > 0 else -np.inf))
    return x


def main():
    c, e = minimax_ulp()
    print(f"minimax in ULPs, real arithmetic: {e:.4f} ULP", file=sys.stderr)
    c = [np.float32(v) for v in c]
    r = points()
    exact = np.exp(r.astype(np.float64))
    ulp = np.exp2(np.floor(np.log2(exact)) - 23)
    best, at = score(c, r, exact, ulp)
    print(f"rounded to float32: {best:.6f} ULP at r = {at}", file=sys.stderr)
    improved = "--no-search" not in sys.argv[1:]
    steps = [(i, k) for i in range(len(c)) for k in (-3, -2, -1, 1, 2, 3)]
    while improved:
        improved = False
        for i, k in steps:
            cand = list(c)
            cand[i] = neighbour(cand[i], k)
            s, a = score(cand, r, exact, ulp)
            if s < best:
                best, at, c, improved = s, a, cand, True
        if not improved:
            for i in range(len(c)):
                for j in range(i + 1, len(c)):
                    for ki in (-1, 1):
                        for kj in (-1, 1):
                            cand = list(c)
                            cand[i] = neighbour(cand[i], ki)
                            cand[j] = neighbour(cand[j], kj)
                            s, a = score(cand, r, exact, ulp)
                            if s < best:
                                best, at, c, improved = s, a, cand, True
        print(f"  {best:.6f} ULP at r = {at}", file=sys.stderr)
    for i, v in enumerate(c):
        print(f"c{i + 2} = {float(v).hex()}  # {float(v):.9e}")
    print(f"# sampled max {best:.6f} ULP at r = {at} ({len(r)} points)")


if __name__ == "__main__":
    main()
