import Foundation
import Logging
import NEREBaseline
import NERECache
import NEREContent
import NEREContracts
import NEREEvaluation
import NEREFeatures

/// The path every event takes, whatever its source (DESIGN §1):
/// validate → window store → score the current recommendation → learn → recommend → sinks,
/// then one cache transaction per batch.
public final class StreamPipeline {
    public struct Options: Sendable {
        /// Items published per recommendation (topic, cache, sinks): what a page shows.
        public var itemsPerRecommendation = 20
        /// How deep each ranking is kept for prequential scoring: recall@100 needs 100. The
        /// published items are the first `itemsPerRecommendation` of this ranking.
        public var scoringDepth = 100
        /// Replays stamp `generated_at` with the triggering event's `ended_at`, so the same
        /// log always yields the same cache; a live service stamps the wall clock.
        public var stampWithEventTime = true
        /// Events that ended before this are applied and learned from but not scored: a model
        /// is judged only on the period after the data it was trained and calibrated on.
        public var scoreFrom: Timestamp?
        /// Windows completed per recommender call at most: large enough for full matrix
        /// products, small enough that a model's activations stay in cache.
        public var recommendationBatch = 256
        /// False when serving (`nere serve`): the recommender's state is frozen as loaded and
        /// nothing is learned or scored, so a recommendation depends only on its window, the
        /// catalog and the model — whichever instance owns a partition answers alike, and
        /// moving a partition changes no answer. Replays learn online and score prequentially.
        public var learnsOnline = true
        /// Whether each event is scored against the recommendation current before it (DESIGN
        /// §8). A service leaves it off: it would keep every pair's full ranking in memory.
        public var scoresPrequentially = true
        /// Kafka offsets only grow within a partition, so an event at or before the offset its
        /// window last applied was applied already: after a restore from the changelog (which
        /// may be ahead of the committed offsets) it is skipped, not applied twice. A replay
        /// orders by `ended_at`, not by line, so it leaves this off.
        public var skipsAppliedOffsets = false

        public init() {}
    }

    private let catalog: SetCatalog
    /// Content vectors and nearest-set indexes, when the recommender uses them.
    private let content: SetContentIndex?
    private var recommender: any Recommender
    private let cache: StreamCache
    private let committer: BackgroundCommitter
    private let sinks: [any PipelineSink]
    private let predictionSinks: [any PipelineSink]
    private let options: Options
    private let logger: Logger

    private var windows = WindowStore()
    /// The recommendation each (user, subject) would be shown now: what the next event of
    /// that pair is scored against.
    private var current: [WindowKey: ShownRecommendation] = [:]
    public private(set) var scorer = PrequentialScorer()
    public private(set) var counters = PipelineCounters()
    private var deadLettersLogged: [ContractViolation.Reason: Int] = [:]

    static let metricsNamespace = "replay.metrics"

    public init(catalog: SetCatalog, content: SetContentIndex? = nil, recommender: any Recommender, cache: StreamCache,
                sinks: [any PipelineSink] = [], options: Options = Options(), logger: Logger) {
        self.catalog = catalog
        self.content = content
        self.recommender = recommender
        self.cache = cache
        self.committer = BackgroundCommitter(cache: cache)
        self.sinks = sinks
        predictionSinks = sinks.filter(\.receivesPredictions)
        self.options = options
        self.logger = logger
    }

    public var windowCount: Int { windows.count }
    private var rankingDepth: Int { max(options.itemsPerRecommendation, options.scoringDepth) }
    public var secondsWaitingForCommits: Double { committer.waited.seconds }

    // MARK: Restore

    /// Loads everything the cache committed, so processing resumes exactly after the last
    /// committed batch. Returns the positions the sources resume from.
    @discardableResult
    public func restore() throws -> [SourcePosition] {
        var learned: [LearnedValue] = []
        for value in try cache.learnedState() {
            if value.namespace == Self.metricsNamespace {
                scorer.restore(key: value.key, value: value.value)
            } else {
                learned.append(value)
            }
        }
        recommender.restore(learned)
        for stored in try cache.windows() {
            let sessions = stored.sessions.map { WindowSession(session: $0, setIndex: catalog.intern($0.setID)) }
            windows.restore(SessionWindow(key: stored.key, sessions: sessions, lastApplied: stored.lastApplied))
        }
        for cached in try cache.recommendations() {
            let recommendation = cached.recommendation
            current[WindowKey(userID: recommendation.userID, subject: recommendation.subject)] = ShownRecommendation(
                items: cached.rankedSetIDs.map { catalog.intern($0) },
                historyLength: recommendation.historyLength, bucket: cached.calibrationBucket,
                confidence: recommendation.confidence, fallback: recommendation.fallback,
                unshown: cached.unshown.map { UnshownAnswer(bucket: $0.bucket, items: $0.setIDs.map { catalog.intern($0) }) })
        }
        counters = PipelineCounters(restoring: try cache.counters())
        return try cache.positions()
    }

    /// Counters only: a service restores windows partition by partition as they are assigned
    /// (`adopt`), and its recommender state from its warm start, not from its own cache.
    public func restoreCounters() throws {
        counters = PipelineCounters(restoring: try cache.counters())
    }

    /// Takes over windows of a newly assigned partition. Those read from the changelog are
    /// newer than this cache's copies, so they are written with the next batch.
    public func adopt(_ stored: [StoredWindow], fromChangelog: Bool) {
        for window in stored {
            let sessions = window.sessions.map { WindowSession(session: $0, setIndex: catalog.intern($0.setID)) }
            windows.restore(SessionWindow(key: window.key, sessions: sessions, lastApplied: window.lastApplied),
                            markDirty: fromChangelog)
        }
    }

    /// Forgets the windows of partitions another instance now owns; returns how many.
    @discardableResult
    public func release(topic: String, partitions: Set<Int>) -> Int {
        windows.remove { window in
            window.lastApplied.map { $0.topic == topic && partitions.contains($0.partition) } ?? false
        }
    }

    /// A new model between batches: nothing in flight, so no event is lost or applied twice.
    public func replaceRecommender(_ recommender: any Recommender) {
        self.recommender = recommender
    }

    public var modelVersion: String { recommender.modelVersion }

    // MARK: Catalog

    /// The catalog as a service starts: a sets file, or `nere.sets` read from the beginning.
    /// Each subject's nearest-set index is built once from all its sets (NN-Descent for the
    /// large ones) rather than grown set by set, or read back from `indexDirectory` when it was
    /// saved there from the same sets.
    public func loadCatalog(_ sets: [StudySet], indexDirectory: URL? = nil) throws {
        if let content {
            let counts = try content.load(sets, savedIn: indexDirectory)
            logger.info("content indexes ready", metadata: [
                "vectors": "\(content.vectorsVersion)", "unplaceable_sets": "\(content.unplaceable)",
                "rebuilt": "\(counts.rebuilt)", "reloaded": "\(counts.reloaded)",
                "graph_subjects": "\(content.methods.values.filter { $0 == .graph }.count)",
            ])
        } else {
            for set in sets { catalog.upsert(set) }
        }
        recommender.catalogChanged(published: sets, deleted: [])
        try cache.upsertSets(sets)
    }

    /// Applies `nere.sets` records in order: the catalog, the content indexes and the cache's
    /// sets table change together, so the next recommendation can already use a new set and
    /// never returns a deleted one.
    public func apply(_ records: [SetRecord]) throws {
        var published: [StudySet] = [], deleted: [String] = []
        for record in records {
            switch record {
            case .published(let set):
                if let content { try content.apply(set) } else { catalog.upsert(set) }
                published.append(set)
            case .deleted(let setID):
                if let content { content.remove(setID: setID) } else { catalog.remove(setID: setID) }
                deleted.append(setID)
            }
        }
        recommender.catalogChanged(published: published, deleted: deleted)
        try cache.upsertSets(published)
        try cache.markSetsDeleted(deleted)
    }

    // MARK: Processing

    public func process(_ batch: EventBatch) async throws {
        var commit = CacheBatch()
        var latest: [WindowKey: PendingRecommendation] = [:]
        var round = RecommendationRound()
        for event in batch.events {
            counters.eventsIn += 1
            switch event.decoded {
            case .rejected(let violation):
                deadLetter(event, violation, into: &commit)
            case .droppedUnderage:
                counters.droppedUnderage += 1
            case .accepted(let session):
                try apply(session, from: event, round: &round, latest: &latest, into: &commit)
            }
        }
        try recommend(&round, latest: &latest)
        commit.windows = windows.takeDirty()
        for sink in sinks {
            for letter in commit.deadLetters { try sink.emit(deadLetter: letter) }
            if !commit.windows.isEmpty { try sink.emit(changedWindows: commit.windows) }
            try await sink.flush()
        }
        commit.recommendations = latest.keys.sorted().compactMap { key in
            latest[key].map {
                CachedRecommendation(recommendation: recommendation(from: $0),
                                     rankedSetIDs: $0.draft.items.map { catalog.id(of: $0.setIndex) },
                                     calibrationBucket: $0.draft.calibrationBucket,
                                     unshown: $0.draft.unshown.map { unshown in
                                         .init(bucket: unshown.bucket, setIDs: unshown.items.map { catalog.id(of: $0) })
                                     })
            }
        }
        commit.positions = batch.positions
        commit.learnedState = (options.learnsOnline ? recommender.takeChangedState() : [])
            + (options.scoresPrequentially ? scorer.persistentValues : []).map { LearnedValue(namespace: Self.metricsNamespace, key: $0.key, value: $0.value) }
        commit.counters = counters.values
        try committer.submit(commit)
    }

    /// Waits for the last batch's transaction; call before reading the cache or exiting.
    public func finish() throws {
        try committer.drain()
    }

    /// Applies one session and queues its window for the round's batched recommendation. A pair
    /// already queued in this round is recommended first: its next event must be scored
    /// against the recommendation its previous event produced, exactly as one by one.
    private func apply(_ session: StudySession, from event: InboundEvent, round: inout RecommendationRound,
                       latest: inout [WindowKey: PendingRecommendation], into commit: inout CacheBatch) throws {
        guard let subject = session.subject ?? catalog.subject(of: session.setID) else {
            deadLetter(event, ContractViolation(field: "set_id", reason: .unknownSet,
                                                detail: "set \(session.setID) is not in the catalog and the event has no subject"),
                       into: &commit)
            return
        }
        let key = WindowKey(userID: session.userID, subject: subject)
        if options.skipsAppliedOffsets, let last = windows[key]?.lastApplied, last.topic == event.origin.topic,
           last.partition == event.origin.partition, event.origin.offset <= last.offset {
            counters.duplicates += 1
            return
        }
        if round.keys.contains(key) || round.pending.count >= options.recommendationBatch {
            try recommend(&round, latest: &latest)
        }
        let entry = WindowSession(session: session, setIndex: catalog.intern(session.setID))
        let (change, window) = windows.apply(entry, key: key, origin: event.origin)
        switch change {
        case .duplicate:
            counters.duplicates += 1
            return
        case .stale:
            counters.stale += 1
            return
        case .appended, .inserted:
            counters.applied += 1
        }
        if options.scoresPrequentially { try score(entry.setIndex, for: key, session: session) }
        if options.learnsOnline { recommender.learn(from: entry, window: window) }
        round.append(recommender.prepare(window, count: rankingDepth), PendingRecommendation(key: key, draft: .empty, origin: event.origin, eventID: session.eventID,
                                                   endedAt: session.endedAt, historyLength: window.historyLength))
    }

    /// Completes every recommendation prepared in the round in one call (the model runs them as
    /// one batch), then the sinks in event order.
    private func recommend(_ round: inout RecommendationRound, latest: inout [WindowKey: PendingRecommendation]) throws {
        guard !round.prepared.isEmpty else { return }
        let drafts = recommender.complete(round.prepared, count: rankingDepth)
        for (var pending, draft) in zip(round.pending, drafts) {
            pending.draft = draft
            if options.scoresPrequentially {
                current[pending.key] = ShownRecommendation(draft, historyLength: pending.historyLength,
                                                           confidence: Self.published(draft.confidence))
            }
            if !sinks.isEmpty {
                let recommendation = recommendation(from: pending)
                for sink in sinks { try sink.emit(recommendation) }
            }
            counters.recommendationsOut += 1
            latest[pending.key] = pending
        }
        round = RecommendationRound()
    }

    /// Only the last recommendation of a pair in a batch reaches the cache, so the full
    /// payload is built per pair and batch rather than per event (unless a sink wants each).
    private func recommendation(from pending: PendingRecommendation) -> Recommendation {
        let draft = pending.draft
        return Recommendation(
            userID: pending.key.userID, subject: pending.key.subject, modelVersion: recommender.modelVersion,
            generatedAt: options.stampWithEventTime ? pending.endedAt : .now,
            source: .init(topic: pending.origin.topic, partition: pending.origin.partition,
                          offset: pending.origin.offset, eventID: pending.eventID),
            historyLength: pending.historyLength, confidence: Self.published(draft.confidence),
            fallback: draft.fallbackReason != nil, fallbackReason: draft.fallbackReason,
            items: draft.items.prefix(options.itemsPerRecommendation).map {
                .init(setID: catalog.id(of: $0.setIndex), score: Self.published($0.score))
            },
            attention: draft.attention.map(Self.published))
    }

    /// Scores and weights are published to six significant digits: enough to rank and
    /// compare, and it keeps the cache rows (rewritten on every event) a third smaller.
    static func published(_ value: Double) -> Double {
        guard value != 0, value.isFinite else { return value }
        let scale = pow(10, 5 - floor(log10(abs(value))))
        return (value * scale).rounded() / scale
    }

    /// Prequential scoring: the recommendation current before this event, or for a pair never
    /// seen before the cold-start answer the service would have given.
    private func score(_ studied: SetIndex, for key: WindowKey, session: StudySession) throws {
        let shown = current[key] ?? {
            let draft = recommender.recommend(for: SessionWindow(key: key), count: rankingDepth)
            return ShownRecommendation(draft, historyLength: 0, confidence: Self.published(draft.confidence))
        }()
        let rank = shown.items.firstIndex(of: studied)
        if options.scoreFrom.map({ session.endedAt >= $0 }) ?? true {
            scorer.record(historyLength: shown.historyLength, rank: rank)
            if !predictionSinks.isEmpty {
                let prediction = ScoredPrediction(eventID: session.eventID, userID: key.userID, subject: key.subject,
                                                  historyLength: shown.historyLength, items: shown.items.map { catalog.id(of: $0) },
                                                  studied: session.setID, confidence: shown.confidence, fallback: shown.fallback)
                for sink in predictionSinks { try sink.emit(prediction: prediction) }
            }
        }
        guard options.learnsOnline else { return }
        recommender.observe(shown, studied: studied)
    }

    private func deadLetter(_ event: InboundEvent, _ violation: ContractViolation, into commit: inout CacheBatch) {
        counters.deadLetters += 1
        commit.deadLetters.append(DeadLetter(origin: event.origin, key: event.key, payload: Array(event.payload), violation: violation))
        // Each bad record is logged once; past a few per reason only the totals are reported,
        // so a flood of garbage cannot drown the log.
        let logged = deadLettersLogged[violation.reason, default: 0]
        deadLettersLogged[violation.reason] = logged + 1
        logger.log(level: logged < 20 ? .warning : .debug, "dead letter",
                   metadata: ["origin": "\(event.origin)", "reason": "\(violation)"])
    }
}

/// A recommendation made in the current batch, turned into a payload when committed.
struct PendingRecommendation {
    var key: WindowKey
    var draft: RecommendationDraft
    var origin: EventOrigin
    var eventID: String
    var endedAt: Timestamp
    var historyLength: Int
}

/// The windows waiting for the next batched recommender call, at most one per pair.
struct RecommendationRound {
    private(set) var prepared: [PreparedRecommendation] = []
    private(set) var pending: [PendingRecommendation] = []
    private(set) var keys: Set<WindowKey> = []

    mutating func append(_ prepared: PreparedRecommendation, _ recommendation: PendingRecommendation) {
        self.prepared.append(prepared)
        pending.append(recommendation)
        keys.insert(recommendation.key)
    }
}

