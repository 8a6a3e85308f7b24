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

using detail::member_name;
using detail::MemberName;

// Every member name of the document, with what goes before it at its depth
// (member_name()): the document's members are at depth 1, triage's and the
// knowledge base's at 2, a candidate's, the age rule's and a look-alike's
// at 3, a red flag's, a question's, a rule's and the score parts' at 4.
constexpr MemberName kSchema = member_name(1, "schema");
constexpr MemberName kTriage = member_name(1, "triage");
constexpr MemberName kAlsoConsider = member_name(1, "also_consider");
constexpr MemberName kSetAside = member_name(1, "set_aside");
constexpr MemberName kCandidates = member_name(1, "candidates");
constexpr MemberName kCover = member_name(1, "cover");
constexpr MemberName kUnexplained1 = member_name(1, "unexplained");
constexpr MemberName kIntake = member_name(1, "intake");
constexpr MemberName kKb = member_name(1, "kb");
constexpr MemberName kLibraryVersion = member_name(1, "library_version");
constexpr MemberName kPainful = member_name(1, "painful");

constexpr MemberName kLevel2 = member_name(2, "level");
constexpr MemberName kRedFlags = member_name(2, "red_flags");
constexpr MemberName kAgeRule = member_name(2, "age_rule");
constexpr MemberName kPending = member_name(2, "pending");
constexpr MemberName kProvisional = member_name(2, "provisional");
constexpr MemberName kQuestions2 = member_name(2, "questions");
constexpr MemberName kRules = member_name(2, "rules");
constexpr MemberName kId2 = member_name(2, "id");
constexpr MemberName kVersion = member_name(2, "version");
constexpr MemberName kHash = member_name(2, "hash");

constexpr MemberName kOutcome = member_name(3, "outcome");
constexpr MemberName kRaises = member_name(3, "raises");
constexpr MemberName kLevel3 = member_name(3, "level");
constexpr MemberName kReason3 = member_name(3, "reason");
constexpr MemberName kAdvice3 = member_name(3, "advice");
constexpr MemberName kCite3 = member_name(3, "cite");
constexpr MemberName kId3 = member_name(3, "id");
constexpr MemberName kName3 = member_name(3, "name");
constexpr MemberName kWhy3 = member_name(3, "why");
constexpr MemberName kAbout = member_name(3, "about");
constexpr MemberName kKey = member_name(3, "key");
constexpr MemberName kMuscle = member_name(3, "muscle");
constexpr MemberName kSide = member_name(3, "side");
constexpr MemberName kScore = member_name(3, "score");
constexpr MemberName kTied = member_name(3, "tied");
constexpr MemberName kExplained = member_name(3, "explained");
constexpr MemberName kUnexplained3 = member_name(3, "unexplained");
constexpr MemberName kFindingsFor = member_name(3, "findings_for");
constexpr MemberName kFindingsAgainst = member_name(3, "findings_against");
constexpr MemberName kBasis = member_name(3, "basis");
constexpr MemberName kScoreParts = member_name(3, "score_parts");

constexpr MemberName kId4 = member_name(4, "id");
constexpr MemberName kLevel4 = member_name(4, "level");
constexpr MemberName kAdvice4 = member_name(4, "advice");
constexpr MemberName kCite4 = member_name(4, "cite");
constexpr MemberName kReason4 = member_name(4, "reason");
constexpr MemberName kExplainedShare = member_name(4, "explained_share");
constexpr MemberName kEssentialCoverage = member_name(4, "essential_coverage");
constexpr MemberName kDrawingFit = member_name(4, "drawing_fit");
constexpr MemberName kFindingsEvidence = member_name(4, "findings_evidence");

/// A question's member names, for a question object at `depth`.
struct QuestionNames {
  MemberName id, level, text, why, answer;
};
constexpr QuestionNames question_names(std::size_t depth) {
  return {member_name(depth, "id"), member_name(depth, "level"), member_name(depth, "text"),
          member_name(depth, "why"), member_name(depth, "answer")};
}
constexpr QuestionNames kQuestionIn3 = question_names(3);  // questions_json()
constexpr QuestionNames kQuestionIn4 = question_names(4);  // an assessment's triage

/// A list of citations, from their ready-made JSON strings.
void write_citations(JsonWriter& w, const MemberName& name, const detail::JsonFragments& f,
                     gsl::span<const CitationIndex> cite) {
  w.key(name);
  w.raw_array_padded(cite, [&f](CitationIndex c) { return f[f.citation_key[c]]; });
}

/// An array of region keys, from their ready-made JSON strings.
void write_region_keys(JsonWriter& w, const MemberName& name, const detail::JsonFragments& f,
                       gsl::span<const RegionKeyIndex> keys) {
  w.key(name);
  w.raw_array_padded(keys, [&f](RegionKeyIndex r) { return f[f.region_key[r]]; });
}

void write_finding_ids(JsonWriter& w, const MemberName& name, const detail::JsonFragments& f,
                       gsl::span<const FindingIndex> ids) {
  w.key(name);
  w.raw_array_padded(ids, [&f](FindingIndex id) { return f[f.finding_id[id]]; });
}

/// The texts of the floats already written in one document: candidates share
/// many values (a muscle's two sides have the same findings evidence, many
/// candidates the same explained share), and a lookup costs much less than
/// writing a float. Same text as JsonWriter::value(float).
// bits_ and text_ are written before they are read (used_ says which).
// NOLINTNEXTLINE(cppcoreguidelines-pro-type-member-init)
class FloatTexts {
 public:
  /// The text of `value` as JsonWriter::value(float) writes it ("0" for 0
  /// and -0). Texts made in one loop, with nothing else waiting on each, take
  /// less time than the same made one by one as the document is written,
  /// where all that follows (the writer's position) waits on each text's length.
  detail::FloatText text(float value) {
    Expects(std::isfinite(value));
    if (value == 0.0F)
      return zero();
    std::uint32_t bits = 0;
    std::memcpy(&bits, &value, sizeof bits);
    const std::uint32_t at = (bits * 2654435761U) >> (32U - kBits);
    if (used_[at] == 0 || bits_[at] != bits) {
      used_[at] = 1;
      bits_[at] = bits;
      text_[at] = detail::shortest_float_text(value);
    }
    return text_[at];
  }

  void write(JsonWriter& w, float value) { w.float_text(text(value)); }

 private:
  /// "0": the chars, then the size in the last.
  static detail::FloatText zero() noexcept {
    std::array<unsigned char, sizeof(detail::FloatText)> chars{};
    chars[0] = '0';
    chars.back() = 1;
    detail::FloatText t{};
    std::memcpy(&t, chars.data(), sizeof t);
    return t;
  }

  // 256 entries (was 64: the typical intake's document writes 110 floats, and
  // most differ); only used_ is cleared (0: empty), the rest is written
  // before it is read.
  static constexpr unsigned kBits = 8;
  static constexpr std::size_t kEntries = std::size_t{1} << kBits;
  std::array<std::uint8_t, kEntries> used_{};
  std::array<std::uint32_t, kEntries> bits_;
  std::array<detail::FloatText, kEntries> text_;
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
      w.raw_padded(f[f.zone_head[piece]]);
      bool first = true;
      for (const RegionKeyIndex r : reason.regions) {
        if (!first)
          w.raw("; ");  // as append_region_phrases()
        first = false;
        w.raw_padded(f[f.region_phrase[r]]);
      }
      w.raw_padded(f[f.zone_tail[piece]]);
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
      w.raw_value_padded(f[f.weight_reason[weight * 3 + kind]]);
      return true;
    }
  }
  return false;
}

/// A question; its id and words from the ready-made JSON strings when `f` is
/// given.
void write_question(JsonWriter& w, const KnowledgeBase& k, const detail::JsonFragments* f,
                    const QuestionNames& names, const Question& q, Answer answer) {
  const RedFlag& flag = k.red_flags()[q.red_flag];
  w.begin_object();
  if (f != nullptr) {
    w.member_padded(names.id, (*f)[f->red_flag_id[q.red_flag]]);
  } else {
    w.key(names.id);
    w.value(std::string_view(flag.id));
  }
  w.key(names.level);
  w.plain_value(to_string(flag.level));
  if (f != nullptr) {
    w.member_padded(names.text, (*f)[f->red_flag_question[q.red_flag]]);
  } else {
    w.key(names.text);
    w.value(std::string_view(flag.question));
  }
  w.key(names.why);
  w.value(std::string_view(q.why));
  w.key(names.answer);
  w.plain_value(to_string(answer));
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
  const auto citation = [&f](CitationIndex c) { return f[f.citation_key[c]]; };
  w.begin_object();
  w.key(kSchema);
  w.plain_value("myoref.assessment/1");

  w.key(kTriage);
  w.begin_object();
  w.key(kLevel2);
  w.plain_value(to_string(d.triage.level));
  w.key(kRedFlags);
  w.begin_array(false);
  for (const RedFlagIndex i : d.triage.red_flags) {
    const RedFlag& flag = k.red_flags()[i];
    w.begin_object();
    w.member_padded(kId4, f[f.red_flag_id[i]]);
    w.key(kLevel4);
    w.plain_value(to_string(flag.level));
    w.key(kAdvice4);
    w.value(std::string_view(flag.advice));
    w.key(kCite4);
    w.raw_array_padded(flag.cite, citation);
    w.end_object();
  }
  w.end_array();
  const AgeRule& rule = k.age_rule();
  w.key(kAgeRule);
  w.begin_object();
  w.key(kOutcome);
  w.plain_value(to_string(d.triage.age_rule));
  w.key(kRaises);
  w.value(d.triage.age_rule_raises());
  w.key(kLevel3);
  w.plain_value(to_string(rule.level));
  w.key(kReason3);
  w.value(detail::age_rule_reason(k, d.triage, d.intake));
  w.key(kAdvice3);
  if (d.triage.age_rule == AgeRuleOutcome::not_applicable) {
    w.null();
  } else {
    w.value(std::string_view(rule.advice));
  }
  write_citations(w, kCite3, f, rule.cite);
  w.end_object();
  w.key(kPending);
  w.raw_array_padded(d.triage.pending, [&f](RedFlagIndex i) { return f[f.red_flag_id[i]]; });
  w.key(kProvisional);
  w.value(d.triage.provisional);
  w.key(kQuestions2);
  w.begin_array(false);
  for (const Question& q : d.triage.questions)
    write_question(w, k, &f, kQuestionIn4, q, answer_of(d.intake, q.red_flag));
  w.end_array();
  w.key(kRules);
  w.begin_array(false);
  for (const RuleHit& r : d.triage.rules) {
    w.begin_object();
    w.key(kId4);
    w.value(std::string_view(r.id));
    w.key(kLevel4);
    w.plain_value(to_string(r.level));
    w.key(kReason4);
    w.value(std::string_view(r.reason));
    w.key(kAdvice4);
    w.value(std::string_view(r.advice));
    write_citations(w, kCite4, f, r.cite);
    w.end_object();
  }
  w.end_array();
  w.end_object();

  w.key(kAlsoConsider);
  w.begin_array(false);
  for (const LookalikeMatch& m : d.triage.also_consider) {
    const Lookalike& l = k.lookalikes()[m.lookalike];
    w.begin_object();
    w.key(kId3);
    w.value(std::string_view(l.id));
    w.key(kName3);
    w.value(std::string_view(l.name));
    w.key(kWhy3);
    w.begin_array(true);
    for (const std::string& s : m.why)
      w.value(std::string_view(s));
    w.end_array();
    w.key(kAbout);
    w.value(std::string_view(l.why));
    w.key(kAdvice3);
    w.value(std::string_view(l.advice));
    w.key(kLevel3);
    if (l.level) {
      w.plain_value(to_string(*l.level));
    } else {
      w.null();
    }
    write_citations(w, kCite3, f, l.cite);
    w.end_object();
  }
  w.end_array();
  w.key(kSetAside);
  w.begin_array(false);
  for (const FindingIndex fi : d.triage.set_aside) {
    w.begin_object();
    w.key(kId3);
    w.value(std::string_view(k.findings()[fi].id));
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
    w.key(kWhy3);
    w.value(std::string_view(cat.get("set_aside.why", {{"patterns", names}})));
    w.end_object();
  }
  w.end_array();

  w.key(kCandidates);
  w.begin_array(false);
  const detail::ScoringTables& t = detail::scoring_tables(k);
  const detail::ExplanationTables& x = detail::explanation_tables(k);
  std::string sentence;  // reused, for a reason not written from pieces
  // The texts of the first candidates' five floats, made in one loop ahead
  // of the writing (FloatTexts::prepare); the rest, if any, as they come.
  FloatTexts floats;
  const std::size_t count = candidate_count();
  constexpr std::size_t kFloats = 5;
  constexpr std::size_t kAhead = 64;
  // Written before it is read (the first min(count, kAhead) * kFloats).
  // NOLINTNEXTLINE(cppcoreguidelines-pro-type-member-init)
  std::array<detail::FloatText, kAhead * kFloats> ahead;
  const std::size_t made_ahead = std::min(count, kAhead);
  for (std::size_t rank = 0; rank < made_ahead; ++rank) {
    const detail::RankedEntry& e = d.ranked[rank];
    const std::array<float, kFloats> values = {e.score, e.parts.explained_share,
                                               e.parts.essential_coverage, e.parts.drawing_fit,
                                               e.parts.findings_evidence};
    for (std::size_t i = 0; i < kFloats; ++i)
      ahead[rank * kFloats + i] = floats.text(values[i]);
  }
  const auto candidates = k.candidates();
  const auto write_float = [&](std::size_t rank, std::size_t i, float value) {
    if (rank < made_ahead) {
      w.float_text(ahead[rank * kFloats + i]);
    } else {
      floats.write(w, value);
    }
  };
  for (std::size_t rank = 0; rank < count; ++rank) {
    const RankedCandidate c = candidate(rank);
    const Candidate& cand = candidates[c.candidate];
    w.begin_object();
    w.member_padded(kKey, f[f.candidate_key[c.candidate]]);
    w.member_padded(kMuscle, f[f.muscle_id[cand.muscle]]);
    w.key(kSide);
    if (cand.side == Side::none) {
      w.null();
    } else {
      w.plain_value(to_string(cand.side));
    }
    w.member_padded(kName3, f[f.muscle_name[cand.muscle]]);
    w.key(kScore);
    write_float(rank, 0, c.score);
    w.key(kTied);
    w.value(c.tied);
    write_region_keys(w, kExplained, f, c.explained);
    write_region_keys(w, kUnexplained3, f, c.unexplained);
    write_finding_ids(w, kFindingsFor, f, c.findings_for);
    write_finding_ids(w, kFindingsAgainst, f, c.findings_against);
    w.key(kBasis);
    w.begin_array(false);  // sentences read better one per line
    for (const Reason& reason : c.basis) {
      if (write_reason_from_pieces(w, f, t, x, c.candidate, reason))
        continue;
      sentence.clear();
      detail::append_reason(sentence, k, c.candidate, reason);
      w.value(sentence);
    }
    w.end_array();
    w.key(kScoreParts);
    w.begin_object();
    w.key(kExplainedShare);
    write_float(rank, 1, c.parts.explained_share);
    w.key(kEssentialCoverage);
    write_float(rank, 2, c.parts.essential_coverage);
    w.key(kDrawingFit);
    write_float(rank, 3, c.parts.drawing_fit);
    w.key(kFindingsEvidence);
    write_float(rank, 4, c.parts.findings_evidence);
    w.end_object();
    w.end_object();
  }
  w.end_array();

  w.key(kCover);
  w.raw_array_padded(d.cover, [&f](CandidateIndex c) { return f[f.candidate_key[c]]; });
  write_region_keys(w, kUnexplained1, f, unexplained());

  w.key(kIntake);
  detail::write_intake(w, k, d.intake);

  w.key(kKb);
  w.begin_object();
  w.key(kId2);
  w.value(std::string_view(k.id()));
  w.key(kVersion);
  w.value(std::string_view(k.version()));
  w.key(kHash);
  w.value(std::string_view(k.hash()));
  w.end_object();
  w.key(kLibraryVersion);
  w.value(library_version());
  write_region_keys(w, kPainful, f, painful());
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
      write_question(w, kb, nullptr, kQuestionIn3, q, Answer::pending);
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
