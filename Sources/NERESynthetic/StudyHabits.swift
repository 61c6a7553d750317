/// Platforms and study modes with their overall shares, and how long a card takes in each
/// mode (matching games are quick, typing answers is slow).
enum StudyHabits {
    static let platforms = ["web", "ios", "android"]
    static let platformChoice = WeightedChoice([0.45, 0.35, 0.20])
    static let web: UInt8 = 0

    static let modes = ["flashcards", "learn", "write", "spell", "test", "match"]
    static let modeChoice = WeightedChoice([0.30, 0.30, 0.08, 0.04, 0.10, 0.18])
    static let flashcards: UInt8 = 0
    /// Modes people switch to when they study a set again: the ones that quiz.
    static let restudyModes: [UInt8] = [1, 4, 2, 5]
    static let secondsPerCard: [Double] = [10, 22, 26, 24, 20, 5]
}
