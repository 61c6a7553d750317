import Foundation
import NEREBaseline
import NERECache
import NEREContent
import NEREContracts
import NEREFeatures
import NEREIndex
import NEREModel
import NERESetVectors

/// Which recommenders a run serves, built the same way for `nere replay` and `nere serve`:
/// the baseline, blended with content neighbours when there are set vectors, behind the NERE
/// model when there is one.
public struct RecommenderSetup: Sendable {
    /// `nere vectorize`'s output: recommendations blend in the sets nearest in content to each
    /// window (`ContentBlendRecommender`), found through per-subject indexes.
    public var vectorsPath: String?
    public var index = NearestSetIndex.Configuration()
    /// Where the per-subject index files are kept between runs (with `vectorsPath`).
    public var indexDirectory: String?
    /// `nere train`'s output: serve the NERE model, with the content blend (or the baseline) as
    /// its fallback. Needs `vectorsPath`: the model predicts into that content space.
    public var modelPath: String?
    public var model = ModelRecommender.Options()
    /// A cache written by `nere replay`: its learned state (popularity, transitions,
    /// calibration) seeds the baseline, which then stays frozen (`StreamPipeline.Options.learnsOnline`).
    public var warmStartPath: String?

    public init() {}

    /// The recommenders of one run, over one catalog.
    public struct Stack {
        public let catalog: SetCatalog
        public let content: SetContentIndex?
        /// The baseline or the content blend: what serves without a model, and the model's fallback.
        public let foundation: any Recommender
        public var model: ModelRecommender?
        /// Where the model's test period starts: a replay scores from there.
        public var testStart: Timestamp?

        public var serving: any Recommender { model ?? foundation }
    }

    public func build() throws -> Stack {
        let catalog = SetCatalog()
        let content = try vectorsPath.map { path in
            SetContentIndex(artifact: try SetVectorArtifact.load(from: URL(fileURLWithPath: path)), catalog: catalog,
                            configuration: index)
        }
        let baseline = BaselineRecommender(catalog: catalog)
        let foundation: any Recommender = content.map { ContentBlendRecommender(base: baseline, content: $0) } ?? baseline
        if let warmStartPath {
            let cache = try StreamCache(path: warmStartPath, readOnly: true)
            foundation.restore(try cache.learnedState().filter { $0.namespace != StreamPipeline.metricsNamespace })
        }
        var stack = Stack(catalog: catalog, content: content, foundation: foundation)
        if let modelPath {
            let (model, testStart) = try loadModel(from: modelPath, for: stack)
            stack.model = model
            stack.testStart = testStart
        }
        return stack
    }

    /// Loads a model artifact to serve over an existing stack (at start, and when a service
    /// swaps in a new model).
    public func loadModel(from path: String, for stack: Stack) throws -> (ModelRecommender, testStart: Timestamp?) {
        guard let content = stack.content else { throw PipelineError.modelNeedsVectors }
        let artifact = try ModelArtifact.load(from: URL(fileURLWithPath: path))
        guard artifact.vectorsVersion == content.vectorsVersion else {
            throw PipelineError.modelVectorsMismatch(model: artifact.vectorsVersion, vectors: content.vectorsVersion)
        }
        var options = model
        options.fallbackIsFrozen = options.fallbackIsFrozen || warmStartPath != nil
        let recommender = ModelRecommender(network: artifact.network, featureSpace: artifact.featureSpace,
                                           confidence: artifact.confidence, versionID: artifact.versionID, content: content,
                                           fallback: stack.foundation, options: options)
        return (recommender, artifact.testStart)
    }
}
