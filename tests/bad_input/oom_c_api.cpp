// Out of memory at every allocation, through the C API: each scenario runs
// again and again with the Nth allocation of the library failing (N = 0, 1,
// 2, ... until a run needs no more than N), and every call must return
// MYOREF_OK or MYOREF_ENOMEM (or the scenario's own expected error), never
// crash, never terminate, never report anything else; a failed call leaves
// its pointer output NULL and its handles as they were. In a sanitizer build
// LeakSanitizer also checks that every failed path frees what it made.
//
//   oom_c_api SOURCE_DIR
#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <iterator>
#include <new>
#include <string>

#include "myoref/myoref.h"

namespace {

// The allocation countdown: when armed, the allocation that finds it at zero
// fails. Counted per process; the scenarios run on one thread.
long countdown = -1;  // < 0: not armed
bool failed = false;

void* allocate(std::size_t size) {
  if (countdown >= 0 && countdown-- == 0) {
    failed = true;
    throw std::bad_alloc();
  }
  void* p = std::malloc(size == 0 ? 1 : size);
  if (p == nullptr)
    throw std::bad_alloc();
  return p;
}

}  // namespace

// Every replaceable form of operator new goes through allocate(); the
// library's own allocations (it is linked in as a shared library) use these.
void* operator new(std::size_t size) {
  return allocate(size);
}
void* operator new[](std::size_t size) {
  return allocate(size);
}
void* operator new(std::size_t size, const std::nothrow_t&) noexcept {
  try {
    return allocate(size);
  } catch (...) {
    return nullptr;
  }
}
void* operator new[](std::size_t size, const std::nothrow_t&) noexcept {
  try {
    return allocate(size);
  } catch (...) {
    return nullptr;
  }
}
void operator delete(void* p) noexcept {
  std::free(p);
}
void operator delete[](void* p) noexcept {
  std::free(p);
}
void operator delete(void* p, std::size_t) noexcept {
  std::free(p);
}
void operator delete[](void* p, std::size_t) noexcept {
  std::free(p);
}

namespace {

int failures = 0;

std::string read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "cannot read %s\n", path.c_str());
    std::exit(2);
  }
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

// A call's status must be OK, ENOMEM (with its message) or `expected`.
bool acceptable(int status, int expected, const char* call, long n) {
  if (myoref_last_error()->code != status) {
    std::fprintf(stderr, "%s (allocation %ld failing): status %d, but the record says %d (%s)\n",
                 call, n, status, myoref_last_error()->code, myoref_last_error()->message);
    ++failures;
  }
  if (status == MYOREF_OK || status == expected)
    return true;
  if (status == MYOREF_ENOMEM) {
    const myoref_error* e = myoref_last_error();
    if (e->code != MYOREF_ENOMEM || e->message == nullptr || e->message[0] == '\0') {
      std::fprintf(stderr, "%s (allocation %ld failing): ENOMEM without its record\n", call, n);
      ++failures;
    }
    return true;
  }
  std::fprintf(stderr, "%s (allocation %ld failing): status %d (%s): %s\n", call, n, status,
               myoref_status_name(status), myoref_last_error()->message);
  ++failures;
  return false;
}

void check(bool ok, const char* what, long n) {
  if (!ok) {
    std::fprintf(stderr, "%s (allocation %ld failing)\n", what, n);
    ++failures;
  }
}

std::string take(char* s) {
  std::string out = s != nullptr ? s : "";
  myoref_string_free(s);
  return out;
}

// Runs `scenario` with allocation n failing, for n = 0, 1, ... until a run
// completes with no allocation failed. Returns how many runs that took.
long every_allocation(const char* name, const std::function<void(long)>& scenario) {
  long n = 0;
  for (;; ++n) {
    failed = false;
    countdown = n;
    scenario(n);
    countdown = -1;
    if (!failed)
      break;
  }
  std::printf("%s: out of memory at each of %ld allocations\n", name, n);
  return n;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: oom_c_api SOURCE_DIR\n");
    return 2;
  }
  const std::string data = std::string(argv[1]) + "/tests/data/plan/";
  const std::string bad = std::string(argv[1]) + "/tests/bad_input/";
  const std::string kb_text = read(data + "kb.json");
  const std::string intake_text = read(data + "intake-glute.json");
  const std::string plan_text = read(data + "plan-two-sessions.json");
  const std::string session_text = read(bad + "session-good.json");
  const std::string bad_intake = read(bad + "intake-several-problems.json");

  // A moment without memory does not take a knowledge base away for good:
  // neither the built-in one (loaded once per process) nor a hash computed
  // on first use.
  for (const long n : {0L, 50L, 5000L}) {
    myoref_kb* builtin = nullptr;
    countdown = n;
    const int s = myoref_kb_open_default(&builtin);
    countdown = -1;
    acceptable(s, MYOREF_OK, "myoref_kb_open_default", n);
    myoref_kb_free(builtin);
  }
  {
    myoref_kb* builtin = nullptr;
    const int s = myoref_kb_open_default(&builtin);
    check(s == MYOREF_OK, "the built-in knowledge base loads after a load ran out of memory", -1);
    myoref_kb_free(builtin);
  }

  myoref_kb* kb = nullptr;
  if (myoref_kb_open_json(&kb, kb_text.data(), kb_text.size()) != MYOREF_OK) {
    std::fprintf(stderr, "kb: %s\n", myoref_last_error()->message);
    return 2;
  }

  every_allocation("load a knowledge base", [&](long n) {
    myoref_kb* k = nullptr;
    const int s = myoref_kb_open_json(&k, kb_text.data(), kb_text.size());
    if (acceptable(s, MYOREF_OK, "myoref_kb_open_json", n) && s != MYOREF_OK)
      check(k == nullptr, "kb_open_json: *out not NULL after a failure", n);
    myoref_kb_free(k);
  });

  every_allocation("read an intake, assess it, write the assessment", [&](long n) {
    myoref_intake* intake = nullptr;
    int s = myoref_intake_from_json(&intake, kb, intake_text.data(), intake_text.size());
    if (!acceptable(s, MYOREF_OK, "myoref_intake_from_json", n) || s != MYOREF_OK)
      return;
    myoref_assessment* a = nullptr;
    s = myoref_assess(&a, intake);
    if (acceptable(s, MYOREF_OK, "myoref_assess", n) && s == MYOREF_OK) {
      char* json = nullptr;
      s = myoref_assessment_to_json(&json, a, MYOREF_JSON_PRETTY);
      if (acceptable(s, MYOREF_OK, "myoref_assessment_to_json", n) && s != MYOREF_OK)
        check(json == nullptr, "assessment_to_json: *out not NULL", n);
      myoref_string_free(json);
      (void)myoref_assessment_candidate_basis(a, 0, 0);
    }
    myoref_assessment_free(a);
    myoref_intake_free(intake);
  });

  every_allocation("refuse an intake with six problems", [&](long n) {
    char* out = nullptr;
    const int s = myoref_assess_json(&out, kb, bad_intake.data(), bad_intake.size());
    if (acceptable(s, MYOREF_EINPUT, "myoref_assess_json", n) && s == MYOREF_EINPUT) {
      check(myoref_last_error()->diagnostic_count == 6, "all six problems listed", n);
    }
    check(out == nullptr, "assess_json on a bad intake: *out not NULL", n);
    myoref_string_free(out);
  });

  // The scenarios above ran out of memory while the hash was first computed.
  check(std::string(myoref_kb_hash(kb)).size() == 64,
        "the knowledge base's hash after running out of memory computing it", -1);
  myoref_plan* plan = nullptr;
  if (myoref_plan_from_json(&plan, kb, plan_text.data(), plan_text.size()) != MYOREF_OK) {
    std::fprintf(stderr, "plan: %s\n", myoref_last_error()->message);
    return 2;
  }
  char* doc = nullptr;
  (void)myoref_plan_to_json(&doc, plan);
  const std::string plan_before = take(doc);

  every_allocation("read a plan", [&](long n) {
    myoref_plan* p = nullptr;
    const int s = myoref_plan_from_json(&p, kb, plan_text.data(), plan_text.size());
    if (acceptable(s, MYOREF_OK, "myoref_plan_from_json", n) && s != MYOREF_OK)
      check(p == nullptr, "plan_from_json: *out not NULL", n);
    myoref_plan_free(p);
  });

  every_allocation("log a session (a failed log changes nothing)", [&](long n) {
    myoref_plan* copy = nullptr;
    countdown = -1;  // the copy is made with memory to spare
    (void)myoref_plan_from_json(&copy, kb, plan_before.data(), plan_before.size());
    countdown = n;
    char* decision = nullptr;
    const int s = myoref_plan_log(&decision, copy, session_text.data(), session_text.size());
    const bool hit = failed;
    countdown = -1;
    if (acceptable(s, MYOREF_OK, "myoref_plan_log", n) && s != MYOREF_OK) {
      check(decision == nullptr, "plan_log: *out not NULL", n);
      char* after = nullptr;
      (void)myoref_plan_to_json(&after, copy);
      check(take(after) == plan_before, "a log that ran out of memory changed the plan", n);
    }
    myoref_string_free(decision);
    myoref_plan_free(copy);
    failed = hit;
  });

  myoref_plan_free(plan);
  myoref_kb_free(kb);
  std::printf("%s\n",
              failures == 0 ? "no call crashed, misreported or changed a handle" : "FAILED");
  return failures == 0 ? 0 : 1;
}
