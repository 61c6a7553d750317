import Dispatch
import Testing
@testable import NEREIndex

@Suite("Concurrent use")
struct ConcurrencyTests {
    @Test("queries running while sets are added, moved and deleted always get whole, ordered answers")
    func readersDuringWrites() throws {
        let d = 16
        let base = rows(clustered(1_500, dimensions: d), dimensions: d)
        let index = NearestSetIndex(dimensions: d, configuration: graphConfiguration())
        try index.insert(keys: keys(1_000), vectors: base.prefix(1_000).flatMap { $0 })
        let queries = Array(base.suffix(200))
        nonisolated(unsafe) var faults = [Int](repeating: 0, count: 4)
        faults.withUnsafeMutableBufferPointer { faults in
            nonisolated(unsafe) let faults = faults
            DispatchQueue.concurrentPerform(iterations: 4) { worker in
                if worker == 0 {
                    for step in 0..<500 {
                        do {
                            try index.upsert("set-\(1_000 + step)", vector: base[1_000 + step])
                            index.remove("set-\(step * 2)")
                            try index.upsert("set-\(step * 2 + 1)", vector: base[(step * 3) % 1_500])
                        } catch {
                            faults[0] += 1
                        }
                    }
                } else {
                    for round in 0..<6 {
                        for query in queries.dropFirst(worker + round).prefix(60) {
                            let answer = index.search(query, count: 10)
                            let ordered = zip(answer, answer.dropFirst()).allSatisfy { $0.similarity >= $1.similarity }
                            if answer.count != 10 || !ordered || Set(answer.map(\.row)).count != 10 { faults[worker] += 1 }
                        }
                    }
                }
            }
        }
        #expect(faults == [0, 0, 0, 0])
        #expect(index.count == 1_000)
        for step in 0..<500 { #expect(index.row(of: "set-\(step * 2)") == nil) }
        #expect(index.search(base[1_499], count: 1).first.flatMap { index.key(of: $0.row) } == "set-1499")
    }
}
