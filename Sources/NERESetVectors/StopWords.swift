import Foundation

/// Stop-word lists by language, compared after folding (`TextNormalizer`), so "à" is "a" and
/// "über" is "uber". `standard` holds one list per `StopWords/<language>.txt` resource; adding a
/// language is adding a file.
public struct StopWords: Sendable {
    public static let standard = StopWords(lists: standardLists)
    /// The `StopWords/*.txt` resources by language, as written.
    static let standardLists = lists(in: Bundle.module)
    public static let none = StopWords(lists: [:])

    /// Each word maps to the set of languages (one bit each) whose list holds it, so a token is
    /// checked against any choice of lists with one lookup.
    private let words: [String: UInt64]
    private let bits: [String: UInt64]
    private let allLanguages: UInt64
    /// Tokens longer than any stop word, or non-ASCII when every stop word is ASCII, skip the
    /// hash lookup: hashing a non-ASCII Swift string normalises it, which is slow.
    private let longestWordBytes: Int
    private let hasNonASCIIWords: Bool

    /// `lists` maps a language code ("en", "fr") to its words, which are folded here.
    public init(lists: [String: [String]]) {
        precondition(lists.count <= UInt64.bitWidth, "at most \(UInt64.bitWidth) languages")
        var words: [String: UInt64] = [:]
        var bits: [String: UInt64] = [:]
        for (position, language) in lists.keys.sorted().enumerated() {
            let bit = UInt64(1) << position
            bits[Self.normalized(language)] = bit
            for word in lists[language] ?? [] { words[TextNormalizer.fold(word), default: 0] |= bit }
        }
        self.words = words
        self.bits = bits
        allLanguages = bits.values.reduce(0, |)
        longestWordBytes = words.keys.map(\.utf8.count).max() ?? 0
        hasNonASCIIWords = words.keys.contains { $0.utf8.contains { $0 >= 0x80 } }
    }

    public var languages: [String] { bits.keys.sorted() }

    /// Whether any list holds `token`, a folded word.
    public func contains(_ token: String) -> Bool {
        contains(token, mask: allLanguages)
    }

    /// Whether the list of `language` holds `token`; every list when that language has none or
    /// is nil, since the text may then be in any of them.
    public func contains(_ token: String, language: String?) -> Bool {
        contains(token, mask: mask(for: language))
    }

    func mask(for language: String?) -> UInt64 {
        language.flatMap { bits[Self.normalized($0)] } ?? allLanguages
    }

    /// `mask` selects the lists (`mask(for:)`); `isNonASCII` lets the tokenizer, which knows,
    /// skip the lookup.
    func contains(_ token: String, mask: UInt64, isNonASCII: Bool = false) -> Bool {
        (hasNonASCIIWords || !isNonASCII) && token.utf8.count <= longestWordBytes && (words[token] ?? 0) & mask != 0
    }

    /// "fr-CA", "FR" and "fr_FR" all pick the French list.
    private static func normalized(_ language: String) -> String {
        let primary = language.split(whereSeparator: { $0 == "-" || $0 == "_" }).first ?? ""
        return primary.trimmingCharacters(in: .whitespaces).lowercased()
    }

    /// One word per line; blank lines and lines starting with "#" (the list's provenance) are skipped.
    private static func words(inList text: String) -> [String] {
        text.split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") }
    }

    /// The lists ship inside the module, so a missing or unreadable one is a packaging bug.
    private static func lists(in bundle: Bundle) -> [String: [String]] {
        guard let directory = bundle.url(forResource: "StopWords", withExtension: nil)?.resolvingSymlinksInPath(),
              let files = try? FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
        else { preconditionFailure("the StopWords resource directory is missing from \(bundle.bundlePath)") }
        var lists: [String: [String]] = [:]
        for file in files where file.pathExtension == "txt" {
            guard let text = try? String(contentsOf: file, encoding: .utf8) else {
                preconditionFailure("cannot read the stop-word list \(file.path)")
            }
            lists[file.deletingPathExtension().lastPathComponent] = words(inList: text)
        }
        return lists
    }
}
