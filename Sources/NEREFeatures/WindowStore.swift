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
        // Mutated in place: copying the window out and back would copy its sessions each time.
        // A window is only ever created by a session it accepts (duplicates and stale sessions
        // need an existing window), so the default never leaves an empty window behind.
        func apply(_ window: inout SessionWindow) -> (SessionWindow.Change, SessionWindow) {
            let change = window.apply(entry)
            if change.changedWindow { window.lastApplied = origin }
            return (change, window)
        }
        let (change, window) = apply(&windows[key, default: SessionWindow(key: key)])
        if change.changedWindow { dirty.insert(key) }
        return (change, window)
    }

    /// Puts back a window read from the cache or the changelog. A window restored from the
    /// changelog is newer than the cache's copy, so it is marked for the next commit.
    public mutating func restore(_ window: SessionWindow, markDirty: Bool = false) {
        windows[window.key] = window
        if markDirty { dirty.insert(window.key) }
    }

    /// Forgets the windows another consumer now owns (a revoked partition); returns how many.
    @discardableResult
    public mutating func remove(where isReleased: (SessionWindow) -> Bool) -> Int {
        let released = windows.values.filter(isReleased).map(\.key)
        for key in released {
            windows[key] = nil
            dirty.remove(key)
        }
        return released.count
    }

    /// The windows changed since the last call, in key order so commits are deterministic.
    public mutating func takeDirty() -> [SessionWindow] {
        defer { dirty.removeAll(keepingCapacity: true) }
        return dirty.sorted().compactMap { windows[$0] }
    }
}
