import ArgumentParser
import Foundation
import Logging
import NEREContracts
import NERESetVectors

struct LoggingOptions: ParsableArguments {
    @Option(help: "Log level on standard error: trace, debug, info, notice, warning, error or critical.")
    var logLevel: Logger.Level = .notice

    func logger() -> Logger { Terminal.bootstrapLogging(level: logLevel) }
}

/// Checks a path names a readable file before minutes of work start.
func requireReadableFile(_ path: String, flag: String) throws {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
        throw ValidationError("\(flag) \(path): no such file")
    }
    guard !isDirectory.boolValue else {
        throw ValidationError("\(flag) \(path): is a directory, not a file")
    }
    guard FileManager.default.isReadableFile(atPath: path) else {
        throw ValidationError("\(flag) \(path): not readable")
    }
}

/// Checks that a file can be created at `path` (its directory exists and is writable), so a
/// long run does not fail only when it writes its result.
func requireWritableLocation(_ path: String, flag: String) throws {
    let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
        throw ValidationError("\(flag) \(path): directory \(directory) does not exist")
    }
    guard FileManager.default.isWritableFile(atPath: directory) else {
        throw ValidationError("\(flag) \(path): directory \(directory) is not writable")
    }
}

extension Logger.Level: @retroactive ExpressibleByArgument {}

extension Subject: ExpressibleByArgument {
    /// Accepts the paper's spelling in any case: `french`, `"natural sciences"`.
    public init?(argument: String) {
        guard let match = Subject.allCases.first(where: { $0.rawValue.lowercased() == argument.lowercased() }) else {
            return nil
        }
        self = match
    }

    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}

/// Checks `path` is a directory `nere vectorize` wrote.
func requireVectorDirectory(_ path: String, flag: String) throws {
    let description = URL(fileURLWithPath: path).appendingPathComponent(SetVectorArtifact.descriptionFile).path
    guard FileManager.default.isReadableFile(atPath: description) else {
        throw ValidationError("\(flag) \(path): no readable \(SetVectorArtifact.descriptionFile); write it with `nere vectorize`")
    }
}

/// The options every benchmark with a Python reference shares.
struct ReferenceOptions: ParsableArguments {
    @Option(help: "Python interpreter for the reference.")
    var python: String = "python3"

    @Option(help: "The reference script (default: the benchmark's script under Tests/Benchmarks/ of the current directory).")
    var referenceScript: String?

    @Flag(help: "Do not run the reference.")
    var skipReference = false

    @Option(help: "Also write the figures as JSON to this file.")
    var out: String?

    func validate() throws {
        if let referenceScript { try requireReadableFile(referenceScript, flag: "--reference-script") }
        if let out { try requireWritableLocation(out, flag: "--out") }
    }

    /// The script to run: --reference-script, else `Tests/Benchmarks/<name>`.
    func script(default name: String) -> String { referenceScript ?? "Tests/Benchmarks/" + name }
}
