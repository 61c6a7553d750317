import Foundation
import NEREContracts

/// Appends recommendations (`--recommendations`) or scored predictions (`--predictions`) to a
/// file, one JSON object per line. On open it trims a partial last line left by a crash, so
/// the file always parses.
public final class JSONLinesSink: PipelineSink {
    public enum Records: Sendable {
        case recommendations, predictions
    }

    private let handle: FileHandle
    private let records: Records
    private var buffer = Data()

    public init(url: URL, records: Records = .recommendations) throws {
        self.records = records
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
        if records == .recommendations { try append(recommendation.jsonText) }
    }

    public var receivesPredictions: Bool { records == .predictions }

    public func emit(prediction: ScoredPrediction) throws {
        try append(prediction.jsonText)
    }

    private func append(_ line: String) throws {
        buffer.append(contentsOf: line.utf8)
        buffer.append(UInt8(ascii: "\n"))
        if buffer.count > 1 << 20 { try flush() }
    }

    public func flush() throws {
        guard !buffer.isEmpty else { return }
        try handle.write(contentsOf: buffer)
        buffer.removeAll(keepingCapacity: true)
    }
}
