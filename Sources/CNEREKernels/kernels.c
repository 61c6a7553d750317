#include "CNEREKernels.h"

#include <stdint.h>
#include <string.h>

// Run-time dispatch on x86-64 (see the header); elsewhere one plain build.
#if defined(__x86_64__) && defined(__linux__) && defined(__clang__)
#define NERE_CLONES __attribute__((target_clones("arch=x86-64-v4", "arch=x86-64-v3", "default")))
#else
#define NERE_CLONES
#endif

#define NERE_INLINE static inline __attribute__((always_inline))

// exp, kept branch-free so the loops vectorise: range reduction to
// r ∈ [−ln2/2, ln2/2], a degree-6 polynomial, 2ⁿ written into the float's exponent bits.
// 1.5·2²³ rounds to the nearest integer, which lands in the sum's low mantissa bits.
NERE_INLINE float nere_exp(float x) {
    const float shift = 12582912.0f;
    float clamped = x < -87.3f ? -87.3f : x;
    clamped = clamped > 88.3f ? 88.3f : clamped;
    const float shifted = clamped * 1.44269504f + shift;
    const float n = shifted - shift;
    float r = clamped - n * 0.693359375f;
    r = r + n * 2.1219444e-4f;
    float p = 1.98756915e-4f;
    p = p * r + 1.39819995e-3f;
    p = p * r + 8.3334519e-3f;
    p = p * r + 4.16657959e-2f;
    p = p * r + 1.66666655e-1f;
    p = p * r + 5.00000012e-1f;
    const float y = p * r * r + r + 1.0f;
    uint32_t bits, shiftBits;
    memcpy(&bits, &shifted, sizeof bits);
    memcpy(&shiftBits, &shift, sizeof shiftBits);
    const uint32_t exponentBits = (bits - shiftBits + 127u) << 23;
    float scale;
    memcpy(&scale, &exponentBits, sizeof scale);
    return y * scale;
}

NERE_INLINE float nere_sigmoid(float x) { return 1.0f / (1.0f + nere_exp(-x)); }
NERE_INLINE float nere_tanh(float x) { return 1.0f - 2.0f / (nere_exp(x + x) + 1.0f); }

// One fused pass over the hidden units; `stored` is null for inference. Inlined into each
// exported function, so the branch on it folds away.
NERE_INLINE void nere_gru_gates_body(long hidden, const float *restrict gi, const float *restrict gh,
                                     const float *restrict hPrevious, float *restrict h,
                                     float *restrict stored) {
    // Baseline SSE2's cost model otherwise leaves the training variant scalar.
#pragma clang loop vectorize(enable)
    for (long j = 0; j < hidden; j++) {
        const float r = nere_sigmoid(gi[j] + gh[j]);
        const float u = nere_sigmoid(gi[hidden + j] + gh[hidden + j]);
        const float ghn = gh[2 * hidden + j];
        const float c = nere_tanh(gi[2 * hidden + j] + r * ghn);
        h[j] = (1.0f - u) * c + u * hPrevious[j];
        if (stored) {
            stored[j] = r;
            stored[hidden + j] = u;
            stored[2 * hidden + j] = c;
            stored[3 * hidden + j] = ghn;
        }
    }
}

NERE_CLONES
void nere_gru_gates(long hidden, const float *gi, const float *gh, const float *hPrevious, float *h) {
    nere_gru_gates_body(hidden, gi, gh, hPrevious, h, 0);
}

NERE_CLONES
void nere_gru_gates_training(long hidden, const float *gi, const float *gh,
                             const float *hPrevious, float *h, float *stored) {
    nere_gru_gates_body(hidden, gi, gh, hPrevious, h, stored);
}

NERE_CLONES
void nere_tanh_in_place(float *values, long count) {
    for (long i = 0; i < count; i++) values[i] = nere_tanh(values[i]);
}
