import Foundation
import NEREContracts

/// The index on disk, reloaded without rebuilding (DESIGN §6). Little-endian, in order:
///
///     magic "NEREKNN\0" · format version u32 · total length u64 · header length u32 · header JSON
///     per row: state u8 · key length u32 · key UTF-8              (rows in row order)
///     vectors f32 [rows × dimensions]
///     degrees u16 [rows] · edges u32 [rows × max degree]          (graph only)
///     per upper level: rows u32 [m] · degrees u16 [m] · edges u32 [m × max degree]
///     checksum u64: ContentFingerprint of every byte before it
///
/// The total length tells a truncated file from a damaged one; the checksum catches a flipped
/// byte anywhere. The file is written beside its destination and renamed over it, so a crash
/// leaves the old index or the new one, never half of one.
enum IndexFile {
    static let magic = Array("NEREKNN\0".utf8)
    static let formatVersion: UInt32 = 1

    struct Header: Codable {
        var dimensions: Int
        var rows: Int
        var configuration: NearestSetIndex.Configuration
        var hasGraph: Bool
        var maxDegree: Int
        /// Rows in each upper level of the graph, lowest first.
        var levels: [Int]
        var deletedRows: Int
        var metadata: [String: String]

        enum CodingKeys: String, CodingKey {
            case dimensions, rows, configuration, hasGraph = "has_graph", maxDegree = "max_degree", levels
            case deletedRows = "deleted_rows", metadata
        }
    }

    static func encode(dimensions: Int, configuration: NearestSetIndex.Configuration,
                       state: NearestSetIndex.State) -> [UInt8] {
        let header = Header(dimensions: dimensions, rows: state.keys.count, configuration: configuration,
                            hasGraph: state.graph != nil, maxDegree: state.graph?.base.maxDegree ?? 0,
                            levels: state.graph?.levels.map(\.rows.count) ?? [], deletedRows: state.deletedRows, metadata: state.metadata)
        let headerBytes = Array(PayloadEncoding.json(header))
        var bytes = magic
        append(formatVersion, to: &bytes)
        let lengthOffset = bytes.count
        append(UInt64(0), to: &bytes)
        append(UInt32(headerBytes.count), to: &bytes)
        bytes += headerBytes
        for (row, key) in state.keys.enumerated() {
            bytes.append(state.rowStates[row].rawValue)
            let utf8 = Array((key ?? "").utf8)
            append(UInt32(utf8.count), to: &bytes)
            bytes += utf8
        }
        state.vectors.values.withUnsafeBytes { bytes += $0 }
        if let graph = state.graph {
            graph.base.degrees.withUnsafeBytes { bytes += $0 }
            graph.base.edges.withUnsafeBytes { bytes += $0 }
            for level in graph.levels {
                level.rows.withUnsafeBytes { bytes += $0 }
                level.graph.degrees.withUnsafeBytes { bytes += $0 }
                level.graph.edges.withUnsafeBytes { bytes += $0 }
            }
        }
        let total = UInt64(bytes.count + 8)
        withUnsafeBytes(of: total.littleEndian) { bytes.replaceSubrange(lengthOffset..<lengthOffset + 8, with: $0) }
        let checksum = bytes.withUnsafeBytes { ContentFingerprint.hash($0) }
        append(checksum, to: &bytes)
        return bytes
    }

    static func decode(_ bytes: [UInt8], path: String) throws(IndexError) -> (Header, NearestSetIndex.State) {
        func refuse(_ reason: String) -> IndexError { IndexError("\(path): \(reason)") }
        guard bytes.starts(with: magic) else { throw refuse("not a NERE index file") }
        var reader = Reader(bytes: bytes, offset: magic.count)
        let version = try reader.read(UInt32.self).orThrow(refuse("truncated"))
        guard version == formatVersion else {
            throw refuse("index format version \(version); this build reads version \(formatVersion)")
        }
        let total = try reader.read(UInt64.self).orThrow(refuse("truncated"))
        guard total == UInt64(bytes.count) else {
            throw refuse(UInt64(bytes.count) < total ? "truncated: \(bytes.count) of \(total) bytes"
                                                      : "\(bytes.count) bytes where the header says \(total)")
        }
        let stored = bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: bytes.count - 8, as: UInt64.self) }
        let computed = bytes.withUnsafeBytes { ContentFingerprint.hash(UnsafeRawBufferPointer(rebasing: $0[..<(bytes.count - 8)])) }
        guard UInt64(littleEndian: stored) == computed else { throw refuse("checksum mismatch: the file is damaged") }

        let headerLength = try reader.read(UInt32.self).orThrow(refuse("truncated"))
        let header: Header
        do {
            header = try JSONDecoder().decode(Header.self, from: Data(try reader.take(Int(headerLength)).orThrow(refuse("truncated"))))
        } catch let error as IndexError {
            throw error
        } catch {
            throw refuse("unreadable header (\(error.localizedDescription))")
        }
        guard header.dimensions > 0, header.rows >= 0, !header.hasGraph || header.maxDegree > 0 else {
            throw refuse("inconsistent header")
        }
        var state = NearestSetIndex.State(vectors: UnitVectors(dimensions: header.dimensions))
        state.metadata = header.metadata
        state.deletedRows = header.deletedRows
        for row in 0..<header.rows {
            guard let raw = reader.read(UInt8.self), let rowState = NearestSetIndex.RowState(rawValue: raw),
                  let length = reader.read(UInt32.self), let utf8 = reader.take(Int(length)) else {
                throw refuse("row \(row) is unreadable")
            }
            state.rowStates.append(rowState)
            switch rowState {
            case .live:
                let key = String(decoding: utf8, as: UTF8.self)
                state.keys.append(key)
                state.rowByKey[key] = IndexRow(row)
            case .free:
                state.keys.append(nil)
                state.freeRows.append(IndexRow(row))
            case .deleted:
                state.keys.append(nil)
            }
        }
        let vectors: [Float] = try reader.array(header.rows * header.dimensions).orThrow(refuse("vectors are cut short"))
        state.vectors = UnitVectors(dimensions: header.dimensions, values: vectors)
        if header.hasGraph {
            func graph(_ nodes: Int) throws(IndexError) -> ProximityGraph {
                let degrees: [UInt16] = try reader.array(nodes).orThrow(refuse("graph is cut short"))
                let edges: [IndexRow] = try reader.array(nodes * header.maxDegree).orThrow(refuse("graph is cut short"))
                guard degrees.allSatisfy({ Int($0) <= header.maxDegree }), edges.allSatisfy({ Int($0) < max(nodes, 1) }) else {
                    throw refuse("graph points outside the index")
                }
                return ProximityGraph(maxDegree: header.maxDegree, edges: edges, degrees: degrees)
            }
            var hierarchy = GraphHierarchy(base: try graph(header.rows), levels: [], parameters: header.configuration.graph)
            for nodes in header.levels {
                let rows: [IndexRow] = try reader.array(nodes).orThrow(refuse("graph level is cut short"))
                guard rows.allSatisfy({ Int($0) < header.rows }) else { throw refuse("graph level points outside the index") }
                var level = GraphHierarchy.Level(vectors: UnitVectors(dimensions: header.dimensions), graph: try graph(nodes))
                level.rows = rows
                for (node, row) in rows.enumerated() {
                    level.nodeOfRow[row] = IndexRow(node)
                    _ = level.vectors.append(Array(state.vectors.row(row)))
                }
                hierarchy.levels.append(level)
            }
            state.graph = hierarchy
        }
        guard reader.offset == bytes.count - 8 else { throw refuse("\(bytes.count - 8 - reader.offset) unexpected bytes") }
        return (header, state)
    }

    private static func append<Value: FixedWidthInteger>(_ value: Value, to bytes: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { bytes += $0 }
    }

    /// Reads values from the front of the bytes; nil when they run out.
    private struct Reader {
        let bytes: [UInt8]
        var offset: Int

        mutating func take(_ count: Int) -> ArraySlice<UInt8>? {
            guard count >= 0, offset + count <= bytes.count - 8 else { return nil }
            defer { offset += count }
            return bytes[offset..<offset + count]
        }

        mutating func read<Value: FixedWidthInteger>(_ type: Value.Type) -> Value? {
            guard let slice = take(MemoryLayout<Value>.size) else { return nil }
            return slice.withUnsafeBytes { Value(littleEndian: $0.loadUnaligned(as: Value.self)) }
        }

        /// `count` values stored as raw little-endian bytes (this build assumes a little-endian machine).
        mutating func array<Value>(_ count: Int) -> [Value]? {
            guard let slice = take(count * MemoryLayout<Value>.stride) else { return nil }
            return [Value](unsafeUninitializedCapacity: count) { buffer, initialized in
                slice.withUnsafeBytes { source in
                    UnsafeMutableRawBufferPointer(buffer).copyMemory(from: source)
                }
                initialized = count
            }
        }
    }
}

private extension Optional {
    func orThrow(_ error: @autoclosure () -> IndexError) throws(IndexError) -> Wrapped {
        guard let self else { throw error() }
        return self
    }
}
