// Words for reasons and reports: how regions, trigger points, findings and
// citations read in a sentence. Everything appends to one string, from words
// prepared when the knowledge base was loaded (ScoringTables), so that
// writing an assessment allocates little.
#include "engine/phrases.hpp"

#include <cctype>
#include <string>

#include "engine/scoring.hpp"
#include "i18n/messages.hpp"

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

void append_region_phrases(std::string& out, const KnowledgeBase& kb,
                           gsl::span<const RegionKeyIndex> keys) {
  const ScoringTables& t = scoring_tables(kb);
  for (std::size_t i = 0; i < keys.size(); ++i) {
    // Semicolons, because region names may hold commas ("back of the thigh, upper half").
    if (i != 0)
      out += "; ";
    out += t.region_key_phrase[keys[i]];
  }
}

std::string region_key_phrases(const KnowledgeBase& kb, gsl::span<const RegionKeyIndex> keys) {
  std::string out;
  append_region_phrases(out, kb, keys);
  return out;
}

void append_citations(std::string& out, const KnowledgeBase& kb,
                      gsl::span<const CitationIndex> cite) {
  if (cite.empty())
    return;
  const auto citations = kb.citations();
  out += " [";
  for (std::size_t i = 0; i < cite.size(); ++i) {
    if (i != 0)
      out += ", ";
    out += citations[cite[i]].key;
  }
  out += ']';
}

namespace {

// Weights are authored with two decimals at most: "0.6", "-0.25", "1".
void append_weight(std::string& out, float weight) {
  const int hundredths = static_cast<int>(weight * 100.0F + (weight < 0 ? -0.5F : 0.5F));
  const int magnitude = hundredths < 0 ? -hundredths : hundredths;
  if (hundredths < 0)
    out += '-';
  out += std::to_string(magnitude / 100);
  const int frac = magnitude % 100;
  if (frac != 0) {
    out += '.';
    out += static_cast<char>('0' + frac / 10);
    if (frac % 10 != 0)
      out += static_cast<char>('0' + frac % 10);
  }
}

}  // namespace

namespace {

/// Where a reason's regions go: the catalogue's sentence is written with this
/// in place of {regions} and cut there, so that the words before and after
/// can be kept apart (JsonFragments puts the regions between them).
constexpr char kRegionsMark = '\x01';

/// The whole sentence of a reason, with kRegionsMark where its regions go.
std::string reason_sentence(const KnowledgeBase& kb, CandidateIndex candidate,
                            const Reason& reason) {
  const ScoringTables& t = scoring_tables(kb);
  const Catalogue& c = catalogue(kb);
  const Muscle& muscle = kb.muscles()[t.candidate_muscle[candidate]];
  const std::string_view mark(&kRegionsMark, 1);
  const auto zone_name = [&]() -> const std::string& {
    return t.zone_name[t.candidate_zone_begin[candidate] + reason.trigger_point];
  };
  const auto finding = [&](std::string_view key) {
    std::string weight;
    append_weight(weight, muscle.findings[reason.finding_weight].weight);
    return c.get(key, {{"finding", kb.findings()[reason.finding].what},
                       MsgArg::decimal("weight", weight),
                       {"regions", mark}});
  };
  switch (reason.kind) {
    case ReasonKind::essential_zone:
      return c.get("reason.essential_zone", {{"regions", mark}, {"zone", zone_name()}});
    case ReasonKind::spillover_zone:
      return c.get("reason.spillover_zone", {{"regions", mark}, {"zone", zone_name()}});
    case ReasonKind::zone_not_painful:
      return c.get("reason.zone_not_painful", {{"regions", mark}, {"zone", zone_name()}});
    case ReasonKind::finding_for:
      return finding("reason.finding_for");
    case ReasonKind::finding_against:
      return finding("reason.finding_against");
    case ReasonKind::denied_for:
      return finding("reason.denied_for");
  }
  return {};
}

}  // namespace

void append_reason_head(std::string& out, const KnowledgeBase& kb, CandidateIndex candidate,
                        const Reason& reason) {
  const std::string s = reason_sentence(kb, candidate, reason);
  out.append(s, 0, s.find(kRegionsMark));
}

void append_reason_tail(std::string& out, const KnowledgeBase& kb, CandidateIndex candidate,
                        const Reason& reason) {
  const std::string s = reason_sentence(kb, candidate, reason);
  const std::size_t mark = s.find(kRegionsMark);
  if (mark != std::string::npos)
    out.append(s, mark + 1, std::string::npos);
  append_citations(out, kb, reason.cite);
}

void append_reason(std::string& out, const KnowledgeBase& kb, CandidateIndex candidate,
                   const Reason& reason) {
  append_reason_head(out, kb, candidate, reason);
  append_region_phrases(out, kb, reason.regions);
  append_reason_tail(out, kb, candidate, reason);
}

}  // namespace detail
}  // namespace myoref
