/// Where a session happened, as the study site would resolve it: a coarse location and the
/// client's IPv4 address.
struct Place: Sendable {
    var latitude: Double
    var longitude: Double
    var address: UInt32
}

/// A person who studies. Habits are fixed per person, which is what makes a user's sessions
/// look like one user's.
struct Learner: Sendable {
    var age: Int
    var underage: Bool
    var reportsAge: Bool
    var home: Place
    var school: Place?
    var utcOffsetMinutes: Int
    var platform: UInt8
    var favouriteMode: UInt8
    var ability: Double
    /// Chance of turning up for a unit, and of not giving up after one.
    var diligence: Double
    /// Mean number of extra sessions per set; Pareto-distributed, so a few people study
    /// hundreds of times and most study once or twice.
    var intensity: Double
    var speed: Double
    /// Chance of studying a copy of a set found by search instead of the teacher's.
    var copyAffinity: Double
}
