import CRDKafka
import Dispatch
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Logging
import NERECache
import NEREContracts
import NEREFeatures
import NEREKafka
import NEREModel
import NEREPipeline
import NEREService
import NERESetVectors
import NERESynthetic
import Synchronization

/// The data every preset of `nere bench serve` runs on: a synthetic log cut in file order into
/// a history (replayed into the warm-start cache), a throughput phase and a latency phase;
/// the catalog's set vectors; and the feature space a model of any preset is built over.
struct ServeWorkload {
    struct Phase {
        /// The records to produce, their keys (`user_id`; `line-N` for a line without one)
        /// and event ids (nil for a line that has none).
        var lines: [[UInt8]]
        var keys: [[UInt8]]
        var eventIDs: [String?]
        /// The same lines as a file, for the replay.
        var path: String

        var count: Int { lines.count }
    }

    let setsPath: String
    let setLines: [[UInt8]]
    let setKeys: [[UInt8]]
    let historyLines: Int
    let throughput: Phase
    let latency: Phase
    let warmStartPath: String
    let vectorsPath: String
    let vectorsVersion: String
    let contentWidth: Int
    let featureSpace: FeatureSpace
    /// `ended_at` of the log's first and last valid sessions: the model's split is cut inside.
    let firstEnded: Timestamp
    let lastEnded: Timestamp

    /// Generates the data into `directory`, cuts the log (its first `eventCap` lines when
    /// given), replays the history into a warm-start cache and trains the set vectors.
    static func prepare(dataPreset: SyntheticPreset, seed: UInt64, eventCap: Int?, vectorEpochs: Int, in directory: URL,
                        quiet: Logger, logger: Logger) async throws -> ServeWorkload {
        let progress = ProgressLine("data")
        progress.note("generating the \(dataPreset.rawValue) data set")
        _ = try SyntheticGenerator(preset: dataPreset, seed: seed).write(to: directory) { progress.update(fraction: $0) }
        // Vector quality is not what this benchmark measures: without the truth file beside the
        // catalog, `vectorize` skips it.
        try? FileManager.default.removeItem(at: directory.appendingPathComponent("truth.jsonl"))
        let setsPath = directory.appendingPathComponent("sets.jsonl").path
        var log = try jsonLines(directory.appendingPathComponent("events.jsonl").path)
        if let eventCap { log = Array(log.prefix(eventCap)) }
        let historyCount = log.count / 10
        let throughputCount = (log.count - historyCount) / 2

        progress.note("cutting the log")
        let historyPath = directory.appendingPathComponent("history.jsonl").path
        try writeLines(log[..<historyCount], to: historyPath)
        func phase(_ range: Range<Int>, name: String) throws -> Phase {
            let path = directory.appendingPathComponent("\(name).jsonl").path
            try writeLines(log[range], to: path)
            var keys: [[UInt8]] = [], eventIDs: [String?] = []
            for i in range {
                keys.append(Array((ProduceCommand.key("user_id", of: log[i]) ?? "line-\(i + 1)").utf8))
                eventIDs.append(ProduceCommand.key("event_id", of: log[i]))
            }
            return Phase(lines: Array(log[range]), keys: keys, eventIDs: eventIDs, path: path)
        }
        let throughput = try phase(historyCount ..< historyCount + throughputCount, name: "throughput")
        let latency = try phase(historyCount + throughputCount ..< log.count, name: "latency")
        let setLines = try jsonLines(setsPath)
        let setKeys = setLines.map { Array((ProduceCommand.key("set_id", of: $0) ?? "").utf8) }

        progress.note("replaying the history into the warm start")
        let warmStartPath = directory.appendingPathComponent("warm-start.sqlite").path
        _ = try await ReplayRun(input: .files(events: historyPath, sets: setsPath), cachePath: warmStartPath).run(logger: quiet)

        progress.note("fitting the feature space")
        let logPath = directory.appendingPathComponent("log.jsonl").path
        try writeLines(log[...], to: logPath)
        let sessions = try ReplayLog(path: logPath).acceptedSessions
        guard let first = sessions.first?.endedAt, let last = sessions.last?.endedAt else {
            throw ServeBenchFailure(description: "the log has no valid study sessions")
        }
        let loadedSets = try SetsFile.load(path: setsPath)
        let featureSpace = FeatureSpace.fit(sessions: sessions, sets: loadedSets.sets)
        progress.finish()

        logger.info("training set vectors", metadata: ["epochs": "\(vectorEpochs)"])
        var training = SetVectorTraining()
        training.glove.epochs = vectorEpochs
        let vectorsPath = directory.appendingPathComponent("vectors").path
        let (vectors, _) = try vectorize(sets: setsPath, out: vectorsPath, truth: nil, training: training, logger: quiet)

        return ServeWorkload(setsPath: setsPath, setLines: setLines, setKeys: setKeys,
                             historyLines: historyCount, throughput: throughput, latency: latency,
                             warmStartPath: warmStartPath, vectorsPath: vectorsPath, vectorsVersion: vectors.versionID,
                             contentWidth: vectors.set2vec.dimensions, featureSpace: featureSpace, firstEnded: first,
                             lastEnded: last)
    }

    /// A model artifact of `preset` over this data WITHOUT training: the network's own random
    /// initialisation and random batch-norm statistics (as `ModelWorkload` makes them). What it
    /// recommends is meaningless; what it costs per event is a trained network's.
    func writeModel(_ preset: ModelPreset, seed: UInt64, to directory: URL) throws -> (parameters: Int, version: String) {
        let shape = preset.shape(vocabularySizes: featureSpace.vocabularySizes,
                                 continuousCount: FeatureSpace.continuousFeatureNames.count, contentWidth: contentWidth)
        let network = NERENetwork(shape: shape, categoricalNames: FeatureSpace.categoricalFeatureNames)
        network.randomiseForBenchmark(seed: seed)
        let span = lastEnded.secondsSinceEpoch - firstEnded.secondsSinceEpoch
        var artifact = ModelArtifact(network: network, preset: preset, featureSpace: featureSpace,
                                     validationStart: firstEnded.adding(seconds: span * 0.70),
                                     testStart: firstEnded.adding(seconds: span * 0.85),
                                     vectorsVersion: vectorsVersion, createdAt: .now)
        let version = try artifact.write(to: directory)
        return (network.parameterCount, version)
    }

    static func jsonLines(_ path: String) throws -> [[UInt8]] {
        try Data(contentsOf: URL(fileURLWithPath: path)).split(separator: UInt8(ascii: "\n")).map { Array($0) }
    }

    private static func writeLines(_ lines: ArraySlice<[UInt8]>, to path: String) throws {
        var bytes: [UInt8] = []
        for line in lines {
            bytes += line
            bytes.append(UInt8(ascii: "\n"))
        }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }
}

/// One preset's figures.
struct ServeFigures {
    struct Throughput {
        /// Events timed (those of the first committed batch are excluded when timing starts there).
        var events: Int
        var seconds: Double
        var cpuSeconds: Double
        /// Where timing started: "first commit" or "readiness".
        var timedFrom: String
        var eventsPerSecond: Double { seconds > 0 ? Double(events) / seconds : 0 }
        var eventsPerCPUSecond: Double { cpuSeconds > 0 ? Double(events) / cpuSeconds : 0 }
        /// CPU-seconds per second: how many cores the process kept busy.
        var coresBusy: Double { seconds > 0 ? cpuSeconds / seconds : 0 }
    }

    struct Replay {
        var events: Int
        /// `ReplayRun`'s own timing: reading and decoding the log, then processing it.
        var seconds: Double
        var eventsPerSecond: Double
        /// Processing only (the log already decoded).
        var cpuSeconds: Double
        var eventsPerCPUSecond: Double { cpuSeconds > 0 ? Double(events) / cpuSeconds : 0 }
    }

    struct Latency {
        /// Events per second asked of the paced producer, and what it achieved.
        var targetRate: Double
        var achievedRate: Double
        var eventsSent: Int
        /// Latency-phase events that produced a recommendation (what the percentiles are over).
        var recommendations: Int
        var p50Milliseconds: Double
        var p99Milliseconds: Double
        var maxMilliseconds: Double
    }

    var preset: ModelPreset
    var parameters: Int
    var modelVersion: String
    /// From the service's start to GET /readyz answering 200.
    var startupSeconds: Double
    var throughputEventsProduced: Int
    var throughput: Throughput
    var replay: Replay
    var latency: Latency

    var serveOverReplay: Double { replay.eventsPerSecond > 0 ? throughput.eventsPerSecond / replay.eventsPerSecond : 0 }
}

/// `nere bench serve` for one preset: a fresh mock cluster (the changelog and the committed
/// offsets belong to one consumer group, so a cluster is never reused), the replay reference,
/// the service in this process at full speed on pre-produced events, then at half that rate.
struct ServeBenchmark {
    let workload: ServeWorkload
    let topics: [TopicDefinition]
    let topicsDirectory: String
    let batchEvents: Int
    /// The service's `model.threads` (OpenBLAS threads).
    let computeThreads: Int
    let fetchWaitMilliseconds: Int
    let seed: UInt64
    /// The service's and the replays' logger (dead letters of the synthetic log's malformed
    /// lines are logged as warnings; the benchmark keeps them out of its output).
    let quiet: Logger
    let logger: Logger

    /// The paced producer's `linger.ms`: its bursts are 2 ms apart, so one request carries a burst.
    static let producerLingerMilliseconds = 1
    static let pollInterval = Duration.milliseconds(2)
    /// Between starting the recommendations consumer and the first paced send.
    static let settle = Duration.seconds(1)

    func measure(_ preset: ModelPreset, in directory: URL, progress: ProgressLine) async throws -> ServeFigures {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        progress.note("model artifact")
        let modelPath = directory.appendingPathComponent("model").path
        let (parameters, modelVersion) = try workload.writeModel(preset, seed: seed, to: URL(fileURLWithPath: modelPath))

        progress.note("replay reference")
        mark("replay reference")
        let replay = try await replayReference(modelPath: modelPath, cache: directory.appendingPathComponent("replay.sqlite").path)
        logger.info("replay reference", metadata: ["preset": "\(preset.rawValue)", "events_per_second": "\(replay.eventsPerSecond)"])

        progress.note("mock cluster")
        let cluster = try KafkaMockCluster()
        for topic in topics { try cluster.createTopic(topic.name, partitions: Int32(topic.partitions)) }
        // One producer for the whole run: the latency phase's sends then go through a client
        // that is connected and knows the topic's partitions (a new librdkafka producer's
        // first records wait about a second for that, which would be timed as latency).
        let producer = try KafkaProducer(configuration: cluster.configuration([
            "linger.ms": String(Self.producerLingerMilliseconds), "queue.buffering.max.messages": "1000000",
        ]))
        do {
            let (startup, throughput, latency) = try await serve(preset, modelPath: modelPath, cluster: cluster, producer: producer,
                                                                 in: directory, progress: progress)
            _ = await producer.close()
            return ServeFigures(preset: preset, parameters: parameters, modelVersion: modelVersion, startupSeconds: startup,
                                throughputEventsProduced: workload.throughput.count, throughput: throughput, replay: replay,
                                latency: latency)
        } catch {
            _ = await producer.close()
            throw error
        }
    }

    /// Pre-produces, starts the service and measures both phases on one cluster.
    private func serve(_ preset: ModelPreset, modelPath: String, cluster: KafkaMockCluster, producer: KafkaProducer,
                       in directory: URL, progress: ProgressLine) async throws
        -> (startup: Double, ServeFigures.Throughput, ServeFigures.Latency)
    {
        progress.note("producing the catalog and \(workload.throughput.count) events")
        try await Self.produce(producer, topic: TopicName.sets.rawValue, lines: workload.setLines, keys: workload.setKeys)
        try await Self.produce(producer, topic: TopicName.studyEvents.rawValue, lines: workload.throughput.lines,
                               keys: workload.throughput.keys)

        var configuration = ServiceConfiguration()
        configuration.kafka = ["bootstrap.servers": cluster.bootstrapServers, "group.id": "nere-bench-\(preset.rawValue)",
                               "session.timeout.ms": "6000", "heartbeat.interval.ms": "500",
                               "fetch.wait.max.ms": String(fetchWaitMilliseconds)]
        // librdkafka warns on every client that the mock broker's Metadata version cannot
        // carry allow.auto.create.topics=false; shown only when asked for info or more.
        if quiet.logLevel > .info { configuration.kafka["log_level"] = "3" }
        configuration.topicsDirectory = topicsDirectory
        configuration.cachePath = directory.appendingPathComponent("serve.sqlite").path
        configuration.recommenders.modelPath = modelPath
        configuration.recommenders.vectorsPath = workload.vectorsPath
        configuration.recommenders.warmStartPath = workload.warmStartPath
        configuration.httpListen = "127.0.0.1:0"
        configuration.maxBatchEvents = batchEvents
        configuration.computeThreads = computeThreads
        let service = RunningService(configuration, logger: quiet)
        do {
            progress.note("throughput")
            mark("throughput phase")
            let (startup, throughput) = try await measureThroughput(service, cachePath: configuration.cachePath, progress: progress)
            logger.info("throughput", metadata: ["preset": "\(preset.rawValue)", "events_per_second": "\(throughput.eventsPerSecond)"])
            if logger.logLevel <= .debug {
                let metrics = await service.metrics()
                logger.debug("metrics after the throughput phase", metadata: ["metrics": "\(metrics)"])
            }
            let rate = max(1, throughput.eventsPerSecond / 2)
            progress.note("latency at \(Int(rate)) events/s")
            mark("latency phase")
            let latency = try await measureLatency(service, cluster: cluster, producer: producer, rate: rate,
                                                   cachePath: configuration.cachePath)
            if logger.logLevel <= .debug {
                let metrics = await service.metrics()
                logger.debug("metrics after the latency phase", metadata: ["metrics": "\(metrics)"])
            }
            mark("stopping")
            try await service.stop()
            return (startup, throughput, latency)
        } catch {
            try? await service.stop()
            throw error
        }
    }

    /// A phase's start in CLOCK_MONOTONIC nanoseconds at `--log-level debug`, to cut a profile
    /// (`perf record -k mono`) to it.
    private func mark(_ phase: String) {
        logger.debug("phase", metadata: ["phase": "\(phase)", "monotonic_ns": "\(DispatchTime.now().uptimeNanoseconds)"])
    }

    /// The same throughput-phase events through `ReplayRun` with the same model, vectors and
    /// warm start, and the service's batch size and options (frozen, unscored, wall-clock
    /// stamps), into a cache of its own: the pipeline without Kafka.
    private func replayReference(modelPath: String, cache: String) async throws -> ServeFigures.Replay {
        var run = ReplayRun(input: .files(events: workload.throughput.path, sets: workload.setsPath), cachePath: cache)
        run.batchSize = batchEvents
        run.options.scoresPrequentially = false
        run.options.stampWithEventTime = false
        run.recommenders.vectorsPath = workload.vectorsPath
        run.recommenders.modelPath = modelPath
        run.recommenders.warmStartPath = workload.warmStartPath
        // CPU from the first progress report (the log read and decoded, the stack built) to the end.
        var cpuAtStart: Double?
        let result = try await run.run(logger: quiet) { _, _ in
            if cpuAtStart == nil { cpuAtStart = ProcessCPU.seconds() }
        }
        let cpu = ProcessCPU.seconds() - (cpuAtStart ?? 0)
        return .init(events: result.eventsThisRun, seconds: result.secondsThisRun, eventsPerSecond: result.eventsPerSecond,
                     cpuSeconds: cpu)
    }

    /// From the service's start: readiness (GET /readyz 200), then the first position in the
    /// cache, then every produced event's offset committed there. Timing runs from the first
    /// commit (its events excluded) or, when that commit already covered most of the phase,
    /// from readiness.
    private func measureThroughput(_ service: RunningService, cachePath: String,
                                   progress: ProgressLine) async throws -> (startup: Double, ServeFigures.Throughput) {
        let total = workload.throughput.count
        let deadline = ContinuousClock.now + .seconds(120 + total / 500)
        let ready = try await service.waitUntilReady(deadline: deadline)
        let readyCPU = ProcessCPU.seconds()
        let cache = try StreamCache(path: cachePath, readOnly: true)
        var first: (at: ContinuousClock.Instant, cpu: Double, consumed: Int)?
        while true {
            let consumed = try Self.consumed(cache)
            let now = ContinuousClock.now, cpu = ProcessCPU.seconds()
            if consumed > 0, first == nil { first = (now, cpu, consumed) }
            if let first, consumed >= total {
                progress.update(done: consumed, total: total)
                let fromFirst = first.consumed <= total / 2 && now > first.at
                let start = fromFirst ? first : (at: ready, cpu: readyCPU, consumed: 0)
                return (service.startupSeconds(readyAt: ready),
                        .init(events: total - start.consumed, seconds: (now - start.at).seconds, cpuSeconds: cpu - start.cpu,
                              timedFrom: fromFirst ? "first commit" : "readiness"))
            }
            progress.update(done: consumed, total: total)
            try await service.check(deadline: deadline, waitingFor: "\(total) events consumed (\(consumed) so far)")
            try await Task.sleep(for: Self.pollInterval)
        }
    }

    /// The latency-phase events at `rate` by a paced producer on its own thread, while a
    /// consumer without a group reads `nere.recommendations` from where it ended before.
    private func measureLatency(_ service: RunningService, cluster: KafkaMockCluster, producer: KafkaProducer, rate: Double,
                                cachePath: String) async throws -> ServeFigures.Latency {
        let phase = workload.latency
        let collector = try await RecommendationCollector.start(cluster: cluster, fetchWaitMilliseconds: fetchWaitMilliseconds)
        let consuming = Task { try await collector.collect() }
        let paced: PacedProducer.Outcome
        do {
            // The collector's first fetches find the partitions' leader and connect; nothing
            // is sent before that has surely happened.
            try await Task.sleep(for: Self.settle)
            paced = try await PacedProducer.run(producer, topic: TopicName.studyEvents.rawValue, lines: phase.lines, keys: phase.keys,
                                                rate: rate)
            let reports = try await producer.flush(timeout: .seconds(60))
            guard reports.allSatisfy(\.isDelivered) else { throw ServeBenchFailure(description: "latency-phase events undelivered") }

            let total = workload.throughput.count + phase.count
            let cache = try StreamCache(path: cachePath, readOnly: true)
            let deadline = ContinuousClock.now + .seconds(120 + phase.count / 500)
            while try Self.consumed(cache) < total {
                try await service.check(deadline: deadline, waitingFor: "the latency-phase events consumed")
                try await Task.sleep(for: .milliseconds(10))
            }
            // Outputs are acknowledged before the cache commits, so every recommendation of the
            // phase is on the topic now: read up to its current end.
            try await collector.finish(atEndOf: cluster)
        } catch {
            consuming.cancel()
            throw error
        }
        let arrivals = try await consuming.value

        var sentAt: [String: UInt64] = [:]
        for (i, eventID) in phase.eventIDs.enumerated() {
            if let eventID, sentAt[eventID] == nil { sentAt[eventID] = paced.sentAt[i] }
        }
        var firstArrival: [String: UInt64] = [:]
        for (arrived, value) in arrivals {
            guard case .success(let recommendation) = PayloadDecoding.decode(Recommendation.self, from: value, now: .now),
                  sentAt[recommendation.source.eventID] != nil else { continue }
            let eventID = recommendation.source.eventID
            firstArrival[eventID] = min(firstArrival[eventID] ?? .max, arrived)
        }
        let latencies = firstArrival.map { eventID, arrived in Double(Int64(arrived) - Int64(sentAt[eventID]!)) / 1e6 }.sorted()
        if logger.logLevel <= .debug, let start = paced.sentAt.first {
            // p50 and max per 250 ms of sending: whether the tail is a warm-up, a stall or steady.
            var slots: [Int: [Double]] = [:]
            for (eventID, arrived) in firstArrival {
                let sent = sentAt[eventID]!
                slots[Int((sent - start) / 250_000_000), default: []].append(Double(Int64(arrived) - Int64(sent)) / 1e6)
            }
            let lines = slots.keys.sorted().map { slot in
                let values = slots[slot]!.sorted()
                return String(format: "%5.2f s: n %4d p50 %6.1f max %6.1f", Double(slot) / 4, values.count,
                              Self.percentile(values, 0.5), values.last ?? 0)
            }
            logger.debug("latency over the phase", metadata: ["by_send_time": "\n\(lines.joined(separator: "\n"))"])
        }
        return .init(targetRate: rate, achievedRate: paced.seconds > 0 ? Double(phase.count) / paced.seconds : 0,
                     eventsSent: phase.count, recommendations: latencies.count,
                     p50Milliseconds: Self.percentile(latencies, 0.50), p99Milliseconds: Self.percentile(latencies, 0.99),
                     maxMilliseconds: latencies.last ?? 0)
    }

    /// Nearest rank of sorted values; 0 for none.
    static func percentile(_ sorted: [Double], _ p: Double) -> Double {
        guard !sorted.isEmpty else { return 0 }
        return sorted[min(sorted.count - 1, max(0, Int((p * Double(sorted.count)).rounded(.up)) - 1))]
    }

    /// Events of `nere.study-events` the cache says are consumed (every partition starts at 0).
    private static func consumed(_ cache: StreamCache) throws -> Int {
        Int(try cache.positions().filter { $0.topic == TopicName.studyEvents.rawValue }.reduce(0) { $0 + $1.nextOffset })
    }

    private static func produce(_ producer: KafkaProducer, topic: String, lines: [[UInt8]], keys: [[UInt8]]) async throws {
        for (line, key) in zip(lines, keys) { try producer.send(KafkaProducerMessage(topic: topic, key: key, value: line)) }
        let reports = try await producer.flush(timeout: .seconds(120))
        guard reports.allSatisfy(\.isDelivered) else { throw ServeBenchFailure(description: "records to \(topic) undelivered") }
    }
}

/// A `StreamService` running in a task of this process.
final class RunningService: Sendable {
    private let control = ServiceControl()
    private let task: Task<Void, any Error>
    private let finished = StopFlag()
    private let started = ContinuousClock.now

    init(_ configuration: ServiceConfiguration, logger: Logger) {
        let service = StreamService(configuration: configuration, control: control, logger: logger)
        let finished = self.finished
        task = Task {
            defer { finished.set() }
            try await service.run()
        }
    }

    func startupSeconds(readyAt: ContinuousClock.Instant) -> Double { (readyAt - started).seconds }

    /// Throws the service's error if it stopped, or a timeout past the deadline.
    func check(deadline: ContinuousClock.Instant, waitingFor what: String) async throws {
        if finished.isSet {
            try await task.value
            throw ServeBenchFailure(description: "the service stopped while waiting for \(what)")
        }
        if ContinuousClock.now > deadline { throw ServeBenchFailure(description: "timed out waiting for \(what)") }
    }

    /// Polls GET /readyz until it answers 200; returns when it did.
    func waitUntilReady(deadline: ContinuousClock.Instant) async throws -> ContinuousClock.Instant {
        while true {
            if let port = control.httpPort, let url = URL(string: "http://127.0.0.1:\(port)/readyz"),
               let (_, response) = try? await URLSession.shared.data(from: url),
               (response as? HTTPURLResponse)?.statusCode == 200 {
                return ContinuousClock.now
            }
            try await check(deadline: deadline, waitingFor: "/readyz")
            try await Task.sleep(for: .milliseconds(5))
        }
    }

    /// The service's /metrics text (empty if unreachable), for `--log-level debug`.
    func metrics() async -> String {
        guard let port = control.httpPort, let url = URL(string: "http://127.0.0.1:\(port)/metrics") else { return "" }
        do {
            let (data, _) = try await URLSession.shared.data(from: url)
            return String(decoding: data, as: UTF8.self)
        } catch {
            return "unreachable: \(error)"
        }
    }

    /// Drains and stops (SIGTERM's path).
    func stop() async throws {
        control.requestStop()
        try await task.value
    }
}

/// Set once, from any thread.
final class StopFlag: Sendable {
    private let value = Mutex(false)
    var isSet: Bool { value.withLock { $0 } }
    func set() { value.withLock { $0 = true } }
}

/// The process's CPU time (user + system, every thread: the service, librdkafka's threads, the
/// in-process mock broker, SQLite's commit thread, OpenBLAS and this benchmark's polling).
enum ProcessCPU {
    static func seconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }
}

/// Sends records at a steady rate from a thread of its own (not Swift's cooperative pool, which
/// the service shares): every ~2 ms, a burst of those now due, each stamped just before `send`.
enum PacedProducer {
    struct Outcome: Sendable {
        /// Monotonic nanoseconds (`DispatchTime`) of each record's send, in line order.
        var sentAt: [UInt64]
        var seconds: Double
    }

    static let burstInterval: useconds_t = 2_000

    static func run(_ producer: KafkaProducer, topic: String, lines: [[UInt8]], keys: [[UInt8]],
                    rate: Double) async throws -> Outcome {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Outcome, any Error>) in
            let thread = Thread {
                var sentAt = [UInt64](repeating: 0, count: lines.count)
                let start = DispatchTime.now().uptimeNanoseconds
                var next = 0
                do {
                    while next < lines.count {
                        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
                        let due = min(lines.count, Int(elapsed * rate) + 1)
                        while next < due {
                            sentAt[next] = DispatchTime.now().uptimeNanoseconds
                            try producer.send(KafkaProducerMessage(topic: topic, key: keys[next], value: lines[next]))
                            next += 1
                        }
                        if next < lines.count { usleep(burstInterval) }
                    }
                    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
                    continuation.resume(returning: Outcome(sentAt: sentAt, seconds: seconds))
                } catch {
                    continuation.resume(throwing: error)
                }
            }
            thread.name = "bench-paced-producer"
            thread.start()
        }
    }
}

/// Reads `nere.recommendations` without a group from the ends it had when started, stamping
/// each record with the moment its poll returned, until told where the topic ends.
final class RecommendationCollector: Sendable {
    private let consumer: KafkaConsumer
    private let topic = TopicName.recommendations.rawValue
    private let startOffsets: [Int32: Int64]
    private let ends = Mutex<[Int32: Int64]?>(nil)

    private init(consumer: KafkaConsumer, startOffsets: [Int32: Int64]) {
        self.consumer = consumer
        self.startOffsets = startOffsets
    }

    /// Assigns every partition at its current high watermark (an absolute offset, so nothing
    /// produced after this call is missed while librdkafka would resolve a logical end).
    static func start(cluster: KafkaMockCluster, fetchWaitMilliseconds: Int) async throws -> RecommendationCollector {
        let consumer = try KafkaConsumer(configuration: cluster.configuration(["fetch.wait.max.ms": String(fetchWaitMilliseconds)]))
        let topic = TopicName.recommendations.rawValue
        var offsets: [Int32: Int64] = [:]
        for partition in try await consumer.partitions(of: topic) {
            offsets[partition] = try await consumer.watermarks(topic: topic, partition: partition).high
        }
        try await consumer.assign(offsets.map { KafkaTopicPartitionOffset(topic: topic, partition: $0.key, offset: $0.value) })
        return RecommendationCollector(consumer: consumer, startOffsets: offsets)
    }

    /// Every record's arrival (monotonic nanoseconds) and value, until `finish` and the ends reached.
    func collect() async throws -> [(arrived: UInt64, value: [UInt8])] {
        var arrivals: [(arrived: UInt64, value: [UInt8])] = []
        var next = startOffsets
        let deadline = ContinuousClock.now + .seconds(3_600)
        while true {
            if let ends = ends.withLock({ $0 }), ends.allSatisfy({ next[$0.key, default: 0] >= $0.value }) { break }
            try Task.checkCancellation()
            guard ContinuousClock.now < deadline else { throw ServeBenchFailure(description: "recommendations never all arrived") }
            let messages = try await consumer.poll(maxMessages: 10_000, timeout: .milliseconds(20))
            let arrived = DispatchTime.now().uptimeNanoseconds
            for message in messages {
                arrivals.append((arrived, message.value ?? []))
                next[message.partition] = max(next[message.partition] ?? 0, message.offset + 1)
            }
        }
        await consumer.close()
        return arrivals
    }

    /// Ends collection at the topic's current end (asked with a second consumer, so the
    /// collecting one keeps polling).
    func finish(atEndOf cluster: KafkaMockCluster) async throws {
        let probe = try KafkaConsumer(configuration: cluster.configuration())
        var ends: [Int32: Int64] = [:]
        for partition in startOffsets.keys {
            ends[partition] = try await probe.watermarks(topic: topic, partition: partition).high
        }
        await probe.close()
        self.ends.withLock { $0 = ends }
    }
}

/// The benchmark could not measure: printed as one line, non-zero exit.
struct ServeBenchFailure: Error, CustomStringConvertible {
    var description: String
}
