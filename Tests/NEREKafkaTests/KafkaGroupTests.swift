import Foundation
import NEREKafka
import Testing

@Suite struct KafkaGroupTests {
    private func groupConsumer(_ cluster: KafkaMockCluster, group: String, log: RebalanceLog,
                               pending: PendingOffsets = PendingOffsets()) throws -> KafkaConsumer {
        let record = log.handler
        return try KafkaConsumer(configuration: cluster.configuration(fastGroup.merging(["group.id": group]) { $1 }),
                                 rebalanceHandler: { event, context in
            if case .revoked = event {
                // Work done on partitions about to move is committed before they move.
                // (librdkafka 2.0.2's mock answers REBALANCE_IN_PROGRESS here, a real broker
                // accepts it; either way the revoked partitions' pending work is dropped and
                // will be redelivered: at-least-once.)
                let offsets = pending.offsets
                if (try? context.commit(offsets)) != nil { pending.committed(offsets) }
                pending.clear()
            }
            return record(event, context)
        })
    }

    /// One poll; the batch's offsets are committed now if the group allows it, else in
    /// the revoke handler.
    private func pollAndCommit(_ consumer: KafkaConsumer, _ pending: PendingOffsets) async throws -> [KafkaConsumerMessage] {
        let batch = try await consumer.poll(maxMessages: 10, timeout: .milliseconds(50))
        pending.add(batch)
        let offsets = pending.offsets
        do {
            try await consumer.commit(offsets)
            pending.committed(offsets)
        } catch let error as KafkaError where [.rebalanceInProgress, .illegalGeneration].contains(error.code) {
            // Retried after the rebalance or committed by the revoke handler.
        }
        return batch
    }

    private func produce(_ cluster: KafkaMockCluster, topic: String, _ values: Range<Int>, partitions: Int32) async throws {
        let producer = try KafkaProducer(configuration: cluster.configuration())
        for i in values {
            try producer.send(KafkaProducerMessage(topic: topic, partition: Int32(i) % partitions,
                                                   key: bytes("k\(i)"), value: bytes("\(i)")))
        }
        let reports = try await producer.flush()
        #expect(reports.count == values.count && reports.allSatisfy { $0.error == nil })
        await producer.close()
    }

    @Test func rebalanceMovesPartitionsAndCommittedWorkIsConsumedOnce() async throws {
        let cluster = try KafkaMockCluster()
        let topic = uniqueName("group")
        let group = uniqueName("g")
        try cluster.createTopic(topic, partitions: 4)
        try await produce(cluster, topic: topic, 0..<40, partitions: 4)

        let logA = RebalanceLog()
        let pendingA = PendingOffsets()
        let a = try groupConsumer(cluster, group: group, log: logA, pending: pendingA)
        try await a.subscribe(topics: [topic])
        // A alone: gets all four partitions; consumes and commits the whole backlog.
        var consumedA: [KafkaConsumerMessage] = []
        while logA.assigned.count < 4 || consumedA.count < 40 { consumedA += try await pollAndCommit(a, pendingA) }
        #expect(pendingA.offsets.isEmpty)  // all work committed before B shows up
        #expect(Set(logA.assigned) == Set((0..<4).map { KafkaTopicPartition(topic: topic, partition: $0) }))

        // B joins: partitions are revoked from A and split between A and B.
        let logB = RebalanceLog()
        let pendingB = PendingOffsets()
        let b = try groupConsumer(cluster, group: group, log: logB, pending: pendingB)
        try await b.subscribe(topics: [topic])
        var consumedB: [KafkaConsumerMessage] = []
        let clock = ContinuousClock()
        let deadline = clock.now + .seconds(60)
        func bothAssigned() async throws -> Bool {
            guard !logB.assigned.isEmpty, !logA.revoked.isEmpty else { return false }
            let (pa, pb) = (try await a.assignment(), try await b.assignment())
            return !pa.isEmpty && !pb.isEmpty && Set(pa).isDisjoint(with: pb) && pa.count + pb.count == 4
        }
        while try await !bothAssigned() {
            #expect(clock.now < deadline, "rebalance did not complete")
            if clock.now >= deadline { return }
            consumedA += try await pollAndCommit(a, pendingA)
            consumedB += try await pollAndCommit(b, pendingB)
        }
        #expect(Set(logA.revoked) == Set((0..<4).map { KafkaTopicPartition(topic: topic, partition: $0) }))

        // New messages on every partition: each consumer gets those of its partitions.
        try await produce(cluster, topic: topic, 40..<80, partitions: 4)
        while consumedA.count + consumedB.count < 80, clock.now < deadline + .seconds(10) {
            consumedA += try await pollAndCommit(a, pendingA)
            consumedB += try await pollAndCommit(b, pendingB)
        }
        let all = (consumedA + consumedB).map { string($0.value)! }
        #expect(all.count == 80)
        #expect(Set(all) == Set((0..<80).map(String.init)))  // each exactly once
        let partitionsB = Set(try await b.assignment().map(\.partition))
        #expect(consumedB.filter { Int(string($0.value)!)! >= 40 }.allSatisfy { partitionsB.contains($0.partition) })
        #expect(!consumedB.isEmpty)
        await a.close()
        await b.close()
        #expect(!logB.revoked.isEmpty)  // close revokes through the handler
    }

    @Test func newConsumerResumesAfterLastCommit() async throws {
        let cluster = try KafkaMockCluster()
        let topic = uniqueName("resume")
        let group = uniqueName("g")
        try cluster.createTopic(topic, partitions: 1)
        try await produce(cluster, topic: topic, 0..<10, partitions: 1)

        let first = try groupConsumer(cluster, group: group, log: RebalanceLog())
        try await first.subscribe(topics: [topic])
        let seen = try await consume(first) { $0.count >= 10 }
        #expect(seen.map(\.offset) == Array(0..<10))
        // Processed up to offset 5: commit the next position, 6.
        try await first.commit([KafkaTopicPartitionOffset(topic: topic, partition: 0, offset: 6)])
        let tp = KafkaTopicPartition(topic: topic, partition: 0)
        #expect(try await first.committed([tp]) == [tp: 6])
        await first.close()

        let second = try groupConsumer(cluster, group: group, log: RebalanceLog())
        try await second.subscribe(topics: [topic])
        let resumed = try await consume(second) { $0.count >= 4 }
        #expect(resumed.map(\.offset) == [6, 7, 8, 9])
        #expect(resumed.map { string($0.value)! } == ["6", "7", "8", "9"])
        await second.close()
    }

    @Test func rebalanceHandlerCanChooseStartOffsets() async throws {
        let cluster = try KafkaMockCluster()
        let topic = uniqueName("override")
        try cluster.createTopic(topic, partitions: 2)
        try await produce(cluster, topic: topic, 0..<10, partitions: 2)
        // E.g. positions restored from a local store: partition 0 from offset 3, 1 from 4.
        let consumer = try KafkaConsumer(
            configuration: cluster.configuration(fastGroup.merging(["group.id": uniqueName("g")]) { $1 }),
            rebalanceHandler: { event, _ in
                guard case .assigned = event else { return [:] }
                return [KafkaTopicPartition(topic: topic, partition: 0): 3, KafkaTopicPartition(topic: topic, partition: 1): 4]
            })
        try await consumer.subscribe(topics: [topic])
        let messages = try await consume(consumer) { $0.count >= 3 }
        #expect(messages.filter { $0.partition == 0 }.map(\.offset) == [3, 4])
        #expect(messages.filter { $0.partition == 1 }.map(\.offset) == [4])
        await consumer.close()
    }
}
