// The header-only C++ wrapper <myoref/myoref_cxx.h>: handles free themselves,
// failures give empty pointers and a copy of the last error, call() turns a
// `char** out` into a std::string.
#include <myoref/myoref_cxx.h>

#include <cstdio>
#include <cstring>
#include <string>
#include <type_traits>
#include <utility>

namespace {

int failures = 0;
int checks = 0;

void check(bool ok, const char* what, int line) {
  ++checks;
  if (!ok) {
    ++failures;
    std::fprintf(stderr, "test_cxx.cpp:%d: check failed: %s\n    last error: %s\n", line, what,
                 myoref_last_error()->message);
  }
}
#define CHECK(cond) check((cond), #cond, __LINE__)

const char kIntake[] =
    R"({"pain": [{"region": "iliac_crest", "side": "left", "intensity": 6},
                 {"region": "buttock_upper", "side": "left", "intensity": 5}],
        "findings": ["walking"],
        "red_flags_denied": ["saddle_numbness", "bladder_bowel_change",
            "progressive_leg_weakness", "tearing_pain", "fever_or_unwell", "history_of_cancer",
            "unexplained_weight_loss", "major_trauma", "immunosuppressed",
            "urinary_blood_or_fever", "night_pain_unrelenting", "osteoporosis"]})";

// Handles are move-only and exactly one pointer wide.
static_assert(!std::is_copy_constructible<myoref::c::KbPtr>::value, "handles are not copied");
static_assert(std::is_nothrow_move_constructible<myoref::c::PlanPtr>::value, "handles move");
static_assert(sizeof(myoref::c::KbPtr) == sizeof(myoref_kb*), "no overhead");

void test_handles_and_calls() {
  myoref::c::KbPtr kb = myoref::c::open_default_kb();
  CHECK(kb != nullptr);
  if (!kb) {
    return;
  }
  std::string json;
  CHECK(myoref::c::call(json, myoref_assess_json, kb.get(), kIntake, std::strlen(kIntake)) ==
        MYOREF_OK);
  CHECK(json.find("\"gluteus_medius:left\"") != std::string::npos);

  myoref::c::IntakePtr intake = myoref::c::intake_from_json(kb.get(), kIntake);
  CHECK(intake != nullptr);
  myoref::c::AssessmentPtr assessment = myoref::c::assess(intake.get());
  CHECK(assessment != nullptr);
  std::string again;
  CHECK(myoref::c::call(again, myoref_assessment_to_json, assessment.get(), 0U) == MYOREF_OK);
  CHECK(again == json);

  // The knowledge base can go first: handles keep what they need.
  kb.reset();
  myoref::c::PlanPtr plan = myoref::c::start_plan(assessment.get());
  CHECK(plan != nullptr);
  std::string next;
  CHECK(myoref::c::call(next, myoref_plan_next, plan.get()) == MYOREF_OK);
  CHECK(next.find("\"release\"") != std::string::npos);

  std::string doc;
  CHECK(myoref::c::call(doc, myoref_plan_to_json, plan.get()) == MYOREF_OK);
  myoref::c::KbPtr kb2 = myoref::c::open_default_kb();
  myoref::c::PlanPtr loaded = myoref::c::plan_from_json(kb2.get(), doc);
  CHECK(loaded != nullptr);
  myoref::c::PlanPtr moved = std::move(loaded);
  CHECK(loaded == nullptr && moved != nullptr);
  CHECK(std::strcmp(myoref_plan_target(moved.get()), myoref_plan_target(plan.get())) == 0);

  // A new intake from scratch, through the wrapper.
  myoref::c::IntakePtr empty = myoref::c::new_intake(kb2.get());
  CHECK(empty != nullptr);
  CHECK(myoref_intake_add_pain(empty.get(), "calf", MYOREF_NTS, MYOREF_SIDE_LEFT, 3) == MYOREF_OK);

  // A knowledge base from JSON text.
  std::string kb_json;
  CHECK(myoref::c::call(kb_json, myoref_kb_to_json, kb2.get()) == MYOREF_OK);
  myoref::c::KbPtr kb3 = myoref::c::open_kb_json(kb_json);
  CHECK(kb3 != nullptr && std::strcmp(myoref_kb_hash(kb3.get()), myoref_kb_hash(kb2.get())) == 0);

  myoref::c::AssessmentPtr from_json = myoref::c::assessment_from_json(kb3.get(), json);
  CHECK(from_json != nullptr);
}

void test_failures() {
  myoref::c::KbPtr kb = myoref::c::open_default_kb();
  // A failed constructor is an empty pointer; the error is copied out.
  myoref::c::IntakePtr bad = myoref::c::intake_from_json(
      kb.get(), R"({"pain": [{"region": "calf", "side": "left", "intensity": 12}], "x": 1})");
  CHECK(bad == nullptr);
  const myoref::c::Error error = myoref::c::Error::last();
  CHECK(error.code == MYOREF_EINPUT);
  CHECK(error.diagnostics.size() == 2);
  CHECK(!error.path.empty() && error.path == error.diagnostics.front().path);
  CHECK(error.to_string().find(error.diagnostics.back().path) != std::string::npos);

  // The copy outlives later calls.
  CHECK(myoref_kb_id(kb.get()) != nullptr);
  CHECK(myoref_last_error()->code == MYOREF_OK);
  CHECK(error.code == MYOREF_EINPUT && !error.message.empty());

  // call() leaves the string alone on failure.
  std::string keep = "unchanged";
  CHECK(myoref::c::call(keep, myoref_assess_json, kb.get(), "{", std::size_t{1}) == MYOREF_EPARSE);
  CHECK(keep == "unchanged");

  CHECK(myoref::c::open_kb_json("[]") == nullptr);
  CHECK(myoref::c::Error::last().code == MYOREF_EINPUT);
  CHECK(myoref::c::new_intake(nullptr) == nullptr);
  CHECK(myoref::c::Error::last().code == MYOREF_EINVAL);
  CHECK(myoref::c::assess(nullptr) == nullptr);
  CHECK(myoref::c::assessment_from_json(kb.get(), "{}") == nullptr);
  CHECK(myoref::c::start_plan(nullptr) == nullptr);
  CHECK(myoref::c::plan_from_json(kb.get(), "{}") == nullptr);
  const myoref::c::Error none = [] {
    myoref_last_error_clear();
    return myoref::c::Error::last();
  }();
  CHECK(none.code == MYOREF_OK && none.message == "no error" && none.diagnostics.empty());
}

}  // namespace

int main() {
  test_handles_and_calls();
  test_failures();
  if (failures != 0) {
    std::fprintf(stderr, "c_api cxx: %d of %d checks failed\n", failures, checks);
    return 1;
  }
  std::printf("c_api cxx: %d checks passed\n", checks);
  return 0;
}
