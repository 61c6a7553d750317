import Foundation
import Logging
import NERECache
import NEREContracts
import NEREKafka
import NEREPipeline

/// One turn of the service: poll, act on rebalances, process the batch, commit. Everything
/// here runs on the service's one task; the rebalance handler only records (`PartitionOwnership`).
struct ServiceLoop {
    let pipeline: StreamPipeline
    let consumer: KafkaConsumer
    let ownership: PartitionOwnership
    let cache: StreamCache
    let kafka: KafkaConfiguration
    let topics: ServiceTopics
    let health: ServiceHealth
    let metrics: ServiceMetrics
    let logger: Logger

    /// Input partitions whose windows are in memory.
    private var owned: Set<Int32> = []
    /// Offsets to record with the next batch for partitions restored from the changelog, so
    /// the cache's windows and positions of a partition always describe the same moment.
    private var restoredPositions: [Int32: Int64] = [:]
    /// Offsets of the batch whose SQLite transaction may still be running: SQLite commits on
    /// its own thread while the next batch is computed (`BackgroundCommitter`), and a batch's
    /// offsets go to Kafka only once that transaction is durable.
    private var committing: [Int32: Int64] = [:]
    /// Offsets durable in SQLite but not yet committed to Kafka (a commit can fail during a
    /// rebalance or an outage; the next turn tries again).
    private var uncommitted: [Int32: Int64] = [:]
    private var counted = PipelineCounters()
    private var consumerErrors = 0

    init(pipeline: StreamPipeline, consumer: KafkaConsumer, ownership: PartitionOwnership, cache: StreamCache,
         kafka: KafkaConfiguration, topics: ServiceTopics, health: ServiceHealth, metrics: ServiceMetrics, logger: Logger) {
        self.pipeline = pipeline
        self.consumer = consumer
        self.ownership = ownership
        self.cache = cache
        self.kafka = kafka
        self.topics = topics
        self.health = health
        self.metrics = metrics
        self.logger = logger
        counted = pipeline.counters
    }

    mutating func step(maxEvents: Int, wait: Duration) async throws {
        let messages: [KafkaConsumerMessage]
        do {
            messages = try await consumer.poll(maxMessages: maxEvents, timeout: wait)
        } catch let error as KafkaError {
            // librdkafka reports broker trouble as consumer errors and keeps retrying on its
            // own; the service waits with it (nothing fetched is dropped, see `poll`).
            consumerErrors += 1
            logger.log(level: consumerErrors <= 10 ? .warning : .debug, "consumer error", metadata: ["error": "\(error)"])
            try await Task.sleep(for: .milliseconds(200))
            return
        }
        try await applyAssignmentChanges()
        // Records of a partition revoked during the poll belong to its next owner.
        let events = Self.interleaved(messages.filter { owned.contains($0.partition) })
        if !events.isEmpty || !restoredPositions.isEmpty {
            try await process(events)
        } else {
            try settle()
        }
        try await commitOffsets()
        reportLag()
    }

    private mutating func process(_ messages: [KafkaConsumerMessage]) async throws {
        let started = ContinuousClock.now
        var positions = restoredPositions
        for message in messages { positions[message.partition] = max(positions[message.partition] ?? 0, message.offset + 1) }
        let now = Timestamp.now
        let batch = EventBatch(events: messages.map { InboundEvent($0, now: now) },
                               positions: positions.sorted { $0.key < $1.key }.map {
                                   SourcePosition(topic: topics.events, partition: Int($0.key), nextOffset: $0.value)
                               })
        // Outputs are acknowledged inside `process`, before its transaction is submitted; the
        // submit waits for the previous batch's transaction, so that one is durable now.
        try await pipeline.process(batch)
        durable(committing)
        committing = positions
        restoredPositions = [:]

        metrics.batchDuration.record(ContinuousClock.now - started)
        let nowMs = Int64(Date().timeIntervalSince1970 * 1000)
        for message in messages {
            if let sent = message.timestampMs { metrics.eventToRecommendation.record(.milliseconds(max(0, nowMs - sent))) }
        }
        let counters = pipeline.counters
        metrics.eventsIn.increment(by: Int64(counters.eventsIn - counted.eventsIn))
        metrics.droppedUnderage.increment(by: Int64(counters.droppedUnderage - counted.droppedUnderage))
        metrics.duplicates.increment(by: Int64(counters.duplicates - counted.duplicates))
        counted = counters
        metrics.windows.set(Double(pipeline.windowCount))
    }

    /// A poll returns records partition by partition, and consecutive records of one
    /// partition often share a user, which ends the pipeline's round of model work early.
    /// Taking the partitions in turn keeps each partition's (so each pair's) order and lets a
    /// round gather more windows per model call.
    static func interleaved(_ messages: [KafkaConsumerMessage]) -> [KafkaConsumerMessage] {
        var byPartition: [Int32: [KafkaConsumerMessage]] = [:]
        var order: [Int32] = []
        for message in messages {
            if byPartition[message.partition] == nil { order.append(message.partition) }
            byPartition[message.partition, default: []].append(message)
        }
        guard order.count > 1 else { return messages }
        var result: [KafkaConsumerMessage] = []
        result.reserveCapacity(messages.count)
        var position = 0
        while result.count < messages.count {
            for partition in order where position < byPartition[partition]!.count {
                result.append(byPartition[partition]![position])
            }
            position += 1
        }
        return result
    }

    /// Waits for the transaction in flight (when idle, and before stopping).
    mutating func settle() throws {
        guard !committing.isEmpty else { return }
        try pipeline.finish()
        durable(committing)
        committing = [:]
    }

    private mutating func durable(_ positions: [Int32: Int64]) {
        ownership.cacheCommitted(positions)
        uncommitted.merge(positions) { $1 }
    }

    mutating func commitOffsets() async throws {
        uncommitted = uncommitted.filter { owned.contains($0.key) }
        guard !uncommitted.isEmpty else { return }
        do {
            try await consumer.commit(uncommitted.map { .init(topic: topics.events, partition: $0.key, offset: $0.value) })
            uncommitted = [:]
        } catch {
            logger.warning("offset commit failed; the cache holds them, retrying next batch", metadata: ["error": "\(error)"])
        }
    }

    /// Releases revoked partitions and restores assigned ones before any of their records
    /// are processed.
    private mutating func applyAssignmentChanges() async throws {
        let (assigned, revoked, joined) = ownership.takeChanges()
        // Restores read the cache: let the transaction in flight land first.
        if !assigned.isEmpty || !revoked.isEmpty { try settle() }
        if !revoked.isEmpty {
            pipeline.release(topic: topics.events, partitions: Set(revoked.map(Int.init)))
            owned.subtract(revoked)
            logger.info("partitions revoked", metadata: ["partitions": "\(revoked.sorted())"])
        }
        if !assigned.isEmpty {
            health.update { $0.partitionsRestoring = assigned.count }
            for (partition, restore) in assigned.sorted(by: { $0.key < $1.key }) {
                try await self.restore(partition, restore)
                health.update { $0.partitionsRestoring -= 1 }
            }
        }
        if joined { health.update { $0.partitionsAssigned = true } }
        metrics.assignedPartitions.set(Double(owned.count))
        metrics.windows.set(Double(pipeline.windowCount))
    }

    private mutating func restore(_ partition: Int32, _ restore: PartitionRestore) async throws {
        let started = ContinuousClock.now
        pipeline.release(topic: topics.events, partitions: [Int(partition)])
        let source: String, count: Int
        switch restore {
        case .cache:
            let windows = try cache.windows(topic: topics.events, partition: Int(partition))
            pipeline.adopt(windows, fromChangelog: false)
            (source, count) = ("cache", windows.count)
        case .changelog(let groupOffset):
            let (windows, undecodable) = try await WindowChangelog.restore(partition: partition, topic: topics.outputs.windowState,
                                                                           configuration: kafka, logger: logger)
            pipeline.adopt(windows, fromChangelog: true)
            if groupOffset >= 0 { restoredPositions[partition] = groupOffset }
            (source, count) = (undecodable > 0 ? "changelog_with_errors" : "changelog", windows.count)
        }
        owned.insert(partition)
        let elapsed = ContinuousClock.now - started
        metrics.restored(from: source.hasPrefix("changelog") ? "changelog" : source, seconds: elapsed, windows: count)
        logger.info("partition restored", metadata: ["partition": "\(partition)", "from": "\(source)", "windows": "\(count)",
                                                     "seconds": "\(elapsed)"])
    }

    private func reportLag() {
        let positions = ownership.cachePositions(of: Array(owned))
        for partition in owned {
            guard let high = consumer.cachedHighWatermark(of: KafkaTopicPartition(topic: topics.events, partition: partition))
            else { continue }
            metrics.consumerLag(partition: partition, lag: max(0, high - (positions[partition] ?? 0)))
        }
    }
}
