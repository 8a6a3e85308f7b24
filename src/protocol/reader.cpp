#include "protocol/reader.hpp"

#include <algorithm>
#include <cstdint>

#include "myoref/spellings.hpp"

namespace myoref::detail {

const json::object* Reader::object(const json::value& v, std::string_view path,
                                   const std::vector<std::string_view>& known,
                                   const std::vector<std::string_view>& required) {
  const json::object* o = v.if_object();
  if (o == nullptr) {
    fail(std::string(path), words->get("error.expected_object"));
    return nullptr;
  }
  for (const auto& kv : *o) {
    const std::string_view key(kv.key().data(), kv.key().size());
    if (std::find(known.begin(), known.end(), key) == known.end()) {
      const std::string suggestion = closest(key, known);
      fail(pointer(path, key),
           words->get("error.unknown_field_plain",
                      {{"suggestion", suggestion.empty() ? std::string()
                                                         : words->get("error.did_you_mean",
                                                                      {{"id", suggestion}})}}));
    }
  }
  for (const std::string_view key : required) {
    if (o->find(json::string_view(key.data(), key.size())) == o->end()) {
      fail(pointer(path, key), words->get("error.missing_required"));
    }
  }
  return o;
}

const json::value* Reader::member(const json::object& o, std::string_view key) {
  const auto it = o.find(json::string_view(key.data(), key.size()));
  return it == o.end() ? nullptr : &it->value();
}

std::optional<std::string> Reader::string(const json::value& v, std::string_view path) {
  if (!v.is_string()) {
    fail(std::string(path), words->get("error.expected_string"));
    return std::nullopt;
  }
  return std::string(v.get_string().data(), v.get_string().size());
}

std::optional<std::string> Reader::nonempty_string(const json::value& v, std::string_view path) {
  auto s = string(v, path);
  if (s && s->empty()) {
    fail(std::string(path), words->get("error.empty"));
    return std::nullopt;
  }
  return s;
}

std::optional<int> Reader::integer(const json::value& v, std::string_view path, int lo, int hi) {
  std::int64_t n = 0;
  if (v.is_int64()) {
    n = v.get_int64();
  } else if (v.is_uint64()) {
    // Only ever too large here: the parser gives uint64 to numbers above int64.
    n = INT64_MAX;
  } else {
    fail(std::string(path),
         words->get(v.is_double() ? "error.expected_whole" : "error.expected_integer_plain"));
    return std::nullopt;
  }
  if (n < lo || n > hi) {
    fail(std::string(path),
         words->get("error.integer_range", {{"lo", lo},
                                            {"hi", hi},
                                            {"value", v.is_uint64() ? std::to_string(v.get_uint64())
                                                                    : std::to_string(n)}}));
    return std::nullopt;
  }
  return static_cast<int>(n);
}

std::optional<bool> Reader::boolean(const json::value& v, std::string_view path) {
  if (!v.is_bool()) {
    fail(std::string(path), words->get("error.expected_boolean"));
    return std::nullopt;
  }
  return v.get_bool();
}

const json::array* Reader::array(const json::value& v, std::string_view path,
                                 std::size_t max_size) {
  const json::array* a = v.if_array();
  if (a == nullptr) {
    fail(std::string(path), words->get("error.expected_array"));
    return nullptr;
  }
  if (a->size() > max_size) {
    fail(std::string(path), words->get("error.more_than", {{"max", max_size}}));
    return nullptr;
  }
  return a;
}

std::optional<std::vector<std::string>> Reader::strings(const json::value& v, std::string_view path,
                                                        std::size_t max_size) {
  const json::array* a = array(v, path, max_size);
  if (a == nullptr) {
    return std::nullopt;
  }
  std::vector<std::string> out;
  bool good = true;
  for (std::size_t i = 0; i < a->size(); ++i) {
    auto s = string((*a)[i], pointer(path, i));
    if (s) {
      out.push_back(std::move(*s));
    } else {
      good = false;
    }
  }
  if (!good) {
    return std::nullopt;
  }
  return out;
}

std::optional<SessionLog> read_session(Reader& r, const json::value& v, std::string_view base) {
  static const std::vector<std::string_view> kFields = {"date",        "target",     "steps",
                                                        "pain_before", "pain_after", "red_flags"};
  const std::size_t before = r.problems.size();
  const json::object* o = r.object(v, base, kFields, kFields);
  if (o == nullptr) {
    return std::nullopt;
  }
  SessionLog s;
  if (const auto* m = Reader::member(*o, "date")) {
    if (auto t = r.string(*m, pointer(base, "date")))
      s.date = std::move(*t);
  }
  if (const auto* m = Reader::member(*o, "target")) {
    if (auto t = r.nonempty_string(*m, pointer(base, "target")))
      s.target = std::move(*t);
  }
  if (const auto* m = Reader::member(*o, "steps")) {
    const std::string path = pointer(base, "steps");
    // A session has at most one of each step; more is refused by the rules,
    // but a long list is refused here before it costs anything.
    if (auto names = r.strings(*m, path, 16)) {
      for (std::size_t i = 0; i < names->size(); ++i) {
        const std::string& name = (*names)[i];
        if (auto step = parse_step(name)) {
          s.steps.push_back(*step);
        } else {
          const std::string suggestion = closest(name, spellings<Step>());
          r.fail(pointer(path, i),
                 r.words->get(
                     "error.unknown_step",
                     {{"name", quoted(name)},
                      {"suggestion", suggestion.empty() ? std::string()
                                                        : r.words->get("error.did_you_mean",
                                                                       {{"id", suggestion}})}}));
        }
      }
    }
  }
  if (const auto* m = Reader::member(*o, "pain_before")) {
    if (auto n = r.integer(*m, pointer(base, "pain_before"), 0, 10))
      s.pain_before = *n;
  }
  if (const auto* m = Reader::member(*o, "pain_after")) {
    if (auto n = r.integer(*m, pointer(base, "pain_after"), 0, 10))
      s.pain_after = *n;
  }
  if (const auto* m = Reader::member(*o, "red_flags")) {
    if (auto ids = r.strings(*m, pointer(base, "red_flags"), 64))
      s.red_flags = std::move(*ids);
  }
  if (r.problems.size() != before) {
    return std::nullopt;
  }
  return s;
}

json::object session_to_json(const SessionLog& session) {
  json::object o;
  o["date"] = session.date;
  o["target"] = session.target;
  json::array steps;
  for (const Step step : session.steps) {
    steps.emplace_back(json::string(to_string(step)));
  }
  o["steps"] = std::move(steps);
  o["pain_before"] = session.pain_before;
  o["pain_after"] = session.pain_after;
  json::array flags;
  for (const auto& id : session.red_flags) {
    flags.emplace_back(json::string(id));
  }
  o["red_flags"] = std::move(flags);
  return o;
}

}  // namespace myoref::detail
