import COpenBLAS
import Foundation
import NEREIndex

/// One dataset of `nere bench index`: base rows and held-out queries, unit length, row-major.
struct IndexDataset {
    var name: String
    var dimensions: Int
    var base: [Float]
    var queries: [Float]

    var rows: Int { base.count / dimensions }
    var queryCount: Int { queries.count / dimensions }
}

/// Our figures on one dataset: exact search (the reference answer and its speed), the graph's
/// construction, and recall and speed of graph search at each width.
struct IndexFigures: Codable {
    struct Search: Codable {
        var width: Int
        var recall: Double
        var queriesPerSecond: Double

        enum CodingKeys: String, CodingKey {
            case width, recall, queriesPerSecond = "queries_per_second"
        }
    }

    var dataset: String
    var rows: Int
    var queries: Int
    var k: Int
    /// Exact search one query at a time, and in batches of `exactBatch` (one `sgemm` per batch).
    var exactQueriesPerSecond: Double
    var exactBatchQueriesPerSecond: Double
    var exactBatch: Int
    var buildSeconds: Double
    var buildRounds: [Int]
    var memoryBytes: Int
    var meanDegree: Double
    var levels: [Int]
    var searches: [Search]

    enum CodingKeys: String, CodingKey {
        case dataset, rows, queries, k
        case exactQueriesPerSecond = "exact_queries_per_second"
        case exactBatchQueriesPerSecond = "exact_batch_queries_per_second", exactBatch = "exact_batch"
        case buildSeconds = "build_seconds", buildRounds = "build_rounds", memoryBytes = "memory_bytes", searches
        case meanDegree = "mean_degree", levels
    }
}

/// Measures our index on a dataset, everything single-threaded except the build (which uses
/// the configured threads, as the references' builds do).
struct IndexBenchmark {
    var k = 100
    var widths: [Int]
    var parameters: GraphParameters
    var exactBatch = 64

    /// The measured figures and the exact top-k of every query (positions in `dataset.base`, best first).
    func measure(_ dataset: IndexDataset, progress: (String) -> Void) throws -> (IndexFigures, [[IndexRow]]) {
        openblas_set_num_threads(1)
        var configuration = NearestSetIndex.Configuration()
        configuration.exactBelow = 0
        configuration.graph = parameters
        let index = NearestSetIndex(dimensions: dataset.dimensions, configuration: configuration)
        let keys = (0..<dataset.rows).map { String($0) }

        progress("building the graph")
        let memoryBefore = ResidentMemory.bytesAfterReturningFreedMemory
        var rounds: [Int] = []
        let buildSeconds = try ContinuousClock().measure {
            try index.insert(keys: keys, vectors: dataset.base) { _, updates in rounds.append(updates) }
        }.seconds
        let memory = ResidentMemory.bytesAfterReturningFreedMemory - memoryBefore

        progress("exact search")
        let d = dataset.dimensions
        var truth: [[ScoredRow]] = []
        let batchSeconds = ContinuousClock().measure {
            for start in stride(from: 0, to: dataset.queryCount, by: exactBatch) {
                let end = min(dataset.queryCount, start + exactBatch)
                truth += index.exactSearch(Array(dataset.queries[start * d..<end * d]), count: k)
            }
        }.seconds
        let singles = min(dataset.queryCount, 50)
        let singleSeconds = ContinuousClock().measure {
            for query in 0..<singles { _ = index.exactSearch(Array(dataset.queries[query * d..<(query + 1) * d]), count: k) }
        }.seconds

        var searches: [IndexFigures.Search] = []
        let queries = (0..<dataset.queryCount).map { Array(dataset.queries[$0 * d..<($0 + 1) * d]) }
        for width in widths {
            progress("graph search, width \(width)")
            var found: [[ScoredRow]] = []
            found.reserveCapacity(queries.count)
            let seconds = ContinuousClock().measure {
                for query in queries { found.append(index.search(query, count: k, width: width)) }
            }.seconds
            let recall = Self.recall(found, truth)
            searches.append(.init(width: width, recall: recall, queriesPerSecond: Double(queries.count) / seconds))
        }
        let figures = IndexFigures(
            dataset: dataset.name, rows: dataset.rows, queries: dataset.queryCount, k: k,
            exactQueriesPerSecond: Double(singles) / singleSeconds,
            exactBatchQueriesPerSecond: Double(dataset.queryCount) / batchSeconds, exactBatch: exactBatch,
            buildSeconds: buildSeconds, buildRounds: rounds, memoryBytes: memory,
            meanDegree: index.graphShape?.meanDegree ?? 0, levels: index.graphShape?.levels ?? [], searches: searches)
        // The index stores rows in its own order; the references number rows as the input does.
        return (figures, truth.map { $0.compactMap { index.key(of: $0.row).flatMap { UInt32($0) } } })
    }

    /// A found row counts when it is at least as near as the k-th exact neighbour, less a
    /// rounding slack (ann-benchmarks' rule): catalogs hold identical vectors, and which of
    /// several tied rows exact search listed is arbitrary. The reference script counts alike.
    static func recall(_ found: [[ScoredRow]], _ truth: [[ScoredRow]]) -> Double {
        let hits = zip(found, truth).reduce(0) { sum, pair in
            guard let kth = pair.1.last?.similarity else { return sum }
            return sum + pair.0.filter { $0.similarity >= kth - 1e-5 }.count
        }
        return Double(hits) / Double(max(1, truth.reduce(0) { $0 + $1.count }))
    }
}

/// The process's resident set, from /proc (Linux); 0 where there is none.
enum ResidentMemory {
    /// The resident set once the allocator has handed freed memory back (glibc's `malloc_trim`):
    /// what the index keeps, not what building it used on the way; the reference script does
    /// the same before each library's build.
    static var bytesAfterReturningFreedMemory: Int {
        #if os(Linux)
        _ = mallocTrim(0)
        #endif
        return bytes
    }

    static var bytes: Int {
        guard let statm = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8),
              let pages = statm.split(separator: " ").dropFirst().first.flatMap({ Int($0) }) else { return 0 }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }
}

#if os(Linux)
/// glibc's `malloc_trim` (declared in malloc.h, which the Glibc module does not export).
@_silgen_name("malloc_trim")
private func mallocTrim(_ pad: Int) -> Int32
#endif
