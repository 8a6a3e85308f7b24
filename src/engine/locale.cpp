// KnowledgeBase::localized() and check_locale(): a knowledge base's words and
// the library's sentences in another language (docs/languages.md).
//
// Localizing rewrites the words of the canonical form (i18n/kb_words.hpp) from
// the locale's packs, loads the result with the locale's message catalogue,
// and keeps the hash: the clinical content is the same by construction.
#include <algorithm>
#include <cctype>
#include <initializer_list>
#include <map>
#include <memory>
#include <mutex>
#include <new>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "engine/engine.hpp"
#include "i18n/kb_words.hpp"
#include "i18n/messages.hpp"
#include "kb/kb_access.hpp"
#include "kb/kb_data.hpp"
#include "kb/kb_writer.hpp"
#include "myoref/kb.hpp"
#include "util/json.hpp"

namespace myoref {
namespace detail {
namespace {

/// A host's locale pack may give a whole language: one flat object of every
/// key (about 6,500 today, each up to a paragraph), far more members and bytes
/// than any intake or session may have.
const JsonLimits kLocalePackLimits = {
    /*max_bytes=*/16U << 20U, /*max_depth=*/4, /*max_array=*/16, /*max_object=*/1U << 16U,
    /*max_string=*/1U << 16U};

const json::object& embedded() {
  static const json::value v =
      json::parse(json::string_view(embedded_locales().data(), embedded_locales().size()));
  return v.as_object();
}

/// "es_mx" -> "es-MX", " ES " -> "es", "" -> "en".
std::string normalise(std::string_view tag) {
  while (!tag.empty() && std::isspace(static_cast<unsigned char>(tag.front())) != 0)
    tag.remove_prefix(1);
  while (!tag.empty() && std::isspace(static_cast<unsigned char>(tag.back())) != 0)
    tag.remove_suffix(1);
  std::string out;
  bool region = false;
  for (const char c : tag) {
    if (c == '_' || c == '-') {
      out += '-';
      region = true;
      continue;
    }
    const auto u = static_cast<unsigned char>(c);
    out += static_cast<char>(region ? std::toupper(u) : std::tolower(u));
  }
  return out.empty() ? std::string("en") : out;
}

/// "es-MX" -> {"es-MX", "es", "en"}.
std::vector<std::string> fallback_chain(const std::string& tag) {
  std::vector<std::string> chain;
  std::string t = tag;
  while (!t.empty()) {
    chain.push_back(t);
    const std::size_t dash = t.rfind('-');
    if (dash == std::string::npos)
      break;
    t.resize(dash);
  }
  if (chain.back() != "en")
    chain.emplace_back("en");
  return chain;
}

bool valid_tag(const std::string& tag) {
  if (tag.empty() || tag.size() > 35)
    return false;
  for (const char c : tag) {
    if (std::isalnum(static_cast<unsigned char>(c)) == 0 && c != '-')
      return false;
  }
  return tag.front() != '-' && tag.back() != '-';
}

/// A translation: a text, or plural forms.
struct Text {
  std::string one;
  std::string other;
  bool plural = false;
};

using Texts = std::map<std::string, Text, std::less<>>;

struct Translations {
  std::string tag;
  std::vector<std::string> chain;
  Texts kb;        ///< knowledge-base words by key
  Texts messages;  ///< catalogue messages by key
};

/// Adds one flat object of key -> text; `path` names it in diagnostics.
void add_object(const json::object& o, Texts& kb, Texts& messages, bool split,
                std::vector<Diagnostic>& problems) {
  const Catalogue& en = english_catalogue();
  for (const auto& kv : o) {
    const std::string key(kv.key());
    if (!key.empty() && key.front() == '@')
      continue;  // a note for translators
    Text t;
    if (kv.value().is_string()) {
      t.one = t.other = std::string(kv.value().get_string());
    } else if (kv.value().is_object() && kv.value().get_object().if_contains("other") &&
               kv.value().get_object().at("other").is_string()) {
      const auto& p = kv.value().get_object();
      t.plural = true;
      t.other = std::string(p.at("other").get_string());
      const auto* one = p.if_contains("one");
      t.one = one && one->is_string() ? std::string(one->get_string()) : t.other;
    } else {
      problems.push_back(
          {pointer("", key), "expected a text, or {\"one\": ..., \"other\": ...} for a plural"});
      continue;
    }
    // An empty translation is no translation: the English text stays.
    if (t.other.find_first_not_of(" \t\n") == std::string::npos)
      continue;
    Texts& into = !split || en.has(key) ? messages : kb;
    into[key] = std::move(t);
  }
}

Expected<Translations> gather(std::string_view locale, std::string_view pack_json) {
  Translations tr;
  tr.tag = normalise(locale);
  if (!valid_tag(tr.tag)) {
    return Error(ErrorCode::invalid_argument, "not a language tag: " + quoted(locale),
                 {{"", "expected a tag such as \"es\", \"es-MX\" or \"en\""}});
  }
  tr.chain = fallback_chain(tr.tag);
  std::vector<Diagnostic> problems;
  // From the most general to the most specific, so that es-MX overrides es.
  for (auto it = tr.chain.rbegin(); it != tr.chain.rend(); ++it) {
    const auto* lang = embedded().if_contains(*it);
    if (lang == nullptr)
      continue;
    if (*it == "en")
      continue;  // English is the source: the knowledge base and the catalogue
    if (const auto* k = lang->as_object().if_contains("kb"))
      add_object(k->as_object(), tr.kb, tr.kb, false, problems);
    if (const auto* m = lang->as_object().if_contains("messages"))
      add_object(m->as_object(), tr.messages, tr.messages, false, problems);
  }
  // Only "en" (or en-XX) is known without data of its own.
  // English (en, en-GB, ...) is the source language: it needs no data.
  bool has_data = tr.tag == "en" || tr.tag.rfind("en-", 0) == 0;
  for (const auto& c : tr.chain)
    has_data = has_data || (c != "en" && embedded().if_contains(c) != nullptr);
  if (!pack_json.empty()) {
    auto parsed = parse_json(pack_json, kLocalePackLimits, "locale pack");
    if (!parsed)
      return std::move(parsed).error();
    if (!parsed->is_object()) {
      return Error(ErrorCode::invalid_input, "the locale pack is not valid",
                   {{"", "expected an object of key -> text"}});
    }
    add_object(parsed->get_object(), tr.kb, tr.messages, true, problems);
    has_data = true;
  }
  if (!problems.empty()) {
    const std::size_t n = problems.size();
    return Error(ErrorCode::invalid_input,
                 "the locale pack has " + std::to_string(n) + (n == 1 ? " error" : " errors"),
                 std::move(problems));
  }
  if (!has_data) {
    std::string known_list;
    for (const auto& kv : embedded())
      known_list += (known_list.empty() ? "" : ", ") + std::string(kv.key());
    return Error(ErrorCode::not_found, "no language " + quoted(tr.tag) + " in this library",
                 {{"", "the languages built in are " + known_list +
                           "; another needs a locale pack (docs/languages.md)"}});
  }
  return tr;
}

std::shared_ptr<const Catalogue> make_catalogue(const Translations& tr) {
  auto c = std::make_shared<Catalogue>(english_catalogue());
  c->locale = tr.tag;
  for (const auto& kv : tr.messages) {
    const auto it = c->messages.find(kv.first);
    if (it == c->messages.end())
      continue;  // a key the library does not use: reported by the check
    Message& m = it->second;
    m.other = kv.second.other;
    m.one = m.plural ? kv.second.one : kv.second.other;
  }
  const auto sep = c->messages.find("number.decimal_separator");
  if (sep != c->messages.end() && sep->second.other.size() == 1)
    c->decimal = sep->second.other[0];
  return c;
}

Expected<KnowledgeBase> build(const KnowledgeBase& kb, const Translations& tr) {
  json::value v = kb_to_json_value(model_of(kb));
  for_each_word(v, [&](const std::string& key, json::string& text) {
    const auto it = tr.kb.find(key);
    if (it != tr.kb.end())
      text = json::string_view(it->second.other.data(), it->second.other.size());
  });
  const std::string text = json::serialize(v);
  auto out = load_knowledge_base(text, KbLimits{}, make_catalogue(tr), tr.tag);
  if (!out) {
    // A translated word the loader refuses (blank, too long): a bug in the pack.
    return Error(out.error().code(), "the knowledge base in " + quoted(tr.tag) + " does not load",
                 out.error().diagnostics());
  }
  // The source's names, for the words a plan document records (in English).
  auto& built = const_cast<KbData&>(model_of(*out));  // NOLINT: not shared yet
  built.source_muscle_names.reserve(kb.muscles().size());
  for (const Muscle& m : kb.muscles())
    built.source_muscle_names.push_back(m.name);
  built.source_advice.reserve(kb.red_flags().size() + kb.triage_rules().size() + 1);
  for (const RedFlag& f : kb.red_flags())
    built.source_advice.push_back(f.advice);
  for (const TriageRule& r : kb.triage_rules())
    built.source_advice.push_back(r.advice);
  built.source_advice.push_back(kb.age_rule().advice);
  // The clinical content is the same, so is the hash: no need to compute it.
  const KbData& data = model_of(*out);
  const std::string& hash = kb.hash();
  if (!hash.empty())
    std::call_once(data.hash_once, [&data, &hash] { data.hash = hash; });
  return out;
}

/// Messages whose sentence may be built another way in another language: the
/// library passes these placeholders too, and a translation may use them in
/// place of the English one. A red flag has no short name but its id, which
/// reads as English ("saddle numbness"): a translation names it by its
/// question; a rule's reason already names it.
struct Flexible {
  const char* key = nullptr;
  std::initializer_list<const char*> may_drop;
  std::initializer_list<const char*> may_add;
};
const Flexible kFlexible[] = {
    {"text.red_flag_line", {"name"}, {"question"}},
    {"text.rule_line", {"name"}, {}},
};

bool flexible(std::string_view key, std::string_view placeholder, bool dropped) {
  for (const Flexible& f : kFlexible) {
    if (key != f.key)
      continue;
    for (const char* p : dropped ? f.may_drop : f.may_add) {
      if (placeholder == p)
        return true;
    }
  }
  return false;
}

std::vector<std::string> word_keys(const KnowledgeBase& kb,
                                   std::map<std::string, std::string>* english) {
  json::value v = kb_to_json_value(model_of(kb));
  std::vector<std::string> keys;
  for_each_word(v, [&](const std::string& key, json::string& text) {
    keys.push_back(key);
    if (english != nullptr)
      (*english)[key] = std::string(text);
  });
  return keys;
}

}  // namespace
}  // namespace detail

namespace detail {
bool builtin_word_is(std::string_view key, std::string_view text) {
  const json::string_view k(key.data(), key.size());
  for (const auto& lang : embedded()) {
    const auto* words = lang.value().as_object().if_contains("kb");
    const auto* said = words != nullptr ? words->as_object().if_contains(k) : nullptr;
    if (said != nullptr && said->is_string() && said->get_string() == text)
      return true;
  }
  return false;
}

const Catalogue& catalogue_for(std::string_view locale) {
  if (locale.empty() || locale == "en")
    return english_catalogue();
  // Made once per language and kept for the life of the program.
  static std::mutex mutex;
  static std::map<std::string, std::shared_ptr<const Catalogue>, std::less<>> made;
  const std::lock_guard<std::mutex> lock(mutex);
  const auto it = made.find(locale);
  if (it != made.end())
    return *it->second;
  auto tr = gather(locale, {});
  if (!tr)
    return english_catalogue();
  std::shared_ptr<const Catalogue> c = make_catalogue(*tr);
  made.emplace(std::string(locale), c);
  return *c;
}
}  // namespace detail

std::string KnowledgeBase::message(std::string_view key) const {
  return detail::catalogue(*this).get(key);
}

std::string KnowledgeBase::dose_text(const Dose& dose) const {
  return detail::dose_text(detail::catalogue(*this), dose);
}

const std::string& KnowledgeBase::locale() const noexcept {
  return d_->locale;
}

std::vector<std::string> KnowledgeBase::builtin_locales() {
  std::vector<std::string> out;
  for (const auto& kv : detail::embedded())
    out.emplace_back(kv.key());
  return out;
}

Expected<KnowledgeBase> KnowledgeBase::localized(std::string_view locale,
                                                 std::string_view pack_json) const {
  try {
    if (!d_->loaded)
      return Error(ErrorCode::invalid_argument, "an empty knowledge base has no words");
    auto tr = detail::gather(locale, pack_json);
    if (!tr)
      return std::move(tr).error();
    // Always from the English words: localizing a localized base again starts
    // from its source, so that a string es lacks never shows in es-MX's
    // neighbour language.
    if (d_->locale != "en") {
      return Error(ErrorCode::invalid_argument,
                   "localize the knowledge base in its source language (en), not " +
                       detail::quoted(d_->locale));
    }
    const bool plain = tr->kb.empty() && tr->messages.empty();
    if (plain && pack_json.empty() && tr->tag == "en")
      return *this;
    if (!pack_json.empty())
      return detail::build(*this, *tr);
    const std::lock_guard<std::mutex> lock(d_->localized_mutex);
    const auto it = d_->localized.find(tr->tag);
    if (it != d_->localized.end())
      return it->second;
    auto out = detail::build(*this, *tr);
    if (!out)
      return out;
    d_->localized.emplace(tr->tag, *out);
    return out;
  } catch (const std::bad_alloc&) {
    return Error(ErrorCode::out_of_memory, "out of memory while translating the knowledge base");
  }
}

Expected<LocaleCheck> KnowledgeBase::check_locale(std::string_view locale,
                                                  std::string_view pack_json) const {
  try {
    auto tr = detail::gather(locale, pack_json);
    if (!tr)
      return std::move(tr).error();
    LocaleCheck out;
    out.locale = tr->tag;
    out.chain = tr->chain;
    std::map<std::string, std::string> english;
    const std::vector<std::string> keys = detail::word_keys(*this, &english);
    const detail::Catalogue& en = detail::english_catalogue();
    out.kb_keys = keys.size();
    out.message_keys = en.messages.size();
    if (tr->tag == "en")
      return out;  // the source language: nothing to translate
    const auto compare = [&](const std::string& key, const std::string& source,
                             const std::string& translation) {
      const auto a = detail::placeholders(source);
      const auto b = detail::placeholders(translation);
      for (const auto& p : a) {
        if (std::find(b.begin(), b.end(), p) == b.end() && !detail::flexible(key, p, true)) {
          std::string line = key;
          line += ": lost {";
          line += p;
          line += '}';
          out.placeholders.push_back(std::move(line));
        }
      }
      for (const auto& p : b) {
        if (std::find(a.begin(), a.end(), p) == a.end() && !detail::flexible(key, p, false)) {
          std::string line = key;
          line += ": added {";
          line += p;
          line += '}';
          out.placeholders.push_back(std::move(line));
        }
      }
    };
    std::set<std::string> expected;
    for (const auto& key : keys) {
      expected.insert(key);
      const auto it = tr->kb.find(key);
      if (it == tr->kb.end()) {
        out.missing.push_back(key);
      } else {
        compare(key, english[key], it->second.other);
      }
    }
    for (const auto& kv : en.messages) {
      expected.insert(kv.first);
      const auto it = tr->messages.find(kv.first);
      if (it == tr->messages.end()) {
        out.missing.push_back(kv.first);
        continue;
      }
      compare(kv.first, kv.second.other, it->second.other);
      if (kv.second.plural) {
        if (!it->second.plural) {
          out.placeholders.push_back(kv.first + ": plural forms missing (one, other)");
        } else {
          compare(kv.first + " (one)", kv.second.one, it->second.one);
        }
      }
    }
    for (const auto& kv : tr->kb) {
      if (expected.count(kv.first) == 0)
        out.unknown.push_back(kv.first);
    }
    for (const auto& kv : tr->messages) {
      if (expected.count(kv.first) == 0)
        out.unknown.push_back(kv.first);
    }
    std::sort(out.missing.begin(), out.missing.end());
    std::sort(out.unknown.begin(), out.unknown.end());
    return out;
  } catch (const std::bad_alloc&) {
    return Error(ErrorCode::out_of_memory, "out of memory while checking a language");
  }
}

}  // namespace myoref
