import NEREContracts

/// A session log cut into the paper's sequences: one per (user, subject) pair (DESIGN §3),
/// each ordered as windows order it, by `ended_at` with the event id breaking ties. An event
/// id seen twice counts once (its earliest copy), and a session whose subject is neither its
/// own nor its set's is left out, as the pipeline dead-letters it.
struct UserSubjectSequences {
    /// Indices into the session array, sequence after sequence, each oldest first.
    let order: [Int]
    /// Where each sequence starts in `order`; one more entry, `order.count`, closes the last.
    let starts: [Int]
    let subjects: [Subject]

    init(_ sessions: [StudySession], subjectOfSet: (String) -> Subject?) {
        // Sorting indices by small keys and gathering afterwards beats moving whole sessions.
        let times = sessions.map(\.endedAt.microsecondsSinceEpoch)
        let chronological = sessions.indices.sorted { a, b in
            if times[a] != times[b] { return times[a] < times[b] }
            if sessions[a].eventID != sessions[b].eventID { return sessions[a].eventID < sessions[b].eventID }
            return a < b
        }
        var seenEvents = Set<String>(minimumCapacity: sessions.count)
        var sequenceOfKey: [WindowKey: Int] = [:]
        var members: [[Int]] = []
        var subjects: [Subject] = []
        for index in chronological {
            let session = sessions[index]
            guard let subject = session.subject ?? subjectOfSet(session.setID),
                  seenEvents.insert(session.eventID).inserted
            else { continue }
            let key = WindowKey(userID: session.userID, subject: subject)
            if let sequence = sequenceOfKey[key] {
                members[sequence].append(index)
            } else {
                sequenceOfKey[key] = members.count
                members.append([index])
                subjects.append(subject)
            }
        }
        order = Array(members.joined())
        var starts = [0]
        starts.reserveCapacity(members.count + 1)
        for sequence in members { starts.append(starts[starts.count - 1] + sequence.count) }
        self.starts = starts
        self.subjects = subjects
    }

    /// Each sequence's subject and positions in `order`.
    var sequences: some Sequence<(subject: Subject, positions: Range<Int>)> {
        zip(subjects, zip(starts, starts.dropFirst())).lazy.map { ($0, $1.0 ..< $1.1) }
    }
}
