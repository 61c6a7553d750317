import NEREContracts

/// Dense id of a set inside one process. Recommenders count transitions and popularity in
/// arrays and dictionaries keyed by this instead of by strings.
public typealias SetIndex = Int32

/// Every set the process has heard of: the catalog read from `nere.sets` (or a sets file),
/// plus ids that only appeared in events. Only catalog sets are recommendable; event-only ids
/// are interned so that what users do with them still counts once the set is published.
public final class SetCatalog {
    private var ids: [String] = []
    /// The subject of each published set; nil for ids only seen in events, or deleted.
    private var subjects: [Subject?] = []
    private var indexByID: [String: SetIndex] = [:]

    public init(_ sets: [StudySet] = []) {
        for set in sets { upsert(set) }
    }

    public var count: Int { ids.count }
    public var publishedCount: Int { subjects.reduce(0) { $0 + ($1 == nil ? 0 : 1) } }

    /// Adds or replaces a set; its index never changes.
    @discardableResult
    public func upsert(_ set: StudySet) -> SetIndex {
        let index = intern(set.setID)
        subjects[Int(index)] = set.subject
        return index
    }

    /// A deleted set stops being recommendable; its index stays reserved.
    public func remove(setID: String) {
        if let index = indexByID[setID] { subjects[Int(index)] = nil }
    }

    public func intern(_ setID: String) -> SetIndex {
        if let index = indexByID[setID] { return index }
        let index = SetIndex(ids.count)
        ids.append(setID)
        subjects.append(nil)
        indexByID[setID] = index
        return index
    }

    public func index(of setID: String) -> SetIndex? { indexByID[setID] }
    public func id(of index: SetIndex) -> String { ids[Int(index)] }
    /// The subject of each set by index; nil for ids only seen in events or deleted. Read it
    /// once per ranking and index into it: a call per candidate costs more than the ranking.
    public var publishedSubjects: [Subject?] { subjects }
    public func subject(of setID: String) -> Subject? { indexByID[setID].flatMap { subjects[Int($0)] } }
}
