/// How the graph index is built and searched. The defaults are what `nere bench index`
/// measured best on clustered 128-d vectors (README, "Nearest-set index").
public struct GraphParameters: Sendable, Hashable, Codable {
    /// k of the k-NN graph NN-Descent builds before pruning.
    public var neighbors = 48
    /// Random-projection trees whose leaves give NN-Descent its starting lists.
    public var initialTrees = 8
    /// ρ of Dong et al.: each round joins at most ρ·k sampled neighbours per node (and as
    /// many reverse ones); lower is cheaper per round but needs more rounds.
    public var sampleRate = 0.5
    /// δ of Dong et al.: construction stops when a round changes fewer than δ·n·k entries.
    public var terminationDelta = 0.001
    public var maxIterations = 12
    /// Out-edges kept per node after pruning for diversity and adding reverse edges.
    public var maxDegree = 32
    /// α of the pruning rule: a candidate is dropped when a kept neighbour is α times closer to
    /// it than the node is. 1 is HNSW's heuristic; larger keeps more, longer edges.
    public var pruneSlack: Float = 1.1
    /// Candidate list width when a set is added or moved while serving.
    public var insertWidth = 100
    /// Search width used when a query does not name one.
    public var searchWidth = 160
    /// Rows at most in the top level of the graph (`GraphHierarchy`), which a query scans with
    /// one matrix–vector product before descending.
    public var entryPoints = 1_024
    /// How many rows each level's search hands down as the next level's starting points.
    public var entrySeeds = 16
    public var threads = 2
    public var seed: UInt64 = 20_110_328

    public init() {}

    enum CodingKeys: String, CodingKey {
        case neighbors, initialTrees = "initial_trees", sampleRate = "sample_rate", terminationDelta = "termination_delta"
        case maxIterations = "max_iterations", maxDegree = "max_degree", pruneSlack = "prune_slack"
        case insertWidth = "insert_width", searchWidth = "search_width", entryPoints = "entry_points"
        case entrySeeds = "entry_seeds", threads, seed
    }
}
