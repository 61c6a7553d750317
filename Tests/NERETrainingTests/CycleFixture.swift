import NEREContracts
import NEREFeatures
import NEREModel
import NERETraining

/// A problem the network can solve: every user works through ten sets in a fixed cycle, each
/// from a starting set of its own, one session a day, so the next set follows from the last
/// one's content vector. With `reversingAfter`, users turn round after that many sessions and
/// walk the cycle backwards, which no training window before the turn shows.
enum CycleFixture {
    static let setIDs = (0..<10).map { "C\($0)" }
    static let width = 6

    /// A fixed pseudo-random vector per set.
    static func vector(_ setID: String) -> [Float] {
        var random = Xoshiro256(seed: UInt64(setIDs.firstIndex(of: setID)!) + 1)
        return (0..<width).map { _ in Float(random.nextUnit() * 2 - 1) }
    }

    static func examples(users: Int = 60, sessionsPerUser: Int = 16, reversingAfter turn: Int? = nil) throws -> TrainingExamples {
        var sessions: [StudySession] = []
        for user in 0..<users {
            for day in 0..<sessionsPerUser {
                let position = turn.map { day <= $0 ? day : 2 * $0 - day } ?? day
                let set = setIDs[((user + position) % 10 + 10) % 10]
                sessions.append(TrainingFixture.session("u\(user)-\(day)", user: "u\(user)", set: set,
                                                        atDay: Double(day) + Double(user) / 100))
            }
        }
        return try TrainingExamples(sessions: sessions, catalog: setIDs.map { TrainingFixture.set($0) },
                                    contentWidth: width) { vector($0) }
    }

    /// A network far smaller than the small preset, so that tests train in a debug build.
    static func network(for examples: TrainingExamples) -> NERENetwork {
        let shape = NetworkShape(vocabularySizes: examples.featureSpace.vocabularySizes, embeddingWidth: 2,
                                 continuousCount: FeatureSpace.continuousFeatureNames.count, contentWidth: width,
                                 featureAttentionWidth: 4, hidden: 8, timeAttentionWidth: 4, denseWidths: [16],
                                 outputWidth: width)
        return NERENetwork(shape: shape, categoricalNames: FeatureSpace.categoricalFeatureNames)
    }
}
