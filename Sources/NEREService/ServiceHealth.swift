import Foundation
import Synchronization

/// What `/readyz` reports: ready once the catalog is loaded, the model (if configured) is
/// loaded, and every assigned partition has its windows restored. A load balancer or an
/// orchestrator waits for it; `/healthz` only says the process answers.
final class ServiceHealth: Sendable {
    struct Readiness: Sendable {
        var catalogLoaded = false
        var modelLoaded = false
        var partitionsAssigned = false
        var partitionsRestoring = 0
        var draining = false

        var isReady: Bool { catalogLoaded && modelLoaded && partitionsAssigned && partitionsRestoring == 0 && !draining }

        var json: String {
            """
            {"ready":\(isReady),"catalog_loaded":\(catalogLoaded),"model_loaded":\(modelLoaded),\
            "partitions_assigned":\(partitionsAssigned),"partitions_restoring":\(partitionsRestoring),"draining":\(draining)}
            """
        }
    }

    private let state = Mutex(Readiness())

    var readiness: Readiness { state.withLock { $0 } }

    func update(_ change: (inout Readiness) -> Void) {
        state.withLock { change(&$0) }
    }
}
