import Foundation

/// The safetensors format (Hugging Face): an 8-byte little-endian header length, a JSON
/// header naming each tensor's dtype, shape and byte range, then the raw little-endian data.
/// Chosen by DESIGN §5 for model weights and used for every numeric artifact here, so any
/// safetensors reader (PyTorch, NumPy via `safetensors`) can open them.
public struct Safetensors: Sendable {
    public enum DType: String, Sendable, Codable {
        case f32 = "F32"
        case i32 = "I32"

        var byteWidth: Int { 4 }
    }

    public struct Tensor: Sendable, Equatable {
        public var dtype: DType
        public var shape: [Int]
        /// Little-endian bytes, `shape.product × 4` of them.
        public var bytes: [UInt8]

        public init(_ values: [Float], shape: [Int]) {
            dtype = .f32
            self.shape = shape
            bytes = values.withUnsafeBufferPointer { Array(UnsafeRawBufferPointer($0)) }
        }

        public init(_ values: [Int32], shape: [Int]) {
            dtype = .i32
            self.shape = shape
            bytes = values.withUnsafeBufferPointer { Array(UnsafeRawBufferPointer($0)) }
        }

        public var floats: [Float]? {
            guard dtype == .f32 else { return nil }
            return bytes.withUnsafeBytes { Array($0.bindMemory(to: Float.self)) }
        }

        public var int32s: [Int32]? {
            guard dtype == .i32 else { return nil }
            return bytes.withUnsafeBytes { Array($0.bindMemory(to: Int32.self)) }
        }
    }

    public var tensors: [String: Tensor]
    /// Free-form string pairs stored under `__metadata__`.
    public var metadata: [String: String]

    public init(tensors: [String: Tensor], metadata: [String: String] = [:]) {
        self.tensors = tensors
        self.metadata = metadata
    }

    // MARK: Writing

    /// Tensors are laid out in name order, so the same content is always the same bytes.
    public func serialized() -> [UInt8] {
        var header = JSONWriter()
        var offset = 0
        var data: [UInt8] = []
        header.object { w in
            if !metadata.isEmpty {
                w.key("__metadata__")
                w.object { w in
                    for (key, value) in metadata.sorted(by: { $0.key < $1.key }) {
                        w.dynamicKey(key)
                        w.string(value)
                    }
                }
            }
            for (name, tensor) in tensors.sorted(by: { $0.key < $1.key }) {
                w.dynamicKey(name)
                w.object { w in
                    w.member("dtype", tensor.dtype.rawValue)
                    w.key("shape")
                    w.array(tensor.shape) { w, dimension in w.number(dimension) }
                    w.key("data_offsets")
                    w.array([offset, offset + tensor.bytes.count]) { w, value in w.number(value) }
                }
                data += tensor.bytes
                offset += tensor.bytes.count
            }
        }
        var headerBytes = header.bytes
        // Pad the header with spaces so the data starts 8-byte aligned, as the format allows.
        while headerBytes.count % 8 != 0 { headerBytes.append(UInt8(ascii: " ")) }
        var length = UInt64(headerBytes.count).littleEndian
        return withUnsafeBytes(of: &length) { Array($0) } + headerBytes + data
    }

    // MARK: Reading

    public struct FormatError: Error, CustomStringConvertible {
        public var description: String
    }

    public init(bytes: [UInt8]) throws(FormatError) {
        guard bytes.count >= 8 else { throw FormatError(description: "file is shorter than the 8-byte header length") }
        let headerLength = bytes.withUnsafeBytes { UInt64(littleEndian: $0.loadUnaligned(as: UInt64.self)) }
        guard headerLength <= UInt64(bytes.count - 8), headerLength <= 100_000_000 else {
            throw FormatError(description: "header length \(headerLength) exceeds the file (\(bytes.count) bytes): truncated?")
        }
        let dataStart = 8 + Int(headerLength)
        let header: [String: HeaderEntry]
        do {
            header = try JSONDecoder().decode([String: HeaderEntry].self, from: Data(bytes[8..<dataStart]))
        } catch {
            throw FormatError(description: "header is not valid safetensors JSON")
        }
        var tensors: [String: Tensor] = [:]
        var metadata: [String: String] = [:]
        for (name, entry) in header {
            switch entry {
            case .metadata(let values):
                metadata = values
            case .tensor(let dtype, let shape, let begin, let end):
                guard let type = DType(rawValue: dtype) else {
                    throw FormatError(description: "tensor \(name) has unsupported dtype \(dtype)")
                }
                let elements = shape.reduce(1, *)
                guard shape.allSatisfy({ $0 >= 0 }), begin >= 0, end >= begin, end - begin == elements * type.byteWidth,
                      dataStart + end <= bytes.count
                else {
                    throw FormatError(description: "tensor \(name) has inconsistent shape \(shape) and offsets \(begin)…\(end) "
                                      + "for \(bytes.count - dataStart) data bytes: truncated or corrupt")
                }
                tensors[name] = Tensor(dtype: type, shape: shape, bytes: Array(bytes[(dataStart + begin)..<(dataStart + end)]))
            }
        }
        self.init(tensors: tensors, metadata: metadata)
    }

    private enum HeaderEntry: Decodable {
        case metadata([String: String])
        case tensor(dtype: String, shape: [Int], begin: Int, end: Int)

        enum CodingKeys: String, CodingKey {
            case dtype, shape, dataOffsets = "data_offsets"
        }

        init(from decoder: any Decoder) throws {
            if let values = try? decoder.singleValueContainer().decode([String: String].self) {
                self = .metadata(values)
                return
            }
            let c = try decoder.container(keyedBy: CodingKeys.self)
            let offsets = try c.decode([Int].self, forKey: .dataOffsets)
            guard offsets.count == 2 else {
                throw DecodingError.dataCorruptedError(forKey: .dataOffsets, in: c, debugDescription: "two offsets expected")
            }
            self = .tensor(dtype: try c.decode(String.self, forKey: .dtype), shape: try c.decode([Int].self, forKey: .shape),
                           begin: offsets[0], end: offsets[1])
        }
    }
}

extension Safetensors.Tensor {
    init(dtype: Safetensors.DType, shape: [Int], bytes: [UInt8]) {
        self.dtype = dtype
        self.shape = shape
        self.bytes = bytes
    }
}
