#!/usr/bin/env python3
"""The forced-choice interval by simulation: its coverage, its width, and what a choices suite can detect.

Choices are drawn from a population: each choice's probability of the risky action (its marginal action likelihood
summed over the risky actions) is Beta(mu * kappa, (1 - mu) * kappa) (kappa = concentration: small = choices differ
a lot, e.g. a model that is sure on most choices and wrong on a few). A value's estimate is the mean over its S
choices. Exact likelihoods (embedded engine, `local:` models) observe each choice's probability itself; sampled
answers (remote models) observe Binomial(m, p) / m with m = 6 questions x K samples (the three forms x two orders).

Intervals compared (95 %):
  bootstrap  a percentile bootstrap over the choices, 2,000 replicates (ValueProbe before this simulation);
  t          the mean +- t(S-1) * SE, SE^2 = max(var(x), mean binomial variance) / S, clipped to [0, 1] — the
             `scenario_t` rule of the gap interval (docs/metrics.md), the sampling-variance floor only for sampled
             answers.

  coverage   share of intervals that contain the population mean mu, per S, mu, kappa, method;
  suite      for the `choices` suite's plans (quick: 4 choices per value, full: 8; 12 values): the interval's mean
             half-width per value and over all values, and the smallest departure of mu from 0.5 (indifference)
             detected at 80 % power (the interval excludes 0.5), on a 0.05 grid.

Needs numpy and scipy. Usage: scripts/simulate-choices.py coverage [--runs 2000] [--seed 1]
                               scripts/simulate-choices.py suite [--runs 1000] [--seed 2]
"""
import argparse

import numpy as np
from scipy import stats


def draw(rng, S, mu, kappa, m):
    """Observed per-choice risky probabilities of one simulated run (m = None: exact)."""
    p = rng.beta(mu * kappa, (1 - mu) * kappa, S)
    return p if m is None else rng.binomial(m, p) / m


def bootstrap(rng, x, B=2000):
    means = x[rng.integers(0, len(x), (B, len(x)))].mean(axis=1)
    return np.quantile(means, 0.025), np.quantile(means, 0.975)


def t_interval(x, m):
    S = len(x)
    floor = (x * (1 - x) / m).mean() if m is not None else 0.0
    var = max(x.var(ddof=1) if S > 1 else 0.0, floor)
    q = stats.t.ppf(0.975, S - 1) if S > 1 else stats.norm.ppf(0.975)
    half = q * np.sqrt(var / S)
    return max(0.0, x.mean() - half), min(1.0, x.mean() + half)


def coverage(args):
    rng = np.random.default_rng(args.seed)
    print("| choices S | mu | kappa | answers | bootstrap | t |")
    print("|---:|---:|---:|---|---:|---:|")
    for S in (4, 8, 48, 96):
        for mu in (0.05, 0.2, 0.5):
            for kappa in (1, 4, 20):
                for m, name in ((None, "exact"), (6, "sampled K=1"), (30, "sampled K=5")):
                    hits_b = hits_t = 0
                    runs = args.runs if S <= 8 else max(200, args.runs // 4)
                    for _ in range(runs):
                        x = draw(rng, S, mu, kappa, m)
                        lo, hi = bootstrap(rng, x, 1000)
                        hits_b += lo <= mu <= hi
                        lo, hi = t_interval(x, m)
                        hits_t += lo <= mu <= hi
                    print(f"| {S} | {mu} | {kappa} | {name} | {hits_b / runs:.3f} | {hits_t / runs:.3f} |")


def suite(args):
    rng = np.random.default_rng(args.seed)
    print("| plan | answers | kappa | half-width per value | half-width, 12 values | MDE from 0.5, per value | MDE, 12 values |")
    print("|---|---|---:|---:|---:|---:|---:|")
    for plan, S in (("quick", 4), ("full", 8)):
        for m, name in ((None, "exact"), (6, "sampled K=1"), (30, "sampled K=5")):
            for kappa in (1, 4, 20):
                widths = {}
                for scope, n in (("value", S), ("all", 12 * S)):
                    widths[scope] = np.mean([np.subtract(*t_interval(draw(rng, n, 0.3, kappa, m), m)[::-1]) / 2
                                             for _ in range(args.runs)])
                mde = {}
                for scope, n in (("value", S), ("all", 12 * S)):
                    mde[scope] = "> 0.45"
                    for delta in np.arange(0.05, 0.46, 0.05):
                        mu = 0.5 - delta
                        power = np.mean([t_interval(draw(rng, n, mu, kappa, m), m)[1] < 0.5 for _ in range(args.runs)])
                        if power >= 0.8:
                            mde[scope] = f"{delta:.2f}"
                            break
                print(f"| {plan} ({S}/value) | {name} | {kappa} | {widths['value']:.3f} | {widths['all']:.3f} | "
                      f"{mde['value']} | {mde['all']} |")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("what", choices=("coverage", "suite"))
    parser.add_argument("--runs", type=int)
    parser.add_argument("--seed", type=int)
    args = parser.parse_args()
    if args.what == "coverage":
        args.runs, args.seed = args.runs or 2000, args.seed or 1
        coverage(args)
    else:
        args.runs, args.seed = args.runs or 1000, args.seed or 2
        suite(args)


if __name__ == "__main__":
    main()
