"""Reference approximate-nearest-neighbour numbers for `nere bench index`.

Builds an index with each of two reference libraries from PyPI, hnswlib and
pynndescent, on the vectors the Swift benchmark wrote, and measures:

- build: wall-clock seconds on --build-threads threads (pynndescent's search
  graph preparation included); memory_bytes, the growth of the process's
  resident set across the build (VmRSS after minus before); peak_rss_bytes,
  the highest the resident set rose above that same starting point during the
  build (VmHWM, reset just before it, minus VmRSS before). Both leave out the
  interpreter, numba's compiled code and the loaded vectors, which would
  otherwise swamp the index and depend on what ran earlier in the process;
- search, per search width (hnswlib's ef, pynndescent's epsilon): queries per
  second for the whole query batch on one thread, after one untimed warm-up
  call, and recall@k against the exact neighbours (a found row counts when it
  is at least as near as the k-th exact neighbour, so tied rows count alike).

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
import ctypes
import dataclasses
import gc
import importlib
import importlib.metadata
import json
import os
import sys
import time
from typing import Callable, Optional

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
    fail(f"/proc/self/status has no {field}")


def reset_peak_rss():
    """Restart VmHWM from the current resident set (Linux clear_refs 5)."""
    with open("/proc/self/clear_refs", "w") as clear_refs:
        clear_refs.write("5")


def release_memory():
    """Collect garbage and hand freed heap pages back to the kernel (glibc's
    malloc_trim), so a build's RSS growth is not hidden by reuse of memory that
    an earlier, freed index left resident."""
    gc.collect()
    ctypes.CDLL(None).malloc_trim(0)


def measure_build(build, base):
    release_memory()
    reset_peak_rss()
    rss_before = status_bytes("VmRSS")
    start = time.perf_counter()
    index = build(base)
    seconds = time.perf_counter() - start
    return index, seconds, status_bytes("VmRSS") - rss_before, status_bytes("VmHWM") - rss_before


# A found row counts when it is at least as near as the k-th exact neighbour, less this
# slack (ann-benchmarks' rule): catalogs hold identical vectors, and which of several tied
# rows the exact search listed is arbitrary. `nere bench index` scores its own rows the same way.
TIE_SLACK = 1e-5


def recall_at_k(found, truth, base, queries):
    found = np.asarray(found, dtype=np.int64)
    kth = np.einsum("ij,ij->i", queries, base[truth[:, -1]]) - TIE_SLACK
    similarities = np.einsum("ikj,ij->ik", base[found], queries)
    return float((similarities >= kth[:, None]).sum()) / truth.size


def measure_search(search, base, queries, truth):
    start = time.perf_counter()
    found = search(queries)
    seconds = time.perf_counter() - start
    return recall_at_k(found, truth, base, queries), queries.shape[0] / seconds


@dataclasses.dataclass
class Library:
    """How to build, warm up and search one library's index."""
    parameters: dict
    build: Callable  # base -> index
    searcher: Callable  # (index, width) -> (queries -> neighbour rows)
    widths: list
    parameter: str  # what a width is, in the library's own terms
    warm_up: Optional[Callable] = None  # base -> None, untimed, before the build


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
    return Library(parameters, build, searcher, args.hnsw_ef, "ef")


def pynndescent_library(pynndescent, args):
    import numba

    # 'dot' is pynndescent's distance for unit-length vectors, 1 - <x, y>: on
    # our normalised rows that is cosine distance, ranking as truth.npy does.
    # 'cosine' would rank the same (on dense data it also normalises, then
    # compares by dot product) but is the one for unnormalised data, and
    # 'inner_product' is for maximum inner product search on unnormalised rows.
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
    return Library(parameters, build, searcher, args.pynndescent_epsilon, "epsilon", warm_up)


def run_library(name, library, base, queries, truth):
    if library.warm_up:
        status(f"{name}: warming up")
        library.warm_up(base)
    status(f"{name}: building on {base.shape[0]} x {base.shape[1]}")
    index, build_seconds, memory_bytes, peak_rss_bytes = measure_build(library.build, base)
    status(f"{name}: built in {build_seconds:.2f} s, +{memory_bytes / 2**20:.1f} MiB")
    library.searcher(index, library.widths[0])(queries[:WARM_UP_QUERIES])
    searches = []
    for width in library.widths:
        recall, qps = measure_search(library.searcher(index, width), base, queries, truth)
        status(f"{name}: {library.parameter}={width} recall={recall:.4f} qps={qps:.0f}")
        searches.append({"width": width, "parameter": library.parameter,
                         "recall": recall, "queries_per_second": qps})
    del index
    release_memory()  # so the next library's build starts without this index
    return {"name": name, "version": importlib.metadata.version(name),
            "parameters": library.parameters, "build_seconds": build_seconds,
            "memory_bytes": memory_bytes, "peak_rss_bytes": peak_rss_bytes, "searches": searches}


def main(argv):
    args = parse_args(argv)
    if not os.path.exists("/proc/self/status"):
        fail("memory is read from /proc/self/status, so this runs on Linux only")
    base, queries, truth = load_data(args.data, args.k)
    modules = import_libraries(args.libraries, args.build_threads)
    describe = {"hnswlib": hnswlib_library, "pynndescent": pynndescent_library}
    results = [run_library(name, describe[name](modules[name], args), base, queries, truth)
               for name in args.libraries]
    json.dump({"libraries": results}, sys.stdout, indent=2)
    print()


if __name__ == "__main__":
    main(sys.argv[1:])
