import Foundation

/// Writes a whole file so that readers and crashes see the old contents or the new, never a
/// mix: the bytes go to a hidden partial file beside the destination, which `rename(2)` then
/// puts in its place in one step.
public enum AtomicFile {
    public static func write(_ data: Data, to url: URL) throws {
        let partial = url.deletingLastPathComponent().appendingPathComponent("." + url.lastPathComponent + ".partial")
        try data.write(to: partial)
        guard rename(partial.path, url.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: partial)
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path, NSLocalizedDescriptionKey: "cannot replace \(url.path): \(reason)"])
        }
    }
}
