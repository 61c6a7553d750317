import Foundation
import NEREEvaluation
import NEREModel

/// `nere bench model`'s figures as a markdown report and as JSON, with the issue's goals checked.
struct ModelReport {
    struct Preset {
        var figures: ModelFigures
        var reference: Result<ModelReference.Output, ReferenceSkipped>
    }

    /// The goals of the issue, checked at this preset and batch size.
    static let goalPreset = ModelPreset.paper
    static let goalBatch = 64
    static let servedBudgetMicroseconds = 300.0
    static let speedupGoal = 1.5
    static let sgemmShareGoal = 0.7

    let sgemmPeak: SgemmProbe.Figure
    let presets: [Preset]
    let windows: Int
    let seconds: Double
    let machine: String
    /// One-minute load averages when the run started and ended.
    let loadAverages: (start: Double?, end: Double?)

    // MARK: Derived figures

    /// One batch size's figures, per event (served) or per window (full, PyTorch).
    struct Row {
        var batch: Int
        var servedMicroseconds: Double
        var eventsPerSecond: Double
        var fullMicroseconds: Double
        var torchMicroseconds: Double?
        var servedGflops: Double
        var fullGflops: Double
        /// The whole recurrence (products and gates), timed inside the served predictions.
        var recurrenceGflops: Double
        /// The same time with the issue's nominal count (5 products per direction, the h = 0
        /// ones included, which the recurrence skips): an effective rate, above what runs.
        var recurrenceNominalGflops: Double
        /// The h·W_hhᵀ products alone.
        var recurrentProductsGflops: Double
        var recurrentSgemm: SgemmProbe.Figure

        var torchOverServed: Double? { torchMicroseconds.map { $0 / servedMicroseconds } }
        var torchOverFull: Double? { torchMicroseconds.map { $0 / fullMicroseconds } }
    }

    static func rows(_ preset: Preset) -> [Row] {
        let flops = preset.figures.flops
        let torch = (try? preset.reference.get())?.batches ?? []
        return preset.figures.batches.map { batch in
            let b = Double(batch.batch)
            let recurrence = batch.served.stages[.recurrence] ?? .infinity
            let products = batch.served.stages[.recurrentProducts] ?? .infinity
            return Row(batch: batch.batch,
                       servedMicroseconds: batch.served.medianSeconds / b * 1e6,
                       eventsPerSecond: b / batch.served.medianSeconds,
                       fullMicroseconds: batch.full.medianSeconds / b * 1e6,
                       torchMicroseconds: torch.first { $0.batch == batch.batch }?.usPerWindow,
                       servedGflops: flops.servedEvent * b / batch.served.medianSeconds / 1e9,
                       fullGflops: flops.fullWindow * b / batch.full.medianSeconds / 1e9,
                       recurrenceGflops: flops.recurrence * b / recurrence / 1e9,
                       recurrenceNominalGflops: flops.recurrenceNominal * b / recurrence / 1e9,
                       recurrentProductsGflops: flops.recurrence * b / products / 1e9,
                       recurrentSgemm: batch.recurrentSgemm)
        }
    }

    var goals: [BenchGoal] {
        let name = "\(Self.goalPreset.rawValue) preset, batch \(Self.goalBatch)"
        guard let preset = presets.first(where: { $0.figures.preset == Self.goalPreset }),
              let row = Self.rows(preset).first(where: { $0.batch == Self.goalBatch }) else {
            return [BenchGoal(name: name, value: "not measured (needs --presets \(Self.goalPreset.rawValue) "
                         + "and --batches with \(Self.goalBatch))", met: nil)]
        }
        var goals = [BenchGoal(name: "\(name): served ≤ \(Int(Self.servedBudgetMicroseconds)) µs per event on one core",
                          value: String(format: "%.1f µs", row.servedMicroseconds),
                          met: row.servedMicroseconds <= Self.servedBudgetMicroseconds)]
        for (path, ratio) in [("served", row.torchOverServed), ("full recompute", row.torchOverFull)] {
            let goal = "\(name): ours (\(path)) ≥ \(Self.speedupGoal)× faster than PyTorch (full recompute)"
            switch preset.reference {
            case .success:
                goals.append(BenchGoal(name: goal, value: ratio.map { String(format: "%.2f×", $0) } ?? "no PyTorch figure",
                                  met: ratio.map { $0 >= Self.speedupGoal }))
            case .failure(let skipped):
                goals.append(BenchGoal(name: goal, value: "PyTorch skipped (\(skipped.reason))", met: nil))
            }
        }
        let shape = row.recurrentSgemm
        for (label, sgemm) in [("(a) sgemm's peak, \(sgemmPeak.m)×\(sgemmPeak.n)×\(sgemmPeak.k)", sgemmPeak),
                               ("(b) sgemm at the recurrent product's shape, M×N×K = \(shape.m)×\(shape.n)×\(shape.k)", shape)] {
            let share = row.recurrenceGflops / sgemm.gflops
            goals.append(BenchGoal(name: "\(name): recurrence ≥ \(Int(Self.sgemmShareGoal * 100))% of \(label)",
                              value: String(format: "%.0f%% (%.1f of %.1f GFLOP/s, executed FLOPs; its products alone "
                                            + "%.0f%%; with the nominal count of 5 products per direction %.0f%%)",
                                            share * 100, row.recurrenceGflops, sgemm.gflops,
                                            row.recurrentProductsGflops / sgemm.gflops * 100,
                                            row.recurrenceNominalGflops / sgemm.gflops * 100),
                              met: share >= Self.sgemmShareGoal))
        }
        return goals
    }

    /// Why the run must fail: the reference or the served path disagreeing with the full network.
    var parityFailures: [String] {
        presets.flatMap { preset -> [String] in
            var failures: [String] = []
            if case .success(let output) = preset.reference, !(output.maxRelativeDifference <= ModelReference.tolerance) {
                failures.append(String(format: "%@: PyTorch's predictions differ from ours by %.3g (relative), above %.0e",
                                       preset.figures.preset.rawValue, output.maxRelativeDifference, ModelReference.tolerance))
            }
            if !(preset.figures.servedDifference <= 1e-4) {
                failures.append(String(format: "%@: served predictions differ from the full pass by %.3g (relative), above 1e-4",
                                       preset.figures.preset.rawValue, preset.figures.servedDifference))
            }
            return failures
        }
    }

    // MARK: Markdown

    var markdown: String {
        var lines = ["# nere bench model", ""]
        #if DEBUG
        lines += ["**WARNING: debug build, not representative; use `swift build -c release`**", ""]
        #endif
        lines.append("One core: OpenBLAS on 1 thread, PyTorch with `torch.set_num_threads(1)`. Random weights and "
                     + "\(windows) random windows per preset (75% of them 5 sessions long, the rest 1–4). Times are "
                     + "medians over about \(String(format: "%g", seconds)) s per figure. **Served** = one event: "
                     + "`ServingNetwork.steps` for B new sessions in one call, then `predict` for their B windows from "
                     + "cached steps. **Full** = `NERENetwork.forward` over B windows, all 5 steps' input work "
                     + "recomputed, as PyTorch does.")
        lines.append("")
        let load = [loadAverages.start, loadAverages.end].map { $0.map { String(format: "%.2f", $0) } ?? "?" }
        let busy = [loadAverages.start, loadAverages.end].contains { ($0 ?? 0) >= 0.5 }
        lines.append("Machine: \(machine). One-minute load average \(load[0]) at the start, \(load[1]) at the end"
                     + (busy ? ": other work shared the cores, so the figures are noisier than on an idle machine." : "."))
        lines.append("")
        lines.append(String(format: "OpenBLAS `sgemm`, one thread, %d×%d×%d (**(a)**, the peak): **%.1f GFLOP/s**.",
                            sgemmPeak.m, sgemmPeak.n, sgemmPeak.k, sgemmPeak.gflops))
        for preset in presets { lines += presetSection(preset) }
        lines += ["", "## Goals", ""]
        for goal in goals {
            let mark = goal.met.map { $0 ? "[x]" : "[ ]" } ?? "[–]"
            lines.append("- \(mark) \(goal.name): **\(goal.value)**")
        }
        for failure in parityFailures { lines.append("- **FAILED: \(failure)**") }
        return lines.joined(separator: "\n")
    }

    private func presetSection(_ preset: Preset) -> [String] {
        let figures = preset.figures, shape = figures.shape, flops = figures.flops
        var lines = ["", "## \(figures.preset.rawValue): \(Self.grouped(figures.parameters)) learnable parameters", ""]
        lines.append("Step width D = \(shape.stepWidth) (\(shape.categoricalCount) embeddings × \(shape.embeddingWidth), "
                     + "\(shape.continuousCount) continuous, \(shape.contentWidth) content), feature attention "
                     + "\(shape.featureAttentionWidth), H = \(shape.hidden) per direction, time attention "
                     + "\(shape.timeAttentionWidth), dense \(shape.denseWidths), output \(shape.outputWidth).")
        lines.append(String(format: "MFLOP (matrix products): one step's input work %.2f, recurrence %.2f executed "
                            + "(%.2f nominal, with the h = 0 first steps), attention over time %.2f, head %.2f; "
                            + "a served event %.2f, a fully recomputed window %.2f.",
                            flops.stepInput / 1e6, flops.recurrence / 1e6, flops.recurrenceNominal / 1e6,
                            flops.timeAttention / 1e6, flops.head / 1e6, flops.servedEvent / 1e6, flops.fullWindow / 1e6))
        switch preset.reference {
        case .success(let output):
            lines.append(String(format: "PyTorch %@ (%d thread): max relative difference to our predictions %.2g "
                                + "(tolerance %.0e). Served against full: %.2g.", output.torchVersion, output.threads,
                                output.maxRelativeDifference, ModelReference.tolerance, figures.servedDifference))
        case .failure(let skipped):
            lines.append(String(format: "PyTorch: skipped (%@). Served against full: max relative difference %.2g.",
                                skipped.reason, figures.servedDifference))
        }
        lines.append("")
        let rows = Self.rows(preset)
        let dash = "–"
        lines += Self.table(
            ["batch", "served µs/event", "events/s", "full µs/window", "PyTorch µs/window", "PyTorch ÷ served",
             "PyTorch ÷ full", "served GFLOP/s", "full GFLOP/s", "recurrence GFLOP/s", "sgemm (b) GFLOP/s",
             "rec. ÷ (a)", "rec. ÷ (b)"],
            rows.map { row in
                [String(row.batch), String(format: "%.1f", row.servedMicroseconds), String(format: "%.0f", row.eventsPerSecond),
                 String(format: "%.1f", row.fullMicroseconds),
                 row.torchMicroseconds.map { String(format: "%.1f", $0) } ?? dash,
                 row.torchOverServed.map { String(format: "%.2f×", $0) } ?? dash,
                 row.torchOverFull.map { String(format: "%.2f×", $0) } ?? dash,
                 String(format: "%.1f", row.servedGflops), String(format: "%.1f", row.fullGflops),
                 String(format: "%.1f", row.recurrenceGflops), String(format: "%.1f", row.recurrentSgemm.gflops),
                 String(format: "%.0f%%", row.recurrenceGflops / sgemmPeak.gflops * 100),
                 String(format: "%.0f%%", row.recurrenceGflops / row.recurrentSgemm.gflops * 100)]
            })
        lines += ["", "Where the time goes, µs per event (served) or per window (full): mean per call ÷ B.", ""]
        var header = ["stage"]
        var columns: [(CallTiming, Int)] = []
        for batch in figures.batches {
            header.append("served B=\(batch.batch)")
            columns.append((batch.served, batch.batch))
        }
        for batch in figures.batches {
            header.append("full B=\(batch.batch)")
            columns.append((batch.full, batch.batch))
        }
        var stageRows: [[String]] = []
        for stage in StageTimes.Stage.allCases where columns.contains(where: { $0.0.stages[stage] != nil }) {
            stageRows.append([Self.stageName(stage)] + columns.map { timing, batch in
                timing.stages[stage].map { String(format: "%.1f", $0 / Double(batch) * 1e6) } ?? dash
            })
        }
        stageRows.append(["other (allocation, window assembly)"] + columns.map { timing, batch in
            let staged = timing.stages.filter { $0.key != .recurrentProducts }.values.reduce(0, +)
            return String(format: "%.1f", max(0, timing.meanSeconds - staged) / Double(batch) * 1e6)
        })
        stageRows.append(["total (mean)"] + columns.map { String(format: "%.1f", $0.0.meanSeconds / Double($0.1) * 1e6) })
        lines += Self.table(header, stageRows)
        return lines
    }

    /// 6015524 → "6,015,524".
    static func grouped(_ value: Int) -> String {
        let digits = Array(String(value))
        return String(digits.enumerated().flatMap { offset, digit in
            offset > 0 && (digits.count - offset) % 3 == 0 ? [",", digit] : [digit]
        })
    }

    static func stageName(_ stage: StageTimes.Stage) -> String {
        switch stage {
        case .stepInput: "embeddings, concatenation (served: + folded batch norm)"
        case .batchNorm: "batch norm"
        case .featureAttention: "feature attention"
        case .stepEncoder: "step encoder"
        case .inputProjection: "GRU input products"
        case .stepCopy: "cached steps copied out and in"
        case .recurrence: "recurrence (products + gates)"
        case .recurrentProducts: "  of which h·W_hhᵀ products"
        case .timeAttention: "attention over time"
        case .head: "dense head and output"
        }
    }

    /// A markdown table with padded columns: the first left-aligned, the rest right-aligned.
    static func table(_ header: [String], _ rows: [[String]]) -> [String] {
        let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            "| " + cells.enumerated().map { column, cell in
                column == 0 ? cell.rightPadded(widths[column]) : cell.leftPadded(widths[column])
            }.joined(separator: " | ") + " |"
        }
        let rule = "|" + widths.enumerated().map { column, width in
            column == 0 ? " " + String(repeating: "-", count: width) + " " : " " + String(repeating: "-", count: width - 1) + ": "
        }.joined(separator: "|") + "|"
        return [line(header), rule] + rows.map(line)
    }

    // MARK: JSON

    var json: [String: Any] {
        var json: [String: Any] = [
            "build": Self.isDebugBuild ? "debug" : "release", "threads": 1, "windows": windows, "seconds": seconds,
            "machine": machine,
            "sgemm_peak": Self.object(sgemmPeak),
            "presets": presets.map(presetJSON),
            "goals": goals.map(\.json),
            "markdown": markdown,
        ]
        if !parityFailures.isEmpty { json["failures"] = parityFailures }
        json["load_average_start"] = loadAverages.start
        json["load_average_end"] = loadAverages.end
        return json
    }

    private func presetJSON(_ preset: Preset) -> [String: Any] {
        let figures = preset.figures
        var json: [String: Any] = [
            "preset": figures.preset.rawValue, "parameters": figures.parameters,
            "shape": Self.object(figures.shape), "flops_per_window": Self.object(figures.flops),
            "flops_served_event": figures.flops.servedEvent, "flops_full_window": figures.flops.fullWindow,
            "served_vs_full_max_relative_difference": figures.servedDifference,
        ]
        switch preset.reference {
        case .success(let output):
            json["pytorch"] = ["torch_version": output.torchVersion, "threads": output.threads,
                               "max_relative_difference": output.maxRelativeDifference]
        case .failure(let skipped):
            json["pytorch"] = ["skipped": skipped.reason]
        }
        json["batches"] = zip(figures.batches, Self.rows(preset)).map { batch, row -> [String: Any] in
            var json: [String: Any] = [
                "batch": row.batch,
                "served": Self.timing(batch.served, batch: row.batch, unit: "event")
                    .merging(["gflops": row.servedGflops]) { $1 },
                "full": Self.timing(batch.full, batch: row.batch, unit: "window").merging(["gflops": row.fullGflops]) { $1 },
                "recurrence": ["gflops": row.recurrenceGflops, "products_gflops": row.recurrentProductsGflops,
                               "nominal_gflops": row.recurrenceNominalGflops,
                               "sgemm_at_shape": Self.object(row.recurrentSgemm),
                               "share_of_sgemm_peak": row.recurrenceGflops / sgemmPeak.gflops,
                               "share_of_sgemm_at_shape": row.recurrenceGflops / row.recurrentSgemm.gflops],
            ]
            if let torch = row.torchMicroseconds {
                json["pytorch"] = ["us_per_window": torch, "windows_per_second": 1e6 / torch]
                json["pytorch_over_served"] = row.torchOverServed
                json["pytorch_over_full"] = row.torchOverFull
            }
            return json
        }
        return json
    }

    private static func timing(_ timing: CallTiming, batch: Int, unit: String) -> [String: Any] {
        let b = Double(batch)
        return ["us_per_\(unit)": timing.medianSeconds / b * 1e6, "\(unit)s_per_second": b / timing.medianSeconds,
                "median_seconds_per_call": timing.medianSeconds, "calls": timing.calls,
                "stages_us_per_\(unit)": Dictionary(uniqueKeysWithValues: timing.stages.map {
                    ("\($0.key)", $0.value / b * 1e6)
                })]
    }

    private static func object<Value: Encodable>(_ value: Value) -> Any {
        (try? JSONSerialization.jsonObject(with: JSONEncoder().encode(value))) ?? [:]
    }

    static var isDebugBuild: Bool {
        #if DEBUG
        true
        #else
        false
        #endif
    }
}
