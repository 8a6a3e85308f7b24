// The C API: knowledge-base handles and lookups.
#include <memory>

#include "c_api.hpp"

using myoref::capi::guard;
using myoref::capi::guard_value;
using myoref::capi::int_at;
using myoref::capi::string_at;

namespace {

// Reads the list a count function counts, or returns 0 with MYOREF_EINVAL.
#define MYOREF_KB_COUNT(kb, list)          \
  MYOREF_CHECK_ARG_OR(kb, std::size_t{0}); \
  return guard_value(__func__, std::size_t{0}, [&] { return (kb)->kb.list().size(); })

int store(myoref_kb** out, myoref::Expected<myoref::KnowledgeBase> loaded) {
  if (!loaded) {
    return myoref::capi::fail(loaded.error());
  }
  *out = new myoref_kb{std::move(*loaded)};
  return MYOREF_OK;
}

}  // namespace

extern "C" {

int myoref_kb_open_default(myoref_kb** out) {
  MYOREF_CHECK_OUT(out);
  return guard(__func__, [&] { return store(out, myoref::KnowledgeBase::builtin()); });
}

int myoref_kb_open_json(myoref_kb** out, const char* text, size_t len) {
  MYOREF_CHECK_OUT(out);
  MYOREF_CHECK_TEXT(text, len);
  return guard(__func__, [&] {
    return store(out, myoref::KnowledgeBase::from_json(myoref::capi::text_view(text, len)));
  });
}

int myoref_kb_localized(myoref_kb** out, const myoref_kb* kb, const char* locale, const char* pack,
                        size_t pack_len) {
  MYOREF_CHECK_OUT(out);
  MYOREF_CHECK_ARG(kb);
  MYOREF_CHECK_ARG(locale);
  if (pack != nullptr) {
    MYOREF_CHECK_TEXT(pack, pack_len);
  }
  return guard(__func__, [&] {
    const std::string_view pack_json =
        pack != nullptr ? myoref::capi::text_view(pack, pack_len) : std::string_view();
    return store(out, kb->kb.localized(locale, pack_json));
  });
}

const char* myoref_kb_locale(const myoref_kb* kb) {
  MYOREF_CHECK_ARG_OR(kb, nullptr);
  return guard_value<const char*>(__func__, nullptr, [&] { return kb->kb.locale().c_str(); });
}

void myoref_kb_free(myoref_kb* kb) {
  myoref::capi::free_handle(kb);
}

const char* myoref_kb_id(const myoref_kb* kb) {
  MYOREF_CHECK_ARG_OR(kb, nullptr);
  return guard_value<const char*>(__func__, nullptr, [&] { return kb->kb.id().c_str(); });
}

const char* myoref_kb_version(const myoref_kb* kb) {
  MYOREF_CHECK_ARG_OR(kb, nullptr);
  return guard_value<const char*>(__func__, nullptr, [&] { return kb->kb.version().c_str(); });
}

const char* myoref_kb_title(const myoref_kb* kb) {
  MYOREF_CHECK_ARG_OR(kb, nullptr);
  return guard_value<const char*>(__func__, nullptr, [&] { return kb->kb.title().c_str(); });
}

const char* myoref_kb_hash(const myoref_kb* kb) {
  MYOREF_CHECK_ARG_OR(kb, nullptr);
  return guard_value<const char*>(__func__, nullptr, [&] { return kb->kb.hash().c_str(); });
}

int myoref_kb_to_json(char** out, const myoref_kb* kb) {
  MYOREF_CHECK_OUT(out);
  MYOREF_CHECK_ARG(kb);
  return guard(__func__, [&] {
    *out = myoref::capi::to_c_string(kb->kb.to_json());
    return MYOREF_OK;
  });
}

// --- regions ---------------------------------------------------------------

size_t myoref_kb_region_count(const myoref_kb* kb) {
  MYOREF_KB_COUNT(kb, regions);
}

const char* myoref_kb_region_id(const myoref_kb* kb, size_t index) {
  MYOREF_CHECK_ARG_OR(kb, nullptr);
  return string_at(__func__, "region", kb->kb.regions(), index,
                   [](const myoref::Region& r) -> const std::string& { return r.id; });
}

const char* myoref_kb_region_name(const myoref_kb* kb, size_t index) {
  MYOREF_CHECK_ARG_OR(kb, nullptr);
  return string_at(__func__, "region", kb->kb.regions(), index,
                   [](const myoref::Region& r) -> const std::string& { return r.name; });
}

int myoref_kb_region_midline(const myoref_kb* kb, size_t index) {
  MYOREF_CHECK_ARG(kb);
  return int_at(__func__, "region", kb->kb.regions(), index, [](const myoref::Region& r) {
    return r.laterality == myoref::Laterality::midline ? 1 : 0;
  });
}

int myoref_kb_find_region(size_t* out, const myoref_kb* kb, const char* id, size_t len) {
  MYOREF_CHECK_ARG(out);
  MYOREF_CHECK_ARG(kb);
  MYOREF_CHECK_TEXT(id, len);
  const char* const fn = __func__;
  return guard(fn, [&] {
    const auto text = myoref::capi::text_view(id, len);
    const auto found = kb->kb.find_region(text);
    if (!found) {
      return myoref::capi::not_found(fn, "region", text, kb->kb.suggest_region(text));
    }
    *out = *found;
    return MYOREF_OK;
  });
}

// --- region keys -----------------------------------------------------------

size_t myoref_kb_region_key_count(const myoref_kb* kb) {
  MYOREF_KB_COUNT(kb, region_keys);
}

const char* myoref_kb_region_key(const myoref_kb* kb, size_t index) {
  MYOREF_CHECK_ARG_OR(kb, nullptr);
  return string_at(__func__, "region key", kb->kb.region_keys(), index,
                   [](const myoref::RegionKey& k) -> const std::string& { return k.key; });
}

const char* myoref_kb_region_key_region(const myoref_kb* kb, size_t index) {
  MYOREF_CHECK_ARG_OR(kb, nullptr);
  const auto regions = kb->kb.regions();
  return string_at(
      __func__, "region key", kb->kb.region_keys(), index,
      [&](const myoref::RegionKey& k) -> const std::string& { return regions[k.region].id; });
}

int myoref_kb_region_key_side(const myoref_kb* kb, size_t index) {
  MYOREF_CHECK_ARG(kb);
  return int_at(__func__, "region key", kb->kb.region_keys(), index,
                [](const myoref::RegionKey& k) { return myoref::capi::side_to_c(k.side); });
}

int myoref_kb_find_region_key(size_t* out, const myoref_kb* kb, const char* key, size_t len) {
  MYOREF_CHECK_ARG(out);
  MYOREF_CHECK_ARG(kb);
  MYOREF_CHECK_TEXT(key, len);
  const char* const fn = __func__;
  return guard(fn, [&] {
    const auto text = myoref::capi::text_view(key, len);
    const auto found = kb->kb.find_region_key(text);
    if (!found) {
      return myoref::capi::not_found(fn, "region key", text);
    }
    *out = *found;
    return MYOREF_OK;
  });
}

// --- muscles ---------------------------------------------------------------

size_t myoref_kb_muscle_count(const myoref_kb* kb) {
  MYOREF_KB_COUNT(kb, muscles);
}

const char* myoref_kb_muscle_id(const myoref_kb* kb, size_t index) {
  MYOREF_CHECK_ARG_OR(kb, nullptr);
  return string_at(__func__, "muscle", kb->kb.muscles(), index,
                   [](const myoref::Muscle& m) -> const std::string& { return m.id; });
}

const char* myoref_kb_muscle_name(const myoref_kb* kb, size_t index) {
  MYOREF_CHECK_ARG_OR(kb, nullptr);
  return string_at(__func__, "muscle", kb->kb.muscles(), index,
                   [](const myoref::Muscle& m) -> const std::string& { return m.name; });
}

int myoref_kb_muscle_midline(const myoref_kb* kb, size_t index) {
  MYOREF_CHECK_ARG(kb);
  return int_at(__func__, "muscle", kb->kb.muscles(), index,
                [](const myoref::Muscle& m) { return m.midline ? 1 : 0; });
}

size_t myoref_kb_muscle_alias_count(const myoref_kb* kb, size_t index) {
  MYOREF_CHECK_ARG_OR(kb, std::size_t{0});
  const char* const fn = __func__;
  return guard_value(fn, std::size_t{0}, [&] {
    const auto muscles = kb->kb.muscles();
    if (index >= muscles.size()) {
      myoref::capi::index_out_of_range(fn, "muscle", index, muscles.size());
      return std::size_t{0};
    }
    return muscles[index].aliases.size();
  });
}

const char* myoref_kb_muscle_alias(const myoref_kb* kb, size_t index, size_t alias) {
  MYOREF_CHECK_ARG_OR(kb, nullptr);
  const char* const fn = __func__;
  return guard_value<const char*>(fn, nullptr, [&]() -> const char* {
    const auto muscles = kb->kb.muscles();
    if (index >= muscles.size()) {
      myoref::capi::index_out_of_range(fn, "muscle", index, muscles.size());
      return nullptr;
    }
    return string_at(fn, "alias", muscles[index].aliases, alias,
                     [](const std::string& a) -> const std::string& { return a; });
  });
}

int myoref_kb_find_muscle(size_t* out, const myoref_kb* kb, const char* id_or_alias, size_t len) {
  MYOREF_CHECK_ARG(out);
  MYOREF_CHECK_ARG(kb);
  MYOREF_CHECK_TEXT(id_or_alias, len);
  const char* const fn = __func__;
  return guard(fn, [&] {
    const auto text = myoref::capi::text_view(id_or_alias, len);
    const auto found = kb->kb.find_muscle(text);
    if (!found) {
      return myoref::capi::not_found(fn, "muscle", text, kb->kb.suggest_muscle(text));
    }
    *out = *found;
    return MYOREF_OK;
  });
}

int myoref_kb_muscle_json(char** out, const myoref_kb* kb, size_t index) {
  MYOREF_CHECK_OUT(out);
  MYOREF_CHECK_ARG(kb);
  const char* const fn = __func__;
  return guard(fn, [&] {
    const auto count = kb->kb.muscles().size();
    if (index >= count) {
      return myoref::capi::index_out_of_range(fn, "muscle", index, count);
    }
    *out =
        myoref::capi::to_c_string(kb->kb.muscle_to_json(static_cast<myoref::MuscleIndex>(index)));
    return MYOREF_OK;
  });
}

// --- candidates ------------------------------------------------------------

size_t myoref_kb_candidate_count(const myoref_kb* kb) {
  MYOREF_KB_COUNT(kb, candidates);
}

const char* myoref_kb_candidate_key(const myoref_kb* kb, size_t index) {
  MYOREF_CHECK_ARG_OR(kb, nullptr);
  return string_at(__func__, "candidate", kb->kb.candidates(), index,
                   [](const myoref::Candidate& c) -> const std::string& { return c.key; });
}

const char* myoref_kb_candidate_muscle(const myoref_kb* kb, size_t index) {
  MYOREF_CHECK_ARG_OR(kb, nullptr);
  const auto muscles = kb->kb.muscles();
  return string_at(
      __func__, "candidate", kb->kb.candidates(), index,
      [&](const myoref::Candidate& c) -> const std::string& { return muscles[c.muscle].id; });
}

int myoref_kb_candidate_side(const myoref_kb* kb, size_t index) {
  MYOREF_CHECK_ARG(kb);
  return int_at(__func__, "candidate", kb->kb.candidates(), index,
                [](const myoref::Candidate& c) { return myoref::capi::side_to_c(c.side); });
}

int myoref_kb_find_candidate(size_t* out, const myoref_kb* kb, const char* key, size_t len) {
  MYOREF_CHECK_ARG(out);
  MYOREF_CHECK_ARG(kb);
  MYOREF_CHECK_TEXT(key, len);
  const char* const fn = __func__;
  return guard(fn, [&] {
    const auto text = myoref::capi::text_view(key, len);
    const auto found = kb->kb.find_candidate(text);
    if (!found) {
      return myoref::capi::not_found(fn, "candidate", text);
    }
    *out = *found;
    return MYOREF_OK;
  });
}

// --- findings --------------------------------------------------------------

size_t myoref_kb_finding_count(const myoref_kb* kb) {
  MYOREF_KB_COUNT(kb, findings);
}

const char* myoref_kb_finding_id(const myoref_kb* kb, size_t index) {
  MYOREF_CHECK_ARG_OR(kb, nullptr);
  return string_at(__func__, "finding", kb->kb.findings(), index,
                   [](const myoref::Finding& f) -> const std::string& { return f.id; });
}

const char* myoref_kb_finding_question(const myoref_kb* kb, size_t index) {
  MYOREF_CHECK_ARG_OR(kb, nullptr);
  return string_at(__func__, "finding", kb->kb.findings(), index,
                   [](const myoref::Finding& f) -> const std::string& { return f.question; });
}

int myoref_kb_find_finding(size_t* out, const myoref_kb* kb, const char* id, size_t len) {
  MYOREF_CHECK_ARG(out);
  MYOREF_CHECK_ARG(kb);
  MYOREF_CHECK_TEXT(id, len);
  const char* const fn = __func__;
  return guard(fn, [&] {
    const auto text = myoref::capi::text_view(id, len);
    const auto found = kb->kb.find_finding(text);
    if (!found) {
      return myoref::capi::not_found(fn, "finding", text, kb->kb.suggest_finding(text));
    }
    *out = *found;
    return MYOREF_OK;
  });
}

// --- red flags -------------------------------------------------------------

size_t myoref_kb_red_flag_count(const myoref_kb* kb) {
  MYOREF_KB_COUNT(kb, red_flags);
}

const char* myoref_kb_red_flag_id(const myoref_kb* kb, size_t index) {
  MYOREF_CHECK_ARG_OR(kb, nullptr);
  return string_at(__func__, "red flag", kb->kb.red_flags(), index,
                   [](const myoref::RedFlag& f) -> const std::string& { return f.id; });
}

const char* myoref_kb_red_flag_question(const myoref_kb* kb, size_t index) {
  MYOREF_CHECK_ARG_OR(kb, nullptr);
  return string_at(__func__, "red flag", kb->kb.red_flags(), index,
                   [](const myoref::RedFlag& f) -> const std::string& { return f.question; });
}

const char* myoref_kb_red_flag_advice(const myoref_kb* kb, size_t index) {
  MYOREF_CHECK_ARG_OR(kb, nullptr);
  return string_at(__func__, "red flag", kb->kb.red_flags(), index,
                   [](const myoref::RedFlag& f) -> const std::string& { return f.advice; });
}

int myoref_kb_red_flag_level(const myoref_kb* kb, size_t index) {
  MYOREF_CHECK_ARG(kb);
  return int_at(__func__, "red flag", kb->kb.red_flags(), index,
                [](const myoref::RedFlag& f) { return myoref::capi::triage_to_c(f.level); });
}

int myoref_kb_find_red_flag(size_t* out, const myoref_kb* kb, const char* id, size_t len) {
  MYOREF_CHECK_ARG(out);
  MYOREF_CHECK_ARG(kb);
  MYOREF_CHECK_TEXT(id, len);
  const char* const fn = __func__;
  return guard(fn, [&] {
    const auto text = myoref::capi::text_view(id, len);
    const auto found = kb->kb.find_red_flag(text);
    if (!found) {
      return myoref::capi::not_found(fn, "red flag", text, kb->kb.suggest_red_flag(text));
    }
    *out = *found;
    return MYOREF_OK;
  });
}

// --- precautions -----------------------------------------------------------

size_t myoref_kb_precaution_count(const myoref_kb* kb) {
  MYOREF_KB_COUNT(kb, precautions);
}

const char* myoref_kb_precaution_id(const myoref_kb* kb, size_t index) {
  MYOREF_CHECK_ARG_OR(kb, nullptr);
  return string_at(__func__, "precaution", kb->kb.precautions(), index,
                   [](const myoref::Precaution& p) -> const std::string& { return p.id; });
}

const char* myoref_kb_precaution_name(const myoref_kb* kb, size_t index) {
  MYOREF_CHECK_ARG_OR(kb, nullptr);
  return string_at(__func__, "precaution", kb->kb.precautions(), index,
                   [](const myoref::Precaution& p) -> const std::string& { return p.name; });
}

const char* myoref_kb_precaution_what(const myoref_kb* kb, size_t index) {
  MYOREF_CHECK_ARG_OR(kb, nullptr);
  return string_at(__func__, "precaution", kb->kb.precautions(), index,
                   [](const myoref::Precaution& p) -> const std::string& { return p.what; });
}

int myoref_kb_find_precaution(size_t* out, const myoref_kb* kb, const char* id, size_t len) {
  MYOREF_CHECK_ARG(out);
  MYOREF_CHECK_ARG(kb);
  MYOREF_CHECK_TEXT(id, len);
  const char* const fn = __func__;
  return guard(fn, [&] {
    const auto text = myoref::capi::text_view(id, len);
    const auto found = kb->kb.find_precaution(text);
    if (!found) {
      return myoref::capi::not_found(fn, "precaution", text, kb->kb.suggest_precaution(text));
    }
    *out = *found;
    return MYOREF_OK;
  });
}

}  // extern "C"
