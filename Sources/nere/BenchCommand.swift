import ArgumentParser

/// `nere bench`: performance figures measured in one run on this machine, so that a claim like
/// "faster than the reference" is a command anyone can rerun rather than a number in a README.
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure throughput of the pipeline's stages (build with -c release).",
        subcommands: [BenchVectorsCommand.self, BenchIndexCommand.self, BenchModelCommand.self, BenchServeCommand.self])
}

/// Benchmarks report medians: the first repetition pays for warm-up (page faults, caches).
func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    guard !sorted.isEmpty else { return 0 }
    let middle = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

/// A goal an issue sets for a benchmark, checked by the run that measured it.
struct BenchGoal {
    var name: String
    var value: String
    /// nil when the run did not measure it.
    var met: Bool?

    var json: [String: Any] {
        var json: [String: Any] = ["goal": name, "value": value]
        json["met"] = met
        return json
    }
}
