import Testing
@testable import NERESetVectors

struct TokenizerStopWordTests {
    let tokenizer = Tokenizer()

    @Test func removesStopWordsInEachLanguage() {
        #expect(tokenizer.tokens("The cat is on the table", language: "en") == ["cat", "table"])
        #expect(tokenizer.tokens("Le chat est sur la table", language: "fr") == ["chat", "table"])
        #expect(tokenizer.tokens("C'est à l'école où nous étions", language: "fr") == ["ecole"])
        #expect(tokenizer.tokens("El gato está en la mesa", language: "es") == ["gato", "mesa"])
        #expect(tokenizer.tokens("Die Katze ist über dem Tisch, daß…", language: "de") == ["katze", "tisch"])
    }

    /// The reason for per-language lists: these words are content in the other languages.
    @Test func appliesOnlyTheListOfTheTextsLanguage() {
        #expect(tokenizer.tokens("un an", language: "fr") == ["an"])
        #expect(tokenizer.tokens("an apple", language: "en") == ["apple"])
        #expect(tokenizer.tokens("The war at sea", language: "en") == ["war", "sea"])
        #expect(tokenizer.tokens("Er war im Krieg", language: "de") == ["krieg"])
        #expect(tokenizer.tokens("Que sea feliz", language: "es") == ["feliz"])
    }

    @Test func unknownLanguagesGetEveryList() {
        #expect(tokenizer.tokens("the war of la guerra") == ["guerra"])
        #expect(tokenizer.tokens("la guerra", language: "it") == ["guerra"])
        #expect(tokenizer.tokens("the war of la guerra", language: "") == ["guerra"])
    }

    @Test func languageCodesAreNormalised() {
        for code in ["FR", "fr-CA", "fr_FR", " fr "] {
            #expect(tokenizer.tokens("un an", language: code) == ["an"], "\(code)")
        }
    }

    /// A flashcard whose text is only stop words is about those words.
    @Test func keepsTextThatIsOnlyStopWords() {
        #expect(tokenizer.tokens("je suis", language: "fr") == ["je", "suis"])
        #expect(tokenizer.tokens("To be, or not to be", language: "en") == ["to", "be", "or", "not", "to", "be"])
        #expect(tokenizer.tokens("machen", language: "de") == ["machen"])
        #expect(tokenizer.tokens("I", language: "en").isEmpty, "too short is still too short")
    }

    @Test func noStopWordsKeepsEverything() {
        #expect(Tokenizer(stopWords: .none).tokens("The cat is on the table") == ["the", "cat", "is", "on", "the", "table"])
        #expect(StopWords.none.languages.isEmpty)
        #expect(!StopWords.none.contains("the"))
    }

    @Test func standardListsAreFoldedSingleWords() {
        let lists = StopWords.standardLists
        #expect(lists.keys.sorted() == ["de", "en", "es", "fr"])
        #expect(StopWords.standard.languages == ["de", "en", "es", "fr"])
        let splitter = Tokenizer(stopWords: .none, minimumTokenLength: 1)
        for (language, words) in lists {
            #expect((100...300).contains(words.count), "\(language): \(words.count) words")
            #expect(Set(words).count == words.count, "\(language) has duplicates")
            for word in words {
                #expect(splitter.tokens(word) == [word], "\(language): \(word) is not one folded word")
                #expect(StopWords.standard.contains(word, language: language))
            }
        }
    }

    @Test func listsAreComparedAfterFolding() {
        let custom = StopWords(lists: ["de": ["Über", "daß"]])
        #expect(custom.contains("uber"))
        #expect(custom.contains("dass", language: "de"))
        #expect(StopWords.standard.contains("a", language: "fr"), "à")
        #expect(!StopWords.standard.contains("ete", language: "fr"), "été is also summer")
    }
}
