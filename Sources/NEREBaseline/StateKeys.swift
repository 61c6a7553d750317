import NEREContracts
import NEREFeatures

/// Persisted keys use set ids, not `SetIndex`: indices are assigned per process in arrival
/// order and differ after a restart.
struct PopularityKey: Hashable, Comparable {
    var subject: Subject
    var set: SetIndex

    func encoded(_ catalog: SetCatalog) -> String { subject.rawValue + "|" + catalog.id(of: set) }

    init(subject: Subject, set: SetIndex) {
        self.subject = subject
        self.set = set
    }

    init?(encoded: String, _ catalog: SetCatalog) {
        guard let bar = encoded.firstIndex(of: "|"), let subject = Subject(rawValue: String(encoded[..<bar])) else { return nil }
        self.init(subject: subject, set: catalog.intern(String(encoded[encoded.index(after: bar)...])))
    }

    static func < (a: PopularityKey, b: PopularityKey) -> Bool { (a.subject, a.set) < (b.subject, b.set) }
}

struct TransitionKey: Hashable, Comparable {
    var from: SetIndex
    var to: SetIndex

    /// `from>to`; `>` cannot start a set id in practice, and the split is on the first one.
    func encoded(_ catalog: SetCatalog) -> String { catalog.id(of: from) + ">" + catalog.id(of: to) }

    init(from: SetIndex, to: SetIndex) {
        self.from = from
        self.to = to
    }

    init?(encoded: String, _ catalog: SetCatalog) {
        guard let arrow = encoded.firstIndex(of: ">") else { return nil }
        self.init(from: catalog.intern(String(encoded[..<arrow])),
                  to: catalog.intern(String(encoded[encoded.index(after: arrow)...])))
    }

    static func < (a: TransitionKey, b: TransitionKey) -> Bool { (a.from, a.to) < (b.from, b.to) }
}
