import ArgumentParser
import Foundation
import NERESynthetic

struct GenerateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write a synthetic catalog and event log (DIR/sets.jsonl, DIR/events.jsonl).")

    @Option(help: "Output directory (created if missing).")
    var out: String

    @Option(help: "Random seed; the same seed writes the same bytes.")
    var seed: UInt64 = 1

    @Option(help: "Size: demo (~2k sets, 40k events) or large (~20k sets, 600k events).")
    var preset: SyntheticPreset = .demo

    @OptionGroup var logging: LoggingOptions

    func run() async throws {
        let logger = logging.logger()
        let summary = try generate(out: out, seed: seed, preset: preset)
        logger.info("generated", metadata: ["sets": "\(summary.sets)", "events": "\(summary.events)"])
        print("wrote \(summary.sets) sets and \(summary.events) events to \(out) (seed \(seed), preset \(preset.rawValue))")
    }
}

extension SyntheticPreset: ExpressibleByArgument {}

func generate(out: String, seed: UInt64, preset: SyntheticPreset) throws -> SyntheticSummary {
    let progress = ProgressLine("generate")
    defer { progress.finish() }
    return try SyntheticGenerator(preset: preset, seed: seed)
        .write(to: URL(fileURLWithPath: out)) { progress.update(fraction: $0) }
}
