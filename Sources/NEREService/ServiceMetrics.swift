import NEREContracts
import Prometheus

/// The service's metrics, served at `/metrics` in Prometheus' text format. Names follow
/// Prometheus conventions: `_total` counters, `_seconds` histograms, base units.
final class ServiceMetrics: Sendable {
    let registry = PrometheusCollectorRegistry()

    let eventsIn: Counter
    let recommendationsOut: Counter
    let droppedUnderage: Counter
    let duplicates: Counter
    let outputsResent: Counter
    let batchDuration: DurationHistogram
    let eventToRecommendation: DurationHistogram
    let windows: Gauge
    let setsInCatalog: Gauge
    let assignedPartitions: Gauge

    init() {
        let latencyBuckets: [Duration] = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000].map { .milliseconds($0) }
        eventsIn = registry.makeCounter(name: "nere_events_in_total", help: "Records consumed from nere.study-events.")
        recommendationsOut = registry.makeCounter(name: "nere_recommendations_out_total",
                                                  help: "Recommendations produced to nere.recommendations.")
        droppedUnderage = registry.makeCounter(name: "nere_events_dropped_underage_total",
                                               help: "Sessions of users under 13, dropped and never stored.")
        duplicates = registry.makeCounter(name: "nere_events_duplicate_total",
                                          help: "Events already applied (duplicate event_id or an offset a window has seen).")
        outputsResent = registry.makeCounter(name: "nere_outputs_resent_total",
                                             help: "Output records sent again after a failed delivery.")
        batchDuration = registry.makeDurationHistogram(name: "nere_batch_duration_seconds", buckets: latencyBuckets,
                                                       help: "One micro-batch: pipeline, outputs acknowledged, SQLite and offset commits.")
        eventToRecommendation = registry.makeDurationHistogram(
            name: "nere_event_to_recommendation_seconds", buckets: latencyBuckets,
            help: "From an event's Kafka timestamp to its recommendation acknowledged by the broker.")
        windows = registry.makeGauge(name: "nere_windows", help: "Windows (user, subject) held in memory.")
        setsInCatalog = registry.makeGauge(name: "nere_sets_in_catalog", help: "Sets in the catalog read from nere.sets.")
        assignedPartitions = registry.makeGauge(name: "nere_assigned_partitions", help: "Input partitions owned by this instance.")
    }

    func deadLetter(reason: ContractViolation.Reason) {
        registry.makeCounter(name: "nere_dead_letters_total", labels: [("reason", reason.rawValue)],
                             help: "Invalid records sent to nere.study-events.dlq, by reason.").increment()
    }

    func consumerLag(partition: Int32, lag: Int64) {
        registry.makeGauge(name: "nere_consumer_lag", labels: [("partition", String(partition))],
                           help: "Records between this instance's position and the partition's end.").set(Double(lag))
    }

    func restored(from source: String, seconds: Duration, windows: Int) {
        registry.makeDurationHistogram(name: "nere_restore_duration_seconds", labels: [("source", source)],
                                       buckets: [0.01, 0.05, 0.1, 0.5, 1, 2, 5, 10, 30, 60].map { .milliseconds(Int($0 * 1000)) },
                                       help: "Restoring one assigned partition's windows, from the cache or the changelog.")
            .record(seconds)
        registry.makeCounter(name: "nere_restored_windows_total", labels: [("source", source)],
                             help: "Windows restored on partition assignment.").increment(by: Int64(windows))
    }

    func modelReload(outcome: String) {
        registry.makeCounter(name: "nere_model_reloads_total", labels: [("outcome", outcome)],
                             help: "Model swaps attempted (SIGHUP or a changed model), by outcome.").increment()
    }
}
