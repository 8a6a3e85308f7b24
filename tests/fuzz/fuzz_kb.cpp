// Fuzz target: the knowledge-base loader.
//
// Any text either loads or is refused with an Error that keeps the refusal
// promises (fuzz_support.hpp). A knowledge base that loads round-trips: its
// canonical form loads again with the same hash and the same canonical text,
// every muscle's record is well-formed JSON, and every id finds its own entry.
// And it works: an intake marking its region keys assesses, the assessment
// reads back, pictures draw (when it has a chart), and a plan starts and
// takes a session; odd but valid knowledge bases (no chart, midline only, one
// muscle) reach every part of the library this way.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_support.hpp"
#include "myoref/myoref.hpp"
#include "util/json.hpp"

namespace {

using myoref::KnowledgeBase;

void check_lookups(const KnowledgeBase& kb) {
  for (std::size_t i = 0; i < kb.regions().size(); ++i) {
    const auto found = kb.find_region(kb.regions()[i].id);
    FUZZ_CHECK(found && *found == i, kb.regions()[i].id);
  }
  for (std::size_t i = 0; i < kb.region_keys().size(); ++i) {
    const auto& key = kb.region_keys()[i];
    const auto found = kb.find_region_key(key.key);
    FUZZ_CHECK(found && *found == i, key.key);
    FUZZ_CHECK(kb.mirror(kb.mirror(static_cast<myoref::RegionKeyIndex>(i))) == i, key.key);
  }
  for (std::size_t i = 0; i < kb.muscles().size(); ++i) {
    const auto& m = kb.muscles()[i];
    const auto found = kb.find_muscle(m.id);
    FUZZ_CHECK(found && *found == i, m.id);
    for (const auto& alias : m.aliases) {
      const auto by_alias = kb.find_muscle(alias);
      FUZZ_CHECK(by_alias && *by_alias == i, alias);
    }
    const std::string record = kb.muscle_to_json(static_cast<myoref::MuscleIndex>(i));
    const auto parsed = myoref::detail::parse_json(record, {}, "muscle record");
    FUZZ_CHECK(parsed.has_value(), record);
  }
  for (std::size_t i = 0; i < kb.candidates().size(); ++i) {
    const auto& c = kb.candidates()[i];
    const auto found = kb.find_candidate(c.key);
    FUZZ_CHECK(found && *found == i, c.key);
    const auto mirrored = static_cast<myoref::CandidateIndex>(i);
    FUZZ_CHECK(kb.mirror_candidate(kb.mirror_candidate(mirrored)) == i, c.key);
  }
  for (std::size_t i = 0; i < kb.findings().size(); ++i) {
    const auto found = kb.find_finding(kb.findings()[i].id);
    FUZZ_CHECK(found && *found == i, kb.findings()[i].id);
  }
  for (std::size_t i = 0; i < kb.red_flags().size(); ++i) {
    const auto found = kb.find_red_flag(kb.red_flags()[i].id);
    FUZZ_CHECK(found && *found == i, kb.red_flags()[i].id);
  }
  for (std::size_t i = 0; i < kb.exercises().size(); ++i) {
    const auto found = kb.find_exercise(kb.exercises()[i].id);
    FUZZ_CHECK(found && *found == i, kb.exercises()[i].id);
  }
}

void check_use(const KnowledgeBase& kb) {
  if (kb.region_keys().empty())
    return;
  myoref::Intake intake;
  // Every key but a coarse region's (marked with its own parts it is refused).
  for (std::size_t i = 0; i < kb.region_keys().size() && intake.pain.size() < 256; ++i) {
    if (!kb.regions()[kb.region_keys()[i].region].parts.empty())
      continue;
    intake.pain.push_back({static_cast<myoref::RegionKeyIndex>(i), static_cast<int>(i * 7 % 11)});
  }
  if (intake.pain.empty())
    return;
  for (std::size_t i = 0; i < kb.findings().size() && i < 256; i += 2)
    intake.findings.push_back(static_cast<myoref::FindingIndex>(i));
  intake.age = 40;
  const auto assessment = myoref::assess(kb, intake);
  FUZZ_CHECK(assessment.has_value(), assessment ? std::string() : assessment.error().to_string());
  const std::string document = assessment->to_json();
  const auto back = myoref::assessment_from_json(kb, document);
  FUZZ_CHECK(back.has_value() && back->to_json() == document,
             back ? document : back.error().to_string());
  FUZZ_CHECK(!assessment->to_text().empty(), "text report");
  if (!kb.chart().shapes.empty()) {
    const auto svg = myoref::render_candidates_svg(*assessment, 3);
    FUZZ_CHECK(svg.has_value(), svg ? std::string() : svg.error().to_string());
    const auto html = myoref::render_report_html(*assessment);
    FUZZ_CHECK(html.has_value(), html ? std::string() : html.error().to_string());
  }
  auto plan = myoref::Plan::start(kb, *assessment);
  if (!plan) {
    FUZZ_CHECK_REFUSAL(plan.error());
    return;
  }
  myoref::SessionLog session;
  session.date = "2026-01-01";
  session.target = plan->candidates()[*plan->current()].key;
  session.steps = {myoref::Step::release, myoref::Step::stretch, myoref::Step::strengthen};
  session.pain_before = 5;
  session.pain_after = 2;
  const auto decision = plan->log(session);
  FUZZ_CHECK(decision.has_value(), decision ? std::string() : decision.error().to_string());
  const std::string written = plan->to_json();
  const auto again = myoref::Plan::from_json(kb, written);
  FUZZ_CHECK(again.has_value() && again->to_json() == written,
             again ? written : again.error().to_string());
  FUZZ_CHECK(!plan->next().to_json().empty(), "next");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto kb = KnowledgeBase::from_json(text);
  if (!kb) {
    FUZZ_CHECK_REFUSAL(kb.error());
    return 0;
  }
  FUZZ_CHECK(kb->hash().size() == 64, kb->hash());
  // Anything the library writes it can read back, to the same content.
  const std::string canonical = kb->to_json();
  const auto again = KnowledgeBase::from_json(canonical);
  FUZZ_CHECK(again.has_value(), again ? std::string() : again.error().to_string());
  FUZZ_CHECK(again->hash() == kb->hash(), again->hash() + " != " + kb->hash());
  FUZZ_CHECK(again->to_json() == canonical, "the canonical form is not a fixed point");
  check_lookups(*kb);
  check_use(*kb);
  return 0;
}
