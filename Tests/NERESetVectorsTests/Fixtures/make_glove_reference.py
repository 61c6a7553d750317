#!/usr/bin/env python3
"""Reference numbers for the Swift GloVe code, in float64 with NumPy.

Writes, next to this script:
  glove-cooccurrence.json  the corpus and its co-occurrence entries for two window sizes
  glove-adagrad.json       initial parameters, per-epoch loss and final parameters of a few
                           epochs of sequential AdaGrad over the entries in sorted order

The rules follow Stanford's cooccur.c and glove.c (the reference implementation):
  * each token looks back over the `window` previous tokens of its own document; the pair at
    distance d adds 1/d to X[a][b] and to X[b][a] (so a token next to itself adds 2/d to X[a][a]);
  * the loss of an epoch is the mean of 1/2 f(X) r^2 over the entries, each term taken just before
    that entry's update, with r = w_i . c_j + b_i + bc_j - log X_ij and f(x) = min(1, (x/x_max)^alpha);
  * AdaGrad as glove.c writes it: with g = eta f r, a parameter moves by g * (its partner) / sqrt(G)
    and then G grows by the square of that step numerator; G starts at 1.

Run it from anywhere: python3 make_glove_reference.py
"""
import json
import math
import os

import numpy as np

VOCABULARY_SIZE = 40  # ids 38 and 39 never occur: their rows must stay empty
SEED = 20240611
DIMENSIONS = 8
EPOCHS = 3
LEARNING_RATE = 0.05
X_MAX = 10.0  # below the default 100 so that a few repeated pairs reach the cap
ALPHA = 0.75
WINDOW = 10
SHORT_WINDOW = 3

# Short documents of token ids. Some themes recur (0-5, 10-15, 20-25) so that pairs repeat
# across documents; one alternating document pushes X[0][1] above X_MAX; one document is
# longer than the window; the empty and one-token documents add nothing.
DOCUMENTS = [
    [0, 1, 2, 3],
    [0, 1, 4],
    [1, 2, 5, 0],
    [0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1],
    [3, 4, 5],
    [2, 2, 2],
    [10, 11, 12, 13],
    [10, 12, 14, 15],
    [11, 13, 15, 10, 11],
    [12, 12, 13],
    [20, 21, 22, 23, 24, 25],
    [21, 23, 25],
    [20, 22, 24, 20],
    [],
    [7],
    [30, 31, 32, 33, 34, 35, 36, 37, 6, 7, 8, 9, 16, 17, 18],
    [6, 7, 8],
    [8, 9, 16],
    [16, 17, 18, 19],
    [26, 27, 28, 29],
    [26, 27],
    [27, 28, 26],
    [0, 10, 20, 30],
    [1, 11, 21, 31],
    [5, 15, 25, 35],
    [3, 2, 1, 0],
    [13, 12, 11, 10],
    [24, 23, 22],
    [33, 34, 33, 34],
    [4, 14, 24, 34, 4, 14],
    [19, 29, 9, 36, 37],
]


def cooccurrence(documents, window):
    counts = {}
    for document in documents:
        for k, b in enumerate(document):
            for d in range(1, min(window, k) + 1):
                a = document[k - d]
                counts[(a, b)] = counts.get((a, b), 0.0) + 1.0 / d
                counts[(b, a)] = counts.get((b, a), 0.0) + 1.0 / d
    return [[i, j, counts[(i, j)]] for (i, j) in sorted(counts)]


def train(entries, word, context, word_bias, context_bias):
    """Sequential AdaGrad over `entries` in the given order; returns the loss of each epoch."""
    word_squares = np.ones_like(word)
    context_squares = np.ones_like(context)
    word_bias_squares = np.ones_like(word_bias)
    context_bias_squares = np.ones_like(context_bias)
    losses = []
    for _ in range(EPOCHS):
        total = 0.0
        for i, j, x in entries:
            residual = word[i] @ context[j] + word_bias[i] + context_bias[j] - math.log(x)
            weighted = residual if x > X_MAX else (x / X_MAX) ** ALPHA * residual
            total += 0.5 * weighted * residual
            step = LEARNING_RATE * weighted
            word_gradient = step * context[j]
            context_gradient = step * word[i]
            word[i] -= word_gradient / np.sqrt(word_squares[i])
            context[j] -= context_gradient / np.sqrt(context_squares[j])
            word_squares[i] += word_gradient**2
            context_squares[j] += context_gradient**2
            word_bias[i] -= step / math.sqrt(word_bias_squares[i])
            context_bias[j] -= step / math.sqrt(context_bias_squares[j])
            word_bias_squares[i] += step * step
            context_bias_squares[j] += step * step
        losses.append(float(total / len(entries)))
    return losses


def float32_uniform(rng, shape):
    """Uniform in [-0.5, 0.5)/DIMENSIONS like glove.c, rounded to float32 so that Swift starts
    from exactly the same numbers."""
    values = (rng.random(shape) - 0.5) / DIMENSIONS
    return values.astype(np.float32).astype(np.float64)


def flat(array):
    return [float(v) for v in array.reshape(-1)]


def write(path, document):
    """One top-level member per line: small diffs when the reference changes, small files."""
    lines = [f" {json.dumps(key)}: {json.dumps(value, separators=(',', ':'))}" for key, value in document.items()]
    with open(path, "w") as out:
        out.write("{\n" + ",\n".join(lines) + "\n}\n")


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    entries = cooccurrence(DOCUMENTS, WINDOW)
    short_entries = cooccurrence(DOCUMENTS, SHORT_WINDOW)

    rng = np.random.default_rng(SEED)
    word = float32_uniform(rng, (VOCABULARY_SIZE, DIMENSIONS))
    context = float32_uniform(rng, (VOCABULARY_SIZE, DIMENSIONS))
    word_bias = float32_uniform(rng, VOCABULARY_SIZE)
    context_bias = float32_uniform(rng, VOCABULARY_SIZE)
    initial = {
        "word": flat(word),
        "context": flat(context),
        "word_bias": flat(word_bias),
        "context_bias": flat(context_bias),
    }
    losses = train(entries, word, context, word_bias, context_bias)
    final = {
        "word": flat(word),
        "context": flat(context),
        "word_bias": flat(word_bias),
        "context_bias": flat(context_bias),
    }

    write(os.path.join(here, "glove-cooccurrence.json"), {
        "generator": "make_glove_reference.py",
        "vocabulary_size": VOCABULARY_SIZE,
        "documents": DOCUMENTS,
        "counts": [
            {"window": WINDOW, "entries": entries},
            {"window": SHORT_WINDOW, "entries": short_entries},
        ],
    })
    write(os.path.join(here, "glove-adagrad.json"), {
        "generator": "make_glove_reference.py",
        "numpy_seed": SEED,
        "vocabulary_size": VOCABULARY_SIZE,
        "dimensions": DIMENSIONS,
        "epochs": EPOCHS,
        "learning_rate": LEARNING_RATE,
        "x_max": X_MAX,
        "alpha": ALPHA,
        "window": WINDOW,
        "entries": entries,
        "initial": initial,
        "losses": losses,
        "final": final,
    })
    print(f"{len(entries)} entries (window {WINDOW}), {len(short_entries)} (window {SHORT_WINDOW}), "
          f"max X {max(x for _, _, x in entries):.3f}, losses {losses}")


if __name__ == "__main__":
    main()
