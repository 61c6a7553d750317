#!/usr/bin/env python3
"""The hybrid matrix-factorisation baseline of `nere evaluate`, trained by LightFM.

LightFM (https://github.com/lyst/lightfm) is the reference because it is the model
`NEREFactorization.HybridFactorization` rebuilds and the closest maintained relative of the
paper's TensorRec: users and items as sums of feature embeddings, real-valued item features
(the content vector), item biases, WARP or BPR, per-element Adagrad. `implicit`'s BPR has no
features at all, so it could not place a new user or use a set's metadata. Install with
`pip install cython setuptools wheel numpy scipy` and then
`pip install --no-build-isolation lightfm` (its sdist does not build in an isolated env).

Same features and defaults as the Swift model: user = user id + the most frequent platform,
study mode, term language and age band of the user's training sessions (ties to the latest);
set = set id + subject, languages, preferred mode and platform, has_images, has_diagrams, and
the set vector scaled to unit length (zeros without `--vectors`); 32 dimensions, learning rate
0.05, L2 1e-6, at most 10 WARP draws, 10 epochs. Two differences LightFM does not let us
remove: it draws negatives from the whole catalog, not the positive's subject, and it visits
each (user, set) pair once per epoch, weighted by how many sessions it had, where the Swift
model visits every session.

Protocol (DESIGN §8, prequential): sessions are read in `ended_at` order (ties in file order);
each (user, subject) pair keeps its last five. Training uses the sessions that ended before
`--split-at`. Every session at or after it whose pair had an earlier session is predicted:
the subject's sets ranked for the user, 100 deep (a user unseen in training is placed by
the profile of the pair's window). Prints recall@1/10/100 and MRR (reciprocal rank within
the 100, 0 outside) as JSON.

Validation follows the contract only as far as the synthetic log needs: records without the
required fields, with `ended_at` before `started_at`, or of users under 13 are dropped, and a
repeated `event_id` within a pair is applied once.

    python3 Tests/Reference/factorization_reference.py --events DIR/events.jsonl \
        --sets DIR/sets.jsonl --split-at 2026-05-01T00:00:00Z [--vectors VDIR] [--loss warp]
"""

import argparse
import collections
import datetime
import json
import os
import struct
import sys
import time

import numpy as np
import scipy.sparse as sp
from lightfm import LightFM

REQUIRED = ("event_id", "user_id", "set_id", "started_at", "ended_at", "platform", "study_mode")
WINDOW = 5
DEPTH = 100
CUTOFFS = (1, 10, 100)


def parse_time(text):
    return datetime.datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp()


def age_band(age):
    if age < 15:
        return "13-14"
    if age <= 16:
        return "15-16"
    if age <= 18:
        return "17-18"
    if age <= 22:
        return "19-22"
    return "23+"


def read_sets(path):
    sets = {}
    with open(path) as f:
        for line in f:
            try:
                record = json.loads(line)
            except ValueError:
                continue
            if isinstance(record, dict) and isinstance(record.get("set_id"), str) and record.get("subject"):
                sets.setdefault(record["set_id"], record)
    return sets


def read_sessions(path, sets):
    sessions = []
    with open(path) as f:
        for position, line in enumerate(f):
            try:
                e = json.loads(line)
                if not isinstance(e, dict) or any(not isinstance(e.get(k), str) or not e[k] for k in REQUIRED):
                    continue
                started, ended = parse_time(e["started_at"]), parse_time(e["ended_at"])
            except (ValueError, TypeError):
                continue
            age = e.get("user_age")
            if ended < started or (isinstance(age, int) and age < 13):
                continue
            subject = e.get("subject") or sets.get(e["set_id"], {}).get("subject")
            if not subject:
                continue
            e["_ended"], e["_position"], e["_subject"] = ended, position, subject
            sessions.append(e)
    sessions.sort(key=lambda e: (e["_ended"], e["_position"]))
    return sessions


def profile(sessions):
    """Each field's most frequent value, ties to the latest, as UserProfile does."""
    fields = {"platform": lambda e: e.get("platform"), "study_mode": lambda e: e.get("study_mode"),
              "term_lang": lambda e: e.get("term_lang"),
              "age_band": lambda e: age_band(e["user_age"]) if isinstance(e.get("user_age"), int) else None}
    result = {}
    for name, value in fields.items():
        counts = {}
        for seen, e in enumerate(sessions):
            v = value(e)
            if v is not None:
                counts[v] = (counts.get(v, (0, 0))[0] + 1, seen)
        result[name] = max(counts, key=counts.get) if counts else None
    return result


class Columns:
    """Feature name → column; names never seen map to the field's shared unknown column."""

    def __init__(self):
        self.index = {}

    def add(self, name):
        return self.index.setdefault(name, len(self.index))

    def get(self, name):
        return self.index.get(name, self.index.get(name.split("=", 1)[0] + "=?"))


def read_vectors(directory):
    """set id → vector from a `nere vectorize` artifact (safetensors read by hand)."""
    with open(os.path.join(directory, "set-vectors.json")) as f:
        description = json.load(f)
    set_ids = description.get("set_ids") or description["sets"]
    with open(os.path.join(directory, "set-vectors.safetensors"), "rb") as f:
        (header_size,) = struct.unpack("<Q", f.read(8))
        header = json.loads(f.read(header_size))
        data = f.read()
    entry = header["set_vectors"]
    begin, end = entry["data_offsets"]
    vectors = np.frombuffer(data[begin:end], dtype="<f4").reshape(entry["shape"])
    return dict(zip(set_ids, vectors))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--events", required=True)
    parser.add_argument("--sets", required=True)
    parser.add_argument("--split-at", required=True)
    parser.add_argument("--vectors")
    parser.add_argument("--loss", default="warp", choices=["warp", "bpr"])
    parser.add_argument("--dimensions", type=int, default=32)
    parser.add_argument("--epochs", type=int, default=10)
    parser.add_argument("--learning-rate", type=float, default=0.05)
    parser.add_argument("--l2", type=float, default=1e-6)
    parser.add_argument("--max-sampled", type=int, default=10)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--unweighted", action="store_true",
                        help="one update per (user, set) pair, however many sessions it had")
    args = parser.parse_args()

    split = parse_time(args.split_at)
    sets = read_sets(args.sets)
    sessions = read_sessions(args.events, sets)
    vectors = read_vectors(args.vectors) if args.vectors else {}

    set_ids = list(sets)
    set_row = {s: i for i, s in enumerate(set_ids)}
    training = [e for e in sessions if e["_ended"] < split and e["set_id"] in set_row]
    by_user = collections.defaultdict(list)
    for e in training:
        by_user[e["user_id"]].append(e)
    users = sorted(by_user)
    user_row = {u: i for i, u in enumerate(users)}

    user_columns = Columns()
    for u in users:
        user_columns.add("user=" + u)
    profiles = [profile(by_user[u]) for u in users]
    for field in ("platform", "study_mode", "term_lang", "age_band"):
        user_columns.add(field + "=?")
        for value in sorted({p[field] for p in profiles if p[field] is not None}):
            user_columns.add(f"{field}={value}")

    def user_feature_columns(p, user=None):
        columns = [user_columns.get(f"{k}={v}") if v is not None else user_columns.get(k + "=?") for k, v in p.items()]
        return ([user_columns.get("user=" + user)] if user is not None else []) + columns

    rows, cols = [], []
    for i, (u, p) in enumerate(zip(users, profiles)):
        for c in user_feature_columns(p, u):
            rows.append(i)
            cols.append(c)
    user_features = sp.csr_matrix((np.ones(len(rows), np.float32), (rows, cols)), shape=(len(users), len(user_columns.index)))

    set_fields = {"subject": lambda s: s.get("subject"), "term_lang": lambda s: s.get("term_lang"),
                  "def_lang": lambda s: s.get("def_lang"), "preferred_study_mode": lambda s: s.get("preferred_study_mode"),
                  "preferred_platform": lambda s: s.get("preferred_platform"),
                  "has_images": lambda s: str(s.get("has_images")).lower(), "has_diagrams": lambda s: str(s.get("has_diagrams")).lower()}
    item_columns = Columns()
    for s in set_ids:
        item_columns.add("set=" + s)
    for field, value in set_fields.items():
        item_columns.add(field + "=?")
        for v in sorted({value(sets[s]) for s in set_ids if value(sets[s]) is not None}):
            item_columns.add(f"{field}={v}")
    content_start = len(item_columns.index)
    dims = 128
    rows, cols, values = [], [], []
    for i, s in enumerate(set_ids):
        for field, value in set_fields.items():
            rows.append(i)
            cols.append(item_columns.get(f"{field}={value(sets[s])}"))
            values.append(1.0)
        rows.append(i)
        cols.append(item_columns.get("set=" + s))
        values.append(1.0)
        vector = vectors.get(s)
        if vector is not None and np.linalg.norm(vector) > 0:
            unit = vector / np.linalg.norm(vector)
            rows.extend([i] * dims)
            cols.extend(range(content_start, content_start + dims))
            values.extend(unit.tolist())
    item_features = sp.csr_matrix((np.array(values, np.float32), (rows, cols)),
                                  shape=(len(set_ids), content_start + dims))

    counts = collections.Counter((user_row[e["user_id"]], set_row[e["set_id"]]) for e in training)
    keys = list(counts)
    interactions = sp.coo_matrix((np.ones(len(keys), np.float32), ([k[0] for k in keys], [k[1] for k in keys])),
                                 shape=(len(users), len(set_ids)))
    weights = sp.coo_matrix((np.array([counts[k] for k in keys], np.float32), (interactions.row, interactions.col)),
                            shape=interactions.shape)

    model = LightFM(no_components=args.dimensions, loss=args.loss, learning_schedule="adagrad",
                    learning_rate=args.learning_rate, item_alpha=args.l2, user_alpha=args.l2,
                    max_sampled=args.max_sampled, random_state=args.seed)
    began = time.time()
    model.fit(interactions, user_features=user_features, item_features=item_features,
              sample_weight=None if args.unweighted else weights,
              epochs=args.epochs, num_threads=args.threads)
    training_seconds = time.time() - began

    item_biases, item_vectors = model.get_item_representations(item_features)
    by_subject = collections.defaultdict(list)
    for i, s in enumerate(set_ids):
        by_subject[sets[s]["subject"]].append(i)
    subject_rows = {k: np.array(v) for k, v in by_subject.items()}

    def ranking(user_vector, subject):
        members = subject_rows.get(subject)
        if members is None:
            return []
        scores = item_vectors[members] @ user_vector + item_biases[members]
        depth = min(DEPTH, len(members))
        best = np.argpartition(-scores, depth - 1)[:depth]
        best = best[np.lexsort((members[best], -scores[best]))]
        return [set_ids[members[b]] for b in best]

    windows = collections.defaultdict(list)
    known_rankings = {}
    hits = [0] * len(CUTOFFS)
    reciprocal, predictions = 0.0, 0
    for e in sessions:
        key = (e["user_id"], e["_subject"])
        window = windows[key]
        if any(w["event_id"] == e["event_id"] for w in window):
            continue
        if e["_ended"] >= split and window:
            user = e["user_id"]
            if user in user_row:
                if key not in known_rankings:
                    known_rankings[key] = ranking(np.asarray(model.user_embeddings[user_feature_columns(profiles[user_row[user]], user)].sum(0)), key[1])
                ranked = known_rankings[key]
            else:
                vector = model.user_embeddings[user_feature_columns(profile(window))].sum(0)
                ranked = ranking(vector, key[1])
            predictions += 1
            if e["set_id"] in ranked:
                rank = ranked.index(e["set_id"])
                for i, cutoff in enumerate(CUTOFFS):
                    hits[i] += rank < cutoff
                reciprocal += 1 / (rank + 1)
        window.append(e)
        if len(window) > WINDOW:
            window.pop(0)

    json.dump({"reference": "lightfm", "loss": args.loss, "weighted": not args.unweighted, "split_at": args.split_at,
               "training_sessions": len(training), "training_seconds": round(training_seconds, 1),
               "users": len(users), "sets": len(set_ids), "content_vectors": bool(vectors), "predictions": predictions,
               **{f"recall_at_{c}": hits[i] / max(1, predictions) for i, c in enumerate(CUTOFFS)},
               "mrr": reciprocal / max(1, predictions)}, sys.stdout, indent=2)
    print()


if __name__ == "__main__":
    main()
