import Dispatch
import Foundation
import NERECache

/// Commits batches on a second thread while the pipeline processes the next one: a replay
/// spends about as long writing SQLite as computing, and the machine has two cores.
///
/// At most one batch is in flight, and batches commit in order, so what is durable is
/// always a prefix of the stream. A failed commit surfaces on the next `submit` or `drain`.
final class BackgroundCommitter: @unchecked Sendable {
    private let cache: StreamCache
    private let queue = DispatchQueue(label: "nere.cache-commit")
    private let slot = DispatchSemaphore(value: 1)
    private let lock = NSLock()
    private var failure: (any Error)?
    /// Time the pipeline spent blocked on SQLite: near zero when commits keep up.
    private(set) var waited = Duration.zero

    init(cache: StreamCache) {
        self.cache = cache
    }

    func submit(_ batch: CacheBatch) throws {
        let started = ContinuousClock.now
        slot.wait()
        waited += ContinuousClock.now - started
        if let failure = takeFailure() {
            slot.signal()
            throw failure
        }
        queue.async { [self] in
            do {
                try cache.commit(batch)
            } catch {
                lock.withLock { failure = error }
            }
            slot.signal()
        }
    }

    func drain() throws {
        slot.wait()
        slot.signal()
        if let failure = takeFailure() { throw failure }
    }

    private func takeFailure() -> (any Error)? {
        lock.withLock {
            defer { failure = nil }
            return failure
        }
    }
}
