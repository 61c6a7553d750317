#!/usr/bin/env python3
"""The PyTorch reference for `nere bench model`: the NERE network's inference forward pass,
built from the Swift side's weights with idiomatic fast PyTorch in float32 on one thread, checked
against the Swift predictions and timed per batch size.

Run: `nere bench model` runs this as a subprocess; by hand:

    python3 Tests/Benchmarks/model_reference.py --weights W.safetensors --inputs I.safetensors \\
        --batches 1,64,256 --seconds 2 --out result.json

It needs `pip install torch safetensors numpy`.

Inputs
  W.safetensors  the network's tensors under their specification names (see the model spec:
                 `embedding.<feature>.weight`, `input_norm.*` with running statistics,
                 `feature_attention.*`, `step_dense.*` when present, `gru.{forward,backward}.*`,
                 `time_attention.*`, `dense.<i>.*`, `output.*`); metadata `shape` is the
                 NetworkShape JSON (vocabularySizes, embeddingWidth, continuousCount,
                 contentWidth, featureAttentionWidth, hidden, timeAttentionWidth, denseWidths,
                 outputWidth, and the optional stepDenseWidth, 0 when absent) and the optional
                 `features` a JSON array of the feature names in order. Without `features` the
                 embedding tables are taken sorted by name (numerically when every name is a
                 decimal integer, as in the fixtures). Other tensors are ignored.
  I.safetensors  `input.categorical` I32 [N,5,C], `input.continuous` F32 [N,5,K] (may be absent
                 when K = 0), `input.content` F32 [N,5,Dc], `input.lengths` I32 [N] (1...5;
                 windows left-aligned), and `expected.prediction` F32 [N,P] from the Swift side.

What is timed: for each batch size b, full inference forward passes over batches of b windows
(all 5 steps recomputed every call; up to 64 different batches cut from the N windows in turn,
wrapping around, and used in rotation), after an untimed warm-up of at least 0.3 s and 3 calls,
repeated for about --seconds. The per-call wall-clock times give the median;
us_per_window = median / b, windows_per_second = b / median.

Layers: embeddings through one F.embedding over the concatenated tables; batch norm as a fused
affine (running statistics); feature attention as one batched matrix product over the equal-width
embedding groups plus one linear map each for the continuous and content groups; with
stepDenseWidth S > 0, the per-step encoder ("TimeDistributed dense", step 4b of the spec:
e_t = ReLU(W_s z_t + b_s), tensors `step_dense.weight` [S,D] and `step_dense.bias` [S]) as one
linear map and ReLU over all B·5 positions, padding included (the GRU skips those), after which
the GRU reads e_t, so `gru.*.weight_ih` is [3H,S]; the GRU as one bidirectional nn.GRU over
pack_padded_sequence (enforce_sorted=False, so sorting by length is part of every call), which
runs each window's backward direction from its last valid step and skips the padding steps
altogether; attention over time with the padding steps' scores at -inf. In inference there is no
dropout. (On windows of random lengths 1...5 with C=6, E=32, K=10, Dc=128,
H=64, packing was faster at batch sizes 1, 64 and 256 than either two single-direction nn.GRU
calls over the padded batch with the backward input reversed per window, or a hand-written masked
GRU loop.)

Output: --out gets one JSON document

    {"torch_version", "threads": 1, "max_relative_difference",
     "batches": [{"batch", "us_per_window", "windows_per_second"}, ...]}

where max_relative_difference = max |prediction - expected| / max |expected| over all N windows.
If it exceeds 1e-3 the JSON is still written, a line goes to stderr and the exit status is 1.
Bad arguments or input end with one line on stderr and exit status 2. Progress goes to stderr
only when stderr is a terminal.
"""

import argparse
import json
import re
import statistics
import sys
import time

import numpy as np
import torch
import torch.nn.functional as F
from safetensors import safe_open
from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence

STEPS = 5
BATCH_NORM_EPS = 1e-3
TOLERANCE = 1e-3
WARM_UP_SECONDS = 0.3
WARM_UP_CALLS = 3
CHECK_BATCH = 256


def fail(message, status=2):
    print(f"model_reference: {message}", file=sys.stderr)
    sys.exit(status)


def progress(message):
    if sys.stderr.isatty():
        print(message, file=sys.stderr, flush=True)


class ArgumentParser(argparse.ArgumentParser):
    def error(self, message):
        fail(message)


def parse_arguments():
    parser = ArgumentParser(description="PyTorch reference timing of the NERE network's inference.")
    parser.add_argument("--weights", required=True, help="network tensors (safetensors)")
    parser.add_argument("--inputs", required=True, help="windows and expected predictions (safetensors)")
    parser.add_argument("--batches", default="1,64,256", help="comma-separated batch sizes")
    parser.add_argument("--seconds", type=float, default=2.0, help="timed seconds per batch size")
    parser.add_argument("--out", required=True, help="where to write the JSON result")
    args = parser.parse_args()
    try:
        args.batches = [int(b) for b in args.batches.split(",") if b.strip()]
    except ValueError:
        fail(f"--batches must be comma-separated integers, not {args.batches!r}")
    if not args.batches or min(args.batches) < 1:
        fail("--batches must list positive batch sizes")
    if not args.seconds > 0:
        fail("--seconds must be positive")
    return args


def read_safetensors(path):
    try:
        with safe_open(path, "pt") as f:
            return {name: f.get_tensor(name) for name in f.keys()}, (f.metadata() or {})
    except Exception as error:  # missing file, not safetensors, ...
        fail(f"cannot read {path}: {error}")


def feature_order(tensors, metadata):
    if "features" in metadata:
        try:
            names = json.loads(metadata["features"])
        except json.JSONDecodeError as error:
            fail(f"metadata 'features' is not JSON: {error}")
        if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
            fail("metadata 'features' must be a JSON array of strings")
        return names
    pattern = re.compile(r"^embedding\.(.+)\.weight$")
    names = [m.group(1) for m in map(pattern.match, tensors) if m]
    if names and all(n.isdecimal() for n in names):
        return sorted(names, key=int)
    return sorted(names)


class ReferenceNetwork:
    """NERE inference in float32 with PyTorch layers; call it with one batch."""

    def __init__(self, tensors, metadata):
        try:
            shape = json.loads(metadata["shape"])
            self.vocabulary_sizes = [int(v) for v in shape["vocabularySizes"]]
            e, k, dc = int(shape["embeddingWidth"]), int(shape["continuousCount"]), int(shape["contentWidth"])
            af, h, at = int(shape["featureAttentionWidth"]), int(shape["hidden"]), int(shape["timeAttentionWidth"])
            dense_widths = [int(w) for w in shape["denseWidths"]]
            p_width = int(shape["outputWidth"])
            s = int(shape.get("stepDenseWidth", 0))
            if s < 0:
                raise ValueError(f"stepDenseWidth {s} is negative")
        except (KeyError, TypeError, ValueError, json.JSONDecodeError) as error:
            fail(f"weights metadata 'shape' is missing or malformed: {error!r}")
        c = len(self.vocabulary_sizes)
        self.c, self.e, self.k, self.dc, self.h, self.p = c, e, k, dc, h, p_width
        self.d = d = c * e + k + dc

        def tensor(name, size):
            if name not in tensors:
                fail(f"weights lack tensor {name}")
            value = tensors[name]
            if tuple(value.shape) != tuple(size):
                fail(f"tensor {name} has shape {list(value.shape)}, expected {list(size)}")
            return value.to(torch.float32).contiguous()

        names = feature_order(tensors, metadata)
        if len(names) != c:
            fail(f"{len(names)} embedding tables for {c} vocabularies")
        tables = [tensor(f"embedding.{name}.weight", (v, e)) for name, v in zip(names, self.vocabulary_sizes)]
        self.table = torch.cat(tables)                                              # [sum V, E]
        self.offsets = torch.tensor(np.cumsum([0] + self.vocabulary_sizes[:-1]), dtype=torch.int32)

        gamma, beta = tensor("input_norm.weight", (d,)), tensor("input_norm.bias", (d,))
        mean, var = tensor("input_norm.running_mean", (d,)), tensor("input_norm.running_var", (d,))
        self.scale = gamma / torch.sqrt(var + BATCH_NORM_EPS)
        self.shift = beta - mean * self.scale

        widths = [e] * c + ([k] if k > 0 else []) + [dc]
        self.groups = len(widths)
        g_weights = [tensor(f"feature_attention.groups.{g}.weight", (af, w)) for g, w in enumerate(widths)]
        g_biases = [tensor(f"feature_attention.groups.{g}.bias", (af,)) for g in range(self.groups)]
        self.embedding_weight = torch.stack(g_weights[:c]).transpose(1, 2).contiguous()  # [C, E, Af]
        self.embedding_bias = torch.stack(g_biases[:c])[:, None, :]                     # [C, 1, Af]
        self.continuous_weight = g_weights[c] if k > 0 else None
        self.continuous_bias = g_biases[c] if k > 0 else None
        self.content_weight, self.content_bias = g_weights[-1], g_biases[-1]
        self.feature_context = tensor("feature_attention.context", (af,))

        # optional per-step encoder (step 4b); the GRU then reads S values per step instead of D
        self.step_dense = ((tensor("step_dense.weight", (s, d)), tensor("step_dense.bias", (s,)))
                           if s > 0 else None)
        gru_input = s if s > 0 else d

        self.gru = torch.nn.GRU(gru_input, h, batch_first=True, bidirectional=True)
        with torch.no_grad():
            for direction, suffix in (("forward", ""), ("backward", "_reverse")):
                for name, size in (("weight_ih", (3 * h, gru_input)), ("weight_hh", (3 * h, h)),
                                   ("bias_ih", (3 * h,)), ("bias_hh", (3 * h,))):
                    getattr(self.gru, f"{name}_l0{suffix}").copy_(tensor(f"gru.{direction}.{name}", size))
        self.gru.eval()

        self.time_weight = tensor("time_attention.weight", (at, 2 * h))
        self.time_bias = tensor("time_attention.bias", (at,))
        self.time_context = tensor("time_attention.context", (at,))
        self.dense = []
        width = 2 * h
        for i, out in enumerate(dense_widths):
            self.dense.append((tensor(f"dense.{i}.weight", (out, width)), tensor(f"dense.{i}.bias", (out,))))
            width = out
        self.output = (tensor("output.weight", (p_width, width)), tensor("output.bias", (p_width,)))
        self.steps = torch.arange(STEPS)

    def __call__(self, categorical, continuous, content, lengths):
        """categorical int32 [B,T,C], continuous [B,T,K], content [B,T,Dc], lengths int64 [B]."""
        b = categorical.shape[0]
        # embeddings, step input, batch norm (running statistics) as one affine map
        embedded = F.embedding(categorical + self.offsets, self.table).view(b, STEPS, self.c * self.e)
        parts = [embedded, continuous, content] if self.k > 0 else [embedded, content]
        y = torch.addcmul(self.shift, torch.cat(parts, dim=-1), self.scale)          # [B,T,D]

        # feature attention: the C equal-width embedding groups in one batched product
        ce = self.c * self.e
        rows = y.view(b * STEPS, self.d)
        embedded_groups = rows[:, :ce].view(-1, self.c, self.e)                      # [BT,C,E]
        content_group = rows[:, self.d - self.dc:]
        projected = [torch.baddbmm(self.embedding_bias, embedded_groups.transpose(0, 1),
                                   self.embedding_weight).transpose(0, 1)]            # [BT,C,Af]
        if self.k > 0:
            continuous_group = rows[:, ce:ce + self.k]
            projected.append(F.linear(continuous_group, self.continuous_weight, self.continuous_bias)[:, None, :])
        projected.append(F.linear(content_group, self.content_weight, self.content_bias)[:, None, :])
        scores = torch.tanh(torch.cat(projected, dim=1)) @ self.feature_context      # [BT,G]
        alpha = torch.softmax(scores, dim=-1) * self.groups                           # G·α
        weighted = [(embedded_groups * alpha[:, :self.c, None]).view(-1, ce)]
        if self.k > 0:
            weighted.append(continuous_group * alpha[:, self.c:self.c + 1])
        weighted.append(content_group * alpha[:, -1:])
        z = torch.cat(weighted, dim=1)                                                # [BT,D]
        if self.step_dense is not None:  # per-step encoder at every position
            z = torch.relu(F.linear(z, *self.step_dense))                             # [BT,S]
        z = z.view(b, STEPS, -1)

        # bidirectional GRU over left-aligned windows
        packed = pack_padded_sequence(z, lengths, batch_first=True, enforce_sorted=False)
        o, _ = pad_packed_sequence(self.gru(packed)[0], batch_first=True, total_length=STEPS)  # [B,T,2H]

        # attention over the valid steps
        valid = self.steps[None, :] < lengths[:, None]                                # [B,T]
        s = torch.tanh(F.linear(o, self.time_weight, self.time_bias)) @ self.time_context
        a = torch.softmax(s.masked_fill(~valid, float("-inf")), dim=1)
        d = torch.bmm(a[:, None, :], o)[:, 0]                                         # [B,2H]

        for weight, bias in self.dense:
            d = torch.relu(F.linear(d, weight, bias))
        return F.linear(d, *self.output)


def load_inputs(path, network):
    tensors, _ = read_safetensors(path)
    n = None

    def tensor(name, size_after_n, dtype):
        nonlocal n
        if name not in tensors:
            if name == "input.continuous" and network.k == 0 and n is not None:
                return torch.zeros(n, STEPS, 0)
            fail(f"inputs lack tensor {name}")
        value = tensors[name]
        n = value.shape[0] if n is None else n
        if tuple(value.shape) != (n, *size_after_n):
            fail(f"tensor {name} has shape {list(value.shape)}, expected {[n, *size_after_n]}")
        return value.to(dtype).contiguous()

    categorical = tensor("input.categorical", (STEPS, network.c), torch.int32)
    lengths = tensor("input.lengths", (), torch.int64)
    content = tensor("input.content", (STEPS, network.dc), torch.float32)
    continuous = tensor("input.continuous", (STEPS, network.k), torch.float32)
    expected = tensor("expected.prediction", (network.p,), torch.float32)
    if n == 0:
        fail("inputs hold no windows")
    if lengths.min() < 1 or lengths.max() > STEPS:
        fail(f"input.lengths must lie in 1...{STEPS}")
    vocabulary = torch.tensor(network.vocabulary_sizes, dtype=torch.int32)
    if categorical.min() < 0 or (categorical >= vocabulary).any():
        fail("input.categorical holds an id outside its vocabulary")
    return (categorical, continuous, content, lengths), expected


def take(inputs, indices):
    return tuple(t[indices].contiguous() for t in inputs)


def time_batch(network, inputs, n, batch, seconds):
    count = max(1, -(-n // batch))
    batches = [take(inputs, torch.arange(i * batch, (i + 1) * batch) % n) for i in range(min(count, 64))]
    calls, start = 0, time.perf_counter()
    while calls < WARM_UP_CALLS or time.perf_counter() - start < WARM_UP_SECONDS:
        network(*batches[calls % len(batches)])
        calls += 1
    durations, start = [], time.perf_counter()
    while not durations or time.perf_counter() - start < seconds:
        begin = time.perf_counter_ns()
        network(*batches[len(durations) % len(batches)])
        durations.append(time.perf_counter_ns() - begin)
    median = statistics.median(durations) / 1e9
    return {"batch": batch, "us_per_window": median / batch * 1e6, "windows_per_second": batch / median}


def main():
    args = parse_arguments()
    torch.set_num_threads(1)
    weights, metadata = read_safetensors(args.weights)
    with torch.inference_mode():
        network = ReferenceNetwork(weights, metadata)
        inputs, expected = load_inputs(args.inputs, network)
        n = expected.shape[0]
        predictions = torch.cat([network(*take(inputs, torch.arange(i, min(i + CHECK_BATCH, n))))
                                 for i in range(0, n, CHECK_BATCH)])
        largest = expected.abs().max().item()
        difference = (predictions - expected).abs().max().item() / (largest if largest > 0 else 1.0)
        progress(f"max relative difference to the Swift predictions: {difference:.3g}")
        results = []
        for batch in args.batches:
            results.append(time_batch(network, inputs, n, batch, args.seconds))
            progress(f"batch {batch}: {results[-1]['us_per_window']:.2f} us/window, "
                     f"{results[-1]['windows_per_second']:.0f} windows/s")
    document = {"torch_version": torch.__version__, "threads": torch.get_num_threads(),
                "max_relative_difference": difference, "batches": results}
    try:
        with open(args.out, "w") as f:
            json.dump(document, f, indent=2)
            f.write("\n")
    except OSError as error:
        fail(f"cannot write {args.out}: {error}")
    if not difference <= TOLERANCE:
        fail(f"predictions differ from expected.prediction by {difference:.3g} (relative), above {TOLERANCE}", 1)


if __name__ == "__main__":
    main()
