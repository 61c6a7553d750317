import NEREContracts

extension NERENetwork {
    static let runningMeanTensor = "input_norm.running_mean"
    static let runningVarianceTensor = "input_norm.running_var"

    /// Everything that fixes the network's predictions as safetensors any reader (PyTorch's
    /// `safetensors`, `Tests/Benchmarks/model_reference.py`) can load: every learned tensor
    /// under its own name, the batch-norm running statistics, and metadata `shape` (the
    /// NetworkShape as JSON) and `features` (the embedding tables' names, in order), plus
    /// `metadata`.
    public func weightsFile(metadata: [String: String] = [:]) -> Safetensors {
        var tensors: [String: Safetensors.Tensor] = [:]
        for entry in parameters.entries {
            tensors[entry.name] = Safetensors.Tensor(parameters.tensor(entry), shape: entry.shape)
        }
        tensors[Self.runningMeanTensor] = Safetensors.Tensor(runningMean.array, shape: [shape.stepWidth])
        tensors[Self.runningVarianceTensor] = Safetensors.Tensor(runningVariance.array, shape: [shape.stepWidth])
        let described = ["shape": PayloadEncoding.jsonText(shape), "features": PayloadEncoding.jsonText(categoricalNames)]
        return Safetensors(tensors: tensors, metadata: described.merging(metadata) { first, _ in first })
    }
}
