import Foundation
import Logging
@testable import NEREKafka
import Synchronization
import Testing

/// librdkafka's own log lines reach swift-log (label `librdkafka`) with the client's name,
/// instead of going straight to standard error.
struct KafkaLogTests {
    @Test func connectionTroubleIsLoggedThroughSwiftLog() async throws {
        let lines = Mutex<[(Logger.Level, String, Logger.Metadata)]>([])
        try await KafkaLog.observing({ level, message, metadata in lines.withLock { $0.append((level, message, metadata)) } }) {
            // Nothing listens on port 1: librdkafka logs the refused connection.
            let producer = try KafkaProducer(configuration: KafkaConfiguration([
                "bootstrap.servers": "127.0.0.1:1", "client.id": "log-test", "reconnect.backoff.ms": "10",
            ]))
            let deadline = Date().addingTimeInterval(20)
            while Date() < deadline, lines.withLock({ !$0.contains { "\($0.2["client"] ?? "")".hasPrefix("log-test") } }) {
                try await Task.sleep(for: .milliseconds(50))
            }
            _ = await producer.close(timeout: .zero)
        }
        let mine = lines.withLock { $0.filter { "\($0.2["client"] ?? "")".hasPrefix("log-test") } }
        #expect(!mine.isEmpty, "a line from the client")
        #expect(mine.contains { $0.0 >= .warning && $0.1.contains("127.0.0.1:1") }, "\(mine.map(\.1))")
    }
}
