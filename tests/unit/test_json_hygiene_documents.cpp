// JSON hygiene through every document the library reads: a knowledge base, an
// intake, a session log, a plan, an assessment. Each class of bad JSON is
// refused by each reader with the same code, the same message and the path of
// the place; and every document the library writes reads back as the same
// document (the property that makes a host's stored files trustworthy).
#include <catch2/catch.hpp>

#include <algorithm>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "myoref/myoref.hpp"
#include "support.hpp"

using myoref::Error;
using myoref::ErrorCode;
using myoref::KnowledgeBase;
using myoref::Plan;

namespace {

const KnowledgeBase& builtin() {
  return myoref::test::default_kb();
}

const char* const kIntake =
    R"({"pain": [{"region": "buttock_upper", "side": "left", "intensity": 6}, {"region": "sacrum", "intensity": 3}], "findings": ["walking"], "age": 42})";

// kIntake with every red-flag question its drawing opens answered no (a plan
// waits for them).
std::string answered_intake() {
  auto intake = *myoref::parse_intake(builtin(), kIntake);
  const auto asked = myoref::questions(builtin(), intake);
  for (const auto& q : *asked)
    intake.red_flags_denied.push_back(q.red_flag);
  std::sort(intake.red_flags_denied.begin(), intake.red_flags_denied.end());
  return myoref::intake_to_json(builtin(), intake);
}

std::string assessment_text() {
  return *myoref::assess_json(builtin(), answered_intake(), true);
}

std::string plan_text() {
  const auto a = myoref::assessment_from_json(builtin(), assessment_text());
  return Plan::start(builtin(), *a)->to_json();
}

std::string session_text() {
  const auto plan = Plan::from_json(builtin(), plan_text());
  return R"({"date": "2026-12-01", "target": ")" + plan->candidates()[0].key +
         R"(", "steps": ["release", "stretch", "strengthen"], "pain_before": 6, "pain_after": 4, "red_flags": []})";
}

// A reader: the error it gives for a text, or nullopt when it accepts it.
using Reader = std::function<std::optional<Error>(const std::string&)>;

template <class T>
std::optional<Error> error_of(const myoref::Expected<T>& result) {
  if (result)
    return std::nullopt;
  return result.error();
}

struct Document {
  const char* name;
  std::string text;  // a valid document, an object whose first key is `first_key`
  const char* first_key;
  Reader read;
};

std::vector<Document> documents() {
  return {
      {"knowledge base", builtin().to_json(), "schema",
       [](const std::string& t) { return error_of(KnowledgeBase::from_json(t)); }},
      {"intake", kIntake, "pain",
       [](const std::string& t) { return error_of(myoref::parse_intake(builtin(), t)); }},
      {"session", session_text(), "date",
       [](const std::string& t) { return error_of(myoref::parse_session(t)); }},
      {"plan", plan_text(), "format",
       [](const std::string& t) { return error_of(Plan::from_json(builtin(), t)); }},
      {"assessment", assessment_text(), "schema",
       [](const std::string& t) { return error_of(myoref::assessment_from_json(builtin(), t)); }},
  };
}

struct BadJson {
  const char* name;
  std::function<std::string(const Document&)> make;
  ErrorCode code;
  std::string path;     // "" or the path; "KEY" stands for the document's first key
  std::string message;  // the start of the diagnostic message
};

std::string after_brace(const std::string& text, const std::string& insert) {
  const auto brace = text.find('{');
  return text.substr(0, brace + 1) + insert + text.substr(brace + 1);
}

std::vector<BadJson> bad_json() {
  return {
      {"a duplicate key",
       [](const Document& d) {
         return after_brace(d.text, "\"" + std::string(d.first_key) + "\": 0, ");
       },
       ErrorCode::invalid_input, "KEY", "duplicate key"},
      {"a number too large for a double (1e999)",
       [](const Document& d) { return after_brace(d.text, R"("x": 1e999, )"); },
       ErrorCode::invalid_input, "/x", "a number is too large to represent"},
      {"NaN", [](const Document& d) { return after_brace(d.text, R"("x": NaN, )"); },
       ErrorCode::parse, "", "syntax error: NaN and infinities are not JSON numbers"},
      {"invalid UTF-8",
       [](const Document& d) { return after_brace(d.text, "\"x\": \"\xC3\x28\", "); },
       ErrorCode::parse, "", "syntax error: invalid UTF-8"},
      {"a comment", [](const Document& d) { return "// notes\n" + d.text; }, ErrorCode::parse, "",
       "syntax error: a comment (JSON has no comments)"},
      {"a trailing comma",
       [](const Document& d) {
         const auto last = d.text.rfind('}');
         return d.text.substr(0, last) + ",}";
       },
       ErrorCode::parse, "", "syntax error: a trailing comma"},
      {"trailing data", [](const Document& d) { return d.text + " {}"; }, ErrorCode::parse, "",
       "unexpected data after the JSON document"},
      {"a byte order mark", [](const Document& d) { return "\xEF\xBB\xBF" + d.text; },
       ErrorCode::parse, "", "syntax error: the text starts with a byte order mark"},
      {"a NUL byte inside",
       [](const Document& d) { return after_brace(d.text, std::string(1, '\0')); },
       ErrorCode::parse, "", "syntax error: a NUL byte"},
      {"a NUL byte after it", [](const Document& d) { return d.text + std::string(1, '\0'); },
       ErrorCode::parse, "", "unexpected data after the JSON document"},
      {"nesting 40 levels deep",
       [](const Document& d) {
         return after_brace(d.text, "\"x\": " + std::string(40, '[') + std::string(40, ']') + ", ");
       },
       ErrorCode::limit_exceeded, "/x/0/0/0/0/0", "nesting is deeper than"},
      {"truncated", [](const Document& d) { return d.text.substr(0, d.text.size() / 2); },
       ErrorCode::parse, "", "the document ends too early"},
      {"not an object", [](const Document&) { return std::string("[]"); }, ErrorCode::invalid_input,
       "", ""},
  };
}

}  // namespace

TEST_CASE("every document type refuses every class of bad JSON alike", "[json][hygiene]") {
  const auto docs = documents();
  for (const auto& doc : docs) {
    INFO(doc.name);
    REQUIRE_FALSE(doc.read(doc.text));  // the unspoilt document is accepted
    for (const auto& bad : bad_json()) {
      INFO(bad.name);
      const auto error = doc.read(bad.make(doc));
      REQUIRE(error);
      CHECK(error->code() == bad.code);
      REQUIRE_FALSE(error->diagnostics().empty());
      const std::string want_path = bad.path == "KEY" ? "/" + std::string(doc.first_key) : bad.path;
      if (bad.code == ErrorCode::limit_exceeded)
        CHECK(error->path().rfind(want_path, 0) == 0);  // and deeper
      else
        CHECK(error->path() == want_path);
      CHECK(error->diagnostics()[0].message.rfind(bad.message, 0) == 0);
      CHECK(error->to_string().find(bad.message) != std::string::npos);
    }
  }
}

TEST_CASE("every document the library writes reads back as the same document", "[json][hygiene]") {
  // The knowledge base: its canonical form loads to the same hash and text.
  const auto kb = KnowledgeBase::from_json(builtin().to_json());
  REQUIRE(kb);
  CHECK(kb->hash() == builtin().hash());
  CHECK(kb->to_json() == builtin().to_json());
  // Every example intake: the canonical intake, the assessment (compact and
  // pretty), a plan started from it and taken through sessions.
  for (const char* name :
       {"gluteus_medius_classic", "bilateral_low_back", "gluteus_minimus_pseudo_sciatica",
        "head_and_shoulder_unexplained", "knee_rectus_femoris", "low_back_and_calf_two_sources",
        "piriformis_sitting", "quadratus_lumborum_lifting", "see_clinician_claudication",
        "soleus_heel", "tailbone_sitting", "age_not_given", "age_rule_new_pain_at_68",
        "red_flag_urgent_calf_swelling", "red_flag_emergency_cauda_equina"}) {
    INFO(name);
    const std::string text = myoref::test::read_text(
        myoref::test::source_path("examples/intakes/" + std::string(name) + ".json"));
    const auto intake = myoref::parse_intake(builtin(), text);
    REQUIRE(intake);
    const std::string canonical = myoref::intake_to_json(builtin(), *intake);
    CHECK(myoref::intake_to_json(builtin(), *myoref::parse_intake(builtin(), canonical)) ==
          canonical);
    const auto assessment = myoref::assess(builtin(), *intake);
    REQUIRE(assessment);
    for (const bool pretty : {false, true}) {
      const std::string doc = assessment->to_json(pretty);
      const auto back = myoref::assessment_from_json(builtin(), doc);
      REQUIRE(back);
      CHECK(back->to_json(pretty) == doc);
    }
    auto plan = Plan::start(builtin(), *assessment);
    if (!plan) {
      // Refused at urgent and emergency triage, and when no muscle explains
      // the drawing.
      CHECK(
          (plan.error().code() == ErrorCode::safety_refusal || assessment->candidate_count() == 0));
      continue;
    }
    for (int i = 0; i < 6 && plan->current(); ++i) {
      const std::string doc = plan->to_json();
      const auto back = Plan::from_json(builtin(), doc);
      REQUIRE(back);
      CHECK(back->to_json() == doc);
      myoref::SessionLog s;
      s.date = "2026-12-0" + std::to_string(i + 1);
      s.target = plan->candidates()[*plan->current()].key;
      s.steps = {myoref::Step::release, myoref::Step::stretch, myoref::Step::strengthen};
      s.pain_before = 6;
      s.pain_after = i % 2 == 0 ? 6 : 3;
      if (!plan->log(s))
        break;
    }
    const auto final_back = Plan::from_json(builtin(), plan->to_json());
    REQUIRE(final_back);
    CHECK(final_back->to_json() == plan->to_json());
  }
}
