// Fuzz target: the knowledge-base loader.
//
// Any text either loads or is refused with an Error that keeps the refusal
// promises (fuzz_support.hpp). A knowledge base that loads round-trips: its
// canonical form loads again with the same hash and the same canonical text,
// every muscle's record is well-formed JSON, and every id finds its own entry.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_support.hpp"
#include "myoref/kb.hpp"
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
  return 0;
}
