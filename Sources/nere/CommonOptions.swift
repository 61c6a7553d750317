import ArgumentParser
import Foundation
import NEREModel
import Logging
import NEREContracts
import NERESetVectors
import NERESynthetic

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
func requireModelDirectory(_ path: String, flag: String) throws {
    let description = URL(fileURLWithPath: path).appendingPathComponent(ModelArtifact.descriptionFile).path
    guard FileManager.default.isReadableFile(atPath: description) else {
        throw ValidationError("\(flag) \(path): no readable \(ModelArtifact.descriptionFile); write it with `nere train`")
    }
}

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

    /// The interpreter and script to run, or why there are none: --skip-reference, no script
    /// (--reference-script, else `Tests/Benchmarks/<name>` under the current directory), or a
    /// Python that cannot import `modules`. Decided before minutes of our own measuring.
    func resolve(script name: String, imports modules: [String]) -> Result<(python: PythonReference, script: String), ReferenceSkipped> {
        if skipReference { return .failure(ReferenceSkipped(reason: "--skip-reference")) }
        let script = referenceScript ?? "Tests/Benchmarks/" + name
        guard FileManager.default.isReadableFile(atPath: script) else {
            return .failure(ReferenceSkipped(reason: "no \(script) here; run from the package root or pass --reference-script"))
        }
        return PythonReference(python: python).check(imports: modules, hint: "pip install " + modules.joined(separator: " "))
            .map { ($0, script) }
    }
}

/// Where a benchmark keeps its inputs: a fresh temporary directory, removed when `body` returns.
/// Warns first in a debug build, whose figures say little.
func inBenchScratch<Result>(logger: Logger, _ body: (URL) async throws -> Result) async throws -> Result {
    #if DEBUG
    logger.warning("debug build: the figures say little; build with `swift build -c release`")
    #endif
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("nere-bench-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: scratch) }
    return try await body(scratch)
}

/// The `large` preset (seed 1) generated into `directory`; returns its sets file's path.
func generateLargePreset(into directory: URL, logger: Logger) throws -> String {
    logger.notice("generating the large preset", metadata: ["directory": "\(directory.path)"])
    let progress = ProgressLine("generate")
    _ = try SyntheticGenerator(preset: .large, seed: 1).write(to: directory) { progress.update(fraction: $0) }
    progress.finish()
    return directory.appendingPathComponent("sets.jsonl").path
}

/// `--topics DIR`: the topic definitions (`topics/`), checked and loaded alike by every
/// command that creates topics.
struct TopicDefinitionOptions: ParsableArguments {
    @Option(help: "Directory of topic definitions.")
    var topics: String = "topics"

    func validate() throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: topics, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ValidationError("--topics \(topics): no such directory (run from the repository root or pass --topics)")
        }
    }

    func load() throws -> [TopicDefinition] {
        do {
            return try TopicDefinition.loadAll(from: URL(fileURLWithPath: topics))
        } catch {
            throw ValidationError("--topics \(topics): \(error)")
        }
    }
}
