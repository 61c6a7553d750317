/// One learned 32-d vector per category of each categorical feature (the paper's eq. 1),
/// written side by side into the step input. Ids outside a vocabulary read as the unknown
/// id 0, so a model never indexes past a table whatever the features say.
struct EmbeddingLayer {
    let tables: [Int]
    let vocabularySizes: [Int]
    let width: Int

    init(_ parameters: ParameterSet, names: [String], shape: NetworkShape) {
        vocabularySizes = shape.vocabularySizes
        width = shape.embeddingWidth
        tables = zip(names, shape.vocabularySizes).map { parameters.declare("embedding.\($0).weight", [$1, shape.embeddingWidth]) }
    }

    @inline(__always)
    private func row(_ feature: Int, _ id: Int32) -> Int {
        let id = Int(id)
        return (0..<vocabularySizes[feature]).contains(id) ? id : 0
    }

    // ids [N, C] → x[:, f·E ..< (f+1)·E] for every feature f (x has row stride `stride`)
    func forward(_ parameters: ParameterSet, ids: UnsafePointer<Int32>, positions: Int,
                 into x: UnsafeMutablePointer<Float>, stride: Int) {
        let features = tables.count
        for n in 0..<positions {
            for f in 0..<features {
                let source = parameters.value(tables[f]) + row(f, ids[n * features + f]) * width
                (x + n * stride + f * width).update(from: source, count: width)
            }
        }
    }

    // dx rows scatter-add into the rows of the tables they were read from
    func backward(_ parameters: ParameterSet, ids: UnsafePointer<Int32>, positions: Int,
                  dx: UnsafePointer<Float>, stride: Int) {
        let features = tables.count
        for n in 0..<positions {
            for f in 0..<features {
                let target = parameters.gradient(tables[f]) + row(f, ids[n * features + f]) * width
                BLAS.add(dx + n * stride + f * width, into: target, count: width)
            }
        }
    }
}
