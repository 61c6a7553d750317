import Foundation
import Logging

/// Terminal output for long commands: a progress line on a terminal, nothing otherwise (so
/// logs and CI output stay clean), and swift-log to standard error.
enum Terminal {
    static var isInteractive: Bool { isatty(STDERR_FILENO) == 1 }

    static func bootstrapLogging(level: Logger.Level) -> Logger {
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        return Logger(label: "nere")
    }

    static func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}

/// A one-line progress indicator, redrawn at most ten times a second.
final class ProgressLine {
    private let label: String
    private let enabled = Terminal.isInteractive
    private let started = ContinuousClock.now
    private var lastDrawn = ContinuousClock.now - .seconds(1)

    init(_ label: String) {
        self.label = label
    }

    func update(done: Int, total: Int) {
        update(fraction: total > 0 ? Double(done) / Double(total) : 1, detail: "\(done)/\(total)")
    }

    func update(fraction: Double, detail: String = "") {
        guard enabled, ContinuousClock.now - lastDrawn >= .milliseconds(100) || fraction >= 1 else { return }
        lastDrawn = ContinuousClock.now
        let width = 30
        let filled = Int((min(max(fraction, 0), 1) * Double(width)).rounded(.down))
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
        let elapsed = (ContinuousClock.now - started).components.seconds
        Terminal.write("\r\(label) [\(bar)] \(Int(fraction * 100))% \(detail) \(elapsed)s\u{1B}[K")
    }

    /// A stage without a measurable fraction: its name and the time so far.
    func note(_ stage: String) {
        guard enabled else { return }
        let elapsed = (ContinuousClock.now - started).components.seconds
        Terminal.write("\r\(label): \(stage) \(elapsed)s\u{1B}[K")
    }

    func finish() {
        if enabled { Terminal.write("\r\u{1B}[K") }
    }
}

