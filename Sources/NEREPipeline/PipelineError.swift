/// Errors that stop a run; bad records never do (they go to the dead-letter table).
public enum PipelineError: Error, CustomStringConvertible {
    case cannotRead(String, reason: String)
    case cannotWrite(String)

    public var description: String {
        switch self {
        case .cannotRead(let path, let reason): return "cannot read \(path): \(reason)"
        case .cannotWrite(let path): return "cannot write \(path)"
        }
    }
}
