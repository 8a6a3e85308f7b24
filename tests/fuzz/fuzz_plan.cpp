// Fuzz target: the plan loader, and logging sessions on what it loads.
//
// Input: a plan document, optionally followed by "\n@session\n" and the text
// of a session log. The document is read with the knowledge base it names
// (the built-in one, or "plan-test": tests/data/plan/kb.json). When what is
// wrong is the integrity check or the knowledge base's hash, it is read again
// with both made to match ("resealed"), so that the fuzzer gets past them to
// every field and to the replay of the sessions.
//
// A plan that loads writes a document that loads to the same text, answers
// next(), and takes sessions: one derived from the input (its current target,
// its last date, steps and pains from the input's bytes) and the session text
// given. A session either applies (one more session, and the plan still
// round-trips) or is refused with the plan exactly as it was.
#include <cstddef>
#include <cstdint>
#include <fstream>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>

#include "fuzz_support.hpp"
#include "myoref/kb.hpp"
#include "myoref/plan.hpp"
#include "protocol/document.hpp"
#include "util/json.hpp"

namespace {

using myoref::ErrorCode;
using myoref::KnowledgeBase;
using myoref::Plan;
namespace detail = myoref::detail;
namespace json = boost::json;

constexpr std::string_view kSessionMark = "\n@session\n";

KnowledgeBase load_or_die(const myoref::Expected<KnowledgeBase>& kb) {
  FUZZ_CHECK(kb.has_value(), kb ? std::string() : kb.error().to_string());
  return *kb;
}

const KnowledgeBase& builtin() {
  static const KnowledgeBase kb = load_or_die(KnowledgeBase::builtin());
  return kb;
}

const KnowledgeBase& test_kb() {
  static const KnowledgeBase kb = [] {
    std::ifstream in(MYOREF_TEST_DATA "/data/plan/kb.json", std::ios::binary);
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    return load_or_die(KnowledgeBase::from_json(text));
  }();
  return kb;
}

// The knowledge base a document names, as far as it can be told.
const KnowledgeBase& kb_for(std::string_view text) {
  return text.find("\"plan-test\"") != std::string_view::npos ? test_kb() : builtin();
}

// The document with its integrity check made to match its content, and,
// when it names `kb` by id, with kb's hash: so that seeds made with an older
// built-in knowledge base stay deep seeds when its content changes. nullopt
// when it is not a JSON object.
std::optional<std::string> resealed(const KnowledgeBase& kb, std::string_view text) {
  auto v = detail::parse_json(text, {}, "plan");
  if (!v || !v->is_object())
    return std::nullopt;
  json::object& doc = v->as_object();
  if (auto* named = doc.if_contains("kb"); named != nullptr && named->is_object()) {
    const auto* id = named->as_object().if_contains("id");
    if (id != nullptr && id->is_string() && id->get_string() == kb.id())
      named->as_object()["hash"] = kb.hash();
  }
  doc["integrity"] = json::object{{"sha256", detail::plan_integrity(doc)}};
  return json::serialize(*v);
}

void check_round_trip(const KnowledgeBase& kb, const Plan& plan) {
  const std::string written = plan.to_json();
  const auto again = Plan::from_json(kb, written);
  FUZZ_CHECK(again.has_value(), again ? std::string() : again.error().to_string() + "\n" + written);
  FUZZ_CHECK(again->to_json() == written, written);
  const auto next = plan.next();
  const auto next_json = detail::parse_json(next.to_json(), {}, "next");
  FUZZ_CHECK(next_json.has_value(), next.to_json());
  FUZZ_CHECK(!next.to_text().empty(), "next as text");
  FUZZ_CHECK(next.sessions_logged == plan.sessions().size(), "sessions_logged");
}

// Logs one session (from the struct or from text); checks the strong
// guarantee and that what was applied still round-trips.
template <class Session>
void log_and_check(const KnowledgeBase& kb, Plan& plan, const Session& session) {
  const std::string before = plan.to_json();
  const std::size_t count = plan.sessions().size();
  const auto decision = plan.log(session);
  if (!decision) {
    FUZZ_CHECK_REFUSAL(decision.error());
    FUZZ_CHECK(plan.to_json() == before, "a refused session changed the plan");
    return;
  }
  FUZZ_CHECK(plan.sessions().size() == count + 1, "one more session");
  FUZZ_CHECK(decision->session == count, "the decision's session index");
  const auto decision_json = detail::parse_json(decision->to_json(), {}, "decision");
  FUZZ_CHECK(decision_json.has_value(), decision->to_json());
  check_round_trip(kb, plan);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const std::size_t mark = input.find(kSessionMark);
  const std::string_view text = input.substr(0, mark);
  const std::optional<std::string_view> session_text =
      mark == std::string_view::npos
          ? std::nullopt
          : std::optional<std::string_view>(input.substr(mark + kSessionMark.size()));

  const KnowledgeBase& kb = kb_for(text);
  auto plan = Plan::from_json(kb, text);
  if (!plan) {
    FUZZ_CHECK_REFUSAL(plan.error());
    if (plan.error().code() != ErrorCode::integrity &&
        plan.error().code() != ErrorCode::kb_mismatch)
      return 0;
    const auto sealed = resealed(kb, text);
    if (!sealed)
      return 0;
    plan = Plan::from_json(kb, *sealed);
    if (!plan) {
      FUZZ_CHECK_REFUSAL(plan.error());
      FUZZ_CHECK(plan.error().code() != ErrorCode::integrity, plan.error().to_string());
      return 0;
    }
  }
  check_round_trip(kb, *plan);

  // A session made from the plan itself, steered by the input's bytes.
  std::uint32_t h = 2166136261U;
  for (const char c : input)
    h = (h ^ static_cast<unsigned char>(c)) * 16777619U;
  myoref::SessionLog session;
  session.date = plan->sessions().empty() ? "2026-01-01" : plan->sessions().back().log.date;
  const auto current = plan->current();
  session.target = current ? plan->candidates()[*current].key : std::string("none");
  for (int step = 0; step < 3; ++step) {
    if ((h >> step) & 1U)
      session.steps.push_back(static_cast<myoref::Step>(step));
  }
  session.pain_before = static_cast<int>((h >> 3U) % 11U);
  session.pain_after = static_cast<int>((h >> 7U) % 11U);
  if ((h >> 11U) % 16U == 0 && !kb.red_flags().empty())
    session.red_flags.push_back(kb.red_flags()[(h >> 15U) % kb.red_flags().size()].id);
  log_and_check(kb, *plan, session);

  if (session_text)
    log_and_check(kb, *plan, *session_text);
  return 0;
}
