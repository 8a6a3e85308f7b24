// score_batch(): many drawings, no findings, several threads.
//
// Each thread checks, then scores, a contiguous block of rows with the same
// kernel as assess(), so a row's scores equal the assessment's exactly. All
// working memory is allocated by the calling thread before any thread starts;
// the scoring loop allocates nothing and cannot throw.
#include <algorithm>
#include <cmath>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <new>
#include <string>
#include <system_error>
#include <thread>
#include <vector>

#include "engine/scoring.hpp"
#include "myoref/assess.hpp"

namespace myoref {
namespace {

using detail::ScoringTables;

// Fewer rows than this per thread cost more to start a thread than they save:
// starting and joining one takes some 20-80 µs, and the AVX-512 kernel scores
// 2048 sparse rows in about 110 µs.
constexpr std::size_t kMinRowsPerThread = 2048;
constexpr std::size_t kMaxListedProblems = 20;

bool is_intensity(std::uint8_t v) noexcept {
  return v <= 10;
}
bool is_intensity(float v) noexcept {
  return std::isfinite(v) && v >= 0.0F && v <= 10.0F;
}

std::string value_text(std::uint8_t v) {
  return std::to_string(static_cast<int>(v));
}
std::string value_text(float v) {
  if (std::isnan(v))
    return "NaN";
  if (std::isinf(v))
    return v > 0 ? "infinity" : "-infinity";
  return std::to_string(v);
}

template <class T>
Status check_drawings(const T* drawings, std::size_t n, std::size_t width) {
  if (detail::all_intensities(detail::scoring_path(), drawings, n * width))
    return {};
  std::vector<Diagnostic> problems;
  std::size_t bad = 0;
  for (std::size_t i = 0; i < n * width; ++i) {
    if (is_intensity(drawings[i]))
      continue;
    if (++bad <= kMaxListedProblems) {
      problems.push_back(
          Diagnostic{"/" + std::to_string(i / width) + "/" + std::to_string(i % width),
                     value_text(drawings[i]) + " is not an intensity: expected 0..10"});
    }
  }
  if (bad == 0)
    return {};
  std::string summary = std::to_string(bad) + " drawing value" + (bad == 1 ? " is" : "s are") +
                        " not intensities 0..10";
  if (bad > kMaxListedProblems) {
    summary += " (the first " + std::to_string(kMaxListedProblems) + " are listed)";
  }
  return Error(ErrorCode::invalid_input, summary, std::move(problems));
}

/// Where the threads of one call meet between checking their rows and
/// scoring them: nothing is written to `out` until every row is known to be
/// valid, so that on bad input `out` is left untouched, as documented.
class CheckedGate {
 public:
  /// A thread's rows are checked (`valid`: all of them are intensities).
  void report(bool valid) {
    const std::lock_guard<std::mutex> lock(mutex_);
    ++reported_;
    all_valid_ = all_valid_ && valid;
    changed_.notify_all();
  }
  /// Waits for the verdict: true when every row is valid.
  bool wait() {
    std::unique_lock<std::mutex> lock(mutex_);
    changed_.wait(lock, [this] { return decided_; });
    return all_valid_;
  }
  /// The calling thread: waits for `reports` reports, then gives the verdict.
  bool decide(std::size_t reports) {
    std::unique_lock<std::mutex> lock(mutex_);
    changed_.wait(lock, [&] { return reported_ == reports; });
    decided_ = true;
    changed_.notify_all();
    return all_valid_;
  }

 private:
  std::mutex mutex_;
  std::condition_variable changed_;
  std::size_t reported_ = 0;
  bool all_valid_ = true;
  bool decided_ = false;
};

/// What each started thread runs: check rows [begin, end), then score them if
/// every thread found its rows valid.
template <class T>
void check_and_score(detail::ScoringPath path, const ScoringTables& t, const T* drawings,
                     std::size_t begin, std::size_t end, float* out, detail::RowScratch scratch,
                     CheckedGate& gate) {
  const std::size_t nr = t.region_key_count;
  gate.report(detail::all_intensities(path, drawings + begin * nr, (end - begin) * nr));
  if (gate.wait()) {
    detail::score_rows(path, t, drawings + begin * nr, end - begin, out + begin * t.candidate_count,
                       scratch);
  }
}

template <class T>
Status score_batch_impl(const KnowledgeBase& kb, const T* drawings, std::size_t n, float* out,
                        unsigned threads) {
  if (n == 0)
    return {};
  if (drawings == nullptr || out == nullptr) {
    return Error(ErrorCode::invalid_argument, "score_batch: drawings and out must not be null");
  }
  const ScoringTables& t = detail::scoring_tables(kb);
  const std::size_t nr = t.region_key_count;
  const std::size_t nc = t.candidate_count;

  std::size_t lanes = threads != 0 ? threads : std::thread::hardware_concurrency();
  lanes = std::min(lanes, (n + kMinRowsPerThread - 1) / kMinRowsPerThread);
  if (lanes == 0)  // no drawings, or a machine that cannot tell its cores
    lanes = 1;
  bool valid = true;
  try {
    const detail::ScoringPath path = detail::scoring_path();
    const std::size_t row = detail::row_scratch_size(t);
    // Each lane's work area starts a cache line (and holds whole lines), so
    // that no two threads write to one line; it is zero here, and the kernel
    // leaves its salience sums zero after each row.
    const std::size_t work = (detail::scoring_work_size(t) + row + 15) / 16 * 16;
    detail::AlignedFloats floats(lanes * work, 0.0F);
    std::vector<RegionKeyIndex> keys(lanes * row);
    const auto lane = [&](std::size_t i) {
      float* area = floats.data() + i * work;
      return detail::RowScratch{keys.data() + i * row, area + detail::scoring_work_size(t), area};
    };
    const auto first_row = [&](std::size_t i) { return n * i / lanes; };
    if (lanes == 1) {
      valid = detail::all_intensities(path, drawings, n * nr);
      if (valid)
        detail::score_rows(path, t, drawings, n, out, lane(0));
    } else {
      // The input is checked by the threads, each its own rows, in parallel
      // (a million float rows are 324 MB to read), before any row is scored.
      CheckedGate gate;
      std::vector<std::thread> pool;
      pool.reserve(lanes - 1);
      std::size_t started = 1;
      for (; started < lanes; ++started) {
        try {
          pool.emplace_back(check_and_score<T>, path, std::cref(t), drawings, first_row(started),
                            first_row(started + 1), out, lane(started), std::ref(gate));
        } catch (const std::system_error&) {
          break;  // no more threads to be had: the calling thread does the rest
        }
      }
      // The calling thread's rows, and those of threads that did not start.
      const std::size_t own_end = first_row(1);
      const std::size_t rest = first_row(started);
      gate.report(detail::all_intensities(path, drawings, own_end * nr) &&
                  detail::all_intensities(path, drawings + rest * nr, (n - rest) * nr));
      valid = gate.decide(started);
      if (valid) {
        detail::score_rows(path, t, drawings, own_end, out, lane(0));
        if (rest < n)
          detail::score_rows(path, t, drawings + rest * nr, n - rest, out + rest * nc, lane(0));
      }
      for (auto& thread : pool)
        thread.join();
    }
  } catch (const std::bad_alloc&) {
    if (Status ok = check_drawings(drawings, n, nr); !ok)
      return ok;
    return Error(ErrorCode::out_of_memory, "score_batch: out of memory for working memory");
  }
  if (!valid)
    return check_drawings(drawings, n, nr);  // the problems, listed
  return {};
}

}  // namespace

Status score_batch(const KnowledgeBase& kb, const std::uint8_t* drawings, std::size_t n, float* out,
                   unsigned threads) {
  return score_batch_impl(kb, drawings, n, out, threads);
}

Status score_batch(const KnowledgeBase& kb, const float* drawings, std::size_t n, float* out,
                   unsigned threads) {
  return score_batch_impl(kb, drawings, n, out, threads);
}

}  // namespace myoref
