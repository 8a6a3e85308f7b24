#include "i18n/kb_words.hpp"

#include <initializer_list>
#include <vector>

namespace myoref::detail {
namespace {

/// One kind of thing in the canonical form: the array (or top-level object)
/// that holds it, the first segment of its keys, and its word fields.
///
/// A field is a path of members: "name", "summary.text", "dose.frequency";
/// "x[]" walks an array by position (key segment 1, 2, ...); "x[id]" walks an
/// array of objects by their "id". The key is the prefix, the thing's id and
/// the path, with a statement's final ".text" left out:
/// muscle.gluteus_medius.actions.2, muscle.gluteus_medius.trigger_points.posterior.name.
struct Kind {
  const char* array = "";   ///< the member of the document ("" : the document itself)
  const char* prefix = "";  ///< the first segment of its keys
  bool by_id = false;       ///< an array of objects with ids; false: one object
  std::initializer_list<const char*> words;
  /// What the clinical form leaves out: members (with everything under them),
  /// "a.b" for a member of a member, "x[].y" for a member of each element.
  std::initializer_list<const char*> not_clinical;
};

// THE table (docs/languages.md, "What is words, what is content").
const Kind kKinds[] = {
    {"", "kb", false, {"title"}, {"title", "license", "version"}},
    {"citations", "citation", false, {}, {"citations[].text"}},
    {"regions", "region", true, {"name", "what"}, {"name", "what"}},
    {"findings", "finding", true, {"question", "what"}, {"question", "what"}},
    {"red_flags", "red_flag", true, {"question", "advice"}, {"question", "advice"}},
    {"age_rule", "age_rule", false, {"advice"}, {"advice"}},
    {"precautions", "precaution", true, {"name", "what", "changes[]"}, {"name", "what", "changes"}},
    {"screens", "screen", true, {"area"}, {"area"}},
    {"rules", "rule", true, {"reason", "advice"}, {"reason", "advice"}},
    {"lookalikes", "lookalike", true, {"name", "why", "advice"}, {"name", "why", "advice"}},
    {"muscles",
     "muscle",
     true,
     {"name", "summary.text", "location.text", "layer.over[]", "layer.under[]",
      "attachments.origin", "attachments.insertion", "actions[].text", "loaded_by[].text",
      "perpetuating_factors[].text", "symptoms[].text", "self_test.text", "trigger_points[id].name",
      "trigger_points[id].location", "differentials[].text"},
     {"name", "summary", "location", "layer", "attachments", "actions", "loaded_by",
      "perpetuating_factors", "symptoms", "self_test", "differentials", "trigger_points[].name",
      "trigger_points[].location"}},
    {"exercises",
     "exercise",
     true,
     {"name", "instructions[]", "dose.frequency", "cues[]", "cautions[]"},
     {"name", "instructions", "cues", "cautions", "dose.frequency"}},
};

using Visit = std::function<void(const std::string&, json::string&)>;

void walk(json::value& v, std::string_view spec, std::string key, const Visit& visit) {
  if (spec.empty()) {
    if (v.is_string())
      visit(key, v.get_string());
    return;
  }
  const std::size_t dot = spec.find('.');
  std::string_view seg = spec.substr(0, dot);
  const std::string_view rest =
      dot == std::string_view::npos ? std::string_view() : spec.substr(dot + 1);
  if (seg == "text" && rest.empty()) {
    // A statement's text: its key is the statement's.
    if (auto* o = v.if_object()) {
      if (auto* t = o->if_contains("text"))
        walk(*t, rest, key, visit);
    }
    return;
  }
  auto* o = v.if_object();
  if (o == nullptr)
    return;
  const std::size_t bracket = seg.find('[');
  const std::string_view name = seg.substr(0, bracket);
  json::value* member = o->if_contains(json::string_view(name.data(), name.size()));
  if (member == nullptr)
    return;
  key += '.';
  key += name;
  if (bracket == std::string_view::npos) {
    walk(*member, rest, key, visit);
    return;
  }
  auto* a = member->if_array();
  if (a == nullptr)
    return;
  const bool by_id = seg.substr(bracket) == "[id]";
  for (std::size_t i = 0; i < a->size(); ++i) {
    std::string k = key + '.';
    if (by_id) {
      const auto* e = (*a)[i].if_object();
      const auto* id = e ? e->if_contains("id") : nullptr;
      if (id == nullptr || !id->is_string())
        continue;
      k += std::string_view(id->get_string().data(), id->get_string().size());
    } else {
      k += std::to_string(i + 1);
    }
    walk((*a)[i], rest, k, visit);
  }
}

void erase(json::value& v, std::string_view spec) {
  auto* o = v.if_object();
  if (o == nullptr)
    return;
  const std::size_t dot = spec.find('.');
  std::string_view seg = spec.substr(0, dot);
  const std::size_t bracket = seg.find('[');
  if (dot == std::string_view::npos) {
    o->erase(json::string_view(seg.data(), seg.size()));
    return;
  }
  const std::string_view name = seg.substr(0, bracket);
  json::value* member = o->if_contains(json::string_view(name.data(), name.size()));
  if (member == nullptr)
    return;
  const std::string_view rest = spec.substr(dot + 1);
  if (bracket == std::string_view::npos) {
    erase(*member, rest);
    return;
  }
  if (auto* a = member->if_array()) {
    for (auto& e : *a)
      erase(e, rest);
  }
}

template <class F>
void each_thing(json::value& kb, const Kind& kind, F&& f) {
  auto* top = kb.if_object();
  if (top == nullptr)
    return;
  if (*kind.array == '\0') {
    f(kb, std::string(kind.prefix));
    return;
  }
  json::value* v = top->if_contains(kind.array);
  if (v == nullptr)
    return;
  if (!kind.by_id) {
    if (v->is_object()) {
      f(*v, std::string(kind.prefix));
    } else if (auto* a = v->if_array()) {
      for (auto& e : *a)
        f(e, std::string(kind.prefix));
    }
    return;
  }
  if (auto* a = v->if_array()) {
    for (auto& e : *a) {
      const auto* o = e.if_object();
      const auto* id = o ? o->if_contains("id") : nullptr;
      if (id == nullptr || !id->is_string())
        continue;
      f(e, std::string(kind.prefix) + '.' +
               std::string(id->get_string().data(), id->get_string().size()));
    }
  }
}

}  // namespace

void for_each_word(json::value& kb, const Visit& visit) {
  for (const Kind& kind : kKinds) {
    each_thing(kb, kind, [&](json::value& thing, const std::string& key) {
      for (const char* field : kind.words)
        walk(thing, field, key, visit);
    });
  }
}

void strip_words(json::value& kb) {
  for (const Kind& kind : kKinds) {
    for (const char* field : kind.not_clinical) {
      const std::string_view spec(field);
      if (*kind.array == '\0') {
        erase(kb, spec);
        continue;
      }
      // "citations[].text": each element of the document's array.
      if (spec.find('[') != std::string_view::npos && spec.rfind(kind.array, 0) == 0) {
        erase(kb, spec);
        continue;
      }
      auto* top = kb.if_object();
      json::value* v = top ? top->if_contains(kind.array) : nullptr;
      if (v == nullptr)
        continue;
      if (auto* a = v->if_array()) {
        for (auto& e : *a)
          erase(e, spec);
      } else {
        erase(*v, spec);
      }
    }
  }
}

}  // namespace myoref::detail
