import Foundation
import NEREContracts

/// Turns set text into the words that GloVe and the tf-idf weights see (DESIGN §4): folded
/// (`TextNormalizer`), split at every scalar that is not a letter, digit or kept mark (so
/// punctuation, apostrophes, emoji and spaces all separate words, and each Han ideograph is a
/// word of its own), without stop words.
///
/// Stop words come from the lists of the text's language, not from all lists at once: "an" is an
/// English article but a French noun ("un an", a year), "war" a German verb but an English noun,
/// "sea" a Spanish verb. A text whose language has no list (or is not given) gets every list,
/// since it may be written in any of them. A text made of nothing but stop words keeps them: on
/// a flashcard such a text is what is being studied ("je suis", "to be or not to be", the
/// question words of the paper's example), and removing it would leave grammar sets without
/// content.
///
/// Tokens shorter than `minimumTokenLength` Unicode scalars are dropped when they contain a cased
/// letter: in cased alphabets a lone letter is elision or possessive debris ("l'école",
/// "John's") or an initial. Numbers, ideographs, kana and Hangul syllables are kept at any
/// length, because there one character is often a whole word ("7", "水", "물").
public struct Tokenizer: Sendable {
    public let stopWords: StopWords
    public let minimumTokenLength: Int

    public init(stopWords: StopWords = .standard, minimumTokenLength: Int = 2) {
        precondition(minimumTokenLength >= 1, "a token has at least one scalar")
        self.stopWords = stopWords
        self.minimumTokenLength = minimumTokenLength
    }

    /// `language` is an ISO 639 code such as "fr" or "fr-CA"; nil when unknown.
    public func tokens(_ text: String, language: String? = nil) -> [String] {
        var scanner = TokenScanner(tokenizer: self)
        scanner.scan(text, stopWords: stopWords.mask(for: language))
        return scanner.tokens
    }

    /// Terms and definitions card by card, so a term sits next to its translation in GloVe's
    /// context window. The title is left out, as in the paper: titles are mostly boilerplate
    /// ("Unit 3 Review", "Chapter 5") that would make unrelated sets look alike.
    public func tokens(of set: StudySet) -> [String] {
        let termWords = stopWords.mask(for: set.termLang), definitionWords = stopWords.mask(for: set.defLang)
        var scanner = TokenScanner(tokenizer: self)
        scanner.tokens.reserveCapacity(4 * (set.terms.count + set.definitions.count))
        for card in 0..<max(set.terms.count, set.definitions.count) {
            if card < set.terms.count { scanner.scan(set.terms[card], stopWords: termWords) }
            if card < set.definitions.count { scanner.scan(set.definitions[card], stopWords: definitionWords) }
        }
        return scanner.tokens
    }
}

/// Reads each scalar once, folding as it goes: ASCII by arithmetic, the rest of the Basic
/// Multilingual Plane through `FoldTable`, and only emoji and rarer scalars through `ScalarFold`.
private struct TokenScanner {
    let tokenizer: Tokenizer
    var tokens: [String] = []
    private var stopWords: UInt64 = 0
    private var bytes: [UInt8] = []
    private var composes = false
    private var textStart = 0
    private var isStopWord: [Bool] = []
    private var stopWordCount = 0

    init(tokenizer: Tokenizer) {
        self.tokenizer = tokenizer
        bytes.reserveCapacity(64)
    }

    mutating func scan(_ text: String, stopWords: UInt64) {
        self.stopWords = stopWords
        textStart = tokens.count
        isStopWord.removeAll(keepingCapacity: true)
        stopWordCount = 0
        let table = FoldTable.shared
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                if let byte = TextNormalizer.foldedWordByte(UInt8(scalar.value)) { bytes.append(byte) } else { endToken() }
            } else if let index = FoldTable.index(of: scalar) {
                for byte in table.tokenBytes[Int(table.tokenStarts[index])..<Int(table.tokenStarts[index + 1])] {
                    if byte == 0x20 { endToken() } else { bytes.append(byte) }
                }
                composes = composes || table.composes[index]
            } else {
                scanRare(scalar)
            }
        }
        endToken()
        removeStopWords()
    }

    private mutating func scanRare(_ scalar: Unicode.Scalar) {
        let fold = ScalarFold(scalar)
        for byte in fold.token {
            if byte == 0x20 { endToken() } else { bytes.append(byte) }
        }
        composes = composes || fold.composes
    }

    private mutating func endToken() {
        guard !bytes.isEmpty else { return }
        defer {
            bytes.removeAll(keepingCapacity: true)
            composes = false
        }
        let minimum = tokenizer.minimumTokenLength
        let isASCII = !composes && bytes.allSatisfy { $0 < 0x80 }
        let token: String
        if isASCII {
            // Folded ASCII is digits (below 0x61) and lower-case letters, which are cased.
            if bytes.count < minimum && bytes.contains(where: { $0 >= 0x61 }) { return }
            token = String(decoding: bytes, as: UTF8.self)
        } else {
            let decoded = String(decoding: bytes, as: UTF8.self)
            token = composes ? decoded.precomposedStringWithCanonicalMapping : decoded
            let scalars = token.unicodeScalars
            if scalars.count < minimum && scalars.contains(where: { $0.properties.isCased }) { return }
        }
        let isStop = tokenizer.stopWords.contains(token, mask: stopWords, isNonASCII: !isASCII)
        isStopWord.append(isStop)
        if isStop { stopWordCount += 1 }
        tokens.append(token)
    }

    /// Drops this text's stop words unless they are all it has (see `Tokenizer`).
    private mutating func removeStopWords() {
        guard stopWordCount > 0, stopWordCount < isStopWord.count else { return }
        var kept = textStart
        for (offset, isStop) in isStopWord.enumerated() where !isStop {
            tokens.swapAt(kept, textStart + offset)
            kept += 1
        }
        tokens.removeSubrange(kept...)
    }
}
