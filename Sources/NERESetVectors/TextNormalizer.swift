import Foundation

/// Folds text so that spellings a learner reads as the same word become the same string. The
/// paper dropped non-ASCII characters, which breaks its own French example; DESIGN §4 folds
/// diacritics instead ("août" and "aout" are one word).
///
/// Each scalar is lower-cased, decomposed, lower-cased again (decomposition can produce
/// capitals, "™" → "TM") and then:
/// - diacritics are removed: nonspacing marks of the generic combining blocks (Latin, Greek,
///   Cyrillic accents), Hebrew and Arabic vowel points, variation selectors and enclosing
///   marks. Other marks stay, because in Indic and South-East Asian scripts and in kana they
///   spell vowels and syllables ("が" is not "か"), they do not decorate a letter;
/// - "ß" becomes "ss" and "ς" becomes "σ", as Unicode case folding does: "STRASSE" is how
///   capitals and Swiss German write "Straße", and a final sigma is the same letter; the
///   ligatures "œ" and "æ" become "oe" and "ae", since French keyboards lack them ("coeur");
/// - decimal digits of every script become ASCII digits, so "٣" and "3" are the same number;
/// - format characters (soft hyphen, zero-width joiners, direction marks) disappear, since
///   they are invisible and must not split or change a word.
///
/// The decomposition is the compatibility one (NFKD), a superset of the canonical one: it also
/// turns ligatures ("ﬁ"), full-width letters and Arabic presentation forms, which copy-paste
/// from PDFs and East Asian keyboards produce, into the letters they display. The result is in
/// NFC, so equal folds are equal byte for byte, not only as Swift strings.
public enum TextNormalizer {
    public static func fold(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text.lowercased() }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var composes = false
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                let byte = UInt8(scalar.value)
                bytes.append(foldedWordByte(byte) ?? byte)
            } else if let index = FoldTable.index(of: scalar) {
                let table = FoldTable.shared
                bytes += table.textBytes[Int(table.textStarts[index])..<Int(table.textStarts[index + 1])]
                composes = composes || table.composes[index]
            } else {
                let fold = ScalarFold(scalar)
                bytes += fold.text
                composes = composes || fold.composes
            }
        }
        let folded = String(decoding: bytes, as: UTF8.self)
        return composes ? folded.precomposedStringWithCanonicalMapping : folded
    }

    /// The lower-case form of an ASCII letter or digit; nil for the ASCII that separates words.
    @inline(__always)
    static func foldedWordByte(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39, 0x61...0x7A: byte
        case 0x41...0x5A: byte | 0x20
        default: nil
        }
    }
}

/// The fold of one scalar, in two forms: `text` keeps separators (for `TextNormalizer.fold`),
/// `token` turns every scalar that cannot be part of a word into a space and puts spaces around
/// ideographs, so the tokenizer only has to split at spaces.
struct ScalarFold: Sendable {
    enum Kind: Equatable {
        /// A letter, digit or kept mark; `composes` when NFC may merge it with its neighbour.
        case word(composes: Bool)
        /// A Han character, a word on its own: Chinese and Japanese do not separate words with
        /// spaces, so each ideograph is a token, as in Unicode word segmentation (UAX #29).
        case ideograph
        case separator
        case ignored
    }

    var text: [UInt8] = []
    var token: [UInt8] = []
    var composes = false

    init(_ scalar: Unicode.Scalar) {
        if let kind = Self.kind(ofUnmapped: scalar) {
            append(String(scalar), as: kind)
            return
        }
        let mapped = String(scalar).lowercased().decomposedStringWithCompatibilityMapping.lowercased()
        for scalar in mapped.unicodeScalars {
            switch scalar {
            case "ß": append("ss", as: .word(composes: false))
            case "ς": append("σ", as: .word(composes: false))
            case "œ": append("oe", as: .word(composes: false))
            case "æ": append("ae", as: .word(composes: false))
            default:
                if scalar.properties.generalCategory == .decimalNumber, let digit = scalar.properties.numericValue {
                    append(String(Int(digit)), as: .word(composes: false))
                } else {
                    append(String(scalar), as: Self.kind(ofFolded: scalar))
                }
            }
        }
    }

    private mutating func append(_ piece: String, as kind: Kind) {
        switch kind {
        case .ignored: return
        case .word(let mark):
            text += piece.utf8
            token += piece.utf8
            composes = composes || mark
        case .ideograph:
            text += piece.utf8
            token += [0x20] + piece.utf8 + [0x20]
        case .separator:
            text += piece.utf8
            token.append(0x20)
        }
    }

    /// The kind of a scalar that folding leaves as it is, or nil when it must be mapped. Saves
    /// Foundation calls for most of Unicode; `changesWhenNFKCCaseFolded` misses precomposed
    /// letters with accents (NFKC composes them back), so the blocks that hold those always map.
    private static func kind(ofUnmapped scalar: Unicode.Scalar) -> Kind? {
        let value = scalar.value
        if value < 0x800 || (0x1E00..<0x2000).contains(value) { return nil }
        let properties = scalar.properties
        switch properties.generalCategory {
        case .format: return .ignored
        case .decimalNumber: return nil
        default: return properties.changesWhenNFKCCaseFolded ? nil : kind(ofFolded: scalar)
        }
    }

    private static func kind(ofFolded scalar: Unicode.Scalar) -> Kind {
        let properties = scalar.properties
        switch properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter:
            if properties.isIdeographic { return .ideograph }
            return .word(composes: isConjoiningJamo(scalar))
        case .decimalNumber, .letterNumber, .otherNumber:
            return .word(composes: false)
        case .spacingMark:
            return .word(composes: true)
        case .nonspacingMark:
            return isDiacritic(scalar) ? .ignored : .word(composes: true)
        case .enclosingMark, .format:
            return .ignored
        default:
            return .separator
        }
    }

    /// Nonspacing marks that decorate a letter rather than spell a sound of their own.
    private static func isDiacritic(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0300...0x036F, 0x0483...0x0489,                      // combining diacritics, Cyrillic titlo
             0x0591...0x05C7,                                       // Hebrew points and cantillation
             0x0610...0x061A, 0x064B...0x065F, 0x0670, 0x06D6...0x06ED, // Arabic vowel signs and Quranic marks
             0x1AB0...0x1AFF, 0x1DC0...0x1DFF, 0x20D0...0x20FF, 0xFE20...0xFE2F, // more combining diacritics
             0xFE00...0xFE0F, 0xE0100...0xE01EF:                    // variation selectors
            true
        default:
            false
        }
    }

    /// Decomposed Hangul (as macOS file names store it) must be recomposed to match precomposed text.
    private static func isConjoiningJamo(_ scalar: Unicode.Scalar) -> Bool {
        (0x1100...0x11FF).contains(scalar.value) || (0xA960...0xA97F).contains(scalar.value)
            || (0xD7B0...0xD7FF).contains(scalar.value)
    }
}

/// The folds of every non-ASCII scalar of the Basic Multilingual Plane, computed on first use
/// (30-40 ms in a release build, 1 MB) so that tokenizing never calls Foundation or looks up
/// Unicode properties for text in any living script; only emoji and rare historic or
/// mathematical scalars take the slow path.
final class FoldTable: Sendable {
    static let shared = FoldTable()

    /// Where entry `i`'s folds start in `textBytes` and `tokenBytes`; entry `i + 1` is its end.
    let textStarts: [Int32]
    let textBytes: [UInt8]
    let tokenStarts: [Int32]
    let tokenBytes: [UInt8]
    let composes: [Bool]

    static func index(of scalar: Unicode.Scalar) -> Int? {
        scalar.value < 0x10000 && scalar.value >= 0x80 ? Int(scalar.value - 0x80) : nil
    }

    /// Surrogate code points are no scalars; their entries stay empty and are never read.
    private init() {
        var textStarts: [Int32] = [0], textBytes: [UInt8] = []
        var tokenStarts: [Int32] = [0], tokenBytes: [UInt8] = []
        var composes: [Bool] = []
        for value in UInt32(0x80)..<0x10000 {
            let fold = Unicode.Scalar(value).map(ScalarFold.init)
            textBytes += fold?.text ?? []
            tokenBytes += fold?.token ?? []
            textStarts.append(Int32(textBytes.count))
            tokenStarts.append(Int32(tokenBytes.count))
            composes.append(fold?.composes ?? false)
        }
        self.textStarts = textStarts
        self.textBytes = textBytes
        self.tokenStarts = tokenStarts
        self.tokenBytes = tokenBytes
        self.composes = composes
    }
}
