#!/usr/bin/env python3
"""Computes the independent table of ReferenceAgreesWithBigDecimalTest with mpmath.

Reads lines "FUNCTION XBITS" (XBITS: the float32 input as 8 hex digits) on standard input and
prints "FUNCTION XBITS RESULTBITS EXACT": the correctly rounded float32 result (round to nearest,
ties to even, subnormals and overflow included) and the exact value to 40 significant digits.
Each value is computed at 400 and at 800 bits and must round alike. Inputs whose result is NaN or
an exact zero are left out.

  grep -v '^#' targets/src/test/resources/numevo/targets/floats/reference-mpmath.txt \
    | cut -d' ' -f1,2 | scripts/reference-mpmath.py

needs mpmath (pip install mpmath; the table was made with mpmath 1.3.0).
"""
import struct
import sys

import mpmath
from mpmath import mp, mpf


def f32(bits):
    return struct.unpack('>f', struct.pack('>I', bits))[0]


def value(fn, x):
    x = mpf(x)
    if fn == 'EXP':
        return mpmath.exp(x)
    if fn == 'EXP2':
        return mpmath.power(2, x)
    if fn == 'LOG2':
        return mpmath.log(x) / mpmath.log(2) if x > 0 else None
    if fn == 'RSQRT':
        return 1 / mpmath.sqrt(x) if x > 0 else None
    if fn == 'SIGMOID':
        return 1 / (1 + mpmath.exp(-x))
    raise ValueError(fn)


def round_f32(v):
    """The float32 nearest a nonzero v (ties to even), as raw bits."""
    sign = 0x80000000 if v < 0 else 0
    a = abs(v)
    e = int(mpmath.floor(mpmath.log(a, 2)))
    while mpmath.ldexp(1, e) > a:
        e -= 1
    while mpmath.ldexp(1, e + 1) <= a:
        e += 1
    q = -149 if e < -126 else e - 23  # the quantum: a = m * 2^q
    m = a / mpmath.ldexp(1, q)
    n = int(mpmath.floor(m))
    frac = m - n
    if frac > 0.5 or (frac == 0.5 and n % 2 == 1):
        n += 1
    if n == 0:
        return sign
    if n >= 1 << 24:  # rounded up to the next binade
        n >>= 1
        q += 1
    if q == -149 and n < (1 << 23):
        return sign | n  # subnormal
    biased = q + 23 + 127
    if biased >= 255:
        return sign | 0x7F800000
    return sign | (biased << 23) | (n - (1 << 23))


for line in sys.stdin:
    if not line.strip():
        continue
    fn, hx = line.split()[:2]
    x = f32(int(hx, 16))
    res = []
    for prec in (400, 800):
        mp.prec = prec
        v = value(fn, x)
        res.append(None if v is None or v == 0 else
                   (round_f32(v), mpmath.nstr(v, 40, min_fixed=0, max_fixed=0)))
    if res[0] is None:
        continue
    assert res[0][0] == res[1][0], (fn, hx)
    print(fn, '%08x' % int(hx, 16), '%08x' % res[0][0], res[1][1])
