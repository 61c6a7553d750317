import NEREContracts

/// All windows of the sessions this process has consumed, and which of them changed since
/// the last commit (only those are written to the cache and the changelog).
public struct WindowStore: Sendable {
    public private(set) var windows: [WindowKey: SessionWindow] = [:]
    private var dirty: Set<WindowKey> = []

    public init() {}

    public var count: Int { windows.count }

    public subscript(key: WindowKey) -> SessionWindow? { windows[key] }

    /// Places `entry` in its window and returns the change and the window after it.
    public mutating func apply(_ entry: WindowSession, key: WindowKey, origin: EventOrigin) -> (SessionWindow.Change, SessionWindow) {
        var window = windows[key] ?? SessionWindow(key: key)
        let change = window.apply(entry)
        if change.changedWindow {
            window.lastApplied = origin
            windows[key] = window
            dirty.insert(key)
        }
        return (change, window)
    }

    /// Puts back a window read from the cache or the changelog.
    public mutating func restore(_ window: SessionWindow) {
        windows[window.key] = window
    }

    /// The windows changed since the last call, in key order so commits are deterministic.
    public mutating func takeDirty() -> [SessionWindow] {
        defer { dirty.removeAll(keepingCapacity: true) }
        return dirty.sorted().compactMap { windows[$0] }
    }
}
