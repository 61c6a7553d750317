import Dispatch
import GRDB

/// Copies the write-ahead log into the database file from a connection of its own, every
/// `interval`, in PASSIVE mode, which never waits for the writer. A service's batch commit
/// then never pays for a checkpoint (SQLite's automatic one runs inside the commit that
/// crosses the threshold: tens of milliseconds every few seconds, the whole p99 latency).
final class WALCheckpointer: @unchecked Sendable {
    private let timer: DispatchSourceTimer

    init(path: String, interval: Duration) throws {
        var configuration = Configuration()
        configuration.busyMode = .timeout(1)
        let connection = try DatabaseQueue(path: path, configuration: configuration)
        timer = DispatchSource.makeTimerSource(queue: DispatchQueue(label: "nere.cache-checkpoint"))
        let milliseconds = Int(interval / .milliseconds(1))
        timer.schedule(deadline: .now() + .milliseconds(milliseconds), repeating: .milliseconds(milliseconds))
        timer.setEventHandler {
            // A busy database is checkpointed on the next tick; nothing is lost by skipping one.
            try? connection.writeWithoutTransaction { try $0.execute(sql: "PRAGMA wal_checkpoint(PASSIVE)") }
        }
        timer.resume()
    }

    deinit { timer.cancel() }
}
