import CRDKafka
import Foundation

/// A record to produce.
public struct KafkaProducerMessage: Sendable, Hashable {
    public var topic: String
    /// An explicit partition, or `nil` for librdkafka's partitioner (`RD_KAFKA_PARTITION_UA`;
    /// the default partitioner hashes the key).
    public var partition: Int32?
    public var key: [UInt8]?
    public var value: [UInt8]?
    public var headers: [KafkaHeader]

    public init(topic: String, partition: Int32? = nil, key: [UInt8]?, value: [UInt8]?,
                headers: [KafkaHeader] = []) {
        self.topic = topic
        self.partition = partition
        self.key = key
        self.value = value
        self.headers = headers
    }
}

/// The outcome of one produced message, as reported by librdkafka's delivery report
/// callback. Every message accepted by `send` gets exactly one report.
public struct KafkaDeliveryReport: Sendable, Hashable {
    /// The id `send` returned for this message.
    public var id: UInt64
    public var topic: String
    public var partition: Int32
    /// The offset the message was written at, or `KafkaOffset.invalid` on failure.
    public var offset: Int64
    /// `nil` when the message was delivered.
    public var error: KafkaError?
    public var key: [UInt8]?
    public var value: [UInt8]?

    public var isDelivered: Bool { error == nil }
}

/// A Kafka producer with delivery reports.
///
/// Threading: the handle is served by one dedicated `Thread` that loops over
/// `rd_kafka_poll(rk, 50 ms)`; librdkafka runs the delivery-report callback there, and the
/// final flush/purge/destroy also happen there. `send` never blocks (librdkafka's produce
/// call only enqueues; a full queue is an error, not a wait), and `flush`/`close` suspend
/// the calling task on a continuation, so no librdkafka call ever blocks a thread of
/// Swift's cooperative pool.
///
/// Delivery reports are buffered until `flush` (or `close`) returns them, each exactly once:
/// nothing is lost when a flush times out, the remaining reports come with a later call.
public final class KafkaProducer: Sendable {
    private let core: ProducerCore

    public init(configuration: KafkaConfiguration) throws(KafkaError) {
        let conf = try configuration.makeConf()
        let core = ProducerCore()
        rd_kafka_conf_set_opaque(conf, Unmanaged.passUnretained(core).toOpaque())
        rd_kafka_conf_set_dr_msg_cb(conf, producerDeliveryCallback)
        core.rk = try makeHandle(RD_KAFKA_PRODUCER, conf)
        self.core = core
        let thread = Thread { core.runPollLoop() }
        thread.name = "kafka-producer-poll"
        thread.start()
    }

    deinit {
        // Non-blocking: the poll thread flushes (up to `closeTimeout`), destroys the handle
        // and then releases the core.
        core.requestStop(timeout: .seconds(5), waiter: nil)
    }

    /// Enqueues a message and returns its id (matching `KafkaDeliveryReport.id`).
    /// Throws when librdkafka refuses it (e.g. `_QUEUE_FULL`, unknown partition, closed).
    @discardableResult
    public func send(_ message: KafkaProducerMessage) throws(KafkaError) -> UInt64 {
        try core.send(message)
    }

    /// Waits until every message sent so far has a delivery report (delivered or failed),
    /// then returns all reports not returned before, in the order librdkafka reported them.
    /// Throws `_TIMED_OUT` if some are still outstanding at the deadline; their reports
    /// (and those already collected) are returned by a later `flush` or `close`.
    public func flush(timeout: Duration = .seconds(30)) async throws -> [KafkaDeliveryReport] {
        try await withCheckedThrowingContinuation { cont in
            core.addFlushWaiter(deadline: .now() + .milliseconds(Int(timeout.milliseconds)), cont)
        }
    }

    /// Number of messages sent whose delivery report has not arrived yet.
    public var outstandingCount: Int { core.lock.withLock { core.outstanding } }

    /// Flushes for at most `timeout`, purges what is left (those messages get a failed
    /// report with `_PURGE_QUEUE`/`_PURGE_INFLIGHT`), destroys the handle and returns every
    /// report not returned before. Idempotent.
    @discardableResult
    public func close(timeout: Duration = .seconds(10)) async -> [KafkaDeliveryReport] {
        await withCheckedContinuation { cont in
            core.requestStop(timeout: timeout, waiter: cont)
        }
    }
}

private let producerDeliveryCallback: @convention(c) (OpaquePointer?, UnsafePointer<rd_kafka_message_t>?, UnsafeMutableRawPointer?) -> Void = { _, message, opaque in
    guard let message, let opaque else { return }
    let core = Unmanaged<ProducerCore>.fromOpaque(opaque).takeUnretainedValue()
    let m = message.pointee
    let id = UInt64(UInt(bitPattern: m._private))
    let report = KafkaDeliveryReport(
        id: id,
        topic: m.rkt.map { String(cString: rd_kafka_topic_name($0)) } ?? "",
        partition: m.partition,
        offset: m.err == RD_KAFKA_RESP_ERR_NO_ERROR ? m.offset : KafkaOffset.invalid,
        error: m.err == RD_KAFKA_RESP_ERR_NO_ERROR ? nil : KafkaError(m.err),
        key: m.key.map { Array(UnsafeRawBufferPointer(start: $0, count: m.key_len)) },
        value: m.payload.map { Array(UnsafeRawBufferPointer(start: $0, count: m.len)) })
    core.delivered(report)
}

/// State shared by the public producer, the poll thread and the C callback.
/// `rk` is written once before the poll thread starts; everything else is under `lock`.
final class ProducerCore: @unchecked Sendable {
    let lock = NSLock()
    var rk: OpaquePointer?
    var nextID: UInt64 = 1
    var outstanding = 0
    var reports: [KafkaDeliveryReport] = []
    var flushWaiters: [(deadline: DispatchTime, cont: CheckedContinuation<[KafkaDeliveryReport], any Error>)] = []
    var stopTimeout: Duration?
    var closeWaiters: [CheckedContinuation<[KafkaDeliveryReport], Never>] = []
    var destroyed = false

    func send(_ message: KafkaProducerMessage) throws(KafkaError) -> UInt64 {
        lock.lock()
        if stopTimeout != nil || destroyed {
            lock.unlock()
            throw KafkaError(code: .state, message: "producer is closed")
        }
        let id = nextID
        nextID += 1
        outstanding += 1
        lock.unlock()
        if let error = produce(message, id: id) {
            lock.withLock { outstanding -= 1 }
            throw error
        }
        return id
    }

    private func produce(_ message: KafkaProducerMessage, id: UInt64) -> KafkaError? {
        guard let rk else { return KafkaError(code: .state) }
        var headers: OpaquePointer?
        if !message.headers.isEmpty {
            headers = rd_kafka_headers_new(message.headers.count)
            for h in message.headers {
                if let v = h.value {
                    _ = v.withUnsafeBytes { rd_kafka_header_add(headers, h.key, -1, $0.baseAddress, $0.count) }
                } else {
                    _ = rd_kafka_header_add(headers, h.key, -1, nil, 0)
                }
            }
        }
        let keyBytes = message.key
        let valueBytes = message.value
        let error: OpaquePointer? = message.topic.withCString { topic in
            withOptionalBytes(keyBytes) { key in
                withOptionalBytes(valueBytes) { value in
                    var vus: [rd_kafka_vu_t] = []
                    var vu = rd_kafka_vu_t()
                    vu.vtype = RD_KAFKA_VTYPE_TOPIC; vu.u.cstr = topic; vus.append(vu)
                    vu = rd_kafka_vu_t()
                    vu.vtype = RD_KAFKA_VTYPE_PARTITION; vu.u.i32 = message.partition ?? kafkaPartitionUA; vus.append(vu)
                    vu = rd_kafka_vu_t()
                    vu.vtype = RD_KAFKA_VTYPE_MSGFLAGS; vu.u.i = RD_KAFKA_MSG_F_COPY; vus.append(vu)
                    vu = rd_kafka_vu_t()
                    vu.vtype = RD_KAFKA_VTYPE_OPAQUE; vu.u.ptr = UnsafeMutableRawPointer(bitPattern: UInt(id)); vus.append(vu)
                    if let key { vus.append(memoryArgument(RD_KAFKA_VTYPE_KEY, key)) }
                    if let value { vus.append(memoryArgument(RD_KAFKA_VTYPE_VALUE, value)) }
                    if let headers {
                        vu = rd_kafka_vu_t()
                        vu.vtype = RD_KAFKA_VTYPE_HEADERS; vu.u.headers = headers; vus.append(vu)
                    }
                    return rd_kafka_produceva(rk, &vus, vus.count)
                }
            }
        }
        guard let error else { return nil }
        // On failure the headers were not taken over by librdkafka.
        if let headers { rd_kafka_headers_destroy(headers) }
        return KafkaError(consuming: error)
    }

    func delivered(_ report: KafkaDeliveryReport) {
        lock.withLock {
            reports.append(report)
            outstanding -= 1
        }
    }

    func addFlushWaiter(deadline: DispatchTime, _ cont: CheckedContinuation<[KafkaDeliveryReport], any Error>) {
        lock.withLock {
            if destroyed {
                let r = reports
                reports = []
                cont.resume(returning: r)
            } else {
                flushWaiters.append((deadline, cont))
                // Wake the poll thread so it switches to flushing now, not after its poll.
                if let rk { rd_kafka_yield(rk) }
            }
        }
    }

    func requestStop(timeout: Duration, waiter: CheckedContinuation<[KafkaDeliveryReport], Never>?) {
        lock.withLock {
            if destroyed {
                let r = reports
                reports = []
                waiter?.resume(returning: r)
                return
            }
            if stopTimeout == nil { stopTimeout = timeout }
            if let waiter { closeWaiters.append(waiter) }
        }
    }

    /// Resumes flush waiters whose condition holds; returns true when asked to stop.
    private func serviceWaiters() -> Bool {
        lock.withLock {
            let now = DispatchTime.now()
            var keep: [(deadline: DispatchTime, cont: CheckedContinuation<[KafkaDeliveryReport], any Error>)] = []
            for w in flushWaiters {
                if outstanding == 0 {
                    let r = reports
                    reports = []
                    w.cont.resume(returning: r)
                } else if w.deadline <= now {
                    w.cont.resume(throwing: KafkaError(code: .timedOut,
                        message: "flush timed out with \(outstanding) message(s) awaiting a delivery report"))
                } else {
                    keep.append(w)
                }
            }
            flushWaiters = keep
            return stopTimeout != nil
        }
    }

    /// While someone waits in `flush`, the thread flushes rather than polls: librdkafka then
    /// sends what it holds at once instead of waiting out `linger.ms`, which would otherwise be
    /// added to every batch of a service that flushes each batch.
    func runPollLoop() {
        guard let rk else { return }
        while true {
            if lock.withLock({ flushWaiters.isEmpty }) {
                rd_kafka_poll(rk, 50)
            } else {
                _ = rd_kafka_flush(rk, 10)
            }
            if serviceWaiters() { break }
        }
        let timeout = lock.withLock { stopTimeout ?? .zero }
        _ = rd_kafka_flush(rk, timeout.milliseconds)
        if lock.withLock({ outstanding }) > 0 {
            _ = rd_kafka_purge(rk, Int32(RD_KAFKA_PURGE_F_QUEUE | RD_KAFKA_PURGE_F_INFLIGHT))
            // Purged messages get their (failed) reports on the next polls.
            for _ in 0..<100 where lock.withLock({ outstanding }) > 0 {
                rd_kafka_poll(rk, 10)
            }
        }
        rd_kafka_destroy(rk)
        lock.withLock {
            destroyed = true
            // The first waiter takes the remaining reports; each report is returned once.
            var r: [KafkaDeliveryReport]? = reports
            reports = []
            for w in flushWaiters { w.cont.resume(returning: r ?? []); r = nil }
            for w in closeWaiters { w.resume(returning: r ?? []); r = nil }
            flushWaiters = []
            closeWaiters = []
        }
    }
}

private func withOptionalBytes<R>(_ bytes: [UInt8]?, _ body: (UnsafeRawBufferPointer?) -> R) -> R {
    guard let bytes else { return body(nil) }
    return bytes.withUnsafeBytes { body($0) }
}

/// A key or value argument of `rd_kafka_produceva`: librdkafka copies the bytes (MSG_F_COPY).
/// An empty buffer still needs a non-null pointer, or librdkafka would read it as absent.
private func memoryArgument(_ type: rd_kafka_vtype_t, _ bytes: UnsafeRawBufferPointer) -> rd_kafka_vu_t {
    var argument = rd_kafka_vu_t()
    argument.vtype = type
    argument.u.mem.ptr = UnsafeMutableRawPointer(mutating: bytes.baseAddress ?? UnsafeRawPointer(bitPattern: 1)!)
    argument.u.mem.size = bytes.count
    return argument
}
