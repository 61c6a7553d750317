import NEREContracts
import Testing
@testable import NERESetVectors

struct TokenizerSetTests {
    let tokenizer = Tokenizer()

    static func studySet(_ cards: [(String, String)], termLang: String = "fr", defLang: String = "en",
                         title: String = "Set") -> StudySet {
        StudySet(setID: "s1", title: title, terms: cards.map(\.0), definitions: cards.map(\.1), subject: .french,
                 termLang: termLang, defLang: defLang, studierCount: 1, meanStudierAge: 15, totalViews: 1,
                 hasImages: false, hasDiagrams: false, preferredStudyMode: "flashcards", preferredPlatform: "web",
                 meanSessionLengthMin: 5)
    }

    /// The studied set of the paper's qualitative example (its table, typos included).
    @Test func papersStudiedSetTokenisesToTheDays() {
        let set = Self.studySet([
            ("lundi", "Monday"), ("mardi", "Tuesday"), ("mercredi", "Wednesday"), ("jeudi", "Thursday"),
            ("vendredi", "Friday"), ("samedi", "Saturday"), ("dimanche", "Sunday"), ("un an", "a year"),
            ("une année", "a year"), ("aprés", "after"), ("avant", "before"),
            ("aprés-demain", "the day after tomorrow"), ("un aprés-midi", "an afternoon"), ("aujourd’hui", "today"),
            ("demain", "tomorrow"), ("demain matin", "tomorrow morning"), ("demain aprés-midi", "tomorrow afternoon"),
            ("demain soir", "tomorrow night"), ("hier", "yesterday"),
        ])
        #expect(tokenizer.tokens(of: set) == [
            "lundi", "monday", "mardi", "tuesday", "mercredi", "wednesday", "jeudi", "thursday",
            "vendredi", "friday", "samedi", "saturday", "dimanche", "sunday", "an", "year",
            "annee", "year", "apres", "after", "avant", "before",
            "apres", "demain", "day", "tomorrow", "apres", "midi", "afternoon", "aujourd", "hui", "today",
            "demain", "tomorrow", "demain", "matin", "tomorrow", "morning", "demain", "apres", "midi", "tomorrow",
            "afternoon", "demain", "soir", "tomorrow", "night", "hier", "yesterday",
        ])
    }

    /// The recommended set: "Aoút" and "août" alike fold to "aout".
    @Test func papersRecommendedSetTokenisesToTheMonths() {
        let set = Self.studySet([
            ("au printemps", "spring"), ("en été", "summer"), ("Les mois", "the months"), ("Janvier", "January"),
            ("Février", "Febuary"), ("Mars", "March"), ("Avril", "April"), ("Mai", "May"), ("Juin", "June"),
            ("Juillet", "July"), ("Aoút", "August"), ("Septembre", "September"), ("Octobre", "October"),
            ("Novembre", "November"), ("Décembre", "December"), ("Quand", "When"), ("Où", "Where"),
            ("Comment", "How"), ("Avec qui", "With whom"),
        ])
        #expect(tokenizer.tokens(of: set) == [
            "printemps", "spring", "ete", "summer", "mois", "months", "janvier", "january",
            "fevrier", "febuary", "mars", "march", "avril", "april", "mai", "may", "juin", "june",
            "juillet", "july", "aout", "august", "septembre", "september", "octobre", "october",
            "novembre", "november", "decembre", "december", "quand", "when", "ou", "where",
            "comment", "how", "avec", "qui", "with", "whom",
        ])
        #expect(tokenizer.tokens("août", language: "fr") == tokenizer.tokens("Aoút", language: "fr"))
    }

    @Test func emptySetsAndEmptyCardsHaveNoTokens() {
        #expect(tokenizer.tokens(of: Self.studySet([])).isEmpty)
        #expect(tokenizer.tokens(of: Self.studySet([("", ""), (" ", "🙂"), ("?", "")])).isEmpty)
    }

    @Test func readsCardByCardWithEachFieldsLanguage() {
        let set = Self.studySet([("un an", "an apple a day"), ("", "hat"), ("war", "")], termLang: "fr", defLang: "en",
                           title: "Unit 3 review")
        #expect(tokenizer.tokens(of: set) == ["an", "apple", "day", "hat", "war"])
    }

    @Test func unevenCardsFromTheMemberwiseInitialiserAreAllRead() {
        var set = Self.studySet([("chat", "cat")])
        set.terms.append("chien")
        #expect(tokenizer.tokens(of: set) == ["chat", "cat", "chien"])
        set.definitions += ["dog", "bird"]
        #expect(tokenizer.tokens(of: set) == ["chat", "cat", "chien", "dog", "bird"])
    }

    /// 10,000 cards of mixed scripts; a debug build still takes well under the limit.
    /// The largest set the contract allows; its speed is measured by `nere bench vectors`,
    /// not here.
    @Test func tenThousandCardsAreAllRead() {
        let cards = (0..<10_000).map { i in ("le numéro \(i) — Straße ﬁn", "number \(i): Москва 東京 🙂 שָׁלוֹם") }
        let tokens = tokenizer.tokens(of: Self.studySet(cards))
        #expect(tokens.count == 10_000 * 10)
        #expect(tokens.prefix(10) == ["numero", "0", "strasse", "fin", "number", "0", "москва", "東", "京", "שלום"])
        #expect(Array(tokens.suffix(6)) == ["number", "9999", "москва", "東", "京", "שלום"])
    }
}
