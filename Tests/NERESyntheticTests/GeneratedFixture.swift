import Foundation
import NEREContracts
@testable import NERESynthetic

/// One small generation shared by the tests that only read its output: generating is the slow
/// part of these tests in a debug build.
struct GeneratedFixture: Sendable {
    static let configuration = SyntheticConfiguration(seed: 7, sets: 400, events: 6_000)
    static let shared = Result { try GeneratedFixture() }
    /// After the school year, so no event is "in the future".
    static let now = Timestamp(rfc3339: "2026-07-01T00:00:00Z")!

    let summary: SyntheticSummary
    let setLines: [Data]
    let eventLines: [Data]
    let sets: [String: StudySet]
    let truth: [SetTruth]

    private init() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        summary = try SyntheticGenerator(configuration: Self.configuration).write(to: directory)
        setLines = try lines(of: directory.appendingPathComponent("sets.jsonl"))
        eventLines = try lines(of: directory.appendingPathComponent("events.jsonl"))
        truth = try lines(of: directory.appendingPathComponent("truth.jsonl")).map {
            try JSONDecoder().decode(SetTruth.self, from: $0)
        }
        var sets: [String: StudySet] = [:]
        for line in setLines {
            if case .success(let set) = StudySet.decode(json: line, now: Self.now) { sets[set.setID] = set }
        }
        self.sets = sets
    }

    /// Accepted sessions in file order, each with its line number.
    var acceptedSessions: [(line: Int, session: StudySession)] {
        eventLines.enumerated().compactMap { index, line in
            if case .accepted(let session) = SessionDecoding(json: line, now: Self.now) { return (index, session) }
            return nil
        }
    }

    /// Accepted sessions without the repeated deliveries.
    var firstDeliveries: [StudySession] {
        var seen = Set<String>()
        return acceptedSessions.map(\.session).filter { seen.insert($0.eventID).inserted }
    }
}

func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("nere-synthetic-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

func lines(of file: URL) throws -> [Data] {
    let data = try Data(contentsOf: file)
    return data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true).map { Data($0) }
}
