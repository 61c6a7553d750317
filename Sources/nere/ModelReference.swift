import Foundation
import NEREContracts
import NEREModel

/// The same network and windows in PyTorch through `Tests/Benchmarks/model_reference.py` (its
/// docstring says what it times and how): our weights and running statistics in one
/// safetensors file, the windows and our predictions in another.
struct ModelReference {
    struct Output: Decodable {
        struct Batch: Decodable {
            var batch: Int
            var usPerWindow: Double
            var windowsPerSecond: Double

            enum CodingKeys: String, CodingKey {
                case batch, usPerWindow = "us_per_window", windowsPerSecond = "windows_per_second"
            }
        }

        var torchVersion: String
        var threads: Int
        /// max |theirs − ours| / max |ours| over every window.
        var maxRelativeDifference: Double
        var batches: [Batch]

        enum CodingKeys: String, CodingKey {
            case torchVersion = "torch_version", threads, maxRelativeDifference = "max_relative_difference", batches
        }
    }

    /// The largest relative difference the predictions may show (the script's own tolerance).
    static let tolerance = 1e-3

    let python: PythonReference
    let script: String

    /// The script's figures. A parity failure still yields them (the script writes its JSON
    /// before exiting 1); the caller checks `maxRelativeDifference` against `tolerance`.
    func run(_ workload: ModelWorkload, expected: [Float], batches: [Int], seconds: Double,
             scratch: URL) -> Result<Output, ReferenceSkipped> {
        let directory = scratch.appendingPathComponent("model-\(workload.preset.rawValue)")
        let weights = directory.appendingPathComponent("weights.safetensors")
        let inputs = directory.appendingPathComponent("inputs.safetensors")
        let out = directory.appendingPathComponent("reference.json")
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try Data(workload.network.weightsFile().serialized()).write(to: weights)
            try Data(Self.inputs(workload, expected: expected).serialized()).write(to: inputs)
        } catch {
            return .failure(ReferenceSkipped(reason: "cannot write the reference's input: \(error.localizedDescription)"))
        }
        defer { try? FileManager.default.removeItem(at: directory) }
        let status = python.run([script, "--weights", weights.path, "--inputs", inputs.path,
                                 "--batches", batches.map(String.init).joined(separator: ","),
                                 "--seconds", String(seconds), "--out", out.path])
        if let data = try? Data(contentsOf: out), let output = try? JSONDecoder().decode(Output.self, from: data) {
            return .success(output)
        }
        return status.flatMap { _ in .failure(ReferenceSkipped(reason: "the reference wrote no figures")) }
    }

    static func inputs(_ workload: ModelWorkload, expected: [Float]) -> Safetensors {
        let N = workload.windows, T = NetworkInput.steps, shape = workload.shape
        return Safetensors(tensors: [
            "input.categorical": .init(workload.input.categorical, shape: [N, T, shape.categoricalCount]),
            "input.continuous": .init(workload.input.continuous, shape: [N, T, shape.continuousCount]),
            "input.content": .init(workload.input.content, shape: [N, T, shape.contentWidth]),
            "input.lengths": .init(workload.input.lengths.map { Int32($0) }, shape: [N]),
            "expected.prediction": .init(expected, shape: [N, shape.outputWidth]),
        ])
    }
}
