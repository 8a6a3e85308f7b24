// The rules of shared/spec/protocol.md, applied one session at a time. Plan
// documents are checked by replaying their sessions through this same code, so
// a stored history and a live one can never disagree about what a rule means.
#include <algorithm>
#include <utility>

#include "i18n/messages.hpp"
#include "kb/kb_access.hpp"
#include "kb/kb_data.hpp"
#include "protocol/dates.hpp"
#include "protocol/state.hpp"
#include "util/json.hpp"

namespace myoref::detail {

std::string step_list(const Catalogue& m, const std::vector<Step>& steps) {
  std::string out;
  for (std::size_t i = 0; i < steps.size(); ++i) {
    if (i != 0)
      out += m.get(i + 1 == steps.size() ? "list.last_separator" : "list.separator");
    out += m.get("step." + std::string(to_string(steps[i])));
  }
  return out;
}

namespace {

std::string points(const Catalogue& m, int n) {
  return m.get("plan.points", {{"n", n}});
}

struct Range {
  const char* name;
  int PlanOptions::*field;
  int lo;
  int hi;
};

constexpr Range kOptionRanges[] = {
    {"release_trials", &PlanOptions::release_trials, 1, 20},
    {"relief_points", &PlanOptions::relief_points, 1, 10},
    {"relief_percent", &PlanOptions::relief_percent, 1, 100},
    {"worsening_points", &PlanOptions::worsening_points, 1, 10},
    {"worsening_sessions", &PlanOptions::worsening_sessions, 1, 10},
    {"maintenance_sessions", &PlanOptions::maintenance_sessions, 1, 20},
    {"max_candidates", &PlanOptions::max_candidates, 1, 200},
    {"max_exercises_per_step", &PlanOptions::max_exercises_per_step, 1, 10},
    {"no_improvement_weeks", &PlanOptions::no_improvement_weeks, 1, 52},
};

// The acute phase lasts the pain's first week (spec: screening.md, "Acute phase").
constexpr int kAcuteDays = 7;

}  // namespace

// The release sessions on the current target since its last relief: the ones
// that count towards release_trials. Sessions without a release step are not
// trials, and relief on the target starts the count again.
int release_trials_without_relief(const PlanState& s, CandidateIndex target) {
  int count = 0;
  for (auto it = s.sessions.rbegin(); it != s.sessions.rend() && it->target == target; ++it) {
    if (it->relief) {
      break;
    }
    if (std::find(it->log.steps.begin(), it->log.steps.end(), Step::release) !=
        it->log.steps.end()) {
      ++count;
    }
  }
  return count;
}

int relief_streak(const PlanState& s, CandidateIndex target) {
  int count = 0;
  for (auto it = s.sessions.rbegin(); it != s.sessions.rend() && it->target == target && it->relief;
       ++it) {
    ++count;
  }
  return count;
}

int worse_streak(const PlanState& s) {
  int count = 0;
  for (auto it = s.sessions.rbegin(); it != s.sessions.rend() && it->worse; ++it) {
    ++count;
  }
  return count;
}

std::string candidate_label(const KnowledgeBase& kb, const PlanCandidate& pc, bool source) {
  const Candidate& c = kb.candidates()[pc.candidate];
  const auto& names = detail::model_of(kb).source_muscle_names;
  const std::string& name =
      source && c.muscle < names.size() ? names[c.muscle] : kb.muscles()[c.muscle].name;
  const Catalogue& m = source ? english_catalogue() : catalogue(kb);
  if (pc.both_sides)
    return m.get("plan.candidate_both_sides", {{"muscle", name}});
  if (c.side == Side::none)
    return name;
  return m.get(
      "plan.candidate",
      {{"muscle", name}, {"side", m.get(c.side == Side::left ? "side.left" : "side.right")}});
}

std::string say_reason(const PlanState& s, const PlanReason& why, bool source) {
  const Catalogue& m = source ? english_catalogue() : catalogue(s.kb);
  // The values' words first (they must outlive the MsgArgs that view them).
  std::vector<std::string> words(why.args.size());
  for (std::size_t i = 0; i < why.args.size(); ++i) {
    const PlanArg& a = why.args[i];
    switch (a.kind) {
      case PlanArg::Kind::points:
        words[i] = m.get("plan.points", {{"n", a.number}});
        break;
      case PlanArg::Kind::candidate:
        if (a.number >= 0 && static_cast<std::size_t>(a.number) < s.candidates.size()) {
          words[i] =
              candidate_label(s.kb, s.candidates[static_cast<std::size_t>(a.number)], source);
        }
        break;
      case PlanArg::Kind::red_flags: {
        std::size_t start = 0;
        while (start <= a.text.size()) {
          const std::size_t comma = std::min(a.text.find(',', start), a.text.size());
          const std::string id = a.text.substr(start, comma - start);
          const auto f = s.kb.find_red_flag(id);
          const TriageLevel level = f ? s.kb.red_flags()[*f].level : TriageLevel::urgent;
          if (!words[i].empty())
            words[i] += m.get("list.separator");
          words[i] +=
              m.get("plan.red_flag",
                    {{"id", id}, {"level", m.get("level." + std::string(to_string(level)))}});
          start = comma + 1;
        }
        break;
      }
      default:
        break;
    }
  }
  std::vector<MsgArg> args;
  args.reserve(why.args.size());
  for (std::size_t i = 0; i < why.args.size(); ++i) {
    const PlanArg& a = why.args[i];
    if (a.kind == PlanArg::Kind::number) {
      args.emplace_back(a.name, a.number);
    } else if (a.kind == PlanArg::Kind::text) {
      args.emplace_back(a.name, a.text);
    } else {
      args.emplace_back(a.name, words[i]);
    }
  }
  return m.get(why.key, args);
}

void set_reason(PlanState& s, PlanReason why) {
  s.why = std::move(why);
  s.reason = say_reason(s, s.why);
}

namespace {
PlanArg text_arg(const char* name, std::string text) {
  PlanArg a;
  a.name = name;
  a.text = std::move(text);
  return a;
}
PlanArg number_arg(const char* name, long long n, PlanArg::Kind kind = PlanArg::Kind::number) {
  PlanArg a;
  a.name = name;
  a.kind = kind;
  a.number = n;
  return a;
}
PlanArg candidate_arg(const char* name, std::size_t index) {
  return number_arg(name, static_cast<long long>(index), PlanArg::Kind::candidate);
}
}  // namespace

std::string plan_candidate_key(const KnowledgeBase& kb, CandidateIndex candidate, bool both_sides) {
  const Candidate& c = kb.candidates()[candidate];
  return both_sides ? kb.muscles()[c.muscle].id + ":both" : c.key;
}

bool names_candidate(const KnowledgeBase& kb, const PlanCandidate& pc, std::string_view target) {
  if (target == pc.key) {
    return true;
  }
  const Candidate& c = kb.candidates()[pc.candidate];
  if (pc.both_sides) {
    const auto colon = target.rfind(':');
    if (colon != std::string_view::npos && target.substr(colon + 1) == "both") {
      const auto m = kb.find_muscle(target.substr(0, colon));
      return m && *m == c.muscle;
    }
    const auto named = kb.find_candidate(target);
    return named && kb.candidates()[*named].muscle == c.muscle;
  }
  const auto named = kb.find_candidate(target);
  return named && *named == pc.candidate;
}

bool no_improvement_stop(const PlanState& s) {
  if (s.sessions.empty() || s.sessions.back().relief ||
      is_relief(s.options, s.baseline_pain, s.sessions.back().log.pain_before)) {
    return false;
  }
  return s.session_days.back() - s.session_days.front() >= 7 * s.options.no_improvement_weeks;
}

bool in_acute_phase(const PlanState& s) {
  if (!s.duration_days) {
    return false;
  }
  const int since = s.session_days.empty() ? 0 : s.session_days.back() - s.session_days.front();
  return *s.duration_days + since < kAcuteDays;
}

std::vector<Diagnostic> check_options(const PlanOptions& options, std::string_view base) {
  std::vector<Diagnostic> out;
  for (const Range& r : kOptionRanges) {
    const int v = options.*(r.field);
    if (v < r.lo || v > r.hi) {
      out.push_back({pointer(base, r.name), "expected an integer from " + std::to_string(r.lo) +
                                                " to " + std::to_string(r.hi) + ", got " +
                                                std::to_string(v)});
    }
  }
  return out;
}

bool is_relief(const PlanOptions& options, int baseline, int pain) noexcept {
  const int drop = baseline - pain;
  return drop > 0 &&
         (drop >= options.relief_points || drop * 100 >= options.relief_percent * baseline);
}

PlanState initial_state_with(const KnowledgeBase& kb, const PlanOptions& options, StartFacts facts,
                             std::vector<PlanCandidate> candidates) {
  PlanState s(kb);
  s.options = options;
  s.triage = facts.triage;
  s.triage_advice = std::move(facts.triage_advice);
  s.baseline_pain = facts.baseline_pain;
  s.precautions = std::move(facts.precautions);
  std::sort(s.precautions.begin(), s.precautions.end());
  s.precautions.erase(std::unique(s.precautions.begin(), s.precautions.end()), s.precautions.end());
  s.duration_days = facts.duration_days;
  s.candidates = std::move(candidates);
  for (auto& c : s.candidates) {
    c.status = CandidateStatus::untried;
  }
  s.candidates.front().status = CandidateStatus::current;
  s.current = 0;
  s.status = PlanStatus::active;
  s.outcome = Outcome::started;
  set_reason(s, {s.candidates.front().both_sides ? "plan.reason.started_both_sides"
                                                 : "plan.reason.started",
                 {candidate_arg("candidate", 0)}});
  return s;
}

std::optional<Error> safety_refusal(const KnowledgeBase& kb, const PlanSeed& seed) {
  // At urgent or emergency triage, for a child, or while an emergency-level
  // question is unanswered, the refusal is the answer, whatever else is wrong.
  if (seed.triage >= TriageLevel::urgent && seed.triage <= TriageLevel::emergency) {
    std::vector<Diagnostic> why;
    for (const auto& a : seed.triage_advice) {
      why.push_back({"/triage", a});
    }
    return Error(ErrorCode::safety_refusal,
                 "no self-care plan at " + std::string(to_string(seed.triage)) +
                     " triage: seek care first, as the triage advice says",
                 std::move(why));
  }
  if (seed.age && *seed.age < 16) {
    return Error(ErrorCode::safety_refusal,
                 "no self-care plan under 16: the knowledge base is written for adults, and pain "
                 "in a child or a young teenager should be seen by a clinician",
                 {{"/age", "age " + std::to_string(*seed.age) + " is under 16"}});
  }
  std::vector<Diagnostic> why;
  for (const RedFlagIndex f : seed.pending) {
    if (f < kb.red_flags().size() && kb.red_flags()[f].level == TriageLevel::emergency) {
      why.push_back({"/pending", kb.red_flags()[f].id + ": " + kb.red_flags()[f].question});
    }
  }
  if (!why.empty()) {
    return Error(ErrorCode::safety_refusal,
                 "no self-care plan while an emergency question is unanswered: ask it first "
                 "(a question never asked is never taken as answered no)",
                 std::move(why));
  }
  return std::nullopt;
}

Expected<PlanState> initial_state(const KnowledgeBase& kb, const PlanSeed& seed,
                                  const PlanOptions& options) {
  if (auto refused = safety_refusal(kb, seed)) {
    return std::move(*refused);
  }

  std::vector<Diagnostic> problems = check_options(options, "/options");
  const std::size_t n = kb.candidates().size();
  if (seed.ranking.empty()) {
    problems.push_back({"/ranking", "at least one candidate is needed to make a plan"});
  }
  for (std::size_t i = 0; i < seed.ranking.size(); ++i) {
    if (seed.ranking[i] >= n) {
      problems.push_back({pointer("/ranking", i), "candidate index " +
                                                      std::to_string(seed.ranking[i]) +
                                                      " is outside the knowledge base's " +
                                                      std::to_string(n) + " candidates"});
    } else if (std::find(seed.ranking.begin(),
                         seed.ranking.begin() + static_cast<std::ptrdiff_t>(i), seed.ranking[i]) !=
               seed.ranking.begin() + static_cast<std::ptrdiff_t>(i)) {
      problems.push_back(
          {pointer("/ranking", i),
           "candidate " + kb.candidates()[seed.ranking[i]].key + " is listed twice"});
    }
  }
  if (seed.baseline_pain < 1 || seed.baseline_pain > 10) {
    problems.push_back({"/baseline_pain", "expected the highest pain intensity, 1 to 10, got " +
                                              std::to_string(seed.baseline_pain) +
                                              " (with no pain there is nothing to relieve)"});
  }
  if (seed.triage > TriageLevel::emergency) {
    problems.push_back({"/triage", "not a triage level"});
  }
  for (std::size_t i = 0; i < seed.precautions.size(); ++i) {
    if (seed.precautions[i] >= kb.precautions().size()) {
      problems.push_back({pointer("/precautions", i), "not a precaution of the knowledge base"});
    }
  }
  for (std::size_t i = 0; i < seed.both_sides.size(); ++i) {
    if (seed.both_sides[i] >= kb.muscles().size() || kb.muscles()[seed.both_sides[i]].midline) {
      problems.push_back({pointer("/both_sides", i), "not a muscle with two sides"});
    }
  }
  if (seed.duration_days && (*seed.duration_days < 0 || *seed.duration_days > 36500)) {
    problems.push_back({"/duration_days", "expected 0 to 36500 days"});
  }
  if (!problems.empty()) {
    return Error(ErrorCode::invalid_argument, "cannot start a plan from this seed",
                 std::move(problems));
  }

  const auto limit = static_cast<std::size_t>(options.max_candidates);
  std::vector<PlanCandidate> list;
  list.reserve(std::min(limit, seed.ranking.size()));
  const auto both = [&seed](MuscleIndex m) {
    return std::find(seed.both_sides.begin(), seed.both_sides.end(), m) != seed.both_sides.end();
  };
  // A both-sides candidate stands for its left side, whichever side came first.
  const auto add = [&](CandidateIndex c, bool related) {
    const Candidate& cand = kb.candidates()[c];
    const bool pair = cand.side != Side::none && both(cand.muscle);
    if (pair) {
      const auto left = kb.find_candidate(cand.muscle, Side::left);
      if (!left)
        return;
      c = *left;
    }
    const bool listed = std::any_of(list.begin(), list.end(), [&](const PlanCandidate& p) {
      return p.candidate == c ||
             (pair && kb.candidates()[p.candidate].muscle == cand.muscle && p.both_sides);
    });
    if (!listed && list.size() < limit) {
      list.push_back({c, plan_candidate_key(kb, c, pair), related, CandidateStatus::untried, pair});
    }
  };
  for (const CandidateIndex c : seed.ranking) {
    add(c, false);
  }
  if (options.append_related) {
    // The related muscles are where the knowledge base says to look next; on
    // the top candidate's side (both sides, left first, when it has none).
    // Copies, not references into `list`: appending below may move its elements.
    const bool first_both_sides = list.front().both_sides;
    const Candidate& top = kb.candidates()[list.front().candidate];
    for (const MuscleIndex m : kb.muscles()[top.muscle].related) {
      const bool midline = kb.muscles()[m].midline;
      std::vector<Side> sides;
      if (midline) {
        sides = {Side::none};
      } else if (top.side == Side::none) {
        sides = {Side::left, Side::right};
      } else {
        sides = {top.side};
      }
      for (const Side side : sides) {
        if (const auto c = kb.find_candidate(m, side)) {
          // A related muscle of a both-sides target is taken on both sides too.
          if (first_both_sides && !midline) {
            if (list.size() < limit &&
                std::none_of(list.begin(), list.end(), [&](const PlanCandidate& p) {
                  return kb.candidates()[p.candidate].muscle == m;
                })) {
              list.push_back(
                  {*c, plan_candidate_key(kb, *c, true), true, CandidateStatus::untried, true});
            }
          } else {
            add(*c, true);
          }
        }
      }
    }
  }
  StartFacts facts;
  facts.triage = seed.triage;
  facts.triage_advice = seed.triage_advice;
  facts.baseline_pain = seed.baseline_pain;
  facts.precautions = seed.precautions;
  facts.duration_days = seed.duration_days;
  return initial_state_with(kb, options, std::move(facts), std::move(list));
}

Expected<Decision> apply_session(PlanState& s, const SessionLog& session, std::string_view base) {
  const KnowledgeBase& kb = s.kb;
  if (s.status == PlanStatus::stopped_seek_care) {
    return Error(ErrorCode::safety_refusal,
                 catalogue(kb).get("plan.error.stopped", {{"reason", s.reason}}),
                 {{std::string(base), "the plan's status is stopped_seek_care"}});
  }
  if (s.status == PlanStatus::exhausted || !s.current) {
    return Error(ErrorCode::invalid_input,
                 catalogue(kb).get("plan.error.exhausted", {{"reason", s.reason}}),
                 {{std::string(base), "the plan's status is exhausted"}});
  }
  const std::size_t current = *s.current;
  const CandidateIndex target = s.candidates[current].candidate;
  std::vector<Diagnostic> problems;
  // The problems are for the person who logged the session: in the knowledge
  // base's language, with the paths as they are.
  const Catalogue& words = catalogue(kb);

  // Time: a real date, not earlier than the last session.
  std::string why;
  const auto day = parse_iso_date(session.date, &why);
  if (!day) {
    problems.push_back({pointer(base, "date"), words.get("error.date", {{"date", session.date},
                                                                        {"why", words.get(why)}})});
  } else if (!s.session_days.empty() && *day < s.session_days.back()) {
    problems.push_back({pointer(base, "date"),
                        words.get("error.date_order",
                                  {{"date", session.date}, {"last", s.sessions.back().log.date}})});
  }

  // Target: the plan's current target, by key (an alias may stand for the id;
  // either side's key for a both-sides target).
  if (!names_candidate(kb, s.candidates[current], session.target)) {
    const auto named = kb.find_candidate(session.target);
    problems.push_back(
        {pointer(base, "target"),
         words.get("error.wrong_target",
                   {{"target", s.candidates[current].key},
                    {"given", named ? kb.candidates()[*named].key : quoted(session.target)}})});
  }

  // Order: release -> stretch -> strengthen, each at most once.
  if (session.steps.empty()) {
    problems.push_back({pointer(base, "steps"), words.get("error.no_steps")});
  }
  bool seen[kStepCount] = {false, false, false};
  for (std::size_t i = 0; i < session.steps.size(); ++i) {
    const Step step = session.steps[i];
    const auto k = static_cast<std::size_t>(step);
    const std::string path = pointer(pointer(base, "steps"), i);
    if (k >= kStepCount) {
      problems.push_back({path, words.get("error.not_a_step")});
      continue;
    }
    if (seen[k]) {
      problems.push_back({path, words.get("error.step_twice", {{"step", to_string(step)}})});
      continue;
    }
    for (std::size_t later = k + 1; later < kStepCount; ++later) {
      if (seen[later]) {
        problems.push_back({path, words.get("error.step_order",
                                            {{"step", to_string(step)},
                                             {"later", to_string(static_cast<Step>(later))}})});
        break;
      }
    }
    seen[k] = true;
  }

  if (session.pain_before < 0 || session.pain_before > 10) {
    problems.push_back({pointer(base, "pain_before"), words.get("error.pain_range")});
  }
  if (session.pain_after < 0 || session.pain_after > 10) {
    problems.push_back({pointer(base, "pain_after"), words.get("error.pain_range")});
  }

  std::vector<RedFlagIndex> flags;
  for (std::size_t i = 0; i < session.red_flags.size(); ++i) {
    const std::string& id = session.red_flags[i];
    const std::string path = pointer(pointer(base, "red_flags"), i);
    const auto f = kb.find_red_flag(id);
    if (!f) {
      const std::string suggestion = kb.suggest_red_flag(id);
      problems.push_back(
          {path,
           words.get("error.unknown_red_flag",
                     {{"id", quoted(id)},
                      {"suggestion", suggestion.empty() ? std::string()
                                                        : words.get("error.did_you_mean",
                                                                    {{"id", suggestion}})}})});
    } else if (std::find(flags.begin(), flags.end(), *f) != flags.end()) {
      problems.push_back({path, words.get("error.red_flag_twice", {{"id", quoted(id)}})});
    } else {
      flags.push_back(*f);
    }
  }

  if (!problems.empty()) {
    // A refused session must not hide a red flag it reports: say it with the
    // refusal, so the host can act on it even before the session is fixed.
    for (const RedFlagIndex f : flags) {
      const RedFlag& flag = kb.red_flags()[f];
      problems.push_back(
          {pointer(base, "red_flags"),
           words.get("error.also_reports",
                     {{"id", flag.id},
                      {"level", words.get("level." + std::string(to_string(flag.level)))},
                      {"advice", flag.advice}})});
    }
    return Error(ErrorCode::invalid_input, words.get("error.session_refused"), std::move(problems));
  }

  // Accepted: every rule below records its reason.
  const Catalogue& m = catalogue(kb);
  Decision d;
  d.locale = kb.locale();
  d.level = s.triage;
  d.session = s.sessions.size();
  d.target = s.candidates[current].key;
  const std::string label = candidate_label(kb, s.candidates[current]);
  const int baseline = s.baseline_pain;

  // Relief can show at the start of the next session: credit it to the last one.
  if (!s.sessions.empty() && !s.sessions.back().relief &&
      is_relief(s.options, baseline, session.pain_before)) {
    s.sessions.back().relief = true;
    d.previous_relief = true;
    d.reasons.push_back(
        m.get("plan.decision.previous_relief", {{"pain", session.pain_before},
                                                {"baseline", baseline},
                                                {"date", s.sessions.back().log.date}}));
  }

  SessionRecord rec;
  rec.log = session;
  rec.log.target = s.candidates[current].key;  // canonical key, even if an alias was used
  rec.target = target;
  // In maintenance only strengthening is expected every time; release and
  // stretch are done as needed, so leaving them out is not incomplete.
  const bool maintenance = s.status == PlanStatus::maintenance;
  for (int k = 0; k < kStepCount; ++k) {
    if (!seen[k] && (!maintenance || static_cast<Step>(k) == Step::strengthen)) {
      rec.missing.push_back(static_cast<Step>(k));
    }
  }
  rec.complete = rec.missing.empty();
  if (rec.complete) {
    d.reasons.push_back(
        m.get(maintenance ? "plan.decision.complete_maintenance" : "plan.decision.complete"));
  } else {
    d.reasons.push_back(m.get("plan.decision.incomplete",
                              {{"steps", step_list(m, rec.missing)}, {"n", rec.missing.size()}}));
  }

  rec.relief = is_relief(s.options, baseline, session.pain_after);
  const int drop = baseline - session.pain_after;
  const std::string rule =
      m.get("plan.decision.relief_rule", {{"points", points(m, s.options.relief_points)},
                                          {"percent", s.options.relief_percent},
                                          {"baseline", baseline}});
  if (rec.relief) {
    d.reasons.push_back(
        m.get("plan.decision.relief",
              {{"pain", session.pain_after}, {"drop", points(m, drop)}, {"rule", rule}}));
  } else {
    d.reasons.push_back(
        m.get("plan.decision.no_relief", {{"pain", session.pain_after}, {"rule", rule}}));
  }
  rec.worse =
      std::max(session.pain_before, session.pain_after) >= baseline + s.options.worsening_points;
  if (rec.worse) {
    d.reasons.push_back(
        m.get("plan.decision.worse", {{"pain", std::max(session.pain_before, session.pain_after)},
                                      {"points", points(m, s.options.worsening_points)},
                                      {"baseline", baseline}}));
  }
  d.complete = rec.complete;
  d.missing = rec.missing;
  d.relief = rec.relief;

  s.sessions.push_back(std::move(rec));
  s.session_days.push_back(*day);

  d.outcome = Outcome::continued;
  if (!flags.empty()) {
    // Red flags first, whatever else the session shows.
    TriageLevel level = TriageLevel::self_care;
    for (const RedFlagIndex f : flags) {
      const RedFlag& flag = kb.red_flags()[f];
      level = std::max(level, flag.level);
      d.advice.push_back(flag.advice);
    }
    d.level = level;
    d.outcome = Outcome::stopped_red_flag;
    s.status = PlanStatus::stopped_seek_care;
    s.outcome = d.outcome;
    std::string flag_ids;
    for (const RedFlagIndex f : flags)
      flag_ids += (flag_ids.empty() ? "" : ",") + kb.red_flags()[f].id;
    set_reason(
        s, {"plan.reason.red_flag",
            {text_arg("date", session.date), number_arg("n", static_cast<long long>(flags.size())),
             PlanArg{"flags", PlanArg::Kind::red_flags, flag_ids, 0}}});
    d.reasons.push_back(m.get("plan.decision.stopped", {{"reason", s.reason}}));
  } else if (worse_streak(s) >= s.options.worsening_sessions) {
    d.level = TriageLevel::see_clinician;
    d.outcome = Outcome::stopped_worsening;
    s.status = PlanStatus::stopped_seek_care;
    s.outcome = d.outcome;
    set_reason(s,
               {"plan.reason.worsening",
                {number_arg("points", s.options.worsening_points, PlanArg::Kind::points),
                 number_arg("baseline", baseline), number_arg("n", s.options.worsening_sessions)}});
    d.reasons.push_back(m.get("plan.decision.stopped", {{"reason", s.reason}}));
    d.advice.push_back(m.get("plan.advice.worsening"));
  } else if (no_improvement_stop(s)) {
    const int days = s.session_days.back() - s.session_days.front();
    d.level = TriageLevel::see_clinician;
    d.outcome = Outcome::stopped_no_improvement;
    s.status = PlanStatus::stopped_seek_care;
    s.outcome = d.outcome;
    set_reason(
        s,
        {"plan.reason.no_improvement",
         {number_arg("weeks", days / 7), number_arg("days", days), text_arg("date", session.date),
          number_arg("points", s.options.relief_points, PlanArg::Kind::points),
          number_arg("percent", s.options.relief_percent), number_arg("baseline", baseline)}});
    d.reasons.push_back(m.get("plan.decision.stopped", {{"reason", s.reason}}));
    d.advice.push_back(
        m.get("plan.advice.no_improvement", {{"weeks", s.options.no_improvement_weeks}}));
  } else if (s.status == PlanStatus::active) {
    const int streak = relief_streak(s, target);
    const int trials = release_trials_without_relief(s, target);
    if (streak >= s.options.maintenance_sessions) {
      d.outcome = Outcome::maintenance;
      s.status = PlanStatus::maintenance;
      s.outcome = d.outcome;
      s.candidates[current].status = CandidateStatus::responding;
      set_reason(s, {"plan.reason.maintenance",
                     {number_arg("n", streak), candidate_arg("candidate", current)}});
      d.reasons.push_back(m.get("plan.decision.maintenance", {{"reason", s.reason}}));
      d.advice.push_back(m.get("plan.advice.maintenance", {{"candidate", label}}));
    } else if (trials >= s.options.release_trials) {
      s.candidates[current].status = CandidateStatus::not_likely_source;
      if (current + 1 < s.candidates.size()) {
        const std::size_t next = current + 1;
        s.current = next;
        s.candidates[next].status = CandidateStatus::current;
        d.outcome = Outcome::escalated;
        set_reason(s, {"plan.reason.escalated",
                       {candidate_arg("candidate", current), number_arg("n", trials),
                        candidate_arg("next", next)}});
        d.advice.push_back(m.get("plan.advice.start_next",
                                 {{"candidate", candidate_label(kb, s.candidates[next])}}));
      } else {
        s.current.reset();
        s.status = PlanStatus::exhausted;
        d.outcome = Outcome::exhausted;
        d.level = TriageLevel::see_clinician;
        set_reason(s, {"plan.reason.exhausted",
                       {candidate_arg("candidate", current), number_arg("n", trials)}});
        d.advice.push_back(m.get("plan.advice.exhausted"));
      }
      s.outcome = d.outcome;
      d.reasons.push_back(s.reason);
    } else if (trials > 0) {
      d.reasons.push_back(
          m.get("plan.decision.trial",
                {{"n", trials}, {"trials", s.options.release_trials}, {"candidate", label}}));
    }
  }
  d.status = s.status;
  d.next_target = s.current ? s.candidates[*s.current].key : std::string();
  return d;
}

}  // namespace myoref::detail
