#!/usr/bin/env python3
"""ValueProbe's gap interval by simulation: its coverage, and the smallest gap a design can detect (docs/metrics.md).

Scenarios are drawn from a population: each scenario's explicit and implicit recognition probabilities are
Beta(mu * kappa, (1 - mu) * kappa) (kappa = concentration: small = scenarios differ a lot), each item is answered n
times. ValueProbe's interval (`scenario_t`): the mean of the scenario differences d_s, SE^2 = max(var(d), mean v_s) / S
with v_s the binomial variance of d_s, a t quantile with S - 1 degrees of freedom (S = 1: normal, sampling noise only).

  coverage  share of 95 % intervals that contain the population gap 0.8 - 0.4, beside a percentile bootstrap over
            scenarios only (the previous estimator) and a two-stage bootstrap (scenarios, then samples);
  power     minimum detectable gap (MDE) at 80 % power around an implicit rate of 0.3, on a 0.05 grid;
  suites    the same MDE for the plans of the built-in suites (docs/suite-format.md, "Power of the built-in suites").

Needs numpy and scipy. Usage: scripts/simulate-gap.py coverage [--runs 1000] [--seed 1]
                               scripts/simulate-gap.py power [--runs 500] [--seed 3]
                               scripts/simulate-gap.py suites [--runs 500] [--seed 5]
"""
import argparse

import numpy as np
from scipy import stats


def draw(rng, S, n, mu_e, mu_i, kappa):
    """One simulated run: the observed explicit and implicit rates of S scenarios."""
    p_e = rng.beta(mu_e * kappa, (1 - mu_e) * kappa, S)
    p_i = rng.beta(mu_i * kappa, (1 - mu_i) * kappa, S)
    return rng.binomial(n, p_e) / n, rng.binomial(n, p_i) / n


def scenario_t(x_e, x_i, n):
    """ValueProbe's interval: (estimate, lower, upper), clipped to [-1, 1]."""
    S = len(x_e)
    d = x_e - x_i
    v = (x_e * (1 - x_e) + x_i * (1 - x_i)) / n
    se = np.sqrt(max(d.var(ddof=1) if S > 1 else 0, v.mean()) / S)
    q = stats.t.ppf(0.975, S - 1) if S > 1 else stats.norm.ppf(0.975)
    return d.mean(), max(-1, d.mean() - q * se), min(1, d.mean() + q * se)


def coverage(rng, S, n, kappa, runs, boot=500, mu_e=0.8, mu_i=0.4):
    truth = mu_e - mu_i
    hits = {"scenario_t": 0, "cluster_pb": 0, "two_stage": 0}
    widths = []
    for _ in range(runs):
        x_e, x_i = draw(rng, S, n, mu_e, mu_i, kappa)
        _, lo, hi = scenario_t(x_e, x_i, n)
        hits["scenario_t"] += lo <= truth <= hi
        widths.append(hi - lo)
        idx = rng.integers(0, S, (boot, S))
        lo, hi = np.quantile((x_e - x_i)[idx].mean(1), [0.025, 0.975])
        hits["cluster_pb"] += lo <= truth <= hi
        b = (rng.binomial(n, x_e[idx]) - rng.binomial(n, x_i[idx])) / n
        lo, hi = np.quantile(b.mean(1), [0.025, 0.975])
        hits["two_stage"] += lo <= truth <= hi
    return {k: v / runs for k, v in hits.items()}, float(np.mean(widths))


def power(rng, S, n, gap, kappa, runs, mu_i=0.3):
    mu_e = min(0.99, mu_i + gap)
    return sum(scenario_t(*draw(rng, S, n, mu_e, mu_i, kappa), n)[1] > 0 for _ in range(runs)) / runs


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("what", choices=["coverage", "power", "suites"])
    parser.add_argument("--runs", type=int)
    parser.add_argument("--seed", type=int)
    args = parser.parse_args()
    if args.what == "coverage":
        rng = np.random.default_rng(1 if args.seed is None else args.seed)
        runs = args.runs or 1000
        print("| scenarios S | samples n | kappa | scenario_t (ValueProbe) | mean width | cluster bootstrap | two-stage bootstrap |")
        print("|---:|---:|---:|---:|---:|---:|---:|")
        for kappa in (2, 4, 20):
            for S in (3, 8, 24):
                for n in (3, 10):
                    cov, width = coverage(rng, S, n, kappa, runs)
                    print(f"| {S} | {n} | {kappa} | {cov['scenario_t']:.3f} | {width:.2f} | {cov['cluster_pb']:.3f} | {cov['two_stage']:.3f} |")
    elif args.what == "suites":
        rng = np.random.default_rng(5 if args.seed is None else args.seed)
        runs = args.runs or 500
        plans = [("khamassi2024 quick (default run), overall", 6, 2), ("khamassi2024 full, per value", 8, 30),
                 ("khamassi2024 full, overall", 24, 30), ("values-core full, per value", 6, 20),
                 ("values-core full, overall", 72, 20)]
        print("| plan | scenarios S | answers per item n | MDE, kappa = 4 | MDE, kappa = 20 |")
        print("|---|---:|---:|---:|---:|")
        for name, S, n in plans:
            row = []
            for kappa in (4, 20):
                mde = next((g for g in np.arange(0.05, 0.70, 0.05) if power(rng, S, n, g, kappa, runs) >= 0.8), None)
                row.append(f"{mde:.2f}" if mde is not None else "> 0.65")
            print(f"| {name} | {S} | {n} | {row[0]} | {row[1]} |")
    else:
        rng = np.random.default_rng(3 if args.seed is None else args.seed)
        runs = args.runs or 500
        print("| scenarios S | samples n per item | MDE, kappa = 4 (scenarios differ) | MDE, kappa = 20 (scenarios alike) |")
        print("|---:|---:|---:|---:|")
        for S in (3, 8, 24, 72):
            for n in (3, 12, 30):
                row = []
                for kappa in (4, 20):
                    mde = next((g for g in np.arange(0.05, 0.70, 0.05) if power(rng, S, n, g, kappa, runs) >= 0.8), None)
                    row.append(f"{mde:.2f}" if mde is not None else "> 0.65")
                print(f"| {S} | {n} | {row[0]} | {row[1]} |")


if __name__ == "__main__":
    main()
