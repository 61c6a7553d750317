import Foundation
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
        var graph: GraphHierarchy?
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
            var units: [(key: String, unit: [Float])] = []
            for (offset, key) in keys.enumerated() {
                guard let unit = UnitVectors.normalized(vectors[offset * dimensions..<(offset + 1) * dimensions]) else {
                    skipped.append(key)
                    continue
                }
                units.append((key, unit))
            }
            for position in storageOrder(units.map(\.unit)) { try place(units[position].key, units[position].unit, linking: false) }
            if state.graph != nil || liveCount >= configuration.exactBelow { rebuildGraph(progress: progress) }
            return skipped
        }
    }

    /// The order in which a bulk load places its vectors: input order for an exact index, and
    /// for a fresh graph the leaf order of a random-projection tree, so that rows near in
    /// space are near in memory. A graph search then fetches neighbours from pages and cache
    /// lines it has just touched; on a million rows that is most of its time.
    private func storageOrder(_ units: [[Float]]) -> [Int] {
        guard state.keys.isEmpty, units.count >= configuration.exactBelow, units.count > 1 else { return Array(units.indices) }
        let packed = units.flatMap { $0 }
        return packed.withUnsafeBufferPointer { packed in
            RandomProjectionTree(vectors: packed.baseAddress!, nodes: units.count, dimensions: dimensions, leafSize: 64,
                                 seed: configuration.graph.seed).order.map(Int.init)
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
            let width = max(count, width ?? configuration.graph.searchWidth)
            return withScratch { scratch in
                unit.withUnsafeBufferPointer { query in
                    let seeds = graph.seeds(for: query.baseAddress!, baseVectors: state.vectors, scratch: scratch,
                                            width: configuration.graph.entrySeeds * 2)
                    return state.vectors.values.withUnsafeBufferPointer { vectors in
                        let states = state.rowStates
                        let found = GraphSearch(graph: graph.base, vectors: vectors.baseAddress!, dimensions: dimensions)
                            .search(query.baseAddress!, width: width, seeds: seeds, scratch: scratch) { row in
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

    private func link(_ row: IndexRow) {
        let states = state.rowStates
        withScratch { scratch in
            state.graph!.link(row, baseVectors: state.vectors, scratch: scratch) { states[Int($0)] == .live }
        }
    }

    /// Repairs the graph around deleted rows, then frees them for reuse.
    private func consolidateDeletions() {
        guard state.graph != nil else { return }
        let states = state.rowStates
        state.graph!.consolidate(isLive: { states[Int($0)] == .live }, isDeleted: { states[Int($0)] == .deleted },
                                 vectors: state.vectors)
        for row in states.indices where states[row] == .deleted {
            state.rowStates[row] = .free
            state.freeRows.append(IndexRow(row))
        }
        state.deletedRows = 0
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
        state.graph = GraphHierarchy.build(rows: liveRows, vectors: state.vectors, parameters: parameters, progress: progress)
    }
}

// MARK: Persistence

extension NearestSetIndex {
    /// Saves the index (see `IndexFile` for the format); queries may run meanwhile.
    public func write(to url: URL) throws {
        let bytes = lock.reading { IndexFile.encode(dimensions: dimensions, configuration: configuration, state: state) }
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
            guard let graph = state.graph?.base else { return 0 }
            return (0..<graph.rows).reduce(0) { sum, row in
                sum + graph.neighbors(of: IndexRow(row)).filter { state.rowStates[Int($0)] == .free }.count
            }
        }
    }
}

extension NearestSetIndex {
    /// The graph's mean out-degree over live rows and the size of each upper level; nil while
    /// searching exactly. For benchmarks and logs.
    public var graphShape: (meanDegree: Double, levels: [Int])? {
        lock.reading {
            guard let graph = state.graph else { return nil }
            let live = state.rowStates.indices.filter { state.rowStates[$0] == .live }
            let edges = live.reduce(0) { $0 + Int(graph.base.degrees[$1]) }
            return (Double(edges) / Double(max(1, live.count)), graph.levels.map(\.rows.count))
        }
    }
}
