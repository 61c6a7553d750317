/// A random-projection tree over unit rows: each split takes two random members and sends
/// every member to the side of the one it is nearer in angle (the sign of x·(a − b)), until a
/// leaf holds at most `leafSize` rows. Rows sharing a leaf are likely neighbours, so
/// NN-Descent starts from the pairs inside each leaf of a few trees (as pynndescent does)
/// instead of from random lists: on clustered data a random start has almost every initial
/// neighbour in another cluster, and NN-Descent needs many more rounds to recover.
///
/// Where the time goes: one dot product per row and level, ~log₂(n / leafSize) levels.
struct RandomProjectionTree {
    /// Rows ordered so that each leaf is a contiguous range of `order`.
    var order: [IndexRow]
    var leaves: [Range<Int>]

    init(vectors: UnsafePointer<Float>, nodes: Int, dimensions: Int, leafSize: Int, seed: UInt64) {
        order = (0..<nodes).map(IndexRow.init)
        leaves = []
        var pending = [0..<nodes]
        var draw: UInt64 = 0
        var normal = [Float](repeating: 0, count: dimensions)
        while let range = pending.popLast() {
            guard range.count > leafSize else {
                leaves.append(range)
                continue
            }
            func pick() -> Int {
                draw += 1
                return range.lowerBound + Int(hashedUnit(seed, draw, UInt64(range.count)) * Float(range.count)) % range.count
            }
            let a = Int(order[pick()]), b = Int(order[pick()])
            for k in 0..<dimensions { normal[k] = vectors[a * dimensions + k] - vectors[b * dimensions + k] }
            var split = range.lowerBound
            normal.withUnsafeBufferPointer { normal in
                for position in range {
                    let row = Int(order[position])
                    let side = cosine(vectors + row * dimensions, normal.baseAddress!, Int32(dimensions))
                    let nearerA = side > 0 || (side == 0 && hashedUnit(seed, draw, UInt64(row)) < 0.5)
                    if nearerA {
                        order.swapAt(position, split)
                        split += 1
                    }
                }
            }
            // Identical or symmetric members can leave one side empty: halve the range instead.
            if split == range.lowerBound || split == range.upperBound { split = range.lowerBound + range.count / 2 }
            pending.append(range.lowerBound..<split)
            pending.append(split..<range.upperBound)
        }
    }
}
