// Fuzz target: the intake parser and the assessment, on the built-in
// knowledge base.
//
// Any text is either an intake or refused with an Error that keeps the
// refusal promises. An intake that is read is valid by validate_intake, its
// canonical form reads back to the same intake, and it assesses: triage is at
// least the level of every confirmed red flag, candidates are in order with
// scores in (0, 1], the JSON reads back (the echoed intake is the same
// intake, and assessment_from_json of the document writes the same
// document), and the same intake gives byte-identical output twice.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_support.hpp"
#include "myoref/assess.hpp"
#include "myoref/kb.hpp"
#include "util/json.hpp"
#include "util/json_writer.hpp"

namespace {

using myoref::Assessment;
using myoref::ErrorCode;
using myoref::KnowledgeBase;

const KnowledgeBase& builtin() {
  static const KnowledgeBase kb = [] {
    auto loaded = KnowledgeBase::builtin();
    FUZZ_CHECK(loaded.has_value(), loaded ? std::string() : loaded.error().to_string());
    return *loaded;
  }();
  return kb;
}

void check_assessment(const KnowledgeBase& kb, const myoref::Intake& intake, const Assessment& a) {
  for (const auto flag : intake.red_flags)
    FUZZ_CHECK(a.triage().level >= kb.red_flags()[flag].level, kb.red_flags()[flag].id);
  const std::size_t n = a.candidate_count();
  for (std::size_t rank = 0; rank < n; ++rank) {
    const auto c = a.candidate(rank);
    FUZZ_CHECK(c.score > 0.0F && c.score <= 1.0F, std::to_string(c.score));
    if (rank > 0) {
      const auto prev = a.candidate(rank - 1);
      FUZZ_CHECK(prev.score > c.score ||
                     (prev.score == c.score &&
                      kb.candidates()[prev.candidate].key < kb.candidates()[c.candidate].key),
                 kb.candidates()[c.candidate].key);
    }
    for (const auto& reason : c.basis)
      FUZZ_CHECK(!a.describe(c.candidate, reason).empty(), kb.candidates()[c.candidate].key);
  }
  FUZZ_CHECK(a.scores().size() == kb.candidates().size(), "scores by candidate");
  FUZZ_CHECK(!a.to_text().empty(), "text report");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace detail = myoref::detail;
  const KnowledgeBase& kb = builtin();
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto intake = myoref::parse_intake(kb, text);
  if (!intake) {
    FUZZ_CHECK_REFUSAL(intake.error());
    const auto code = intake.error().code();
    FUZZ_CHECK(code == ErrorCode::parse || code == ErrorCode::invalid_input ||
                   code == ErrorCode::limit_exceeded,
               intake.error().to_string());
    return 0;
  }
  const auto valid = myoref::validate_intake(kb, *intake);
  FUZZ_CHECK(valid.has_value(), valid ? std::string() : valid.error().to_string());

  // The canonical form reads back to the same intake, and is a fixed point.
  const std::string canonical = myoref::intake_to_json(kb, *intake);
  const auto again = myoref::parse_intake(kb, canonical);
  FUZZ_CHECK(again.has_value(), again ? canonical : again.error().to_string());
  FUZZ_CHECK(myoref::intake_to_json(kb, *again) == canonical, canonical);

  const auto assessment = myoref::assess(kb, *intake);
  FUZZ_CHECK(assessment.has_value(), assessment ? std::string() : assessment.error().to_string());
  check_assessment(kb, *intake, *assessment);

  for (const bool pretty : {false, true}) {
    const std::string document = assessment->to_json(pretty);
    // Well-formed, and its echoed intake is the intake.
    detail::JsonLimits roomy;
    roomy.max_bytes = std::size_t{64} << 20U;
    const auto parsed = detail::parse_json(document, roomy, "assessment");
    FUZZ_CHECK(parsed.has_value(), parsed ? std::string() : parsed.error().to_string());
    const auto* echoed = parsed->as_object().if_contains("intake");
    FUZZ_CHECK(echoed != nullptr, document);
    const auto from_echo = myoref::parse_intake(kb, detail::pretty(*echoed));
    FUZZ_CHECK(from_echo.has_value(), from_echo ? std::string() : from_echo.error().to_string());
    FUZZ_CHECK(myoref::intake_to_json(kb, *from_echo) == canonical, document);
    // The document reads back as the same assessment.
    const auto read_back = myoref::assessment_from_json(kb, document);
    FUZZ_CHECK(read_back.has_value(), read_back ? std::string() : read_back.error().to_string());
    FUZZ_CHECK(read_back->to_json(pretty) == document, document);
  }
  // The same intake, the same bytes.
  const auto twice = myoref::assess(kb, *again);
  FUZZ_CHECK(twice.has_value() && twice->to_json() == assessment->to_json(), canonical);
  return 0;
}
