import Foundation

/// Writes arrays in NumPy's `.npy` format (version 1.0: magic, header length, a Python dict
/// literal padded to 64 bytes, then the raw little-endian values in C order), which the
/// Python references read with `numpy.load`.
enum NumPyFile {
    static func write<Value>(_ values: [Value], shape: [Int], dtype: String, to url: URL) throws {
        precondition(shape.reduce(1, *) == values.count, "shape does not match the values")
        let shapeText = shape.count == 1 ? "(\(shape[0]),)" : "(" + shape.map(String.init).joined(separator: ", ") + ")"
        var header = "{'descr': '\(dtype)', 'fortran_order': False, 'shape': \(shapeText), }"
        let unpadded = 10 + header.utf8.count + 1
        header += String(repeating: " ", count: (64 - unpadded % 64) % 64) + "\n"
        var bytes = Data([0x93] + Array("NUMPY".utf8) + [1, 0])
        withUnsafeBytes(of: UInt16(header.utf8.count).littleEndian) { bytes.append(contentsOf: $0) }
        bytes.append(contentsOf: Array(header.utf8))
        values.withUnsafeBytes { bytes.append(contentsOf: $0) }
        try bytes.write(to: url)
    }
}
