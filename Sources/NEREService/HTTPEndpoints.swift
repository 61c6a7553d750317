import FlyingFox
import FlyingSocks
import Foundation

/// `/healthz`, `/readyz` and `/metrics` over HTTP/1.1, bound to the configured address
/// (loopback by default: metrics are for the local agent or an explicitly opened port).
final class HTTPEndpoints: Sendable {
    private let server: HTTPServer
    private let health: ServiceHealth
    private let metrics: ServiceMetrics

    init(host: String, port: UInt16, health: ServiceHealth, metrics: ServiceMetrics) throws {
        server = HTTPServer(address: try sockaddr_in.inet(ip4: host, port: port), logger: .disabled)
        self.health = health
        self.metrics = metrics
    }

    /// Serves until `stop`; returns the bound port once listening (for port 0: the one chosen).
    func start() async throws -> UInt16 {
        let (server, health, metrics) = (self.server, self.health, self.metrics)
        await server.appendRoute("GET /healthz") { _ in
            HTTPResponse(statusCode: .ok, headers: [.contentType: "text/plain"], body: Data("ok\n".utf8))
        }
        await server.appendRoute("GET /readyz") { _ in
            let readiness = health.readiness
            return HTTPResponse(statusCode: readiness.isReady ? .ok : .serviceUnavailable,
                                headers: [.contentType: "application/json"], body: Data(readiness.json.utf8))
        }
        await server.appendRoute("GET /metrics") { _ in
            HTTPResponse(statusCode: .ok, headers: [.contentType: "text/plain; version=0.0.4"],
                         body: Data(metrics.registry.emitToBuffer()))
        }
        Task { try await server.run() }
        try await server.waitUntilListening(timeout: 10)
        guard case .ip4(_, let port) = await server.listeningAddress else { return 0 }
        return port
    }

    func stop() async {
        await server.stop(timeout: 1)
    }
}
