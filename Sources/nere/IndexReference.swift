import Foundation
import NEREIndex

/// hnswlib and pynndescent on the same vectors, queries and exact answers as ours, through
/// `Tests/Benchmarks/index_reference.py` (its docstring says what it measures and how).
struct IndexReference {
    struct Library: Decodable {
        struct Search: Decodable {
            var width: Double
            var parameter: String
            var recall: Double
            var queriesPerSecond: Double

            enum CodingKeys: String, CodingKey {
                case width, parameter, recall, queriesPerSecond = "queries_per_second"
            }
        }

        var name: String
        var version: String
        var buildSeconds: Double
        var memoryBytes: Int
        var searches: [Search]

        enum CodingKeys: String, CodingKey {
            case name, version, buildSeconds = "build_seconds", memoryBytes = "memory_bytes", searches
        }
    }

    let python: PythonReference
    let script: String
    let buildThreads: Int

    func run(_ dataset: IndexDataset, truth: [[IndexRow]], k: Int, scratch: URL) -> Result<[Library], ReferenceSkipped> {
        let directory = scratch.appendingPathComponent(dataset.name)
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let d = dataset.dimensions
            try NumPyFile.write(dataset.base, shape: [dataset.rows, d], dtype: "<f4", to: directory.appendingPathComponent("base.npy"))
            try NumPyFile.write(dataset.queries, shape: [dataset.queryCount, d], dtype: "<f4",
                                to: directory.appendingPathComponent("queries.npy"))
            try NumPyFile.write(truth.flatMap { $0.map { Int32($0) } }, shape: [truth.count, k], dtype: "<i4",
                                to: directory.appendingPathComponent("truth.npy"))
        } catch {
            return .failure(ReferenceSkipped(reason: "cannot write the reference's input: \(error.localizedDescription)"))
        }
        defer { try? FileManager.default.removeItem(at: directory) }
        return python.run([script, "--data", directory.path, "--k", String(k), "--build-threads", String(buildThreads)])
            .flatMap { stdout in
                struct Output: Decodable { var libraries: [Library] }
                guard let output = try? JSONDecoder().decode(Output.self, from: stdout) else {
                    return .failure(ReferenceSkipped(reason: "the reference printed no figures"))
                }
                return .success(output.libraries)
            }
    }
}
