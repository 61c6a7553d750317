import ArgumentParser
import Foundation
import NERESynthetic

struct GenerateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write a synthetic catalog and event log (DIR/sets.jsonl, DIR/events.jsonl).")

    @Option(help: "Output directory (created if missing).")
    var out: String

    @OptionGroup var data: SyntheticDataOptions
    @OptionGroup var logging: LoggingOptions

    func run() async throws {
        let logger = logging.logger()
        let summary = try data.generate(into: out)
        logger.info("generated", metadata: ["sets": "\(summary.sets)", "events": "\(summary.events)"])
        print("wrote \(summary.sets) sets and \(summary.events) events to \(out) (seed \(data.seed), preset \(data.preset.rawValue))")
    }
}

/// What `generate` and `demo` share: which synthetic school year to write.
struct SyntheticDataOptions: ParsableArguments {
    @Option(help: "Random seed; the same seed writes the same bytes.")
    var seed: UInt64 = 7

    @Option(help: "Size: demo (~2k sets, 40k events) or large (~20k sets, 600k events).")
    var preset: SyntheticPreset = .demo

    func generate(into directory: String) throws -> SyntheticSummary {
        let progress = ProgressLine("generate")
        defer { progress.finish() }
        return try SyntheticGenerator(preset: preset, seed: seed)
            .write(to: URL(fileURLWithPath: directory)) { progress.update(fraction: $0) }
    }
}

extension SyntheticPreset: ExpressibleByArgument {}
