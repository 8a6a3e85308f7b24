// The built-in knowledge base: it loads, it honours the public vocabulary
// (tests/data/vocabulary.json, the project's copy of the contract), it
// round-trips through its canonical form, and the hash it is built with is the
// one its text has.
#include <catch2/catch.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "kb/kb_access.hpp"
#include "kb/kb_data.hpp"
#include "kb/kb_writer.hpp"
#include "myoref/kb.hpp"
#include "myoref/schema.hpp"
#include "support.hpp"
#include "util/json.hpp"
#include "util/sha256.hpp"

namespace myoref::detail {
// Embedded by the build: the text (tools/kb_bundle) and its hash (tools/kb_hash).
extern const char kDefaultKbJson[];
extern const std::size_t kDefaultKbJson_size;
extern const char kDefaultKbHash[];
}  // namespace myoref::detail

namespace json = boost::json;
using myoref::KnowledgeBase;

namespace {

const KnowledgeBase& builtin() {
  return myoref::test::default_kb();
}

json::value vocabulary() {
  return myoref::detail::parse_json(
             myoref::test::read_text(MYOREF_TEST_DATA "/data/vocabulary.json"), {}, "vocabulary")
      .value();
}

std::string text_of(const json::value& v) {
  return std::string(v.as_string());
}

}  // namespace

TEST_CASE("the built-in knowledge base equals the bundled file", "[kb][builtin]") {
  const KnowledgeBase& kb = builtin();
  auto file = KnowledgeBase::from_json(myoref::test::read_text(MYOREF_DEFAULT_KB_JSON));
  REQUIRE(file);
  CHECK(file->hash() == kb.hash());
  CHECK(kb.id() == "myoref-default");
}

TEST_CASE("the hash embedded at build time is the one computed from the embedded text",
          "[kb][builtin][canonical]") {
  const std::string_view embedded_hash = myoref::detail::kDefaultKbHash;
  const KnowledgeBase& kb = builtin();
  // Before anything asks for it: builtin() set it from the build (ctest runs
  // each test case in a process of its own, so nothing has asked yet).
  CHECK(myoref::detail::model_of(kb).hash == embedded_hash);
  CHECK(kb.hash() == embedded_hash);

  // The same text loaded again hashes lazily, by the run-time code...
  auto loaded = KnowledgeBase::from_json(
      std::string_view(myoref::detail::kDefaultKbJson, myoref::detail::kDefaultKbJson_size));
  REQUIRE(loaded);
  CHECK(myoref::detail::model_of(*loaded).hash.empty());
  CHECK(loaded->hash() == embedded_hash);
  // ... and explicitly, clinical text (the canonical text without its words,
  // docs/languages.md) then SHA-256, from either model.
  CHECK(myoref::detail::sha256_hex(
            myoref::detail::clinical_text(myoref::detail::model_of(*loaded))) == embedded_hash);
  CHECK(myoref::detail::sha256_hex(myoref::detail::clinical_text(myoref::detail::model_of(kb))) ==
        embedded_hash);
  CHECK(embedded_hash.size() == 64);
  CHECK(embedded_hash.find_first_not_of("0123456789abcdef") == std::string_view::npos);
}

TEST_CASE("every vocabulary id is in the built-in knowledge base as the contract says",
          "[kb][builtin][vocabulary]") {
  const KnowledgeBase& kb = builtin();
  const json::value vocab = vocabulary();

  for (const auto& r : vocab.at("regions").as_array()) {
    const std::string id = text_of(r.at("id"));
    INFO("region " << id);
    const auto index = kb.find_region(id);
    REQUIRE(index);
    const auto& region = kb.regions()[*index];
    CHECK(myoref::to_string(region.laterality) == text_of(r.at("laterality")));
    CHECK(myoref::to_string(region.view) == text_of(r.at("view")));
  }
  for (const auto& m : vocab.at("muscles").as_array()) {
    const std::string id = text_of(m.at("id"));
    INFO("muscle " << id);
    const auto index = kb.find_muscle(id);
    REQUIRE(index);
    CHECK(kb.muscles()[*index].id == id);
    if (const auto* aliases = m.as_object().if_contains("aliases")) {
      for (const auto& a : aliases->as_array()) {
        INFO("alias " << text_of(a));
        CHECK(kb.find_muscle(text_of(a)) == index);
      }
    }
  }
  for (const auto& f : vocab.at("findings").as_array()) {
    INFO("finding " << text_of(f.at("id")));
    CHECK(kb.find_finding(text_of(f.at("id"))));
  }
  for (const auto& f : vocab.at("red_flags").as_array()) {
    const std::string id = text_of(f.at("id"));
    INFO("red flag " << id);
    const auto index = kb.find_red_flag(id);
    REQUIRE(index);
    CHECK(myoref::to_string(kb.red_flags()[*index].level) == text_of(f.at("level")));
  }
  for (const auto& p : vocab.at("precautions").as_array()) {
    const std::string id = text_of(p.at("id"));
    INFO("precaution " << id);
    const auto index = kb.find_precaution(id);
    REQUIRE(index);
    CHECK_FALSE(kb.precautions()[*index].changes.empty());
    CHECK_FALSE(kb.precautions()[*index].cite.empty());
  }
  CHECK(myoref::to_string(kb.age_rule().level) == text_of(vocab.at("age_rule").at("level")));

  // The names of the enumerations are the contract's.
  const auto& levels = vocab.at("triage_levels").as_array();
  for (std::size_t i = 0; i < levels.size(); ++i) {
    CHECK(myoref::to_string(static_cast<myoref::TriageLevel>(i)) == text_of(levels[i]));
  }
  const auto& steps = vocab.at("protocol_steps").as_array();
  REQUIRE(steps.size() == static_cast<std::size_t>(myoref::kStepCount));
  for (std::size_t i = 0; i < steps.size(); ++i) {
    CHECK(myoref::to_string(static_cast<myoref::Step>(i)) == text_of(steps[i]));
  }
}

TEST_CASE("the built-in knowledge base round-trips through its canonical form",
          "[kb][builtin][canonical]") {
  const KnowledgeBase& kb = builtin();
  const std::string text = kb.to_json();
  auto again = KnowledgeBase::from_json(text);
  REQUIRE(again);
  CHECK(again->hash() == kb.hash());
  CHECK(again->to_json() == text);
}

TEST_CASE("every muscle's layer reads the schema's way: the skin is over it, never under",
          "[kb][builtin]") {
  // layer.over is what lies over the muscle ("Covered by"), layer.under what it
  // lies on (docs/knowledge-base.md). Swapped lists put the skin under a muscle;
  // some deep muscles name no skin at all, which is fine.
  const KnowledgeBase& kb = builtin();
  for (const auto& m : kb.muscles()) {
    INFO("muscle " << m.id);
    for (const auto& under : m.layer.under)
      CHECK(under.find("skin") == std::string::npos);
  }
}

TEST_CASE("KnowledgeBase::id_of names the record a reference of each kind points at",
          "[kb][builtin]") {
  using myoref::schema::Ids;
  const KnowledgeBase& kb = builtin();
  const auto check = [&kb](Ids kind, auto records, auto id) {
    REQUIRE(!records.empty());
    for (std::size_t i = 0; i < records.size(); ++i)
      CHECK(kb.id_of(kind, static_cast<std::uint16_t>(i)) == id(records[i]));
  };
  check(Ids::citation, kb.citations(), [](const auto& c) { return c.key; });
  check(Ids::region, kb.regions(), [](const auto& r) { return r.id; });
  check(Ids::finding, kb.findings(), [](const auto& r) { return r.id; });
  check(Ids::red_flag, kb.red_flags(), [](const auto& r) { return r.id; });
  check(Ids::precaution, kb.precautions(), [](const auto& r) { return r.id; });
  check(Ids::muscle, kb.muscles(), [](const auto& r) { return r.id; });
  check(Ids::exercise, kb.exercises(), [](const auto& r) { return r.id; });
}

TEST_CASE("a muscle is coded by its own terms or by its members', and a member by at least one",
          "[kb][builtin][codes]") {
  // docs/knowledge-base.md, "codes": a group gives its members' codes, never a
  // code of its own; where no UBERON term was found, FMA's alone is given.
  const KnowledgeBase& kb = builtin();
  for (const auto& m : kb.muscles()) {
    INFO("muscle " << m.id);
    if (!m.parts.empty()) {
      CHECK(m.fma.empty());
      CHECK(m.uberon.empty());
    }
    for (std::size_t i = 0; i < m.parts.size(); ++i) {
      CHECK_FALSE(m.parts[i].fma.empty());
      for (std::size_t j = 0; j < i; ++j)
        CHECK(m.parts[j].fma != m.parts[i].fma);
    }
  }
  // The parts of trapezius by FMA's terms for them (no UBERON term), and a
  // group whose members are FMA-only (BodyParts3D parts list, HRA ASCT+B table).
  const auto code = [&kb](std::string_view id) -> const myoref::Muscle& {
    const auto found = kb.find_muscle(id);
    REQUIRE(found);
    return kb.muscles()[*found];
  };
  CHECK(code("upper_trapezius").fma == "32557");
  CHECK(code("middle_trapezius").fma == "32556");
  CHECK(code("lower_trapezius").fma == "32555");
  CHECK(code("lower_trapezius").uberon.empty());
  const auto& rhomboids = code("rhomboids");
  REQUIRE(rhomboids.parts.size() == 2);
  CHECK(rhomboids.parts[0].fma == "13379");
  CHECK(rhomboids.parts[1].fma == "13380");
  CHECK(rhomboids.parts[1].uberon.empty());
}
