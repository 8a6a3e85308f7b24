// The Assessment as JSON (docs/contract.md "Assessment"), reading one back, and
// the JSON-in/JSON-out call.
#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <new>
#include <string>
#include <utility>
#include <vector>

#include "assess/internal.hpp"
#include "engine/explanation_tables.hpp"
#include "engine/json_fragments.hpp"
#include "engine/scoring.hpp"
#include "engine/triage_tables.hpp"
#include "i18n/messages.hpp"
#include "kb/kb_mismatch.hpp"
#include "myoref/myoref.hpp"
#include "util/json.hpp"
#include "util/shortest_float.hpp"

namespace myoref {
namespace {

using detail::JsonWriter;

/// A list of citations, from their ready-made JSON strings.
void write_citations(JsonWriter& w, const detail::JsonFragments& f,
                     gsl::span<const CitationIndex> cite) {
  w.key("cite");
  w.begin_array(true);
  for (const CitationIndex c : cite)
    w.raw_value(f[f.citation_key[c]]);
  w.end_array();
}

/// An array of region keys, from their ready-made JSON strings.
void write_region_keys(JsonWriter& w, std::string_view name, const detail::JsonFragments& f,
                       gsl::span<const RegionKeyIndex> keys) {
  w.key(name);
  w.begin_array(true);
  for (const RegionKeyIndex r : keys)
    w.raw_value(f[f.region_key[r]]);
  w.end_array();
}

void write_finding_ids(JsonWriter& w, std::string_view name, const detail::JsonFragments& f,
                       gsl::span<const FindingIndex> ids) {
  w.key(name);
  w.begin_array(true);
  for (const FindingIndex id : ids)
    w.raw_value(f[f.finding_id[id]]);
  w.end_array();
}

/// The texts of the floats already written in one document: candidates share
/// many values (a muscle's two sides have the same findings evidence, many
/// candidates the same explained share), and a lookup costs much less than
/// writing a float. Same text as JsonWriter::value(float).
// bits_ and text_ are written before they are read (size_ says which).
// NOLINTNEXTLINE(cppcoreguidelines-pro-type-member-init)
class FloatTexts {
 public:
  void write(JsonWriter& w, float value) {
    Expects(std::isfinite(value));
    if (value == 0.0F) {
      w.value(value);  // "0", also for -0
      return;
    }
    std::uint32_t bits = 0;
    std::memcpy(&bits, &value, sizeof bits);
    const std::uint32_t at = (bits * 2654435761U) >> (32U - kBits);
    if (size_[at] == 0 || bits_[at] != bits) {
      bits_[at] = bits;
      size_[at] = static_cast<std::uint8_t>(detail::shortest_float(text_[at].data(), value));
    }
    w.raw_value(std::string_view(text_[at].data(), size_[at]));
  }

 private:
  // 256 entries (was 64: the typical intake's document writes 110 floats, and
  // most differ); only the sizes are cleared (0: empty), the rest is written
  // before it is read.
  static constexpr unsigned kBits = 8;
  static constexpr std::size_t kEntries = std::size_t{1} << kBits;
  std::array<std::uint8_t, kEntries> size_{};
  std::array<std::uint32_t, kEntries> bits_;
  std::array<std::array<char, detail::kShortestFloatMax>, kEntries> text_;
};

/// Writes a reason of the candidate's basis from ready-made pieces, when they
/// say exactly what Assessment::describe() would: the reason names the
/// candidate's own trigger point or finding weight, with its citations. (Every
/// reason assess() makes does.) False, writing nothing, otherwise.
bool write_reason_from_pieces(JsonWriter& w, const detail::JsonFragments& f,
                              const detail::ScoringTables& t, const detail::ExplanationTables& x,
                              CandidateIndex c, const Reason& reason) {
  const auto same = [](gsl::span<const CitationIndex> a, gsl::span<const CitationIndex> b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin());
  };
  switch (reason.kind) {
    case ReasonKind::essential_zone:
    case ReasonKind::spillover_zone:
    case ReasonKind::zone_not_painful: {
      const std::uint32_t zone0 = t.candidate_zone_begin[c];
      if (reason.trigger_point >= t.candidate_zone_begin[c + 1U] - zone0)
        return false;
      const std::size_t z = zone0 + reason.trigger_point;
      if (!same(reason.cite, x.zones[z].cite))
        return false;
      const std::size_t piece = z * 3 + static_cast<std::size_t>(reason.kind);
      w.begin_raw_value();
      w.raw(f[f.zone_head[piece]]);
      bool first = true;
      for (const RegionKeyIndex r : reason.regions) {
        if (!first)
          w.raw("; ");  // as append_region_phrases()
        first = false;
        w.raw(f[f.region_phrase[r]]);
      }
      w.raw(f[f.zone_tail[piece]]);
      return true;
    }
    case ReasonKind::finding_for:
    case ReasonKind::finding_against:
    case ReasonKind::denied_for: {
      const MuscleIndex m = t.candidate_muscle[c];
      const std::uint32_t w0 = x.muscle_weight_begin[m];
      if (reason.finding_weight >= x.muscle_weight_begin[m + 1U] - w0 || !reason.regions.empty())
        return false;
      const std::size_t weight = w0 + reason.finding_weight;
      if (x.weights[weight].finding != reason.finding || !same(reason.cite, x.weights[weight].cite))
        return false;
      const auto kind =
          static_cast<std::size_t>(reason.kind) - static_cast<std::size_t>(ReasonKind::finding_for);
      w.raw_value(f[f.weight_reason[weight * 3 + kind]]);
      return true;
    }
  }
  return false;
}

/// A question; its id and words from the ready-made JSON strings when `f` is
/// given.
void write_question(JsonWriter& w, const KnowledgeBase& k, const detail::JsonFragments* f,
                    const Question& q, Answer answer) {
  const RedFlag& flag = k.red_flags()[q.red_flag];
  w.begin_object();
  if (f != nullptr) {
    w.key("id");
    w.raw_value((*f)[f->red_flag_id[q.red_flag]]);
  } else {
    w.member("id", std::string_view(flag.id));
  }
  w.member("level", to_string(flag.level));
  if (f != nullptr) {
    w.key("text");
    w.raw_value((*f)[f->red_flag_question[q.red_flag]]);
  } else {
    w.member("text", std::string_view(flag.question));
  }
  w.member("why", std::string_view(q.why));
  w.member("answer", to_string(answer));
  w.end_object();
}

}  // namespace

namespace detail {

/// The age rule's outcome in one plain sentence, with the rule's own numbers.
std::string age_rule_reason(const KnowledgeBase& kb, const Triage& triage, const Intake& intake) {
  const AgeRule& rule = kb.age_rule();
  const Catalogue& m = catalogue(kb);
  // The band's words depend only on the knowledge base: made once, with the engine.
  const TriageTables& tables = triage_tables(kb);
  std::string made;
  if (!tables.has_ids)
    made = m.get("age_rule.band", {{"younger", rule.younger_than}, {"older", rule.older_than}});
  const std::string_view band = tables.has_ids ? std::string_view(tables.age_rule_band) : made;
  const int days = rule.max_duration_days;
  switch (triage.age_rule) {
    case AgeRuleOutcome::applies:
      return m.get(
          "age_rule.applies",
          {{"n", *intake.duration_days}, {"max_days", days}, {"age", *intake.age}, {"band", band}});
    case AgeRuleOutcome::applies_duration_unknown:
      return m.get("age_rule.applies_duration_unknown", {{"age", *intake.age}, {"band", band}});
    case AgeRuleOutcome::age_unknown:
      return m.get("age_rule.age_unknown", {{"max_days", days}, {"band", band}});
    case AgeRuleOutcome::not_applicable:
      break;
  }
  if (intake.age && *intake.age >= rule.younger_than && *intake.age <= rule.older_than) {
    return m.get("age_rule.age_outside", {{"age", *intake.age},
                                          {"younger", rule.younger_than},
                                          {"older", rule.older_than},
                                          {"band", band}});
  }
  return m.get("age_rule.not_new", {{"n", intake.duration_days.value_or(0)}, {"max_days", days}});
}

}  // namespace detail

std::string Assessment::to_json(bool pretty) const {
  const KnowledgeBase& k = kb();
  const detail::AssessmentData& d = *d_;
  std::string out;
  // About a kilobyte per listed candidate: one allocation in the usual case.
  JsonWriter w(out, pretty, 2048 + candidate_count() * (pretty ? 1400 : 1100));
  const detail::JsonFragments& f = detail::json_fragments(k);
  w.begin_object();
  w.member("schema", "myoref.assessment/1");

  w.key("triage");
  w.begin_object();
  w.member("level", to_string(d.triage.level));
  w.key("red_flags");
  w.begin_array(false);
  for (const RedFlagIndex i : d.triage.red_flags) {
    const RedFlag& flag = k.red_flags()[i];
    w.begin_object();
    w.key("id");
    w.raw_value(f[f.red_flag_id[i]]);
    w.member("level", to_string(flag.level));
    w.member("advice", std::string_view(flag.advice));
    write_citations(w, f, flag.cite);
    w.end_object();
  }
  w.end_array();
  const AgeRule& rule = k.age_rule();
  w.key("age_rule");
  w.begin_object();
  w.member("outcome", to_string(d.triage.age_rule));
  w.member("raises", d.triage.age_rule_raises());
  w.member("level", to_string(rule.level));
  w.member("reason", detail::age_rule_reason(k, d.triage, d.intake));
  w.key("advice");
  if (d.triage.age_rule == AgeRuleOutcome::not_applicable) {
    w.null();
  } else {
    w.value(std::string_view(rule.advice));
  }
  write_citations(w, f, rule.cite);
  w.end_object();
  w.key("pending");
  w.begin_array(true);
  for (const RedFlagIndex i : d.triage.pending)
    w.raw_value(f[f.red_flag_id[i]]);
  w.end_array();
  w.member("provisional", d.triage.provisional);
  w.key("questions");
  w.begin_array(false);
  for (const Question& q : d.triage.questions)
    write_question(w, k, &f, q, answer_of(d.intake, q.red_flag));
  w.end_array();
  w.key("rules");
  w.begin_array(false);
  for (const RuleHit& r : d.triage.rules) {
    w.begin_object();
    w.member("id", std::string_view(r.id));
    w.member("level", to_string(r.level));
    w.member("reason", std::string_view(r.reason));
    w.member("advice", std::string_view(r.advice));
    write_citations(w, f, r.cite);
    w.end_object();
  }
  w.end_array();
  w.end_object();

  w.key("also_consider");
  w.begin_array(false);
  for (const LookalikeMatch& m : d.triage.also_consider) {
    const Lookalike& l = k.lookalikes()[m.lookalike];
    w.begin_object();
    w.member("id", std::string_view(l.id));
    w.member("name", std::string_view(l.name));
    w.key("why");
    w.begin_array(true);
    for (const std::string& s : m.why)
      w.value(std::string_view(s));
    w.end_array();
    w.member("about", std::string_view(l.why));
    w.member("advice", std::string_view(l.advice));
    w.key("level");
    if (l.level) {
      w.value(to_string(*l.level));
    } else {
      w.null();
    }
    write_citations(w, f, l.cite);
    w.end_object();
  }
  w.end_array();
  w.key("set_aside");
  w.begin_array(false);
  for (const FindingIndex fi : d.triage.set_aside) {
    w.begin_object();
    w.member("id", std::string_view(k.findings()[fi].id));
    const detail::Catalogue& cat = detail::catalogue(k);
    std::string names;
    bool first = true;
    for (const LookalikeMatch& m : d.triage.also_consider) {
      const Lookalike& l = k.lookalikes()[m.lookalike];
      if (std::find(l.set_aside.begin(), l.set_aside.end(), fi) == l.set_aside.end())
        continue;
      if (!first)
        names += cat.get("list.and");
      names += detail::lower_first(l.name);
      first = false;
    }
    w.member("why", std::string_view(cat.get("set_aside.why", {{"patterns", names}})));
    w.end_object();
  }
  w.end_array();

  w.key("candidates");
  w.begin_array(false);
  const detail::ScoringTables& t = detail::scoring_tables(k);
  const detail::ExplanationTables& x = detail::explanation_tables(k);
  std::string sentence;  // reused, for a reason not written from pieces
  FloatTexts floats;
  for (std::size_t rank = 0; rank < candidate_count(); ++rank) {
    const RankedCandidate c = candidate(rank);
    const Candidate& cand = k.candidates()[c.candidate];
    w.begin_object();
    w.key("key");
    w.raw_value(f[f.candidate_key[c.candidate]]);
    w.key("muscle");
    w.raw_value(f[f.muscle_id[cand.muscle]]);
    w.key("side");
    if (cand.side == Side::none) {
      w.null();
    } else {
      w.value(to_string(cand.side));
    }
    w.key("name");
    w.raw_value(f[f.muscle_name[cand.muscle]]);
    w.key("score");
    floats.write(w, c.score);
    w.key("tied");
    w.value(c.tied);
    write_region_keys(w, "explained", f, c.explained);
    write_region_keys(w, "unexplained", f, c.unexplained);
    write_finding_ids(w, "findings_for", f, c.findings_for);
    write_finding_ids(w, "findings_against", f, c.findings_against);
    w.key("basis");
    w.begin_array(false);  // sentences read better one per line
    for (const Reason& reason : c.basis) {
      if (write_reason_from_pieces(w, f, t, x, c.candidate, reason))
        continue;
      sentence.clear();
      detail::append_reason(sentence, k, c.candidate, reason);
      w.value(sentence);
    }
    w.end_array();
    w.key("score_parts");
    w.begin_object();
    w.key("explained_share");
    floats.write(w, c.parts.explained_share);
    w.key("essential_coverage");
    floats.write(w, c.parts.essential_coverage);
    w.key("drawing_fit");
    floats.write(w, c.parts.drawing_fit);
    w.key("findings_evidence");
    floats.write(w, c.parts.findings_evidence);
    w.end_object();
    w.end_object();
  }
  w.end_array();

  w.key("cover");
  w.begin_array(true);
  for (const CandidateIndex c : d.cover)
    w.raw_value(f[f.candidate_key[c]]);
  w.end_array();
  write_region_keys(w, "unexplained", f, unexplained());

  w.key("intake");
  detail::write_intake(w, k, d.intake);

  w.key("kb");
  w.begin_object();
  w.member("id", std::string_view(k.id()));
  w.member("version", std::string_view(k.version()));
  w.member("hash", std::string_view(k.hash()));
  w.end_object();
  w.member("library_version", library_version());
  write_region_keys(w, "painful", f, painful());
  w.end_object();
  w.finish();
  return out;
}

Expected<Assessment> assessment_from_json(const KnowledgeBase& kb, std::string_view text,
                                          const IntakeLimits& limits) {
  detail::JsonLimits json_limits;
  // The document is the intake plus everything said about it.
  json_limits.max_bytes = std::max<std::size_t>(limits.max_bytes, 16U << 20U);
  auto parsed = detail::parse_json(text, json_limits, "assessment");
  if (!parsed)
    return std::move(parsed).error();
  if (!parsed->is_object()) {
    return Error(ErrorCode::invalid_input, "assessment is not valid",
                 {{"", "expected an assessment document (an object)"}});
  }
  const auto& root = parsed->get_object();
  const auto* kb_info = root.if_contains("kb");
  const auto string_at = [](const detail::json::value* o, std::string_view name) -> std::string {
    if (o == nullptr || !o->is_object())
      return {};
    const auto* v = o->get_object().if_contains(name);
    return v != nullptr && v->is_string() ? std::string(v->get_string()) : std::string();
  };
  const std::string id = string_at(kb_info, "id");
  const std::string hash = string_at(kb_info, "hash");
  if (id.empty() || hash.empty()) {
    return Error(ErrorCode::invalid_input, "assessment is not valid",
                 {{"/kb", "expected {\"id\", \"version\", \"hash\"} of the knowledge base used"}});
  }
  if (id != kb.id() || hash != kb.hash()) {
    return detail::kb_mismatch("assessment", id, hash, kb);
  }
  const auto* intake_value = root.if_contains("intake");
  if (intake_value == nullptr) {
    return Error(ErrorCode::invalid_input, "assessment is not valid",
                 {{"/intake", "missing: the echoed intake the assessment was made from"}});
  }
  auto intake = detail::read_intake(kb, *intake_value, limits);
  if (!intake) {
    Error e = std::move(intake).error();
    std::vector<Diagnostic> diagnostics = e.diagnostics();
    for (auto& diagnostic : diagnostics)
      diagnostic.path = "/intake" + diagnostic.path;
    return Error(e.code(), e.message(), std::move(diagnostics));
  }
  return assess(kb, *intake);
}

Expected<std::string> questions_json(const KnowledgeBase& kb, std::string_view intake_json,
                                     bool pretty, const IntakeLimits& limits) {
  auto intake = parse_intake(kb, intake_json, limits);
  if (!intake)
    return std::move(intake).error();
  auto list = questions(kb, *intake);
  if (!list)
    return std::move(list).error();
  try {
    std::string out;
    JsonWriter w(out, pretty);
    w.begin_object();
    w.key("questions");
    w.begin_array(false);
    for (const Question& q : *list)
      write_question(w, kb, nullptr, q, Answer::pending);
    w.end_array();
    w.end_object();
    w.finish();
    return out;
  } catch (const std::bad_alloc&) {
    return Error(ErrorCode::out_of_memory, "out of memory while writing the questions");
  }
}

Expected<std::string> assess_json(const KnowledgeBase& kb, std::string_view intake_json,
                                  bool pretty, const IntakeLimits& limits) {
  auto intake = parse_intake(kb, intake_json, limits);
  if (!intake)
    return std::move(intake).error();
  auto assessment = assess(kb, *intake);
  if (!assessment)
    return std::move(assessment).error();
  try {
    return assessment->to_json(pretty);
  } catch (const std::bad_alloc&) {
    return Error(ErrorCode::out_of_memory, "out of memory while writing the assessment");
  }
}

}  // namespace myoref
