// parse_intake()'s fast path for plainly written intakes
// (detail::read_plain_intake) gives exactly what the strict reader gives, and
// leaves everything else to it.
#include <random>
#include <string>
#include <vector>

#include "assess/internal.hpp"
#include "test_assess_support.hpp"
#include "util/json.hpp"

using namespace myoref;
using namespace myoref::assess_test;

namespace {

/// The strict reader alone: parse_json + read_intake, as parse_intake does
/// without its fast path.
Expected<Intake> strict(const KnowledgeBase& kb, const std::string& text,
                        const IntakeLimits& limits) {
  detail::JsonLimits json_limits;
  json_limits.max_bytes = limits.max_bytes;
  json_limits.max_depth = 8;
  json_limits.max_array = std::max(limits.max_pain_marks, limits.max_ids);
  json_limits.max_object = 64;
  json_limits.max_string = 1024;
  auto parsed = detail::parse_json(text, json_limits, "intake");
  if (!parsed)
    return std::move(parsed).error();
  return detail::read_intake(kb, *parsed, limits);
}

/// Intake texts: valid ones written in many ways, and small changes to them
/// that make them invalid or merely unusual.
class Texts {
 public:
  Texts(const KnowledgeBase& kb, std::mt19937& rng) : kb_(kb), rng_(rng) {}

  std::string next() {
    const Intake intake = random_intake(kb_, rng_, pick(3) == 0 ? 40 : 8);
    std::vector<std::string> members;
    std::string pain = "[";
    for (std::size_t i = 0; i < intake.pain.size(); ++i) {
      const RegionKey& key = kb_.region_keys()[intake.pain[i].region_key];
      std::vector<std::string> fields = {
          q("region") + ":" + q(kb_.regions()[key.region].id),
          q("intensity") + ":" + std::to_string(intake.pain[i].intensity)};
      if (key.side != Side::none)
        fields.push_back(q("side") + ":" + q(std::string(to_string(key.side))));
      pain += (i != 0 ? sep() : "") + object(fields);
    }
    members.push_back(q("pain") + ":" + pain + "]");
    members.push_back(q("findings") + ":" + ids(intake.findings, true));
    if (pick(2) == 0)
      members.push_back(q("denied") + ":" + ids(intake.denied, true));
    if (pick(3) == 0) {
      std::vector<FindingIndex> flags;
      if (pick(2) == 0)
        flags.push_back(static_cast<FindingIndex>(pick(static_cast<int>(kb_.red_flags().size()))));
      members.push_back(q("red_flags") + ":" + ids(flags, false));
    }
    if (pick(3) == 0) {
      // Answered no; now and then the same flag as a yes (an error), or twice.
      std::vector<FindingIndex> flags;
      const int n = pick(3);
      for (int i = 0; i < n; ++i)
        flags.push_back(static_cast<FindingIndex>(pick(static_cast<int>(kb_.red_flags().size()))));
      members.push_back(q("red_flags_denied") + ":" + ids(flags, false));
    }
    if (pick(3) == 0) {
      std::string list = "[";
      const int n = pick(3);
      for (int i = 0; i < n; ++i) {
        const auto p = static_cast<std::size_t>(pick(static_cast<int>(kb_.precautions().size())));
        list += (i != 0 ? sep() : "") + q(kb_.precautions()[p].id);
      }
      members.push_back(q("precautions") + ":" + list + "]");
    }
    if (pick(3) == 0) {
      static const char* const kSexes[] = {"female", "male", "Female", "x"};
      members.push_back(q("sex") + ":" + q(kSexes[pick(pick(2) == 0 ? 2 : 4)]));
    }
    if (pick(2) == 0)
      members.push_back(q("age") + ":" + std::to_string(pick(121)));
    if (pick(2) == 0)
      members.push_back(q("duration_days") + ":" + std::to_string(pick(400)));
    if (pick(2) == 0)
      members.push_back(q("onset") + ":" + q(pick(2) == 0 ? "sudden" : "gradual"));
    std::string text = space() + object(members) + space();
    if (pick(2) == 0)
      mutate(text);
    return text;
  }

 private:
  int pick(int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng_); }
  static std::string q(const std::string& s) { return "\"" + s + "\""; }
  std::string space() {
    static const char* const kSpaces[] = {"", "", " ", "\n  ", "\t", "\r\n"};
    return kSpaces[pick(6)];
  }
  std::string sep() { return space() + "," + space(); }
  std::string object(std::vector<std::string> members) {
    std::shuffle(members.begin(), members.end(), rng_);
    std::string out = "{" + space();
    for (std::size_t i = 0; i < members.size(); ++i)
      out += (i != 0 ? sep() : "") + members[i];
    return out + space() + "}";
  }
  template <class Index>
  std::string ids(const std::vector<Index>& list, bool findings) {
    std::string out = "[" + space();
    for (std::size_t i = 0; i < list.size(); ++i) {
      const std::string& id = findings ? kb_.findings()[list[i]].id : kb_.red_flags()[list[i]].id;
      out += (i != 0 ? sep() : "") + q(id);
    }
    return out + space() + "]";
  }

  // One small change: most make the text invalid, some only unusual.
  void mutate(std::string& text) {
    static const char* const kInserts[] = {"\\u0061",
                                           "\\\"",
                                           "6.0",
                                           "-0",
                                           "06",
                                           "1e1",
                                           "null",
                                           "true",
                                           "[]",
                                           "{}",
                                           ",",
                                           ":",
                                           "\"x\":1,",
                                           "\"pain\":[],",
                                           "\"age\":4,",
                                           "\"sex\":\"male\",",
                                           "\"precautions\":[\"pregnant\"],",
                                           "\"red_flags_denied\":[\"tearing_pain\"],",
                                           "\"red_flags\":[\"tearing_pain\"],",
                                           "\xC3\xA9",
                                           "\x01",
                                           " ",
                                           "}",
                                           "]",
                                           "\"side\":\"left\",",
                                           "\"intensity\":11,",
                                           "\"region\":\"head\","};
    const std::size_t at = static_cast<std::size_t>(pick(static_cast<int>(text.size()) + 1));
    switch (pick(4)) {
      case 0:
        text.insert(at, kInserts[pick(static_cast<int>(std::size(kInserts)))]);
        break;
      case 1:
        if (at < text.size())
          text.erase(at, 1 + static_cast<std::size_t>(pick(3)));
        break;
      case 2:
        if (at < text.size())
          text[at] = "0123456789\",:{}[] xyz"[pick(21)];
        break;
      default:
        text += pick(2) == 0 ? " x" : "{}";
    }
  }

  const KnowledgeBase& kb_;
  std::mt19937& rng_;
};

}  // namespace

TEST_CASE("the plain intake reader agrees with the strict reader", "[assess][intake]") {
  const KnowledgeBase& kb = default_kb();
  std::mt19937 rng(424242);
  Texts texts(kb, rng);
  IntakeLimits limits;
  int plain = 0;
  int valid = 0;
  for (int i = 0; i < 20000; ++i) {
    const std::string text = texts.next();
    if (i % 1000 == 999)
      limits.max_pain_marks = 1 + static_cast<std::size_t>(i % 7);  // limits reached too
    else
      limits = IntakeLimits{};
    const auto fast = detail::read_plain_intake(kb, text, limits);
    const auto slow = strict(kb, text, limits);
    const auto both = parse_intake(kb, text, limits);
    INFO(text);
    if (fast) {
      ++plain;
      REQUIRE(slow);
      CHECK(*fast == *slow);
    }
    if (slow) {
      ++valid;
      REQUIRE(both);
      CHECK(*both == *slow);
    } else {
      REQUIRE_FALSE(both);
      CHECK(both.error().to_string() == slow.error().to_string());
    }
  }
  // The fast path is taken for most valid intakes, and not for the others.
  CHECK(plain > valid / 2);
  CHECK(valid > 1000);
}
