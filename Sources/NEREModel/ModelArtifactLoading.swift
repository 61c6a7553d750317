import Foundation
import NEREContracts
import NEREFeatures

extension ModelArtifact {
    /// Why a model directory was refused; the description names the file and what is wrong.
    public struct LoadError: Error, CustomStringConvertible {
        public var description: String

        init(_ file: URL, _ problem: String) {
            description = "\(file.path): \(problem)"
        }
    }

    /// Reads and checks both files: the description's format and version, its shape against
    /// its feature space, its split's order, the tensor file's own shape and feature names
    /// against the description's, every tensor's presence, dtype, shape and finiteness (and no
    /// tensor more), and last the version id, which catches any other change to either file.
    public static func load(from directory: URL) throws(LoadError) -> ModelArtifact {
        let descriptionURL = directory.appendingPathComponent(descriptionFile)
        let tensorsURL = directory.appendingPathComponent(tensorsFile)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw LoadError(directory, "no model directory there")
        }
        let description = try readDescription(descriptionURL)
        let bytes: [UInt8]
        do {
            bytes = [UInt8](try Data(contentsOf: tensorsURL))
        } catch {
            throw LoadError(tensorsURL, "cannot read (\(error.localizedDescription))")
        }
        let file: Safetensors
        do {
            file = try Safetensors(bytes: bytes)
        } catch {
            throw LoadError(tensorsURL, "not a safetensors file: \(error)")
        }
        let shape = description.shape, features = description.features
        let storedShape = file.metadata["shape"].flatMap { try? JSONDecoder().decode(NetworkShape.self, from: Data($0.utf8)) }
        let storedFeatures = file.metadata["features"].flatMap { try? JSONDecoder().decode([String].self, from: Data($0.utf8)) }
        guard storedShape == shape, storedFeatures == features else {
            throw LoadError(tensorsURL, "holds a network of shape \(file.metadata["shape"] ?? "(none)") and features "
                            + "\(file.metadata["features"] ?? "(none)"), but \(descriptionFile) describes "
                            + "\(PayloadEncoding.jsonText(shape)) and \(PayloadEncoding.jsonText(features)): the files "
                            + "do not belong together")
        }

        let network = NERENetwork(shape: shape, categoricalNames: features)
        func values(_ name: String, shape expected: [Int]) throws(LoadError) -> [Float] {
            guard let tensor = file.tensors[name] else {
                throw LoadError(tensorsURL, "tensor \(name) is missing")
            }
            guard let values = tensor.floats else {
                throw LoadError(tensorsURL, "tensor \(name) is \(tensor.dtype.rawValue), expected F32")
            }
            guard tensor.shape == expected else {
                throw LoadError(tensorsURL, "tensor \(name) has shape \(tensor.shape), but the network described in "
                                + "\(descriptionFile) needs \(expected)")
            }
            guard values.allSatisfy(\.isFinite) else {
                throw LoadError(tensorsURL, "tensor \(name) holds values that are not finite")
            }
            return values
        }
        for entry in network.parameters.entries {
            network.parameters.set(entry, to: try values(entry.name, shape: entry.shape))
        }
        let width = shape.stepWidth
        let mean = try values(NERENetwork.runningMeanTensor, shape: [width]),
            variance = try values(NERENetwork.runningVarianceTensor, shape: [width])
        for j in 0..<width {
            network.runningMean[j] = mean[j]
            network.runningVariance[j] = variance[j]
        }
        let known = Set(network.parameters.entries.map(\.name) + [NERENetwork.runningMeanTensor, NERENetwork.runningVarianceTensor])
        let unknown = file.tensors.keys.filter { !known.contains($0) }.sorted()
        guard unknown.isEmpty else {
            throw LoadError(tensorsURL, "holds tensors the network described in \(descriptionFile) has no place for: "
                            + unknown.joined(separator: ", "))
        }

        let actualID = versionID(tensors: bytes, identity: description.identity)
        guard actualID == description.versionID else {
            throw LoadError(directory, "\(tensorsFile) with \(descriptionFile) is model \(actualID), but "
                            + "\(descriptionFile) says \(description.versionID): the files do not belong together, or one "
                            + "is damaged")
        }
        var artifact = ModelArtifact(network: network, preset: description.preset, featureSpace: description.featureSpace,
                                     validationStart: description.split.validationStart,
                                     testStart: description.split.testStart, vectorsVersion: description.vectorsVersion,
                                     metrics: description.metrics, confidence: description.confidence,
                                     createdAt: description.createdAt)
        artifact.versionID = description.versionID
        return artifact
    }

    /// The description, refused unless it is this format and version, its shape is one a
    /// network can be built from and fits its feature space, and its split is in order.
    private static func readDescription(_ url: URL) throws(LoadError) -> Description {
        let json: Data
        do {
            json = try Data(contentsOf: url)
        } catch {
            throw LoadError(url, "cannot read (\(error.localizedDescription))")
        }
        let header: Header
        do {
            header = try JSONDecoder().decode(Header.self, from: json)
        } catch {
            throw LoadError(url, "not a model description (\(describe(error)))")
        }
        guard header.format == format, header.formatVersion == formatVersion else {
            throw LoadError(url, "format \(header.format) v\(header.formatVersion), expected \(format) v\(formatVersion)")
        }
        let description: Description
        do {
            description = try JSONDecoder().decode(Description.self, from: json)
        } catch {
            throw LoadError(url, describe(error))
        }
        let shape = description.shape
        guard ([shape.embeddingWidth, shape.contentWidth, shape.featureAttentionWidth, shape.hidden,
                shape.timeAttentionWidth, shape.outputWidth] + shape.vocabularySizes + shape.denseWidths).allSatisfy({ $0 > 0 }),
              shape.continuousCount >= 0, shape.stepDenseWidth >= 0
        else {
            throw LoadError(url, "shape \(PayloadEncoding.jsonText(shape)) has a width that is not positive")
        }
        if let problem = mismatch(shape, features: description.features, description.featureSpace) {
            throw LoadError(url, problem)
        }
        guard description.split.validationStart <= description.split.testStart else {
            throw LoadError(url, "the split's validation_start \(description.split.validationStart) is after its test_start "
                            + "\(description.split.testStart)")
        }
        return description
    }

    private static func describe(_ error: any Error) -> String {
        switch error as? DecodingError {
        case .keyNotFound(let key, let context):
            return "\((context.codingPath + [key]).jsonPath) is missing"
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            let path = context.codingPath.jsonPath
            return path.isEmpty ? context.debugDescription : "\(path): \(context.debugDescription)"
        default:
            return String(describing: error)
        }
    }
}
