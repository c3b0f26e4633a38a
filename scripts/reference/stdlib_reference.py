#!/usr/bin/env python3
"""High-precision reference values for every ramp stdlib activation and its first derivative.

Writes stdlib/src/test/resources/dev/ramp/stdlib/reference.csv, which ReferenceValuesTest and
HandwrittenReferenceTest check ramp and the handwritten kernels against.

Reproduce (from the repository root; the output is deterministic, byte for byte):

    python3 scripts/reference/stdlib_reference.py

Needs Python 3.9+ and mpmath (1.3 was used): `pip install mpmath==1.3.0`, or on Debian/Ubuntu
`apt-get install python3-mpmath`. `--check` regenerates into memory and fails if the checked-in
file differs.

Independence: every function below is written from /work/shared/activations.md (the formulas,
PyTorch defaults and PyTorch kink values), NOT from ramp's .ramp bodies, and evaluated in mpmath
at 80 significant digits (each row is recomputed at 1100 digits
and must agree to 40, so no cancellation goes unnoticed). Inputs and parameters are doubles, taken at their exact binary values,
so each row is the true function of the double inputs; only the final print rounds (to 25
significant digits, enough to round correctly to double). Derivatives are closed forms from
activations.md; at every smooth point the script cross-checks them against mpmath.diff (numeric
differentiation at 80 digits) and refuses to write the file if they disagree. At kinks the
derivative column holds PyTorch's backward value (the piecewise conditions below are PyTorch's:
e.g. relu' is 1[x > 0], hardtanh' is 0 for x <= min or x >= max).
"""

import argparse
import math
import os
import sys
from dataclasses import dataclass, field
from typing import Callable, Dict, List

import mpmath as mp
from mpmath import mpf

WORK_DPS = 80  # working precision for the table
CHECK_DPS = 1100  # every row is recomputed at this precision and must agree (catches cancellation)
mp.mp.dps = WORK_DPS

INF = mp.inf
NAN = mp.nan


def sigma(z):
    """Logistic 1/(1+e^-z), exact in mpmath for any z."""
    return 1 / (1 + mp.exp(-z))


def sp(z):
    """Softplus ln(1+e^z): log1p keeps precision where e^z is tiny."""
    return mp.log1p(mp.exp(z))


def one_plus_tanh(u):
    """1 + tanh(u) = 2 sigma(2u): the same number, but without the total cancellation of
    1 + tanh(u) for u << 0 (gelu_tanh at x = -1000 has u near -3.6e7)."""
    return 2 * sigma(2 * u)


def log1m_exp_neg(x):
    """ln(1 - e^-x) for x > 0: log1p keeps e^-x when it is far below 10^-dps."""
    return mp.log1p(-mp.exp(-x))


def ncdf(z):
    """Standard normal CDF Phi(z)."""
    return mp.ncdf(z)


def npdf(z):
    """Standard normal density phi(z)."""
    return mp.npdf(z)


# SELU constants to full precision (activations.md 1a #8).
SELU_ALPHA = mpf("1.6732632423543772848170429916717")
SELU_SCALE = mpf("1.0507009873554804934193349852946")
# GELU tanh approximation (activations.md 1a #10): exact decimal kappa and exact sqrt(2/pi).
KAPPA = mpf("0.044715")


def gelu_tanh_u(x):
    return mp.sqrt(2 / mp.pi) * (x + KAPPA * x ** 3)
# quick_gelu's slope (activations.md 1c), the exact decimal.
QG = mpf("1.702")


@dataclass
class Fn:
    name: str
    f: Callable  # f(x, p) with p a dict of mpf parameters
    df: Callable  # df/dx, PyTorch's value at kinks
    params: Dict[str, float] = field(default_factory=dict)  # defaults, as doubles
    variants: List[Dict[str, float]] = field(default_factory=list)  # non-default settings
    kinks: Callable = lambda p: []  # points where f or f' is not smooth (or a branch switch)
    smooth: bool = False  # True if f is analytic at every finite point (no kinks at all)


def where(c, a, b):
    return a if c else b


FUNCTIONS = [
    # --- rectifiers (1a #1-#5, 1c) ---
    Fn("relu", lambda x, p: max(mpf(0), x), lambda x, p: where(x > 0, 1, 0), kinks=lambda p: [0]),
    Fn("relu6", lambda x, p: min(max(mpf(0), x), 6),
       lambda x, p: where(0 < x < 6, 1, 0), kinks=lambda p: [0, 6]),
    Fn("leaky_relu", lambda x, p: where(x > 0, x, p["negative_slope"] * x),
       lambda x, p: where(x > 0, 1, p["negative_slope"]),
       params={"negative_slope": 0.01}, variants=[{"negative_slope": 0.2}], kinks=lambda p: [0]),
    Fn("prelu", lambda x, p: max(mpf(0), x) + p["a"] * min(mpf(0), x),
       lambda x, p: where(x > 0, 1, p["a"]),
       params={"a": 0.25}, variants=[{"a": 0.1}], kinks=lambda p: [0]),
    Fn("rrelu", lambda x, p: where(x >= 0, x, (p["lower"] + p["upper"]) / 2 * x),
       lambda x, p: where(x > 0, 1, (p["lower"] + p["upper"]) / 2),
       params={"lower": 0.125, "upper": 1 / 3}, variants=[{"lower": 0.1, "upper": 0.3}],
       kinks=lambda p: [0]),
    # Shifted ReLU max(-a, x); PyTorch Threshold(-a, -a) rule: 0 at x = -a.
    Fn("srelu", lambda x, p: max(-p["a"], x), lambda x, p: where(x > -p["a"], 1, 0),
       params={"a": 1.0}, variants=[{"a": 0.5}], kinks=lambda p: [-p["a"]]),
    Fn("threshold", lambda x, p: where(x > p["threshold"], x, p["value"]),
       lambda x, p: where(x > p["threshold"], 1, 0),
       params={"threshold": 0.0, "value": 0.0}, variants=[{"threshold": 0.5, "value": -1.0}],
       kinks=lambda p: [p["threshold"]]),
    # Heaviside: its derivative is 0 wherever it exists; ramp defines H' = 0 everywhere (1c).
    Fn("heaviside", lambda x, p: mpf(1) if x > 0 else (mpf(0) if x < 0 else p["value_at_zero"]),
       lambda x, p: 0, params={"value_at_zero": 0.5}, variants=[{"value_at_zero": 1.0}],
       kinks=lambda p: [0]),
    # --- exponential family (1a #6-#8, #26, #30) ---
    Fn("elu", lambda x, p: where(x > 0, x, p["alpha"] * mp.expm1(x)),
       lambda x, p: where(x > 0, 1, p["alpha"] * mp.exp(x)),
       params={"alpha": 1.0}, variants=[{"alpha": 0.5}], kinks=lambda p: [0]),
    Fn("celu", lambda x, p: max(mpf(0), x) + min(mpf(0), p["alpha"] * mp.expm1(x / p["alpha"])),
       lambda x, p: where(x > 0, 1, mp.exp(x / p["alpha"])),
       params={"alpha": 1.0}, variants=[{"alpha": 2.0}, {"alpha": 0.5}], kinks=lambda p: [0]),
    Fn("selu", lambda x, p: SELU_SCALE * where(x > 0, x, SELU_ALPHA * mp.expm1(x)),
       lambda x, p: where(x > 0, SELU_SCALE, SELU_SCALE * SELU_ALPHA * mp.exp(x)),
       kinks=lambda p: [0]),
    Fn("exponential", lambda x, p: mp.exp(x), lambda x, p: mp.exp(x), smooth=True),
    # ln(1 - e^-x) is real only for x > 0: -inf at 0, NaN below. f' = 1/expm1(x) (JAX).
    # ln 2 is where Maechler's formula switches branch: a point worth testing, not a kink.
    Fn("log1mexp",
       lambda x, p: log1m_exp_neg(x) if x > 0 else (-INF if x == 0 else NAN),
       lambda x, p: 1 / mp.expm1(x) if x > 0 else (INF if x == 0 else NAN),
       kinks=lambda p: [0, math.log(2)]),
    # --- sigmoidal (1a #11-#15, #19-#21, 1c) ---
    Fn("sigmoid", lambda x, p: sigma(x), lambda x, p: sigma(x) * sigma(-x), smooth=True),
    Fn("tanh", lambda x, p: mp.tanh(x), lambda x, p: 1 / mp.cosh(x) ** 2, smooth=True),
    # PyTorch Softplus: x where beta x > threshold, else ln(1 + e^(beta x)) / beta; the backward
    # is 1 above the threshold and sigma(beta x) otherwise. The switch is a (tiny) jump.
    Fn("softplus",
       lambda x, p: where(p["beta"] * x > p["threshold"], x, sp(p["beta"] * x) / p["beta"]),
       lambda x, p: where(p["beta"] * x > p["threshold"], 1, sigma(p["beta"] * x)),
       params={"beta": 1.0, "threshold": 20.0},
       variants=[{"beta": 2.0, "threshold": 20.0}, {"beta": 0.5, "threshold": 5.0}],
       kinks=lambda p: [p["threshold"] / p["beta"]]),
    Fn("softplus_k", lambda x, p: sp(p["k"] * x) / p["k"], lambda x, p: sigma(p["k"] * x),
       params={"k": 1.0}, variants=[{"k": 2.0}, {"k": 0.25}], smooth=True),
    Fn("log_sigmoid", lambda x, p: -sp(-x), lambda x, p: sigma(-x), smooth=True),
    Fn("silu", lambda x, p: x * sigma(x), lambda x, p: sigma(x) * (1 + x * sigma(-x)), smooth=True),
    Fn("swish", lambda x, p: x * sigma(x), lambda x, p: sigma(x) * (1 + x * sigma(-x)), smooth=True),
    Fn("swish_beta", lambda x, p: x * sigma(p["beta"] * x),
       lambda x, p: sigma(p["beta"] * x) * (1 + p["beta"] * x * sigma(-p["beta"] * x)),
       params={"beta": 1.0}, variants=[{"beta": 1.5}], smooth=True),
    Fn("mish", lambda x, p: x * mp.tanh(sp(x)),
       lambda x, p: mp.tanh(sp(x)) + x * sigma(x) / mp.cosh(sp(x)) ** 2, smooth=True),
    Fn("tanhshrink", lambda x, p: x - mp.tanh(x), lambda x, p: mp.tanh(x) ** 2, smooth=True),
    # |x| makes 0 a formal kink, but f'(0) = 1 from both sides.
    Fn("softsign", lambda x, p: x / (1 + abs(x)), lambda x, p: 1 / (1 + abs(x)) ** 2,
       kinks=lambda p: [0]),
    Fn("squareplus", lambda x, p: (x + mp.sqrt(x * x + p["b"])) / 2,
       lambda x, p: (1 + x / mp.sqrt(x * x + p["b"])) / 2,
       params={"b": 4.0}, variants=[{"b": 1.0}], smooth=True),
    # --- gaussian (1a #9, #10, 1c) ---
    Fn("gelu", lambda x, p: x * ncdf(x), lambda x, p: ncdf(x) + x * npdf(x), smooth=True),
    Fn("gelu_tanh",
       lambda x, p: x / 2 * one_plus_tanh(gelu_tanh_u(x)),
       lambda x, p: one_plus_tanh(gelu_tanh_u(x)) / 2
       + x / 2 / mp.cosh(gelu_tanh_u(x)) ** 2 * mp.sqrt(2 / mp.pi) * (1 + 3 * KAPPA * x ** 2),
       smooth=True),
    Fn("quick_gelu", lambda x, p: x * sigma(QG * x),
       lambda x, p: sigma(QG * x) + QG * x * sigma(QG * x) * sigma(-QG * x), smooth=True),
    # --- hard (1a #16-#18, #23-#25, #27-#29) ---
    Fn("hardtanh", lambda x, p: min(max(x, p["min_val"]), p["max_val"]),
       lambda x, p: where(p["min_val"] < x < p["max_val"], 1, 0),
       params={"min_val": -1.0, "max_val": 1.0}, variants=[{"min_val": -2.0, "max_val": 2.0}],
       kinks=lambda p: [p["min_val"], p["max_val"]]),
    Fn("hardsigmoid", lambda x, p: where(x <= -3, mpf(0), where(x >= 3, mpf(1), x / 6 + mpf(1) / 2)),
       lambda x, p: where(-3 < x < 3, mpf(1) / 6, 0), kinks=lambda p: [-3, 3]),
    # Current PyTorch (pytorch#147801 fix) and JAX: 0 at -3, 1 at +3.
    Fn("hardswish", lambda x, p: where(x <= -3, mpf(0), where(x >= 3, x, x * (x + 3) / 6)),
       lambda x, p: where(x <= -3, 0, where(x < 3, x / 3 + mpf(1) / 2, 1)), kinks=lambda p: [-3, 3]),
    Fn("sparse_plus", lambda x, p: where(x <= -1, mpf(0), where(x >= 1, x, (x + 1) ** 2 / 4)),
       lambda x, p: where(x <= -1, 0, where(x >= 1, 1, (x + 1) / 2)), kinks=lambda p: [-1, 1]),
    # ramp's convention (hard.ramp): 0 at +-1, PyTorch style (JAX's clip ties give 1/4).
    Fn("sparse_sigmoid", lambda x, p: min(max(x + 1, mpf(0)), 2) / 2,
       lambda x, p: where(-1 < x < 1, mpf(1) / 2, 0), kinks=lambda p: [-1, 1]),
    Fn("softshrink",
       lambda x, p: where(x > p["lambd"], x - p["lambd"], where(x < -p["lambd"], x + p["lambd"], mpf(0))),
       lambda x, p: where(abs(x) > p["lambd"], 1, 0),
       params={"lambd": 0.5}, variants=[{"lambd": 1.0}], kinks=lambda p: [-p["lambd"], p["lambd"]]),
    Fn("hardshrink", lambda x, p: where(abs(x) > p["lambd"], x, mpf(0)),
       lambda x, p: where(abs(x) > p["lambd"], 1, 0),
       params={"lambd": 0.5}, variants=[{"lambd": 1.0}], kinks=lambda p: [-p["lambd"], p["lambd"]]),
    Fn("identity", lambda x, p: x, lambda x, p: 1, smooth=True),
    Fn("linear", lambda x, p: x, lambda x, p: 1, smooth=True),
]

GRID = [0.0] + [s * v for v in (1e-8, 1e-3, 0.5, 1.0, 2.0, 3.0, 6.0, 10.0, 20.0, 30.0, 100.0, 1000.0)
                for s in (1.0, -1.0)]


def near(k: float) -> List[float]:
    """k and a point about 1e-12 (relative; absolute at 0) on each side, as doubles."""
    if k == 0:
        return [0.0, -1e-12, 1e-12]
    return [k, k * (1 - 1e-12) if k > 0 else k * (1 + 1e-12), k * (1 + 1e-12) if k > 0 else k * (1 - 1e-12)]


def fmt(v) -> str:
    """25 significant digits; inf, -inf, nan spelled so; exact zero as 0."""
    v = mpf(v)
    if mp.isnan(v):
        return "nan"
    if mp.isinf(v):
        return "inf" if v > 0 else "-inf"
    if v == 0:
        return "0"
    return mp.nstr(v, 25, min_fixed=-4, max_fixed=17, strip_zeros=True)


def fmt_x(x: float) -> str:
    """Inputs and parameters as Python's shortest round-trip repr of the double."""
    return repr(float(x))


def check_derivative(fn: Fn, x: float, p, d) -> None:
    """At smooth points the closed-form derivative must match numeric differentiation."""
    if mp.isnan(d) or mp.isinf(d):
        return
    numeric = mp.diff(lambda t: fn.f(t, p), mpf(x))
    tol = mpf(10) ** -30 * max(mpf(1), abs(d))
    if abs(numeric - d) > tol:
        raise SystemExit(f"{fn.name}({p}) at {x}: closed-form derivative {d} != numeric {numeric}")


def evaluate(fn: Fn, x: float, full):
    """(f(x), f'(x)) at WORK_DPS, after checking them against a CHECK_DPS recomputation."""
    results = []
    for dps in (CHECK_DPS, WORK_DPS):
        with mp.workdps(dps):
            p = {k: mpf(v) for k, v in full.items()}
            results.append((mpf(fn.f(mpf(x), p)), mpf(fn.df(mpf(x), p))))
    (hv, hd), (v, d) = results
    for name, hi, lo in (("value", hv, v), ("derivative", hd, d)):
        same = (mp.isnan(hi) and mp.isnan(lo)) or hi == lo or abs(hi - lo) <= abs(hi) * mpf(10) ** -40
        if not same:
            raise SystemExit(f"{fn.name}({full}) at {x}: {name} differs between {WORK_DPS} and "
                             f"{CHECK_DPS} digits ({mp.nstr(lo, 30)} vs {mp.nstr(hi, 30)})")
    return v, d


def rows():
    for fn in FUNCTIONS:
        for setting in [fn.params] + fn.variants:
            full = dict(fn.params, **setting)
            p = {k: mpf(v) for k, v in full.items()}  # exact binary value of each double
            kinks = [float(k) for k in fn.kinks(p)]
            xs = sorted(set(GRID) | {y for k in kinks for y in near(k)})
            params = ";".join(f"{k}={fmt_x(v)}" for k, v in full.items())
            for x in xs:
                value, deriv = evaluate(fn, x, full)
                on_kink = x in kinks
                # Near a kink (closer than 1e-6) numeric differentiation would straddle it.
                if fn.smooth or (not on_kink and all(abs(x - k) > 1e-6 for k in kinks)):
                    check_derivative(fn, x, p, deriv)
                yield f"{fn.name},{params},{fmt_x(x)},{fmt(value)},{fmt(deriv)}"


def render() -> str:
    return "function,params,x,value,derivative\n" + "".join(r + "\n" for r in rows())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    root = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
    default_out = os.path.join(root, "stdlib/src/test/resources/dev/ramp/stdlib/reference.csv")
    ap.add_argument("--out", default=default_out)
    ap.add_argument("--check", action="store_true", help="fail if --out differs from a fresh run")
    args = ap.parse_args()
    text = render()
    if args.check:
        with open(args.out, encoding="utf-8") as fh:
            if fh.read() != text:
                sys.exit(f"{args.out} is stale: rerun scripts/reference/stdlib_reference.py")
        print(f"{args.out} is up to date")
        return
    os.makedirs(os.path.dirname(args.out), exist_ok=True)
    with open(args.out, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(text)
    print(f"wrote {text.count(chr(10)) - 1} rows to {args.out}")


if __name__ == "__main__":
    main()
