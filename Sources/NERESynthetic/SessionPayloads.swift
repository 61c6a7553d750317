import NEREContracts

/// Turns a compact session back into the payload a client would have sent.
struct SessionPayloads {
    let catalog: Catalog
    let learners: [Learner]
    let userIDs: [String]
    let eventIDWidth: Int

    func eventID(_ number: Int) -> String { "ev-" + zeroPadded(number, width: eventIDWidth) }

    func payload(_ record: SessionRecord, number: Int) -> StudySession {
        let learner = learners[Int(record.learner)]
        let set = catalog.sets[Int(record.set)]
        let place = record.atSchool ? learner.school ?? learner.home : learner.home
        let omitted = record.omitted
        return StudySession(
            eventID: eventID(number), userID: userIDs[Int(record.learner)], setID: set.id,
            startedAt: Timestamp(microsecondsSinceEpoch: record.start * 1_000_000),
            endedAt: Timestamp(microsecondsSinceEpoch: record.end * 1_000_000),
            platform: StudyHabits.platforms[Int(record.platform)], studyMode: StudyHabits.modes[Int(record.mode)],
            subject: omitted.contains(.subject) ? nil : set.subject,
            termLang: omitted.contains(.languages) ? nil : set.termLanguage,
            defLang: omitted.contains(.languages) ? nil : set.definitionLanguage,
            lat: omitted.contains(.location) ? nil : place.latitude,
            lon: omitted.contains(.location) ? nil : place.longitude,
            ip: omitted.contains(.address) ? nil : Self.dotted(place.address),
            userAge: learner.reportsAge ? learner.age : nil,
            answersCorrect: record.answersCorrect < 0 ? nil : Int(record.answersCorrect),
            answersTotal: record.answersTotal < 0 ? nil : Int(record.answersTotal),
            termsStudied: record.termsStudied < 0 ? nil : Int(record.termsStudied))
    }

    private static func dotted(_ address: UInt32) -> String {
        "\(address >> 24).\(address >> 16 & 0xff).\(address >> 8 & 0xff).\(address & 0xff)"
    }
}
