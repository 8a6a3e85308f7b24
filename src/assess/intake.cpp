// Intake: strict reading from JSON, validation of intakes built in code, and
// the canonical JSON form.
#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <functional>
#include <limits>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "assess/internal.hpp"
#include "engine/json_fragments.hpp"
#include "kb/kb_access.hpp"
#include "kb/kb_data.hpp"
#include "util/charconv.hpp"
#include "util/json.hpp"

namespace myoref {
namespace {

using detail::did_you_mean;
using detail::kMaxAge;
using detail::kMaxDurationDays;
using detail::kMaxIntensity;
using detail::pointer;
namespace json = detail::json;

constexpr std::string_view kIntakeFields[] = {
    "pain",        "findings", "denied",        "red_flags", "red_flags_denied",
    "precautions", "age",      "duration_days", "onset",     "sex"};
constexpr std::string_view kSexes[] = {"female", "male"};
constexpr std::string_view kMarkFields[] = {"region", "side", "intensity"};

/// The problems found so far. Nothing is allocated while there are none, so
/// validating a good intake costs no heap.
struct Problems {
  std::vector<Diagnostic> list;
  bool limit = false;

  void add(std::string path, std::string message) {
    list.push_back(Diagnostic{std::move(path), std::move(message)});
  }
  void add_limit(std::string path, std::string message) {
    limit = true;
    add(std::move(path), std::move(message));
  }
  bool empty() const noexcept { return list.empty(); }

  Error error() && {
    const ErrorCode code = limit ? ErrorCode::limit_exceeded : ErrorCode::invalid_input;
    const std::string summary = "intake is not valid: " + std::to_string(list.size()) +
                                (list.size() == 1 ? " problem" : " problems");
    return Error(code, summary, std::move(list));
  }
};

/// For each element of a list in an Intake, its index in the JSON document it
/// was read from (elements with errors are left out of the Intake, so the two
/// can differ). Null when the intake was built in code.
struct Positions {
  std::vector<std::size_t> pain, findings, denied, red_flags, red_flags_denied, precautions;
};

std::size_t position(const std::vector<std::size_t>* positions, std::size_t i) {
  return positions == nullptr ? i : (*positions)[i];
}

/// ASCII letters lowered, so that "Female" or "M" find their suggestion.
std::string lower_ascii(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z')
      c = static_cast<char>(c - 'A' + 'a');
  }
  // A single letter is how many forms ask: take it as the word it starts.
  if (out == "f")
    return "female";
  if (out == "m")
    return "male";
  return out;
}

std::string closest_of(std::string_view unknown, gsl::span<const std::string_view> known) {
  return detail::closest(unknown, std::vector<std::string_view>(known.begin(), known.end()));
}

/// Calls report(later, first) for every element equal to an earlier one.
/// Intakes are small, so the quadratic scan is the fast path; long lists
/// (up to the limits) are sorted instead.
template <class List, class Report>
void for_each_repeat(const List& ids, Report&& report) {
  using T = std::decay_t<decltype(ids[0])>;
  const std::size_t n = ids.size();
  if (n <= 64) {
    for (std::size_t i = 1; i < n; ++i) {
      for (std::size_t j = 0; j < i; ++j) {
        if (ids[j] == ids[i]) {
          report(i, j);
          break;
        }
      }
    }
    return;
  }
  std::vector<std::pair<T, std::size_t>> sorted;
  sorted.reserve(n);
  for (std::size_t i = 0; i < n; ++i)
    sorted.emplace_back(ids[i], i);
  std::sort(sorted.begin(), sorted.end());
  std::vector<std::pair<std::size_t, std::size_t>> repeats;  // (later, first)
  for (std::size_t i = 1; i < n; ++i) {
    std::size_t first = i;
    while (first > 0 && sorted[first - 1].first == sorted[i].first)
      --first;
    if (first != i)
      repeats.emplace_back(sorted[i].second, sorted[first].second);
  }
  std::sort(repeats.begin(), repeats.end());
  for (const auto& [later, first] : repeats)
    report(later, first);
}

/// Whether some element equals an earlier one.
template <class List>
bool has_repeat(const List& ids) {
  bool any = false;
  for_each_repeat(ids, [&](std::size_t, std::size_t) { any = true; });
  return any;
}

template <class Index, class Name>
void check_repeats(const std::vector<Index>& ids, const std::vector<std::size_t>* positions,
                   std::string_view list, Name&& name, Problems& problems) {
  if (!has_repeat(ids))
    return;  // the usual case: nothing to say, so no path to build
  const std::string base = "/" + std::string(list);
  for_each_repeat(ids, [&](std::size_t later, std::size_t first) {
    problems.add(pointer(base, position(positions, later)),
                 detail::quoted(name(ids[later])) + " is listed twice (also at " +
                     pointer(base, position(positions, first)) + ")");
  });
}

/// The rules that need the whole intake: no region key marked twice, no id
/// repeated in a list, no finding both confirmed and denied, no red flag both
/// answered yes and no.
void check_consistency(const KnowledgeBase& kb, const Intake& intake, const Positions* at,
                       Problems& problems) {
  // The marks' region keys, on the stack for the usual few marks.
  // NOLINTNEXTLINE(cppcoreguidelines-pro-type-member-init): written before read
  std::array<RegionKeyIndex, 64> few;
  std::vector<RegionKeyIndex> many;
  if (intake.pain.size() > few.size())
    many.resize(intake.pain.size());
  const gsl::span<RegionKeyIndex> keys =
      many.empty() ? gsl::span<RegionKeyIndex>(few.data(), intake.pain.size())
                   : gsl::span<RegionKeyIndex>(many.data(), many.size());
  for (std::size_t i = 0; i < intake.pain.size(); ++i)
    keys[i] = intake.pain[i].region_key;
  for_each_repeat(keys, [&](std::size_t later, std::size_t first) {
    const std::size_t p = position(at ? &at->pain : nullptr, later);
    const std::size_t q = position(at ? &at->pain : nullptr, first);
    problems.add(pointer("/pain", p), detail::quoted(kb.region_keys()[keys[later]].key) +
                                          " is marked twice (also at " + pointer("/pain", q) +
                                          "); give each region and side once");
  });
  // A coarse region and one of its own parts: the part says where in the
  // coarse region, so the two marks say the same pain twice.
  const auto& coarse_of = detail::model_of(kb).region_key_coarse;
  for (std::size_t i = 0; i < keys.size(); ++i) {
    const std::vector<RegionKeyIndex>& covering = coarse_of[keys[i]];
    if (covering.empty())
      continue;
    for (std::size_t j = 0; j < keys.size(); ++j) {
      if (std::find(covering.begin(), covering.end(), keys[j]) == covering.end())
        continue;
      const std::size_t part_at = position(at ? &at->pain : nullptr, i);
      const std::size_t coarse_at = position(at ? &at->pain : nullptr, j);
      const auto& names = kb.region_keys();
      problems.add(pointer("/pain", std::max(part_at, coarse_at)),
                   detail::quoted(names[keys[i]].key) + " is a part of " +
                       detail::quoted(names[keys[j]].key) + " (the other mark is at " +
                       pointer("/pain", std::min(part_at, coarse_at)) +
                       "); mark the part or the whole region, not both");
    }
  }
  const auto finding_id = [&](FindingIndex f) { return kb.findings()[f].id; };
  const auto flag_id = [&](RedFlagIndex f) { return kb.red_flags()[f].id; };
  check_repeats(intake.findings, at ? &at->findings : nullptr, "findings", finding_id, problems);
  check_repeats(intake.denied, at ? &at->denied : nullptr, "denied", finding_id, problems);
  check_repeats(intake.red_flags, at ? &at->red_flags : nullptr, "red_flags", flag_id, problems);
  check_repeats(intake.red_flags_denied, at ? &at->red_flags_denied : nullptr, "red_flags_denied",
                flag_id, problems);
  const auto precaution_id = [&](PrecautionIndex p) { return kb.precautions()[p].id; };
  check_repeats(intake.precautions, at ? &at->precautions : nullptr, "precautions", precaution_id,
                problems);
  for (std::size_t i = 0; i < intake.red_flags_denied.size(); ++i) {
    const auto it =
        std::find(intake.red_flags.begin(), intake.red_flags.end(), intake.red_flags_denied[i]);
    if (it == intake.red_flags.end())
      continue;
    const auto j = static_cast<std::size_t>(it - intake.red_flags.begin());
    problems.add(pointer("/red_flags_denied", position(at ? &at->red_flags_denied : nullptr, i)),
                 detail::quoted(flag_id(intake.red_flags_denied[i])) +
                     " is answered both yes (at " +
                     pointer("/red_flags", position(at ? &at->red_flags : nullptr, j)) +
                     ") and no; keep it in the one list that holds the answer (leave it out of "
                     "both when it was not answered)");
  }
  for (std::size_t i = 0; i < intake.denied.size(); ++i) {
    const auto it = std::find(intake.findings.begin(), intake.findings.end(), intake.denied[i]);
    if (it == intake.findings.end())
      continue;
    const auto j = static_cast<std::size_t>(it - intake.findings.begin());
    problems.add(pointer("/denied", position(at ? &at->denied : nullptr, i)),
                 detail::quoted(finding_id(intake.denied[i])) + " is both confirmed (at " +
                     pointer("/findings", position(at ? &at->findings : nullptr, j)) +
                     ") and denied; keep it in one list");
  }
}

/// An integer, also when written as 6.0; nullopt for anything else.
std::optional<std::int64_t> as_integer(const json::value& v) {
  if (v.is_int64())
    return v.get_int64();
  if (v.is_uint64()) {
    const std::uint64_t u = v.get_uint64();
    if (u > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
      return std::numeric_limits<std::int64_t>::max();
    }
    return static_cast<std::int64_t>(u);
  }
  if (v.is_double()) {
    const double d = v.get_double();
    if (std::floor(d) == d && std::fabs(d) < 1e15)
      return static_cast<std::int64_t>(d);
  }
  return std::nullopt;
}

std::string kind_name(const json::value& v) {
  switch (v.kind()) {
    case json::kind::null:
      return "null";
    case json::kind::bool_:
      return "a boolean";
    case json::kind::int64:
    case json::kind::uint64:
    case json::kind::double_:
      return "a number";
    case json::kind::string:
      return "a string";
    case json::kind::array:
      return "an array";
    case json::kind::object:
      return "an object";
  }
  return "something else";
}

/// Reads an integer field in [lo, hi]; reports and returns nullopt otherwise.
/// `path()` makes the field's JSON pointer, only when there is a problem.
template <class Path>
std::optional<int> read_integer(const json::value& v, Path&& path, std::int64_t lo, std::int64_t hi,
                                std::string_view what, Problems& problems) {
  const auto n = as_integer(v);
  if (n && *n >= lo && *n <= hi)
    return static_cast<int>(*n);
  const std::string expected = "expected an integer " + std::to_string(lo) + ".." +
                               std::to_string(hi) + " (" + std::string(what) + ")";
  // A whole number too large for as_integer (1e300, 2^64 - 1) is out of
  // range, shown as written, not "a number with a fraction" or a clamped value.
  const bool whole = v.is_int64() || v.is_uint64() ||
                     (v.is_double() && std::floor(v.get_double()) == v.get_double());
  if (!whole) {
    problems.add(path(),
                 expected + ", got " + (v.is_number() ? "a number with a fraction" : kind_name(v)));
  } else {
    std::string shown;
    if (v.is_int64()) {
      shown = std::to_string(v.get_int64());
    } else if (v.is_uint64()) {
      shown = std::to_string(v.get_uint64());
    } else {
      char buf[32];
      shown.assign(buf, detail::to_chars_shortest(buf, buf + sizeof buf, v.get_double()));
    }
    problems.add(path(), shown + " is out of range: " + expected);
  }
  return std::nullopt;
}

void read_mark(const KnowledgeBase& kb, const json::value& v, const std::string& path,
               Intake& intake, Positions& at, std::size_t index, Problems& problems) {
  if (!v.is_object()) {
    problems.add(path,
                 "expected a pain mark: an object with \"region\", \"side\" (paired "
                 "regions only) and \"intensity\", got " +
                     kind_name(v));
    return;
  }
  const json::object& o = v.get_object();
  bool ok = true;
  for (const auto& member : o) {
    const std::string_view name(member.key().data(), member.key().size());
    if (std::find(std::begin(kMarkFields), std::end(kMarkFields), name) == std::end(kMarkFields)) {
      problems.add(pointer(path, name), "unknown field " + detail::quoted(name) +
                                            did_you_mean(closest_of(name, kMarkFields)));
      ok = false;
    }
  }

  std::optional<RegionIndex> region;
  if (const json::value* r = o.if_contains("region")) {
    if (!r->is_string()) {
      problems.add(pointer(path, "region"),
                   "expected a region id (a string), got " + kind_name(*r));
    } else {
      const std::string_view id(r->get_string().data(), r->get_string().size());
      region = kb.find_region(id);
      if (!region) {
        problems.add(pointer(path, "region"),
                     "unknown region " + detail::quoted(id) + did_you_mean(kb.suggest_region(id)));
      }
    }
  } else {
    problems.add(pointer(path, "region"), "missing: every pain mark needs a \"region\" id");
  }

  // The side is checked against the region when the region is known: a side
  // on a midline region is reported as that, not also as a bad value.
  const json::value* s = o.if_contains("side");
  const bool midline = region && kb.regions()[*region].laterality == Laterality::midline;
  std::optional<Side> side;
  bool side_ok = true;
  if (s != nullptr && midline) {
    problems.add(pointer(path, "side"), detail::quoted(kb.regions()[*region].id) +
                                            " is a midline region: leave out \"side\"");
    side_ok = false;
  } else if (s != nullptr) {
    if (s->is_string()) {
      side = parse_side(std::string_view(s->get_string().data(), s->get_string().size()));
    }
    if (!side) {
      problems.add(pointer(path, "side"),
                   "expected \"left\" or \"right\", got " +
                       (s->is_string() ? detail::quoted(std::string_view(s->get_string().data(),
                                                                         s->get_string().size()))
                                       : kind_name(*s)));
      side_ok = false;
    }
  } else if (region && !midline) {
    problems.add(pointer(path, "side"), "missing: " + detail::quoted(kb.regions()[*region].id) +
                                            " is a paired region, so \"side\" is required "
                                            "(\"left\" or \"right\")");
    side_ok = false;
  }

  std::optional<int> intensity;
  if (const json::value* i = o.if_contains("intensity")) {
    intensity = read_integer(
        *i, [&] { return pointer(path, "intensity"); }, 0, kMaxIntensity, "pain now, 0 = none",
        problems);
  } else {
    problems.add(pointer(path, "intensity"),
                 "missing: every pain mark needs an \"intensity\" 0..10");
  }

  std::optional<RegionKeyIndex> key;
  if (region && side_ok) {
    key = kb.find_region_key(*region, midline ? Side::none : side.value_or(Side::none));
  }
  if (ok && side_ok && key && intensity) {
    intake.pain.push_back(PainMark{*key, *intensity});
    at.pain.push_back(index);
  }
}

template <class Index, class Find, class Suggest>
void read_ids(const json::value& v, const std::string& path, std::string_view kind,
              std::size_t max_ids, Find&& find, Suggest&& suggest, std::vector<Index>& out,
              std::vector<std::size_t>& at, Problems& problems) {
  if (!v.is_array()) {
    problems.add(path, "expected an array of " + std::string(kind) + " ids, got " + kind_name(v));
    return;
  }
  const json::array& a = v.get_array();
  if (a.size() > max_ids) {
    problems.add_limit(path, "has " + std::to_string(a.size()) + " elements; the limit is " +
                                 std::to_string(max_ids));
    return;
  }
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (!a[i].is_string()) {
      problems.add(pointer(path, i),
                   "expected a " + std::string(kind) + " id (a string), got " + kind_name(a[i]));
      continue;
    }
    const std::string_view id(a[i].get_string().data(), a[i].get_string().size());
    const std::optional<Index> found = find(id);
    if (!found) {
      problems.add(pointer(path, i), "unknown " + std::string(kind) + " " + detail::quoted(id) +
                                         did_you_mean(suggest(id)));
      continue;
    }
    out.push_back(*found);
    at.push_back(i);
  }
}

template <class Index>
void check_range(const std::vector<Index>& ids, std::size_t size, std::string_view list,
                 std::string_view kind, Problems& problems) {
  for (std::size_t i = 0; i < ids.size(); ++i) {
    if (ids[i] >= size) {
      problems.add(pointer("/" + std::string(list), i),
                   std::string(kind) + " index " + std::to_string(ids[i]) +
                       " is out of range: the knowledge base has " + std::to_string(size));
    }
  }
}

}  // namespace

int max_intensity(const Intake& intake) noexcept {
  int peak = 0;
  for (const PainMark& m : intake.pain)
    peak = std::max(peak, m.intensity);
  return peak;
}

Expected<Intake> parse_intake(const KnowledgeBase& kb, std::string_view text,
                              const IntakeLimits& limits) {
  if (auto plain = detail::read_plain_intake(kb, text, limits))
    return std::move(*plain);
  detail::JsonLimits json_limits;
  json_limits.max_bytes = limits.max_bytes;
  // An intake nests three levels (object, pain array, mark); a little slack
  // lets a misplaced value be reported as a wrong type rather than a limit.
  json_limits.max_depth = 8;
  json_limits.max_array = std::max(limits.max_pain_marks, limits.max_ids);
  json_limits.max_object = 64;
  json_limits.max_string = 1024;
  auto parsed = detail::parse_json(text, json_limits, "intake");
  if (!parsed)
    return std::move(parsed).error();
  return detail::read_intake(kb, *parsed, limits);
}

Expected<Intake> detail::read_intake(const KnowledgeBase& kb, const json::value& root,
                                     const IntakeLimits& limits) {
  Problems problems;
  if (!root.is_object()) {
    problems.add("",
                 "expected an intake: an object with \"pain\" and optionally \"findings\", "
                 "\"denied\", \"red_flags\", \"red_flags_denied\", \"precautions\", \"age\", "
                 "\"duration_days\", \"onset\", \"sex\"; got " +
                     kind_name(root));
    return std::move(problems).error();
  }
  const json::object& o = root.get_object();
  Intake intake;
  Positions at;
  bool has_pain = false;
  for (const auto& member : o) {
    const std::string_view name(member.key().data(), member.key().size());
    const json::value& v = member.value();
    const std::string path = pointer("", name);
    if (name == "pain") {
      has_pain = true;
      if (!v.is_array()) {
        problems.add(path, "expected an array of pain marks, got " + kind_name(v));
      } else if (v.get_array().empty()) {
        problems.add(path, "expected at least one pain mark");
      } else if (v.get_array().size() > limits.max_pain_marks) {
        problems.add_limit(path, "has " + std::to_string(v.get_array().size()) +
                                     " marks; the limit is " +
                                     std::to_string(limits.max_pain_marks));
      } else {
        const json::array& a = v.get_array();
        for (std::size_t i = 0; i < a.size(); ++i) {
          read_mark(kb, a[i], pointer(path, i), intake, at, i, problems);
        }
      }
    } else if (name == "findings" || name == "denied") {
      auto& out = name == "findings" ? intake.findings : intake.denied;
      auto& pos = name == "findings" ? at.findings : at.denied;
      read_ids(
          v, path, "finding", limits.max_ids,
          [&](std::string_view id) { return kb.find_finding(id); },
          [&](std::string_view id) { return kb.suggest_finding(id); }, out, pos, problems);
    } else if (name == "red_flags" || name == "red_flags_denied") {
      const bool yes = name == "red_flags";
      read_ids(
          v, path, "red flag", limits.max_ids,
          [&](std::string_view id) { return kb.find_red_flag(id); },
          [&](std::string_view id) { return kb.suggest_red_flag(id); },
          yes ? intake.red_flags : intake.red_flags_denied,
          yes ? at.red_flags : at.red_flags_denied, problems);
    } else if (name == "precautions") {
      read_ids(
          v, path, "precaution", limits.max_ids,
          [&](std::string_view id) { return kb.find_precaution(id); },
          [&](std::string_view id) { return kb.suggest_precaution(id); }, intake.precautions,
          at.precautions, problems);
    } else if (name == "age") {
      intake.age = read_integer(
          v, [&]() -> const std::string& { return path; }, 0, kMaxAge, "years", problems);
    } else if (name == "duration_days") {
      intake.duration_days = read_integer(
          v, [&]() -> const std::string& { return path; }, 0, kMaxDurationDays,
          "days since the pain began", problems);
    } else if (name == "onset") {
      if (v.is_string()) {
        intake.onset = parse_onset(std::string_view(v.get_string().data(), v.get_string().size()));
      }
      if (!intake.onset) {
        problems.add(path, "expected \"sudden\" or \"gradual\", got " +
                               (v.is_string() ? detail::quoted(std::string_view(
                                                    v.get_string().data(), v.get_string().size()))
                                              : kind_name(v)));
      }
    } else if (name == "sex") {
      if (v.is_string()) {
        intake.sex = parse_sex(std::string_view(v.get_string().data(), v.get_string().size()));
      }
      if (!intake.sex) {
        const std::string_view given =
            v.is_string() ? std::string_view(v.get_string().data(), v.get_string().size())
                          : std::string_view();
        problems.add(path,
                     "expected \"female\" or \"male\" (leave \"sex\" out when it was not "
                     "given), got " +
                         (v.is_string() ? detail::quoted(given) : kind_name(v)) +
                         (v.is_string() ? did_you_mean(closest_of(lower_ascii(given), kSexes))
                                        : std::string()));
      }
    } else {
      problems.add(path, "unknown field " + detail::quoted(name) +
                             did_you_mean(closest_of(name, kIntakeFields)));
    }
  }
  if (!has_pain) {
    problems.add("/pain", "missing: an intake needs \"pain\", a list of at least one pain mark");
  }
  check_consistency(kb, intake, &at, problems);
  if (!problems.empty())
    return std::move(problems).error();
  return intake;
}

Status validate_intake(const KnowledgeBase& kb, const Intake& intake, const IntakeLimits& limits) {
  Problems problems;
  const std::size_t key_count = kb.region_keys().size();
  const auto check_count = [&](std::size_t n, std::size_t max, std::string_view list) {
    if (n > max) {
      problems.add_limit(
          "/" + std::string(list),
          "has " + std::to_string(n) + " elements; the limit is " + std::to_string(max));
    }
  };
  check_count(intake.pain.size(), limits.max_pain_marks, "pain");
  check_count(intake.findings.size(), limits.max_ids, "findings");
  check_count(intake.denied.size(), limits.max_ids, "denied");
  check_count(intake.red_flags.size(), limits.max_ids, "red_flags");
  check_count(intake.red_flags_denied.size(), limits.max_ids, "red_flags_denied");
  check_count(intake.precautions.size(), limits.max_ids, "precautions");
  if (problems.limit)
    return std::move(problems).error();

  if (intake.pain.empty())
    problems.add("/pain", "expected at least one pain mark");
  bool in_range = true;
  for (std::size_t i = 0; i < intake.pain.size(); ++i) {
    const PainMark& m = intake.pain[i];
    if (m.region_key >= key_count) {
      in_range = false;
      problems.add(pointer(pointer("/pain", i), "region"),
                   "region key index " + std::to_string(m.region_key) +
                       " is out of range: the knowledge base has " + std::to_string(key_count));
    }
    if (m.intensity < 0 || m.intensity > kMaxIntensity) {
      problems.add(pointer(pointer("/pain", i), "intensity"),
                   std::to_string(m.intensity) +
                       " is out of range: expected an integer 0..10 (pain now, 0 = none)");
    }
  }
  const std::size_t before = problems.list.size();
  check_range(intake.findings, kb.findings().size(), "findings", "finding", problems);
  check_range(intake.denied, kb.findings().size(), "denied", "finding", problems);
  check_range(intake.red_flags, kb.red_flags().size(), "red_flags", "red flag", problems);
  check_range(intake.red_flags_denied, kb.red_flags().size(), "red_flags_denied", "red flag",
              problems);
  check_range(intake.precautions, kb.precautions().size(), "precautions", "precaution", problems);
  in_range = in_range && problems.list.size() == before;
  if (intake.age && (*intake.age < 0 || *intake.age > kMaxAge)) {
    problems.add("/age", std::to_string(*intake.age) +
                             " is out of range: expected an integer 0..120 (years)");
  }
  if (intake.duration_days &&
      (*intake.duration_days < 0 || *intake.duration_days > kMaxDurationDays)) {
    problems.add("/duration_days", std::to_string(*intake.duration_days) +
                                       " is out of range: expected an integer 0..36500 (days "
                                       "since the pain began)");
  }
  if (intake.onset && *intake.onset != Onset::sudden && *intake.onset != Onset::gradual) {
    problems.add("/onset", "expected sudden or gradual");
  }
  if (intake.sex && *intake.sex != Sex::female && *intake.sex != Sex::male) {
    problems.add("/sex", "expected female or male (leave it out when it was not given)");
  }
  // Names are only looked up for indices that exist.
  if (in_range)
    check_consistency(kb, intake, nullptr, problems);
  if (!problems.empty())
    return std::move(problems).error();
  return {};
}

namespace detail {

Intake canonical(const Intake& intake) {
  Intake out = intake;
  // Lists are often in order already (parse_intake and the C API keep the
  // order given, and people list marks as they draw them).
  const auto sort = [](auto& list, auto less) {
    if (!std::is_sorted(list.begin(), list.end(), less))
      std::sort(list.begin(), list.end(), less);
  };
  sort(out.pain, [](const PainMark& a, const PainMark& b) { return a.region_key < b.region_key; });
  sort(out.findings, std::less<>());
  sort(out.denied, std::less<>());
  sort(out.red_flags, std::less<>());
  sort(out.red_flags_denied, std::less<>());
  sort(out.precautions, std::less<>());
  return out;
}

void write_intake(JsonWriter& w, const KnowledgeBase& kb, const Intake& intake) {
  const JsonFragments& f = json_fragments(kb);
  w.begin_object();
  w.key("pain");
  w.begin_array(false);
  for (const PainMark& m : intake.pain) {
    const RegionKey& key = kb.region_keys()[m.region_key];
    w.begin_object();
    w.key("region");
    w.raw_value(f[f.region_id[key.region]]);
    if (key.side != Side::none)
      w.member("side", to_string(key.side));
    w.member("intensity", m.intensity);
    w.end_object();
  }
  w.end_array();
  const auto ids = [&](std::string_view name, const auto& list,
                       const std::vector<JsonFragments::Piece>& id_of) {
    w.key(name);
    w.begin_array(true);
    for (const auto i : list)
      w.raw_value(f[id_of[i]]);
    w.end_array();
  };
  ids("findings", intake.findings, f.finding_id);
  ids("denied", intake.denied, f.finding_id);
  ids("red_flags", intake.red_flags, f.red_flag_id);
  ids("red_flags_denied", intake.red_flags_denied, f.red_flag_id);
  w.key("precautions");
  w.begin_array(true);
  for (const PrecautionIndex p : intake.precautions)
    w.value(std::string_view(kb.precautions()[p].id));
  w.end_array();
  if (intake.age)
    w.member("age", *intake.age);
  if (intake.duration_days)
    w.member("duration_days", *intake.duration_days);
  if (intake.onset)
    w.member("onset", to_string(*intake.onset));
  if (intake.sex)
    w.member("sex", to_string(*intake.sex));
  w.end_object();
}

}  // namespace detail

std::string intake_to_json(const KnowledgeBase& kb, const Intake& intake) {
  std::string out;
  detail::JsonWriter w(out, false);
  detail::write_intake(w, kb, detail::canonical(intake));
  w.finish();
  return out;
}

}  // namespace myoref
