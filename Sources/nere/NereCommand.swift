import ArgumentParser
import Foundation

/// `nere`: the command line of NERE-Stream. Each subcommand lives in its own file.
@main
struct NereCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nere",
        abstract: "Real-time study-set recommendations (NERE) from study-session events.",
        subcommands: [BenchCommand.self, DemoCommand.self, DevBrokerCommand.self, GenerateCommand.self, TrainCommand.self, ReplayCommand.self, EvaluateCommand.self,
                      ProduceCommand.self, RecommendCommand.self, ServeCommand.self, TopicsCommand.self, VectorizeCommand.self, VersionCommand.self])

    /// Errors are one line on standard error, prefixed `nere:`, with a non-zero exit; help
    /// and usage requests print normally.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if code == .success {
                if !message.isEmpty { print(message) }
                Foundation.exit(0)
            }
            let firstLine = message.split(separator: "\n").first.map(String.init) ?? String(describing: error)
            let text = firstLine.hasPrefix("Error: ") ? String(firstLine.dropFirst(7)) : firstLine
            FileHandle.standardError.write(Data("nere: \(text)\n".utf8))
            Foundation.exit(code.rawValue)
        }
    }
}
