import ArgumentParser
import COpenBLAS
import CRDKafka
import NERECache

struct VersionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "version",
        abstract: "Print the versions of nere and of the native libraries it runs on.")

    static let nereVersion = "0.1.0"

    func run() {
        print("nere \(Self.nereVersion)")
        print("librdkafka \(String(cString: rd_kafka_version_str()))")
        print("SQLite \(StreamCache.sqliteVersion)")
        print("OpenBLAS \(String(cString: openblas_get_config()))")
    }
}
