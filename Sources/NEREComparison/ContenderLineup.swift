import NEREBaseline
import NEREContent
import NEREFactorization
import NEREFeatures
import NEREModel
import NEREPipeline

/// The names contenders go by in reports, files and flags.
public enum ContenderName {
    public static let nere = "nere"
    public static let nereServed = "nere_served"
    public static let nereWithoutMetadata = "nere_without_metadata"
    public static let nereWithoutContent = "nere_without_content"
    public static let baseline = "baseline"
    public static let popularity = "popularity"
    public static let transitions = "transitions"
    public static let factorization = "factorization"
    public static let lastSetNeighbours = "last_set_neighbours"
    public static let all = [nere, nereServed, nereWithoutMetadata, nereWithoutContent, baseline, popularity, transitions,
                             factorization, lastSetNeighbours]
}

/// Who is compared (DESIGN §8, issue 7): the NERE model alone (the paper's measure) and as
/// served, its two ablations, the foundation the service falls back on, and the paper's and
/// DESIGN's baselines. Each gets its own recommender instances: those that learn online learn
/// from the whole log, in its own replay (the served model rides on the baseline's: its
/// fallback is that very recommender).
struct ContenderLineup {
    let contenders: [Contender]

    init(catalog: SetCatalog, content: SetContentIndex, models: TrainedModels) {
        func foundation(_ components: BaselineRecommender.Components = .popularityAndTransitions) -> any Recommender {
            ContentBlendRecommender(base: BaselineRecommender(catalog: catalog, components: components), content: content)
        }
        // The served model's fallback is the baseline contender itself, whose replay it rides on.
        let baseline = foundation()
        func model(_ artifact: ModelArtifact, servedAsIs: Bool, keepsAttention: Bool = false) -> ModelRecommender {
            var options = ModelRecommender.Options()
            options.fallBackOnLowConfidence = servedAsIs
            options.keepsFeatureAttention = keepsAttention
            return ModelRecommender(network: artifact.network, featureSpace: artifact.featureSpace, confidence: artifact.confidence,
                                    versionID: artifact.versionID, content: content, fallback: servedAsIs ? baseline : foundation(),
                                    options: options)
        }
        var lineup = [
            Contender(name: ContenderName.nere, label: "NERE",
                      description: "The NERE model alone: every window it can read is answered by its nearest sets to the predicted content vector.",
                      kind: .model, recommender: model(models.full, servedAsIs: false, keepsAttention: true), work: .scoredRecommendations,
                      hasConfidence: true),
            Contender(name: ContenderName.nereServed, label: "NERE as served",
                      description: "What nere serve publishes: the model, or the baseline where the model's confidence is lower (identical to nere replay --model).",
                      kind: .model, recommender: model(models.full, servedAsIs: true), work: .ridesOn(ContenderName.baseline),
                      hasConfidence: true),
        ]
        if let artifact = models.withoutMetadata {
            lineup.append(Contender(name: ContenderName.nereWithoutMetadata, label: "NERE without metadata",
                                    description: "The same network trained and served with content vectors only (the paper's \"content only\").",
                                    kind: .ablation, recommender: model(artifact, servedAsIs: false), work: .scoredRecommendations,
                                    hasConfidence: true))
        }
        if let artifact = models.withoutContent {
            lineup.append(Contender(name: ContenderName.nereWithoutContent, label: "NERE without content vectors",
                                    description: "The same network trained and served with user, session and set features only (the paper's \"metadata only\").",
                                    kind: .ablation, recommender: model(artifact, servedAsIs: false), work: .scoredRecommendations,
                                    hasConfidence: true))
        }
        lineup += [
            Contender(name: ContenderName.baseline, label: "Baseline (as served without a model)",
                      description: "Recency-weighted transitions and popularity, blended with content neighbours of the window, learned online (identical to nere replay --vectors).",
                      kind: .baseline, recommender: baseline, work: .everyRecommendation, hasConfidence: true),
            Contender(name: ContenderName.popularity, label: "Popularity per subject",
                      description: "The subject's most studied sets lately (recency-weighted, learned online).",
                      kind: .baseline, recommender: BaselineRecommender(catalog: catalog, components: .popularity),
                      work: .scoredRecommendations, hasConfidence: true),
            Contender(name: ContenderName.transitions, label: "Item-to-item transitions",
                      description: "The sets most often studied next after the window's sets (recency-weighted, learned online); nothing else.",
                      kind: .baseline, recommender: BaselineRecommender(catalog: catalog, components: .transitions),
                      work: .scoredRecommendations, hasConfidence: true),
        ]
        if let factorization = models.factorization {
            lineup.append(Contender(name: ContenderName.factorization, label: "Matrix factorisation",
                                    description: "A hybrid factorisation like the paper's TensorRec baseline: user and set features (set vectors included), WARP loss, trained once on the earlier period; sees no order.",
                                    kind: .baseline, recommender: FactorizationRecommender(model: factorization, catalog: catalog),
                                    work: .scoredRecommendations, hasConfidence: false))
        }
        lineup += [
            Contender(name: ContenderName.lastSetNeighbours, label: "Content neighbours of the last set",
                      description: "The subject's sets nearest in content to the set studied last (content only, no learning).",
                      kind: .baseline, recommender: LastSetNeighboursRecommender(content: content),
                      work: .scoredRecommendations, hasConfidence: false),
        ]
        contenders = lineup
    }
}
