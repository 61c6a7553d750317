import ArgumentParser
import Foundation
import NEREKafka

/// `--bootstrap` and `--property`: how the commands that talk to a cluster (`topics create`,
/// `produce`) reach it, checked before anything is sent.
struct KafkaClientOptions: ParsableArguments {
    @Option(help: "Bootstrap brokers, HOST:PORT[,HOST:PORT…].")
    var bootstrap: String

    @Option(name: .customLong("property"),
            help: ArgumentHelp("A librdkafka client property, KEY=VALUE (repeatable), e.g. security.protocol=SASL_SSL.",
                               valueName: "key=value"))
    var properties: [String] = []

    func validate() throws {
        _ = try Self.parseBootstrap(bootstrap)
        _ = try Self.parseProperties(properties)
    }

    /// The client configuration. Topics are never created by a metadata request: a broker
    /// with auto-creation (Tansu) would create a missing topic with its own partition count.
    func configuration(clientID: String) throws -> KafkaConfiguration {
        try Self.configuration(bootstrap: bootstrap, properties: properties, clientID: clientID)
    }

    /// The same, for option groups where `--bootstrap` is one of several inputs.
    static func configuration(bootstrap: String, properties: [String], clientID: String) throws -> KafkaConfiguration {
        var configuration = KafkaConfiguration(try parseProperties(properties))
        configuration.bootstrapServers = try parseBootstrap(bootstrap).joined(separator: ",")
        return configuration.withDefaults(["client.id": clientID, "allow.auto.create.topics": "false"])
    }

    /// `HOST:PORT[,HOST:PORT…]`, each with an optional `SCHEME://` prefix librdkafka accepts
    /// and IPv6 hosts in brackets. A port is required: librdkafka would silently use 9092.
    static func parseBootstrap(_ text: String) throws -> [String] {
        let entries = text.split(separator: ",", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        guard !text.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw ValidationError("--bootstrap is empty; give HOST:PORT")
        }
        return try entries.map { entry in
            // Name the entry only when there are several.
            let inEntry = entries.count > 1 ? " in \(entry)" : ""
            let bad = { (why: String) in ValidationError("--bootstrap \(text): \(why); give HOST:PORT[,HOST:PORT…]") }
            guard !entry.isEmpty else { throw bad("empty entry") }
            var address = Substring(entry)
            if let scheme = address.range(of: "://") { address = address[scheme.upperBound...] }
            let host: Substring
            let port: Substring
            if address.hasPrefix("[") {
                guard let close = address.firstIndex(of: "]") else { throw bad("unclosed [\(inEntry)") }
                host = address[address.index(after: address.startIndex)..<close]
                let rest = address[address.index(after: close)...]
                guard rest.hasPrefix(":") else { throw bad("no port\(inEntry)") }
                port = rest.dropFirst()
            } else {
                guard let colon = address.lastIndex(of: ":") else { throw bad("no port\(inEntry)") }
                host = address[..<colon]
                port = address[address.index(after: colon)...]
                if host.contains(":") { throw bad("an IPv6 host needs brackets, [HOST]:PORT\(inEntry)") }
            }
            guard !host.isEmpty, !host.contains(where: \.isWhitespace) else { throw bad("no host\(inEntry)") }
            guard let number = Int(port), (1...65_535).contains(number) else { throw bad("the port must be 1…65535\(inEntry)") }
            return entry
        }
    }

    /// `KEY=VALUE` pairs; the value may be empty or contain `=`.
    static func parseProperties(_ pairs: [String]) throws -> [String: String] {
        var properties: [String: String] = [:]
        for pair in pairs {
            guard let equals = pair.firstIndex(of: "=") else {
                throw ValidationError("--property \(pair): expected KEY=VALUE")
            }
            let key = String(pair[..<equals]).trimmingCharacters(in: .whitespaces)
            let value = String(pair[pair.index(after: equals)...])
            guard !key.isEmpty, !key.contains(where: \.isWhitespace) else {
                throw ValidationError("--property \(pair): expected KEY=VALUE with a non-empty key")
            }
            guard key != "bootstrap.servers" else {
                throw ValidationError("--property \(pair): give the brokers with --bootstrap")
            }
            guard properties[key] == nil else { throw ValidationError("--property \(key) is given twice") }
            properties[key] = value
        }
        return properties
    }
}
