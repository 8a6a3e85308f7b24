// Words for reasons and reports: how regions, trigger points, findings and
// citations read in a sentence.
#include <cctype>
#include <string>

#include "assess/internal.hpp"

namespace myoref {
namespace detail {

std::string lower_first(std::string_view text) {
  std::string out(text);
  const bool acronym = out.size() > 1 && std::isupper(static_cast<unsigned char>(out[1])) != 0;
  if (!out.empty() && !acronym) {
    out[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(out[0])));
  }
  return out;
}

std::string region_key_phrase(const KnowledgeBase& kb, RegionKeyIndex key) {
  const RegionKey& k = kb.region_keys()[key];
  std::string out = lower_first(kb.regions()[k.region].name);
  if (k.side != Side::none) {
    out += " (";
    out += to_string(k.side);
    out += ')';
  }
  return out;
}

std::string region_key_phrases(const KnowledgeBase& kb, gsl::span<const RegionKeyIndex> keys) {
  std::string out;
  for (std::size_t i = 0; i < keys.size(); ++i) {
    // Semicolons, because region names may hold commas ("back of the thigh, upper half").
    if (i != 0) out += "; ";
    out += region_key_phrase(kb, keys[i]);
  }
  return out;
}

std::string citation_suffix(const KnowledgeBase& kb, gsl::span<const CitationIndex> cite) {
  if (cite.empty()) return {};
  std::string out = " [";
  for (std::size_t i = 0; i < cite.size(); ++i) {
    if (i != 0) out += ", ";
    out += kb.citations()[cite[i]].key;
  }
  out += ']';
  return out;
}

}  // namespace detail

namespace {

std::string region_list(const KnowledgeBase& kb, gsl::span<const RegionKeyIndex> keys) {
  return detail::region_key_phrases(kb, keys);
}

std::string weight_text(float weight) {
  // Weights are authored with two decimals at most.
  const int hundredths = static_cast<int>(weight * 100.0F + (weight < 0 ? -0.5F : 0.5F));
  const int whole = hundredths / 100;
  const int frac = (hundredths < 0 ? -hundredths : hundredths) % 100;
  std::string out = hundredths < 0 && whole == 0 ? "-" : "";
  out += std::to_string(whole);
  if (frac != 0) {
    out += '.';
    out += static_cast<char>('0' + frac / 10);
    if (frac % 10 != 0) out += static_cast<char>('0' + frac % 10);
  }
  return out;
}

}  // namespace

std::string Assessment::describe(CandidateIndex candidate, const Reason& reason) const {
  const KnowledgeBase& k = kb();
  const Muscle& muscle = k.muscles()[k.candidates()[candidate].muscle];
  std::string out;
  const auto tp_name = [&] {
    return detail::lower_first(muscle.trigger_points[reason.trigger_point].name);
  };
  const auto finding_text = [&] { return k.findings()[reason.finding].what; };
  const auto weight = [&] {
    return weight_text(muscle.findings[reason.finding_weight].weight);
  };
  switch (reason.kind) {
    case ReasonKind::essential_zone:
      out = "Refers pain to " + region_list(k, reason.regions) + ": essential zone of the " +
            tp_name();
      break;
    case ReasonKind::spillover_zone:
      out = "Can also refer pain to " + region_list(k, reason.regions) +
            ": spillover zone of the " + tp_name();
      break;
    case ReasonKind::zone_not_painful:
      out = "Not drawn as painful, though in the essential zone of the " + tp_name() + ": " +
            region_list(k, reason.regions);
      break;
    case ReasonKind::finding_for:
      out = "Confirmed: " + finding_text() + ", which counts for this muscle (weight " + weight() +
            ")";
      break;
    case ReasonKind::finding_against:
      out = "Confirmed: " + finding_text() + ", which counts against this muscle (weight " +
            weight() + ")";
      break;
    case ReasonKind::denied_for:
      out = "Denied: " + finding_text() + ", which is usual with this muscle (weight " + weight() +
            ")";
      break;
  }
  out += detail::citation_suffix(k, reason.cite);
  return out;
}

}  // namespace myoref
