import Foundation
import NERECache
import Testing

/// DESIGN §3: a crash at any point followed by a restart yields the same cache as a run
/// without the crash. Here the crash is a real SIGKILL of a real replay process.
@Suite(.serialized)
struct KillAndRestartTests {
    @Test(arguments: [2, 17])
    func killedReplayResumesToTheSameCache(killAfterBatches: Int) throws {
        let dir = try NereProcess.temporaryDirectory()
        let data = dir.path
        let generated = try NereProcess.run(["generate", "--out", data, "--preset", "demo", "--seed", "11"])
        try #require(generated.status == 0, "\(generated.stderr)")
        let replay = { (cache: String) in
            ["replay", "--events", data + "/events.jsonl", "--sets", data + "/sets.jsonl", "--cache", cache,
             "--batch-size", "400"]
        }

        let straight = dir.appendingPathComponent("straight.sqlite").path
        let uninterrupted = try NereProcess.run(replay(straight))
        try #require(uninterrupted.status == 0, "\(uninterrupted.stderr)")

        let crashed = dir.appendingPathComponent("crashed.sqlite").path
        let victim = try NereProcess.start(replay(crashed))
        let committed = try waitForCommittedEvents(atLeast: Int64(killAfterBatches * 400), in: crashed, while: victim)
        kill(victim.processIdentifier, SIGKILL)
        victim.waitUntilExit()
        try #require(victim.terminationReason == .uncaughtSignal, "the replay finished before it could be killed")
        let total = try StreamCache(path: straight).positions().map(\.nextOffset).max() ?? 0
        #expect(committed < total, "killed midway: \(committed) of \(total) events committed")

        let resumed = try NereProcess.run(replay(crashed))
        try #require(resumed.status == 0, "\(resumed.stderr)")
        #expect(resumed.stdout.contains("this run:"))
        let expected = try StreamCache(path: straight).canonicalDump()
        let actual = try StreamCache(path: crashed).canonicalDump()
        #expect(actual.count == expected.count)
        #expect(actual == expected, "first difference: \(zip(actual, expected).first { $0 != $1 }.map { "\($0)\n≠ \($1)" } ?? "none")")
    }

    /// Polls the cache as a reader would (WAL lets it read while the replay writes), through
    /// one read-only connection: a writer's open would queue behind the replay's commits.
    private func waitForCommittedEvents(atLeast target: Int64, in cache: String, while process: Process) throws -> Int64 {
        let deadline = Date().addingTimeInterval(120)
        var reader: StreamCache?
        while Date() < deadline, process.isRunning {
            if reader == nil, FileManager.default.fileExists(atPath: cache) {
                reader = try? StreamCache(path: cache, readOnly: true)
            }
            if let position = try? reader?.positions().filter({ $0.topic.hasPrefix("file:") }).map(\.nextOffset).max(),
               position >= target {
                return position
            }
            usleep(1_000)
        }
        return -1
    }
}
