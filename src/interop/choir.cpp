// CHOIR body map segments to an intake and back, through the crosswalk that
// tools/choir/crosswalk.py derives (data/choir/crosswalk.json, docs/interop.md).
#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "myoref/assess.hpp"
#include "myoref/interop.hpp"
#include "util/json.hpp"

namespace myoref {

namespace detail {
extern const char kChoirCrosswalkJson[];
extern const std::size_t kChoirCrosswalkJson_size;
}  // namespace detail

namespace {

namespace json = boost::json;

struct Share {
  std::string key;
  double weight = 0.0;        // of the segment's overlap with the chart
  double region_share = 0.0;  // of the region's area
};

/// segment number -> the region keys it overlaps, per sex.
using Crosswalk = std::map<int, std::vector<Share>>;

std::array<Crosswalk, 2> load() {
  std::array<Crosswalk, 2> out;
  json::error_code ec;
  const json::value v = json::parse(
      std::string_view(detail::kChoirCrosswalkJson, detail::kChoirCrosswalkJson_size), ec);
  if (ec || !v.is_object())
    return out;
  const json::value* sexes = v.as_object().if_contains("sexes");
  if (sexes == nullptr || !sexes->is_object())
    return out;
  for (const auto& [name, segments] : sexes->as_object()) {
    const std::size_t s = name == "male" ? 1 : 0;
    if (!segments.is_object())
      continue;
    for (const auto& [number, entry] : segments.as_object()) {
      const json::value* regions =
          entry.is_object() ? entry.as_object().if_contains("regions") : nullptr;
      if (regions == nullptr || !regions->is_array())
        continue;
      std::vector<Share>& shares = out[s][std::stoi(std::string(number))];
      for (const json::value& r : regions->as_array()) {
        const json::object& o = r.as_object();
        shares.push_back(Share{std::string(o.at("key").as_string()),
                               o.at("weight").to_number<double>(),
                               o.at("region_share").to_number<double>()});
      }
    }
  }
  return out;
}

const Crosswalk& crosswalk(ChoirSex sex) {
  static const auto* both = new std::array<Crosswalk, 2>(load());  // NOLINT: never freed
  return (*both)[static_cast<std::size_t>(sex)];
}

}  // namespace

std::optional<ChoirSex> parse_choir_sex(std::string_view text) noexcept {
  if (text == "female")
    return ChoirSex::female;
  if (text == "male")
    return ChoirSex::male;
  return std::nullopt;
}

Expected<std::string> intake_from_choir(const KnowledgeBase& kb, std::string_view segments,
                                        ChoirSex sex, int intensity) {
  if (intensity < 1 || intensity > 10) {
    return Error(ErrorCode::invalid_argument, "the intensity is not valid",
                 {{"/intensity",
                   std::to_string(intensity) + " is out of range: expected 1..10 (pain now)"}});
  }
  const Crosswalk& cw = crosswalk(sex);
  std::vector<Diagnostic> problems;
  std::vector<int> marked;
  std::size_t start = 0;
  std::size_t index = 0;
  while (start <= segments.size()) {
    std::size_t end = segments.find(',', start);
    if (end == std::string_view::npos)
      end = segments.size();
    std::string_view item = segments.substr(start, end - start);
    while (!item.empty() && (item.front() == ' ' || item.front() == '\t'))
      item.remove_prefix(1);
    while (!item.empty() && (item.back() == ' ' || item.back() == '\t'))
      item.remove_suffix(1);
    const std::string path = "/" + std::to_string(index);
    if (!item.empty()) {
      const bool digits = item.size() <= 4 && std::all_of(item.begin(), item.end(), [](char c) {
                            return c >= '0' && c <= '9';
                          });
      const int number = digits ? std::stoi(std::string(item)) : -1;
      if (!digits || cw.count(number) == 0) {
        problems.push_back({path, detail::quoted(item) +
                                      " is not a CHOIR body map segment: expected 101..136 "
                                      "(front) or 201..238 (back)"});
      } else if (std::find(marked.begin(), marked.end(), number) != marked.end()) {
        problems.push_back({path, "segment " + std::string(item) + " is given twice"});
      } else {
        marked.push_back(number);
      }
      ++index;
    } else if (end != segments.size() || start != 0) {
      problems.push_back({path, "an empty item between commas"});
      ++index;
    }
    start = end + 1;
  }
  if (marked.empty() && problems.empty())
    problems.push_back({"", "no segment given: expected numbers such as \"128,117,107\""});
  if (!problems.empty())
    return Error(ErrorCode::invalid_input, "the CHOIR segments are not valid", std::move(problems));

  // How strongly each region key is marked: the larger of how much of the
  // region the marked segments cover (summed) and how much of one marked
  // segment falls in the region. So a region mostly inside a marked segment,
  // or mostly covered by marked segments, gets the whole intensity; a region
  // that only catches the edge of a segment gets a part of it.
  std::map<std::string, double> covered;
  std::map<std::string, double> inside;
  for (const int s : marked) {
    for (const Share& share : cw.at(s)) {
      covered[share.key] += share.region_share;
      inside[share.key] = std::max(inside[share.key], share.weight);
    }
  }
  std::map<std::string, double> cover;
  for (const auto& [key, c] : covered)
    cover[key] = std::max(c, inside[key]);
  std::vector<std::pair<RegionKeyIndex, int>> marks;
  for (const auto& [key, c] : cover) {
    const auto k = kb.find_region_key(key);
    if (!k)
      continue;  // a region this knowledge base does not have
    const int v = static_cast<int>(std::lround(std::min(1.0, c) * intensity));
    marks.emplace_back(*k, std::clamp(v, 1, intensity));
  }
  if (marks.empty()) {
    return Error(ErrorCode::invalid_input, "the CHOIR segments are not valid",
                 {{"", "none of the segments falls on a region of this knowledge base"}});
  }
  std::sort(marks.begin(), marks.end());
  Intake intake;
  for (const auto& [k, v] : marks)
    intake.pain.push_back(PainMark{k, v});
  if (!validate_intake(kb, intake)) {
    return Error(ErrorCode::internal, "the CHOIR crosswalk gave an intake that is not valid");
  }
  return intake_to_json(kb, intake);
}

Expected<std::string> choir_from_intake(const KnowledgeBase& kb, std::string_view text,
                                        ChoirSex sex) {
  // An assessment document holds its intake under "intake".
  Expected<json::value> doc = detail::parse_json(text, {}, "intake");
  if (!doc)
    return std::move(doc).error();
  std::string intake_text(text);
  if (const json::object* o = doc->if_object()) {
    if (const json::value* in = o->if_contains("intake"); in != nullptr && o->contains("triage"))
      intake_text = json::serialize(*in);
  }
  Expected<Intake> intake = parse_intake(kb, intake_text);
  if (!intake)
    return std::move(intake).error();
  const Crosswalk& cw = crosswalk(sex);
  std::vector<int> out;
  for (const PainMark& mark : intake->pain) {
    if (mark.intensity <= 0)
      continue;
    const std::string& key = kb.region_keys()[mark.region_key].key;
    int best = -1;
    double best_share = 0.0;
    bool any = false;
    for (const auto& [segment, shares] : cw) {
      for (const Share& s : shares) {
        if (s.key != key)
          continue;
        if (s.region_share >= 0.25) {
          out.push_back(segment);
          any = true;
        }
        if (s.region_share > best_share) {
          best_share = s.region_share;
          best = segment;
        }
      }
    }
    if (!any && best >= 0)
      out.push_back(best);
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  std::string joined;
  for (const int s : out) {
    if (!joined.empty())
      joined += ',';
    joined += std::to_string(s);
  }
  return joined;
}

}  // namespace myoref
