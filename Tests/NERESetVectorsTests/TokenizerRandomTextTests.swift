import Testing
@testable import NERESetVectors

/// Random text over the scalars that trip tokenizers up, from a fixed seed so failures repeat.
struct TokenizerRandomTextTests {
    static let ranges: [ClosedRange<UInt32>] = [
        0x20...0x7E, 0x80...0x24F, 0x300...0x36F, 0x370...0x4FF, 0x590...0x6FF, 0x900...0x97F, 0xE00...0xE7F,
        0x1100...0x11FF, 0x1E00...0x1FFF, 0x2000...0x206F, 0x2100...0x218F, 0x2460...0x24FF, 0x3040...0x30FF,
        0x3300...0x33FF, 0x4E00...0x4EFF, 0xAC00...0xAD00, 0xE000...0xE0FF, 0xF900...0xFAFF, 0xFB00...0xFDFF,
        0xFE00...0xFE2F, 0xFE70...0xFEFF, 0xFF00...0xFFEF, 0xFFF0...0xFFFF, 0x1D400...0x1D7FF, 0x1F300...0x1FAFF,
        0x20000...0x200FF, 0xE0000...0xE01EF, 0x10FFF0...0x10FFFF,
    ]

    /// Byte for byte: Swift's `==` would forgive different normal forms.
    func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    /// SplitMix64: tiny, and the same on every platform.
    struct Random {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(bound))
        }
    }

    static func texts(count: Int) -> [String] {
        var random = Random(state: 42)
        return (0..<count).map { _ in
            var scalars = String.UnicodeScalarView()
            for _ in 0..<(1 + random.next(24)) {
                let range = ranges[random.next(ranges.count)]
                if let scalar = Unicode.Scalar(range.lowerBound + UInt32(random.next(range.count))) { scalars.append(scalar) }
            }
            return String(scalars)
        }
    }

    @Test func tokensAreFoldedFixedPoints() {
        let all = Tokenizer(stopWords: .none, minimumTokenLength: 1)
        var tokenCount = 0
        for text in Self.texts(count: 3_000) {
            let tokens = all.tokens(text)
            tokenCount += tokens.count
            for token in tokens {
                #expect(bytes(TextNormalizer.fold(token)) == bytes(token), "\(text.unicodeScalars.map(\.value))")
                #expect(all.tokens(token).map(bytes) == [bytes(token)], "\(text.unicodeScalars.map(\.value))")
            }
            #expect(all.tokens(TextNormalizer.fold(text)).map(bytes) == tokens.map(bytes),
                    "\(text.unicodeScalars.map(\.value))")
            #expect(Tokenizer().tokens(text).allSatisfy(tokens.contains))
        }
        #expect(tokenCount > 5_000, "the text is not all separators")
    }

    @Test func foldIsIdempotent() {
        for text in Self.texts(count: 3_000) {
            let folded = TextNormalizer.fold(text)
            #expect(bytes(TextNormalizer.fold(folded)) == bytes(folded), "\(text.unicodeScalars.map(\.value))")
        }
    }
}
