import NEREContracts
import NEREFeatures
import NEREModel

/// The supervised examples of the NERE network (DESIGN §5): for every session after the first
/// of a (user, subject) sequence, the window of up to five sessions before it, and as target
/// the content vector of the set it studied. At a sequence's start the windows are its
/// prefixes (1–4 sessions), after that sliding windows of 5, as the window store sees them
/// when serving.
///
/// Examples are in target time order and split by time (`TimeSplit`): `train`, `validation`
/// and `test` are consecutive ranges of example indices. The feature space is fitted on the
/// training period's sessions and the catalog only.
///
/// Every session is encoded once into `EncodedSteps`, laid out sequence after sequence, so an
/// example is just its target's step and a history length: the window is the steps right
/// before the target: about 100 bytes per session and 50 per example, plus one content
/// vector per set.
public struct TrainingExamples: Sendable {
    public let featureSpace: FeatureSpace
    public let split: TimeSplit
    /// Ordered by target time (then sequence order).
    public let examples: [Example]
    public let train: Range<Int>
    public let validation: Range<Int>
    public let test: Range<Int>
    private let steps: EncodedSteps

    public var contentWidth: Int { steps.contentWidth }

    public struct Example: Sendable, Hashable {
        public let targetSetID: String
        public let subject: Subject
        public let targetEndedAt: Timestamp
        /// Sessions in the window, 1–5.
        public let historyLength: Int
        /// The target session's position in `EncodedSteps`; its window is the steps before it.
        let targetStep: Int
    }

    public struct BuildError: Error, CustomStringConvertible {
        public var description: String
    }

    /// - Parameters:
    ///   - sessions: validated sessions, in any order; duplicate event ids count once.
    ///   - catalog: the set catalog; a session's subject falls back to its set's, and the set
    ///     features come from here (unknown for sets missing from it).
    ///   - contentVector: the content vector of a set id, `contentWidth` wide, or nil when the
    ///     set has none; asked once per distinct set. Sessions without one still count as
    ///     history (with a zero content vector) but are never targets.
    /// - Throws: `BuildError` when no example falls before the validation cut, as when the
    ///   log is empty or every sequence has a single session.
    public init(sessions: [StudySession], catalog: [StudySet], contentWidth: Int,
                contentVector: (String) -> [Float]?) throws(BuildError) {
        let catalogIndex = Dictionary(catalog.enumerated().map { ($1.setID, $0) }, uniquingKeysWith: { $1 })
        let grouped = UserSubjectSequences(sessions) { catalogIndex[$0].map { catalog[$0].subject } }
        let content = StepContent(setIDs: grouped.order.lazy.map { sessions[$0].setID }, width: contentWidth,
                                   vector: contentVector)

        var examples: [Example] = []
        for (subject, positions) in grouped.sequences {
            for target in positions.dropFirst() where content.rows[target] != StepContent.missing {
                let session = sessions[grouped.order[target]]
                examples.append(Example(targetSetID: session.setID, subject: subject, targetEndedAt: session.endedAt,
                                        historyLength: min(target - positions.lowerBound, WindowPolicy.capacity),
                                        targetStep: target))
            }
        }
        examples.sort { ($0.targetEndedAt, $0.targetStep) < ($1.targetEndedAt, $1.targetStep) }
        guard !examples.isEmpty else {
            throw BuildError(description: "no training examples: no session follows another of the same user and "
                             + "subject and studies a set with a content vector")
        }
        let split = TimeSplit(quantilesOf: examples.map(\.targetEndedAt))
        let validationStart = examples.firstIndex { split.part(of: $0.targetEndedAt) != .train } ?? examples.count
        let testStart = examples.firstIndex { split.part(of: $0.targetEndedAt) == .test } ?? examples.count
        guard validationStart > 0 else {
            throw BuildError(description: "no training examples: all \(examples.count) targets end at or after "
                             + "\(split.validationStart), the validation cut")
        }

        let trainingPeriod = grouped.order.lazy.map { sessions[$0] }.filter { $0.endedAt < split.validationStart }
        let featureSpace = FeatureSpace.fit(sessions: trainingPeriod, sets: catalog)
        let encodedSets = catalog.map(featureSpace.encodeSet)
        self.steps = EncodedSteps(grouped.order.lazy.map { sessions[$0] }, featureSpace: featureSpace, content: content) {
            catalogIndex[$0].map { encodedSets[$0] }
        }
        self.featureSpace = featureSpace
        self.split = split
        self.examples = examples
        train = 0..<validationStart
        validation = validationStart..<testStart
        test = testStart..<examples.count
    }

    /// A batch of examples as the network reads it (left-aligned windows, oldest first, zero
    /// padding after each window) and their targets, [batch, contentWidth].
    /// The network's inference-mode predictions for `indices`, a batch at a time: `body` gets
    /// each batch's example range, its predictions and its targets ([B, P] each).
    public func forEachPrediction(of network: NERENetwork, in indices: Range<Int>, batchSize: Int,
                                  _ body: (Range<Int>, [Float], [Float]) -> Void) {
        for start in stride(from: indices.lowerBound, to: indices.upperBound, by: batchSize) {
            let batch = start..<min(start + batchSize, indices.upperBound)
            let (input, targets) = input(for: batch)
            body(batch, network.forward(input, training: false).predictions, targets)
        }
    }

    public func input(for batch: some Collection<Int>) -> (input: NetworkInput, targets: [Float]) {
        steps.gather(batch.map { (end: examples[$0].targetStep, length: examples[$0].historyLength) })
    }
}
