// Triage: confirmed red flags and the age rule, before and apart from scoring.
#include <algorithm>
#include <string>
#include <vector>

#include "myoref/assess.hpp"

namespace myoref {

std::string_view to_string(AgeRuleOutcome outcome) noexcept {
  switch (outcome) {
    case AgeRuleOutcome::not_applicable:
      return "not_applicable";
    case AgeRuleOutcome::applies:
      return "applies";
    case AgeRuleOutcome::applies_duration_unknown:
      return "applies_duration_unknown";
    case AgeRuleOutcome::age_unknown:
      return "age_unknown";
  }
  return "not_applicable";
}

namespace {

AgeRuleOutcome apply_age_rule(const AgeRule& rule, const Intake& intake) {
  const bool pain_is_old = intake.duration_days && *intake.duration_days > rule.max_duration_days;
  if (!intake.age) {
    // The rule cannot be checked. Raising every intake without an age would
    // make the level meaningless, so it is not raised, but the outcome says
    // so and the report asks the person to check it themselves.
    return pain_is_old ? AgeRuleOutcome::not_applicable : AgeRuleOutcome::age_unknown;
  }
  const bool outside_band = *intake.age < rule.younger_than || *intake.age > rule.older_than;
  if (!outside_band || pain_is_old) {
    return AgeRuleOutcome::not_applicable;
  }
  // Age is the risk factor here; with no duration the pain may be new, and
  // missing it would under-triage, so it is treated as new.
  return intake.duration_days ? AgeRuleOutcome::applies : AgeRuleOutcome::applies_duration_unknown;
}

}  // namespace

Triage triage(const KnowledgeBase& kb, const Intake& intake) {
  Triage t;
  const auto flags = kb.red_flags();
  t.red_flags = intake.red_flags;
  std::sort(t.red_flags.begin(), t.red_flags.end());
  t.red_flags.erase(std::unique(t.red_flags.begin(), t.red_flags.end()), t.red_flags.end());
  std::stable_sort(t.red_flags.begin(), t.red_flags.end(),
                   [&](RedFlagIndex a, RedFlagIndex b) { return flags[a].level > flags[b].level; });
  for (const RedFlagIndex f : t.red_flags) {
    t.level = std::max(t.level, flags[f].level);
  }
  t.age_rule = apply_age_rule(kb.age_rule(), intake);
  if (t.age_rule_raises()) {
    t.level = std::max(t.level, kb.age_rule().level);
  }
  return t;
}

std::vector<std::string> triage_advice(const KnowledgeBase& kb, const Triage& triage) {
  std::vector<std::string> advice;
  for (const RedFlagIndex f : triage.red_flags) {
    advice.push_back(kb.red_flags()[f].advice);
  }
  if (triage.age_rule_raises() || triage.age_rule == AgeRuleOutcome::age_unknown) {
    advice.push_back(kb.age_rule().advice);
  }
  return advice;
}

}  // namespace myoref
