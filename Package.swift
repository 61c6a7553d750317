// swift-tools-version: 6.1
import PackageDescription

// Dependencies point one way: nere (CLI) → NEREService (Kafka) → NEREPipeline → NERETraining → NEREModel /
// NEREContent / NEREBaseline / NEREFactorization / NERECache / NEREEvaluation → NEREFeatures → NEREContracts.
// Nothing imports the CLI.
let package = Package(
    name: "nere-stream",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "nere", targets: ["nere"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        .systemLibrary(name: "CRDKafka", pkgConfig: "rdkafka",
                       providers: [.apt(["librdkafka-dev"])]),
        .systemLibrary(name: "COpenBLAS", pkgConfig: "openblas",
                       providers: [.apt(["libopenblas-dev"])]),

        .target(name: "NEREContracts"),
        // librdkafka wrapper: configuration, errors, producer, consumer, admin, mock cluster.
        .target(name: "NEREKafka", dependencies: ["CRDKafka", "NEREContracts", .product(name: "Logging", package: "swift-log")]),
        .target(name: "NEREFeatures", dependencies: ["NEREContracts"]),
        .target(name: "NEREBaseline", dependencies: ["NEREContracts", "NEREFeatures"]),
        .target(name: "NEREEvaluation", dependencies: ["NEREContracts"]),
        .target(name: "NERECache", dependencies: [
            "NEREContracts", "NEREFeatures",
            .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        .target(name: "NERESynthetic", dependencies: ["NEREContracts"]),
        .target(name: "NEREIndex", dependencies: ["NEREContracts", "COpenBLAS"]),
        .target(name: "NEREContent", dependencies: ["NEREContracts", "NEREFeatures", "NEREIndex", "NERESetVectors"]),
        .target(name: "NERESetVectors", dependencies: ["NEREContracts", "COpenBLAS"], resources: [.copy("StopWords")]),
        // C for the GRU gate loop: compiled per CPU level with target_clones, no global flags.
        .target(name: "CNEREKernels"),
        .target(name: "NEREModel", dependencies: ["NEREContracts", "NEREFeatures", "COpenBLAS", "CNEREKernels"]),
        .target(name: "NEREFactorization", dependencies: ["NEREContracts", "NEREFeatures", "NEREIndex", "COpenBLAS"]),
        .target(name: "NERETraining", dependencies: [
            "NEREContracts", "NEREFeatures", "NEREModel", "NEREContent", "NERESetVectors",
        ]),
        .target(name: "NEREPipeline", dependencies: [
            "NEREContracts", "NEREFeatures", "NEREBaseline", "NERECache", "NEREEvaluation", "NEREContent",
            "NERESetVectors", "NEREModel", "NERETraining", .product(name: "Logging", package: "swift-log"),
        ]),
        // `nere serve`: the pipeline driven by Kafka, with its configuration, changelog, metrics
        // and health endpoints.
        .target(name: "NEREComparison", dependencies: [
            "NEREContracts", "NEREFeatures", "NEREBaseline", "NEREEvaluation", "NEREContent", "NEREIndex", "NERESetVectors",
            "NEREModel", "NERETraining", "NEREPipeline", "NEREFactorization", .product(name: "Logging", package: "swift-log"),
        ]),
        .target(name: "NEREService", dependencies: [
            "NEREPipeline", "NEREKafka", "NERECache", "NEREContracts", "NEREFeatures", "NEREModel",
            .product(name: "Logging", package: "swift-log"),
            .product(name: "Prometheus", package: "swift-prometheus"),
            .product(name: "FlyingFox", package: "FlyingFox"),
            .product(name: "Yams", package: "Yams"),
        ]),
        .executableTarget(name: "nere", dependencies: [
            "NEREService", "NEREPipeline", "NEREFeatures", "NEREBaseline", "NERESynthetic", "NERESetVectors", "NEREIndex", "NERECache", "NEREContracts",
            "NEREEvaluation", "NEREComparison", "NEREModel", "NERETraining", "NEREKafka", "CRDKafka", "COpenBLAS",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "Logging", package: "swift-log"),
        ]),

        .testTarget(name: "NEREContractsTests", dependencies: ["NEREContracts"],
                    resources: [.copy("Fixtures")]),
        .testTarget(name: "NEREPipelineTests", dependencies: [
            "NEREPipeline", "NEREFeatures", "NEREBaseline", "NERECache", "NEREContracts", "NEREEvaluation",
            "NEREContent", "NERESetVectors", "NEREIndex", "NEREModel", "NERETraining", "NEREComparison",
            "NEREKafka", "NEREService", .product(name: "PropertyBased", package: "swift-property-based"),
        ]),
        .testTarget(name: "NERESyntheticTests", dependencies: ["NERESynthetic", "NEREContracts"]),
        .testTarget(name: "NEREEvaluationTests", dependencies: ["NEREEvaluation", "NEREContracts"],
                    resources: [.copy("Fixtures")]),
        .testTarget(name: "NERESetVectorsTests", dependencies: ["NERESetVectors", "NEREContracts"],
                    resources: [.copy("Fixtures")]),
        .testTarget(name: "NEREIndexTests", dependencies: ["NEREIndex", "NERESynthetic"]),
        .testTarget(name: "NEREModelTests", dependencies: ["NEREModel", "NEREContracts"],
                    resources: [.copy("Fixtures")]),
        .testTarget(name: "NERETrainingTests", dependencies: [
            "NERETraining", "NEREModel", "NEREFeatures", "NEREContracts", "NERESynthetic", "NERESetVectors", "NEREContent",
        ]),
        .testTarget(name: "NEREFactorizationTests", dependencies: [
            "NEREFactorization", "NEREFeatures", "NEREContracts",
        ]),
        .testTarget(name: "NEREKafkaTests", dependencies: ["NEREKafka", "CRDKafka"]),
        .testTarget(name: "NEREServiceTests", dependencies: [
            "NEREService", "NEREPipeline", "NEREKafka", "NERECache", "NEREContracts", "NERESynthetic", "NEREFeatures",
        ]),
        .testTarget(name: "NERECLITests", dependencies: ["nere", "NERECache", "NEREIndex", "NEREKafka"]),
    ]
)
