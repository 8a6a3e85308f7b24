// Plan documents. Reading is a pipeline that only builds a new Plan at the
// very end, so a document that fails any check changes nothing the caller
// holds: parse -> envelope -> integrity -> upgrade -> knowledge base -> fields
// -> replay of the history through the rules -> compare with what is stored.
#include "protocol/document.hpp"

#include <algorithm>
#include <memory>
#include <utility>

#include "kb/kb_mismatch.hpp"
#include "myoref/myoref.hpp"
#include "protocol/reader.hpp"
#include "util/json_writer.hpp"
#include "util/sha256.hpp"

namespace myoref::detail {
namespace {

void canonical_into(std::string& out, const json::value& v) {
  if (const auto* o = v.if_object()) {
    std::vector<const json::key_value_pair*> members;
    members.reserve(o->size());
    for (const auto& kv : *o) {
      members.push_back(&kv);
    }
    std::sort(members.begin(), members.end(), [](const auto* a, const auto* b) {
      return std::string_view(a->key().data(), a->key().size()) <
             std::string_view(b->key().data(), b->key().size());
    });
    out += '{';
    for (std::size_t i = 0; i < members.size(); ++i) {
      if (i != 0)
        out += ',';
      out += json::serialize(members[i]->key());
      out += ':';
      canonical_into(out, members[i]->value());
    }
    out += '}';
  } else if (const auto* a = v.if_array()) {
    out += '[';
    for (std::size_t i = 0; i < a->size(); ++i) {
      if (i != 0)
        out += ',';
      canonical_into(out, (*a)[i]);
    }
    out += ']';
  } else {
    out += json::serialize(v);
  }
}

json::array string_array(const std::vector<std::string>& items) {
  json::array a;
  for (const auto& s : items) {
    a.emplace_back(json::string(s));
  }
  return a;
}

Error impossible(std::vector<Diagnostic> problems) {
  return Error(ErrorCode::invalid_input,
               "plan refused: its history is impossible (the sessions, replayed through the rules, "
               "do not give the stored plan)",
               std::move(problems));
}

struct StoredPlan {
  PlanOptions options;
  TriageLevel triage = TriageLevel::self_care;
  std::vector<std::string> triage_advice;
  int baseline_pain = 0;
  std::vector<PrecautionIndex> precautions;
  std::optional<int> duration_days;
  std::vector<PlanCandidate> candidates;
  std::optional<std::size_t> current;
  PlanStatus status = PlanStatus::active;
  Outcome outcome = Outcome::started;
  std::string reason;
  std::vector<SessionLog> sessions;
};

void read_options(Reader& r, const json::value& v, PlanOptions& out) {
  static const std::vector<std::string_view> kFields = {
      "release_trials",         "relief_points",        "relief_percent", "worsening_points",
      "worsening_sessions",     "maintenance_sessions", "append_related", "max_candidates",
      "max_exercises_per_step", "no_improvement_weeks"};
  const json::object* o = r.object(v, "/options", kFields, kFields);
  if (o == nullptr)
    return;
  const auto number = [&](const char* key, int& field) {
    // Any integer here; check_options below holds it to the ranges start() takes.
    if (const auto* m = Reader::member(*o, key)) {
      if (auto n = r.integer(*m, pointer("/options", key), -1000, 1000))
        field = *n;
    }
  };
  number("release_trials", out.release_trials);
  number("relief_points", out.relief_points);
  number("relief_percent", out.relief_percent);
  number("worsening_points", out.worsening_points);
  number("worsening_sessions", out.worsening_sessions);
  number("maintenance_sessions", out.maintenance_sessions);
  number("max_candidates", out.max_candidates);
  number("max_exercises_per_step", out.max_exercises_per_step);
  number("no_improvement_weeks", out.no_improvement_weeks);
  if (const auto* m = Reader::member(*o, "append_related")) {
    if (auto b = r.boolean(*m, "/options/append_related"))
      out.append_related = *b;
  }
  for (auto& d : check_options(out, "/options")) {
    r.problems.push_back(std::move(d));
  }
}

// Everything a format-2 document holds, checked field by field against the
// schema and the knowledge base; no rule is applied yet.
std::optional<StoredPlan> read_fields(Reader& r, const json::object& doc, const KnowledgeBase& kb,
                                      const PlanLimits& limits) {
  static const std::vector<std::string_view> kFields = {
      "format",        "format_version", "library_version", "kb",         "options", "triage",
      "baseline_pain", "precautions",    "duration_days",   "candidates", "current", "status",
      "outcome",       "reason",         "sessions",        "integrity"};
  StoredPlan p;
  if (r.object(doc, "", kFields, kFields) == nullptr)
    return std::nullopt;
  if (const auto* m = Reader::member(doc, "library_version"))
    (void)r.string(*m, "/library_version");
  if (const auto* m = Reader::member(doc, "options"))
    read_options(r, *m, p.options);
  if (const auto* m = Reader::member(doc, "triage")) {
    if (const auto* t = r.object(*m, "/triage", {"level", "advice"}, {"level", "advice"})) {
      if (const auto* lv = Reader::member(*t, "level")) {
        if (auto s = r.string(*lv, "/triage/level")) {
          const auto level = parse_triage_level(*s);
          if (!level) {
            r.fail("/triage/level", "unknown triage level \"" + *s + "\"");
          } else if (*level >= TriageLevel::urgent) {
            // start() refuses these, so no genuine plan has one.
            r.fail("/triage/level", "a plan cannot exist at " + *s + " triage");
          } else {
            p.triage = *level;
          }
        }
      }
      if (const auto* a = Reader::member(*t, "advice")) {
        if (auto s = r.strings(*a, "/triage/advice", 64))
          p.triage_advice = std::move(*s);
      }
    }
  }
  if (const auto* m = Reader::member(doc, "baseline_pain")) {
    if (auto n = r.integer(*m, "/baseline_pain", 1, 10))
      p.baseline_pain = *n;
  }
  if (const auto* m = Reader::member(doc, "precautions")) {
    if (auto ids = r.strings(*m, "/precautions", 256)) {
      for (std::size_t i = 0; i < ids->size(); ++i) {
        const std::string& id = (*ids)[i];
        const auto found = kb.find_precaution(id);
        if (!found) {
          r.fail(pointer("/precautions", i),
                 "unknown precaution " + quoted(id) + did_you_mean(kb.suggest_precaution(id)));
        } else if (std::find(p.precautions.begin(), p.precautions.end(), *found) !=
                   p.precautions.end()) {
          r.fail(pointer("/precautions", i), "precaution " + quoted(id) + " is listed twice");
        } else {
          p.precautions.push_back(*found);
        }
      }
    }
  }
  if (const auto* m = Reader::member(doc, "duration_days")) {
    if (!m->is_null()) {
      if (auto n = r.integer(*m, "/duration_days", 0, 36500))
        p.duration_days = *n;
    }
  }
  if (const auto* m = Reader::member(doc, "candidates")) {
    if (const auto* a = r.array(*m, "/candidates", kb.candidates().size())) {
      if (a->empty())
        r.fail("/candidates", "a plan has at least one candidate");
      for (std::size_t i = 0; i < a->size(); ++i) {
        const std::string path = pointer("/candidates", i);
        static const std::vector<std::string_view> kCandidateFields = {"key", "related", "status",
                                                                       "both_sides"};
        const auto* c = r.object((*a)[i], path, kCandidateFields, kCandidateFields);
        if (c == nullptr)
          continue;
        PlanCandidate pc;
        if (const auto* b = Reader::member(*c, "both_sides")) {
          if (auto v = r.boolean(*b, pointer(path, "both_sides")))
            pc.both_sides = *v;
        }
        if (const auto* k = Reader::member(*c, "key")) {
          if (auto key = r.string(*k, pointer(path, "key"))) {
            const auto colon = key->rfind(':');
            const bool both_key = colon != std::string::npos && key->substr(colon + 1) == "both";
            std::optional<CandidateIndex> found;
            if (both_key) {
              if (const auto muscle = kb.find_muscle(key->substr(0, colon)))
                found = kb.find_candidate(*muscle, Side::left);
            } else {
              found = kb.find_candidate(*key);
            }
            if (both_key != pc.both_sides) {
              r.fail(pointer(path, "key"),
                     pc.both_sides ? "a both-sides candidate's key ends in \":both\""
                                   : "a key ending in \":both\" needs \"both_sides\": true");
            } else if (!found) {
              r.fail(pointer(path, "key"), "unknown candidate \"" + *key + "\"");
            } else if (detail::plan_candidate_key(kb, *found, pc.both_sides) != *key) {
              r.fail(pointer(path, "key"),
                     "write the candidate key as \"" +
                         detail::plan_candidate_key(kb, *found, pc.both_sides) + "\"");
            } else if (std::any_of(p.candidates.begin(), p.candidates.end(),
                                   [&](const PlanCandidate& x) { return x.candidate == *found; })) {
              r.fail(pointer(path, "key"), "candidate \"" + *key + "\" is listed twice");
            } else {
              pc.candidate = *found;
              pc.key = *key;
            }
          }
        }
        if (const auto* b = Reader::member(*c, "related")) {
          if (auto v = r.boolean(*b, pointer(path, "related")))
            pc.related = *v;
        }
        if (const auto* st = Reader::member(*c, "status")) {
          if (auto s = r.string(*st, pointer(path, "status"))) {
            if (auto cs = parse_candidate_status(*s)) {
              pc.status = *cs;
            } else {
              r.fail(pointer(path, "status"), "unknown candidate status \"" + *s + "\"");
            }
          }
        }
        p.candidates.push_back(std::move(pc));
      }
    }
  }
  if (const auto* m = Reader::member(doc, "current")) {
    if (!m->is_null()) {
      const int hi = std::max<int>(0, static_cast<int>(p.candidates.size()) - 1);
      if (auto n = r.integer(*m, "/current", 0, hi))
        p.current = static_cast<std::size_t>(*n);
    }
  }
  if (const auto* m = Reader::member(doc, "status")) {
    if (auto s = r.string(*m, "/status")) {
      if (auto st = parse_plan_status(*s)) {
        p.status = *st;
      } else {
        r.fail("/status", "unknown plan status \"" + *s + "\"");
      }
    }
  }
  if (const auto* m = Reader::member(doc, "outcome")) {
    if (auto s = r.string(*m, "/outcome")) {
      if (auto o = parse_outcome(*s)) {
        p.outcome = *o;
      } else {
        r.fail("/outcome", "unknown outcome \"" + *s + "\"");
      }
    }
  }
  if (const auto* m = Reader::member(doc, "reason")) {
    if (auto s = r.string(*m, "/reason"))
      p.reason = std::move(*s);
  }
  if (const auto* m = Reader::member(doc, "sessions")) {
    if (const auto* a = r.array(*m, "/sessions", limits.max_sessions)) {
      for (std::size_t i = 0; i < a->size(); ++i) {
        if (auto s = read_session(r, (*a)[i], pointer("/sessions", i)))
          p.sessions.push_back(std::move(*s));
      }
    }
  }
  if (p.candidates.size() > static_cast<std::size_t>(std::max(1, p.options.max_candidates))) {
    r.fail("/candidates", "lists " + std::to_string(p.candidates.size()) +
                              " candidates, more than the plan's max_candidates of " +
                              std::to_string(p.options.max_candidates));
  }
  if (!r.ok())
    return std::nullopt;
  return p;
}

}  // namespace

std::string canonical_json(const json::value& value) {
  std::string out;
  canonical_into(out, value);
  return out;
}

std::string plan_integrity(const json::object& document) {
  json::object content = document;
  content.erase("integrity");
  return sha256_hex(canonical_json(content));
}

json::object plan_document(const PlanState& s) {
  json::object doc;
  doc["format"] = kPlanFormat;
  doc["format_version"] = Plan::kFormatVersion;
  doc["library_version"] = library_version();
  doc["kb"] = json::object{{"id", s.kb.id()}, {"version", s.kb.version()}, {"hash", s.kb.hash()}};
  const PlanOptions& o = s.options;
  doc["options"] = json::object{{"release_trials", o.release_trials},
                                {"relief_points", o.relief_points},
                                {"relief_percent", o.relief_percent},
                                {"worsening_points", o.worsening_points},
                                {"worsening_sessions", o.worsening_sessions},
                                {"maintenance_sessions", o.maintenance_sessions},
                                {"append_related", o.append_related},
                                {"max_candidates", o.max_candidates},
                                {"max_exercises_per_step", o.max_exercises_per_step},
                                {"no_improvement_weeks", o.no_improvement_weeks}};
  doc["triage"] = json::object{{"level", json::string(to_string(s.triage))},
                               {"advice", string_array(s.triage_advice)}};
  doc["baseline_pain"] = s.baseline_pain;
  json::array precautions;
  for (const PrecautionIndex p : s.precautions) {
    precautions.emplace_back(json::string(s.kb.precautions()[p].id));
  }
  doc["precautions"] = std::move(precautions);
  if (s.duration_days) {
    doc["duration_days"] = *s.duration_days;
  } else {
    doc["duration_days"] = nullptr;
  }
  json::array candidates;
  for (const auto& c : s.candidates) {
    candidates.emplace_back(json::object{{"key", c.key},
                                         {"related", c.related},
                                         {"status", json::string(to_string(c.status))},
                                         {"both_sides", c.both_sides}});
  }
  doc["candidates"] = std::move(candidates);
  if (s.current) {
    doc["current"] = static_cast<std::int64_t>(*s.current);
  } else {
    doc["current"] = nullptr;
  }
  doc["status"] = json::string(to_string(s.status));
  doc["outcome"] = json::string(to_string(s.outcome));
  doc["reason"] = say_reason(s, s.why, /*source=*/true);  // no language: the source words
  json::array sessions;
  for (const auto& rec : s.sessions) {
    sessions.emplace_back(session_to_json(rec.log));
  }
  doc["sessions"] = std::move(sessions);
  doc["integrity"] = json::object{{"sha256", plan_integrity(doc)}};
  return doc;
}

std::vector<Diagnostic> migrate_v1_to_v2(json::object& doc) {
  // Format 1 had no options (its rules were fixed at today's defaults, and it
  // never appended related muscles) and listed candidates as bare keys, their
  // progress implied by `current`: the ones before it had been found not likely
  // the source, the ones after it not tried yet.
  if (doc.contains("options")) {
    // Upgrading would overwrite it: refuse rather than drop what it says.
    return {
        {"/options", "format 1 has no options; this document is not what its format_version says"}};
  }
  const PlanOptions v1;
  doc["options"] = json::object{{"release_trials", v1.release_trials},
                                {"relief_points", v1.relief_points},
                                {"relief_percent", v1.relief_percent},
                                {"worsening_points", v1.worsening_points},
                                {"worsening_sessions", v1.worsening_sessions},
                                {"maintenance_sessions", v1.maintenance_sessions},
                                {"append_related", false}};
  const json::value* current = doc.if_contains("current");
  const json::value* status = doc.if_contains("status");
  const bool maintenance =
      status != nullptr && status->is_string() && status->get_string() == "maintenance";
  const std::int64_t at = current != nullptr && current->is_int64() ? current->get_int64() : -1;
  if (json::value* list = doc.if_contains("candidates"); list != nullptr && list->is_array()) {
    json::array upgraded;
    std::int64_t i = 0;
    for (const auto& key : list->get_array()) {
      // A malformed entry is carried over as is, for the field check to report.
      if (!key.is_string()) {
        upgraded.push_back(key);
      } else {
        const char* st = at < 0 || i < at ? "not_likely_source"
                         : i == at        ? (maintenance ? "responding" : "current")
                                          : "untried";
        upgraded.emplace_back(json::object{{"key", key}, {"related", false}, {"status", st}});
      }
      ++i;
    }
    *list = std::move(upgraded);
  }
  doc["format_version"] = 2;
  return {};
}

std::vector<Diagnostic> migrate_v2_to_v3(json::object& doc) {
  for (const char* field : {"precautions", "duration_days"}) {
    if (doc.contains(field)) {
      return {{pointer("", field), "format 2 has no " + std::string(field) +
                                       "; this document is not what its format_version says"}};
    }
  }
  // A format-2 plan was made without precautions, with no acute phase, and
  // tried every candidate it listed with every exercise: the upgrade keeps
  // that, and the stop for no improvement applies from now on at its widest.
  doc["precautions"] = json::array{};
  doc["duration_days"] = nullptr;
  if (json::value* options = doc.if_contains("options");
      options != nullptr && options->is_object()) {
    json::object& o = options->get_object();
    if (o.contains("max_candidates") || o.contains("max_exercises_per_step") ||
        o.contains("no_improvement_weeks")) {
      return {{"/options",
               "format 2 has no max_candidates, max_exercises_per_step or "
               "no_improvement_weeks; this document is not what its format_version "
               "says"}};
    }
    const json::value* list = doc.if_contains("candidates");
    const std::int64_t n = list != nullptr && list->is_array()
                               ? static_cast<std::int64_t>(list->get_array().size())
                               : 1;
    o["max_candidates"] = std::max<std::int64_t>(1, n);
    o["max_exercises_per_step"] = 10;
    o["no_improvement_weeks"] = 52;
  }
  if (json::value* list = doc.if_contains("candidates"); list != nullptr && list->is_array()) {
    for (json::value& c : list->get_array()) {
      if (c.is_object() && !c.get_object().contains("both_sides")) {
        c.get_object()["both_sides"] = false;
      }
    }
  }
  doc["format_version"] = 3;
  return {};
}

}  // namespace myoref::detail

namespace myoref {

std::string Plan::to_json() const {
  return detail::pretty(detail::plan_document(*s_));
}

Expected<Plan> Plan::from_json(const KnowledgeBase& kb, std::string_view json_text,
                               const PlanLimits& limits) {
  using detail::pointer;
  using detail::json::object;
  detail::JsonLimits jl;
  jl.max_bytes = limits.max_bytes;
  jl.max_array = std::max<std::size_t>(limits.max_sessions, kb.candidates().size());
  auto parsed = detail::parse_json(json_text, jl, "plan");
  if (!parsed) {
    return std::move(parsed).error();
  }

  // Envelope: what the document is and which format it is in.
  object* doc = parsed->if_object();
  if (doc == nullptr) {
    return Error(ErrorCode::invalid_input, "not a myoref plan document",
                 {{"", "expected an object"}});
  }
  const auto* format = doc->if_contains("format");
  if (format == nullptr || !format->is_string() || format->get_string() != detail::kPlanFormat) {
    return Error(ErrorCode::invalid_input, "not a myoref plan document",
                 {{"/format", std::string("expected \"") + detail::kPlanFormat + "\""}});
  }
  const auto* version = doc->if_contains("format_version");
  if (version == nullptr || !version->is_int64() || version->get_int64() < 1) {
    return Error(ErrorCode::invalid_input, "plan document without a valid format version",
                 {{"/format_version", "expected a positive integer"}});
  }
  const std::int64_t format_version = version->get_int64();
  if (format_version > kFormatVersion) {
    return Error(
        ErrorCode::unsupported_version,
        "plan format version " + std::to_string(format_version) +
            " is newer than this library reads (up to " + std::to_string(kFormatVersion) +
            "); use a newer myoref",
        {{"/format_version", "unsupported format version " + std::to_string(format_version)}});
  }

  // Integrity: the same check in every format so far.
  const auto* integrity = doc->if_contains("integrity");
  const object* io = integrity != nullptr ? integrity->if_object() : nullptr;
  const auto* digest = io != nullptr ? io->if_contains("sha256") : nullptr;
  if (digest == nullptr || !digest->is_string() || io->size() != 1) {
    return Error(ErrorCode::integrity, "plan document has no integrity check",
                 {{"/integrity", "expected {\"sha256\": \"<64 hex digits>\"}"}});
  }
  if (digest->get_string() != detail::plan_integrity(*doc)) {
    return Error(ErrorCode::integrity,
                 "plan document fails its integrity check: it is incomplete or was changed after "
                 "myoref wrote it",
                 {{"/integrity/sha256", "does not match the document's content"}});
  }

  // Upgrade older formats, one version at a time.
  if (format_version == 1) {
    auto problems = detail::migrate_v1_to_v2(*doc);
    if (!problems.empty()) {
      return Error(ErrorCode::invalid_input, "plan document of format 1 cannot be upgraded",
                   std::move(problems));
    }
  }
  if (format_version <= 2) {
    auto problems = detail::migrate_v2_to_v3(*doc);
    if (!problems.empty()) {
      return Error(
          ErrorCode::invalid_input,
          "plan document of format " + std::to_string(format_version) + " cannot be upgraded",
          std::move(problems));
    }
  }

  // Knowledge base: a plan's keys and rules only mean something with its own.
  const auto* kbv = doc->if_contains("kb");
  const object* kbo = kbv != nullptr ? kbv->if_object() : nullptr;
  const auto* kb_id = kbo != nullptr ? kbo->if_contains("id") : nullptr;
  const auto* kb_hash = kbo != nullptr ? kbo->if_contains("hash") : nullptr;
  if (kb_id == nullptr || kb_hash == nullptr || !kb_id->is_string() || !kb_hash->is_string()) {
    return Error(ErrorCode::invalid_input, "plan document does not name its knowledge base",
                 {{"/kb", "expected {\"id\": ..., \"version\": ..., \"hash\": ...}"}});
  }
  if (kb_id->get_string() != kb.id() || kb_hash->get_string() != kb.hash()) {
    return detail::kb_mismatch("plan", kb_id->get_string(), kb_hash->get_string(), kb);
  }
  detail::Reader r;
  (void)r.object(*kbv, "/kb", {"id", "version", "hash"}, {"id", "version", "hash"});

  auto stored = detail::read_fields(r, *doc, kb, limits);
  if (!stored) {
    return Error(ErrorCode::invalid_input, "plan document is not valid", std::move(r.problems));
  }

  // Replay: start as the plan started and apply every session through the rules.
  detail::StartFacts facts;
  facts.triage = stored->triage;
  facts.triage_advice = stored->triage_advice;
  facts.baseline_pain = stored->baseline_pain;
  facts.precautions = stored->precautions;
  facts.duration_days = stored->duration_days;
  auto state = std::make_shared<detail::PlanState>(
      detail::initial_state_with(kb, stored->options, std::move(facts), stored->candidates));
  std::vector<Diagnostic> problems;
  for (std::size_t i = 0; i < stored->sessions.size(); ++i) {
    const std::string base = pointer("/sessions", i);
    const SessionLog& session = stored->sessions[i];
    const auto named = kb.find_candidate(session.target);
    if (named && kb.candidates()[*named].key != session.target) {
      problems.push_back({pointer(base, "target"),
                          "write the candidate key as \"" + kb.candidates()[*named].key + "\""});
      break;
    }
    auto applied = detail::apply_session(*state, session, base);
    if (!applied) {
      problems.push_back(
          {base, "this session could not have been accepted: " + applied.error().message()});
      for (const auto& d : applied.error().diagnostics()) {
        problems.push_back(d);
      }
      break;
    }
  }
  if (problems.empty()) {
    const auto differs = [&problems](std::string path, const std::string& stored_text,
                                     const std::string& replayed) {
      if (stored_text != replayed) {
        problems.push_back({std::move(path), "stored " + detail::quoted(stored_text) +
                                                 ", but the sessions lead to " +
                                                 detail::quoted(replayed)});
      }
    };
    const auto index_text = [](const std::optional<std::size_t>& i) {
      return i ? std::to_string(*i) : std::string("null");
    };
    for (std::size_t i = 0; i < state->candidates.size(); ++i) {
      differs(pointer(pointer("/candidates", i), "status"),
              std::string(to_string(stored->candidates[i].status)),
              std::string(to_string(state->candidates[i].status)));
    }
    differs("/current", index_text(stored->current), index_text(state->current));
    differs("/status", std::string(to_string(stored->status)),
            std::string(to_string(state->status)));
    differs("/outcome", std::string(to_string(stored->outcome)),
            std::string(to_string(state->outcome)));
    // The reason is compared in the source language (English), as documents
    // record it: a plan made in one language is read in any other.
    differs("/reason", stored->reason, detail::say_reason(*state, state->why, /*source=*/true));
  }
  if (!problems.empty()) {
    return detail::impossible(std::move(problems));
  }
  return Plan(std::move(state));
}

}  // namespace myoref
