import NEREContracts

/// One session as a window keeps it: the validated payload plus the set's dense index.
public struct WindowSession: Sendable, Hashable {
    public var session: StudySession
    public var setIndex: SetIndex

    public init(session: StudySession, setIndex: SetIndex) {
        self.session = session
        self.setIndex = setIndex
    }

    /// Windows order by `ended_at`; the event id breaks ties so every replica orders alike.
    func precedes(_ other: WindowSession) -> Bool {
        (session.endedAt, session.eventID) < (other.session.endedAt, other.session.eventID)
    }
}

/// The last `WindowPolicy.capacity` sessions of one (user, subject) pair, oldest first
/// (DESIGN §3).
public struct SessionWindow: Sendable, Hashable {
    public let key: WindowKey
    public private(set) var sessions: [WindowSession]
    /// The origin of the last event applied; replays and restarts use it to skip events the
    /// window has already seen.
    public var lastApplied: EventOrigin?

    public init(key: WindowKey, sessions: [WindowSession] = [], lastApplied: EventOrigin? = nil) {
        self.key = key
        self.sessions = sessions
        self.lastApplied = lastApplied
    }

    public var historyLength: Int { sessions.count }
    public var isFull: Bool { sessions.count >= WindowPolicy.capacity }
    public var latest: WindowSession? { sessions.last }

    public enum Change: Sendable, Equatable {
        /// The session became the newest one.
        case appended
        /// A late session was placed by `ended_at` before newer ones.
        case inserted(position: Int)
        /// The window already holds this `event_id`.
        case duplicate
        /// The window is full and the session is older than all of it (DESIGN §3: no change).
        case stale

        public var changedWindow: Bool {
            switch self {
            case .appended, .inserted: return true
            case .duplicate, .stale: return false
            }
        }
    }

    public mutating func apply(_ entry: WindowSession) -> Change {
        if sessions.contains(where: { $0.session.eventID == entry.session.eventID }) { return .duplicate }
        let position = sessions.firstIndex(where: { entry.precedes($0) }) ?? sessions.count
        if isFull && position == 0 { return .stale }
        sessions.insert(entry, at: position)
        if sessions.count > WindowPolicy.capacity {
            sessions.removeFirst()
            return position == sessions.count ? .appended : .inserted(position: position - 1)
        }
        return position == sessions.count - 1 ? .appended : .inserted(position: position)
    }
}
