import Foundation
import Logging
import NERECache
import NEREContracts
import NEREFeatures
import NEREKafka
import NEREModel
import NEREPipeline

/// `nere serve` (DESIGN §1–3): consumes `nere.study-events` in a consumer group, runs each poll
/// as one micro-batch through the same pipeline as a replay, and publishes recommendations,
/// dead letters and the window changelog.
///
/// The order of a batch is what makes a crash harmless: outputs are acknowledged by the
/// broker, then SQLite commits windows, recommendations and offsets in one transaction, then
/// the offsets are committed to Kafka. Restarted at any point, an instance resumes from its
/// cache (a consistent snapshot), or — for a partition it does not hold currently — from the
/// changelog, skipping events a restored window has already applied.
public final class StreamService {
    private let configuration: ServiceConfiguration
    private let configurationPath: String?
    private let control: ServiceControl
    private let logger: Logger
    private let health = ServiceHealth()
    private let metrics = ServiceMetrics()

    public init(configuration: ServiceConfiguration, configurationPath: String? = nil, control: ServiceControl, logger: Logger) {
        self.configuration = configuration
        self.configurationPath = configurationPath
        self.control = control
        self.logger = logger
    }

    /// librdkafka defaults for this service's clients, under whatever the configuration sets.
    /// Topics are created by `nere topics create`, never by a metadata request: some brokers
    /// (Tansu) create a missing topic with their own partition count when asked about it.
    static let consumerDefaults = ["auto.offset.reset": "earliest", "enable.partition.eof": "false",
                                   "allow.auto.create.topics": "false"]
    /// One batch produces a recommendation and a changelog record per event at most: the local
    /// queue holds many batches, so `send` never finds it full.
    static let producerDefaults = ["queue.buffering.max.messages": "1000000", "linger.ms": "5",
                                   "allow.auto.create.topics": "false"]

    /// Runs until `control.requestStop()`, then drains: the last batch is committed, the
    /// partitions are handed back with their offsets committed, and the outputs are flushed.
    public func run() async throws {
        let http = try configuration.httpAddress.map { try HTTPEndpoints(host: $0.host, port: $0.port, health: health, metrics: metrics) }
        if let http { control.listening(on: try await http.start()) }
        defer { if let http { Task { await http.stop() } } }

        let kafka = KafkaConfiguration(configuration.kafka)
        let consuming = kafka.withDefaults(Self.consumerDefaults)
        let topics = try ServiceTopics(directory: configuration.topicsDirectory)
        let cache = try StreamCache(path: configuration.cachePath, checkpointInBackground: true)
        ComputeThreads.use(configuration.computeThreads)
        var setup = RecommenderSetup()
        setup.vectorsPath = configuration.recommenders.vectorsPath
        setup.indexDirectory = configuration.recommenders.indexDirectory
        setup.modelPath = configuration.recommenders.modelPath
        setup.warmStartPath = configuration.recommenders.warmStartPath
        setup.model.fallbackIsFrozen = true
        if !configuration.ignoredEnvironment.isEmpty {
            logger.warning("environment variables that name no configuration key are ignored",
                           metadata: ["variables": "\(configuration.ignoredEnvironment.sorted())"])
        }
        if setup.warmStartPath == nil {
            logger.warning("no model.warm_start: the fallback (popularity, transitions) has learned nothing and serving never learns, so windows the model cannot serve get empty fallbacks")
        }
        let stack = try setup.build()
        health.update { $0.modelLoaded = true }
        logger.info("recommender ready", metadata: ["model": "\(stack.serving.modelVersion)"])

        let producer = try KafkaProducer(configuration: kafka.forProducer.withDefaults(Self.producerDefaults))
        let output = KafkaOutputSink(producer: producer, topics: topics.outputs, metrics: metrics, logger: logger)
        var options = StreamPipeline.Options()
        options.learnsOnline = false
        options.scoresPrequentially = false
        // Nothing is scored, so rankings are only as deep as what is published.
        options.scoringDepth = options.itemsPerRecommendation
        options.skipsAppliedOffsets = true
        options.stampWithEventTime = false
        let pipeline = StreamPipeline(catalog: stack.catalog, content: stack.content, recommender: stack.serving, cache: cache,
                                      sinks: [output], options: options, logger: logger)
        try pipeline.restoreCounters()

        let (sets, catalog, setLetters) = try await SetsTable.load(topic: topics.sets, configuration: consuming)
        try pipeline.loadCatalog(catalog, indexDirectory: setup.indexDirectory.map { URL(fileURLWithPath: $0) })
        try recordSetDeadLetters(setLetters, cache: cache)
        metrics.setsInCatalog.set(Double(stack.catalog.publishedCount))
        health.update { $0.catalogLoaded = true }
        logger.info("catalog loaded", metadata: ["sets": "\(stack.catalog.publishedCount)", "invalid": "\(setLetters.count)"])

        let cachePositions = try cache.positions().filter { $0.topic == topics.events }
        let ownership = PartitionOwnership(topic: topics.events,
                                           cachePositions: Dictionary(uniqueKeysWithValues: cachePositions.map { (Int32($0.partition), $0.nextOffset) }))
        let logger = self.logger
        let consumer = try KafkaConsumer(configuration: consuming) { event, context in
            ownership.handle(event, context) { error in
                logger.warning("offset commit on revocation failed; the next owner resumes from the previous commit",
                               metadata: ["error": "\(error)"])
            }
        }
        try await topics.checkCoPartitioning(consumer)
        try await consumer.subscribe(topics: [topics.events])

        var loop = ServiceLoop(pipeline: pipeline, consumer: consumer, ownership: ownership, cache: cache,
                               kafka: consuming, topics: topics, health: health, metrics: metrics, logger: logger)
        var models = ModelSwitch(setup: setup, stack: stack, configurationPath: configurationPath, cache: cache, logger: logger,
                                 metrics: metrics)
        while !control.isStopRequested {
            try await loop.step(maxEvents: configuration.maxBatchEvents, wait: Duration.milliseconds(configuration.maxWaitMilliseconds))
            let (records, letters) = try await sets.poll()
            if !records.isEmpty {
                try pipeline.apply(records)
                metrics.setsInCatalog.set(Double(stack.catalog.publishedCount))
            }
            try recordSetDeadLetters(letters, cache: cache)
            if let recommender = models.replacement(requested: control.takeModelReloadRequest()) {
                pipeline.replaceRecommender(recommender)
            }
        }

        health.update { $0.draining = true }
        logger.info("draining")
        try loop.settle()
        try await loop.commitOffsets()
        await consumer.close()
        await sets.close()
        _ = await producer.close()
        try pipeline.finish()
        try cache.checkpoint()
        logger.info("stopped", metadata: ["counters": "\(pipeline.counters.values)"])
    }

    /// Invalid `nere.sets` records: kept byte for byte in the cache's dead-letter table with
    /// the reason, and logged, as a replay does with a sets file.
    private func recordSetDeadLetters(_ letters: [DeadLetter], cache: StreamCache) throws {
        guard !letters.isEmpty else { return }
        for letter in letters {
            logger.warning("invalid set skipped", metadata: ["origin": "\(letter.origin)", "reason": "\(letter.violation)"])
        }
        var batch = CacheBatch()
        batch.deadLetters = letters
        try cache.commit(batch)
    }
}
