#!/usr/bin/env python3
"""Reference numbers for the Swift NERE network, computed with PyTorch in float64.

Writes, next to this script, one safetensors file per case:

  model-full.safetensors          training, B=4, every window 5 steps long, denseWidths [9]
  model-masked.safetensors        training, B=5, lengths [1,2,3,5,4], denseWidths [9,10],
                                  id 0 at some valid steps
  model-inference.safetensors     inference (running statistics, no dropout; the loss and its
                                  gradients are still given), B=3, lengths [2,5,1]
  model-nocontinuous.safetensors  training, K=0 (no continuous group), B=3, lengths [3,1,5]
  model-stepdense.safetensors     training, with the per-step encoder ("TimeDistributed dense",
                                  step 4b: e_t = ReLU(W_s z_t + b_s) ∈ R^S between feature
                                  attention and the GRU, which then reads e_t), S=11, B=4,
                                  lengths [5,2,4,1], denseWidths [9]

All cases use C=3 categorical features with vocabularies [4,5,3], E=6, Dc=8, Af=5, H=7, At=6,
P=8 and (except model-nocontinuous) K=4: small, odd sizes so that a transposed or mis-strided
tensor cannot go unnoticed. Only model-stepdense has the step encoder; the others have none
(their shape JSON has no `stepDenseWidth` key, which means 0).

Every file holds, as F32 unless noted:
  * every parameter under its specification name (embedding tables are `embedding.0.weight`,
    `embedding.1.weight`, ... by feature index; with the step encoder `step_dense.weight` [S,D]
    and `step_dense.bias` [S], and then `gru.*.weight_ih` is [3H,S]), and the buffers
    `input_norm.running_mean` / `input_norm.running_var` as they were BEFORE the forward pass;
  * the inputs `input.categorical` [B,T,C] I32, `input.continuous` [B,T,K] (an empty [B,T,0]
    tensor when K=0), `input.content` [B,T,Dc], `input.lengths` [B] I32, `input.target` [B,P],
    and, in training mode only, `input.dropout_mask` [B,T,2H] (values 0 or 2);
  * the outputs `output.prediction` [B,P], `output.feature_attention` [B,T,G] (0 on padding
    rows), `output.time_attention` [B,T] (exactly 0 on padding steps), `output.loss` [1], and
    `output.running_mean` / `output.running_var` after the training-mode update (in inference
    mode equal to the buffers given);
  * `grad.<parameter name>` for every learned tensor: the gradient of `output.loss`.
  * `__metadata__`: `shape` (JSON of the NetworkShape fields; `stepDenseWidth` only when the
    step encoder is present), `mode` ("training" or "inference") and `l2` ("0.001").

The network is written here with explicit tensor operations from the specification (GRU loop
with masked steps keeping their state, batch norm with statistics over the valid positions,
feature- and time-level attention, the optional per-step encoder applied at every position,
padding included, whose padding outputs the masked GRU then ignores), computed in float64 from
float32-representable inputs and weights, and exported as float32. Before any file is written
the script asserts that
  * its GRU cell equals torch.nn.GRUCell, and its bidirectional masked GRU equals torch.nn.GRU
    (unpacked for full windows, over pack_padded_sequence for left-aligned partial ones),
  * its batch norm equals torch.nn.functional.batch_norm when all positions are valid (training
    output and running-statistics update, and inference), and on the valid rows alone otherwise,
  * garbage at padding steps changes no output, and
  * torch.autograd.gradcheck passes for the whole network on a tiny float64 instance, in both
    modes, and on a tiny instance with the step encoder (training mode).

The files are written with sorted header keys, so a rerun gives byte-identical files. Rerun
from the package root (needs torch, numpy, safetensors):

    python3 Tests/NEREModelTests/Fixtures/make_model_fixtures.py

The functions are importable (e.g. to make a weights/inputs pair for the model benchmark).
"""

import dataclasses
import json
from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F
from safetensors import safe_open

FIXTURES = Path(__file__).resolve().parent
STEPS = 5
BATCH_NORM_EPS = 1e-3
BATCH_NORM_MOMENTUM = 0.01
L2 = 0.001
SEED = 20250611
DTYPE = torch.float64


@dataclasses.dataclass(frozen=True)
class Shape:
    vocabulary_sizes: tuple
    embedding_width: int
    continuous_count: int
    content_width: int
    feature_attention_width: int
    hidden: int
    time_attention_width: int
    dense_widths: tuple
    output_width: int
    step_dense_width: int = 0   # S of the optional per-step encoder (step 4b); 0 = no such layer

    @property
    def categorical_count(self):
        return len(self.vocabulary_sizes)

    @property
    def step_width(self):
        return self.categorical_count * self.embedding_width + self.continuous_count + self.content_width

    @property
    def feature_groups(self):
        """Column ranges [start, end) of the step input: each categorical feature, then the
        continuous block (only when K > 0), then the content vector."""
        e = self.embedding_width
        groups = [(f * e, (f + 1) * e) for f in range(self.categorical_count)]
        start = self.categorical_count * e
        if self.continuous_count > 0:
            groups.append((start, start + self.continuous_count))
            start += self.continuous_count
        groups.append((start, start + self.content_width))
        return groups

    @property
    def gru_input_width(self):
        """What the GRU reads per step: S with the step encoder, else D."""
        return self.step_dense_width if self.step_dense_width > 0 else self.step_width

    def to_json(self):
        fields = {
            "vocabularySizes": list(self.vocabulary_sizes),
            "embeddingWidth": self.embedding_width,
            "continuousCount": self.continuous_count,
            "contentWidth": self.content_width,
            "featureAttentionWidth": self.feature_attention_width,
            "hidden": self.hidden,
            "timeAttentionWidth": self.time_attention_width,
            "denseWidths": list(self.dense_widths),
            "outputWidth": self.output_width,
        }
        if self.step_dense_width > 0:  # absent means 0, so shapes without the layer are unchanged
            fields["stepDenseWidth"] = self.step_dense_width
        return json.dumps(fields)


def learned_shapes(shape, feature_names=None):
    """Name -> shape of every learned tensor, in layer order. `feature_names` names the
    embedding tables (default: the feature indices)."""
    names = feature_names or [str(f) for f in range(shape.categorical_count)]
    d, h = shape.step_width, shape.hidden
    shapes = {}
    for name, vocabulary in zip(names, shape.vocabulary_sizes):
        shapes[f"embedding.{name}.weight"] = (vocabulary, shape.embedding_width)
    shapes["input_norm.weight"] = (d,)
    shapes["input_norm.bias"] = (d,)
    for g, (start, end) in enumerate(shape.feature_groups):
        shapes[f"feature_attention.groups.{g}.weight"] = (shape.feature_attention_width, end - start)
        shapes[f"feature_attention.groups.{g}.bias"] = (shape.feature_attention_width,)
    shapes["feature_attention.context"] = (shape.feature_attention_width,)
    if shape.step_dense_width > 0:
        shapes["step_dense.weight"] = (shape.step_dense_width, d)
        shapes["step_dense.bias"] = (shape.step_dense_width,)
    for direction in ("forward", "backward"):
        shapes[f"gru.{direction}.weight_ih"] = (3 * h, shape.gru_input_width)
        shapes[f"gru.{direction}.weight_hh"] = (3 * h, h)
        shapes[f"gru.{direction}.bias_ih"] = (3 * h,)
        shapes[f"gru.{direction}.bias_hh"] = (3 * h,)
    shapes["time_attention.weight"] = (shape.time_attention_width, 2 * h)
    shapes["time_attention.bias"] = (shape.time_attention_width,)
    shapes["time_attention.context"] = (shape.time_attention_width,)
    width = 2 * h
    for i, out in enumerate(shape.dense_widths):
        shapes[f"dense.{i}.weight"] = (out, width)
        shapes[f"dense.{i}.bias"] = (out,)
        width = out
    shapes["output.weight"] = (shape.output_width, width)
    shapes["output.bias"] = (shape.output_width,)
    return shapes


# ---------------------------------------------------------------------------------------------
# Random float32 values
# ---------------------------------------------------------------------------------------------

def uniform(rng, low, high, size):
    return rng.uniform(low, high, size).astype(np.float32)


def linear_weight(rng, size, gain=1.0):
    """U(-0.5, 0.5) scaled so that the variance is gain^2 / fan_in: pre-activations have about
    the spread of the inputs, so tanh and sigmoid are not saturated."""
    fan_in = size[-1]
    return (uniform(rng, -0.5, 0.5, size) * np.float32(gain * np.sqrt(12.0 / fan_in))).astype(np.float32)


def random_parameters(shape, rng, feature_names=None):
    """Learned tensors and the two running-statistics buffers, as float32 arrays."""
    params = {}
    for name, size in learned_shapes(shape, feature_names).items():
        if name.startswith("embedding."):
            params[name] = uniform(rng, -1.0, 1.0, size)
        elif name == "input_norm.weight":
            params[name] = uniform(rng, 0.8, 1.2, size)
        elif name == "input_norm.bias":
            params[name] = uniform(rng, -0.15, 0.15, size)
        elif name.endswith("context"):
            params[name] = linear_weight(rng, size, gain=1.5)
        elif len(size) == 2:
            params[name] = linear_weight(rng, size)
        else:  # biases
            params[name] = uniform(rng, -0.2, 0.2, size)
    d = shape.step_width
    params["input_norm.running_mean"] = uniform(rng, -0.3, 0.3, (d,))
    params["input_norm.running_var"] = uniform(rng, 0.5, 2.0, (d,))
    return params


def random_inputs(shape, rng, lengths, training, unknown_ids=0):
    """Left-aligned windows with zero padding (ids 0, continuous 0, content 0). Each valid
    continuous/content column has its own offset and spread so that batch norm matters.
    `unknown_ids` valid (b, t, f) positions are set to id 0 (besides those drawn at random)."""
    b, t, c = len(lengths), STEPS, shape.categorical_count
    lengths = np.asarray(lengths, dtype=np.int32)
    valid = (np.arange(t)[None, :] < lengths[:, None])
    categorical = np.stack([rng.integers(1, v, size=(b, t)) for v in shape.vocabulary_sizes], axis=-1)
    categorical = categorical.astype(np.int32)
    positions = np.argwhere(valid)
    for i in rng.choice(len(positions), size=unknown_ids, replace=False):
        bb, tt = positions[i]
        categorical[bb, tt, rng.integers(0, c)] = 0
    k = shape.continuous_count
    continuous = (uniform(rng, -0.5, 0.5, (k,)) + uniform(rng, 0.3, 1.5, (k,)) * uniform(rng, -1.0, 1.0, (b, t, k)))
    content = (uniform(rng, -0.2, 0.2, (shape.content_width,))
               + uniform(rng, 0.2, 1.0, (shape.content_width,)) * uniform(rng, -1.0, 1.0, (b, t, shape.content_width)))
    categorical[~valid] = 0
    continuous = np.where(valid[..., None], continuous, 0).astype(np.float32)
    content = np.where(valid[..., None], content, 0).astype(np.float32)
    inputs = {
        "input.categorical": categorical,
        "input.continuous": continuous,
        "input.content": content,
        "input.lengths": lengths,
        "input.target": uniform(rng, -1.0, 1.0, (b, shape.output_width)),
    }
    if training:
        keep = rng.integers(0, 2, size=(b, t, 2 * shape.hidden))
        inputs["input.dropout_mask"] = (2.0 * keep).astype(np.float32)
    return inputs


# ---------------------------------------------------------------------------------------------
# The network, with explicit operations
# ---------------------------------------------------------------------------------------------

def softmax(s, dim):
    e = torch.exp(s - s.max(dim=dim, keepdim=True).values.detach())
    return e / e.sum(dim=dim, keepdim=True)


def gru_cell(x, h, weight_ih, weight_hh, bias_ih, bias_hh):
    """One PyTorch-convention GRU step (gates r, z, n)."""
    hidden = h.shape[-1]
    gi = x @ weight_ih.T + bias_ih
    gh = h @ weight_hh.T + bias_hh
    r = torch.sigmoid(gi[:, :hidden] + gh[:, :hidden])
    u = torch.sigmoid(gi[:, hidden:2 * hidden] + gh[:, hidden:2 * hidden])
    n = torch.tanh(gi[:, 2 * hidden:] + r * gh[:, 2 * hidden:])
    return (1 - u) * n + u * h


def masked_gru(z, mask, p, direction, reverse):
    """z [B,T,D], mask [B,T]; a masked step keeps the previous state. Returns [B,T,H]."""
    batch, steps, _ = z.shape
    hidden = p[f"gru.{direction}.weight_hh"].shape[1]
    h = z.new_zeros(batch, hidden)
    outputs = [None] * steps
    for t in (reversed(range(steps)) if reverse else range(steps)):
        candidate = gru_cell(z[:, t], h, p[f"gru.{direction}.weight_ih"], p[f"gru.{direction}.weight_hh"],
                             p[f"gru.{direction}.bias_ih"], p[f"gru.{direction}.bias_hh"])
        m = mask[:, t:t + 1]
        h = m * candidate + (1 - m) * h
        outputs[t] = h
    return torch.stack(outputs, dim=1)


def masked_batch_norm(x, mask, weight, bias, running_mean, running_var, training):
    """x [B,T,D]; statistics over the valid positions only; padding positions give 0.
    Returns (y, new running_mean, new running_var)."""
    m = mask[..., None]
    if training:
        n = mask.sum()
        mean = (x * m).sum(dim=(0, 1)) / n
        var = (((x - mean) ** 2) * m).sum(dim=(0, 1)) / n
        with torch.no_grad():
            new_mean = (1 - BATCH_NORM_MOMENTUM) * running_mean + BATCH_NORM_MOMENTUM * mean
            new_var = (1 - BATCH_NORM_MOMENTUM) * running_var + BATCH_NORM_MOMENTUM * var * n / (n - 1)
    else:
        mean, var = running_mean, running_var
        new_mean, new_var = running_mean.clone(), running_var.clone()
    y = (weight * (x - mean) / torch.sqrt(var + BATCH_NORM_EPS) + bias) * m
    return y, new_mean.detach(), new_var.detach()


def forward(shape, p, inputs, training, feature_names=None):
    """p: name -> float64 tensor (learned tensors and running statistics); inputs: name ->
    tensor. Returns the outputs of the specification, `loss` included."""
    names = feature_names or [str(f) for f in range(shape.categorical_count)]
    categorical = inputs["input.categorical"].long()
    lengths = inputs["input.lengths"].long()
    batch, steps = categorical.shape[:2]
    mask = (torch.arange(steps)[None, :] < lengths[:, None]).to(DTYPE)

    # 1-2. embeddings and the step input
    embedded = [p[f"embedding.{name}.weight"][categorical[:, :, f]] for f, name in enumerate(names)]
    x = torch.cat(embedded + [inputs["input.continuous"], inputs["input.content"]], dim=-1)

    # 3. batch norm over valid positions
    y, running_mean, running_var = masked_batch_norm(
        x, mask, p["input_norm.weight"], p["input_norm.bias"],
        p["input_norm.running_mean"], p["input_norm.running_var"], training)

    # 4. feature-level attention
    groups = shape.feature_groups
    slices = [y[..., start:end] for start, end in groups]
    scores = torch.stack([
        torch.tanh(s @ p[f"feature_attention.groups.{g}.weight"].T + p[f"feature_attention.groups.{g}.bias"])
        @ p["feature_attention.context"]
        for g, s in enumerate(slices)], dim=-1)                              # [B,T,G]
    alpha = softmax(scores, dim=-1)
    z = torch.cat([len(groups) * alpha[..., g:g + 1] * s for g, s in enumerate(slices)], dim=-1)

    # 4b. optional per-step encoder, at every position (the masked GRU ignores padding steps)
    if shape.step_dense_width > 0:
        z = torch.relu(z @ p["step_dense.weight"].T + p["step_dense.bias"])  # [B,T,S]

    # 5. bidirectional GRU with masked steps
    o = torch.cat([masked_gru(z, mask, p, "forward", reverse=False),
                   masked_gru(z, mask, p, "backward", reverse=True)], dim=-1)  # [B,T,2H]

    # 6. dropout
    if training:
        o = o * inputs["input.dropout_mask"]

    # 7. attention over time, valid steps only
    u = torch.tanh(o @ p["time_attention.weight"].T + p["time_attention.bias"])
    s = u @ p["time_attention.context"]                                       # [B,T]
    largest = s.masked_fill(mask == 0, float("-inf")).max(dim=1, keepdim=True).values.detach()
    e = torch.exp(s - largest) * mask
    a = e / e.sum(dim=1, keepdim=True)
    context = (a[..., None] * o).sum(dim=1)                                   # [B,2H]

    # 8. dense layers and output
    d = context
    for i in range(len(shape.dense_widths)):
        d = torch.relu(d @ p[f"dense.{i}.weight"].T + p[f"dense.{i}.bias"])
    prediction = d @ p["output.weight"].T + p["output.bias"]

    loss = (((prediction - inputs["input.target"]) ** 2).mean()
            + L2 * ((p["gru.forward.weight_hh"] ** 2).sum() + (p["gru.backward.weight_hh"] ** 2).sum()))
    return {
        "prediction": prediction,
        "feature_attention": alpha * mask[..., None],
        "time_attention": a,
        "loss": loss.reshape(1),
        "running_mean": running_mean,
        "running_var": running_var,
    }


def to_torch(arrays, requires_grad=()):
    out = {}
    for name, value in arrays.items():
        tensor = torch.from_numpy(np.array(value))
        if tensor.is_floating_point():
            tensor = tensor.to(DTYPE)
        if name in requires_grad:
            tensor.requires_grad_(True)
        out[name] = tensor
    return out


def compute(shape, params, inputs, training, feature_names=None):
    """Forward and backward in float64 from float32 arrays. Returns (outputs, gradients) as
    float64 numpy arrays."""
    learned = set(learned_shapes(shape, feature_names))
    p = to_torch(params, requires_grad=learned)
    outputs = forward(shape, p, to_torch(inputs), training, feature_names)
    outputs["loss"].sum().backward()
    grads = {name: p[name].grad.numpy() for name in learned_shapes(shape, feature_names)}
    return {k: v.detach().numpy() for k, v in outputs.items()}, grads


# ---------------------------------------------------------------------------------------------
# Checks against PyTorch's own layers, and gradcheck
# ---------------------------------------------------------------------------------------------

def assert_close(actual, expected, what, tolerance=1e-12):
    difference = (actual - expected).abs().max().item()
    assert difference <= tolerance * max(1.0, expected.abs().max().item()), f"{what}: differs by {difference}"


def check_gru_against_torch(rng):
    batch, d, hidden = 4, 6, 5
    weights = {name: torch.from_numpy(linear_weight(rng, size)).to(DTYPE) for name, size in {
        "weight_ih": (3 * hidden, d), "weight_hh": (3 * hidden, hidden),
        "bias_ih": (3 * hidden, 1), "bias_hh": (3 * hidden, 1)}.items()}
    weights["bias_ih"] = weights["bias_ih"][:, 0]
    weights["bias_hh"] = weights["bias_hh"][:, 0]
    x = torch.from_numpy(uniform(rng, -1.5, 1.5, (batch, STEPS, d))).to(DTYPE)

    cell = torch.nn.GRUCell(d, hidden, dtype=DTYPE)
    gru = torch.nn.GRU(d, hidden, batch_first=True, bidirectional=True, dtype=DTYPE)
    p = {}
    with torch.no_grad():
        for name, value in weights.items():
            getattr(cell, name).copy_(value)
            getattr(gru, f"{name}_l0").copy_(value)
            getattr(gru, f"{name}_l0_reverse").copy_(value.flip(0) * 0.7)
            p[f"gru.forward.{name}"] = value
            p[f"gru.backward.{name}"] = value.flip(0) * 0.7
        h_ours = torch.zeros(batch, hidden, dtype=DTYPE)
        h_torch = torch.zeros(batch, hidden, dtype=DTYPE)
        for t in range(STEPS):  # unmasked sequence, step by step
            h_ours = gru_cell(x[:, t], h_ours, **weights)
            h_torch = cell(x[:, t], h_torch)
            assert_close(h_ours, h_torch, f"GRU cell vs nn.GRUCell at step {t}")

        def ours(lengths):
            mask = (torch.arange(STEPS)[None, :] < lengths[:, None]).to(DTYPE)
            return torch.cat([masked_gru(x, mask, p, "forward", False),
                              masked_gru(x, mask, p, "backward", True)], dim=-1)

        full = torch.full((batch,), STEPS)
        assert_close(ours(full), gru(x)[0], "bidirectional GRU vs nn.GRU (full windows)")
        lengths = torch.tensor([2, 5, 1, 4])
        packed = torch.nn.utils.rnn.pack_padded_sequence(x, lengths, batch_first=True, enforce_sorted=False)
        reference, _ = torch.nn.utils.rnn.pad_packed_sequence(gru(packed)[0], batch_first=True, total_length=STEPS)
        valid = (torch.arange(STEPS)[None, :] < lengths[:, None])[..., None]
        assert_close(ours(lengths) * valid, reference * valid, "masked GRU vs nn.GRU over pack_padded_sequence")


def check_batch_norm_against_torch(rng):
    batch, d = 4, 7
    x = torch.from_numpy(uniform(rng, -2.0, 3.0, (batch, STEPS, d))).to(DTYPE)
    weight = torch.from_numpy(uniform(rng, 0.8, 1.2, (d,))).to(DTYPE)
    bias = torch.from_numpy(uniform(rng, -0.2, 0.2, (d,))).to(DTYPE)
    running_mean = torch.from_numpy(uniform(rng, -0.3, 0.3, (d,))).to(DTYPE)
    running_var = torch.from_numpy(uniform(rng, 0.5, 2.0, (d,))).to(DTYPE)

    def torch_batch_norm(rows, training):
        rm, rv = running_mean.clone(), running_var.clone()
        y = F.batch_norm(rows, rm, rv, weight, bias, training=training,
                         momentum=BATCH_NORM_MOMENTUM, eps=BATCH_NORM_EPS)
        return y, rm, rv

    for lengths in (torch.full((batch,), STEPS), torch.tensor([3, 1, 5, 2])):
        mask = (torch.arange(STEPS)[None, :] < lengths[:, None]).to(DTYPE)
        valid = mask.bool()
        for training in (True, False):
            y, rm, rv = masked_batch_norm(x, mask, weight, bias, running_mean, running_var, training)
            y_torch, rm_torch, rv_torch = torch_batch_norm(x[valid], training)
            what = f"batch norm vs F.batch_norm (training={training}, lengths={lengths.tolist()})"
            assert_close(y[valid], y_torch, what)
            assert_close(rm, rm_torch, what + " running_mean")
            assert_close(rv, rv_torch, what + " running_var")
            assert (y[~valid] == 0).all(), what + ": padding not zero"


def check_padding_is_ignored(shape, params, inputs, training):
    garbage = {name: np.array(value) for name, value in inputs.items()}
    rng = np.random.default_rng(7)
    valid = np.arange(STEPS)[None, :] < inputs["input.lengths"][:, None]
    for name in ("input.categorical", "input.continuous", "input.content"):
        value = garbage[name]
        if name == "input.categorical":
            noise = np.stack([rng.integers(0, v, size=valid.shape) for v in shape.vocabulary_sizes], axis=-1)
        else:
            noise = uniform(rng, -5.0, 5.0, value.shape)
        garbage[name] = np.where(valid[..., None], value, noise).astype(value.dtype)
    clean_out, clean_grads = compute(shape, params, inputs, training)
    dirty_out, dirty_grads = compute(shape, params, garbage, training)
    for name in clean_out:
        assert np.array_equal(clean_out[name], dirty_out[name]), f"padding changes output {name}"
    for name in clean_grads:
        assert np.array_equal(clean_grads[name], dirty_grads[name]), f"padding changes grad {name}"


def check_gradients_with_gradcheck():
    shape = Shape(vocabulary_sizes=(3, 4), embedding_width=2, continuous_count=2, content_width=3,
                  feature_attention_width=2, hidden=2, time_attention_width=3, dense_widths=(3,), output_width=2)
    gradcheck_network(shape, np.random.default_rng(SEED + 100), (True, False))
    # with the per-step encoder (step 4b)
    gradcheck_network(dataclasses.replace(shape, step_dense_width=3), np.random.default_rng(SEED + 101), (True,))


def gradcheck_network(shape, rng, modes):
    params = random_parameters(shape, rng)
    names = list(learned_shapes(shape))
    for training in modes:
        inputs = to_torch(random_inputs(shape, rng, [2, 5, 1], training, unknown_ids=2))
        buffers = to_torch({k: params[k] for k in ("input_norm.running_mean", "input_norm.running_var")})
        leaves = tuple(torch.from_numpy(params[n]).to(DTYPE).requires_grad_(True) for n in names)

        def function(*tensors):
            outputs = forward(shape, {**dict(zip(names, tensors)), **buffers}, inputs, training)
            return outputs["loss"], outputs["prediction"], outputs["time_attention"], outputs["feature_attention"]

        assert torch.autograd.gradcheck(function, leaves, eps=1e-6, atol=1e-7, rtol=1e-5), \
            f"gradcheck failed (training={training}, stepDenseWidth={shape.step_dense_width})"


# ---------------------------------------------------------------------------------------------
# Fixtures
# ---------------------------------------------------------------------------------------------

CASES = [
    # file name, training, lengths, dense widths, continuous count, extra unknown ids, step dense width
    ("model-full.safetensors", True, [5, 5, 5, 5], (9,), 4, 3, 0),
    ("model-masked.safetensors", True, [1, 2, 3, 5, 4], (9, 10), 4, 4, 0),
    ("model-inference.safetensors", False, [2, 5, 1], (9,), 4, 2, 0),
    ("model-nocontinuous.safetensors", True, [3, 1, 5], (9,), 0, 2, 0),
    ("model-stepdense.safetensors", True, [5, 2, 4, 1], (9,), 4, 3, 11),
]


def write_safetensors(path, tensors, metadata):
    """A safetensors file with the header keys sorted, so that a rerun gives identical bytes
    (safetensors' own save_file orders the header at random); read back with the safetensors
    package to check it."""
    dtypes = {np.dtype(np.float32): "F32", np.dtype(np.int32): "I32"}
    header = {"__metadata__": dict(sorted(metadata.items()))}
    chunks, offset = [], 0
    for name in sorted(tensors):
        value = np.ascontiguousarray(tensors[name])
        data = value.astype(value.dtype.newbyteorder("<")).tobytes()
        header[name] = {"dtype": dtypes[value.dtype], "shape": list(value.shape),
                        "data_offsets": [offset, offset + len(data)]}
        chunks.append(data)
        offset += len(data)
    text = json.dumps(header, separators=(",", ":")).encode()
    text += b" " * (-len(text) % 8)
    Path(path).write_bytes(len(text).to_bytes(8, "little") + text + b"".join(chunks))
    with safe_open(str(path), "np") as stored:
        assert stored.metadata() == metadata and set(stored.keys()) == set(tensors)
        for name in tensors:
            assert np.array_equal(stored.get_tensor(name), tensors[name]), name


def fixture_shape(dense_widths, continuous_count, step_dense_width=0):
    return Shape(vocabulary_sizes=(4, 5, 3), embedding_width=6, continuous_count=continuous_count,
                 content_width=8, feature_attention_width=5, hidden=7, time_attention_width=6,
                 dense_widths=dense_widths, output_width=8, step_dense_width=step_dense_width)


def write_case(index, file_name, training, lengths, dense_widths, continuous_count, unknown_ids,
               step_dense_width=0):
    shape = fixture_shape(dense_widths, continuous_count, step_dense_width)
    rng = np.random.default_rng(SEED + index)
    params = random_parameters(shape, rng)
    inputs = random_inputs(shape, rng, lengths, training, unknown_ids)
    check_padding_is_ignored(shape, params, inputs, training)
    outputs, grads = compute(shape, params, inputs, training)

    tensors = {name: np.ascontiguousarray(value) for name, value in params.items()}
    tensors.update({name: np.ascontiguousarray(value) for name, value in inputs.items()})
    for name, value in outputs.items():
        tensors[f"output.{name}"] = np.ascontiguousarray(value.astype(np.float32))
    for name, value in grads.items():
        tensors[f"grad.{name}"] = np.ascontiguousarray(value.astype(np.float32))
    for name, value in tensors.items():
        assert value.dtype in (np.float32, np.int32), (name, value.dtype)
        assert np.isfinite(value).all(), name
    metadata = {"shape": shape.to_json(), "mode": "training" if training else "inference", "l2": str(L2)}
    path = FIXTURES / file_name
    write_safetensors(path, tensors, metadata)

    alpha = outputs["feature_attention"]
    print(f"wrote {file_name}: {path.stat().st_size} bytes, {len(tensors)} tensors, loss {outputs['loss'][0]:.6f}, "
          f"|prediction| <= {np.abs(outputs['prediction']).max():.3f}, "
          f"feature attention in [{alpha[alpha > 0].min():.3f}, {alpha.max():.3f}], "
          f"|grad| <= {max(np.abs(g).max() for g in grads.values()):.4f}")
    assert path.stat().st_size < 100_000


def main():
    torch.manual_seed(SEED)
    rng = np.random.default_rng(SEED)
    check_gru_against_torch(rng)
    check_batch_norm_against_torch(rng)
    check_gradients_with_gradcheck()
    print("checks passed: GRU = nn.GRUCell / nn.GRU, batch norm = F.batch_norm, gradcheck "
          "(with and without the step encoder)")
    for index, case in enumerate(CASES):
        write_case(index, *case)


if __name__ == "__main__":
    main()
