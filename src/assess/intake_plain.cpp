// parse_intake()'s fast path: an intake written plainly, read straight from
// its text.
//
// Most intakes are small objects of known fields, ids without escapes and
// small whole numbers. Such a text is read here in one pass, with no
// document tree and no paths built for messages that will not be needed. It
// accepts only texts the strict reader accepts and gives the same Intake;
// anything else (an escape, a fraction, an unknown id or field, a repeat, a
// rule broken, a limit reached) is left to the strict reader, which says
// what is wrong. tests/unit/test_intake_plain.cpp checks the two agree.
#include <cstdint>
#include <optional>
#include <string_view>

#include "assess/internal.hpp"

namespace myoref::detail {
namespace {

// The strict reader's limit on one string (parse_intake's JsonLimits).
constexpr std::size_t kMaxString = 1024;

class PlainReader {
 public:
  explicit PlainReader(std::string_view text) : p_(text.data()), end_(text.data() + text.size()) {}

  void skip_space() {
    while (p_ != end_ && (*p_ == ' ' || *p_ == '\n' || *p_ == '\r' || *p_ == '\t'))
      ++p_;
  }

  /// Skips white space and takes `c` if it comes next.
  bool take(char c) {
    skip_space();
    if (p_ != end_ && *p_ == c) {
      ++p_;
      return true;
    }
    return false;
  }

  bool at_end() {
    skip_space();
    return p_ == end_;
  }

  /// A string of printable ASCII without escapes, its quotes taken off.
  std::optional<std::string_view> plain_string() {
    skip_space();
    if (p_ == end_ || *p_ != '"')
      return std::nullopt;
    const char* first = ++p_;
    while (p_ != end_) {
      const auto c = static_cast<unsigned char>(*p_);
      if (c == '"')
        break;
      if (c < 0x20 || c > 0x7E || c == '\\')
        return std::nullopt;
      ++p_;
    }
    if (p_ == end_)
      return std::nullopt;
    const std::string_view s(first, static_cast<std::size_t>(p_ - first));
    ++p_;
    if (s.size() > kMaxString)
      return std::nullopt;
    return s;
  }

  /// A whole number written plainly (no sign, fraction or exponent, no
  /// leading zero), in [0, hi].
  std::optional<int> plain_integer(int hi) {
    skip_space();
    const char* first = p_;
    std::int64_t n = 0;
    while (p_ != end_ && *p_ >= '0' && *p_ <= '9') {
      n = n * 10 + (*p_ - '0');
      ++p_;
      if (p_ - first > 9)
        return std::nullopt;
    }
    if (p_ == first || (*first == '0' && p_ - first > 1) || n > hi)
      return std::nullopt;
    // What follows must end the number: not a fraction, an exponent, or more.
    if (p_ != end_ && *p_ != ',' && *p_ != '}' && *p_ != ']' && *p_ != ' ' && *p_ != '\n' &&
        *p_ != '\r' && *p_ != '\t')
      return std::nullopt;
    return static_cast<int>(n);
  }

 private:
  const char* p_;
  const char* end_;
};

/// One pain mark: {"region": id, "side": "left"|"right" (paired only),
/// "intensity": 0..10}, keys in any order, each once.
bool read_mark(const KnowledgeBase& kb, PlainReader& in, Intake& intake) {
  if (!in.take('{'))
    return false;
  std::optional<RegionIndex> region;
  std::optional<Side> side;
  std::optional<int> intensity;
  bool has_side = false;
  do {
    const auto name = in.plain_string();
    if (!name || !in.take(':'))
      return false;
    if (*name == "region" && !region) {
      const auto id = in.plain_string();
      if (!id || !(region = kb.find_region(*id)))
        return false;
    } else if (*name == "side" && !has_side) {
      has_side = true;
      const auto text = in.plain_string();
      if (!text || !(side = parse_side(*text)))
        return false;
    } else if (*name == "intensity" && !intensity) {
      if (!(intensity = in.plain_integer(kMaxIntensity)))
        return false;
    } else {
      return false;
    }
  } while (in.take(','));
  if (!in.take('}') || !region || !intensity)
    return false;
  // The side rule is find_region_key's: none for a midline region, one for a
  // paired region; anything else has no key.
  const auto key = kb.find_region_key(*region, side.value_or(Side::none));
  if (!key)
    return false;
  intake.pain.push_back(PainMark{*key, *intensity});
  return true;
}

/// An array of ids, each known to `find`, at most `max` of them.
template <class Index, class Find>
bool read_ids(PlainReader& in, std::size_t max, Find&& find, std::vector<Index>& out) {
  if (!in.take('['))
    return false;
  if (in.take(']'))
    return true;
  out.reserve(8);  // one allocation for the usual few
  do {
    const auto id = in.plain_string();
    if (!id)
      return false;
    const std::optional<Index> found = find(*id);
    if (!found || out.size() == max)
      return false;
    out.push_back(*found);
  } while (in.take(','));
  return in.take(']');
}

}  // namespace

std::optional<Intake> read_plain_intake(const KnowledgeBase& kb, std::string_view text,
                                        const IntakeLimits& limits) {
  if (text.size() > limits.max_bytes)
    return std::nullopt;
  PlainReader in(text);
  if (!in.take('{'))
    return std::nullopt;
  Intake intake;
  // Which fields were seen: a repeated key is the strict reader's to report.
  enum : unsigned {
    kPain = 1,
    kFindings = 2,
    kDenied = 4,
    kRedFlags = 8,
    kAge = 16,
    kDuration = 32,
    kOnset = 64,
    kRedFlagsDenied = 128,
    kPrecautions = 256,
    kSex = 512
  };
  unsigned seen = 0;
  const auto first_time = [&](unsigned field) {
    if ((seen & field) != 0)
      return false;
    seen |= field;
    return true;
  };
  if (!in.take('}')) {
    do {
      const auto name = in.plain_string();
      if (!name || !in.take(':'))
        return std::nullopt;
      if (*name == "pain" && first_time(kPain)) {
        if (!in.take('['))
          return std::nullopt;
        intake.pain.reserve(8);
        do {
          if (intake.pain.size() == limits.max_pain_marks || !read_mark(kb, in, intake))
            return std::nullopt;
        } while (in.take(','));
        if (!in.take(']'))
          return std::nullopt;
      } else if (*name == "findings" && first_time(kFindings)) {
        if (!read_ids<FindingIndex>(
                in, limits.max_ids, [&](std::string_view id) { return kb.find_finding(id); },
                intake.findings))
          return std::nullopt;
      } else if (*name == "denied" && first_time(kDenied)) {
        if (!read_ids<FindingIndex>(
                in, limits.max_ids, [&](std::string_view id) { return kb.find_finding(id); },
                intake.denied))
          return std::nullopt;
      } else if (*name == "red_flags" && first_time(kRedFlags)) {
        if (!read_ids<RedFlagIndex>(
                in, limits.max_ids, [&](std::string_view id) { return kb.find_red_flag(id); },
                intake.red_flags))
          return std::nullopt;
      } else if (*name == "red_flags_denied" && first_time(kRedFlagsDenied)) {
        if (!read_ids<RedFlagIndex>(
                in, limits.max_ids, [&](std::string_view id) { return kb.find_red_flag(id); },
                intake.red_flags_denied))
          return std::nullopt;
      } else if (*name == "precautions" && first_time(kPrecautions)) {
        if (!read_ids<PrecautionIndex>(
                in, limits.max_ids, [&](std::string_view id) { return kb.find_precaution(id); },
                intake.precautions))
          return std::nullopt;
      } else if (*name == "sex" && first_time(kSex)) {
        const auto sex = in.plain_string();
        if (!sex || !(intake.sex = parse_sex(*sex)))
          return std::nullopt;
      } else if (*name == "age" && first_time(kAge)) {
        if (!(intake.age = in.plain_integer(kMaxAge)))
          return std::nullopt;
      } else if (*name == "duration_days" && first_time(kDuration)) {
        if (!(intake.duration_days = in.plain_integer(kMaxDurationDays)))
          return std::nullopt;
      } else if (*name == "onset" && first_time(kOnset)) {
        const auto onset = in.plain_string();
        if (!onset || !(intake.onset = parse_onset(*onset)))
          return std::nullopt;
      } else {
        return std::nullopt;
      }
    } while (in.take(','));
    if (!in.take('}'))
      return std::nullopt;
  }
  if (!in.at_end() || (seen & kPain) == 0)
    return std::nullopt;
  // The rules that need the whole intake (repeats, confirmed and denied,
  // a red flag answered both yes and no):
  // validate_intake checks exactly those on a structurally sound intake.
  if (!validate_intake(kb, intake, limits))
    return std::nullopt;
  return intake;
}

}  // namespace myoref::detail
