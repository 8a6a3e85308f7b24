#include <array>
#include <cstddef>
#include <memory>
#include <string>
#include <utility>

#include "myoref/plan.hpp"
#include "protocol/reader.hpp"
#include "protocol/state.hpp"

namespace myoref {
namespace {

constexpr std::array<std::string_view, 4> kPlanStatuses{"active", "maintenance",
                                                        "stopped_seek_care", "exhausted"};
constexpr std::array<std::string_view, 4> kCandidateStatuses{"untried", "current",
                                                             "not_likely_source", "responding"};
constexpr std::array<std::string_view, 8> kOutcomes{
    "started",     "continued",         "escalated",        "exhausted",
    "maintenance", "stopped_worsening", "stopped_red_flag", "stopped_no_improvement"};

template <class E, std::size_t N>
std::string_view name_of(const std::array<std::string_view, N>& names, E value) noexcept {
  const auto i = static_cast<std::size_t>(value);
  return i < N ? names[i] : std::string_view{};
}

template <class E, std::size_t N>
std::optional<E> parse_name(const std::array<std::string_view, N>& names,
                            std::string_view text) noexcept {
  for (std::size_t i = 0; i < N; ++i) {
    if (names[i] == text) {
      return static_cast<E>(i);
    }
  }
  return std::nullopt;
}

// A session document is small; a generous limit still stops a hostile one early.
constexpr std::size_t kMaxSessionBytes = 64U << 10U;

}  // namespace

std::string_view to_string(PlanStatus status) noexcept {
  return name_of(kPlanStatuses, status);
}
std::string_view to_string(CandidateStatus status) noexcept {
  return name_of(kCandidateStatuses, status);
}
std::string_view to_string(Outcome outcome) noexcept {
  return name_of(kOutcomes, outcome);
}
std::optional<PlanStatus> parse_plan_status(std::string_view text) noexcept {
  return parse_name<PlanStatus>(kPlanStatuses, text);
}
std::optional<CandidateStatus> parse_candidate_status(std::string_view text) noexcept {
  return parse_name<CandidateStatus>(kCandidateStatuses, text);
}
std::optional<Outcome> parse_outcome(std::string_view text) noexcept {
  return parse_name<Outcome>(kOutcomes, text);
}

namespace {

// A session log in `words`' language (the plan's knowledge base's, when a
// plan reads what a person logged).
Expected<SessionLog> parse_session_in(std::string_view json_text, const detail::Catalogue& words) {
  detail::JsonLimits limits;
  limits.max_bytes = kMaxSessionBytes;
  auto v = detail::parse_json(json_text, limits, "session");
  if (!v) {
    return std::move(v).error();
  }
  detail::Reader r;
  r.words = &words;
  auto s = detail::read_session(r, *v, "");
  if (!s) {
    return Error(ErrorCode::invalid_input, words.get("error.session_invalid"),
                 std::move(r.problems));
  }
  return std::move(*s);
}

}  // namespace

Expected<SessionLog> parse_session(std::string_view json_text) {
  return parse_session_in(json_text, detail::english_catalogue());
}

Expected<Plan> Plan::start(const KnowledgeBase& kb, const PlanSeed& seed,
                           const PlanOptions& options) {
  auto state = detail::initial_state(kb, seed, options);
  if (!state) {
    return std::move(state).error();
  }
  return Plan(std::make_shared<const detail::PlanState>(std::move(*state)));
}

Expected<Decision> Plan::log(const SessionLog& session) {
  // The document of a plan with more sessions than from_json reads by
  // default would be written, and then refused when it is read back.
  const std::size_t most = PlanLimits{}.max_sessions;
  if (s_->sessions.size() >= most) {
    const detail::Catalogue& words = detail::catalogue(s_->kb);
    return Error(ErrorCode::limit_exceeded, words.get("error.plan_full"),
                 {{"", words.get("error.plan_full_why", {{"n", s_->sessions.size()}})}});
  }
  // Strong guarantee: the rules work on a copy, which replaces the state only
  // when the whole session has been accepted.
  auto next = std::make_shared<detail::PlanState>(*s_);
  auto decision = detail::apply_session(*next, session, "");
  if (decision) {
    s_ = std::move(next);
  }
  return decision;
}

Expected<Decision> Plan::log(std::string_view session_json) {
  auto session = parse_session_in(session_json, detail::catalogue(s_->kb));
  if (!session) {
    return std::move(session).error();
  }
  return log(*session);
}

PlanStatus Plan::status() const noexcept {
  return s_->status;
}
Outcome Plan::outcome() const noexcept {
  return s_->outcome;
}
const std::string& Plan::reason() const noexcept {
  return s_->reason;
}
const PlanOptions& Plan::options() const noexcept {
  return s_->options;
}
const std::vector<PrecautionIndex>& Plan::precautions() const noexcept {
  return s_->precautions;
}
std::optional<int> Plan::duration_days() const noexcept {
  return s_->duration_days;
}
int Plan::baseline_pain() const noexcept {
  return s_->baseline_pain;
}
TriageLevel Plan::triage() const noexcept {
  return s_->triage;
}
const std::vector<std::string>& Plan::triage_advice() const noexcept {
  return s_->triage_advice;
}
const std::vector<PlanCandidate>& Plan::candidates() const noexcept {
  return s_->candidates;
}
std::optional<std::size_t> Plan::current() const noexcept {
  return s_->current;
}
const std::vector<SessionRecord>& Plan::sessions() const noexcept {
  return s_->sessions;
}
const KnowledgeBase& Plan::kb() const noexcept {
  return s_->kb;
}

}  // namespace myoref
