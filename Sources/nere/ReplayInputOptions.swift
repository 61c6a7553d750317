import ArgumentParser
import NEREContracts
import NEREPipeline
import NEREService

/// Where a replay or an evaluation reads its log and catalog: two files, or a cluster's topics
/// (`--bootstrap`) up to the end offsets seen at the start. Either source gives the same
/// results for the same log, so the choice is only where the data happens to be.
struct ReplayInputOptions: ParsableArguments {
    @Option(help: "Event log: JSON lines of StudySession.")
    var events: String?

    @Option(help: "Set catalog: JSON lines of StudySet.")
    var sets: String?

    @Option(help: ArgumentHelp("Read the log and catalog from this cluster's topics instead of --events and --sets, HOST:PORT[,HOST:PORT…].",
                               discussion: "Every partition is read from its earliest record to the end offsets seen at the start."))
    var bootstrap: String?

    @Option(help: "With --bootstrap: the topic of the events (default: \(TopicName.studyEvents.rawValue), as in topics/).")
    var eventsTopic: String?

    @Option(help: "With --bootstrap: the topic of the sets (default: \(TopicName.sets.rawValue), as in topics/).")
    var setsTopic: String?

    @Option(name: .customLong("property"),
            help: ArgumentHelp("With --bootstrap: a librdkafka client property, KEY=VALUE (repeatable), e.g. security.protocol=SASL_SSL.",
                               valueName: "key=value"))
    var properties: [String] = []

    func validate() throws {
        guard let bootstrap else {
            for (flag, given) in [("--events-topic", eventsTopic != nil), ("--sets-topic", setsTopic != nil),
                                  ("--property", !properties.isEmpty)] where given {
                throw ValidationError("\(flag) needs --bootstrap")
            }
            switch (events, sets) {
            case (let events?, let sets?):
                try requireReadableFile(events, flag: "--events")
                try requireReadableFile(sets, flag: "--sets")
            case (nil, nil): throw ValidationError("give the log and catalog: --events F --sets F, or --bootstrap HOST:PORT")
            case (nil, _): throw ValidationError("--sets needs --events (the event log), or read both with --bootstrap")
            case (_, nil): throw ValidationError("--events needs --sets (the set catalog), or read both with --bootstrap")
            }
            return
        }
        if events != nil || sets != nil {
            throw ValidationError("--bootstrap \(bootstrap) reads the log and catalog from topics: drop --events and --sets, or --bootstrap")
        }
        _ = try KafkaClientOptions.configuration(bootstrap: bootstrap, properties: properties, clientID: "")
        for (flag, topic) in [("--events-topic", eventsTopic), ("--sets-topic", setsTopic)] {
            if let topic { try Self.checkTopicName(topic, flag: flag) }
        }
    }

    /// The input as validated; `clientID` names the command in the brokers' logs.
    func input(clientID: String) throws -> ReplayInput {
        guard let bootstrap else { return .files(events: events!, sets: sets!) }
        let configuration = try KafkaClientOptions.configuration(bootstrap: bootstrap, properties: properties, clientID: clientID)
        return .topics(configuration, events: eventsTopic ?? TopicName.studyEvents.rawValue,
                       sets: setsTopic ?? TopicName.sets.rawValue)
    }

    /// Kafka's rule for topic names, checked here so a typo is not a ten-second metadata timeout.
    private static func checkTopicName(_ topic: String, flag: String) throws {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-")
        guard (1...249).contains(topic.count), topic.allSatisfy(allowed.contains), topic != ".", topic != ".." else {
            throw ValidationError("\(flag) \(topic): not a Kafka topic name (1–249 of a–z, A–Z, 0–9, '.', '_', '-')")
        }
    }
}
