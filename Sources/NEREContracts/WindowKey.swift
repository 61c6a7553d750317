/// DESIGN §3: state is per (user, subject). The same key names a window, a cache row and a
/// record of `nere.recommendations` and `nere.window-state`.
public struct WindowKey: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var userID: String
    public var subject: Subject

    public init(userID: String, subject: Subject) {
        self.userID = userID
        self.subject = subject
    }

    /// `user_id|subject`, the Kafka key format of the compacted topics.
    public var description: String { userID + "|" + subject.rawValue }

    public static func < (lhs: WindowKey, rhs: WindowKey) -> Bool {
        (lhs.userID, lhs.subject.rawValue) < (rhs.userID, rhs.subject.rawValue)
    }
}

/// The window length of the paper: the last five sessions of a (user, subject) pair.
public enum WindowPolicy {
    public static let capacity = 5
}
