import Synchronization

/// How the outside (signals, tests) steers a running service: SIGTERM asks it to drain and
/// stop, SIGHUP to swap in the model at the configured path. Both take effect between batches.
public final class ServiceControl: Sendable {
    private struct Requests {
        var stop = false
        var modelReload = false
    }

    private let requests = Mutex(Requests())
    /// The HTTP port once listening (useful with `http.listen: 127.0.0.1:0`).
    private let boundPort = Mutex<UInt16?>(nil)

    public init() {}

    public func requestStop() { requests.withLock { $0.stop = true } }
    public func requestModelReload() { requests.withLock { $0.modelReload = true } }

    var isStopRequested: Bool { requests.withLock { $0.stop } }

    func takeModelReloadRequest() -> Bool {
        requests.withLock { requests in
            defer { requests.modelReload = false }
            return requests.modelReload
        }
    }

    public var httpPort: UInt16? { boundPort.withLock { $0 } }
    func listening(on port: UInt16) { boundPort.withLock { $0 = port } }
}
