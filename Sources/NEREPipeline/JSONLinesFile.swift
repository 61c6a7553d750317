import Foundation
import NEREContracts

/// A JSON lines file read whole: replay needs every line up front to order by `ended_at`,
/// and 600k events are ~300 MB, well within a service's memory.
struct JSONLinesFile {
    let path: String
    let data: Data
    /// Byte ranges of the non-blank lines, with their 0-based line numbers.
    let lines: [(number: Int, range: Range<Int>)]

    init(path: String) throws {
        self.path = path
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw PipelineError.cannotRead(path, reason: (error as NSError).localizedDescription)
        }
        var lines: [(Int, Range<Int>)] = []
        data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
            var start = 0
            var number = 0
            for i in 0...bytes.count {
                guard i == bytes.count || bytes[i] == UInt8(ascii: "\n") else { continue }
                var end = i
                if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
                if bytes[start..<end].contains(where: { $0 != 32 && $0 != 9 }) {
                    lines.append((number, start..<end))
                }
                number += 1
                start = i + 1
            }
        }
        self.lines = lines
    }

    func bytes(_ range: Range<Int>) -> [UInt8] {
        Array(data[range])
    }

    /// Identifies the file a replay's positions refer to.
    var fingerprint: String {
        "mx64:" + data.withUnsafeBytes { ContentFingerprint.hex($0) } + ":\(data.count)"
    }

    /// Runs `transform` over every line on all cores, keeping line order. Lines are slices
    /// of the one buffer, not copies.
    func parallelMap<T: Sendable>(_ transform: @Sendable (Data) -> T) -> [T] {
        let data = self.data
        return lines.map(\.range).parallelMap { transform(data[$0]) }
    }
}
