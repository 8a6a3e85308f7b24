// The scoring kernel's AVX2 and AVX-512 paths (scoring_x86.cpp), for x86-64
// builds with GCC or Clang. They are compiled through function attributes, so
// that the build needs no -mavx2 and the library runs on any x86-64; which one
// runs is decided at run time (scoring.cpp, scoring_path()).
#ifndef MYOREF_SRC_ASSESS_SCORING_X86_HPP
#define MYOREF_SRC_ASSESS_SCORING_X86_HPP

#include <cstddef>
#include <cstdint>

#include "engine/scoring.hpp"

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define MYOREF_SCORING_X86 1
#else
#define MYOREF_SCORING_X86 0
#endif

#if MYOREF_SCORING_X86
namespace myoref::detail::x86 {

/// Whether this CPU, and the OS (which must save the wider registers), run
/// the path: AVX2; AVX-512 F, BW and VL.
bool cpu_runs_avx2() noexcept;
bool cpu_runs_avx512() noexcept;

/// score_drawing()'s kernel (no findings; E, K and D left in `work` when
/// `parts`) and score_rows(), on each path.
void score_drawing_avx2(const ScoringTables& t, const SparseDrawing& drawing, float* work,
                        float* scores, bool parts) noexcept;
void score_drawing_avx512(const ScoringTables& t, const SparseDrawing& drawing, float* work,
                          float* scores, bool parts) noexcept;
void score_rows_avx2(const ScoringTables& t, const std::uint8_t* rows, std::size_t n, float* out,
                     const RowScratch& scratch) noexcept;
void score_rows_avx2(const ScoringTables& t, const float* rows, std::size_t n, float* out,
                     const RowScratch& scratch) noexcept;
void score_rows_avx512(const ScoringTables& t, const std::uint8_t* rows, std::size_t n, float* out,
                       const RowScratch& scratch) noexcept;
void score_rows_avx512(const ScoringTables& t, const float* rows, std::size_t n, float* out,
                       const RowScratch& scratch) noexcept;

/// all_intensities() on each path.
bool all_intensities_avx2(const std::uint8_t* values, std::size_t count) noexcept;
bool all_intensities_avx2(const float* values, std::size_t count) noexcept;
bool all_intensities_avx512(const std::uint8_t* values, std::size_t count) noexcept;
bool all_intensities_avx512(const float* values, std::size_t count) noexcept;

}  // namespace myoref::detail::x86
#endif

#endif  // MYOREF_SRC_ASSESS_SCORING_X86_HPP
