#!/usr/bin/env python3
"""The reference GloVe epoch for `nere bench vectors`: a NumPy implementation of the same
AdaGrad update as `glove.c` (and NERE's `GloVeKernel`), timed on the co-occurrence entries and
initial parameters that the benchmark wrote.

Usage: glove_reference_epoch.py HEADER.json

HEADER.json describes the raw little-endian arrays in the file it names ("data"), in this order:
word int32[n], context int32[n], count float64[n], W float32[V*d], W~ float32[V*d], b float32[V],
b~ float32[V]; and the hyperparameters (dimensions, learning_rate, x_max, alpha, epochs, seed).
Prints one JSON object on stdout: seconds and loss of every epoch.

Semantics: exactly sequential AdaGrad, as in single-threaded glove.c, over a random order of
the entries. An entry (i, j) reads and writes only row i of W, b and their accumulators and
row j of W~, b~ and theirs. Colouring entry (i, j) with (p(i) + q(j)) mod V, for random
permutations p and q of the vocabulary, puts entries that share a word or share a context in
different colours, so every colour is a set of entries with pairwise disjoint rows: updating
its entries one after another or all at once in NumPy gives the same numbers. An epoch visits
the V colours in random order, i.e. it is sequential AdaGrad over one permutation of the
entries (drawn from a restricted family: the entries of one colour are contiguous). There is no
stale read as in Hogwild or in mini-batches with summed updates. The work per entry is the same
as glove.c's (one dot product, four AdaGrad row updates of d floats, two bias updates); NumPy
runs it in float32 like the Swift kernel, with log X and f(X) computed once before timing.
"""

import json
import sys
import time
from pathlib import Path

import numpy as np


def load(header_path):
    header = json.loads(Path(header_path).read_text())
    n, v, d = header["entries"], header["vocabulary_size"], header["dimensions"]
    data = Path(header_path).parent / header["data"]
    with open(data, "rb") as f:
        def read(dtype, count):
            return np.fromfile(f, dtype=np.dtype(dtype).newbyteorder("<"), count=count)
        word, context, count = read(np.int32, n), read(np.int32, n), read(np.float64, n)
        W = read(np.float32, v * d).reshape(v, d)
        C = read(np.float32, v * d).reshape(v, d)
        bw, bc = read(np.float32, v), read(np.float32, v)
    return header, word, context, count, W, C, bw, bc


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: glove_reference_epoch.py HEADER.json")
    header, word, context, count, W, C, bw, bc = load(sys.argv[1])
    v = header["vocabulary_size"]
    lr = np.float32(header["learning_rate"])
    log_x = np.log(count).astype(np.float32)
    weight = np.minimum(1.0, (count / header["x_max"]) ** header["alpha"]).astype(np.float32)
    GW, GC = np.ones_like(W), np.ones_like(C)
    Gbw, Gbc = np.ones_like(bw), np.ones_like(bc)
    rng = np.random.default_rng(header["seed"])

    seconds, losses = [], []
    for _ in range(header["epochs"]):
        started = time.perf_counter()
        colour = (rng.permutation(v)[word] + rng.permutation(v)[context]) % v
        order = np.argsort(colour, kind="stable")
        bounds = np.concatenate(([0], np.cumsum(np.bincount(colour, minlength=v))))
        loss = 0.0
        for c in rng.permutation(v):
            picked = order[bounds[c]:bounds[c + 1]]
            if picked.size == 0:
                continue
            i, j = word[picked], context[picked]
            wi, cj = W[i], C[j]
            residual = np.einsum("kd,kd->k", wi, cj) + bw[i] + bc[j] - log_x[picked]
            weighted = weight[picked] * residual
            loss += 0.5 * float(np.dot(weighted.astype(np.float64), residual))
            step = lr * weighted
            gw, gc = step[:, None] * cj, step[:, None] * wi
            W[i] = wi - gw / np.sqrt(GW[i])
            C[j] = cj - gc / np.sqrt(GC[j])
            GW[i] += gw * gw
            GC[j] += gc * gc
            bw[i] -= step / np.sqrt(Gbw[i])
            bc[j] -= step / np.sqrt(Gbc[j])
            Gbw[i] += step * step
            Gbc[j] += step * step
        seconds.append(time.perf_counter() - started)
        losses.append(loss / max(len(word), 1))

    json.dump({"seconds_per_epoch": seconds, "losses": losses, "colours_per_epoch": v,
               "numpy": np.__version__, "python": sys.version.split()[0]}, sys.stdout)
    print()


if __name__ == "__main__":
    main()
