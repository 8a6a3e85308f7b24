// Fuzz target: sequences of C API calls, driven by the input.
//
// The input is a program. Each step reads an operation byte and then the
// operands it needs, one read per statement (the order of the reads is the
// encoding, and C++ leaves the order of reads within one expression open): a slot number, an
// integer, or a text (a length byte, 255 meaning "two more length bytes", then that many bytes).
// The state is a few slots of each handle type (knowledge bases, intakes, assessments, plans),
// empty (NULL) at first, so that calls with NULL handles, calls in the wrong
// order and calls on the results of failed calls all happen.
//
// What is and is not misuse we can drive. The header's rules hold: an output
// pointer is never NULL unless a call allows it, a buffer is as long as the
// length passed with it, text without MYOREF_NTS need not be NUL-terminated
// (it is copied into a buffer of exactly that length, so a read past the end
// is caught by ASan). A freed handle is never used again, and nothing is freed
// twice: both are undefined behaviour in C, which no library can detect
// reliably (the memory may be reused by then), so the slot is emptied when its
// handle is freed. NULL handles, unknown ids, out-of-range indices, enum
// values outside their enum, options with unknown versions, colours that are
// not colours, wrong lengths and documents of every kind are all fair.
//
// After every call: a status is MYOREF_OK or one of the pinned codes; the
// last-error record says the same (MYOREF_OK and "no error" after a success;
// the code, a message, a path and readable diagnostics after a failure); a
// failed call with a `char** out` leaves *out NULL; a rejected session leaves
// the plan's document as it was; a knowledge base, intake, assessment or plan
// written as JSON reads back to the same JSON.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "fuzz_support.hpp"
#include "myoref/myoref.h"

namespace {

constexpr int kSlots = 3;

class Input {
 public:
  Input(const std::uint8_t* data, std::size_t size) : p_(data), n_(size) {}
  bool done() const { return n_ == 0; }
  std::uint8_t byte() {
    if (n_ == 0)
      return 0;
    --n_;
    return *p_++;
  }
  int slot() { return byte() % kSlots; }
  // Mostly small values around the valid ranges, sometimes anything.
  int integer() {
    const std::uint8_t b = byte();
    if (b < 224)
      return static_cast<int>(b % 16) - 2;
    std::uint32_t u = 0;
    for (int i = 0; i < 4; ++i)
      u = (u << 8U) | byte();
    return static_cast<int>(u);
  }
  std::size_t index() {
    const std::uint8_t b = byte();
    return b < 250 ? b % 64U : static_cast<std::size_t>(-1) - (b - 250U);
  }
  std::string text() {
    std::size_t len = byte();
    if (len == 255) {
      const std::size_t high = byte();
      len = high << 8U;
      len |= byte();
    }
    len = std::min(len, n_);
    std::string s(reinterpret_cast<const char*>(p_), len);
    p_ += len;
    n_ -= len;
    return s;
  }

 private:
  const std::uint8_t* p_;
  std::size_t n_;
};

// Text passed as (pointer, length) from a heap buffer of exactly that length
// (NULL when empty), or NUL-terminated with MYOREF_NTS.
class Text {
 public:
  // The text, then how to pass it, from the input.
  explicit Text(Input& in) : Text(in.text(), in) {}
  // Given text; how to pass it from the input.
  Text(const std::string& s, Input& in) : Text(s, in.byte()) {}
  Text(const std::string& s, std::uint8_t how)
      : size_(s.size()), nts_(how % 4 == 3 && s.find('\0') == std::string::npos) {
    const std::size_t n = nts_ ? s.size() + 1 : s.size();
    if (n > 0) {
      buf_.reset(new char[n]);
      std::memcpy(buf_.get(), s.data(), s.size());
      if (nts_)
        buf_[s.size()] = '\0';
    }
  }
  const char* data() const { return buf_.get(); }
  std::size_t size() const { return nts_ ? MYOREF_NTS : size_; }

 private:
  std::unique_ptr<char[]> buf_;
  std::size_t size_;
  bool nts_;
};

bool known_status(int status) {
  return status <= MYOREF_OK && status >= MYOREF_EINTERNAL;
}

// The promises of the last-error record after a call that returned `status`.
// With MYOREF_FUZZ_TRACE set, every call and its outcome is printed: how to
// read what a crash file (or a seed) does.
void check_status(int status, const char* call) {
  static const bool trace = std::getenv("MYOREF_FUZZ_TRACE") != nullptr;
  if (trace)
    std::fprintf(stderr, "%s -> %d %s\n", call, status, myoref_last_error()->message);
  FUZZ_CHECK(known_status(status), std::string(call) + ": status " + std::to_string(status));
  FUZZ_CHECK(status != MYOREF_EINTERNAL, std::string(call) + ": " + myoref_last_error()->message);
  const myoref_error* e = myoref_last_error();
  FUZZ_CHECK(e != nullptr && e->message != nullptr && e->path != nullptr, call);
  FUZZ_CHECK(e->code == status, std::string(call) + ": record " + std::to_string(e->code) +
                                    ", status " + std::to_string(status));
  if (status == MYOREF_OK) {
    FUZZ_CHECK(
        std::strcmp(e->message, "no error") == 0 && e->path[0] == '\0' && e->diagnostic_count == 0,
        call);
    return;
  }
  FUZZ_CHECK(e->message[0] != '\0', call);
  FUZZ_CHECK(e->path[0] == '\0' || e->path[0] == '/', std::string(call) + ": path " + e->path);
  for (std::size_t i = 0; i < e->diagnostic_count; ++i) {
    const char* path = myoref_last_error_diagnostic_path(i);
    const char* message = myoref_last_error_diagnostic_message(i);
    FUZZ_CHECK(path != nullptr && message != nullptr && message[0] != '\0', call);
  }
  FUZZ_CHECK(myoref_last_error_diagnostic_path(e->diagnostic_count) == nullptr, call);
}

// Checks a call that returns text through `out`, and frees it.
void check_text(int status, char* out, const char* call) {
  check_status(status, call);
  if (status == MYOREF_OK)
    FUZZ_CHECK(out != nullptr, call);
  else
    FUZZ_CHECK(out == nullptr, std::string(call) + ": *out is not NULL after a failure");
  myoref_string_free(out);
}

// Calls f(&out) for a function that returns text through `out`, then checks
// the status and the text, and frees it. (Not check_text(f(&out), out, ...):
// the arguments may be evaluated in any order.)
template <class F>
void text_call(const char* call, F f) {
  char* out = nullptr;
  const int status = f(&out);
  check_text(status, out, call);
}

std::string take(char* s) {
  std::string out = s != nullptr ? s : "";
  myoref_string_free(s);
  return out;
}

struct State {
  myoref_kb* kbs[kSlots] = {};
  myoref_intake* intakes[kSlots] = {};
  myoref_assessment* assessments[kSlots] = {};
  myoref_plan* plans[kSlots] = {};
  bool builtin[kSlots] = {};  // kbs[i] is the built-in knowledge base

  ~State() {
    for (int i = 0; i < kSlots; ++i) {
      myoref_kb_free(kbs[i]);
      myoref_intake_free(intakes[i]);
      myoref_assessment_free(assessments[i]);
      myoref_plan_free(plans[i]);
    }
  }
};

// An id of the knowledge base (by index, sometimes out of range), or text.
std::string some_id(Input& in, const myoref_kb* kb, int kind) {
  if (kb == nullptr || in.byte() % 4 == 0)
    return in.text();
  const std::size_t i = in.index();
  const char* id = nullptr;
  switch (kind) {
    case 0:
      id = myoref_kb_region_id(kb, i % (myoref_kb_region_count(kb) + 1));
      break;
    case 1:
      id = myoref_kb_finding_id(kb, i % (myoref_kb_finding_count(kb) + 1));
      break;
    case 2:
      id = myoref_kb_red_flag_id(kb, i % (myoref_kb_red_flag_count(kb) + 1));
      break;
    default:
      id = myoref_kb_candidate_key(kb, i % (myoref_kb_candidate_count(kb) + 1));
      break;
  }
  return id != nullptr ? id : "";
}

void kb_round_trip(const myoref_kb* kb) {
  char* json = nullptr;
  const int s = myoref_kb_to_json(&json, kb);
  check_status(s, "myoref_kb_to_json");
  if (s != MYOREF_OK)
    return;
  myoref_kb* again = nullptr;
  const int r = myoref_kb_open_json(&again, json, std::strlen(json));
  check_status(r, "myoref_kb_open_json (round trip)");
  FUZZ_CHECK(r == MYOREF_OK, myoref_last_error()->message);
  FUZZ_CHECK(std::strcmp(myoref_kb_hash(again), myoref_kb_hash(kb)) == 0, "hash after round trip");
  myoref_kb_free(again);
  myoref_string_free(json);
}

void kb_lookups(Input& in, const myoref_kb* kb) {
  const std::size_t i = in.index();
  (void)myoref_kb_id(kb);
  (void)myoref_kb_version(kb);
  (void)myoref_kb_title(kb);
  (void)myoref_kb_hash(kb);
  (void)myoref_kb_region_id(kb, i);
  (void)myoref_kb_region_name(kb, i);
  (void)myoref_kb_region_midline(kb, i);
  (void)myoref_kb_region_key(kb, i);
  (void)myoref_kb_region_key_region(kb, i);
  (void)myoref_kb_region_key_side(kb, i);
  (void)myoref_kb_muscle_id(kb, i);
  (void)myoref_kb_muscle_name(kb, i);
  (void)myoref_kb_muscle_midline(kb, i);
  (void)myoref_kb_muscle_alias(kb, i, in.index());
  (void)myoref_kb_muscle_alias_count(kb, i);
  (void)myoref_kb_candidate_key(kb, i);
  (void)myoref_kb_candidate_muscle(kb, i);
  (void)myoref_kb_candidate_side(kb, i);
  (void)myoref_kb_finding_id(kb, i);
  (void)myoref_kb_finding_question(kb, i);
  (void)myoref_kb_red_flag_id(kb, i);
  (void)myoref_kb_red_flag_question(kb, i);
  (void)myoref_kb_red_flag_advice(kb, i);
  (void)myoref_kb_red_flag_level(kb, i);
  text_call("myoref_kb_muscle_json",
            [&](char** text) { return myoref_kb_muscle_json(text, kb, i); });
  const std::string id = in.text();
  const Text t(id, in.byte());
  std::size_t found = 12345;
  using Find = int (*)(std::size_t*, const myoref_kb*, const char*, std::size_t);
  const Find finds[] = {myoref_kb_find_region,  myoref_kb_find_region_key,
                        myoref_kb_find_muscle,  myoref_kb_find_candidate,
                        myoref_kb_find_finding, myoref_kb_find_red_flag};
  const int s = finds[in.byte() % 6](&found, kb, t.data(), t.size());
  check_status(s, "myoref_kb_find_*");
  if (s != MYOREF_OK)
    FUZZ_CHECK(found == 12345, "a failed find changed *out");
}

void assessment_reads(Input& in, const myoref_assessment* a) {
  const std::size_t rank = in.index();
  const std::size_t i = in.index();
  (void)myoref_assessment_triage_level(a);
  (void)myoref_assessment_age_rule(a);
  (void)myoref_assessment_red_flag_count(a);
  (void)myoref_assessment_red_flag_id(a, i);
  (void)myoref_assessment_red_flag_level(a, i);
  (void)myoref_assessment_red_flag_advice(a, i);
  (void)myoref_assessment_advice_count(a);
  (void)myoref_assessment_advice(a, i);
  const std::size_t n = myoref_assessment_candidate_count(a);
  (void)myoref_assessment_candidate_key(a, rank);
  (void)myoref_assessment_candidate_muscle(a, rank);
  (void)myoref_assessment_candidate_side(a, rank);
  (void)myoref_assessment_candidate_name(a, rank);
  const int tied = myoref_assessment_candidate_tied(a, rank);
  if (a != nullptr && rank < n)
    FUZZ_CHECK(tied == 0 || tied == 1, std::to_string(tied));
  const double score = myoref_assessment_candidate_score(a, rank);
  if (a != nullptr && rank < n)
    FUZZ_CHECK(score > 0.0 && score <= 1.0, std::to_string(score));
  (void)myoref_assessment_candidate_explained_count(a, rank);
  (void)myoref_assessment_candidate_explained(a, rank, i);
  (void)myoref_assessment_candidate_unexplained_count(a, rank);
  (void)myoref_assessment_candidate_unexplained(a, rank, i);
  (void)myoref_assessment_candidate_findings_for_count(a, rank);
  (void)myoref_assessment_candidate_finding_for(a, rank, i);
  (void)myoref_assessment_candidate_findings_against_count(a, rank);
  (void)myoref_assessment_candidate_finding_against(a, rank, i);
  (void)myoref_assessment_candidate_basis_count(a, rank);
  (void)myoref_assessment_candidate_basis(a, rank, i);
  (void)myoref_assessment_cover_count(a);
  (void)myoref_assessment_cover(a, i);
  (void)myoref_assessment_unexplained_count(a);
  (void)myoref_assessment_unexplained(a, i);
  text_call("myoref_assessment_to_text",
            [&](char** text) { return myoref_assessment_to_text(text, a); });
  text_call("myoref_assessment_intake_json",
            [&](char** text) { return myoref_assessment_intake_json(text, a); });
}

// An assessment's JSON reads back (with its knowledge base) to the same JSON.
void assessment_round_trip(const myoref_kb* kb, const myoref_assessment* a, unsigned flags) {
  char* json = nullptr;
  const int s = myoref_assessment_to_json(&json, a, flags);
  check_status(s, "myoref_assessment_to_json");
  if (s != MYOREF_OK || kb == nullptr)
    return myoref_string_free(json);
  myoref_assessment* back = nullptr;
  const int r = myoref_assessment_from_json(&back, kb, json, std::strlen(json));
  check_status(r, "myoref_assessment_from_json (round trip)");
  if (r == MYOREF_OK) {
    char* again = nullptr;
    check_status(myoref_assessment_to_json(&again, back, flags), "myoref_assessment_to_json");
    FUZZ_CHECK(std::strcmp(again, json) == 0, json);
    myoref_string_free(again);
  } else {
    // Only another knowledge base than the assessment's may refuse it.
    FUZZ_CHECK(r == MYOREF_EMISMATCH, myoref_last_error()->message);
  }
  myoref_assessment_free(back);
  myoref_string_free(json);
}

void plan_options(Input& in, myoref_plan_options& o) {
  check_status(myoref_plan_options_init(&o, MYOREF_PLAN_OPTIONS_VERSION), "options_init");
  if (in.byte() % 2 == 0)
    return;
  o.version = static_cast<unsigned>(in.integer());
  o.release_trials = in.integer();
  o.relief_points = in.integer();
  o.relief_percent = in.integer();
  o.worsening_points = in.integer();
  o.worsening_sessions = in.integer();
  o.maintenance_sessions = in.integer();
  o.append_related = in.integer();
}

void plan_log(Input& in, myoref_plan* plan) {
  std::string session;
  if (in.byte() % 3 == 0) {
    session = in.text();
  } else {
    // A session for the plan as it stands, steered by the input.
    const char* target = myoref_plan_target(plan);
    const std::uint8_t b = in.byte();
    static const char* const steps[] = {"[]",
                                        R"(["release"])",
                                        R"(["release", "stretch"])",
                                        R"(["release", "stretch", "strengthen"])",
                                        R"(["stretch", "release"])",
                                        R"(["strengthen"])"};
    const int pain_before = in.integer();
    const int pain_after = in.integer();
    session = std::string(R"({"date": "2026-0)") + static_cast<char>('1' + b % 9) +
              R"(-15", "target": ")" + (target != nullptr ? target : "") + R"(", "steps": )" +
              steps[(b >> 4U) % 6] + ", \"pain_before\": " + std::to_string(pain_before) +
              ", \"pain_after\": " + std::to_string(pain_after) +
              ", \"red_flags\": " + (b % 7 == 0 ? R"(["saddle_numbness"])" : "[]") + "}";
  }
  char* before = nullptr;
  const int had = myoref_plan_to_json(&before, plan);
  check_status(had, "myoref_plan_to_json");
  const Text t(session, in.byte());
  char* decision = nullptr;
  const int s = myoref_plan_log(&decision, plan, t.data(), t.size());
  check_text(s, decision, "myoref_plan_log");
  if (s != MYOREF_OK && had == MYOREF_OK) {
    char* after = nullptr;
    check_status(myoref_plan_to_json(&after, plan), "myoref_plan_to_json");
    FUZZ_CHECK(std::strcmp(before, after) == 0, "a refused session changed the plan");
    myoref_string_free(after);
  }
  myoref_string_free(before);
}

void plan_round_trip(const myoref_kb* kb, const myoref_plan* plan) {
  char* json = nullptr;
  const int s = myoref_plan_to_json(&json, plan);
  check_status(s, "myoref_plan_to_json");
  if (s != MYOREF_OK || kb == nullptr)
    return myoref_string_free(json);
  myoref_plan* back = nullptr;
  const int r = myoref_plan_from_json(&back, kb, json, std::strlen(json));
  check_status(r, "myoref_plan_from_json (round trip)");
  if (r == MYOREF_OK) {
    FUZZ_CHECK(take([&] {
                 char* again = nullptr;
                 (void)myoref_plan_to_json(&again, back);
                 return again;
               }()) == json,
               json);
  } else {
    FUZZ_CHECK(r == MYOREF_EMISMATCH, myoref_last_error()->message);
  }
  myoref_plan_free(back);
  myoref_string_free(json);
}

void render(Input& in, State& st) {
  myoref_render_options o;
  check_status(myoref_render_options_init(&o, MYOREF_RENDER_OPTIONS_VERSION), "render options");
  std::string colour;
  std::string prefix;
  if (in.byte() % 2 == 1) {
    o.version = static_cast<unsigned>(in.integer());
    o.width_px = in.integer();
    o.legend = in.integer();
    colour = in.text();
    prefix = in.text();
    o.essential_colour = colour.c_str();
    o.id_prefix = prefix.c_str();
  }
  myoref_report_options r;
  check_status(myoref_report_options_init(&r, MYOREF_REPORT_OPTIONS_VERSION), "report options");
  r.ranked = in.index();
  r.charts = in.index();
  r.chart = &o;
  const myoref_kb* kb = st.kbs[in.slot()];
  const myoref_intake* intake = st.intakes[in.slot()];
  const myoref_assessment* a = st.assessments[in.slot()];
  const std::string key = some_id(in, kb, 3);
  const Text k(key, in.byte());
  switch (in.byte() % 5) {
    case 0:
      text_call("muscle_svg", [&](char** text) {
        return myoref_render_muscle_svg(text, kb, k.data(), k.size(), &o);
      });
      break;
    case 1:
      text_call("intake_svg",
                [&](char** text) { return myoref_render_intake_svg(text, intake, &o); });
      break;
    case 2:
      text_call("overlay_svg", [&](char** text) {
        return myoref_render_overlay_svg(text, intake, k.data(), k.size(), &o);
      });
      break;
    case 3:
      text_call("candidates_svg",
                [&](char** text) { return myoref_render_candidates_svg(text, a, in.index(), &o); });
      break;
    default:
      text_call("report_html", [&](char** text) {
        return myoref_render_report_html(text, a, in.byte() % 2 ? &r : nullptr);
      });
      break;
  }
}

void score_batch(Input& in, const myoref_kb* kb) {
  const std::size_t keys = kb != nullptr ? myoref_kb_region_key_count(kb) : 1;
  const std::size_t rows = in.byte() % 4;
  const std::size_t drawings_len = rows * keys + (in.byte() % 8 == 0 ? 1 : 0);
  const std::size_t cands = kb != nullptr ? myoref_kb_candidate_count(kb) : 1;
  const std::size_t out_len = rows * cands - (in.byte() % 8 == 0 && rows > 0 ? 1 : 0);
  std::vector<float> out(out_len + 1, -7.0F);  // one sentinel past the end
  const unsigned threads = in.byte() % 3;
  int s = 0;
  if (in.byte() % 2 == 0) {
    std::vector<std::uint8_t> d(drawings_len);
    for (auto& v : d)
      v = static_cast<std::uint8_t>(in.byte() % 12);
    s = myoref_score_batch_u8(out.data(), out_len, kb, d.empty() ? nullptr : d.data(), drawings_len,
                              threads);
  } else {
    std::vector<float> d(drawings_len);
    for (auto& v : d)
      v = static_cast<float>(in.integer()) / 2.0F;
    s = myoref_score_batch_f32(out.data(), out_len, kb, d.empty() ? nullptr : d.data(),
                               drawings_len, threads);
  }
  check_status(s, "myoref_score_batch");
  FUZZ_CHECK(out[out_len] == -7.0F, "score batch wrote past out_len");
  if (s != MYOREF_OK) {
    for (std::size_t i = 0; i < out_len; ++i)
      FUZZ_CHECK(out[i] == -7.0F, "a failed score batch wrote its output");
  }
}

void step(Input& in, State& st) {
  const std::uint8_t op = in.byte();
  char* out = nullptr;
  switch (op % 28) {
    case 0: {
      const int i = in.slot();
      st.builtin[i] = true;
      myoref_kb** kb = &st.kbs[i];
      myoref_kb_free(*kb);
      *kb = nullptr;
      check_status(myoref_kb_open_default(kb), "myoref_kb_open_default");
      break;
    }
    case 1: {
      const int i = in.slot();
      st.builtin[i] = false;
      myoref_kb** kb = &st.kbs[i];
      myoref_kb_free(*kb);
      *kb = reinterpret_cast<myoref_kb*>(&st);  // must come back NULL on failure
      const Text t(in);
      const int s = myoref_kb_open_json(kb, t.data(), t.size());
      check_status(s, "myoref_kb_open_json");
      if (s != MYOREF_OK)
        FUZZ_CHECK(*kb == nullptr, "*out not NULL after a failed open");
      break;
    }
    case 2: {
      const int i = in.slot();
      myoref_kb_free(st.kbs[i]);  // handles made with it stay valid
      st.kbs[i] = nullptr;
      break;
    }
    case 3:
      kb_lookups(in, st.kbs[in.slot()]);
      break;
    case 4: {
      // The built-in knowledge base's round trip (300 KB each way) is the kb
      // target's business; here it would take most of the time.
      const int i = in.slot();
      if (st.kbs[i] != nullptr && !st.builtin[i])
        kb_round_trip(st.kbs[i]);
      break;
    }
    case 5: {
      myoref_intake** intake = &st.intakes[in.slot()];
      myoref_intake_free(*intake);
      *intake = nullptr;
      check_status(myoref_intake_new(intake, st.kbs[in.slot()]), "myoref_intake_new");
      break;
    }
    case 6: {
      myoref_intake** intake = &st.intakes[in.slot()];
      myoref_intake_free(*intake);
      *intake = nullptr;
      const myoref_kb* kb = st.kbs[in.slot()];
      const Text t(in);
      check_status(myoref_intake_from_json(intake, kb, t.data(), t.size()), "intake_from_json");
      break;
    }
    case 7: {
      myoref_intake* intake = st.intakes[in.slot()];
      const std::string region = some_id(in, st.kbs[in.slot()], 0);
      const Text t(region, in.byte());
      const int side = in.integer();
      check_status(myoref_intake_add_pain(intake, t.data(), t.size(), side, in.integer()),
                   "myoref_intake_add_pain");
      break;
    }
    case 8: {
      myoref_intake* intake = st.intakes[in.slot()];
      const int which = in.byte() % 3;
      const std::string id = some_id(in, st.kbs[in.slot()], which == 2 ? 2 : 1);
      const Text t(id, in.byte());
      const int s = which == 0   ? myoref_intake_confirm_finding(intake, t.data(), t.size())
                    : which == 1 ? myoref_intake_deny_finding(intake, t.data(), t.size())
                                 : myoref_intake_confirm_red_flag(intake, t.data(), t.size());
      check_status(s, "myoref_intake_confirm/deny");
      break;
    }
    case 9: {
      myoref_intake* intake = st.intakes[in.slot()];
      check_status(myoref_intake_set_age(intake, in.integer()), "set_age");
      check_status(myoref_intake_set_duration_days(intake, in.integer()), "set_duration");
      check_status(myoref_intake_set_onset(intake, in.integer()), "set_onset");
      break;
    }
    case 10: {
      const myoref_intake* intake = st.intakes[in.slot()];
      const int valid = myoref_intake_validate(intake);
      check_status(valid, "myoref_intake_validate");
      const int s = myoref_intake_to_json(&out, intake);
      check_status(s, "myoref_intake_to_json");
      FUZZ_CHECK((s == MYOREF_OK) == (valid == MYOREF_OK), "to_json and validate disagree");
      const myoref_kb* kb = st.kbs[in.slot()];
      if (s == MYOREF_OK && kb != nullptr) {
        // It reads back with a knowledge base that has its ids.
        myoref_intake* back = nullptr;
        const int r = myoref_intake_from_json(&back, kb, out, MYOREF_NTS);
        check_status(r, "myoref_intake_from_json (round trip)");
        if (r == MYOREF_OK) {
          char* again = nullptr;
          check_status(myoref_intake_to_json(&again, back), "intake_to_json");
          FUZZ_CHECK(take(again) == out, out);
        }
        myoref_intake_free(back);
      }
      myoref_string_free(out);
      break;
    }
    case 11: {
      const int i = in.slot();
      myoref_intake_free(st.intakes[i]);
      st.intakes[i] = nullptr;
      break;
    }
    case 12: {
      myoref_assessment** a = &st.assessments[in.slot()];
      myoref_assessment_free(*a);
      *a = nullptr;
      check_status(myoref_assess(a, st.intakes[in.slot()]), "myoref_assess");
      break;
    }
    case 13: {
      const Text t(in);
      text_call("myoref_assess_json", [&](char** text) {
        return myoref_assess_json(text, st.kbs[in.slot()], t.data(), t.size());
      });
      break;
    }
    case 14: {
      myoref_assessment** a = &st.assessments[in.slot()];
      myoref_assessment_free(*a);
      *a = nullptr;
      const Text t(in);
      check_status(myoref_assessment_from_json(a, st.kbs[in.slot()], t.data(), t.size()),
                   "myoref_assessment_from_json");
      break;
    }
    case 15:
      assessment_reads(in, st.assessments[in.slot()]);
      break;
    case 16: {
      const myoref_assessment* a = st.assessments[in.slot()];
      const unsigned flags = static_cast<unsigned>(in.integer());
      if (a != nullptr && (flags & ~MYOREF_JSON_PRETTY) == 0)
        assessment_round_trip(st.kbs[in.slot()], a, flags);
      else
        text_call("assessment_to_json",
                  [&](char** text) { return myoref_assessment_to_json(text, a, flags); });
      break;
    }
    case 17: {
      const int i = in.slot();
      myoref_assessment_free(st.assessments[i]);
      st.assessments[i] = nullptr;
      break;
    }
    case 18:
      score_batch(in, st.kbs[in.slot()]);
      break;
    case 19: {
      myoref_plan** plan = &st.plans[in.slot()];
      myoref_plan_free(*plan);
      *plan = nullptr;
      myoref_plan_options o;
      plan_options(in, o);
      const myoref_assessment* a = st.assessments[in.slot()];
      const bool defaults = in.byte() % 4 == 0;
      check_status(myoref_plan_start(plan, a, defaults ? nullptr : &o), "myoref_plan_start");
      break;
    }
    case 20: {
      myoref_plan** plan = &st.plans[in.slot()];
      myoref_plan_free(*plan);
      *plan = nullptr;
      const Text t(in);
      check_status(myoref_plan_from_json(plan, st.kbs[in.slot()], t.data(), t.size()),
                   "myoref_plan_from_json");
      break;
    }
    case 21: {
      myoref_plan* plan = st.plans[in.slot()];
      if (plan != nullptr) {
        plan_log(in, plan);
      } else {
        const Text t(in);
        text_call("plan_log(NULL)",
                  [&](char** text) { return myoref_plan_log(text, plan, t.data(), t.size()); });
      }
      break;
    }
    case 22: {
      const myoref_plan* plan = st.plans[in.slot()];
      (void)myoref_plan_status(plan);
      (void)myoref_plan_target(plan);
      (void)myoref_plan_reason(plan);
      (void)myoref_plan_session_count(plan);
      text_call("myoref_plan_next", [&](char** text) { return myoref_plan_next(text, plan); });
      text_call("myoref_plan_next_text",
                [&](char** text) { return myoref_plan_next_text(text, plan); });
      if (plan != nullptr)
        plan_round_trip(st.kbs[in.slot()], plan);
      break;
    }
    case 23: {
      const int i = in.slot();
      myoref_plan_free(st.plans[i]);
      st.plans[i] = nullptr;
      break;
    }
    case 24: {
      const myoref_kb* kb = st.kbs[in.slot()];
      const Text a(in);
      const Text b(in);
      switch (in.byte() % 3) {
        case 0: {
          myoref_plan_options o;
          plan_options(in, o);
          text_call("myoref_plan_start_json", [&](char** text) {
            return myoref_plan_start_json(text, kb, a.data(), a.size(), &o);
          });
          break;
        }
        case 1:
          text_call("myoref_plan_next_json", [&](char** text) {
            return myoref_plan_next_json(text, kb, a.data(), a.size());
          });
          break;
        default: {
          char* decision = nullptr;
          const bool want = in.byte() % 2 == 0;
          const int s = myoref_plan_log_json(&out, want ? &decision : nullptr, kb, a.data(),
                                             a.size(), b.data(), b.size());
          check_text(s, out, "myoref_plan_log_json");
          if (want)
            FUZZ_CHECK((decision != nullptr) == (s == MYOREF_OK), "decision output");
          myoref_string_free(decision);
          break;
        }
      }
      break;
    }
    case 25:
      render(in, st);
      break;
    case 26: {
      // Reading the record never changes it.
      const myoref_error before = *myoref_last_error();
      (void)myoref_last_error_diagnostic_path(in.index());
      (void)myoref_last_error_diagnostic_message(in.index());
      FUZZ_CHECK(myoref_last_error()->code == before.code, "the record changed when read");
      if (in.byte() % 2 == 0) {
        myoref_last_error_clear();
        check_status(MYOREF_OK, "myoref_last_error_clear");
      }
      break;
    }
    default: {
      const int v = in.integer();
      (void)myoref_status_name(v);
      (void)myoref_side_name(v);
      (void)myoref_triage_level_name(v);
      (void)myoref_onset_name(v);
      (void)myoref_age_rule_name(v);
      (void)myoref_plan_status_name(v);
      FUZZ_CHECK(std::strcmp(myoref_version(), MYOREF_VERSION_STRING) == 0, "version");
      break;
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  Input in(data, size);
  State st;
  // Enough steps for a journey, few enough that one input stays fast.
  for (int steps = 0; steps < 64 && !in.done(); ++steps)
    step(in, st);
  return 0;
}
