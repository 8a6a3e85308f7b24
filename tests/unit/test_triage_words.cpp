// The words of triage's reasons worded once per knowledge base (the engine's
// TriageTables) are the sentences the catalogue writes for the same values,
// in English and in Spanish.
#include <catch2/catch.hpp>

#include <string>

#include "engine/phrases.hpp"
#include "engine/triage_tables.hpp"
#include "i18n/messages.hpp"
#include "myoref/kb.hpp"

using myoref::KnowledgeBase;
using myoref::RegionKeyIndex;
namespace detail = myoref::detail;

namespace {

void check_words(const KnowledgeBase& kb) {
  const detail::Catalogue& c = detail::catalogue(kb);
  const detail::TriageTables& t = detail::triage_tables(kb);
  REQUIRE(t.pain_in_key.size() == kb.region_keys().size());
  for (std::size_t k = 0; k < kb.region_keys().size(); ++k) {
    const auto key = static_cast<RegionKeyIndex>(k);
    CHECK(t.pain_in_key[k] ==
          c.get("triage.pain_in", {{"region", detail::region_key_phrases(kb, {&key, 1})}}));
  }
  REQUIRE(t.pain_in_both.size() == kb.regions().size());
  for (std::size_t r = 0; r < kb.regions().size(); ++r) {
    const std::string both =
        c.get("region.both_sides", {{"region", detail::lower_first(kb.regions()[r].name)}});
    CHECK(t.pain_in_both[r] == c.get("triage.pain_in", {{"region", both}}));
  }
  REQUIRE(t.lookalike_reason.size() == kb.lookalikes().size());
  for (std::size_t l = 0; l < kb.lookalikes().size(); ++l) {
    const auto& la = kb.lookalikes()[l];
    CHECK(t.lookalike_reason[l] ==
          c.get("triage.lookalike_reason", {{"name", la.name}, {"why", la.why}}));
  }
  std::string at_age = "x";
  t.at_age.append(at_age, {"pain in the sacrum", "42"});
  CHECK(at_age == "x" + c.get("triage.at_age", {{"what", "pain in the sacrum"}, {"age", 42}}));
  REQUIRE(t.level_words.size() == 4);
  const std::string urgent = c.get("level.urgent");
  CHECK(t.level_words[2] == urgent);
  std::string one;
  t.unanswered_one.append(one, {urgent});
  CHECK(one == c.get("triage.unanswered", {{"n", 1}, {"level", urgent}}));
  std::string three;
  t.unanswered_other.append(three, {"3", urgent});
  CHECK(three == c.get("triage.unanswered", {{"n", 3}, {"level", urgent}}));
  CHECK(one != three);
  const auto& rule = kb.age_rule();
  CHECK(t.age_rule_band ==
        c.get("age_rule.band", {{"younger", rule.younger_than}, {"older", rule.older_than}}));

  // The fixed rules' items, found once: the same as found by id.
  REQUIRE(t.has_ids);
  const detail::TriageIds& ids = t.ids;
  for (std::size_t r = 0; r < detail::TriageIds::kRuleCount; ++r) {
    const auto rule_id = detail::TriageIds::rule_id(static_cast<detail::TriageIds::Rule>(r));
    const myoref::TriageRule* found = kb.find_triage_rule(rule_id);
    if (found == nullptr) {
      CHECK(ids.rule[r] == detail::TriageIds::kNone);
    } else {
      REQUIRE(ids.rule[r] < kb.triage_rules().size());
      CHECK(kb.triage_rules()[ids.rule[r]].id == rule_id);
    }
  }
  CHECK(ids.rule[detail::TriageIds::fall_fragile] != detail::TriageIds::kNone);
  CHECK(ids.onset_fall == *kb.find_finding("onset_fall"));
  CHECK(ids.morning_stiffness_long == *kb.find_finding("morning_stiffness_long"));
  CHECK(ids.fragile_bones == *kb.find_precaution("fragile_bones"));
  CHECK(ids.osteoporosis == *kb.find_red_flag("osteoporosis"));
  CHECK(ids.immunosuppressed == *kb.find_red_flag("immunosuppressed"));
  CHECK(ids.fall_hip_regions.size() == 6);
  CHECK(ids.back_regions.size() == 10);
  const detail::TriageIds again = detail::find_triage_ids(kb);
  CHECK(again.fall_hip_regions == ids.fall_hip_regions);
  CHECK(again.back_regions == ids.back_regions);
}

}  // namespace

TEST_CASE("triage's words worded at load are the catalogue's, in English", "[triage][i18n]") {
  const auto builtin = KnowledgeBase::builtin();
  REQUIRE(builtin);
  const KnowledgeBase& kb = *builtin;
  CHECK(kb.locale() == "en");
  check_words(kb);
  CHECK(detail::triage_tables(kb).pain_in_key.front().rfind("pain in the ", 0) == 0);
}

TEST_CASE("triage's words worded at load are the catalogue's, in Spanish", "[triage][i18n]") {
  const auto builtin = KnowledgeBase::builtin();
  REQUIRE(builtin);
  const auto es = builtin->localized("es");
  REQUIRE(es);
  check_words(*es);
  CHECK(detail::triage_tables(*es).pain_in_key.front().rfind("dolor en ", 0) == 0);
}

TEST_CASE("a sentence cut at its placeholders fills as the catalogue does", "[triage][i18n]") {
  detail::Catalogue c;
  c.messages["t.repeat"] = detail::Message{"{a} and {a}, {b} {c}", "{a} and {a}, {b} {c}", false};
  c.messages["t.plural"] = detail::Message{"{n} thing of {a}", "{n} things of {a}", true};
  // {a} twice, {b} not cut (left as written), {c} given a fixed value.
  const detail::SentenceParts repeat = detail::cut_sentence(c, "t.repeat", {"a"}, {{"c", "C"}});
  std::string out;
  repeat.append(out, {"x"});
  CHECK(out == c.get("t.repeat", {{"a", "x"}, {"c", "C"}}));
  CHECK(out == "x and x, {b} C");
  const detail::SentenceParts one = detail::cut_sentence(c, "t.plural", {"a"}, {{"n", 1}});
  const detail::SentenceParts other = detail::cut_sentence(c, "t.plural", {"n", "a"});
  std::string o1;
  one.append(o1, {"y"});
  std::string o2;
  other.append(o2, {"2", "y"});
  CHECK(o1 == "1 thing of y");
  CHECK(o2 == "2 things of y");
  // A key the catalogue lacks is written as the key, as append() does.
  std::string missing;
  detail::cut_sentence(c, "t.none", {"a"}).append(missing, {"z"});
  CHECK(missing == "t.none");
}
