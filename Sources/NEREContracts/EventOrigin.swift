/// Where a record was read: a Kafka topic-partition-offset, or for a file replay the file
/// (`file:<path>`), partition 0 and the line number. Windows remember the origin of the last
/// event they applied; recommendations and dead letters carry it so they can be traced back.
public struct EventOrigin: Sendable, Hashable, Codable, CustomStringConvertible {
    public var topic: String
    public var partition: Int
    public var offset: Int64

    public init(topic: String, partition: Int, offset: Int64) {
        self.topic = topic
        self.partition = partition
        self.offset = offset
    }

    public var description: String { "\(topic)[\(partition)]@\(offset)" }
}
