import NEREContracts
import NEREFeatures

/// Categorical features as rows of one embedding table: each field's vocabulary occupies its
/// own block of rows after `firstRow`, its unknown id included, so a value never seen in
/// training (or missing) reads a trained "unknown" row of that field, never another field's.
struct CategoricalFields<Source>: Sendable {
    typealias Field = (name: String, value: @Sendable (Source) -> String?)

    private let fields: [Field]
    private let vocabularies: [CategoryVocabulary]
    private let offsets: [Int32]
    /// One past the last row these fields use.
    let endRow: Int

    init(_ fields: [Field], fittedOn sources: [Source], firstRow: Int) {
        self.fields = fields
        vocabularies = fields.map { field in
            CategoryVocabulary(name: field.name, values: sources.compactMap(field.value))
        }
        var offsets: [Int32] = [], row = firstRow
        for vocabulary in vocabularies {
            offsets.append(Int32(row))
            row += vocabulary.size
        }
        self.offsets = offsets
        endRow = row
    }

    var count: Int { fields.count }

    /// One row per field, in field order.
    func rows(of source: Source) -> [Int32] {
        fields.indices.map { offsets[$0] + vocabularies[$0].id(of: fields[$0].value(source)) }
    }
}

extension CategoricalFields where Source == UserProfile {
    static var userFields: [Field] {
        [
            ("platform", { $0.platform }),
            ("study_mode", { $0.studyMode }),
            ("term_lang", { $0.termLanguage }),
            ("age_band", { $0.ageBand }),
        ]
    }
}

extension CategoricalFields where Source == StudySet {
    /// What a set's record says about who studies it and how, besides its text (which enters
    /// through the content vector).
    static var setFields: [Field] {
        [
            ("subject", { $0.subject.rawValue }),
            ("term_lang", { $0.termLang }),
            ("def_lang", { $0.defLang }),
            ("preferred_study_mode", { $0.preferredStudyMode }),
            ("preferred_platform", { $0.preferredPlatform }),
            ("has_images", { String($0.hasImages) }),
            ("has_diagrams", { String($0.hasDiagrams) }),
        ]
    }
}
