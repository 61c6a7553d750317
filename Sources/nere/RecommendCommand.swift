import ArgumentParser
import Foundation
import NERECache
import NEREContracts
import NEREEvaluation

struct RecommendCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recommend",
        abstract: "Print the cached recommendation of one user in one subject.")

    @Option(help: "SQLite cache written by replay or serve.")
    var cache: String

    @Option(help: "User id.")
    var user: String

    @Option(help: "Subject, as in the paper's list (case-insensitive).")
    var subject: Subject

    @Flag(help: "Print the Recommendation JSON instead of a table.")
    var json = false

    @Option(help: "Items to show in the table.")
    var limit: Int = 10

    func validate() throws {
        try requireReadableFile(cache, flag: "--cache")
    }

    func run() async throws {
        let store = try StreamCache(path: cache, readOnly: true)
        guard let recommendation = try store.recommendation(for: WindowKey(userID: user, subject: subject)) else {
            throw ValidationError("no recommendation for user \(user) in \(subject.rawValue) in \(cache)")
        }
        if json {
            print(PayloadEncoding.jsonText(recommendation))
        } else {
            print(try describe(recommendation, titles: store, limit: limit))
        }
    }
}

func describe(_ r: Recommendation, titles store: StreamCache, limit: Int) throws -> String {
    var lines = ["\(r.userID) · \(r.subject.rawValue) · history \(r.historyLength) · confidence "
        + String(format: "%.2f", r.confidence) + " · \(r.modelVersion)"
        + (r.fallback ? " (fallback: \(r.fallbackReason ?? "unspecified"))" : "")
        + " · after event \(r.source.eventID) at \(r.generatedAt)"]
    let shown = Array(r.items.prefix(limit))
    let titles = try store.titles(of: shown.map(\.setID))
    for (rank, item) in shown.enumerated() {
        lines.append(String(rank + 1).leftPadded(4) + ". " + item.setID.rightPadded(14)
            + String(format: "%.4f", item.score).leftPadded(8) + "  " + (titles[item.setID] ?? "(not in catalog)"))
    }
    return lines.joined(separator: "\n")
}
