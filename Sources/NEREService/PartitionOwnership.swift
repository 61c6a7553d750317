import NEREKafka
import Synchronization

/// Where an assigned partition's windows come from before its first event is processed.
enum PartitionRestore: Sendable, Equatable {
    /// This instance's cache holds the partition's windows as of an offset at or past the
    /// group's committed one: a consistent snapshot, so consumption resumes from there.
    case cache(resumeAt: Int64)
    /// The cache has nothing for the partition, or only an older snapshot (another instance
    /// processed it since): the changelog partition has the current windows, and consumption
    /// starts at the group's committed offset.
    case changelog(groupOffset: Int64)
}

/// Rebalance bookkeeping shared by the consumer's rebalance handler (librdkafka's thread,
/// inside `poll`) and the service loop: which offsets the cache has committed, and the
/// assignment changes the loop has yet to act on.
final class PartitionOwnership: Sendable {
    private struct State {
        /// Next offset per input partition as committed to SQLite.
        var cachePositions: [Int32: Int64] = [:]
        var assigned: [Int32: PartitionRestore] = [:]
        var revoked: Set<Int32> = []
        /// Set by the first assignment, even an empty one: the instance has joined its group.
        var joined = false
    }

    let topic: String
    private let state: Mutex<State>

    init(topic: String, cachePositions: [Int32: Int64]) {
        self.topic = topic
        state = Mutex(State(cachePositions: cachePositions))
    }

    /// After each SQLite commit: the cache now covers the batch.
    func cacheCommitted(_ positions: [Int32: Int64]) {
        state.withLock { $0.cachePositions.merge(positions) { $1 } }
    }

    func cachePositions(of partitions: [Int32]) -> [Int32: Int64] {
        state.withLock { state in partitions.reduce(into: [:]) { $0[$1] = state.cachePositions[$1] } }
    }

    /// The rebalance handler: on revocation commits what the cache holds (the last word on
    /// those partitions before they move); on assignment decides each partition's restore
    /// and returns where consumption starts for those resumed from the cache.
    func handle(_ event: KafkaRebalanceEvent, _ context: KafkaRebalanceContext,
                onCommitFailure: (any Error) -> Void) -> [KafkaTopicPartition: Int64] {
        switch event {
        case .revoked(let partitions):
            let mine = partitions.filter { $0.topic == topic }.map(\.partition)
            let offsets = cachePositions(of: mine).map { KafkaTopicPartitionOffset(topic: topic, partition: $0.key, offset: $0.value) }
            do { try context.commit(offsets) } catch { onCommitFailure(error) }
            state.withLock { state in
                for partition in mine {
                    state.revoked.insert(partition)
                    state.assigned[partition] = nil
                }
            }
            return [:]
        case .assigned(let partitions):
            let mine = partitions.filter { $0.topic == topic }
            // Unknown committed offsets (the coordinator unreachable) count as none: a cache
            // snapshot is consistent, so resuming from it re-emits at worst, never loses.
            let committed = (try? context.committed(mine)) ?? [:]
            var starts: [KafkaTopicPartition: Int64] = [:]
            state.withLock { state in
                for partition in mine {
                    let restore = Self.restore(cachePosition: state.cachePositions[partition.partition],
                                               groupOffset: committed[partition] ?? KafkaOffset.invalid)
                    state.assigned[partition.partition] = restore
                    switch restore {
                    case .cache(let resumeAt):
                        starts[partition] = resumeAt
                    case .changelog(let group):
                        // The cache's older position no longer describes this partition; were it
                        // committed on a revocation it would rewind the group.
                        state.cachePositions[partition.partition] = group >= 0 ? group : nil
                    }
                    state.revoked.remove(partition.partition)
                }
                state.joined = true
            }
            return starts
        }
    }

    /// The rule of DESIGN §3 for one assigned partition: the cache is a consistent snapshot of
    /// windows and position, usable when nobody has processed the partition past it since
    /// (its position is at or past the group's committed offset, or the group has none).
    static func restore(cachePosition: Int64?, groupOffset: Int64) -> PartitionRestore {
        if let cachePosition, groupOffset < 0 || cachePosition >= groupOffset { return .cache(resumeAt: cachePosition) }
        return .changelog(groupOffset: groupOffset)
    }

    /// The changes since the last call, for the loop to apply before it processes anything.
    func takeChanges() -> (assigned: [Int32: PartitionRestore], revoked: Set<Int32>, joined: Bool) {
        state.withLock { state in
            defer {
                state.assigned = [:]
                state.revoked = []
            }
            return (state.assigned, state.revoked, state.joined)
        }
    }
}
