"""Reference approximate-nearest-neighbour numbers for `nere bench index`.

Builds an index with each of two reference libraries from PyPI, hnswlib and
pynndescent, on the vectors the Swift benchmark wrote, and measures:

- build: wall-clock seconds on --build-threads threads (pynndescent's search
  graph preparation included), the growth of the process's resident set
  across the build (VmRSS after minus before, bytes) and the process's peak
  resident set during the build (VmHWM, reset just before it, bytes);
- search, per search width (hnswlib's ef, pynndescent's epsilon): queries per
  second for the whole query batch on one thread, after one untimed warm-up
  call, and recall@k against the exact neighbours.

One JSON document goes to stdout:

    {"libraries": [{"name", "version", "parameters", "build_seconds",
                    "memory_bytes", "peak_rss_bytes",
                    "searches": [{"width", "parameter", "recall",
                                  "queries_per_second"}, ...]}, ...]}

Progress goes to stderr only when stderr is a terminal. Bad arguments, missing
input and a library that cannot be imported end with one line on stderr and
exit status 2.

Run: `nere bench index` runs this as a subprocess; by hand:

    python3 Tests/Benchmarks/index_reference.py --data DIR

It needs `pip install hnswlib pynndescent` (and numpy).

Input: DIR holds NumPy .npy files (little-endian, C order):

- base.npy     float32 [n, d]  rows L2-normalised, so cosine = inner product
- queries.npy  float32 [q, d]  L2-normalised
- truth.npy    int32   [q, >=k] exact neighbour rows of each query by inner
                                product, best first
"""

import argparse
import gc
import importlib
import importlib.metadata
import json
import os
import sys
import time

import numpy as np

LIBRARIES = ("hnswlib", "pynndescent")
SEED = 42
WARM_UP_QUERIES = 10
# Rows for pynndescent's untimed warm-up build, which JIT-compiles its numba
# code (about 20 s per process) so that compilation is not timed as build.
JIT_WARM_UP_ROWS = 2000


def fail(message):
    print(f"index_reference: {message}", file=sys.stderr)
    sys.exit(2)


def status(message):
    if sys.stderr.isatty():
        print(message, file=sys.stderr, flush=True)


class ArgumentParser(argparse.ArgumentParser):
    def error(self, message):
        fail(message)


def comma_list(convert):
    def parse(text):
        try:
            return [convert(item.strip()) for item in text.split(",") if item.strip()]
        except ValueError:
            raise argparse.ArgumentTypeError(f"not a comma list of {convert.__name__}: {text!r}")
    return parse


def parse_args(argv):
    parser = ArgumentParser(description="Benchmark hnswlib and pynndescent on `nere bench index` vectors.")
    parser.add_argument("--data", required=True, help="directory with base.npy, queries.npy, truth.npy")
    parser.add_argument("--k", type=int, default=100)
    parser.add_argument("--libraries", type=comma_list(str), default=list(LIBRARIES))
    parser.add_argument("--build-threads", type=int, default=2)
    parser.add_argument("--hnsw-m", type=int, default=16)
    parser.add_argument("--hnsw-ef-construction", type=int, default=200)
    parser.add_argument("--hnsw-ef", type=comma_list(int), default=[100, 150, 200, 300, 400, 600])
    parser.add_argument("--pynndescent-neighbors", type=int, default=30)
    parser.add_argument("--pynndescent-epsilon", type=comma_list(float), default=[0.0, 0.05, 0.1, 0.2, 0.3])
    args = parser.parse_args(argv)

    unknown = [name for name in args.libraries if name not in LIBRARIES]
    if unknown or not args.libraries:
        fail(f"--libraries takes a comma list of {', '.join(LIBRARIES)}; got {','.join(args.libraries) or 'none'}")
    for option in ("k", "build_threads", "hnsw_m", "hnsw_ef_construction", "pynndescent_neighbors"):
        if getattr(args, option) < 1:
            fail(f"--{option.replace('_', '-')} must be at least 1")
    if any(eps < 0 for eps in args.pynndescent_epsilon):
        fail("--pynndescent-epsilon values must be >= 0")
    args.hnsw_ef = [ef for ef in args.hnsw_ef if ef >= args.k]
    if "hnswlib" in args.libraries and not args.hnsw_ef:
        fail(f"no --hnsw-ef value is >= k ({args.k})")
    if "pynndescent" in args.libraries and not args.pynndescent_epsilon:
        fail("--pynndescent-epsilon is empty")
    return args


def import_libraries(names, build_threads):
    # numba refuses set_num_threads(n) above NUMBA_NUM_THREADS (default: the
    # core count), so allow --build-threads before numba is first imported.
    os.environ.setdefault("NUMBA_NUM_THREADS", str(max(build_threads, os.cpu_count() or 1)))
    modules = {}
    for name in names:
        try:
            modules[name] = importlib.import_module(name)
        except ImportError as error:
            fail(f"cannot import {name} ({error}); run: pip install hnswlib pynndescent")
    return modules


def load_array(directory, name, kind):
    path = os.path.join(directory, name)
    if not os.path.isfile(path):
        fail(f"missing {path}")
    try:
        array = np.load(path)
    except (OSError, ValueError) as error:
        fail(f"cannot read {path}: {error}")
    if array.ndim != 2 or array.dtype.kind not in kind or 0 in array.shape:
        fail(f"{path} must be a non-empty 2-D array of kind {kind!r}, got {array.dtype} {array.shape}")
    return array


def load_data(directory, k):
    if not os.path.isdir(directory):
        fail(f"--data {directory} is not a directory")
    base = np.ascontiguousarray(load_array(directory, "base.npy", "f"), dtype=np.float32)
    queries = np.ascontiguousarray(load_array(directory, "queries.npy", "f"), dtype=np.float32)
    truth = load_array(directory, "truth.npy", "iu")
    if queries.shape[1] != base.shape[1]:
        fail(f"queries have {queries.shape[1]} dimensions, base has {base.shape[1]}")
    if truth.shape[0] != queries.shape[0]:
        fail(f"truth has {truth.shape[0]} rows for {queries.shape[0]} queries")
    if truth.shape[1] < k or base.shape[0] < k:
        fail(f"k={k} exceeds truth columns ({truth.shape[1]}) or base rows ({base.shape[0]})")
    return base, queries, np.ascontiguousarray(truth[:, :k], dtype=np.int64)


def status_bytes(field):
    """A memory line of /proc/self/status (VmRSS, VmHWM), in bytes."""
    with open("/proc/self/status") as status_file:
        for line in status_file:
            if line.startswith(field + ":"):
                return int(line.split()[1]) * 1024
    raise RuntimeError(f"/proc/self/status has no {field}")


def reset_peak_rss():
    """Restart VmHWM from the current resident set (Linux clear_refs 5)."""
    with open("/proc/self/clear_refs", "w") as clear_refs:
        clear_refs.write("5")


def measure_build(build, base):
    gc.collect()
    reset_peak_rss()
    rss_before = status_bytes("VmRSS")
    start = time.perf_counter()
    index = build(base)
    seconds = time.perf_counter() - start
    return index, seconds, status_bytes("VmRSS") - rss_before, status_bytes("VmHWM")


def recall_at_k(found, truth):
    found = np.asarray(found, dtype=np.int64)
    hits = sum(np.intersect1d(row, exact).size for row, exact in zip(found, truth))
    return hits / truth.size


def measure_search(search, queries, truth):
    start = time.perf_counter()
    found = search(queries)
    seconds = time.perf_counter() - start
    return recall_at_k(found, truth), queries.shape[0] / seconds


def hnswlib_library(hnswlib, args):
    def build(base):
        index = hnswlib.Index(space="ip", dim=base.shape[1])
        index.init_index(max_elements=base.shape[0], ef_construction=args.hnsw_ef_construction,
                         M=args.hnsw_m, random_seed=SEED)
        index.add_items(base, np.arange(base.shape[0]), num_threads=args.build_threads)
        return index

    def searcher(index, ef):
        index.set_ef(ef)
        return lambda queries: index.knn_query(queries, k=args.k, num_threads=1)[0]

    parameters = {"space": "ip", "M": args.hnsw_m, "ef_construction": args.hnsw_ef_construction,
                  "build_threads": args.build_threads, "k": args.k, "random_seed": SEED}
    return dict(parameters=parameters, build=build, searcher=searcher,
                widths=args.hnsw_ef, parameter="ef", warm_up=None)


def pynndescent_library(pynndescent, args):
    import numba

    # 'dot' is pynndescent's distance for unit vectors, 1 - <x, y>, which is
    # exactly cosine distance on our normalised rows, so its ranking matches
    # truth.npy without per-pair norm work. 'cosine' ranks the same but is
    # meant for unnormalised data; 'inner_product' is for unnormalised maximum
    # inner product search.
    metric = "dot"

    def build(base):
        index = pynndescent.NNDescent(base, metric=metric, n_neighbors=args.pynndescent_neighbors,
                                      n_jobs=args.build_threads, random_state=SEED)
        index.prepare()
        return index

    def searcher(index, epsilon):
        numba.set_num_threads(1)
        return lambda queries: index.query(queries, k=args.k, epsilon=epsilon)[0]

    def warm_up(base):
        build(base[:JIT_WARM_UP_ROWS])

    parameters = {"metric": metric, "n_neighbors": args.pynndescent_neighbors,
                  "build_threads": args.build_threads, "k": args.k, "random_state": SEED}
    return dict(parameters=parameters, build=build, searcher=searcher,
                widths=args.pynndescent_epsilon, parameter="epsilon", warm_up=warm_up)


def run_library(name, library, base, queries, truth):
    if library["warm_up"]:
        status(f"{name}: warming up")
        library["warm_up"](base)
    status(f"{name}: building on {base.shape[0]} x {base.shape[1]}")
    index, build_seconds, memory_bytes, peak_rss_bytes = measure_build(library["build"], base)
    status(f"{name}: built in {build_seconds:.2f} s, +{memory_bytes / 2**20:.1f} MiB")
    library["searcher"](index, library["widths"][0])(queries[:WARM_UP_QUERIES])
    searches = []
    for width in library["widths"]:
        recall, qps = measure_search(library["searcher"](index, width), queries, truth)
        status(f"{name}: {library['parameter']}={width} recall={recall:.4f} qps={qps:.0f}")
        searches.append({"width": width, "parameter": library["parameter"],
                         "recall": recall, "queries_per_second": qps})
    del index
    gc.collect()  # free this index before the next library builds, so memory numbers don't overlap
    return {"name": name, "version": importlib.metadata.version(name),
            "parameters": library["parameters"], "build_seconds": build_seconds,
            "memory_bytes": memory_bytes, "peak_rss_bytes": peak_rss_bytes, "searches": searches}


def main(argv):
    args = parse_args(argv)
    modules = import_libraries(args.libraries, args.build_threads)
    base, queries, truth = load_data(args.data, args.k)
    describe = {"hnswlib": hnswlib_library, "pynndescent": pynndescent_library}
    results = [run_library(name, describe[name](modules[name], args), base, queries, truth)
               for name in args.libraries]
    json.dump({"libraries": results}, sys.stdout, indent=2)
    print()


if __name__ == "__main__":
    main(sys.argv[1:])
