/// Fields a client did not send, decided when the session is generated so that they are the
/// same in every copy of the event.
struct Omissions: OptionSet, Sendable {
    var rawValue: UInt8
    static let subject = Omissions(rawValue: 1)
    static let languages = Omissions(rawValue: 2)
    static let location = Omissions(rawValue: 4)
    static let address = Omissions(rawValue: 8)
}

/// One session, compact: the large preset holds 600,000 of these at once.
struct SessionRecord: Sendable {
    var start: Int64
    var duration: Int32
    var learner: Int32
    var set: Int32
    var platform: UInt8
    var mode: UInt8
    var atSchool: Bool
    var omitted: Omissions
    /// -1 when absent.
    var answersCorrect: Int16
    var answersTotal: Int16
    var termsStudied: Int16

    var end: Int64 { start + Int64(duration) }
}
