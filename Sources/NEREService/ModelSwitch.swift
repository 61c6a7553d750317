import Foundation
import Logging
import NERECache
import NEREFeatures
import NEREPipeline

/// Swaps in a new model between batches — on SIGHUP (re-reading `model.path` from the
/// configuration file) or when the model at the current path changes — so no event is lost
/// or applied twice. A model that fails to load is logged and counted; the old one serves on.
struct ModelSwitch {
    private var setup: RecommenderSetup
    private let stack: RecommenderSetup.Stack
    private let configurationPath: String?
    private let cache: StreamCache
    private let logger: Logger
    private let metrics: ServiceMetrics
    private var servingVersion: String
    private var lastSeen: Date?
    private var nextCheck = ContinuousClock.now

    /// How often the model directory is looked at for a new model.
    static let checkInterval = Duration.seconds(5)

    init(setup: RecommenderSetup, stack: RecommenderSetup.Stack, configurationPath: String?, cache: StreamCache,
         logger: Logger, metrics: ServiceMetrics) {
        self.setup = setup
        self.stack = stack
        self.configurationPath = configurationPath
        self.cache = cache
        self.logger = logger
        self.metrics = metrics
        servingVersion = stack.serving.modelVersion
        lastSeen = setup.modelPath.flatMap(Self.modified)
    }

    /// A new recommender to serve from the next batch, if one was asked for or appeared.
    mutating func replacement(requested: Bool) -> (any Recommender)? {
        if requested, let configurationPath {
            do {
                setup.modelPath = try ServiceConfiguration.load(path: configurationPath).recommenders.modelPath
            } catch {
                logger.error("model reload: configuration not read; keeping the current model", metadata: ["error": "\(error)"])
                metrics.modelReload(outcome: "failed")
                return nil
            }
        } else if !requested {
            guard ContinuousClock.now >= nextCheck, let path = setup.modelPath else { return nil }
            nextCheck = ContinuousClock.now + Self.checkInterval
            let modified = Self.modified(path)
            guard modified != lastSeen else { return nil }
            lastSeen = modified
        }
        guard let path = setup.modelPath else { return nil }
        do {
            let (model, _) = try setup.loadModel(from: path, for: stack)
            guard model.modelVersion != servingVersion else { return nil }
            model.catalogChanged(published: try cache.publishedSets(), deleted: [])
            logger.notice("model swapped", metadata: ["from": "\(servingVersion)", "to": "\(model.modelVersion)", "path": "\(path)"])
            servingVersion = model.modelVersion
            metrics.modelReload(outcome: "swapped")
            return model
        } catch {
            logger.error("model reload failed; keeping the current model", metadata: ["path": "\(path)", "error": "\(error)"])
            metrics.modelReload(outcome: "failed")
            return nil
        }
    }

    private static func modified(_ modelDirectory: String) -> Date? {
        let attributes = try? FileManager.default.attributesOfItem(atPath: modelDirectory + "/model.json")
        return attributes?[.modificationDate] as? Date
    }
}
