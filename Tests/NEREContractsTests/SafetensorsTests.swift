import Foundation
import Testing
@testable import NEREContracts

struct SafetensorsTests {
    static func fixture(_ name: String) throws -> [UInt8] {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: nil))
        return [UInt8](try Data(contentsOf: url))
    }

    /// A file written by Hugging Face's `safetensors` package (make_safetensors_reference.py).
    @Test func readsTheReferenceImplementationsFile() throws {
        let file = try Safetensors(bytes: Self.fixture("safetensors-reference.safetensors"))
        let words = try #require(file.tensors["word_vectors"])
        #expect(words.shape == [3, 4])
        #expect(words.floats == (0..<12).map { (Float($0) - 5.5) / 4 })
        #expect(file.tensors["counts"]?.int32s == [7, -1, Int32.max])
        #expect(file.metadata == ["format": "reference", "written_by": "safetensors"])
    }

    @Test func roundTripsAndIsDeterministic() throws {
        let original = Safetensors(tensors: ["b": .init([1.5, -2, 3e-8], shape: [3]), "a": .init([Int32(4), 5], shape: [1, 2])],
                                   metadata: ["k": "v"])
        let bytes = original.serialized()
        #expect(bytes == original.serialized())
        let header = bytes.withUnsafeBytes { Int(UInt64(littleEndian: $0.loadUnaligned(as: UInt64.self))) }
        #expect((8 + header) % 8 == 0, "data starts 8-byte aligned")
        let read = try Safetensors(bytes: bytes)
        #expect(read.tensors == original.tensors)
        #expect(read.metadata == original.metadata)
    }

    @Test(arguments: [0, 4, 8, 20, 60])
    func refusesTruncatedFiles(keeping bytes: Int) throws {
        let full = Safetensors(tensors: ["w": .init([Float](repeating: 1, count: 16), shape: [4, 4])]).serialized()
        #expect(throws: Safetensors.FormatError.self) { try Safetensors(bytes: Array(full.prefix(min(bytes, full.count - 1)))) }
    }

    @Test func refusesInconsistentShapes() throws {
        var bytes = Safetensors(tensors: ["w": .init([Float](repeating: 1, count: 4), shape: [4])]).serialized()
        let text = String(decoding: bytes, as: UTF8.self)
        let range = try #require(text.range(of: "[4]"))
        let offset = text.utf8.distance(from: text.startIndex, to: range.lowerBound)
        bytes[offset + 1] = UInt8(ascii: "5")
        #expect(throws: Safetensors.FormatError.self) { try Safetensors(bytes: bytes) }
    }
}
