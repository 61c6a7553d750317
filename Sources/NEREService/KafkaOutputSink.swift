import Foundation
import Logging
import NERECache
import NEREContracts
import NEREFeatures
import NEREKafka
import NEREPipeline

/// The service's outputs of one batch: recommendations (`nere.recommendations`, keyed
/// `user_id|subject`), dead letters (`nere.study-events.dlq`, original key and bytes, the
/// reason in headers) and the window changelog (`nere.window-state`).
///
/// `flush` returns only when the broker has acknowledged every record. A record whose
/// delivery failed (librdkafka gave up after `message.timeout.ms`, e.g. while the cluster was
/// unreachable) is sent again, so a broker outage delays the batch — and with it the SQLite
/// and offset commits — but loses nothing.
final class KafkaOutputSink: PipelineSink {
    struct Topics {
        var recommendations: String
        var deadLetters: String
        var windowState: String
    }

    /// The most of a dead letter's bytes the DLQ carries.
    static let maxDeadLetterBytes = 64 * 1024

    private let producer: KafkaProducer
    private let topics: Topics
    private let metrics: ServiceMetrics
    private let logger: Logger
    /// Records sent and not yet acknowledged, by the id `send` returned.
    private var unacknowledged: [UInt64: KafkaProducerMessage] = [:]

    init(producer: KafkaProducer, topics: Topics, metrics: ServiceMetrics, logger: Logger) {
        self.producer = producer
        self.topics = topics
        self.metrics = metrics
        self.logger = logger
    }

    func emit(_ recommendation: Recommendation) throws {
        let key = WindowKey(userID: recommendation.userID, subject: recommendation.subject).description
        metrics.recommendationsOut.increment()
        try send(KafkaProducerMessage(topic: topics.recommendations, key: Array(key.utf8), value: Array(recommendation.jsonText.utf8)))
    }

    func emit(deadLetter: DeadLetter) throws {
        let violation = deadLetter.violation
        metrics.deadLetter(reason: violation.reason)
        let headers = [
            ("nere.error.reason", violation.reason.rawValue), ("nere.error.field", violation.field),
            ("nere.error.detail", violation.detail), ("nere.source.topic", deadLetter.origin.topic),
            ("nere.source.partition", String(deadLetter.origin.partition)), ("nere.source.offset", String(deadLetter.origin.offset)),
        ].map { KafkaHeader(key: $0.0, value: Array($0.1.utf8)) }
        // A record too large for the input contract is too large for the DLQ too (brokers
        // refuse what exceeds `message.max.bytes`): its head goes to the topic, marked, and the
        // whole of it stays in the cache's dead_letters table.
        let payload = deadLetter.payload.count > Self.maxDeadLetterBytes
            ? Array(deadLetter.payload.prefix(Self.maxDeadLetterBytes)) : deadLetter.payload
        let truncated = payload.count < deadLetter.payload.count
            ? [KafkaHeader(key: "nere.payload.truncated_from", value: Array(String(deadLetter.payload.count).utf8))] : []
        try send(KafkaProducerMessage(topic: topics.deadLetters, key: deadLetter.key, value: payload, headers: headers + truncated))
    }

    func emit(changedWindows: [SessionWindow]) throws {
        for window in changedWindows {
            if let record = WindowChangelog.record(for: window, topic: topics.windowState) { try send(record) }
        }
    }

    func flush() async throws {
        while !unacknowledged.isEmpty {
            let reports: [KafkaDeliveryReport]
            do {
                reports = try await producer.flush(timeout: .seconds(10))
            } catch let error as KafkaError where error.code == .timedOut {
                logger.warning("outputs not acknowledged yet; waiting for the cluster", metadata: ["records": "\(unacknowledged.count)"])
                continue
            }
            try settle(reports)
        }
    }

    /// Enqueues a record. librdkafka's local queue holds far more than one batch produces
    /// (`StreamService.producerDefaults`), so a full queue is a misconfiguration, thrown.
    private func send(_ message: KafkaProducerMessage) throws {
        unacknowledged[try producer.send(message)] = message
    }

    private func settle(_ reports: [KafkaDeliveryReport]) throws {
        for report in reports {
            guard let message = unacknowledged.removeValue(forKey: report.id) else { continue }
            if let error = report.error {
                metrics.outputsResent.increment()
                logger.warning("delivery failed; sending again", metadata: ["topic": "\(message.topic)", "error": "\(error)"])
                unacknowledged[try producer.send(message)] = message
            }
        }
    }
}
