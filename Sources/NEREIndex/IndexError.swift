/// Why a vector was not indexed or an index file was not loaded.
public struct IndexError: Error, CustomStringConvertible, Equatable {
    public var description: String

    init(_ description: String) {
        self.description = description
    }
}
