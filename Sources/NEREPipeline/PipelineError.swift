/// Errors that stop a run; bad records never do (they go to the dead-letter table).
public enum PipelineError: Error, CustomStringConvertible {
    case cannotRead(String, reason: String)
    case cannotWrite(String)
    case modelNeedsVectors
    case modelVectorsMismatch(model: String, vectors: String)

    public var description: String {
        switch self {
        case .cannotRead(let path, let reason): return "cannot read \(path): \(reason)"
        case .cannotWrite(let path): return "cannot write \(path)"
        case .modelNeedsVectors: return "a model needs the set vectors it was trained with (--vectors)"
        case .modelVectorsMismatch(let model, let vectors):
            return "the model was trained on set vectors \(model), but --vectors holds \(vectors)"
        }
    }
}
