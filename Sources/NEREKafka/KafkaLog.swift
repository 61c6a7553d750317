import CRDKafka
import Foundation
import Logging
import Synchronization

/// librdkafka's own log lines — broker connections lost and regained, configuration
/// warnings — through swift-log under the label `librdkafka`, with the client's name and
/// librdkafka's facility as metadata, rather than printed straight to standard error.
enum KafkaLog {
    static let logger = Logger(label: "librdkafka")
    /// Extra receivers of every line (tests), by registration.
    private static let observers = Mutex<[UUID: @Sendable (Logger.Level, String, Logger.Metadata) -> Void]>([:])

    static func log(_ level: Logger.Level, _ message: String, _ metadata: Logger.Metadata) {
        logger.log(level: level, "\(message)", metadata: metadata)
        for observer in observers.withLock({ Array($0.values) }) { observer(level, message, metadata) }
    }

    /// Runs `body` with `observer` receiving every librdkafka log line meanwhile.
    static func observing<T>(_ observer: @escaping @Sendable (Logger.Level, String, Logger.Metadata) -> Void,
                             _ body: () async throws -> T) async rethrows -> T {
        let id = UUID()
        observers.withLock { $0[id] = observer }
        defer { observers.withLock { $0[id] = nil } }
        return try await body()
    }

    /// Syslog levels, as librdkafka uses them.
    static func level(_ syslog: Int32) -> Logger.Level {
        switch syslog {
        case ...2: .critical
        case 3: .error
        case 4: .warning
        case 5: .notice
        case 6: .info
        default: .debug
        }
    }
}

/// Runs on librdkafka's internal threads; `Logger` is thread-safe.
let kafkaLogCallback: @convention(c) (OpaquePointer?, Int32, UnsafePointer<CChar>?, UnsafePointer<CChar>?) -> Void = {
    rk, level, facility, message in
    KafkaLog.log(KafkaLog.level(level), message.map { String(cString: $0) } ?? "", [
        "client": "\(rk.map { String(cString: rd_kafka_name($0)) } ?? "")",
        "facility": "\(facility.map { String(cString: $0) } ?? "")",
    ])
}
