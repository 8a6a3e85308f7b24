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
#include "i18n/messages.hpp"
#include "kb/kb_access.hpp"
#include "kb/kb_data.hpp"
#include "util/charconv.hpp"
#include "util/json.hpp"

namespace myoref {
namespace {

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

/// The problems found so far, in the knowledge base's language (the
/// messages are for the person who gave the intake; paths stay as they are).
/// Nothing is allocated while there are none, so validating a good intake
/// costs no heap.
struct Problems {
  explicit Problems(const KnowledgeBase& kb) noexcept : m(detail::catalogue(kb)) {}

  const detail::Catalogue& m;
  std::vector<Diagnostic> list;
  bool limit = false;

  /// Message `key` of the catalogue with its placeholders filled.
  std::string say(std::string_view key, std::initializer_list<detail::MsgArg> args = {}) const {
    return m.get(key, args);
  }
  /// " (did you mean "x"?)", or "" when there is no suggestion.
  std::string did_you_mean(const std::string& suggestion) const {
    return suggestion.empty() ? std::string() : m.get("error.did_you_mean", {{"id", suggestion}});
  }
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
    const std::string summary = m.get("error.intake_summary", {{"n", list.size()}});
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
    problems.add(
        pointer(base, position(positions, later)),
        problems.say("error.listed_twice", {{"id", detail::quoted(name(ids[later]))},
                                            {"at", pointer(base, position(positions, first))}}));
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
    problems.add(pointer("/pain", p),
                 problems.say("error.marked_twice",
                              {{"key", detail::quoted(kb.region_keys()[keys[later]].key)},
                               {"at", pointer("/pain", q)}}));
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
      problems.add(
          pointer("/pain", std::max(part_at, coarse_at)),
          problems.say("error.part_of", {{"part", detail::quoted(names[keys[i]].key)},
                                         {"whole", detail::quoted(names[keys[j]].key)},
                                         {"at", pointer("/pain", std::min(part_at, coarse_at))}}));
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
    problems.add(
        pointer("/red_flags_denied", position(at ? &at->red_flags_denied : nullptr, i)),
        problems.say("error.yes_and_no",
                     {{"id", detail::quoted(flag_id(intake.red_flags_denied[i]))},
                      {"at", pointer("/red_flags", position(at ? &at->red_flags : nullptr, j))}}));
  }
  for (std::size_t i = 0; i < intake.denied.size(); ++i) {
    const auto it = std::find(intake.findings.begin(), intake.findings.end(), intake.denied[i]);
    if (it == intake.findings.end())
      continue;
    const auto j = static_cast<std::size_t>(it - intake.findings.begin());
    problems.add(
        pointer("/denied", position(at ? &at->denied : nullptr, i)),
        problems.say("error.confirmed_and_denied",
                     {{"id", detail::quoted(finding_id(intake.denied[i]))},
                      {"at", pointer("/findings", position(at ? &at->findings : nullptr, j))}}));
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

/// What kind of value `v` is, in words ("a number").
std::string kind_name(const Problems& problems, const json::value& v) {
  switch (v.kind()) {
    case json::kind::null:
      return problems.say("error.kind.null");
    case json::kind::bool_:
      return problems.say("error.kind.boolean");
    case json::kind::int64:
    case json::kind::uint64:
    case json::kind::double_:
      return problems.say("error.kind.number");
    case json::kind::string:
      return problems.say("error.kind.string");
    case json::kind::array:
      return problems.say("error.kind.array");
    case json::kind::object:
      return problems.say("error.kind.object");
  }
  return problems.say("error.kind.other");
}

/// `v` as a message shows what was given: a string quoted, anything else by its kind.
std::string given(const Problems& problems, const json::value& v) {
  return v.is_string()
             ? detail::quoted(std::string_view(v.get_string().data(), v.get_string().size()))
             : kind_name(problems, v);
}

/// Reads an integer field in [lo, hi]; reports and returns nullopt otherwise.
/// `path()` makes the field's JSON pointer, only when there is a problem.
template <class Path>
std::optional<int> read_integer(const json::value& v, Path&& path, std::int64_t lo, std::int64_t hi,
                                std::string_view what, Problems& problems) {
  const auto n = as_integer(v);
  if (n && *n >= lo && *n <= hi)
    return static_cast<int>(*n);
  const std::string expected =
      problems.say("error.expected_integer", {{"lo", static_cast<long long>(lo)},
                                              {"hi", static_cast<long long>(hi)},
                                              {"what", problems.say(what)}});
  // A whole number too large for as_integer (1e300, 2^64 - 1) is out of
  // range, shown as written, not "a number with a fraction" or a clamped value.
  const bool whole = v.is_int64() || v.is_uint64() ||
                     (v.is_double() && std::floor(v.get_double()) == v.get_double());
  if (!whole) {
    problems.add(path(), problems.say("error.got",
                                      {{"expected", expected},
                                       {"got", v.is_number() ? problems.say("error.kind.fraction")
                                                             : kind_name(problems, v)}}));
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
    problems.add(path(),
                 problems.say("error.out_of_range", {{"value", shown}, {"expected", expected}}));
  }
  return std::nullopt;
}

/// "12 is out of range: expected an integer 0..10 (pain now, 0 = none)".
std::string out_of_range(const Problems& problems, long long value, long long hi,
                         std::string_view what) {
  return problems.say(
      "error.out_of_range",
      {{"value", value},
       {"expected", problems.say("error.expected_integer",
                                 {{"lo", 0}, {"hi", hi}, {"what", problems.say(what)}})}});
}

void read_mark(const KnowledgeBase& kb, const json::value& v, const std::string& path,
               Intake& intake, Positions& at, std::size_t index, Problems& problems) {
  if (!v.is_object()) {
    problems.add(path, problems.say("error.expected_mark", {{"got", kind_name(problems, v)}}));
    return;
  }
  const json::object& o = v.get_object();
  bool ok = true;
  for (const auto& member : o) {
    const std::string_view name(member.key().data(), member.key().size());
    if (std::find(std::begin(kMarkFields), std::end(kMarkFields), name) == std::end(kMarkFields)) {
      problems.add(
          pointer(path, name),
          problems.say("error.unknown_field",
                       {{"name", detail::quoted(name)},
                        {"suggestion", problems.did_you_mean(closest_of(name, kMarkFields))}}));
      ok = false;
    }
  }

  std::optional<RegionIndex> region;
  if (const json::value* r = o.if_contains("region")) {
    if (!r->is_string()) {
      problems.add(pointer(path, "region"),
                   problems.say("error.expected_region_id", {{"got", kind_name(problems, *r)}}));
    } else {
      const std::string_view id(r->get_string().data(), r->get_string().size());
      region = kb.find_region(id);
      if (!region) {
        problems.add(pointer(path, "region"),
                     problems.say("error.unknown_region",
                                  {{"id", detail::quoted(id)},
                                   {"suggestion", problems.did_you_mean(kb.suggest_region(id))}}));
      }
    }
  } else {
    problems.add(pointer(path, "region"), problems.say("error.missing_region"));
  }

  // The side is checked against the region when the region is known: a side
  // on a midline region is reported as that, not also as a bad value.
  const json::value* s = o.if_contains("side");
  const bool midline = region && kb.regions()[*region].laterality == Laterality::midline;
  std::optional<Side> side;
  bool side_ok = true;
  if (s != nullptr && midline) {
    problems.add(
        pointer(path, "side"),
        problems.say("error.midline_side", {{"region", detail::quoted(kb.regions()[*region].id)}}));
    side_ok = false;
  } else if (s != nullptr) {
    if (s->is_string()) {
      side = parse_side(std::string_view(s->get_string().data(), s->get_string().size()));
    }
    if (!side) {
      problems.add(pointer(path, "side"),
                   problems.say("error.expected_side", {{"got", given(problems, *s)}}));
      side_ok = false;
    }
  } else if (region && !midline) {
    problems.add(
        pointer(path, "side"),
        problems.say("error.missing_side", {{"region", detail::quoted(kb.regions()[*region].id)}}));
    side_ok = false;
  }

  std::optional<int> intensity;
  if (const json::value* i = o.if_contains("intensity")) {
    intensity = read_integer(
        *i, [&] { return pointer(path, "intensity"); }, 0, kMaxIntensity, "error.what.intensity",
        problems);
  } else {
    problems.add(pointer(path, "intensity"), problems.say("error.missing_intensity"));
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
    problems.add(path, problems.say("error.expected_ids", {{"kind", problems.say(kind)},
                                                           {"got", kind_name(problems, v)}}));
    return;
  }
  const json::array& a = v.get_array();
  if (a.size() > max_ids) {
    problems.add_limit(path, problems.say("error.too_many", {{"n", a.size()}, {"max", max_ids}}));
    return;
  }
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (!a[i].is_string()) {
      problems.add(pointer(path, i),
                   problems.say("error.expected_id", {{"kind", problems.say(kind)},
                                                      {"got", kind_name(problems, a[i])}}));
      continue;
    }
    const std::string_view id(a[i].get_string().data(), a[i].get_string().size());
    const std::optional<Index> found = find(id);
    if (!found) {
      problems.add(
          pointer(path, i),
          problems.say("error.unknown_id", {{"kind", problems.say(kind)},
                                            {"id", detail::quoted(id)},
                                            {"suggestion", problems.did_you_mean(suggest(id))}}));
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
                   problems.say("error.index_range", {{"kind", problems.say(kind)},
                                                      {"index", static_cast<long long>(ids[i])},
                                                      {"size", size}}));
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
  Problems problems(kb);
  if (!root.is_object()) {
    problems.add("", problems.say("error.expected_intake", {{"got", kind_name(problems, root)}}));
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
        problems.add(path, problems.say("error.expected_marks", {{"got", kind_name(problems, v)}}));
      } else if (v.get_array().empty()) {
        problems.add(path, problems.say("error.no_marks"));
      } else if (v.get_array().size() > limits.max_pain_marks) {
        problems.add_limit(
            path, problems.say("error.too_many_marks",
                               {{"n", v.get_array().size()}, {"max", limits.max_pain_marks}}));
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
          v, path, "error.id_kind.finding", limits.max_ids,
          [&](std::string_view id) { return kb.find_finding(id); },
          [&](std::string_view id) { return kb.suggest_finding(id); }, out, pos, problems);
    } else if (name == "red_flags" || name == "red_flags_denied") {
      const bool yes = name == "red_flags";
      read_ids(
          v, path, "error.id_kind.red_flag", limits.max_ids,
          [&](std::string_view id) { return kb.find_red_flag(id); },
          [&](std::string_view id) { return kb.suggest_red_flag(id); },
          yes ? intake.red_flags : intake.red_flags_denied,
          yes ? at.red_flags : at.red_flags_denied, problems);
    } else if (name == "precautions") {
      read_ids(
          v, path, "error.id_kind.precaution", limits.max_ids,
          [&](std::string_view id) { return kb.find_precaution(id); },
          [&](std::string_view id) { return kb.suggest_precaution(id); }, intake.precautions,
          at.precautions, problems);
    } else if (name == "age") {
      intake.age = read_integer(
          v, [&]() -> const std::string& { return path; }, 0, kMaxAge, "error.what.age", problems);
    } else if (name == "duration_days") {
      intake.duration_days = read_integer(
          v, [&]() -> const std::string& { return path; }, 0, kMaxDurationDays,
          "error.what.duration", problems);
    } else if (name == "onset") {
      if (v.is_string()) {
        intake.onset = parse_onset(std::string_view(v.get_string().data(), v.get_string().size()));
      }
      if (!intake.onset) {
        problems.add(path, problems.say("error.expected_onset", {{"got", given(problems, v)}}));
      }
    } else if (name == "sex") {
      if (v.is_string()) {
        intake.sex = parse_sex(std::string_view(v.get_string().data(), v.get_string().size()));
      }
      if (!intake.sex) {
        const std::string_view text =
            v.is_string() ? std::string_view(v.get_string().data(), v.get_string().size())
                          : std::string_view();
        problems.add(path,
                     problems.say("error.expected_sex",
                                  {{"got", given(problems, v)},
                                   {"suggestion", v.is_string() ? problems.did_you_mean(closest_of(
                                                                      lower_ascii(text), kSexes))
                                                                : std::string()}}));
      }
    } else {
      problems.add(
          path,
          problems.say("error.unknown_field",
                       {{"name", detail::quoted(name)},
                        {"suggestion", problems.did_you_mean(closest_of(name, kIntakeFields))}}));
    }
  }
  if (!has_pain) {
    problems.add("/pain", problems.say("error.missing_pain"));
  }
  check_consistency(kb, intake, &at, problems);
  if (!problems.empty())
    return std::move(problems).error();
  return intake;
}

Status validate_intake(const KnowledgeBase& kb, const Intake& intake, const IntakeLimits& limits) {
  Problems problems(kb);
  const std::size_t key_count = kb.region_keys().size();
  const auto check_count = [&](std::size_t n, std::size_t max, std::string_view list) {
    if (n > max) {
      problems.add_limit("/" + std::string(list),
                         problems.say("error.too_many", {{"n", n}, {"max", max}}));
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
    problems.add("/pain", problems.say("error.no_marks"));
  bool in_range = true;
  for (std::size_t i = 0; i < intake.pain.size(); ++i) {
    const PainMark& m = intake.pain[i];
    if (m.region_key >= key_count) {
      in_range = false;
      problems.add(
          pointer(pointer("/pain", i), "region"),
          problems.say("error.region_key_range",
                       {{"index", static_cast<long long>(m.region_key)}, {"size", key_count}}));
    }
    if (m.intensity < 0 || m.intensity > kMaxIntensity) {
      problems.add(pointer(pointer("/pain", i), "intensity"),
                   out_of_range(problems, m.intensity, kMaxIntensity, "error.what.intensity"));
    }
  }
  const std::size_t before = problems.list.size();
  check_range(intake.findings, kb.findings().size(), "findings", "error.id_kind.finding", problems);
  check_range(intake.denied, kb.findings().size(), "denied", "error.id_kind.finding", problems);
  check_range(intake.red_flags, kb.red_flags().size(), "red_flags", "error.id_kind.red_flag",
              problems);
  check_range(intake.red_flags_denied, kb.red_flags().size(), "red_flags_denied",
              "error.id_kind.red_flag", problems);
  check_range(intake.precautions, kb.precautions().size(), "precautions",
              "error.id_kind.precaution", problems);
  in_range = in_range && problems.list.size() == before;
  if (intake.age && (*intake.age < 0 || *intake.age > kMaxAge)) {
    problems.add("/age", out_of_range(problems, *intake.age, kMaxAge, "error.what.age"));
  }
  if (intake.duration_days &&
      (*intake.duration_days < 0 || *intake.duration_days > kMaxDurationDays)) {
    problems.add("/duration_days", out_of_range(problems, *intake.duration_days, kMaxDurationDays,
                                                "error.what.duration"));
  }
  if (intake.onset && *intake.onset != Onset::sudden && *intake.onset != Onset::gradual) {
    problems.add("/onset", problems.say("error.onset_value"));
  }
  if (intake.sex && *intake.sex != Sex::female && *intake.sex != Sex::male) {
    problems.add("/sex", problems.say("error.sex_value"));
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
