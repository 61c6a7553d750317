import NEREContracts
import NEREFeatures
import NEREModel

/// Every session of a training log turned into its network inputs once, in flat row-major
/// arrays (a few allocations for the whole log instead of two per session), laid out sequence
/// after sequence so that a window is a run of consecutive steps.
struct EncodedSteps: Sendable {
    private let categoricalCount = FeatureSpace.categoricalFeatureNames.count
    private let continuousCount = FeatureSpace.continuousFeatureNames.count
    /// [steps, categoricalCount]
    private let categorical: [Int32]
    /// [steps, continuousCount]
    private let continuous: [Float]
    private let content: StepContent

    var contentWidth: Int { content.width }

    /// `sessions` in step order; `setFeatures` gives a set's encoded features, nil when the
    /// set is not in the catalog.
    init(_ sessions: some Collection<StudySession>, featureSpace: FeatureSpace, content: StepContent,
         setFeatures: (String) -> EncodedSetFeatures?) {
        var categorical: [Int32] = []
        var continuous: [Float] = []
        categorical.reserveCapacity(sessions.count * categoricalCount)
        continuous.reserveCapacity(sessions.count * continuousCount)
        for session in sessions {
            let step = featureSpace.encode(session: session, set: setFeatures(session.setID))
            categorical += step.categorical
            continuous += step.continuous
        }
        self.categorical = categorical
        self.continuous = continuous
        self.content = content
    }

    /// One batch row per window, given by its end (exclusive step index, which is also the
    /// target's step) and length: the window's steps left-aligned, oldest first, padding zero.
    func gather(_ windows: [(end: Int, length: Int)]) -> (input: NetworkInput, targets: [Float]) {
        let steps = NetworkInput.steps, width = content.width
        var input = NetworkInput(
            categorical: Array(repeating: 0, count: windows.count * steps * categoricalCount),
            continuous: Array(repeating: 0, count: windows.count * steps * continuousCount),
            content: Array(repeating: 0, count: windows.count * steps * width),
            lengths: windows.map(\.length))
        var targets = [Float](repeating: 0, count: windows.count * width)
        for (row, window) in windows.enumerated() {
            for offset in 0..<window.length {
                let step = window.end - window.length + offset, position = row * steps + offset
                copy(categorical, row: step, into: &input.categorical, row: position, width: categoricalCount)
                copy(continuous, row: step, into: &input.continuous, row: position, width: continuousCount)
                copyContent(of: step, into: &input.content, row: position)
            }
            copyContent(of: window.end, into: &targets, row: row)
        }
        return (input, targets)
    }

    private func copyContent(of step: Int, into destination: inout [Float], row: Int) {
        let source = Int(content.rows[step])
        if source != Int(StepContent.missing) {
            copy(content.vectors, row: source, into: &destination, row: row, width: content.width)
        }
    }

    private func copy<Element>(_ source: [Element], row: Int, into destination: inout [Element], row destinationRow: Int,
                               width: Int) {
        destination.replaceSubrange(destinationRow * width ..< (destinationRow + 1) * width,
                                    with: source[row * width ..< (row + 1) * width])
    }
}
