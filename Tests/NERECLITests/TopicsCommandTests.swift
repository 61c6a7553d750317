import Foundation
import Testing

/// `nere topics create` refuses bad flags before it talks to any broker, with one line naming
/// the problem. Creating topics for real needs a broker with the CreateTopics API, which
/// librdkafka 2.0.2's mock cluster lacks; `Tests/EndToEnd/tansu_e2e.py` covers it against Tansu.
struct TopicsCommandTests {
    static let topics = DevBrokerTests.topics

    @Test(arguments: [
        (["--bootstrap", ""], "--bootstrap is empty"),
        (["--bootstrap", "127.0.0.1"], "--bootstrap 127.0.0.1: no port"),
        (["--bootstrap", "127.0.0.1:"], "the port must be 1…65535"),
        (["--bootstrap", "localhost:70000"], "the port must be 1…65535"),
        (["--bootstrap", ":9092"], "no host"),
        (["--bootstrap", "a:9092,,b:9092"], "empty entry"),
        (["--bootstrap", "a:9092,b"], "no port in b"),
        (["--bootstrap", "::1:9092"], "brackets"),
        (["--bootstrap", "127.0.0.1:9092", "--topics", "/nonexistent/topics"], "--topics /nonexistent/topics: no such directory"),
        (["--bootstrap", "127.0.0.1:9092", "--property", "security.protocol"], "--property security.protocol: expected KEY=VALUE"),
        (["--bootstrap", "127.0.0.1:9092", "--property", "=SSL"], "--property =SSL: expected KEY=VALUE"),
        (["--bootstrap", "127.0.0.1:9092", "--property", "bootstrap.servers=h:1"], "--bootstrap"),
        (["--bootstrap", "127.0.0.1:9092", "--property", "acks=1", "--property", "acks=all"], "--property acks is given twice"),
        (["--bootstrap", "127.0.0.1:9092", "--replication-factor", "0"], "--replication-factor"),
        (["--bootstrap", "127.0.0.1:9092", "--timeout", "0"], "--timeout"),
        // librdkafka itself refuses these, before any connection.
        (["--bootstrap", "127.0.0.1:9092", "--property", "no.such.property=1"], "--property no.such.property"),
        (["--bootstrap", "127.0.0.1:9092", "--property", "security.protocol=carrier-pigeon"], "--property security.protocol"),
    ])
    func badFlagsGetOneLine(arguments: [String], mentions: String) throws {
        let output = try NereProcess.run(["topics", "create", "--topics", Self.topics] + arguments)
        #expect(output.status != 0 && !output.killedBySignal)
        let lines = output.stderr.split(separator: "\n")
        #expect(lines.count == 1, "stderr: \(output.stderr)")
        #expect(lines.first?.hasPrefix("nere: ") == true, "stderr: \(output.stderr)")
        #expect(output.stderr.contains(mentions), "stderr: \(output.stderr)")
        #expect(output.stdout.isEmpty)
    }

    @Test func incompleteTopicsDirectoryIsRefused() throws {
        let directory = try NereProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.copyItem(atPath: Self.topics + "/nere.sets.json", toPath: directory.path + "/nere.sets.json")
        let output = try NereProcess.run(["topics", "create", "--bootstrap", "127.0.0.1:9092", "--topics", directory.path])
        #expect(output.status != 0)
        #expect(output.stderr.split(separator: "\n").count == 1, "stderr: \(output.stderr)")
        #expect(output.stderr.hasPrefix("nere: --topics \(directory.path):"), "stderr: \(output.stderr)")
        #expect(output.stderr.contains("missing"), "stderr: \(output.stderr)")
    }

    /// Nothing listens on the port: the command gives up after `--timeout` with a last line
    /// that says what failed (librdkafka's own connection logs may come before it).
    @Test func unreachableBrokerFailsAfterTheTimeout() throws {
        let socket = try #require(FreePort())
        let started = ContinuousClock.now
        let output = try NereProcess.run(["topics", "create", "--bootstrap", "127.0.0.1:\(socket.port)", "--topics", Self.topics,
                                          "--timeout", "1"])
        #expect(ContinuousClock.now - started < .seconds(20))
        #expect(output.status != 0 && !output.killedBySignal)
        let last = output.stderr.split(separator: "\n").last.map(String.init) ?? ""
        #expect(last.hasPrefix("nere: cannot create topics on 127.0.0.1:\(socket.port): "), "stderr: \(output.stderr)")
        #expect(output.stdout.isEmpty)
    }
}

/// A loopback port nothing listens on: bound, read and closed again.
private struct FreePort {
    let port: UInt16

    init?() {
        let fd = Foundation.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0 else { return nil }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let named = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        guard named == 0 else { return nil }
        port = UInt16(bigEndian: address.sin_port)
    }
}
