import Foundation
import NEREContracts
import NEREFeatures

/// The non-neural recommender: "what people in this subject study now" blended with "what
/// people most often study next after the sets in your window", both learned online from the
/// stream. It serves alone until a NERE model exists, and stays as the fallback and as the
/// baseline every model is compared with (DESIGN §3, §8).
///
/// Score of a candidate c for a window w₁…wₙ (newest last):
///   Σᵢ 0.5^(n−i) · P(c | wᵢ)  +  0.01 · popularity(c) / popularity(top set)
/// where P(c | s) is the recency-weighted share of transitions s → c. Transition evidence
/// therefore always outranks pure popularity, which fills the list up to `count` items.
/// Its attention is each window session's share of that transition evidence.
public final class BaselineRecommender: Recommender {
    public static let version = "baseline-popularity-transitions-1"
    public var modelVersion: String {
        switch components {
        case .popularityAndTransitions: Self.version
        case .popularity: "baseline-popularity-1"
        case .transitions: "baseline-transitions-1"
        }
    }

    /// What a ranking is made of. Serving uses both; the evaluation also scores each alone, as
    /// the paper's and DESIGN §8's separate popularity and item-to-item baselines.
    public enum Components: Sendable {
        case popularityAndTransitions, popularity, transitions
    }

    private let catalog: SetCatalog
    private let weight: RecencyWeight
    private let components: Components
    private var popularity: [Subject: IncrementalTopK<SetIndex>] = [:]
    private var transitions: [SetIndex: IncrementalTopK<SetIndex>] = [:]
    /// Total log-weight and plain count of transitions out of each set.
    private var outgoing: [SetIndex: (logWeight: Double, count: Int)] = [:]
    private var calibration = HitRateCalibration()
    private var scratch = ScoreAccumulator()
    private var shareCache: [SetIndex: [(SetIndex, Double)]] = [:]

    private var changedPopularity: Set<PopularityKey> = []
    private var changedTransitions: Set<TransitionKey> = []

    static let popularityCapacity = 200
    static let transitionCapacity = 50
    static let popularityBlend = 0.01
    /// Popular sets considered per answer, whatever its length, so that a shorter ranking is
    /// exactly the head of a longer one (a service publishing 20 items answers what a replay
    /// ranking 100 deep shows first).
    static let popularityCandidates = 100

    public init(catalog: SetCatalog, halfLifeDays: Double = 14, components: Components = .popularityAndTransitions) {
        self.catalog = catalog
        self.weight = RecencyWeight(halfLifeDays: halfLifeDays)
        self.components = components
    }

    // MARK: Learning

    public func learn(from entry: WindowSession, window: SessionWindow) {
        let key = window.key
        let logWeight = weight.logWeight(at: entry.session.endedAt)
        // Mutated in place through the dictionary: copying a ranking out and back would copy
        // its whole score table on every event.
        popularity[key.subject, default: IncrementalTopK(capacity: Self.popularityCapacity)]
            .accumulate(logWeight, for: entry.setIndex)
        changedPopularity.insert(PopularityKey(subject: key.subject, set: entry.setIndex))

        // The transition into this session comes from the session just before it in the window.
        guard let position = window.sessions.firstIndex(where: { $0.session.eventID == entry.session.eventID }),
              position > 0
        else { return }
        let previous = window.sessions[position - 1].setIndex
        guard previous != entry.setIndex else { return }
        transitions[previous, default: IncrementalTopK(capacity: Self.transitionCapacity)]
            .accumulate(logWeight, for: entry.setIndex)
        let total = outgoing[previous] ?? (-.infinity, 0)
        outgoing[previous] = (RecencyWeight.logSum(total.logWeight, logWeight), total.count + 1)
        shareCache[previous] = nil
        changedTransitions.insert(TransitionKey(from: previous, to: entry.setIndex))
    }

    // MARK: Recommending

    public func recommend(for window: SessionWindow, count: Int) -> RecommendationDraft {
        let subject = window.key.subject
        let subjects = catalog.publishedSubjects
        func isServable(_ set: SetIndex) -> Bool { subjects[Int(set)] == subject }
        var decay = 1.0
        // How much each session of the window contributed: the baseline's "attention".
        var evidence = [Double](repeating: 0, count: window.sessions.count)
        for (age, entry) in window.sessions.reversed().enumerated() where components != .popularity {
            for (candidate, share) in transitionShares(from: entry.setIndex) where isServable(candidate) {
                scratch.add(decay * share, to: candidate)
                evidence[window.sessions.count - 1 - age] += decay * share
            }
            decay *= 0.5
        }
        if components != .transitions, let ranking = popularity[subject], let best = ranking.top.first?.score {
            var added = 0
            for candidate in ranking.top where isServable(candidate.key) {
                scratch.add(Self.popularityBlend * exp(candidate.score - best), to: candidate.key)
                added += 1
                if added == max(count, Self.popularityCandidates) { break }
            }
        }
        let items = scratch.drain()
            .sorted { $0.score != $1.score ? $0.score > $1.score : $0.setIndex < $1.setIndex }
            .prefix(count)
        let bucket = calibrationBucket(for: window)
        return RecommendationDraft(items: Array(items), confidence: calibration.estimate(bucket),
                                   fallbackReason: window.sessions.isEmpty ? "cold_start" : "no_model",
                                   attention: Self.normalised(evidence), calibrationBucket: bucket)
    }

    /// Weights summing to 1, oldest session first; equal weights when nothing was learned yet.
    static func normalised(_ evidence: [Double]) -> [Double] {
        let total = evidence.reduce(0, +)
        guard total > 0 else { return evidence.map { _ in 1 / Double(evidence.count) } }
        return evidence.map { $0 / total }
    }

    /// P(next | set) for the set's most frequent successors, cached until the set's next
    /// transition is learned: a set is recommended from far more often than it is left.
    private func transitionShares(from set: SetIndex) -> [(SetIndex, Double)] {
        if let cached = shareCache[set] { return cached }
        guard let next = transitions[set], let total = outgoing[set] else { return [] }
        let shares = next.top.map { ($0.key, exp($0.score - total.logWeight)) }
        shareCache[set] = shares
        return shares
    }

    /// Hit rates differ mostly by how much history a window has and how much transition
    /// evidence its newest set has, so confidence is calibrated per such bucket.
    private func calibrationBucket(for window: SessionWindow) -> String {
        let evidence = window.latest.flatMap { outgoing[$0.setIndex]?.count } ?? 0
        let level = evidence == 0 ? 0 : evidence < 20 ? 1 : 2
        return "h\(window.historyLength)e\(level)"
    }

    public func observe(bucket: String, hit: Bool) {
        calibration.record(bucket, hit: hit)
    }

    public func confidence(for window: SessionWindow) -> (confidence: Double, bucket: String) {
        let bucket = calibrationBucket(for: window)
        return (calibration.estimate(bucket), bucket)
    }

    // MARK: Persistence

    public func takeChangedState() -> [LearnedValue] {
        var values: [LearnedValue] = []
        for key in changedPopularity.sorted() {
            values.append(LearnedValue(namespace: Namespace.popularity, key: key.encoded(catalog),
                                       value: popularity[key.subject]?.score(key.set) ?? -.infinity))
        }
        for key in changedTransitions.sorted() {
            values.append(LearnedValue(namespace: Namespace.transitions, key: key.encoded(catalog),
                                       value: transitions[key.from]?.score(key.to) ?? -.infinity))
        }
        for from in Set(changedTransitions.map(\.from)).sorted() {
            guard let total = outgoing[from] else { continue }
            let id = catalog.id(of: from)
            values.append(LearnedValue(namespace: Namespace.transitionTotals, key: id, value: total.logWeight))
            values.append(LearnedValue(namespace: Namespace.transitionCounts, key: id, value: Double(total.count)))
        }
        values += calibration.takeChanged()
        changedPopularity.removeAll(keepingCapacity: true)
        changedTransitions.removeAll(keepingCapacity: true)
        return values
    }

    public func restore(_ values: [LearnedValue]) {
        var popularityScores: [Subject: [SetIndex: Double]] = [:]
        var transitionScores: [SetIndex: [SetIndex: Double]] = [:]
        for value in values {
            switch value.namespace {
            case Namespace.popularity:
                if let key = PopularityKey(encoded: value.key, catalog) {
                    popularityScores[key.subject, default: [:]][key.set] = value.value
                }
            case Namespace.transitions:
                if let key = TransitionKey(encoded: value.key, catalog) {
                    transitionScores[key.from, default: [:]][key.to] = value.value
                }
            case Namespace.transitionTotals:
                let from = catalog.intern(value.key)
                outgoing[from] = (value.value, outgoing[from]?.count ?? 0)
            case Namespace.transitionCounts:
                let from = catalog.intern(value.key)
                outgoing[from] = (outgoing[from]?.logWeight ?? -.infinity, Int(value.value))
            default:
                calibration.restore(value)
            }
        }
        for (subject, scores) in popularityScores {
            var ranking = IncrementalTopK<SetIndex>(capacity: Self.popularityCapacity)
            ranking.restore(scores)
            popularity[subject] = ranking
        }
        for (from, scores) in transitionScores {
            var ranking = IncrementalTopK<SetIndex>(capacity: Self.transitionCapacity)
            ranking.restore(scores)
            transitions[from] = ranking
        }
    }

    enum Namespace {
        static let popularity = "baseline.popularity"
        static let transitions = "baseline.transitions"
        static let transitionTotals = "baseline.transition_totals"
        static let transitionCounts = "baseline.transition_counts"
    }
}
