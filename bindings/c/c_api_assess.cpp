// The C API: intakes, assessments and batch scoring.
#include <cstdint>
#include <limits>
#include <memory>

#include "c_api.hpp"

using myoref::capi::guard;
using myoref::capi::guard_value;
using myoref::capi::text_view;

namespace {

// Precomputes the advice the accessors lend out (see myoref_assessment; the
// basis is made when first asked for).
std::unique_ptr<myoref_assessment> wrap(myoref::Assessment assessment) {
  auto h = std::make_unique<myoref_assessment>(std::move(assessment));
  const myoref::Assessment& a = h->assessment;
  h->advice = myoref::triage_advice(a.kb(), a.triage());
  return h;
}

}  // namespace

const std::vector<std::vector<std::string>>& myoref_assessment::basis() const {
  const std::lock_guard<std::mutex> lock(basis_mutex_);
  if (!basis_made_) {
    const myoref::Assessment& a = assessment;
    const std::size_t count = a.candidate_count();
    std::vector<std::vector<std::string>> made(count);
    for (std::size_t rank = 0; rank < count; ++rank) {
      const myoref::RankedCandidate c = a.candidate(rank);
      made[rank].reserve(c.basis.size());
      for (const myoref::Reason& reason : c.basis) {
        made[rank].push_back(a.describe(c.candidate, reason));
      }
    }
    basis_ = std::move(made);
    basis_made_ = true;
  }
  return basis_;
}

namespace {

int store(myoref_assessment** out, myoref::Expected<myoref::Assessment> made) {
  if (!made) {
    return myoref::capi::fail(made.error());
  }
  *out = wrap(std::move(*made)).release();
  return MYOREF_OK;
}

// Adds the finding or red flag named by (id, len) to `list`.
template <class Find, class Suggest>
int add_id(const char* fn, const char* what, std::vector<std::uint16_t>& list, std::string_view id,
           Find find, Suggest suggest) {
  const auto found = find(id);
  if (!found) {
    return myoref::capi::not_found(fn, what, id, suggest(id));
  }
  list.push_back(*found);
  return MYOREF_OK;
}

// The candidate at `rank`, or ENOTFOUND: for the per-candidate accessors.
bool rank_ok(const char* fn, const myoref_assessment* a, std::size_t rank) noexcept {
  const std::size_t count = a->assessment.candidate_count();
  if (rank >= count) {
    myoref::capi::index_out_of_range(fn, "rank", rank, count);
    return false;
  }
  return true;
}

// A list of one candidate (explained, findings_for, ...): its length.
template <class List>
std::size_t candidate_list_count(const char* fn, const myoref_assessment* a, std::size_t rank,
                                 List list) noexcept {
  return guard_value(fn, std::size_t{0}, [&] {
    if (!rank_ok(fn, a, rank)) {
      return std::size_t{0};
    }
    return list(a->assessment.candidate(rank)).size();
  });
}

// ... and element `index` of it, named through `name` (a std::string).
template <class List, class Name>
const char* candidate_list_at(const char* fn, const char* what, const myoref_assessment* a,
                              std::size_t rank, std::size_t index, List list, Name name) noexcept {
  return guard_value<const char*>(fn, nullptr, [&]() -> const char* {
    if (!rank_ok(fn, a, rank)) {
      return nullptr;
    }
    const auto items = list(a->assessment.candidate(rank));
    if (index >= items.size()) {
      myoref::capi::index_out_of_range(fn, what, index, items.size());
      return nullptr;
    }
    return name(items[index]).c_str();
  });
}

const std::string& region_key_name(const myoref_assessment* a, myoref::RegionKeyIndex k) {
  return a->assessment.kb().region_keys()[k].key;
}

const std::string& finding_name(const myoref_assessment* a, myoref::FindingIndex f) {
  return a->assessment.kb().findings()[f].id;
}

template <class Input>
int score_batch(const char* fn, float* out, std::size_t out_len, const myoref_kb* kb,
                const Input* drawings, std::size_t drawings_len, unsigned threads) {
  const std::size_t columns = kb->kb.region_keys().size();
  const std::size_t candidates = kb->kb.candidates().size();
  if (columns == 0 ? drawings_len != 0 : drawings_len % columns != 0) {
    return myoref::capi::set_error(MYOREF_EINVAL, fn,
                                   "drawings_len " + std::to_string(drawings_len) +
                                       " is not a multiple of the region key count " +
                                       std::to_string(columns));
  }
  const std::size_t n = columns == 0 ? 0 : drawings_len / columns;
  if (candidates != 0 && n > std::numeric_limits<std::size_t>::max() / candidates) {
    return myoref::capi::set_error(MYOREF_EINVAL, fn, "drawings_len is too large");
  }
  const std::size_t needed = n * candidates;
  if (out_len < needed) {
    return myoref::capi::set_error(MYOREF_EINVAL, fn,
                                   "out_len " + std::to_string(out_len) + " is less than the " +
                                       std::to_string(needed) + " scores to write");
  }
  if (n == 0) {
    return MYOREF_OK;
  }
  const myoref::Status done = myoref::score_batch(kb->kb, drawings, n, out, threads);
  return done ? MYOREF_OK : myoref::capi::fail(done.error());
}

}  // namespace

extern "C" {

// --- intake ----------------------------------------------------------------

int myoref_intake_new(myoref_intake** out, const myoref_kb* kb) {
  MYOREF_CHECK_OUT(out);
  MYOREF_CHECK_ARG(kb);
  return guard(__func__, [&] {
    *out = new myoref_intake{kb->kb, myoref::Intake{}};
    return MYOREF_OK;
  });
}

int myoref_intake_from_json(myoref_intake** out, const myoref_kb* kb, const char* text,
                            size_t len) {
  MYOREF_CHECK_OUT(out);
  MYOREF_CHECK_ARG(kb);
  MYOREF_CHECK_TEXT(text, len);
  return guard(__func__, [&] {
    auto parsed = myoref::parse_intake(kb->kb, text_view(text, len));
    if (!parsed) {
      return myoref::capi::fail(parsed.error());
    }
    *out = new myoref_intake{kb->kb, std::move(*parsed)};
    return MYOREF_OK;
  });
}

void myoref_intake_free(myoref_intake* intake) {
  myoref::capi::free_handle(intake);
}

int myoref_intake_add_pain(myoref_intake* intake, const char* region, size_t len, int side,
                           int intensity) {
  MYOREF_CHECK_ARG(intake);
  MYOREF_CHECK_TEXT(region, len);
  const char* const fn = __func__;
  return guard(fn, [&] {
    const auto id = text_view(region, len);
    const auto s = myoref::capi::side_from_c(side);
    if (!s) {
      return myoref::capi::set_error(
          MYOREF_EINVAL, fn, "side " + std::to_string(side) + " is not a MYOREF_SIDE_* value");
    }
    const myoref::KnowledgeBase& kb = intake->kb;
    const auto r = kb.find_region(id);
    if (!r) {
      return myoref::capi::not_found(fn, "region", id, kb.suggest_region(id));
    }
    const auto key = kb.find_region_key(*r, *s);
    if (!key) {
      const bool midline = kb.regions()[*r].laterality == myoref::Laterality::midline;
      return myoref::capi::set_error(
          MYOREF_EINVAL, fn,
          "region '" + std::string(id) +
              (midline ? "' is midline: its side must be MYOREF_SIDE_NONE"
                       : "' is paired: its side must be MYOREF_SIDE_LEFT or MYOREF_SIDE_RIGHT"));
    }
    intake->intake.pain.push_back(myoref::PainMark{*key, intensity});
    return MYOREF_OK;
  });
}

int myoref_intake_confirm_finding(myoref_intake* intake, const char* id, size_t len) {
  MYOREF_CHECK_ARG(intake);
  MYOREF_CHECK_TEXT(id, len);
  const char* const fn = __func__;
  return guard(fn, [&] {
    const myoref::KnowledgeBase& kb = intake->kb;
    return add_id(
        fn, "finding", intake->intake.findings, text_view(id, len),
        [&](std::string_view t) { return kb.find_finding(t); },
        [&](std::string_view t) { return kb.suggest_finding(t); });
  });
}

int myoref_intake_deny_finding(myoref_intake* intake, const char* id, size_t len) {
  MYOREF_CHECK_ARG(intake);
  MYOREF_CHECK_TEXT(id, len);
  const char* const fn = __func__;
  return guard(fn, [&] {
    const myoref::KnowledgeBase& kb = intake->kb;
    return add_id(
        fn, "finding", intake->intake.denied, text_view(id, len),
        [&](std::string_view t) { return kb.find_finding(t); },
        [&](std::string_view t) { return kb.suggest_finding(t); });
  });
}

int myoref_intake_confirm_red_flag(myoref_intake* intake, const char* id, size_t len) {
  MYOREF_CHECK_ARG(intake);
  MYOREF_CHECK_TEXT(id, len);
  const char* const fn = __func__;
  return guard(fn, [&] {
    const myoref::KnowledgeBase& kb = intake->kb;
    return add_id(
        fn, "red flag", intake->intake.red_flags, text_view(id, len),
        [&](std::string_view t) { return kb.find_red_flag(t); },
        [&](std::string_view t) { return kb.suggest_red_flag(t); });
  });
}

int myoref_intake_deny_red_flag(myoref_intake* intake, const char* id, size_t len) {
  MYOREF_CHECK_ARG(intake);
  MYOREF_CHECK_TEXT(id, len);
  const char* const fn = __func__;
  return guard(fn, [&] {
    const myoref::KnowledgeBase& kb = intake->kb;
    return add_id(
        fn, "red flag", intake->intake.red_flags_denied, text_view(id, len),
        [&](std::string_view t) { return kb.find_red_flag(t); },
        [&](std::string_view t) { return kb.suggest_red_flag(t); });
  });
}

int myoref_intake_add_precaution(myoref_intake* intake, const char* id, size_t len) {
  MYOREF_CHECK_ARG(intake);
  MYOREF_CHECK_TEXT(id, len);
  const char* const fn = __func__;
  return guard(fn, [&] {
    const myoref::KnowledgeBase& kb = intake->kb;
    return add_id(
        fn, "precaution", intake->intake.precautions, text_view(id, len),
        [&](std::string_view t) { return kb.find_precaution(t); },
        [&](std::string_view t) { return kb.suggest_precaution(t); });
  });
}

int myoref_intake_set_sex(myoref_intake* intake, int sex) {
  MYOREF_CHECK_ARG(intake);
  const char* const fn = __func__;
  return guard(fn, [&] {
    switch (sex) {
      case MYOREF_SEX_UNKNOWN:
        intake->intake.sex.reset();
        return MYOREF_OK;
      case MYOREF_SEX_FEMALE:
        intake->intake.sex = myoref::Sex::female;
        return MYOREF_OK;
      case MYOREF_SEX_MALE:
        intake->intake.sex = myoref::Sex::male;
        return MYOREF_OK;
      default:
        break;
    }
    return myoref::capi::set_error(MYOREF_EINVAL, fn,
                                   "sex " + std::to_string(sex) + " is not a MYOREF_SEX_* value");
  });
}

int myoref_intake_set_age(myoref_intake* intake, int years) {
  MYOREF_CHECK_ARG(intake);
  return guard(__func__, [&] {
    intake->intake.age = years;
    return MYOREF_OK;
  });
}

int myoref_intake_set_duration_days(myoref_intake* intake, int days) {
  MYOREF_CHECK_ARG(intake);
  return guard(__func__, [&] {
    intake->intake.duration_days = days;
    return MYOREF_OK;
  });
}

int myoref_intake_set_onset(myoref_intake* intake, int onset) {
  MYOREF_CHECK_ARG(intake);
  const char* const fn = __func__;
  return guard(fn, [&] {
    switch (onset) {
      case MYOREF_ONSET_UNKNOWN:
        intake->intake.onset.reset();
        return MYOREF_OK;
      case MYOREF_ONSET_SUDDEN:
        intake->intake.onset = myoref::Onset::sudden;
        return MYOREF_OK;
      case MYOREF_ONSET_GRADUAL:
        intake->intake.onset = myoref::Onset::gradual;
        return MYOREF_OK;
      default:
        break;
    }
    return myoref::capi::set_error(
        MYOREF_EINVAL, fn, "onset " + std::to_string(onset) + " is not a MYOREF_ONSET_* value");
  });
}

int myoref_intake_validate(const myoref_intake* intake) {
  MYOREF_CHECK_ARG(intake);
  return guard(__func__, [&] {
    const myoref::Status valid = myoref::validate_intake(intake->kb, intake->intake);
    return valid ? MYOREF_OK : myoref::capi::fail(valid.error());
  });
}

int myoref_intake_to_json(char** out, const myoref_intake* intake) {
  MYOREF_CHECK_OUT(out);
  MYOREF_CHECK_ARG(intake);
  return guard(__func__, [&] {
    const myoref::Status valid = myoref::validate_intake(intake->kb, intake->intake);
    if (!valid) {
      return myoref::capi::fail(valid.error());
    }
    *out = myoref::capi::to_c_string(myoref::intake_to_json(intake->kb, intake->intake));
    return MYOREF_OK;
  });
}

// --- assessment ------------------------------------------------------------

int myoref_assess_json(char** out, const myoref_kb* kb, const char* intake, size_t len) {
  MYOREF_CHECK_OUT(out);
  MYOREF_CHECK_ARG(kb);
  MYOREF_CHECK_TEXT(intake, len);
  return guard(__func__, [&] {
    auto json = myoref::assess_json(kb->kb, text_view(intake, len));
    if (!json) {
      return myoref::capi::fail(json.error());
    }
    *out = myoref::capi::to_c_string(*json);
    return MYOREF_OK;
  });
}

int myoref_questions_json(char** out, const myoref_kb* kb, const char* intake, size_t len) {
  MYOREF_CHECK_OUT(out);
  MYOREF_CHECK_ARG(kb);
  MYOREF_CHECK_TEXT(intake, len);
  return guard(__func__, [&] {
    auto json = myoref::questions_json(kb->kb, text_view(intake, len));
    if (!json) {
      return myoref::capi::fail(json.error());
    }
    *out = myoref::capi::to_c_string(*json);
    return MYOREF_OK;
  });
}

int myoref_assess(myoref_assessment** out, const myoref_intake* intake) {
  MYOREF_CHECK_OUT(out);
  MYOREF_CHECK_ARG(intake);
  return guard(__func__, [&] { return store(out, myoref::assess(intake->kb, intake->intake)); });
}

int myoref_assessment_from_json(myoref_assessment** out, const myoref_kb* kb, const char* text,
                                size_t len) {
  MYOREF_CHECK_OUT(out);
  MYOREF_CHECK_ARG(kb);
  MYOREF_CHECK_TEXT(text, len);
  return guard(__func__, [&] {
    return store(out, myoref::assessment_from_json(kb->kb, text_view(text, len)));
  });
}

void myoref_assessment_free(myoref_assessment* assessment) {
  myoref::capi::free_handle(assessment);
}

int myoref_assessment_to_json(char** out, const myoref_assessment* assessment, unsigned flags) {
  MYOREF_CHECK_OUT(out);
  MYOREF_CHECK_ARG(assessment);
  const char* const fn = __func__;
  return guard(fn, [&] {
    if ((flags & ~MYOREF_JSON_PRETTY) != 0U) {
      return myoref::capi::set_error(
          MYOREF_EINVAL, fn,
          "flags " + std::to_string(flags) + " has bits that are not MYOREF_JSON_* flags");
    }
    *out = myoref::capi::to_c_string(
        assessment->assessment.to_json((flags & MYOREF_JSON_PRETTY) != 0U));
    return MYOREF_OK;
  });
}

int myoref_assessment_to_text(char** out, const myoref_assessment* assessment) {
  MYOREF_CHECK_OUT(out);
  MYOREF_CHECK_ARG(assessment);
  return guard(__func__, [&] {
    *out = myoref::capi::to_c_string(assessment->assessment.to_text());
    return MYOREF_OK;
  });
}

int myoref_assessment_intake_json(char** out, const myoref_assessment* assessment) {
  MYOREF_CHECK_OUT(out);
  MYOREF_CHECK_ARG(assessment);
  return guard(__func__, [&] {
    const myoref::Assessment& a = assessment->assessment;
    *out = myoref::capi::to_c_string(myoref::intake_to_json(a.kb(), a.intake()));
    return MYOREF_OK;
  });
}

int myoref_assessment_triage_level(const myoref_assessment* assessment) {
  MYOREF_CHECK_ARG(assessment);
  return guard(__func__,
               [&] { return myoref::capi::triage_to_c(assessment->assessment.triage().level); });
}

int myoref_assessment_age_rule(const myoref_assessment* assessment) {
  MYOREF_CHECK_ARG(assessment);
  return guard(__func__, [&] {
    return myoref::capi::age_rule_to_c(assessment->assessment.triage().age_rule);
  });
}

size_t myoref_assessment_question_count(const myoref_assessment* assessment) {
  MYOREF_CHECK_ARG_OR(assessment, std::size_t{0});
  return guard_value(__func__, std::size_t{0},
                     [&] { return assessment->assessment.triage().questions.size(); });
}

const char* myoref_assessment_question_id(const myoref_assessment* assessment, size_t index) {
  MYOREF_CHECK_ARG_OR(assessment, nullptr);
  const auto flags = assessment->assessment.kb().red_flags();
  return myoref::capi::string_at(
      __func__, "question", assessment->assessment.triage().questions, index,
      [&](const myoref::Question& q) -> const std::string& { return flags[q.red_flag].id; });
}

int myoref_assessment_question_level(const myoref_assessment* assessment, size_t index) {
  MYOREF_CHECK_ARG(assessment);
  const auto flags = assessment->assessment.kb().red_flags();
  return myoref::capi::int_at(__func__, "question", assessment->assessment.triage().questions,
                              index, [&](const myoref::Question& q) {
                                return myoref::capi::triage_to_c(flags[q.red_flag].level);
                              });
}

const char* myoref_assessment_question_text(const myoref_assessment* assessment, size_t index) {
  MYOREF_CHECK_ARG_OR(assessment, nullptr);
  const auto flags = assessment->assessment.kb().red_flags();
  return myoref::capi::string_at(
      __func__, "question", assessment->assessment.triage().questions, index,
      [&](const myoref::Question& q) -> const std::string& { return flags[q.red_flag].question; });
}

const char* myoref_assessment_question_why(const myoref_assessment* assessment, size_t index) {
  MYOREF_CHECK_ARG_OR(assessment, nullptr);
  return myoref::capi::string_at(
      __func__, "question", assessment->assessment.triage().questions, index,
      [&](const myoref::Question& q) -> const std::string& { return q.why; });
}

int myoref_assessment_provisional(const myoref_assessment* assessment) {
  MYOREF_CHECK_ARG(assessment);
  return assessment->assessment.triage().provisional ? 1 : 0;
}

size_t myoref_assessment_pending_count(const myoref_assessment* assessment) {
  MYOREF_CHECK_ARG_OR(assessment, std::size_t{0});
  return guard_value(__func__, std::size_t{0},
                     [&] { return assessment->assessment.triage().pending.size(); });
}

const char* myoref_assessment_pending_id(const myoref_assessment* assessment, size_t index) {
  MYOREF_CHECK_ARG_OR(assessment, nullptr);
  const auto flags = assessment->assessment.kb().red_flags();
  return myoref::capi::string_at(
      __func__, "pending question", assessment->assessment.triage().pending, index,
      [&](myoref::RedFlagIndex f) -> const std::string& { return flags[f].id; });
}

size_t myoref_assessment_rule_count(const myoref_assessment* assessment) {
  MYOREF_CHECK_ARG_OR(assessment, std::size_t{0});
  return guard_value(__func__, std::size_t{0},
                     [&] { return assessment->assessment.triage().rules.size(); });
}

const char* myoref_assessment_rule_id(const myoref_assessment* assessment, size_t index) {
  MYOREF_CHECK_ARG_OR(assessment, nullptr);
  return myoref::capi::string_at(
      __func__, "rule", assessment->assessment.triage().rules, index,
      [](const myoref::RuleHit& r) -> const std::string& { return r.id; });
}

int myoref_assessment_rule_level(const myoref_assessment* assessment, size_t index) {
  MYOREF_CHECK_ARG(assessment);
  return myoref::capi::int_at(
      __func__, "rule", assessment->assessment.triage().rules, index,
      [](const myoref::RuleHit& r) { return myoref::capi::triage_to_c(r.level); });
}

const char* myoref_assessment_rule_reason(const myoref_assessment* assessment, size_t index) {
  MYOREF_CHECK_ARG_OR(assessment, nullptr);
  return myoref::capi::string_at(
      __func__, "rule", assessment->assessment.triage().rules, index,
      [](const myoref::RuleHit& r) -> const std::string& { return r.reason; });
}

size_t myoref_assessment_also_consider_count(const myoref_assessment* assessment) {
  MYOREF_CHECK_ARG_OR(assessment, std::size_t{0});
  return guard_value(__func__, std::size_t{0},
                     [&] { return assessment->assessment.triage().also_consider.size(); });
}

const char* myoref_assessment_also_consider_id(const myoref_assessment* assessment, size_t index) {
  MYOREF_CHECK_ARG_OR(assessment, nullptr);
  const auto lookalikes = assessment->assessment.kb().lookalikes();
  return myoref::capi::string_at(__func__, "look-alike",
                                 assessment->assessment.triage().also_consider, index,
                                 [&](const myoref::LookalikeMatch& m) -> const std::string& {
                                   return lookalikes[m.lookalike].id;
                                 });
}

const char* myoref_assessment_also_consider_name(const myoref_assessment* assessment,
                                                 size_t index) {
  MYOREF_CHECK_ARG_OR(assessment, nullptr);
  const auto lookalikes = assessment->assessment.kb().lookalikes();
  return myoref::capi::string_at(__func__, "look-alike",
                                 assessment->assessment.triage().also_consider, index,
                                 [&](const myoref::LookalikeMatch& m) -> const std::string& {
                                   return lookalikes[m.lookalike].name;
                                 });
}

size_t myoref_assessment_red_flag_count(const myoref_assessment* assessment) {
  MYOREF_CHECK_ARG_OR(assessment, std::size_t{0});
  return guard_value(__func__, std::size_t{0},
                     [&] { return assessment->assessment.triage().red_flags.size(); });
}

const char* myoref_assessment_red_flag_id(const myoref_assessment* assessment, size_t index) {
  MYOREF_CHECK_ARG_OR(assessment, nullptr);
  const auto flags = assessment->assessment.kb().red_flags();
  return myoref::capi::string_at(
      __func__, "red flag", assessment->assessment.triage().red_flags, index,
      [&](myoref::RedFlagIndex f) -> const std::string& { return flags[f].id; });
}

int myoref_assessment_red_flag_level(const myoref_assessment* assessment, size_t index) {
  MYOREF_CHECK_ARG(assessment);
  const auto flags = assessment->assessment.kb().red_flags();
  return myoref::capi::int_at(
      __func__, "red flag", assessment->assessment.triage().red_flags, index,
      [&](myoref::RedFlagIndex f) { return myoref::capi::triage_to_c(flags[f].level); });
}

const char* myoref_assessment_red_flag_advice(const myoref_assessment* assessment, size_t index) {
  MYOREF_CHECK_ARG_OR(assessment, nullptr);
  const auto flags = assessment->assessment.kb().red_flags();
  return myoref::capi::string_at(
      __func__, "red flag", assessment->assessment.triage().red_flags, index,
      [&](myoref::RedFlagIndex f) -> const std::string& { return flags[f].advice; });
}

size_t myoref_assessment_advice_count(const myoref_assessment* assessment) {
  MYOREF_CHECK_ARG_OR(assessment, std::size_t{0});
  return guard_value(__func__, std::size_t{0}, [&] { return assessment->advice.size(); });
}

const char* myoref_assessment_advice(const myoref_assessment* assessment, size_t index) {
  MYOREF_CHECK_ARG_OR(assessment, nullptr);
  return myoref::capi::string_at(__func__, "advice", assessment->advice, index,
                                 [](const std::string& s) -> const std::string& { return s; });
}

// --- ranked candidates -----------------------------------------------------

size_t myoref_assessment_candidate_count(const myoref_assessment* assessment) {
  MYOREF_CHECK_ARG_OR(assessment, std::size_t{0});
  return guard_value(__func__, std::size_t{0},
                     [&] { return assessment->assessment.candidate_count(); });
}

const char* myoref_assessment_candidate_key(const myoref_assessment* assessment, size_t rank) {
  MYOREF_CHECK_ARG_OR(assessment, nullptr);
  const char* const fn = __func__;
  return guard_value<const char*>(fn, nullptr, [&]() -> const char* {
    if (!rank_ok(fn, assessment, rank)) {
      return nullptr;
    }
    const myoref::Assessment& a = assessment->assessment;
    return a.kb().candidates()[a.candidate(rank).candidate].key.c_str();
  });
}

const char* myoref_assessment_candidate_muscle(const myoref_assessment* assessment, size_t rank) {
  MYOREF_CHECK_ARG_OR(assessment, nullptr);
  const char* const fn = __func__;
  return guard_value<const char*>(fn, nullptr, [&]() -> const char* {
    if (!rank_ok(fn, assessment, rank)) {
      return nullptr;
    }
    const myoref::Assessment& a = assessment->assessment;
    const auto& c = a.kb().candidates()[a.candidate(rank).candidate];
    return a.kb().muscles()[c.muscle].id.c_str();
  });
}

int myoref_assessment_candidate_side(const myoref_assessment* assessment, size_t rank) {
  MYOREF_CHECK_ARG(assessment);
  const char* const fn = __func__;
  return guard(fn, [&] {
    if (!rank_ok(fn, assessment, rank)) {
      return MYOREF_ENOTFOUND;
    }
    const myoref::Assessment& a = assessment->assessment;
    return myoref::capi::side_to_c(a.kb().candidates()[a.candidate(rank).candidate].side);
  });
}

const char* myoref_assessment_candidate_name(const myoref_assessment* assessment, size_t rank) {
  MYOREF_CHECK_ARG_OR(assessment, nullptr);
  const char* const fn = __func__;
  return guard_value<const char*>(fn, nullptr, [&]() -> const char* {
    if (!rank_ok(fn, assessment, rank)) {
      return nullptr;
    }
    const myoref::Assessment& a = assessment->assessment;
    const auto& c = a.kb().candidates()[a.candidate(rank).candidate];
    return a.kb().muscles()[c.muscle].name.c_str();
  });
}

double myoref_assessment_candidate_score(const myoref_assessment* assessment, size_t rank) {
  MYOREF_CHECK_ARG_OR(assessment, -1.0);
  const char* const fn = __func__;
  return guard_value(fn, -1.0, [&] {
    if (!rank_ok(fn, assessment, rank)) {
      return -1.0;
    }
    return static_cast<double>(assessment->assessment.candidate(rank).score);
  });
}

int myoref_assessment_candidate_tied(const myoref_assessment* assessment, size_t rank) {
  MYOREF_CHECK_ARG(assessment);
  const char* const fn = __func__;
  return guard(fn, [&] {
    if (!rank_ok(fn, assessment, rank)) {
      return MYOREF_ENOTFOUND;
    }
    return assessment->assessment.candidate(rank).tied ? 1 : 0;
  });
}

size_t myoref_assessment_candidate_explained_count(const myoref_assessment* assessment,
                                                   size_t rank) {
  MYOREF_CHECK_ARG_OR(assessment, std::size_t{0});
  return candidate_list_count(__func__, assessment, rank,
                              [](const myoref::RankedCandidate& c) { return c.explained; });
}

const char* myoref_assessment_candidate_explained(const myoref_assessment* assessment, size_t rank,
                                                  size_t index) {
  MYOREF_CHECK_ARG_OR(assessment, nullptr);
  return candidate_list_at(
      __func__, "explained region", assessment, rank, index,
      [](const myoref::RankedCandidate& c) { return c.explained; },
      [&](myoref::RegionKeyIndex k) -> const std::string& {
        return region_key_name(assessment, k);
      });
}

size_t myoref_assessment_candidate_unexplained_count(const myoref_assessment* assessment,
                                                     size_t rank) {
  MYOREF_CHECK_ARG_OR(assessment, std::size_t{0});
  return candidate_list_count(__func__, assessment, rank,
                              [](const myoref::RankedCandidate& c) { return c.unexplained; });
}

const char* myoref_assessment_candidate_unexplained(const myoref_assessment* assessment,
                                                    size_t rank, size_t index) {
  MYOREF_CHECK_ARG_OR(assessment, nullptr);
  return candidate_list_at(
      __func__, "unexplained region", assessment, rank, index,
      [](const myoref::RankedCandidate& c) { return c.unexplained; },
      [&](myoref::RegionKeyIndex k) -> const std::string& {
        return region_key_name(assessment, k);
      });
}

size_t myoref_assessment_candidate_findings_for_count(const myoref_assessment* assessment,
                                                      size_t rank) {
  MYOREF_CHECK_ARG_OR(assessment, std::size_t{0});
  return candidate_list_count(__func__, assessment, rank,
                              [](const myoref::RankedCandidate& c) { return c.findings_for; });
}

const char* myoref_assessment_candidate_finding_for(const myoref_assessment* assessment,
                                                    size_t rank, size_t index) {
  MYOREF_CHECK_ARG_OR(assessment, nullptr);
  return candidate_list_at(
      __func__, "finding", assessment, rank, index,
      [](const myoref::RankedCandidate& c) { return c.findings_for; },
      [&](myoref::FindingIndex f) -> const std::string& { return finding_name(assessment, f); });
}

size_t myoref_assessment_candidate_findings_against_count(const myoref_assessment* assessment,
                                                          size_t rank) {
  MYOREF_CHECK_ARG_OR(assessment, std::size_t{0});
  return candidate_list_count(__func__, assessment, rank,
                              [](const myoref::RankedCandidate& c) { return c.findings_against; });
}

const char* myoref_assessment_candidate_finding_against(const myoref_assessment* assessment,
                                                        size_t rank, size_t index) {
  MYOREF_CHECK_ARG_OR(assessment, nullptr);
  return candidate_list_at(
      __func__, "finding", assessment, rank, index,
      [](const myoref::RankedCandidate& c) { return c.findings_against; },
      [&](myoref::FindingIndex f) -> const std::string& { return finding_name(assessment, f); });
}

size_t myoref_assessment_candidate_basis_count(const myoref_assessment* assessment, size_t rank) {
  MYOREF_CHECK_ARG_OR(assessment, std::size_t{0});
  const char* const fn = __func__;
  return guard_value(fn, std::size_t{0}, [&] {
    return rank_ok(fn, assessment, rank) ? assessment->basis()[rank].size() : std::size_t{0};
  });
}

const char* myoref_assessment_candidate_basis(const myoref_assessment* assessment, size_t rank,
                                              size_t index) {
  MYOREF_CHECK_ARG_OR(assessment, nullptr);
  const char* const fn = __func__;
  return guard_value<const char*>(fn, nullptr, [&]() -> const char* {
    if (!rank_ok(fn, assessment, rank)) {
      return nullptr;
    }
    return myoref::capi::string_at(fn, "basis line", assessment->basis()[rank], index,
                                   [](const std::string& s) -> const std::string& { return s; });
  });
}

// --- cover and unexplained -------------------------------------------------

size_t myoref_assessment_cover_count(const myoref_assessment* assessment) {
  MYOREF_CHECK_ARG_OR(assessment, std::size_t{0});
  return guard_value(__func__, std::size_t{0},
                     [&] { return assessment->assessment.cover().size(); });
}

const char* myoref_assessment_cover(const myoref_assessment* assessment, size_t index) {
  MYOREF_CHECK_ARG_OR(assessment, nullptr);
  const auto candidates = assessment->assessment.kb().candidates();
  return myoref::capi::string_at(
      __func__, "cover entry", assessment->assessment.cover(), index,
      [&](myoref::CandidateIndex c) -> const std::string& { return candidates[c].key; });
}

size_t myoref_assessment_unexplained_count(const myoref_assessment* assessment) {
  MYOREF_CHECK_ARG_OR(assessment, std::size_t{0});
  return guard_value(__func__, std::size_t{0},
                     [&] { return assessment->assessment.unexplained().size(); });
}

const char* myoref_assessment_unexplained(const myoref_assessment* assessment, size_t index) {
  MYOREF_CHECK_ARG_OR(assessment, nullptr);
  return myoref::capi::string_at(__func__, "unexplained region",
                                 assessment->assessment.unexplained(), index,
                                 [&](myoref::RegionKeyIndex k) -> const std::string& {
                                   return region_key_name(assessment, k);
                                 });
}

// --- batch scoring ---------------------------------------------------------

int myoref_score_batch_u8(float* out, size_t out_len, const myoref_kb* kb, const uint8_t* drawings,
                          size_t drawings_len, unsigned threads) {
  MYOREF_CHECK_BUFFER(out, out_len);
  MYOREF_CHECK_ARG(kb);
  MYOREF_CHECK_BUFFER(drawings, drawings_len);
  const char* const fn = __func__;
  return guard(fn,
               [&] { return score_batch(fn, out, out_len, kb, drawings, drawings_len, threads); });
}

int myoref_score_batch_f32(float* out, size_t out_len, const myoref_kb* kb, const float* drawings,
                           size_t drawings_len, unsigned threads) {
  MYOREF_CHECK_BUFFER(out, out_len);
  MYOREF_CHECK_ARG(kb);
  MYOREF_CHECK_BUFFER(drawings, drawings_len);
  const char* const fn = __func__;
  return guard(fn,
               [&] { return score_batch(fn, out, out_len, kb, drawings, drawings_len, threads); });
}

}  // extern "C"
