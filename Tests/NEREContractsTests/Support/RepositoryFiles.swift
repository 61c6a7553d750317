import Foundation
import Testing

/// Files of the checkout the tests run from. `topics/` is not a test resource: the tests
/// must read the very files that Kafka admin reads.
enum RepositoryFiles {
    static let root: URL = {
        var directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: directory.appendingPathComponent("Package.swift").path) {
            directory.deleteLastPathComponent()
        }
        return directory
    }()

    static let topics = root.appendingPathComponent("topics")

    static func topicFile(_ name: String) -> URL {
        topics.appendingPathComponent(name + ".json")
    }

    static func fixture(_ name: String) throws -> Data {
        guard let url = Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures") else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "Fixtures/" + name])
        }
        return try Data(contentsOf: url)
    }

    /// A topic file's value schema (or any other top-level member) as plain JSON objects.
    static func topicJSON(_ name: String) throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: topicFile(name)))
        return try #require(object as? [String: Any])
    }
}

extension [String: Any] {
    /// The value at a path of object keys, e.g. `["value_schema", "$defs", "label", "maxLength"]`.
    func value(at path: [String]) -> Any? {
        var current: Any? = self
        for key in path {
            current = (current as? [String: Any])?[key]
        }
        return current
    }

    /// A number at `path`, exactly: JSONSerialization returns large numbers as
    /// NSDecimalNumber, whose `doubleValue` is not the nearest Double, but its text is exact.
    func double(at path: [String]) -> Double? {
        value(at: path).flatMap { Double("\($0)") }
    }
}
