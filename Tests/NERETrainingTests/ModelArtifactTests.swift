import Foundation
import Testing
import NEREContracts
import NEREModel
import NERETraining

/// The model directory written and read back, and refused when damaged. The network is only
/// initialised, not trained: persistence does not care where the weights came from.
struct ModelArtifactTests {
    static let created = Timestamp(rfc3339: "2026-03-01T12:00:00Z")!

    static func artifact() throws -> (ModelArtifact, TrainingExamples) {
        let examples = try CycleFixture.examples()
        let network = CycleFixture.network(for: examples)
        network.initialise(seed: 9)
        var random = Xoshiro256(seed: 4)
        for j in 0..<network.shape.stepWidth {
            network.runningMean[j] = Float(random.nextUnit() - 0.5)
            network.runningVariance[j] = Float(0.5 + random.nextUnit())
        }
        let confidence = ConfidenceModel(weights: [-1, 2, 0, 0.1, 0.2, 0.3, 0.4], items: 100, expectedCalibrationError: 0.02)
        let artifact = ModelArtifact(network: network, preset: nil, featureSpace: examples.featureSpace,
                                     validationStart: examples.split.validationStart, testStart: examples.split.testStart,
                                     vectorsVersion: "sv-0123456789abcdef", metrics: ["validation_r2": 0.5],
                                     confidence: confidence, createdAt: created)
        return (artifact, examples)
    }

    static func directory() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("nere-model-\(UUID().uuidString)")
    }

    /// A written model directory, removed after `body`.
    static func written(_ body: (URL) throws -> Void) throws {
        var (artifact, _) = try artifact()
        let directory = directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try artifact.write(to: directory)
        try body(directory)
    }

    static func loadError(_ directory: URL) throws -> String {
        try #require(throws: ModelArtifact.LoadError.self) { try ModelArtifact.load(from: directory) }.description
    }

    /// Rewrites the tensor file with `change` applied to its tensors.
    static func editTensors(in directory: URL, _ change: (inout [String: Safetensors.Tensor]) -> Void) throws {
        let url = directory.appendingPathComponent(ModelArtifact.tensorsFile)
        var file = try Safetensors(bytes: [UInt8](try Data(contentsOf: url)))
        change(&file.tensors)
        try Data(file.serialized()).write(to: url)
    }

    /// Rewrites `model.json` with `change` applied to its top-level object.
    static func editDescription(in directory: URL, _ change: (inout [String: Any]) -> Void) throws {
        let url = directory.appendingPathComponent(ModelArtifact.descriptionFile)
        var object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        change(&object)
        try JSONSerialization.data(withJSONObject: object).write(to: url)
    }

    @Test func roundTripKeepsPredictionsAndVersion() throws {
        var (artifact, examples) = try Self.artifact()
        let directory = Self.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let version = try artifact.write(to: directory)
        #expect(version.hasPrefix("nm-") && version == artifact.versionID)

        var loaded = try ModelArtifact.load(from: directory)
        #expect(loaded.versionID == version)
        #expect(loaded.featureSpace == artifact.featureSpace)
        #expect(loaded.split == examples.split)
        #expect(loaded.vectorsVersion == artifact.vectorsVersion)
        #expect(loaded.confidence == artifact.confidence)
        #expect(loaded.metrics == artifact.metrics)
        #expect(loaded.createdAt == artifact.createdAt)
        #expect(loaded.network.categoricalNames == artifact.network.categoricalNames)
        let (input, _) = examples.input(for: examples.test)
        #expect(loaded.network.forward(input, training: false).predictions
                == artifact.network.forward(input, training: false).predictions)

        // Neither the metrics nor the creation time are part of the model's identity.
        loaded.metrics["test_r2"] = 0.4
        loaded.createdAt = Self.created.adding(seconds: 60)
        let again = Self.directory()
        defer { try? FileManager.default.removeItem(at: again) }
        let rewritten = try loaded.write(to: again)
        #expect(rewritten == version)
        loaded.vectorsVersion = "sv-fedcba9876543210"
        let retargeted = try loaded.write(to: again)
        #expect(retargeted != version)
    }

    @Test func refusesAMissingDirectory() throws {
        let message = try Self.loadError(Self.directory())
        #expect(message.contains("no model directory"))
    }

    @Test func refusesATruncatedTensorFile() throws {
        try Self.written { directory in
            let url = directory.appendingPathComponent(ModelArtifact.tensorsFile)
            let bytes = try Data(contentsOf: url)
            try bytes.prefix(bytes.count * 2 / 3).write(to: url)
            let message = try Self.loadError(directory)
            #expect(message.contains(ModelArtifact.tensorsFile) && message.contains("truncated"), "\(message)")
        }
    }

    @Test func refusesAChangedWeight() throws {
        try Self.written { directory in
            let url = directory.appendingPathComponent(ModelArtifact.tensorsFile)
            var bytes = try Data(contentsOf: url)
            bytes[bytes.count - 4] ^= 0x01  // the lowest mantissa bit of the last value
            try bytes.write(to: url)
            let message = try Self.loadError(directory)
            #expect(message.contains("do not belong together, or one is damaged"), "\(message)")
        }
    }

    @Test func refusesAMissingTensor() throws {
        try Self.written { directory in
            try Self.editTensors(in: directory) { $0["time_attention.context"] = nil }
            #expect(try Self.loadError(directory).contains("tensor time_attention.context is missing"))
        }
    }

    @Test func refusesATensorOfTheWrongShapeOrType() throws {
        try Self.written { directory in
            try Self.editTensors(in: directory) { $0["output.bias"] = Safetensors.Tensor([Float](repeating: 0, count: 5), shape: [5]) }
            #expect(try Self.loadError(directory).contains("tensor output.bias has shape [5], but the network described in "
                                                           + "model.json needs [6]"))
        }
        try Self.written { directory in
            try Self.editTensors(in: directory) { $0["output.bias"] = Safetensors.Tensor([Int32](repeating: 0, count: 6), shape: [6]) }
            #expect(try Self.loadError(directory).contains("tensor output.bias is I32, expected F32"))
        }
    }

    @Test func refusesWeightsThatAreNotFinite() throws {
        try Self.written { directory in
            try Self.editTensors(in: directory) { $0["output.bias"] = Safetensors.Tensor([1, 2, .nan, 4, 5, 6], shape: [6]) }
            #expect(try Self.loadError(directory).contains("tensor output.bias holds values that are not finite"))
        }
    }

    @Test func refusesAShapeThatDoesNotFitTheFeatureSpace() throws {
        try Self.written { directory in
            try Self.editDescription(in: directory) { object in
                var shape = object["shape"] as! [String: Any]
                var sizes = shape["vocabularySizes"] as! [Int]
                sizes[0] += 1
                shape["vocabularySizes"] = sizes
                object["shape"] = shape
            }
            let message = try Self.loadError(directory)
            #expect(message.contains("vocabulary sizes") && message.contains("differ from the feature space's"), "\(message)")
        }
    }

    @Test func refusesAnUnknownFormatVersion() throws {
        try Self.written { directory in
            try Self.editDescription(in: directory) { $0["format_version"] = 2 }
            #expect(try Self.loadError(directory).contains("format nere-model v2, expected nere-model v1"))
        }
    }
}
