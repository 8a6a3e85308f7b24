#include "engine/json_fragments.hpp"

#include <gsl/narrow>

#include "engine/engine.hpp"
#include "engine/explanation_tables.hpp"
#include "engine/phrases.hpp"
#include "engine/scoring.hpp"
#include "kb/kb_access.hpp"
#include "kb/kb_data.hpp"
#include "myoref/kb.hpp"
#include "util/json_writer.hpp"

namespace myoref::detail {
namespace {

/// Collects pieces into one text, each written by one JsonWriter as a top-level
/// string value (so quoted and escaped exactly as in a document).
class Pieces {
 public:
  explicit Pieces(std::string& text) : writer_(text, false, 64U << 10U) {}

  /// `s` as the assessment writer writes a string value: quoted and escaped.
  JsonFragments::Piece quoted(std::string_view s) { return add(s, true, true); }
  /// The same without its quotes, or with only the opening or closing one.
  JsonFragments::Piece escaped(std::string_view s, bool open_quote, bool close_quote) {
    return add(s, open_quote, close_quote);
  }

  void finish() { writer_.finish(); }

 private:
  JsonFragments::Piece add(std::string_view s, bool open_quote, bool close_quote) {
    const std::size_t first = writer_.written();
    writer_.value(s);
    const std::size_t last = writer_.written();
    JsonFragments::Piece p;
    p.offset = gsl::narrow<std::uint32_t>(first + (open_quote ? 0 : 1));
    p.size =
        gsl::narrow<std::uint32_t>(last - first - (open_quote ? 0 : 1) - (close_quote ? 0 : 1));
    return p;
  }

  JsonWriter writer_;
};

}  // namespace

const JsonFragments& json_fragments(const KnowledgeBase& kb) {
  const Engine& engine = engine_of(kb);
  if (const JsonFragments* built = engine.json.load(std::memory_order_acquire))
    return *built;
  const std::lock_guard<std::mutex> lock(engine.json_mutex);
  if (const JsonFragments* built = engine.json.load(std::memory_order_relaxed))
    return *built;
  // A failure (out of memory) leaves nothing built: the next call tries again.
  engine.json_owned = std::make_unique<const JsonFragments>(
      compile_json_fragments(kb, engine.scoring, engine.explanation));
  engine.json.store(engine.json_owned.get(), std::memory_order_release);
  return *engine.json_owned;
}

JsonFragments compile_json_fragments(const KnowledgeBase& kb, const ScoringTables& t,
                                     const ExplanationTables& x) {
  JsonFragments f;
  Pieces pieces(f.text);
  f.zone_head.reserve(x.zone_count * 3);
  f.zone_tail.reserve(x.zone_count * 3);
  f.weight_reason.reserve(x.weights.size() * 3);
  for (const RegionKey& key : kb.region_keys())
    f.region_key.push_back(pieces.quoted(key.key));
  for (const Region& region : kb.regions())
    f.region_id.push_back(pieces.quoted(region.id));
  for (const Finding& finding : kb.findings())
    f.finding_id.push_back(pieces.quoted(finding.id));
  for (const RedFlag& flag : kb.red_flags()) {
    f.red_flag_id.push_back(pieces.quoted(flag.id));
    f.red_flag_question.push_back(pieces.quoted(flag.question));
  }
  for (const Citation& citation : kb.citations())
    f.citation_key.push_back(pieces.quoted(citation.key));
  for (const Candidate& candidate : kb.candidates())
    f.candidate_key.push_back(pieces.quoted(candidate.key));
  for (const Muscle& muscle : kb.muscles()) {
    f.muscle_id.push_back(pieces.quoted(muscle.id));
    f.muscle_name.push_back(pieces.quoted(muscle.name));
  }
  for (const std::string& phrase : t.region_key_phrase)
    f.region_phrase.push_back(pieces.escaped(phrase, false, false));

  // A reason's words around its regions, made by the functions that
  // Assessment::describe() uses, for each zone and each zone reason kind.
  const auto muscles = kb.muscles();
  std::string words;
  for (std::size_t c = 0; c < t.candidate_count; ++c) {
    const auto candidate = gsl::narrow<CandidateIndex>(c);
    const Muscle& muscle = muscles[t.candidate_muscle[c]];
    for (std::uint32_t z = t.candidate_zone_begin[c]; z < t.candidate_zone_begin[c + 1U]; ++z) {
      const std::uint32_t tp = z - t.candidate_zone_begin[c];
      for (const ReasonKind kind :
           {ReasonKind::essential_zone, ReasonKind::spillover_zone, ReasonKind::zone_not_painful}) {
        Reason reason;
        reason.kind = kind;
        reason.trigger_point = gsl::narrow<std::uint16_t>(tp);
        const auto& cite = muscle.trigger_points[tp].cite;
        reason.cite = gsl::span<const CitationIndex>(cite.data(), cite.size());
        words.clear();
        append_reason_head(words, kb, candidate, reason);
        f.zone_head.push_back(pieces.escaped(words, true, false));
        words.clear();
        append_reason_tail(words, kb, candidate, reason);
        f.zone_tail.push_back(pieces.escaped(words, false, true));
      }
    }
  }

  // Whole reasons about findings, for each weight and each finding reason kind.
  std::vector<CandidateIndex> first_candidate(muscles.size(), 0);
  for (std::size_t c = t.candidate_count; c-- > 0;)
    first_candidate[t.candidate_muscle[c]] = gsl::narrow<CandidateIndex>(c);
  for (std::size_t m = 0; m < muscles.size(); ++m) {
    for (std::uint32_t w = x.muscle_weight_begin[m]; w < x.muscle_weight_begin[m + 1U]; ++w) {
      const ExplanationTables::Weight& weight = x.weights[w];
      for (const ReasonKind kind :
           {ReasonKind::finding_for, ReasonKind::finding_against, ReasonKind::denied_for}) {
        Reason reason;
        reason.kind = kind;
        reason.finding = weight.finding;
        reason.finding_weight = weight.index;
        reason.cite = weight.cite;
        words.clear();
        append_reason(words, kb, first_candidate[m], reason);
        f.weight_reason.push_back(pieces.quoted(words));
      }
    }
  }
  pieces.finish();
  f.text.append(JsonFragments::kSpare, ' ');
  f.text.shrink_to_fit();
  return f;
}

}  // namespace myoref::detail
