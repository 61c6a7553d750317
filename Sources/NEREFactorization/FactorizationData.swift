import NEREContracts

/// The training log as the factorisation reads it: users, sets and their feature rows, the
/// positives, and each subject's sets to draw negatives from.
struct FactorizationData {
    static let contentDimensions = ContractLimits.contentVectorDimensions

    let setIDs: [String]
    let setSubjects: [Subject]
    /// Row-major [sets × contentDimensions], unit rows (or zeros).
    let content: [Float]
    /// Per set, its id row and then one row per set field: [sets × itemRowsPerSet].
    let itemRows: [Int32]
    let itemRowsPerSet: Int
    let itemTableRows: Int

    /// Users in id order, so the same log gives the same rows.
    let userIndex: [String: Int32]
    let profiles: [UserProfile]
    let userFields: CategoricalFields<UserProfile>
    /// Per user, its id row and then one row per profile field: [users × userRowsPerUser].
    let userRows: [Int32]
    let userRowsPerUser: Int

    /// One positive per session: (user, set row).
    let positiveUsers: [Int32]
    let positiveSets: [Int32]
    /// Negatives are drawn from the positive's subject, because a recommendation only ever
    /// ranks one subject's sets: telling subjects apart would be wasted capacity.
    let subjectMembers: [[Int32]]
    let subjectOfSet: [Int32]

    init(sessions: [StudySession], sets: [StudySet], contentVector: (String) -> [Float]?) {
        // Rows in set-id order, the latest record of a set winning as in the catalog: the model
        // then depends on the catalog's content, not on the order it was read in (a file's
        // lines, or a topic's partitions).
        let catalog = Dictionary(sets.map { ($0.setID, $0) }, uniquingKeysWith: { $1 }).values.sorted { $0.setID < $1.setID }
        let setRow = Dictionary(uniqueKeysWithValues: catalog.enumerated().map { ($1.setID, Int32($0)) })
        setIDs = catalog.map(\.setID)
        setSubjects = catalog.map(\.subject)
        let d = Self.contentDimensions
        var content = [Float](repeating: 0, count: catalog.count * d)
        for (row, set) in catalog.enumerated() {
            guard let vector = contentVector(set.setID), vector.count == d else { continue }
            let norm = vector.reduce(0) { $0 + $1 * $1 }.squareRoot()
            guard norm > 0 else { continue }
            for k in 0..<d { content[row * d + k] = vector[k] / norm }
        }
        self.content = content

        let setFields = CategoricalFields<StudySet>(CategoricalFields.setFields, fittedOn: catalog, firstRow: catalog.count)
        itemRowsPerSet = 1 + setFields.count
        itemRows = catalog.enumerated().flatMap { [Int32($0.offset)] + setFields.rows(of: $0.element) }
        itemTableRows = setFields.endRow

        var sessionsByUser: [String: [StudySession]] = [:]
        for session in sessions where setRow[session.setID] != nil { sessionsByUser[session.userID, default: []].append(session) }
        let users = sessionsByUser.keys.sorted()
        userIndex = Dictionary(uniqueKeysWithValues: users.enumerated().map { ($0.element, Int32($0.offset)) })
        // Locals first: the closure below may not read `self` before every property is set.
        let profiles = users.map { UserProfile(sessions: sessionsByUser[$0]!) }
        let userFields = CategoricalFields(CategoricalFields.userFields, fittedOn: profiles, firstRow: users.count)
        self.profiles = profiles
        self.userFields = userFields
        userRowsPerUser = 1 + userFields.count
        userRows = profiles.enumerated().flatMap { [Int32($0.offset)] + userFields.rows(of: $0.element) }

        var positiveUsers: [Int32] = [], positiveSets: [Int32] = []
        for session in sessions {
            guard let row = setRow[session.setID], let user = userIndex[session.userID] else { continue }
            positiveUsers.append(user)
            positiveSets.append(row)
        }
        self.positiveUsers = positiveUsers
        self.positiveSets = positiveSets

        let subjects = Subject.allCases
        let subjectNumber = Dictionary(uniqueKeysWithValues: subjects.enumerated().map { ($0.element, Int32($0.offset)) })
        subjectOfSet = catalog.map { subjectNumber[$0.subject]! }
        var members = [[Int32]](repeating: [], count: subjects.count)
        for (row, subject) in subjectOfSet.enumerated() { members[Int(subject)].append(Int32(row)) }
        subjectMembers = members
    }

    var userTableRows: Int { userFields.endRow }
}
