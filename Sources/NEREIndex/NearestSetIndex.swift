import Foundation
import COpenBLAS
import NEREContracts
import Synchronization

/// Sets nearest to a vector by cosine (DESIGN §6): exact search while the catalog is small, an
/// NN-Descent graph once it reaches `Configuration.exactBelow` live sets. Sets are added, moved
/// and deleted while queries run: queries share a read lock, changes take the write lock.
///
/// Each key (a set id) owns a row for as long as it is indexed; searches answer with rows so a
/// caller can keep its own per-row data in arrays. A deleted key's row stays in the graph as a
/// waypoint (never returned) until enough deletions pile up to repair the graph around them
/// and reuse the rows.
public final class NearestSetIndex: @unchecked Sendable {
    public struct Configuration: Sendable, Hashable, Codable {
        /// Below this many live sets a query scans them all; at or above it the graph is built
        /// and searched. A built graph is kept when deletions take the catalog back under.
        public var exactBelow = 20_000
        public var graph = GraphParameters()

        public init() {}

        enum CodingKeys: String, CodingKey {
            case exactBelow = "exact_below", graph
        }
    }

    public enum Method: String, Sendable, Codable {
        case exact, graph
    }

    enum RowState: UInt8 {
        case free, live, deleted
    }

    public let dimensions: Int
    public let configuration: Configuration
    /// Free-form facts saved with the index, e.g. which set vectors it was built from.
    public var metadata: [String: String] {
        get { lock.reading { state.metadata } }
        set { lock.writing { state.metadata = newValue } }
    }

    private let lock = ReadWriteLock()
    private var state: State
    private let scratchPool = Mutex<[SearchScratch]>([])

    struct State {
        var vectors: UnitVectors
        var keys: [String?] = []
        var rowStates: [RowState] = []
        var rowByKey: [String: IndexRow] = [:]
        var freeRows: [IndexRow] = []
        var deletedRows = 0
        var graph: ProximityGraph?
        var entryRows: [IndexRow] = []
        /// The entry rows' vectors side by side: one `sgemv` scores them all.
        var entryVectors: [Float] = []
        var metadata: [String: String] = [:]
    }

    public init(dimensions: Int, configuration: Configuration = Configuration()) {
        self.dimensions = dimensions
        self.configuration = configuration
        state = State(vectors: UnitVectors(dimensions: dimensions))
    }

    init(dimensions: Int, configuration: Configuration, state: State) {
        self.dimensions = dimensions
        self.configuration = configuration
        self.state = state
    }

    /// Indexes many sets at once: vectors are row-major [keys.count × dimensions]. Keys whose
    /// vector has no direction are skipped and returned; the graph, if the catalog is large
    /// enough for one, is built once at the end rather than set by set.
    @discardableResult
    public func insert(keys: [String], vectors: [Float],
                       progress: (_ round: Int, _ updates: Int) -> Void = { _, _ in }) throws -> [String] {
        guard vectors.count == keys.count * dimensions else {
            throw IndexError("\(vectors.count) values are not \(keys.count) vectors of \(dimensions) dimensions")
        }
        return try lock.writing {
            var skipped: [String] = []
            for (offset, key) in keys.enumerated() {
                guard let unit = UnitVectors.normalized(vectors[offset * dimensions..<(offset + 1) * dimensions]) else {
                    skipped.append(key)
                    continue
                }
                try place(key, unit, linking: false)
            }
            if state.graph != nil || liveCount >= configuration.exactBelow { rebuildGraph(progress: progress) }
            return skipped
        }
    }

    /// Adds `key` or moves it to a new vector. Throws for a vector of the wrong size or with no
    /// direction (all zeros or not finite). Returns the key's row.
    @discardableResult
    public func upsert(_ key: String, vector: [Float]) throws -> IndexRow {
        guard vector.count == dimensions else {
            throw IndexError("set \(key): a vector of \(vector.count) values, the index has \(dimensions) dimensions")
        }
        guard let unit = UnitVectors.normalized(vector) else {
            throw IndexError("set \(key): the vector is all zeros or not finite, so nothing is near it")
        }
        return try lock.writing {
            let row = try place(key, unit, linking: true)
            if state.graph == nil, liveCount >= configuration.exactBelow { rebuildGraph() }
            return row
        }
    }

    /// Stops returning `key`. False if it was not indexed.
    @discardableResult
    public func remove(_ key: String) -> Bool {
        lock.writing {
            guard let row = state.rowByKey.removeValue(forKey: key) else { return false }
            state.keys[Int(row)] = nil
            if state.graph == nil {
                state.rowStates[Int(row)] = .free
                state.freeRows.append(row)
            } else {
                state.rowStates[Int(row)] = .deleted
                state.deletedRows += 1
                if state.deletedRows > max(64, liveCount / 10) { consolidateDeletions() }
            }
            return true
        }
    }

    public var count: Int { lock.reading { liveCount } }
    public var method: Method { lock.reading { state.graph == nil ? .exact : .graph } }
    public func row(of key: String) -> IndexRow? { lock.reading { state.rowByKey[key] } }
    public func key(of row: IndexRow) -> String? { lock.reading { Int(row) < state.keys.count ? state.keys[Int(row)] : nil } }

    // MARK: Searching

    /// The `count` live rows nearest to `query`, best first, among those `isResult` accepts.
    /// `width` is the graph search's candidate list (at least `count`; the configured default
    /// when nil); exact search ignores it.
    public func search(_ query: [Float], count: Int, width: Int? = nil,
                       where isResult: (IndexRow) -> Bool = { _ in true }) -> [ScoredRow] {
        guard query.count == dimensions, count > 0, let unit = UnitVectors.normalized(query) else { return [] }
        return lock.reading {
            guard let graph = state.graph else {
                return exact(unit, count: count) { _, row in isResult(row) }[0]
            }
            return withScratch { scratch in
                unit.withUnsafeBufferPointer { query in
                    state.vectors.values.withUnsafeBufferPointer { vectors in
                        let search = GraphSearch(graph: graph, vectors: vectors.baseAddress!, dimensions: dimensions)
                        let states = state.rowStates
                        let found = search.search(query.baseAddress!, width: max(count, width ?? configuration.graph.searchWidth),
                                                  seeds: seeds(for: query.baseAddress!), scratch: scratch) { row in
                            states[Int(row)] == .live && isResult(row)
                        }
                        return Array(found.prefix(count))
                    }
                }
            }
        }
    }

    /// Exact answers for a batch of queries (row-major [n × dimensions]) whatever the method:
    /// the reference recall is measured against, and one matrix product for the whole batch.
    public func exactSearch(_ queries: [Float], count: Int,
                            where isResult: (_ query: Int, _ row: IndexRow) -> Bool = { _, _ in true }) -> [[ScoredRow]] {
        let units = stride(from: 0, to: queries.count, by: dimensions).flatMap { start in
            UnitVectors.normalized(queries[start..<min(queries.count, start + dimensions)]) ?? []
        }
        guard units.count == queries.count, count > 0 else { return Array(repeating: [], count: queries.count / dimensions) }
        return lock.reading { exact(units, count: count, where: isResult) }
    }

    private func exact(_ units: [Float], count: Int, where isResult: (Int, IndexRow) -> Bool) -> [[ScoredRow]] {
        units.withUnsafeBufferPointer { queries in
            state.vectors.values.withUnsafeBufferPointer { rows in
                let states = state.rowStates
                return ExactSearch.search(queries: queries, rows: rows, dimensions: dimensions, count: count) { query, row in
                    states[Int(row)] == .live && isResult(query, row)
                }
            }
        }
    }

    /// The entry rows nearest to the query: where the beam starts.
    private func seeds(for query: UnsafePointer<Float>) -> [IndexRow] {
        let entries = state.entryRows.count
        guard entries > 0 else { return [] }
        var scores = [Float](repeating: 0, count: entries)
        cblas_sgemv(CblasRowMajor, CblasNoTrans, Int32(entries), Int32(dimensions), 1, state.entryVectors,
                    Int32(dimensions), query, 1, 0, &scores, 1)
        var best = ScoredHeap<WorstOnTop>()
        for (offset, score) in scores.enumerated() {
            best.offer(ScoredRow(similarity: score, row: state.entryRows[offset]), capacity: configuration.graph.entrySeeds)
        }
        return best.sortedBestFirst().map(\.row)
    }

    private func withScratch<Result>(_ body: (SearchScratch) -> Result) -> Result {
        let scratch = scratchPool.withLock { $0.popLast() } ?? SearchScratch()
        defer { scratchPool.withLock { $0.append(scratch) } }
        return body(scratch)
    }

    // MARK: Changing (under the write lock)

    private var liveCount: Int { state.rowByKey.count }

    @discardableResult
    private func place(_ key: String, _ unit: [Float], linking: Bool) throws -> IndexRow {
        let row: IndexRow
        if let existing = state.rowByKey[key] {
            row = existing
            state.vectors.replace(row, with: unit)
        } else if let free = state.freeRows.popLast() {
            row = free
            state.vectors.replace(row, with: unit)
        } else {
            guard state.keys.count < Int(IndexRow.max) else { throw IndexError("the index is full (\(IndexRow.max) rows)") }
            row = state.vectors.append(unit)
            state.keys.append(nil)
            state.rowStates.append(.free)
        }
        state.keys[Int(row)] = key
        state.rowStates[Int(row)] = .live
        state.rowByKey[key] = row
        if linking, state.graph != nil { link(row) }
        return row
    }

    /// Gives `row` out-edges found by searching the graph for its vector, and links each new
    /// neighbour back (re-pruning a neighbour that has no room). Edges into the row from its
    /// old position (when a set moves) stay: they cost a search a detour, never a wrong answer.
    private func link(_ row: IndexRow) {
        let parameters = configuration.graph
        state.graph!.ensureRows(state.vectors.count)
        let unit = Array(state.vectors.row(row))
        let candidates = withScratch { scratch in
            unit.withUnsafeBufferPointer { query in
                state.vectors.values.withUnsafeBufferPointer { vectors in
                    let states = state.rowStates
                    return GraphSearch(graph: state.graph!, vectors: vectors.baseAddress!, dimensions: dimensions)
                        .search(query.baseAddress!, width: parameters.insertWidth, seeds: seeds(for: query.baseAddress!),
                                scratch: scratch) { $0 != row && states[Int($0)] == .live }
                }
            }
        }
        let chosen = pruned(candidates)
        state.graph!.setNeighbors(of: row, to: chosen.map(\.row))
        for neighbor in chosen where !state.graph!.appendNeighbor(row, to: neighbor.row) {
            let current = scored(state.graph!.neighbors(of: neighbor.row), against: neighbor.row)
            let merged = mergeBestFirst(current, [ScoredRow(similarity: neighbor.similarity, row: row)])
            state.graph!.setNeighbors(of: neighbor.row, to: pruned(merged).map(\.row))
        }
        if state.entryRows.count < parameters.entryPoints { addEntry(row) }
    }

    /// Repairs the graph around deleted rows, then frees them: each live row that pointed at a
    /// deleted one chooses again among its live neighbours and the deleted row's live
    /// neighbours (FreshDiskANN's delete consolidation).
    private func consolidateDeletions() {
        guard var graph = state.graph else { return }
        let states = state.rowStates
        for row in 0..<graph.rows where states[row] == .live {
            let neighbors = graph.neighbors(of: IndexRow(row))
            guard neighbors.contains(where: { states[Int($0)] == .deleted }) else { continue }
            var candidates: [IndexRow] = []
            for neighbor in neighbors {
                if states[Int(neighbor)] == .deleted {
                    candidates += graph.neighbors(of: neighbor).filter { states[Int($0)] == .live && Int($0) != row }
                } else {
                    candidates.append(neighbor)
                }
            }
            let merged = mergeBestFirst(scored(candidates, against: IndexRow(row)), [])
            graph.setNeighbors(of: IndexRow(row), to: pruned(merged).map(\.row))
        }
        for row in 0..<graph.rows where states[row] == .deleted {
            graph.setNeighbors(of: IndexRow(row), to: [])
            state.rowStates[row] = .free
            state.freeRows.append(IndexRow(row))
        }
        state.graph = graph
        state.deletedRows = 0
        let liveEntries = state.entryRows.filter { state.rowStates[Int($0)] == .live }
        state.entryRows = []
        state.entryVectors = []
        for row in liveEntries { addEntry(row) }
    }

    /// Builds the graph over every live row with NN-Descent, replacing any graph there was.
    private func rebuildGraph(progress: (Int, Int) -> Void = { _, _ in }) {
        let parameters = configuration.graph
        if state.deletedRows > 0 {
            for row in state.rowStates.indices where state.rowStates[row] == .deleted {
                state.rowStates[row] = .free
                state.freeRows.append(IndexRow(row))
            }
            state.deletedRows = 0
        }
        let liveRows = state.rowStates.indices.filter { state.rowStates[$0] == .live }.map(IndexRow.init)
        // NN-Descent runs on the live rows packed together; its node numbers are mapped back.
        let packed = liveRows.flatMap { state.vectors.row($0) }
        var graph = packed.withUnsafeBufferPointer { packed in
            let vectors = packed.baseAddress!
            let descent = NNDescent(vectors: vectors, nodes: liveRows.count, dimensions: dimensions, parameters: parameters)
            let lists = descent.build(progress: progress).lists
            return ProximityGraph.fromNearestNeighbors(lists, vectors: vectors, dimensions: dimensions, parameters: parameters)
        }
        var mapped = ProximityGraph(maxDegree: parameters.maxDegree, rows: state.vectors.count)
        for (node, row) in liveRows.enumerated() {
            mapped.setNeighbors(of: row, to: graph.neighbors(of: IndexRow(node)).map { liveRows[Int($0)] })
        }
        graph = mapped
        state.graph = graph
        state.entryRows = []
        state.entryVectors = []
        let stride = max(1, liveRows.count / max(1, parameters.entryPoints))
        for (offset, row) in liveRows.enumerated() where offset % stride == 0 && state.entryRows.count < parameters.entryPoints {
            addEntry(row)
        }
    }

    private func addEntry(_ row: IndexRow) {
        state.entryRows.append(row)
        state.entryVectors.append(contentsOf: state.vectors.row(row))
    }

    private func scored(_ rows: some Collection<IndexRow>, against row: IndexRow) -> [ScoredRow] {
        state.vectors.values.withUnsafeBufferPointer { vectors in
            let base = vectors.baseAddress!, node = base + Int(row) * dimensions
            return rows.map { ScoredRow(similarity: cosine(node, base + Int($0) * dimensions, Int32(dimensions)), row: $0) }
        }
    }

    private func pruned(_ candidates: [ScoredRow]) -> [ScoredRow] {
        state.vectors.values.withUnsafeBufferPointer { vectors in
            DiversityPruning(vectors: vectors.baseAddress!, dimensions: dimensions,
                             maxDegree: configuration.graph.maxDegree, slack: configuration.graph.pruneSlack)
                .prune(candidates)
        }
    }
}

// MARK: Persistence

extension NearestSetIndex {
    /// Saves the index (see `IndexFile` for the format); queries may run meanwhile.
    public func write(to url: URL) throws {
        let bytes = try lock.reading { try IndexFile.encode(dimensions: dimensions, configuration: configuration, state: state) }
        try AtomicFile.write(Data(bytes), to: url)
    }

    /// Loads an index written by `write(to:)`; a truncated, damaged or foreign file is refused
    /// with a message naming the file and what is wrong with it.
    public static func load(from url: URL) throws(IndexError) -> NearestSetIndex {
        let bytes: [UInt8]
        do {
            bytes = [UInt8](try Data(contentsOf: url))
        } catch {
            throw IndexError("\(url.path): cannot read (\(error.localizedDescription))")
        }
        let (header, state) = try IndexFile.decode(bytes, path: url.path)
        return NearestSetIndex(dimensions: header.dimensions, configuration: header.configuration, state: state)
    }
}

// MARK: Inspection

extension NearestSetIndex {
    /// Rows waiting to be reused.
    var freeRowCount: Int { lock.reading { state.freeRows.count } }

    /// Graph edges that lead to a freed row: after consolidation there must be none.
    var edgesIntoFreeRows: Int {
        lock.reading {
            guard let graph = state.graph else { return 0 }
            return (0..<graph.rows).reduce(0) { sum, row in
                sum + graph.neighbors(of: IndexRow(row)).filter { state.rowStates[Int($0)] == .free }.count
            }
        }
    }
}
