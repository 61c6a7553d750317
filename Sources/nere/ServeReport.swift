import Foundation
import NEREModel

/// `nere bench serve`'s figures as a markdown report and as JSON, with the goals checked.
struct ServeReport {
    static let throughputGoalPreset = ModelPreset.small
    static let eventsPerCoreGoal = 10_000.0
    static let p99GoalMilliseconds = 50.0

    let presets: [ServeFigures]
    let dataPreset: String
    let seed: UInt64
    let logLines: Int
    let historyLines: Int
    let batchEvents: Int
    let fetchWaitMilliseconds: Int
    /// OpenBLAS's thread count during the run (--blas-threads).
    let blasThreads: Int
    let machine: String
    let loadAverages: (start: Double?, end: Double?)

    var goals: [BenchGoal] {
        var goals: [BenchGoal] = []
        let name = "\(Self.throughputGoalPreset.rawValue): ≥ \(ModelReport.grouped(Int(Self.eventsPerCoreGoal))) events/s per core"
        if let small = presets.first(where: { $0.preset == Self.throughputGoalPreset }) {
            let perCore = small.throughput.eventsPerCPUSecond
            goals.append(BenchGoal(name: name, value: "\(ModelReport.grouped(Int(perCore))) events per CPU-second", met: perCore >= Self.eventsPerCoreGoal))
        } else {
            goals.append(BenchGoal(name: name, value: "not measured (needs --presets \(Self.throughputGoalPreset.rawValue))", met: nil))
        }
        for figures in presets {
            let latency = figures.latency
            let met = latency.recommendations > 0 && latency.p99Milliseconds < Self.p99GoalMilliseconds
            goals.append(BenchGoal(name: "\(figures.preset.rawValue): p99 < \(Int(Self.p99GoalMilliseconds)) ms at half load",
                              value: latency.recommendations > 0
                                  ? String(format: "%.1f ms at %@ events/s", latency.p99Milliseconds,
                                           ModelReport.grouped(Int(latency.targetRate.rounded())))
                                  : "no recommendation timed",
                              met: met))
        }
        return goals
    }

    // MARK: Markdown

    var markdown: String {
        var lines = ["# nere bench serve", ""]
        #if DEBUG
        lines += ["**WARNING: debug build, not representative; use `swift build -c release`**", ""]
        #endif
        let throughputLines = presets.first?.throughputEventsProduced ?? 0
        lines.append("`StreamService` in this process against librdkafka's mock cluster (one fresh cluster per preset), "
                     + "model artifacts with random weights (the cost of a trained network), set vectors, a warm start. "
                     + "Data: synthetic \(dataPreset) (seed \(seed)), \(ModelReport.grouped(logLines)) log lines in file order: "
                     + "\(ModelReport.grouped(historyLines)) replayed into the warm start, "
                     + "\(ModelReport.grouped(throughputLines)) pre-produced for the throughput phase, the rest paced for the "
                     + "latency phase. batch.max_events \(batchEvents); the service's and the bench consumer's "
                     + "fetch.wait.max.ms \(fetchWaitMilliseconds) (the mock broker holds an empty fetch for the whole wait "
                     + "instead of answering when data arrives, as Kafka does). OpenBLAS: \(blasThreads) "
                     + (blasThreads == 1 ? "thread (model.threads, as `nere serve` runs by default)." : "threads (--blas-threads)."))
        lines.append("")
        lines.append("**Throughput**: from the first batch in the cache's consumed_offsets (its events not counted) to the "
                     + "last produced event's offset there. **Events per CPU-second**: over the same interval, the "
                     + "process's user + system time, which includes the in-process mock broker, librdkafka's threads and "
                     + "the benchmark's polling: conservative per core. **Replay**: `ReplayRun` of the same events with the "
                     + "same model, vectors, warm start, batch size and options (frozen, unscored), no Kafka; its "
                     + "events/s include reading and decoding the file, its CPU-seconds only the processing after. **Latency**: "
                     + "the rest of the log produced at half the measured rate in bursts every ~2 ms "
                     + "(linger.ms \(ServeBenchmark.producerLingerMilliseconds)), from each event's send to its "
                     + "recommendation's arrival at a consumer of nere.recommendations.")
        lines.append("")
        let load = [loadAverages.start, loadAverages.end].map { $0.map { String(format: "%.2f", $0) } ?? "?" }
        let busy = [loadAverages.start, loadAverages.end].contains { ($0 ?? 0) >= 0.5 }
        lines.append("Machine: \(machine). One-minute load average \(load[0]) at the start, \(load[1]) at the end"
                     + (busy ? ": other work shared the cores, so the figures are noisier than on an idle machine." : "."))
        for figures in presets { lines += section(figures) }
        lines += ["", "## Goals", ""]
        for goal in goals {
            let verdict = goal.met.map { $0 ? "goal met" : "goal missed" } ?? "goal not measured"
            lines.append("\(verdict): \(goal.name): \(goal.value)")
        }
        return lines.joined(separator: "\n")
    }

    private func section(_ figures: ServeFigures) -> [String] {
        let t = figures.throughput, r = figures.replay, l = figures.latency
        var lines = ["", "## \(figures.preset.rawValue): \(ModelReport.grouped(figures.parameters)) learnable parameters", ""]
        lines.append(String(format: "Model %@; ready (GET /readyz 200) %.2f s after the service started; throughput timed from %@.",
                            figures.modelVersion, figures.startupSeconds, t.timedFrom))
        lines.append("")
        let rows: [[String]] = [
            ["throughput: events", ModelReport.grouped(t.events)],
            ["throughput: seconds", String(format: "%.3f", t.seconds)],
            ["throughput: events/s", ModelReport.grouped(Int(t.eventsPerSecond.rounded()))],
            ["throughput: events per CPU-second", ModelReport.grouped(Int(t.eventsPerCPUSecond.rounded()))],
            ["throughput: cores busy", String(format: "%.2f", t.coresBusy)],
            ["replay (no Kafka): events/s", ModelReport.grouped(Int(r.eventsPerSecond.rounded()))],
            ["replay (no Kafka): events per CPU-second", ModelReport.grouped(Int(r.eventsPerCPUSecond.rounded()))],
            ["serve ÷ replay", String(format: "%.2f", figures.serveOverReplay)],
            ["latency: rate, events/s", "\(ModelReport.grouped(Int(l.targetRate.rounded()))) "
                + "(\(ModelReport.grouped(Int(l.achievedRate.rounded()))) achieved)"],
            ["latency: recommendations timed", "\(ModelReport.grouped(l.recommendations)) of \(ModelReport.grouped(l.eventsSent)) events"],
            ["latency: p50 ms", String(format: "%.1f", l.p50Milliseconds)],
            ["latency: p99 ms", String(format: "%.1f", l.p99Milliseconds)],
            ["latency: max ms", String(format: "%.1f", l.maxMilliseconds)],
        ]
        lines += ModelReport.table(["figure", "value"], rows)
        return lines
    }

    // MARK: JSON

    var json: [String: Any] {
        var json: [String: Any] = [
            "build": ModelReport.isDebugBuild ? "debug" : "release", "machine": machine, "data_preset": dataPreset,
            "seed": seed, "log_lines": logLines, "history_lines": historyLines, "batch_max_events": batchEvents,
            "fetch_wait_max_ms": fetchWaitMilliseconds, "blas_threads": blasThreads, "producer_linger_ms": ServeBenchmark.producerLingerMilliseconds,
            "presets": presets.map(presetJSON),
            "goals": goals.map(\.json),
            "markdown": markdown,
        ]
        json["load_average_start"] = loadAverages.start
        json["load_average_end"] = loadAverages.end
        return json
    }

    private func presetJSON(_ figures: ServeFigures) -> [String: Any] {
        let t = figures.throughput, r = figures.replay, l = figures.latency
        return [
            "preset": figures.preset.rawValue, "parameters": figures.parameters, "model_version": figures.modelVersion,
            "startup_seconds": figures.startupSeconds,
            "throughput": [
                "events_produced": figures.throughputEventsProduced, "events": t.events, "seconds": t.seconds,
                "events_per_second": t.eventsPerSecond, "cpu_seconds": t.cpuSeconds,
                "events_per_cpu_second": t.eventsPerCPUSecond, "cores_busy": t.coresBusy, "timed_from": t.timedFrom,
            ] as [String: Any],
            "replay": ["events": r.events, "seconds": r.seconds, "events_per_second": r.eventsPerSecond,
                       "cpu_seconds": r.cpuSeconds, "events_per_cpu_second": r.eventsPerCPUSecond] as [String: Any],
            "serve_over_replay": figures.serveOverReplay,
            "latency": [
                "target_rate": l.targetRate, "achieved_rate": l.achievedRate, "events_sent": l.eventsSent,
                "recommendations": l.recommendations, "p50_ms": l.p50Milliseconds, "p99_ms": l.p99Milliseconds,
                "max_ms": l.maxMilliseconds,
            ] as [String: Any],
        ]
    }
}
