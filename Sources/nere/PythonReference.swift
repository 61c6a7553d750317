import Foundation

/// Why a reference row of a benchmark is missing.
struct ReferenceSkipped: Error {
    let reason: String
}

/// A Python interpreter that runs a benchmark's reference script.
struct PythonReference {
    let python: String

    /// Fails with the reason when `python` cannot import `modules`.
    func check(imports modules: [String], hint: String) -> Result<PythonReference, ReferenceSkipped> {
        run(["-c", modules.map { "import \($0)" }.joined(separator: "; ")]).map { _ in self }.mapError { failure in
            ReferenceSkipped(reason: failure.reason.contains("No module named") ? "\(failure.reason) (\(hint))" : failure.reason)
        }
    }

    /// Runs `python arguments…` through `env` (so a bare name is looked up on PATH) and returns its
    /// standard output, or the last line of its standard error as the reason it failed.
    func run(_ arguments: [String]) -> Result<Data, ReferenceSkipped> {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [python] + arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        do {
            try process.run()
        } catch {
            return .failure(ReferenceSkipped(reason: "cannot start \(python): \(error.localizedDescription)"))
        }
        // Read both pipes before waiting so that neither can fill up and block the child.
        nonisolated(unsafe) var stderr = Data()
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) { stderr = err.fileHandleForReading.readDataToEndOfFile() }
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            if process.terminationStatus == 127 { return .failure(ReferenceSkipped(reason: "\(python) not found")) }
            let lastLine = String(decoding: stderr, as: UTF8.self).split(separator: "\n").last.map(String.init)
            return .failure(ReferenceSkipped(reason: "\(python) failed: \(lastLine ?? "exit \(process.terminationStatus)")"))
        }
        return .success(stdout)
    }
}
