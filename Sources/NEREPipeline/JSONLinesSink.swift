import Foundation
import NEREContracts

/// Appends recommendations to a file, one JSON object per line. On open it trims a partial
/// last line left by a crash, so the file always parses.
public final class JSONLinesSink: PipelineSink {
    private let handle: FileHandle
    private var buffer = Data()

    public init(url: URL) throws {
        let manager = FileManager.default
        if !manager.fileExists(atPath: url.path) {
            guard manager.createFile(atPath: url.path, contents: nil) else {
                throw PipelineError.cannotWrite(url.path)
            }
        }
        handle = try FileHandle(forUpdating: url)
        let existing = try handle.readToEnd() ?? Data()
        let complete = existing.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0
        try handle.truncate(atOffset: UInt64(complete))
        try handle.seekToEnd()
    }

    deinit { try? handle.close() }

    public func emit(_ recommendation: Recommendation) throws {
        buffer.append(contentsOf: recommendation.jsonText.utf8)
        buffer.append(UInt8(ascii: "\n"))
        if buffer.count > 1 << 20 { try flush() }
    }

    public func flush() throws {
        guard !buffer.isEmpty else { return }
        try handle.write(contentsOf: buffer)
        buffer.removeAll(keepingCapacity: true)
    }
}
