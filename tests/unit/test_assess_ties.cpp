// Ties and both sides: `tied` on candidates, and mirror symmetry of the whole
// assessment (docs/contract.md, "Ties and both sides"). Assessing a drawing
// and its mirror image (every side swapped) must give the same triage, the
// same sequence of muscles, scores and tied flags, and keys that mirror one
// another once each group of equal scores is put in canonical order.
#include <algorithm>
#include <cstdint>
#include <cstring>
#include <random>
#include <string>
#include <tuple>
#include <vector>

#include "test_assess_support.hpp"

using namespace myoref;
using namespace myoref::assess_test;

namespace {

/// The text with every "(left)" and "(right)" swapped.
std::string swap_side_words(const std::string& text) {
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    if (text.compare(i, 6, "(left)") == 0) {
      out += "(right)";
      i += 6;
    } else if (text.compare(i, 7, "(right)") == 0) {
      out += "(left)";
      i += 7;
    } else {
      out += text[i++];
    }
  }
  return out;
}

std::uint32_t bits_of(float x) {
  std::uint32_t bits = 0;
  std::memcpy(&bits, &x, sizeof bits);
  return bits;
}

bool same_bits(float a, float b) {
  return bits_of(a) == bits_of(b);
}

/// Random drawings of four kinds: any regions (usually asymmetric), the same
/// regions on both sides at the same intensities (symmetric), midline regions
/// only, and a symmetric drawing with one extra mark on one side. With random
/// findings, age, onset, duration and red-flag answers.
Intake random_case(const KnowledgeBase& kb, std::mt19937& rng, int kind) {
  Intake intake;
  const auto keys = kb.region_keys();
  std::uniform_int_distribution<std::size_t> any(0, keys.size() - 1);
  std::uniform_int_distribution<int> intensity(1, 10);
  std::uniform_int_distribution<int> count(1, 5);
  // A key already drawn, or a coarse region and one of its parts.
  const auto has = [&](RegionKeyIndex k) {
    return std::any_of(intake.pain.begin(), intake.pain.end(),
                       [&](const PainMark& m) { return clashes(kb, m.region_key, k); });
  };
  if (kind == 0) {
    intake = random_intake(kb, rng, 8);
  } else {
    const int n = count(rng);
    for (int tries = 0; static_cast<int>(intake.pain.size()) < n && tries < 200; ++tries) {
      const auto k = static_cast<RegionKeyIndex>(any(rng));
      const bool midline = keys[k].side == Side::none;
      if (kind == 2 && !midline)
        continue;
      if (has(k))
        continue;
      const int x = intensity(rng);
      intake.pain.push_back({k, x});
      if (!midline)
        intake.pain.push_back({kb.mirror(k), x});
    }
    if (kind == 3) {
      for (int tries = 0; tries < 200; ++tries) {
        const auto k = static_cast<RegionKeyIndex>(any(rng));
        if (keys[k].side == Side::none || has(k) || has(kb.mirror(k)))
          continue;
        intake.pain.push_back({k, intensity(rng)});
        break;
      }
    }
    std::uniform_int_distribution<int> answer(0, 5);
    for (std::size_t f = 0; f < kb.findings().size(); ++f) {
      const int a = answer(rng);
      if (a == 1)
        intake.findings.push_back(static_cast<FindingIndex>(f));
      if (a == 2)
        intake.denied.push_back(static_cast<FindingIndex>(f));
    }
  }
  std::uniform_int_distribution<int> coin(0, 3);
  if (coin(rng) != 0)
    intake.age = std::uniform_int_distribution<int>(5, 95)(rng);
  if (coin(rng) != 0)
    intake.onset = coin(rng) < 2 ? Onset::sudden : Onset::gradual;
  if (coin(rng) != 0)
    intake.duration_days = std::uniform_int_distribution<int>(0, 400)(rng);
  if (coin(rng) == 0)
    intake.sex = coin(rng) < 2 ? Sex::female : Sex::male;
  for (std::size_t f = 0; f < kb.red_flags().size(); ++f) {
    const int a = std::uniform_int_distribution<int>(0, 19)(rng);
    if (a == 0) {
      intake.red_flags.push_back(static_cast<RedFlagIndex>(f));
    } else if (a < 12) {
      intake.red_flags_denied.push_back(static_cast<RedFlagIndex>(f));
    }
  }
  return intake;
}

/// The canonical order of a ranking: score descending, then muscle id, then
/// side (left before right).
void sort_canonically(const KnowledgeBase& kb, std::vector<std::pair<float, CandidateIndex>>& v) {
  std::sort(v.begin(), v.end(), [&](const auto& a, const auto& b) {
    const Candidate& ca = kb.candidates()[a.second];
    const Candidate& cb = kb.candidates()[b.second];
    const std::string& ma = kb.muscles()[ca.muscle].id;
    const std::string& mb = kb.muscles()[cb.muscle].id;
    return std::make_tuple(-a.first, std::cref(ma), static_cast<int>(ca.side)) <
           std::make_tuple(-b.first, std::cref(mb), static_cast<int>(cb.side));
  });
}

void check_mirror_symmetric(const KnowledgeBase& kb, const Intake& intake) {
  const Assessment a = assessed(kb, intake);
  const Assessment b = assessed(kb, mirrored(kb, intake));
  INFO(intake_to_json(kb, a.intake()));

  // Triage: the same level, questions (their reasons with sides swapped),
  // pending, rules and look-alikes.
  const Triage& ta = a.triage();
  const Triage& tb = b.triage();
  CHECK(ta.level == tb.level);
  CHECK(ta.pending == tb.pending);
  CHECK(ta.provisional == tb.provisional);
  REQUIRE(ta.questions.size() == tb.questions.size());
  for (std::size_t q = 0; q < ta.questions.size(); ++q) {
    CHECK(ta.questions[q].red_flag == tb.questions[q].red_flag);
    CHECK(swap_side_words(ta.questions[q].why) == tb.questions[q].why);
  }
  REQUIRE(ta.rules.size() == tb.rules.size());
  for (std::size_t r = 0; r < ta.rules.size(); ++r) {
    CHECK(ta.rules[r].id == tb.rules[r].id);
    CHECK(swap_side_words(ta.rules[r].reason) == tb.rules[r].reason);
  }
  REQUIRE(ta.also_consider.size() == tb.also_consider.size());
  for (std::size_t l = 0; l < ta.also_consider.size(); ++l) {
    CHECK(ta.also_consider[l].lookalike == tb.also_consider[l].lookalike);
    REQUIRE(ta.also_consider[l].why.size() == tb.also_consider[l].why.size());
    for (std::size_t w = 0; w < ta.also_consider[l].why.size(); ++w)
      CHECK(swap_side_words(ta.also_consider[l].why[w]) == tb.also_consider[l].why[w]);
  }
  CHECK(ta.set_aside == tb.set_aside);

  // Every score, bit for bit, on the mirrored candidate.
  for (std::size_t c = 0; c < kb.candidates().size(); ++c) {
    const CandidateIndex m = kb.mirror_candidate(static_cast<CandidateIndex>(c));
    INFO(kb.candidates()[c].key);
    CHECK(same_bits(a.scores()[c], b.scores()[m]));
  }

  // The ranking: the same (muscle, score, tied) at every rank, and keys that
  // mirror one another once each tie is put in canonical order.
  REQUIRE(a.candidate_count() == b.candidate_count());
  std::vector<std::pair<float, CandidateIndex>> mirrored_a;
  for (std::size_t r = 0; r < a.candidate_count(); ++r) {
    const RankedCandidate ca = a.candidate(r);
    const RankedCandidate cb = b.candidate(r);
    INFO("rank " << r << ": " << kb.candidates()[ca.candidate].key << " / "
                 << kb.candidates()[cb.candidate].key);
    CHECK(kb.candidates()[ca.candidate].muscle == kb.candidates()[cb.candidate].muscle);
    CHECK(same_bits(ca.score, cb.score));
    CHECK(ca.tied == cb.tied);
    mirrored_a.emplace_back(ca.score, kb.mirror_candidate(ca.candidate));
  }
  sort_canonically(kb, mirrored_a);
  for (std::size_t r = 0; r < b.candidate_count(); ++r) {
    INFO("rank " << r);
    CHECK(kb.candidates()[mirrored_a[r].second].key ==
          kb.candidates()[b.candidate(r).candidate].key);
  }

  // Each candidate's explanation mirrors: explained and unexplained keys.
  for (std::size_t r = 0; r < a.candidate_count(); ++r) {
    const RankedCandidate ca = a.candidate(r);
    const CandidateIndex m = kb.mirror_candidate(ca.candidate);
    for (std::size_t s = 0; s < b.candidate_count(); ++s) {
      const RankedCandidate cb = b.candidate(s);
      if (cb.candidate != m)
        continue;
      std::vector<RegionKeyIndex> ea;
      for (const RegionKeyIndex k : ca.explained)
        ea.push_back(kb.mirror(k));
      std::sort(ea.begin(), ea.end());
      CHECK(ea == std::vector<RegionKeyIndex>(cb.explained.begin(), cb.explained.end()));
      CHECK(same_bits(ca.parts.essential_coverage, cb.parts.essential_coverage));
      CHECK(same_bits(ca.parts.explained_share, cb.parts.explained_share));
    }
  }

  // The cover: the mirror image of the other's, in the same order, except
  // for both sides of one muscle taken together (listed left first).
  const auto cover_a = a.cover();
  const auto cover_b = b.cover();
  REQUIRE(cover_a.size() == cover_b.size());
  for (std::size_t i = 0; i < cover_a.size(); ++i) {
    INFO("cover " << i);
    const auto muscle = [&](CandidateIndex c) { return kb.candidates()[c].muscle; };
    const bool mirrored_here = kb.mirror_candidate(cover_a[i]) == cover_b[i];
    if (!mirrored_here && i + 1 < cover_a.size() && muscle(cover_a[i]) == muscle(cover_a[i + 1])) {
      CHECK(kb.candidates()[cover_b[i]].side == Side::left);
      CHECK(muscle(cover_b[i]) == muscle(cover_a[i]));
      CHECK(muscle(cover_b[i + 1]) == muscle(cover_a[i]));
      ++i;
      continue;
    }
    CHECK(kb.candidates()[kb.mirror_candidate(cover_a[i])].key == kb.candidates()[cover_b[i]].key);
  }
  std::vector<RegionKeyIndex> ua;
  for (const RegionKeyIndex k : a.unexplained())
    ua.push_back(kb.mirror(k));
  std::sort(ua.begin(), ua.end());
  CHECK(ua == std::vector<RegionKeyIndex>(b.unexplained().begin(), b.unexplained().end()));
}

}  // namespace

TEST_CASE("mirror symmetry: a mirrored intake mirrors every key and changes no score or flag",
          "[assess][ties]") {
  const KnowledgeBase& kb = default_kb();
  std::mt19937 rng(20261207);
  for (int i = 0; i < 400; ++i) {
    const Intake intake = random_case(kb, rng, i % 4);
    check_mirror_symmetric(kb, intake);
  }
}

TEST_CASE("tied: exactly when another candidate has the same score", "[assess][ties]") {
  const KnowledgeBase& kb = default_kb();
  std::mt19937 rng(77);
  for (int i = 0; i < 200; ++i) {
    const Assessment a = assessed(kb, random_case(kb, rng, i % 4));
    for (std::size_t r = 0; r < a.candidate_count(); ++r) {
      const RankedCandidate c = a.candidate(r);
      bool other = false;
      for (std::size_t s = 0; s < a.candidate_count(); ++s)
        other = other || (s != r && same_bits(a.candidate(s).score, c.score));
      CHECK(c.tied == other);
    }
  }
}

TEST_CASE("a symmetric drawing ties the two sides of a muscle; an asymmetric one does not",
          "[assess][ties]") {
  const KnowledgeBase& kb = default_kb();
  const auto find = [&](const Assessment& a, std::string_view key) {
    const CandidateIndex c = candidate(kb, key);
    for (std::size_t r = 0; r < a.candidate_count(); ++r) {
      if (a.candidate(r).candidate == c)
        return std::make_pair(r, a.candidate(r));
    }
    FAIL("not listed: " << key);
    return std::make_pair(std::size_t{0}, RankedCandidate{});
  };

  const Assessment both = assessed(kb, drawing(kb, {{"iliac_crest:left", 5},
                                                    {"iliac_crest:right", 5},
                                                    {"sacroiliac:left", 4},
                                                    {"sacroiliac:right", 4}}));
  const auto [rl, left] = find(both, "quadratus_lumborum:left");
  const auto [rr, right] = find(both, "quadratus_lumborum:right");
  CHECK(left.tied);
  CHECK(right.tied);
  CHECK(left.score == right.score);
  CHECK(rr == rl + 1);  // the pair together, left first

  const Assessment one = assessed(kb, drawing(kb, {{"iliac_crest:left", 5},
                                                   {"iliac_crest:right", 3},
                                                   {"sacroiliac:left", 4},
                                                   {"sacroiliac:right", 4}}));
  const auto [sl, left1] = find(one, "quadratus_lumborum:left");
  const auto [sr, right1] = find(one, "quadratus_lumborum:right");
  CHECK(left1.score > right1.score);
  CHECK_FALSE(left1.tied);
  CHECK(sl < sr);

  // Midline only: every paired muscle listed ties with its other side, and
  // the cover takes both sides of the muscle it picks.
  const Assessment sacrum = assessed(kb, drawing(kb, {{"sacrum", 6}}));
  REQUIRE(sacrum.candidate_count() > 0);
  for (std::size_t r = 0; r < sacrum.candidate_count(); ++r) {
    const RankedCandidate c = sacrum.candidate(r);
    if (kb.candidates()[c.candidate].side != Side::none)
      CHECK(c.tied);
  }
  REQUIRE_FALSE(sacrum.cover().empty());
  const Candidate& first = kb.candidates()[sacrum.cover()[0]];
  if (first.side != Side::none) {
    REQUIRE(sacrum.cover().size() >= 2);
    CHECK(first.side == Side::left);
    CHECK(kb.candidates()[sacrum.cover()[1]].muscle == first.muscle);
    CHECK(kb.candidates()[sacrum.cover()[1]].side == Side::right);
  }
}

TEST_CASE("a region drawn on both sides is named 'both sides' in triage's reasons",
          "[assess][ties]") {
  const KnowledgeBase& kb = default_kb();
  Intake intake = drawing(kb, {{"iliac_crest:left", 5},
                               {"iliac_crest:right", 5},
                               {"hip_lateral:left", 3},
                               {"hip_lateral:right", 3}});
  intake.age = 36;
  const Assessment a = assessed(kb, intake);
  REQUIRE_FALSE(a.triage().questions.empty());
  for (const Question& q : a.triage().questions) {
    INFO(q.why);
    CHECK(q.why.find("(left)") == std::string::npos);
    CHECK(q.why.find("(right)") == std::string::npos);
  }
  CHECK(a.triage().questions[0].why == "pain in the top of the pelvis (both sides) at 36");

  // One side only: that side is named.
  const Assessment l = assessed(kb, drawing(kb, {{"iliac_crest:left", 5}}));
  REQUIRE_FALSE(l.triage().questions.empty());
  CHECK(l.triage().questions[0].why == "pain in the top of the pelvis (left)");
}
