#ifndef CNERE_KERNELS_H
#define CNERE_KERNELS_H

/// Hot loops that Swift cannot compile well for the machine it runs on.
///
/// SwiftPM builds for baseline x86-64 (SSE2, 4 floats a vector) and offers no per-function
/// target attributes, and a global -march would tie the binary to one CPU. In C the loops are
/// compiled several times with `target_clones` (AVX-512, AVX2+FMA, baseline) and the dynamic
/// loader picks the best clone for the CPU at start-up; aarch64 builds them as plain C.

#ifdef __cplusplus
extern "C" {
#endif

/// One GRU step's gate arithmetic for one row (PyTorch's gate convention r, z, n), after the
/// recurrent product gh = h_prev · W_hhᵀ + b_hh:
///   r = σ(gi_r + gh_r), u = σ(gi_z + gh_z), c = tanh(gi_n + r ⊙ gh_n),
///   h = (1 − u) ⊙ c + u ⊙ h_prev.
/// `gi` and `gh` hold 3·`hidden` floats each, the others `hidden`; `h` must not overlap the
/// inputs. exp is a Cephes-style approximation (relative error ≈ 2e-7).
void nere_gru_gates(long hidden, const float *gi, const float *gh, const float *hPrevious,
                    float *h);

/// `nere_gru_gates`, also storing what the backward pass needs into `stored` (4·`hidden`
/// floats): [r | u | c | gh_n].
void nere_gru_gates_training(long hidden, const float *gi, const float *gh,
                             const float *hPrevious, float *h, float *stored);

/// tanh of `count` floats in place, with the same exp: the attention layers' scores.
void nere_tanh_in_place(float *values, long count);

#ifdef __cplusplus
}
#endif

#endif
