import Testing
import NEREModel

struct ModelPresetTests {
    /// The vocabulary sizes `FeatureSpace` fits on data of the synthetic `large` preset:
    /// the 13 categorical features in order, the unknown id included.
    static let largeVocabularies = [4, 7, 8, 2, 25, 8, 18, 8, 2, 3, 3, 7, 4]

    static func parameterCount(_ preset: ModelPreset) -> Int {
        NERENetwork(shape: preset.shape(vocabularySizes: largeVocabularies, continuousCount: 12)).parameterCount
    }

    @Test func paperPresetHasThePapersSize() {
        let count = Self.parameterCount(.paper)
        #expect(abs(Double(count) / 5_994_444 - 1) < 0.05)
        #expect(count == 5_994_063)
    }

    @Test func smallPresetIsMuchSmaller() {
        #expect(Self.parameterCount(.small) * 20 < Self.parameterCount(.paper))
    }

    @Test func predictionsAreAsWideAsTheContentVectors() {
        for preset in ModelPreset.allCases {
            #expect(preset.shape(vocabularySizes: [3], continuousCount: 2, contentWidth: 16).outputWidth == 16)
        }
    }
}
