/// The edits people make when they copy someone else's set: a touched-up title, a card or
/// two dropped, accents typed without the accent key, an article left off, a typo.
enum NearDuplicate {
    static func title(_ title: String, course: String, random: inout RandomSource) -> String {
        switch random.below(5) {
        case 0: return title + " (1)"
        case 1: return "Copy of " + title
        case 2: return title.lowercased()
        case 3: return title + " – period \(random.int(in: 1...7))"
        default: return title + " (" + course + " " + String(2025 + random.below(2)) + ")"
        }
    }

    static func cards(_ original: [Card], random: inout RandomSource) -> [Card] {
        var cards = original
        for _ in 0..<random.int(in: 0...2) where cards.count > 8 {
            cards.remove(at: random.below(cards.count))
        }
        for _ in 0..<random.int(in: 1...3) {
            let index = random.below(cards.count)
            cards[index] = edit(cards[index], random: &random)
        }
        if cards.count >= 2 && random.chance(0.3) {
            let i = random.below(cards.count - 1)
            cards.swapAt(i, i + 1)
        }
        return cards
    }

    private static func edit(_ card: Card, random: inout RandomSource) -> Card {
        var card = card
        switch random.below(4) {
        case 0:
            let folded = foldingDiacritics(card.term)
            card.term = folded == card.term ? withoutArticle(card.term) : folded
        case 1:
            card.term = withoutArticle(card.term)
        case 2:
            card.definition = withTypo(card.definition, random: &random)
        default:
            card.term = card.term.prefix(1).uppercased() + card.term.dropFirst()
        }
        return card
    }

    private static let articles = [
        "the ", "le ", "la ", "les ", "l'", "el ", "los ", "las ", "der ", "die ", "das ",
        "il ", "lo ", "gli ", "i ", "o ", "a ", "os ", "as ", "de ", "het ",
    ]

    static func withoutArticle(_ text: String) -> String {
        for article in articles where text.hasPrefix(article) && text.count > article.count + 1 {
            return String(text.dropFirst(article.count))
        }
        return text
    }

    private static func withTypo(_ text: String, random: inout RandomSource) -> String {
        var characters = Array(text)
        guard characters.count >= 4 else { return text }
        let i = 1 + random.below(characters.count - 2)
        characters.swapAt(i, i - 1)
        return String(characters)
    }

    private static let folds: [Character: String] = [
        "à": "a", "á": "a", "â": "a", "ã": "a", "ä": "a", "ç": "c", "è": "e", "é": "e", "ê": "e",
        "ë": "e", "ì": "i", "í": "i", "î": "i", "ï": "i", "ñ": "n", "ò": "o", "ó": "o", "ô": "o",
        "õ": "o", "ö": "o", "ù": "u", "ú": "u", "û": "u", "ü": "u", "ß": "ss", "œ": "oe", "Ä": "A",
        "Ö": "O", "Ü": "U", "É": "E",
    ]

    static func foldingDiacritics(_ text: String) -> String {
        var folded = ""
        for character in text {
            if let plain = folds[character] { folded += plain } else { folded.append(character) }
        }
        return folded
    }
}
