import Dispatch
import Foundation
import Synchronization

/// Signal handlers on dispatch sources, kept alive for the life of the process: the
/// long-running commands (`serve`, `dev-broker`) stop cleanly on SIGTERM or SIGINT.
enum Signals {
    nonisolated(unsafe) private static var sources: [any DispatchSourceSignal] = []

    static func on(_ numbers: [Int32], _ handler: @escaping @Sendable () -> Void) {
        for number in numbers {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler(handler: handler)
            source.resume()
            sources.append(source)
        }
    }

    /// Suspends until SIGINT or SIGTERM arrives.
    static func untilInterrupted() async {
        let waiting = Mutex<CheckedContinuation<Void, Never>?>(nil)
        await withCheckedContinuation { continuation in
            waiting.withLock { $0 = continuation }
            on([SIGINT, SIGTERM]) { waiting.withLock { $0.take() }?.resume() }
        }
    }
}
