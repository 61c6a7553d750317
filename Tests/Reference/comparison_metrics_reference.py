#!/usr/bin/env python3
"""Reference figures for ComparisonScorer (issue 7, item 4): a random log of predictions
and the metrics NumPy computes from it, written independently of the Swift code so that
the two can only agree by both being right.

Regenerate (Python 3 + NumPy; `pip install --break-system-packages numpy` if missing):

    python3 Tests/Reference/comparison_metrics_reference.py \
        > Tests/NEREEvaluationTests/Fixtures/comparison_metrics.json

The seed is fixed, so the fixture only changes when this script does.

Definitions (DESIGN §8, section 5 for confidence):
- recall@K: share of predictions whose ranking holds the studied set in its first K.
- MRR: mean of 1/rank (1-based), 0 when the studied set is not in the ranking.
- R²: 1 − SSE/SST over the predictions that carry a predicted and a target vector, SST
  around each dimension's mean of the targets in that group; null without such predictions.
- coverage@K: distinct sets in the first K of any ranking of the group / catalog size.
- calibration: 10 equal-width bins over [0, 1] (confidence 1.0 in the last), each with its
  mean confidence and hit rate (the studied set anywhere in the ranking); empty bins left out;
  expected calibration error = Σ count/n · |mean confidence − hit rate|.
Groups: history lengths 0–5 one by one, and overall = lengths 1–5 together.
"""
import json
import sys

import numpy as np

SEED = 20260607
PREDICTIONS = 400
CATALOG_SIZE = 3000
MAX_DEPTH = 100
WIDTH = 8
BINS = 10


def generate(rng):
    # Popular sets come up more often, so coverage stays well below the whole catalog.
    popularity = 1.0 / np.arange(1, CATALOG_SIZE + 1) ** 1.1
    popularity /= popularity.sum()
    log = []
    for _ in range(PREDICTIONS):
        length = int(rng.integers(0, 6))
        depth = int(rng.choice([0, 1, 5, 10, 37, 100, int(rng.integers(1, MAX_DEPTH + 1))]))
        ranking = rng.choice(CATALOG_SIZE, size=depth, replace=False, p=popularity).tolist()
        if ranking and rng.random() < 0.6:
            studied = ranking[int(rng.integers(0, depth))]
        else:
            studied = int(rng.choice(CATALOG_SIZE, p=popularity))
        confidence = float(rng.choice([0.0, 0.5, 1.0])) if rng.random() < 0.05 else float(rng.random())
        entry = {"history_length": length, "ranking": ranking, "studied": studied, "confidence": confidence}
        # Cold starts (length 0) predict no vector, so that group's R² must come out null.
        if length > 0 and rng.random() < 0.7:
            target = rng.normal(size=WIDTH).astype(np.float32)
            predicted = (0.8 * target + rng.normal(scale=0.5, size=WIDTH)).astype(np.float32)
            entry["predicted"] = [float(x) for x in predicted]
            entry["target"] = [float(x) for x in target]
        log.append(entry)
    return log


def row(entries, length):
    n = len(entries)
    ranks = np.array([e["ranking"].index(e["studied"]) + 1 if e["studied"] in e["ranking"] else np.inf
                      for e in entries], dtype=float)
    result = {"history_length": length, "predictions": n}
    for k in (1, 10, 100):
        result[f"recall@{k}"] = float(np.mean(ranks <= k)) if n else 0.0
    result["mrr"] = float(np.mean(1.0 / ranks)) if n else 0.0

    with_vectors = [e for e in entries if "target" in e]
    if with_vectors:
        y = np.array([e["target"] for e in with_vectors], dtype=np.float64)
        p = np.array([e["predicted"] for e in with_vectors], dtype=np.float64)
        sse = np.sum((p - y) ** 2)
        sst = np.sum((y - y.mean(axis=0)) ** 2)
        result["r_squared"] = float(1 - sse / sst)
    else:
        result["r_squared"] = None

    for k in (10, 100):
        shown = set()
        for e in entries:
            shown.update(e["ranking"][:k])
        result[f"coverage@{k}"] = len(shown) / CATALOG_SIZE

    confidence = np.array([e["confidence"] for e in entries], dtype=float)
    hit = np.isfinite(ranks)
    edges = np.linspace(0.0, 1.0, BINS + 1)
    # Interior edges only: 1.0 counts as the last bin, [0.9, 1.0].
    bin_of = np.digitize(confidence, edges[1:-1])
    bins, error = [], 0.0
    for b in range(BINS):
        members = bin_of == b
        count = int(members.sum())
        if count == 0:
            continue
        mean_confidence = float(confidence[members].mean())
        hit_rate = float(hit[members].mean())
        bins.append({"lower": float(edges[b]), "upper": float(edges[b + 1]), "predictions": count,
                     "mean_confidence": mean_confidence, "hit_rate": hit_rate})
        error += count / n * abs(mean_confidence - hit_rate)
    result["calibration"] = bins
    result["expected_calibration_error"] = error if n else None
    return result


def main():
    log = generate(np.random.default_rng(SEED))
    by_length = [row([e for e in log if e["history_length"] == h], h) for h in range(6)]
    overall = row([e for e in log if e["history_length"] >= 1], None)
    json.dump({"seed": SEED, "catalog_size": CATALOG_SIZE, "predictions": log,
               "expected": {"by_history_length": by_length, "overall": overall}},
              sys.stdout, separators=(",", ":"))
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
