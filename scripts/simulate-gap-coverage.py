#!/usr/bin/env python3
"""Coverage of ValueProbe's gap intervals by simulation (the figures in docs/metrics.md).

Scenarios are drawn from a population: each scenario's explicit and implicit recognition probabilities are
Beta(mu * kappa, (1 - mu) * kappa) around mu_E = 0.8 and mu_I = 0.4 (kappa = concentration: small = scenarios differ
a lot), each item is answered n times, and the truth is the population gap mu_E - mu_I. For each setting, R runs are
simulated and the share of 95 % intervals that contain the truth is printed, for:

  scenario_t   ValueProbe's interval: mean of scenario differences d_s, SE^2 = max(var(d), mean v_s) / S,
               t quantile with S - 1 degrees of freedom (S = 1: normal quantile, sampling noise only);
  cluster_pb   the previous estimator: percentile bootstrap over scenarios only;
  two_stage    percentile bootstrap over scenarios, then over samples within each item.

Needs numpy and scipy. Usage: scripts/simulate-gap-coverage.py [--runs 2000] [--seed 1]
"""
import argparse

import numpy as np
from scipy import stats


def simulate(rng, S, n, kappa, runs, boot=500, mu_e=0.8, mu_i=0.4):
    truth = mu_e - mu_i
    hits = {"scenario_t": 0, "cluster_pb": 0, "two_stage": 0}
    widths = []
    for _ in range(runs):
        p_e = rng.beta(mu_e * kappa, (1 - mu_e) * kappa, S)
        p_i = rng.beta(mu_i * kappa, (1 - mu_i) * kappa, S)
        x_e = rng.binomial(n, p_e) / n
        x_i = rng.binomial(n, p_i) / n
        d = x_e - x_i
        est = d.mean()
        v = (x_e * (1 - x_e) + x_i * (1 - x_i)) / n
        if S > 1:
            se = np.sqrt(max(d.var(ddof=1), v.mean()) / S)
            q = stats.t.ppf(0.975, S - 1)
        else:
            se = np.sqrt(v.mean())
            q = stats.norm.ppf(0.975)
        lo, hi = max(-1, est - q * se), min(1, est + q * se)
        hits["scenario_t"] += lo <= truth <= hi
        widths.append(hi - lo)
        idx = rng.integers(0, S, (boot, S))
        lo, hi = np.quantile(d[idx].mean(1), [0.025, 0.975])
        hits["cluster_pb"] += lo <= truth <= hi
        b = (rng.binomial(n, x_e[idx]) - rng.binomial(n, x_i[idx])) / n
        lo, hi = np.quantile(b.mean(1), [0.025, 0.975])
        hits["two_stage"] += lo <= truth <= hi
    return {k: v / runs for k, v in hits.items()}, float(np.mean(widths))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = np.random.default_rng(args.seed)
    print("| scenarios S | samples n | kappa | scenario_t (ValueProbe) | mean width | cluster bootstrap | two-stage bootstrap |")
    print("|---:|---:|---:|---:|---:|---:|---:|")
    for kappa in (2, 4, 20):
        for S in (3, 8, 24):
            for n in (3, 10):
                cov, width = simulate(rng, S, n, kappa, args.runs)
                print(f"| {S} | {n} | {kappa} | {cov['scenario_t']:.3f} | {width:.2f} | {cov['cluster_pb']:.3f} | {cov['two_stage']:.3f} |")


if __name__ == "__main__":
    main()
