import Foundation
#if arch(x86_64) && canImport(_Builtin_intrinsics)
import _Builtin_intrinsics.intel
#endif

/// One co-occurrence entry in the form the hot loop wants: log X and f(X) computed once instead
/// of in every epoch, 16 bytes.
struct GloVeEntry: Sendable, Equatable {
    var word: Int32
    var context: Int32
    var logCount: Float
    var weight: Float

    /// f(x) = (x / xMax)^alpha below xMax, 1 from there on.
    init(_ entry: CooccurrenceCounts.Entry, xMax: Double, alpha: Double) {
        word = entry.word
        context = entry.context
        logCount = Float(log(entry.count))
        weight = entry.count > xMax ? 1 : Float(pow(entry.count / xMax, alpha))
    }
}

/// The GloVe update for one entry, `glove.c`'s arithmetic in Float32 on raw pointers into a
/// `GloVeParameters` buffer.
///
/// Where the time goes: per entry the kernel reads and writes four rows of `dimensions` floats
/// (w_i, w̃_j and their accumulator rows: 2 KiB at 128-d) and needs two square roots and two
/// divisions per dimension; the dot product and the biases are cheap. Which of the two limits
/// depends on whether the rows stay in cache. Measured, release build, 128-d, 2-vCPU Xeon VM:
/// - Zipf corpus, 15k words, 6.0 M entries (30 MB of parameters, shuffled so rows come in random
///   order): 1.6 s per epoch on one thread (≈270 ns per entry, mostly waiting for rows), 0.6–0.9 s
///   on two, whose memory stalls overlap.
/// - Set text, 6.2k words, 1.25 M entries (13 MB): 0.22 s per epoch on one thread (≈180 ns per
///   entry, about what 128 SSE square roots and divisions cost), 0.16 s on two.
/// Exact `sqrtps`/`divps` are kept over the faster `rsqrtps` estimate because the estimate
/// differs between CPU models, and exact IEEE operations give a seed the same vectors on any
/// x86-64 machine.
///
/// The kernel is a view, not an owner: it must not outlive the `withKernel` call that made it,
/// and two kernels may run at once only on entries with disjoint word rows and disjoint context
/// rows (which the trainer's schedule guarantees).
struct GloVeKernel {
    let dimensions: Int
    let learningRate: Float
    let word: UnsafeMutablePointer<Float>
    let context: UnsafeMutablePointer<Float>
    let wordSquares: UnsafeMutablePointer<Float>
    let contextSquares: UnsafeMutablePointer<Float>
    let wordBias: UnsafeMutablePointer<Float>
    let contextBias: UnsafeMutablePointer<Float>
    let wordBiasSquares: UnsafeMutablePointer<Float>
    let contextBiasSquares: UnsafeMutablePointer<Float>

    /// Updates for each entry in order; returns the sum of the entries' loss terms.
    func pass(_ entries: UnsafeBufferPointer<GloVeEntry>) -> Double {
        var loss = 0.0
        for entry in entries {
            loss += update(entry)
        }
        return loss
    }

    /// Forward: the residual r = w_i·w̃_j + b_i + b̃_j − log X_ij, loss term ½ f(X_ij) r².
    /// Backward (of ½ f r², as `glove.c`; the paper's J has no ½ and twice the gradient):
    /// ∂/∂w_i = f r w̃_j, ∂/∂w̃_j = f r w_i, ∂/∂b_i = ∂/∂b̃_j = f r.
    /// AdaGrad as `glove.c` writes it: with g = learningRate · (gradient), a parameter moves by
    /// g / √G with G its accumulator *before* adding g², then G += g².
    @inline(__always)
    private func update(_ entry: GloVeEntry) -> Double {
        let i = Int(entry.word)
        let j = Int(entry.context)
        let w = word + i * dimensions
        let c = context + j * dimensions

        let residual = dot(w, c) + wordBias[i] + contextBias[j] - entry.logCount
        let weightedResidual = entry.weight * residual
        let step = learningRate * weightedResidual

        adaGrad(w, wordSquares + i * dimensions, c, contextSquares + j * dimensions, step: step)
        wordBias[i] -= step / wordBiasSquares[i].squareRoot()
        contextBias[j] -= step / contextBiasSquares[j].squareRoot()
        wordBiasSquares[i] += step * step
        contextBiasSquares[j] += step * step
        return 0.5 * Double(weightedResidual) * Double(residual)
    }

    @inline(__always)
    private func dot(_ a: UnsafeMutablePointer<Float>, _ b: UnsafeMutablePointer<Float>) -> Float {
        var lanes = SIMD8<Float>()
        var k = 0
        while k + 8 <= dimensions {
            lanes += Self.load(a + k) * Self.load(b + k)
            k += 8
        }
        var sum = lanes.sum()
        while k < dimensions {
            sum += a[k] * b[k]
            k += 1
        }
        return sum
    }

    /// w -= step·w̃ / √G_w and w̃ -= step·w / √G_w̃, both from the old w and w̃; then the
    /// accumulators grow by the squared numerators.
    @inline(__always)
    private func adaGrad(_ w: UnsafeMutablePointer<Float>, _ wSquares: UnsafeMutablePointer<Float>,
                         _ c: UnsafeMutablePointer<Float>, _ cSquares: UnsafeMutablePointer<Float>, step: Float) {
        var k = 0
        while k + 8 <= dimensions {
            let wOld = Self.load(w + k)
            let cOld = Self.load(c + k)
            let wGradient = step * cOld
            let cGradient = step * wOld
            let wAccumulated = Self.load(wSquares + k)
            let cAccumulated = Self.load(cSquares + k)
            Self.store(wOld - wGradient / Self.squareRoot(wAccumulated), at: w + k)
            Self.store(cOld - cGradient / Self.squareRoot(cAccumulated), at: c + k)
            Self.store(wAccumulated + wGradient * wGradient, at: wSquares + k)
            Self.store(cAccumulated + cGradient * cGradient, at: cSquares + k)
            k += 8
        }
        while k < dimensions {
            let wGradient = step * c[k]
            let cGradient = step * w[k]
            w[k] -= wGradient / wSquares[k].squareRoot()
            c[k] -= cGradient / cSquares[k].squareRoot()
            wSquares[k] += wGradient * wGradient
            cSquares[k] += cGradient * cGradient
            k += 1
        }
    }

    /// On Linux x86-64, `SIMD8<Float>.squareRoot()` becomes eight scalar square roots, each with
    /// a branch to libm's `sqrtf` for errno, which made the kernel 1.5× slower; SSE's `sqrtps` is
    /// the same IEEE-exact root without the errno detour.
    @inline(__always)
    private static func squareRoot(_ value: SIMD8<Float>) -> SIMD8<Float> {
        #if arch(x86_64) && canImport(_Builtin_intrinsics)
        SIMD8(lowHalf: _mm_sqrt_ps(value.lowHalf), highHalf: _mm_sqrt_ps(value.highHalf))
        #else
        value.squareRoot()
        #endif
    }

    @inline(__always)
    private static func load(_ pointer: UnsafeMutablePointer<Float>) -> SIMD8<Float> {
        UnsafeRawPointer(pointer).loadUnaligned(as: SIMD8<Float>.self)
    }

    @inline(__always)
    private static func store(_ value: SIMD8<Float>, at pointer: UnsafeMutablePointer<Float>) {
        UnsafeMutableRawPointer(pointer).storeBytes(of: value, as: SIMD8<Float>.self)
    }
}
