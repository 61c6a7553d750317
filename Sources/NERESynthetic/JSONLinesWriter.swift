import Foundation
import NEREContracts

/// Writes one JSON document per line through a 1 MiB buffer (hundreds of thousands of small
/// writes would each be a system call) into a hidden partial file that is moved into place
/// only when complete, so an interrupted run never leaves a plausible half file behind.
final class JSONLinesWriter {
    private static let flushThreshold = 1 << 20
    private let destination: URL
    private let partial: URL
    private let handle: FileHandle
    private var buffer: [UInt8] = []

    init(destination: URL) throws {
        self.destination = destination
        partial = destination.deletingLastPathComponent()
            .appendingPathComponent("." + destination.lastPathComponent + ".partial")
        guard FileManager.default.createFile(atPath: partial.path, contents: nil) else {
            throw SyntheticGenerationError(path: partial.path, reason: "cannot create file")
        }
        handle = try FileHandle(forWritingTo: partial)
        buffer.reserveCapacity(Self.flushThreshold + 64 * 1024)
    }

    /// `PayloadEncoding` sorts keys; `JSONEncoder` alone would emit them in hash order,
    /// which Swift randomises per process, and the files must be byte-identical per seed.
    func append(_ value: some Encodable) throws {
        try append(line: PayloadEncoding.json(value))
    }

    func append(line: some Sequence<UInt8>) throws {
        buffer.append(contentsOf: line)
        buffer.append(UInt8(ascii: "\n"))
        if buffer.count >= Self.flushThreshold { try flush() }
    }

    func finish() throws {
        try flush()
        try handle.close()
        let files = FileManager.default
        if files.fileExists(atPath: destination.path) { try files.removeItem(at: destination) }
        try files.moveItem(at: partial, to: destination)
    }

    private func flush() throws {
        guard !buffer.isEmpty else { return }
        try handle.write(contentsOf: buffer)
        buffer.removeAll(keepingCapacity: true)
    }
}

public struct SyntheticGenerationError: Error, CustomStringConvertible {
    public var path: String
    public var reason: String
    public var description: String { "\(path): \(reason)" }
}
