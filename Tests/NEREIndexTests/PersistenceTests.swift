import Foundation
import Testing
@testable import NEREIndex

@Suite("Index file")
struct PersistenceTests {
    static let d = 16

    static func savedIndex() throws -> (NearestSetIndex, URL, [Float]) {
        let base = clustered(1_000, dimensions: d)
        let index = NearestSetIndex(dimensions: d, configuration: graphConfiguration())
        try index.insert(keys: keys(1_000), vectors: base)
        index.remove("set-5")
        index.metadata = ["vectors": "sv-0123"]
        let url = temporaryFile("index.knn")
        try index.write(to: url)
        return (index, url, base)
    }

    @Test("a written index reloads without rebuilding and answers exactly as before")
    func roundTrip() throws {
        let (index, url, base) = try Self.savedIndex()
        defer { try? FileManager.default.removeItem(at: url) }
        let loaded = try NearestSetIndex.load(from: url)
        #expect(loaded.method == .graph && loaded.count == 999 && loaded.metadata == ["vectors": "sv-0123"])
        #expect(loaded.configuration == index.configuration && loaded.row(of: "set-5") == nil)
        for query in rows(clustered(50, dimensions: Self.d, stream: "queries"), dimensions: Self.d) {
            #expect(loaded.search(query, count: 10) == index.search(query, count: 10))
        }
        try loaded.upsert("late", vector: Array(base[0..<Self.d]))
        #expect(loaded.search(Array(base[0..<Self.d]), count: 2).compactMap { loaded.key(of: $0.row) }.contains("late"))
    }

    @Test("a damaged, truncated, foreign or future file is refused with a message naming the file and the fault")
    func refusesBadFiles() throws {
        let (_, url, _) = try Self.savedIndex()
        defer { try? FileManager.default.removeItem(at: url) }
        let bytes = try [UInt8](Data(contentsOf: url))
        func refusal(_ mutate: (inout [UInt8]) -> Void) throws -> String {
            var changed = bytes
            mutate(&changed)
            let damaged = temporaryFile("damaged.knn")
            defer { try? FileManager.default.removeItem(at: damaged) }
            try Data(changed).write(to: damaged)
            do {
                _ = try NearestSetIndex.load(from: damaged)
                return "loaded"
            } catch {
                return error.description.replacingOccurrences(of: damaged.path, with: "FILE")
            }
        }
        #expect(try refusal { $0[$0.count / 2] ^= 0x40 } == "FILE: checksum mismatch: the file is damaged")
        #expect(try refusal { $0.removeLast(100) } == "FILE: truncated: \(bytes.count - 100) of \(bytes.count) bytes")
        #expect(try refusal { $0.replaceSubrange(0..<4, with: Array("PK\u{3}\u{4}".utf8)) } == "FILE: not a NERE index file")
        #expect(try refusal { $0[8] = 2 } == "FILE: index format version 2; this build reads version 1")
        #expect(try refusal { $0 = Array($0.prefix(10)) } == "FILE: truncated")
        #expect(throws: IndexError.self) { try NearestSetIndex.load(from: temporaryFile("missing.knn")) }
    }
}
