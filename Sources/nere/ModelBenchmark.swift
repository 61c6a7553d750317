import COpenBLAS
import Foundation
import NEREContracts
import NEREModel

/// One preset's network with random weights and random valid windows, as `nere bench model`
/// measures it: random kernels from the network's own initialisation, random batch-norm running
/// statistics (so the folded affine map is not the identity), ids inside each vocabulary, unit
/// content vectors, and three windows in four full (5 sessions), the rest 1…4 sessions.
struct ModelWorkload {
    /// The categorical vocabularies of the synthetic `large` data's feature space (unknown id 0 included).
    static let vocabularySizes = [5, 7, 7, 7, 25, 8, 18, 7, 7, 3, 3, 7, 5]
    static let continuousCount = 12
    static let contentWidth = 128

    let preset: ModelPreset
    let network: NERENetwork
    /// Every window, [N, T, …] as the full network reads them.
    let input: NetworkInput

    var shape: NetworkShape { network.shape }
    var windows: Int { input.batchSize }

    init(preset: ModelPreset, windows: Int, seed: UInt64) {
        self.preset = preset
        let shape = preset.shape(vocabularySizes: Self.vocabularySizes, continuousCount: Self.continuousCount,
                                 contentWidth: Self.contentWidth)
        network = NERENetwork(shape: shape)
        var random = network.randomiseForBenchmark(seed: seed)
        let T = NetworkInput.steps, C = shape.categoricalCount, K = shape.continuousCount, Dc = shape.contentWidth
        var input = NetworkInput(batchSize: windows, shape: shape)
        for b in 0..<windows {
            input.lengths[b] = random.nextUnit() < 0.75 ? T : 1 + Int(random.next() % UInt64(T - 1))
            for t in 0..<input.lengths[b] {
                let n = b * T + t
                for f in 0..<C { input.categorical[n * C + f] = Int32(random.next() % UInt64(shape.vocabularySizes[f])) }
                for k in 0..<K { input.continuous[n * K + k] = Float(random.nextUnit() * 2 - 1) }
                var norm: Float = 0
                for k in 0..<Dc {
                    let value = Float(random.nextUnit() * 2 - 1)
                    input.content[n * Dc + k] = value
                    norm += value * value
                }
                let scale = 1 / norm.squareRoot()
                for k in 0..<Dc { input.content[n * Dc + k] *= scale }
            }
        }
        self.input = input
    }

    /// Windows `rows` (indices into the N) as one batch for the full network.
    func batch(_ rows: [Int]) -> NetworkInput {
        let T = NetworkInput.steps, C = shape.categoricalCount, K = shape.continuousCount, Dc = shape.contentWidth
        var batch = NetworkInput(categorical: [], continuous: [], content: [], lengths: rows.map { input.lengths[$0] })
        for b in rows {
            batch.categorical += input.categorical[b * T * C ..< (b + 1) * T * C]
            batch.continuous += input.continuous[b * T * K ..< (b + 1) * T * K]
            batch.content += input.content[b * T * Dc ..< (b + 1) * T * Dc]
        }
        return batch
    }

    /// The features of the sessions at `positions` (window, step), [S, …] as `ServingNetwork.steps` reads them.
    func sessions(_ positions: [(window: Int, step: Int)]) -> (categorical: [Int32], continuous: [Float], content: [Float]) {
        let T = NetworkInput.steps, C = shape.categoricalCount, K = shape.continuousCount, Dc = shape.contentWidth
        var categorical: [Int32] = [], continuous: [Float] = [], content: [Float] = []
        for (b, t) in positions {
            let n = b * T + t
            categorical += input.categorical[n * C ..< (n + 1) * C]
            continuous += input.continuous[n * K ..< (n + 1) * K]
            content += input.content[n * Dc ..< (n + 1) * Dc]
        }
        return (categorical, continuous, content)
    }

    /// The batches of `size` windows a timing loop rotates through: consecutive windows, wrapping
    /// around, at most 64 different batches (as the reference script cuts them).
    func batchRows(size: Int) -> [[Int]] {
        let count = min(64, (windows + size - 1) / size)
        return (0..<count).map { i in (i * size ..< (i + 1) * size).map { $0 % windows } }
    }
}

/// Multiply-adds counted as 2 FLOPs, matrix products only (2·m·n·k each); the element-wise
/// work (embedding copies, normalisation, tanh/σ, softmax, ReLU) is left out, as is usual.
/// T = 5 steps, D the step width, Af the feature-attention width, H the hidden units per
/// direction, At the time-attention width.
struct ModelFlops: Codable {
    /// One step's input work: feature attention Σ_g 2·w_g·Af = 2·D·Af, then both directions'
    /// step encoder 2·D·S (when there is one), input products 2·S·6H (2·D·6H without an encoder).
    var stepInput: Double
    /// The recurrence as counted by the issue: 2 directions × T steps × 2·H·3H.
    var recurrenceNominal: Double
    /// What the recurrence executes: the first step of each direction starts from h = 0, whose
    /// product is skipped, so 2 directions × (T − 1) steps × 2·H·3H. GFLOP/s use this count.
    var recurrence: Double
    /// Attention over time: T × (2·2H·At for the scores + 2·At for u·v + 2·2H for the weighted sum).
    var timeAttention: Double
    /// Σ 2·inputs·outputs over the dense layers and the output layer.
    var head: Double

    init(_ shape: NetworkShape) {
        let T = Double(NetworkInput.steps), D = Double(shape.stepWidth), H = Double(shape.hidden)
        let Af = Double(shape.featureAttentionWidth), At = Double(shape.timeAttentionWidth)
        let S = Double(shape.recurrentInputWidth), encoder = shape.stepDenseWidth > 0 ? 2 * D * S : 0
        stepInput = 2 * D * Af + encoder + 2 * S * 6 * H
        recurrenceNominal = 2 * T * 2 * H * 3 * H
        recurrence = 2 * (T - 1) * 2 * H * 3 * H
        timeAttention = T * (2 * 2 * H * At + 2 * At + 2 * 2 * H)
        var inputs = 2 * shape.hidden, head = 0.0
        for width in shape.denseWidths + [shape.outputWidth] {
            head += 2 * Double(inputs) * Double(width)
            inputs = width
        }
        self.head = head
    }

    /// A served event: one session's input work, then the recurrence, attention and head of its window.
    var servedEvent: Double { stepInput + recurrence + timeAttention + head }
    /// A fully recomputed window: all T steps' input work (padding steps included, as the full pass does them).
    var fullWindow: Double { Double(NetworkInput.steps) * stepInput + recurrence + timeAttention + head }

    enum CodingKeys: String, CodingKey {
        case stepInput = "step_input", recurrenceNominal = "recurrence_nominal", recurrence = "recurrence_executed"
        case timeAttention = "time_attention", head
    }
}

/// A timing loop's figures: the median of the per-call wall-clock times, and the mean time per
/// call of each profiled stage (from `StageTimes`; the remainder is the work between stages).
struct CallTiming {
    var calls: Int
    var medianSeconds: Double
    var meanSeconds: Double
    var stages: [StageTimes.Stage: Double]
}

enum ModelTimer {
    static let warmUpSeconds = 0.3
    static let warmUpCalls = 3

    /// Calls `body(i, times)` for an untimed warm-up (at least 0.3 s and 3 calls), then for about
    /// `seconds` (at least 3 calls), timing each call.
    static func time(seconds: Double, _ body: (Int, StageTimes?) -> Void) -> CallTiming {
        var calls = 0
        let warmUp = ContinuousClock.now
        while calls < warmUpCalls || (ContinuousClock.now - warmUp).seconds < warmUpSeconds {
            body(calls, nil)
            calls += 1
        }
        let times = StageTimes()
        var durations: [Double] = []
        let start = ContinuousClock.now
        while durations.count < 3 || (ContinuousClock.now - start).seconds < seconds {
            let begin = DispatchTime.now().uptimeNanoseconds
            body(calls + durations.count, times)
            durations.append(Double(DispatchTime.now().uptimeNanoseconds - begin) * 1e-9)
        }
        let count = Double(durations.count)
        let stages = Dictionary(uniqueKeysWithValues: StageTimes.Stage.allCases.map { ($0, times[$0] / count) })
            .filter { $0.value > 0 }
        return CallTiming(calls: durations.count, medianSeconds: median(durations),
                          meanSeconds: durations.reduce(0, +) / count, stages: stages)
    }
}

/// OpenBLAS's own speed at a product's shape: C[M, N] = A[M, K] · B[N, K]ᵀ, the layout
/// `BLAS.linear` calls (weights [out, in]), β = 0, on whatever threads OpenBLAS is set to.
enum SgemmProbe {
    struct Figure: Codable {
        var m: Int
        var n: Int
        var k: Int
        var gflops: Double
        var medianSeconds: Double

        enum CodingKeys: String, CodingKey { case m, n, k, gflops, medianSeconds = "median_seconds" }
    }

    static func measure(m: Int, n: Int, k: Int, seconds: Double) -> Figure {
        var random = Xoshiro256(seed: UInt64(m * 1_000_003 + n * 1_009 + k))
        let a = FloatBuffer((0..<(m * k)).map { _ in Float(random.nextUnit() - 0.5) })
        let b = FloatBuffer((0..<(n * k)).map { _ in Float(random.nextUnit() - 0.5) })
        let c = FloatBuffer(count: m * n)
        let timing = ModelTimer.time(seconds: seconds) { _, _ in
            cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, Int32(m), Int32(n), Int32(k), 1, a.pointer, Int32(k),
                        b.pointer, Int32(k), 0, c.pointer, Int32(n))
        }
        return Figure(m: m, n: n, k: k, gflops: 2 * Double(m) * Double(n) * Double(k) / timing.medianSeconds / 1e9,
                      medianSeconds: timing.medianSeconds)
    }
}

/// Our figures for one preset: per batch size, the served path and the full recomputation.
struct ModelFigures {
    struct Batch {
        var batch: Int
        /// One call = `steps` for B new sessions + `predict` for their B windows.
        var served: CallTiming
        /// One call = `NERENetwork.forward` over B windows.
        var full: CallTiming
        /// OpenBLAS at the recurrent product's own shape: M = B, N = 3H, K = H.
        var recurrentSgemm: SgemmProbe.Figure
    }

    var preset: ModelPreset
    var shape: NetworkShape
    var parameters: Int
    var flops: ModelFlops
    var batches: [Batch]
    /// Max |served − full| / max |full| over every window: the two paths must agree.
    var servedDifference: Double
}

/// Measures one workload on the current OpenBLAS thread count.
struct ModelBenchmark {
    let batches: [Int]
    let seconds: Double

    /// Our figures, and the full network's predictions for every window [N, P] (what the
    /// reference must reproduce).
    func measure(_ workload: ModelWorkload, progress: (String) -> Void) -> (ModelFigures, [Float]) {
        let network = workload.network, serving = ServingNetwork(network)
        let lengths = workload.input.lengths, N = workload.windows
        progress("caching steps")
        // Every earlier session's step, as the pipeline's step cache would hold it.
        let everyPosition = (0..<N).flatMap { b in (0..<lengths[b]).map { (window: b, step: $0) } }
        let all = workload.sessions(everyPosition)
        let allSteps = serving.steps(categorical: all.categorical, continuous: all.continuous, content: all.content,
                                     rows: everyPosition.count)
        var cached: [[ServingNetwork.Step]] = []
        var next = 0
        for b in 0..<N {
            cached.append(Array(allSteps[next ..< next + lengths[b]]))
            next += lengths[b]
        }

        progress("checking served against full")
        var expected: [Float] = [], served: [Float] = []
        for rows in stride(from: 0, to: N, by: 256).map({ Array($0 ..< min(N, $0 + 256)) }) {
            expected += network.forward(workload.batch(rows), training: false).predictions
            served += serving.predict(rows.map { cached[$0] }).vectors
        }
        let scale = expected.map(abs).max() ?? 0
        let difference = zip(served, expected).map { Double(abs($0 - $1)) }.max() ?? 0
        let servedDifference = scale > 0 ? difference / Double(scale) : difference

        var figures: [ModelFigures.Batch] = []
        for size in batches {
            let rotation = workload.batchRows(size: size)
            // Served: each window's newest session arrives as the event; the older ones are cached.
            let events = rotation.map { rows in workload.sessions(rows.map { (window: $0, step: lengths[$0] - 1) }) }
            progress("served, batch \(size)")
            let servedTiming = ModelTimer.time(seconds: seconds) { call, times in
                let i = call % rotation.count, event = events[i]
                let fresh = serving.steps(categorical: event.categorical, continuous: event.continuous,
                                          content: event.content, rows: size, times: times)
                var windows: [[ServingNetwork.Step]] = []
                windows.reserveCapacity(size)
                for (row, b) in rotation[i].enumerated() {
                    var window = Array(cached[b].prefix(lengths[b] - 1))
                    window.append(fresh[row])
                    windows.append(window)
                }
                _ = serving.predict(windows, times: times)
            }
            progress("full, batch \(size)")
            let inputs = rotation.map(workload.batch)
            let fullTiming = ModelTimer.time(seconds: seconds) { call, times in
                _ = network.forward(inputs[call % inputs.count], training: false, times: times)
            }
            progress("sgemm at the recurrent shape, batch \(size)")
            let H = workload.shape.hidden
            let sgemm = SgemmProbe.measure(m: size, n: 3 * H, k: H, seconds: min(seconds, 0.5))
            figures.append(.init(batch: size, served: servedTiming, full: fullTiming, recurrentSgemm: sgemm))
        }
        return (ModelFigures(preset: workload.preset, shape: workload.shape, parameters: network.parameterCount,
                             flops: ModelFlops(workload.shape), batches: figures, servedDifference: servedDifference),
                expected)
    }
}

/// What the figures were measured on, for the report's header.
enum BenchMachine {
    /// The CPU model, its logical CPUs and OpenBLAS's build and kernel.
    static var description: String {
        let cpuinfo = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        let model = cpuinfo.split(separator: "\n").first { $0.hasPrefix("model name") }
            .flatMap { $0.split(separator: ":", maxSplits: 1).last }.map { $0.trimmingCharacters(in: .whitespaces) } ?? "unknown CPU"
        let openBLAS = [openblas_get_config(), openblas_get_corename()].compactMap { $0.map { String(cString: $0) } }
        return "\(model), \(ProcessInfo.processInfo.activeProcessorCount) logical CPUs; \(openBLAS.joined(separator: ", kernel "))"
    }

    /// The one-minute load average (Linux), nil elsewhere: above about 0 other work shares the cores.
    static var loadAverage: Double? {
        (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").first.flatMap { Double($0) }
    }
}

extension NERENetwork {
    /// Weights from the network's own initialisation and random batch-norm running statistics
    /// (so the folded affine map is not the identity): what a benchmark times is then a trained
    /// network's cost, whatever it predicts. Returns the generator, for random inputs to follow.
    @discardableResult
    func randomiseForBenchmark(seed: UInt64) -> Xoshiro256 {
        initialise(seed: seed)
        var random = Xoshiro256(seed: seed &+ 1)
        for j in 0..<shape.stepWidth {
            runningMean[j] = Float(random.nextUnit() - 0.5)
            runningVariance[j] = Float(0.5 + random.nextUnit())
        }
        return random
    }
}
