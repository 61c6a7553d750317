import Foundation
import Testing
@testable import NERESetVectors

/// Folding and splitting, without stop words so that every word is visible.
struct TokenizerTests {
    let tokenizer = Tokenizer(stopWords: .none)

    @Test func foldsDiacritics() {
        #expect(TextNormalizer.fold("août") == "aout")
        #expect(TextNormalizer.fold("Mädchen") == "madchen")
        #expect(TextNormalizer.fold("mañana") == "manana")
        #expect(TextNormalizer.fold("Ελληνικά") == "ελληνικα")
        #expect(TextNormalizer.fold("İstanbul") == "istanbul")
        #expect(tokenizer.tokens("Août") == tokenizer.tokens("aout"))
        #expect(tokenizer.tokens("Crème BRÛLÉE, Œuvre") == ["creme", "brulee", "oeuvre"])
    }

    @Test func decomposedAndPrecomposedTextGiveTheSameBytes() {
        let pairs = [("e\u{301}te\u{301}", "été"), ("an\u{303}o", "año"), ("\u{304B}\u{3099}", "\u{304C}"),
                     ("\u{1112}\u{1161}\u{11AB}\u{1100}\u{116E}\u{11A8}", "한국"), ("\u{0915}\u{093C}", "\u{0958}")]
        for (decomposed, precomposed) in pairs {
            let a = tokenizer.tokens(decomposed), b = tokenizer.tokens(precomposed)
            #expect(a.map { Array($0.utf8) } == b.map { Array($0.utf8) }, "\(decomposed) vs \(precomposed)")
            #expect(a.count == 1)
        }
    }

    /// Case folding, as in "STRASSE": capitals and Swiss German write ß as ss.
    @Test func sharpSFoldsToDoubleS() {
        #expect(tokenizer.tokens("Straße STRASSE strasse Straẞe") == ["strasse", "strasse", "strasse", "strasse"])
        #expect(TextNormalizer.fold("ΣΟΦΟΣ σοφός") == "σοφοσ σοφοσ")
    }

    @Test func compatibilityFormsFoldToTheLettersTheyShow() {
        #expect(tokenizer.tokens("ﬁnale ﬂeur") == ["finale", "fleur"])
        #expect(tokenizer.tokens("ＡＢＣ１２３") == ["abc123"])
        #expect(tokenizer.tokens("x² ½") == ["x2", "1", "2"])
        #expect(tokenizer.tokens("ﻣﺪﺭﺳﺔ") == ["مدرسة"], "Arabic presentation forms")
    }

    @Test func emptyAndSeparatorOnlyTextHasNoTokens() {
        for text in ["", " ", "\n\t", "!?…—", "🙂🎉", "\u{200D}\u{FE0F}", "\u{301}", "a b c"] {
            #expect(tokenizer.tokens(text).isEmpty, "\(text.debugDescription)")
        }
    }

    @Test func emojiAndPunctuationSplitWords() {
        #expect(tokenizer.tokens("love❤️paris👨‍👩‍👧🇫🇷rome") == ["love", "paris", "rome"])
        #expect(tokenizer.tokens("well-known (adj.): e-mail_address") == ["well", "known", "adj", "mail", "address"])
        #expect(tokenizer.tokens("aujourd’hui, l'école") == ["aujourd", "hui", "ecole"])
        #expect(tokenizer.tokens("1️⃣ keycap") == ["1", "keycap"])
    }

    @Test func rightToLeftScriptsLoseVowelPointsOnly() {
        #expect(tokenizer.tokens("שָׁלוֹם, עוֹלָם!") == ["שלום", "עולם"])
        #expect(tokenizer.tokens("مَدْرَسَةٌ كبيرة") == ["مدرسة", "كبيرة"])
        #expect(tokenizer.tokens("\u{200F}שלום\u{200E} abc\u{202B}عربي\u{202C}") == ["שלום", "abcعربي"],
                "direction marks are invisible and do not split")
        #expect(tokenizer.tokens("٣ ۴٥") == ["3", "45"])
    }

    @Test func mixedScriptsKeepEveryScriptsLetters() {
        #expect(tokenizer.tokens("Москва, Αθήνα and Tōkyō") == ["москва", "αθηνα", "and", "tokyo"])
        #expect(tokenizer.tokens("我喜欢水") == ["我", "喜", "欢", "水"], "one token per ideograph")
        #expect(tokenizer.tokens("東京タワーで") == ["東", "京", "タワーで"])
        #expect(tokenizer.tokens("がっこう") != tokenizer.tokens("かっこう"), "kana voicing marks spell sounds")
        #expect(tokenizer.tokens("नमस्ते दुनिया") == ["नमस्ते", "दुनिया"], "Indic vowel signs are kept")
        #expect(tokenizer.tokens("Bei\u{00AD}spiel") == ["beispiel"], "a soft hyphen does not split")
    }

    @Test func numbersAreKeptAtAnyLength() {
        #expect(tokenizer.tokens("7 × 8 = 56") == ["7", "8", "56"])
        #expect(tokenizer.tokens("1945: H2O, 3.14") == ["1945", "h2o", "3", "14"])
    }

    @Test func loneCasedLettersAreDropped() {
        #expect(tokenizer.tokens("l'x y John's a") == ["john"])
        #expect(tokenizer.tokens("水 물 я ü") == ["水", "물"])
        #expect(Tokenizer(stopWords: .none, minimumTokenLength: 1).tokens("l'école") == ["l", "ecole"])
        #expect(Tokenizer(stopWords: .none, minimumTokenLength: 4).tokens("the cats 123") == ["cats", "123"])
    }

    @Test func foldIsIdempotentAndAgreesWithTokens() {
        let texts = ["Straße ½ Ⅻ ﬁ", "שָׁלוֹם مَدْرَسَةٌ", "ＡＢＣ १२३ ٣", "e\u{301}te\u{301} \u{304B}\u{3099}",
                     "İI ΣΟΦΟΣ", "™ ℃ ㎏ ①", "Mädchen-Fußball!", "🇫🇷 \u{200D} 水", "\u{1112}\u{1161}\u{11AB}"]
        for text in texts {
            let folded = TextNormalizer.fold(text)
            #expect(TextNormalizer.fold(folded) == folded, "\(text)")
            #expect(tokenizer.tokens(folded) == tokenizer.tokens(text), "\(text)")
        }
        #expect(TextNormalizer.fold("Straße, Ecke 5!") == "strasse, ecke 5!", "separators are kept")
    }

    @Test func agreesWithFoundationOnEuropeanScripts() {
        let words = ["Été", "naïve", "Ärger", "ﬁn", "ÀÉÎÕÜ", "ǅemal", "Ωμέγα", "Ёлка", "ǈa", "Ǆa"]
        for word in words {
            let reference = word.lowercased().decomposedStringWithCompatibilityMapping.lowercased()
                .unicodeScalars.filter { $0.properties.generalCategory != .nonspacingMark }
            #expect(tokenizer.tokens(word) == [String(reference)], "\(word)")
        }
    }
}
