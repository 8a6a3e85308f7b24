// Assessments and plans as HL7 FHIR R4 Bundles, and an intake back from one
// (docs/interop.md has the mapping, resource by resource, and why a
// ClinicalImpression rather than a RiskAssessment).
#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "i18n/messages.hpp"
#include "myoref/assess.hpp"
#include "myoref/interop.hpp"
#include "myoref/plan.hpp"
#include "protocol/document.hpp"
#include "util/json.hpp"
#include "util/json_writer.hpp"
#include "util/sha256.hpp"

namespace myoref {

namespace detail {
extern const char kRegionCodesJson[];
extern const std::size_t kRegionCodesJson_size;
}  // namespace detail

namespace {

namespace json = boost::json;
using detail::pointer;

constexpr const char* kBase = "http://myoref.invalid/fhir";
constexpr const char* kLoinc = "http://loinc.org";
constexpr const char* kSnomed = "http://snomed.info/sct";
constexpr const char* kPainCode = "72514-3";
constexpr const char* kPainDisplay =
    "Pain severity - 0-10 verbal numeric rating [Score] - Reported";
constexpr const char* kLeft = "7771000";    // SNOMED CT: Left
constexpr const char* kRight = "24028007";  // SNOMED CT: Right
constexpr const char* kLaterality = "272741003";

std::string system_url(std::string_view what) {
  return std::string(kBase) + "/CodeSystem/" + std::string(what);
}

std::string questionnaire_url(const KnowledgeBase& kb) {
  return std::string(kBase) + "/Questionnaire/" + kb.id();
}

/// A UUID (RFC 4122 layout, version 5 style) from a name: the same document
/// gives the same ids, so the Bundle is deterministic.
std::string uuid(std::string_view seed, std::string_view name) {
  std::string text(seed);
  text += '/';
  text += name;
  std::string h = detail::sha256_hex(text).substr(0, 32);
  h[12] = '5';
  const char variant[] = "89ab";
  const auto nibble = static_cast<std::size_t>(h[16] >= 'a' ? h[16] - 'a' + 10 : h[16] - '0');
  h[16] = variant[nibble % 4];
  return h.substr(0, 8) + '-' + h.substr(8, 4) + '-' + h.substr(12, 4) + '-' + h.substr(16, 4) +
         '-' + h.substr(20, 12);
}

json::object coding(std::string_view system, std::string_view code, std::string_view display) {
  json::object c;
  c["system"] = system;
  c["code"] = code;
  if (!display.empty())
    c["display"] = display;
  return c;
}

json::object concept_of(json::array codings, std::string_view text) {
  json::object c;
  c["coding"] = std::move(codings);
  if (!text.empty())
    c["text"] = text;
  return c;
}

struct RegionCode {
  std::string snomed;
  std::string display;
};

/// region id -> its SNOMED CT code, from data/kb/region_codes.json.
std::vector<std::pair<std::string, RegionCode>> load_region_codes() {
  std::vector<std::pair<std::string, RegionCode>> out;
  json::error_code ec;
  const json::value v =
      json::parse(std::string_view(detail::kRegionCodesJson, detail::kRegionCodesJson_size), ec);
  if (ec || !v.is_object())
    return out;
  const json::value* list = v.as_object().if_contains("region_codes");
  if (list == nullptr || !list->is_array())
    return out;
  for (const json::value& e : list->as_array()) {
    const json::object* o = e.if_object();
    if (o == nullptr)
      continue;
    const json::value* region = o->if_contains("region");
    const json::value* snomed = o->if_contains("snomed");
    if (region == nullptr || !region->is_string() || snomed == nullptr || !snomed->is_object())
      continue;
    const json::value* code = snomed->as_object().if_contains("code");
    const json::value* display = snomed->as_object().if_contains("display");
    if (code == nullptr || !code->is_string())
      continue;
    out.emplace_back(
        std::string(region->get_string()),
        RegionCode{std::string(code->get_string()), display != nullptr && display->is_string()
                                                        ? std::string(display->get_string())
                                                        : std::string()});
  }
  return out;
}

const RegionCode* region_code(std::string_view region) {
  static const auto* codes =
      new std::vector<std::pair<std::string, RegionCode>>(  // NOLINT: never freed
          load_region_codes());
  for (const auto& [id, code] : *codes) {
    if (id == region)
      return &code;
  }
  return nullptr;
}

std::string_view str(const json::object& o, std::string_view key) {
  const json::value* v = o.if_contains(key);
  return v != nullptr && v->is_string() ? std::string_view(v->get_string()) : std::string_view();
}

const json::array* arr(const json::object& o, std::string_view key) {
  const json::value* v = o.if_contains(key);
  return v != nullptr ? v->if_array() : nullptr;
}

using detail::Catalogue;

// A triage level in words ("see a clinician"); an unknown one as it is.
std::string level_words(const Catalogue& m, std::string_view level) {
  std::string key = "fhir.level.";
  key += level;
  return m.has(key) ? m.get(key) : std::string(level);
}

class BundleWriter {
 public:
  BundleWriter(const KnowledgeBase& kb, std::string seed, const FhirOptions& options)
      : kb_(kb), seed_(std::move(seed)), options_(options) {
    if (options_.patient.empty()) {
      patient_url_ = "urn:uuid:" + uuid(seed_, "Patient");
      subject_["reference"] = patient_url_;
    } else {
      subject_["reference"] = options_.patient;
    }
  }

  /// Adds a resource; returns its fullUrl.
  std::string add(const std::string& name, json::object resource) {
    const std::string id = uuid(seed_, name);
    json::object r;
    r["resourceType"] = resource["resourceType"];
    r["id"] = id;
    // Resource.language: the language of the resource's words, for a
    // knowledge base in another language than English (the source language,
    // left implicit so that English bundles stay as they were).
    if (kb_.locale() != "en")
      r["language"] = kb_.locale();
    for (auto& [k, v] : resource) {
      if (k != "resourceType")
        r[k] = std::move(v);
    }
    json::object entry;
    entry["fullUrl"] = "urn:uuid:" + id;
    entry["resource"] = std::move(r);
    entries_.emplace_back(std::move(entry));
    return "urn:uuid:" + id;
  }

  void patient(std::string_view sex) {
    if (patient_url_.empty())
      return;
    json::object p;
    p["resourceType"] = "Patient";
    if (sex == "female" || sex == "male")
      p["gender"] = sex;
    add("Patient", std::move(p));
    // The Patient goes first.
    std::rotate(entries_.begin(), entries_.end() - 1, entries_.end());
  }

  json::object subject() const { return subject_; }

  std::string finish() {
    json::object b;
    b["resourceType"] = "Bundle";
    b["id"] = uuid(seed_, "Bundle");
    if (kb_.locale() != "en")
      b["language"] = kb_.locale();
    json::object identifier;
    identifier["system"] = "urn:ietf:rfc:3986";
    identifier["value"] = "urn:uuid:" + uuid(seed_, "Bundle");
    b["identifier"] = std::move(identifier);
    b["type"] = "collection";
    b["entry"] = std::move(entries_);
    const json::value v(std::move(b));
    return options_.pretty ? detail::pretty(v) : json::serialize(v) + "\n";
  }

  const KnowledgeBase& kb() const { return kb_; }
  const FhirOptions& options() const { return options_; }

 private:
  const KnowledgeBase& kb_;
  std::string seed_;
  const FhirOptions& options_;
  std::string patient_url_;
  json::object subject_;
  json::array entries_;
};

json::object pain_code(const Catalogue& m) {
  json::array c;
  c.emplace_back(coding(kLoinc, kPainCode, kPainDisplay));
  return concept_of(std::move(c), m.get("fhir.pain_now"));
}

json::array survey_category() {
  json::array c;
  c.emplace_back(
      coding("http://terminology.hl7.org/CodeSystem/observation-category", "survey", "Survey"));
  json::array cat;
  cat.emplace_back(concept_of(std::move(c), ""));
  return cat;
}

/// The body site of a region key: SNOMED CT where certain (with laterality by
/// post-coordination for a paired region), and the region key always.
json::object body_site(const KnowledgeBase& kb, RegionKeyIndex key) {
  const RegionKey& rk = kb.region_keys()[key];
  const Region& region = kb.regions()[rk.region];
  const Catalogue& m = detail::catalogue(kb);
  std::string text = region.name;
  if (rk.side != Side::none) {
    text = m.get("fhir.region_on_side",
                 {{"region", region.name},
                  {"side", m.get(rk.side == Side::left ? "side.left" : "side.right")}});
  }
  json::array codings;
  if (const RegionCode* code = region_code(region.id)) {
    if (rk.side == Side::none) {
      codings.emplace_back(coding(kSnomed, code->snomed, code->display));
    } else {
      const std::string expression =
          code->snomed + ":" + kLaterality + "=" + (rk.side == Side::left ? kLeft : kRight);
      codings.emplace_back(coding(kSnomed, expression, ""));
    }
  }
  codings.emplace_back(coding(system_url("region-key"), rk.key, text));
  return concept_of(std::move(codings), text);
}

json::object questionnaire(const KnowledgeBase& kb) {
  const Catalogue& m = detail::catalogue(kb);
  json::object q;
  q["resourceType"] = "Questionnaire";
  q["url"] = questionnaire_url(kb);
  q["version"] = kb.version() + "+" + kb.hash().substr(0, 12);
  q["name"] = "MyorefIntake";
  q["title"] = m.get("fhir.questionnaire_title");
  q["status"] = "active";
  json::array subject_type;
  subject_type.emplace_back("Patient");
  q["subjectType"] = std::move(subject_type);
  q["description"] = m.get("fhir.questionnaire_description", {{"kb", kb.id()}});
  json::array items;
  const auto boolean_item = [](const std::string& link, const std::string& text) {
    json::object i;
    i["linkId"] = link;
    i["text"] = text;
    i["type"] = "boolean";
    return i;
  };
  json::array findings;
  for (const Finding& f : kb.findings())
    findings.emplace_back(boolean_item("finding." + f.id, f.question));
  json::object fg;
  fg["linkId"] = "findings";
  fg["text"] = m.get("fhir.group_findings");
  fg["type"] = "group";
  fg["item"] = std::move(findings);
  items.emplace_back(std::move(fg));
  json::array flags;
  for (const RedFlag& f : kb.red_flags())
    flags.emplace_back(boolean_item("red_flag." + f.id, f.question));
  json::object rg;
  rg["linkId"] = "red_flags";
  rg["text"] = m.get("fhir.group_red_flags");
  rg["type"] = "group";
  rg["item"] = std::move(flags);
  items.emplace_back(std::move(rg));
  json::array precautions;
  for (const Precaution& p : kb.precautions())
    precautions.emplace_back(boolean_item("precaution." + p.id, p.what));
  if (!precautions.empty()) {
    json::object pg;
    pg["linkId"] = "precautions";
    pg["text"] = m.get("fhir.group_precautions");
    pg["type"] = "group";
    pg["item"] = std::move(precautions);
    items.emplace_back(std::move(pg));
  }
  const auto integer_item = [](const char* link, const std::string& text) {
    json::object i;
    i["linkId"] = link;
    i["text"] = text;
    i["type"] = "integer";
    return i;
  };
  items.emplace_back(integer_item("age", m.get("fhir.item_age")));
  items.emplace_back(integer_item("duration_days", m.get("fhir.item_duration")));
  const auto choice_item = [&m](const char* link, const std::string& text,
                                const std::string& system, std::initializer_list<const char*> codes,
                                const char* display_prefix) {
    json::object i;
    i["linkId"] = link;
    i["text"] = text;
    i["type"] = "choice";
    json::array options;
    for (const char* c : codes) {
      json::object o;
      o["valueCoding"] = coding(
          system, c,
          display_prefix == nullptr ? std::string(c) : m.get(display_prefix + std::string(c)));
      options.emplace_back(std::move(o));
    }
    i["answerOption"] = std::move(options);
    return i;
  };
  items.emplace_back(choice_item("onset", m.get("fhir.item_onset"), system_url("onset"),
                                 {"sudden", "gradual"}, "fhir.onset."));
  items.emplace_back(choice_item("sex", m.get("fhir.item_sex"),
                                 "http://hl7.org/fhir/administrative-gender", {"female", "male"},
                                 nullptr));
  q["item"] = std::move(items);
  return q;
}

json::object answer_item(const std::string& link, const std::string& text, json::object answer) {
  json::object i;
  i["linkId"] = link;
  if (!text.empty())
    i["text"] = text;
  json::array answers;
  answers.emplace_back(std::move(answer));
  i["answer"] = std::move(answers);
  return i;
}

json::object bool_answer(bool value) {
  json::object a;
  a["valueBoolean"] = value;
  return a;
}

json::object int_answer(std::int64_t value) {
  json::object a;
  a["valueInteger"] = value;
  return a;
}

json::object questionnaire_response(BundleWriter& w, const json::object& intake) {
  const KnowledgeBase& kb = w.kb();
  json::object qr;
  qr["resourceType"] = "QuestionnaireResponse";
  qr["questionnaire"] = questionnaire_url(kb) + "|" + kb.version() + "+" + kb.hash().substr(0, 12);
  qr["status"] = "completed";
  qr["subject"] = w.subject();
  if (!w.options().date.empty())
    qr["authored"] = w.options().date;
  json::array items;
  const auto ids = [&](std::string_view field, std::vector<std::string>& out) {
    if (const json::array* a = arr(intake, field)) {
      for (const json::value& v : *a) {
        if (v.is_string())
          out.emplace_back(v.get_string());
      }
    }
  };
  // One answer group: an item for each entry whose id the intake lists in
  // `yes_field` (true) or `no_field` (false); none when nothing is listed.
  // Precautions have no "no" list: one not listed is not known to apply.
  const auto group = [&](const char* link, const std::string& prefix, const auto& entries,
                         const char* yes_field, const char* no_field, const auto& text_of) {
    std::vector<std::string> yes;
    std::vector<std::string> no;
    ids(yes_field, yes);
    if (no_field != nullptr)
      ids(no_field, no);
    json::array answers;
    for (const auto& e : entries) {
      const bool y = std::find(yes.begin(), yes.end(), e.id) != yes.end();
      const bool n = std::find(no.begin(), no.end(), e.id) != no.end();
      if (y || n)
        answers.emplace_back(answer_item(prefix + e.id, text_of(e), bool_answer(y)));
    }
    if (!answers.empty()) {
      json::object g;
      g["linkId"] = link;
      g["item"] = std::move(answers);
      items.emplace_back(std::move(g));
    }
  };
  group("findings", "finding.", kb.findings(), "findings", "denied",
        [](const Finding& f) { return f.question; });
  group("red_flags", "red_flag.", kb.red_flags(), "red_flags", "red_flags_denied",
        [](const RedFlag& f) { return f.question; });
  group("precautions", "precaution.", kb.precautions(), "precautions", nullptr,
        [](const Precaution& p) { return p.what; });
  for (const char* field : {"age", "duration_days"}) {
    const json::value* v = intake.if_contains(field);
    if (v != nullptr && v->is_int64())
      items.emplace_back(answer_item(field, "", int_answer(v->get_int64())));
  }
  if (const std::string_view onset = str(intake, "onset"); !onset.empty()) {
    json::object a;
    const std::string key = "fhir.onset." + std::string(onset);
    const Catalogue& m = detail::catalogue(kb);
    a["valueCoding"] =
        coding(system_url("onset"), onset, m.has(key) ? m.get(key) : std::string(onset));
    items.emplace_back(answer_item("onset", "", std::move(a)));
  }
  if (const std::string_view sex = str(intake, "sex"); !sex.empty()) {
    json::object a;
    a["valueCoding"] = coding("http://hl7.org/fhir/administrative-gender", sex, sex);
    items.emplace_back(answer_item("sex", "", std::move(a)));
  }
  if (!items.empty())
    qr["item"] = std::move(items);
  return qr;
}

/// The candidate's coding: the candidate key, and the muscle's FMA / UBERON
/// ids when the knowledge base gives them.
json::object candidate_concept(const KnowledgeBase& kb, const json::object& c) {
  json::array codings;
  const std::string_view key = str(c, "key");
  const std::string_view muscle = str(c, "muscle");
  const Catalogue& m = detail::catalogue(kb);
  std::string text(str(c, "name"));
  if (const std::string_view side = str(c, "side"); side == "left" || side == "right") {
    text = m.get("muscle.on_side",
                 {{"muscle", text}, {"side", m.get(side == "left" ? "side.left" : "side.right")}});
  }
  if (const auto found = kb.find_muscle(muscle)) {
    const Muscle& mu = kb.muscles()[*found];
    if (!mu.fma.empty())
      codings.emplace_back(coding("http://purl.org/sig/ont/fma", mu.fma, mu.name));
    if (!mu.uberon.empty())
      codings.emplace_back(coding("http://purl.obolibrary.org/obo/uberon", mu.uberon, mu.name));
  }
  codings.emplace_back(coding(system_url("candidate-key"), key, text));
  return concept_of(std::move(codings), m.get("fhir.candidate_text", {{"muscle", text}}));
}

std::string join(const json::array* a, std::string_view sep) {
  std::string out;
  if (a == nullptr)
    return out;
  for (const json::value& v : *a) {
    if (!v.is_string())
      continue;
    if (!out.empty())
      out += sep;
    out += v.get_string();
  }
  return out;
}

json::object clinical_impression(BundleWriter& w, const json::object& doc,
                                 const std::vector<std::string>& evidence) {
  const KnowledgeBase& kb = w.kb();
  const Catalogue& m = detail::catalogue(kb);
  const json::object& triage = doc.at("triage").as_object();
  const std::string_view level = str(triage, "level");
  json::object ci;
  ci["resourceType"] = "ClinicalImpression";
  ci["status"] = "completed";
  json::array code;
  code.emplace_back(
      coding(system_url("assessment"), "myofascial-pain-screen", m.get("fhir.assessment_display")));
  ci["code"] = concept_of(std::move(code), m.get("fhir.assessment_text"));
  ci["subject"] = w.subject();
  if (!w.options().date.empty())
    ci["effectiveDateTime"] = w.options().date;
  std::string description = m.get("fhir.triage_sentence", {{"level", level_words(m, level)}});
  const json::array* flags = arr(triage, "red_flags");
  if (flags != nullptr) {
    for (const json::value& f : *flags) {
      if (const json::object* o = f.if_object()) {
        description += ' ';
        description += m.get("fhir.red_flag", {{"id", str(*o, "id")},
                                               {"level", level_words(m, str(*o, "level"))},
                                               {"advice", str(*o, "advice")}});
      }
    }
  }
  if (const json::array* pending = arr(triage, "pending"); pending != nullptr && !pending->empty())
    description += ' ' + m.get("fhir.pending", {{"ids", join(pending, ", ")}});
  ci["description"] = description;
  ci["summary"] = m.get("fhir.summary");
  json::array investigation_items;
  for (const std::string& url : evidence) {
    json::object r;
    r["reference"] = url;
    investigation_items.emplace_back(std::move(r));
  }
  if (!investigation_items.empty()) {
    json::object inv;
    json::array c;
    const std::string evidence_words = m.get("fhir.evidence");
    c.emplace_back(coding(system_url("assessment"), "pain-drawing-and-questions", evidence_words));
    inv["code"] = concept_of(std::move(c), evidence_words);
    inv["item"] = std::move(investigation_items);
    json::array invs;
    invs.emplace_back(std::move(inv));
    ci["investigation"] = std::move(invs);
  }
  json::array findings;
  // The triage first, coded, with its basis.
  {
    json::object f;
    json::array c;
    c.emplace_back(coding(system_url("triage-level"), level, level_words(m, level)));
    f["itemCodeableConcept"] =
        concept_of(std::move(c), m.get("fhir.triage", {{"level", level_words(m, level)}}));
    std::string basis;
    if (flags != nullptr && !flags->empty()) {
      for (const json::value& v : *flags) {
        if (const json::object* o = v.if_object()) {
          if (!basis.empty())
            basis += "; ";
          basis += m.get("fhir.basis_red_flag", {{"id", str(*o, "id")}});
        }
      }
    }
    if (const json::value* age_rule = triage.if_contains("age_rule");
        age_rule != nullptr && age_rule->is_object()) {
      const std::string_view reason = str(age_rule->as_object(), "reason");
      if (!reason.empty()) {
        if (!basis.empty())
          basis += "; ";
        basis += reason;
      }
    }
    if (const json::array* rules = arr(triage, "rules")) {
      for (const json::value& v : *rules) {
        if (const json::object* o = v.if_object()) {
          if (!basis.empty())
            basis += "; ";
          basis += std::string(str(*o, "reason"));
        }
      }
    }
    if (basis.empty())
      basis = m.get("fhir.basis_none");
    f["basis"] = basis;
    findings.emplace_back(std::move(f));
  }
  const json::array* candidates = arr(doc, "candidates");
  std::size_t rank = 0;
  const std::size_t total = candidates != nullptr ? candidates->size() : 0;
  if (candidates != nullptr) {
    for (const json::value& v : *candidates) {
      const json::object* c = v.if_object();
      if (c == nullptr)
        continue;
      ++rank;
      json::object f;
      f["itemCodeableConcept"] = candidate_concept(kb, *c);
      const std::string score =
          detail::score_text(static_cast<float>(c->at("score").to_number<double>()));
      std::string basis = m.get(
          "fhir.rank", {{"rank", rank}, {"total", total}, detail::MsgArg::decimal("score", score)});
      if (const json::value* tied = c->if_contains("tied");
          tied != nullptr && tied->is_bool() && tied->get_bool()) {
        basis += m.get("fhir.tied");
      }
      if (const std::string e = join(arr(*c, "explained"), ", "); !e.empty())
        basis += m.get("fhir.explains", {{"regions", e}});
      if (const std::string u = join(arr(*c, "unexplained"), ", "); !u.empty())
        basis += m.get("fhir.does_not_explain", {{"regions", u}});
      if (const std::string b = join(arr(*c, "basis"), " | "); !b.empty())
        basis += m.get("fhir.basis", {{"basis", b}});
      f["basis"] = basis;
      findings.emplace_back(std::move(f));
    }
  }
  ci["finding"] = std::move(findings);
  json::array notes;
  json::object note;
  std::string text = m.get("fhir.cover", {{"cover", join(arr(doc, "cover"), ", ")}});
  if (const std::string u = join(arr(doc, "unexplained"), ", "); !u.empty())
    text += m.get("fhir.unexplained", {{"regions", u}});
  text += m.get("fhir.kb", {{"id", kb.id()}, {"version", kb.version()}, {"hash", kb.hash()}});
  note["text"] = text;
  notes.emplace_back(std::move(note));
  ci["note"] = std::move(notes);
  return ci;
}

Expected<std::string> assessment_bundle(const KnowledgeBase& kb, const Assessment& a,
                                        const FhirOptions& options) {
  const std::string text = a.to_json();
  const json::value doc = json::parse(text);
  const json::object& d = doc.as_object();
  const json::object& intake = d.at("intake").as_object();
  BundleWriter w(kb, text + "|" + options.patient + "|" + options.date, options);
  std::vector<std::string> evidence;
  const Intake& in = a.intake();
  for (std::size_t i = 0; i < in.pain.size(); ++i) {
    const PainMark& mark = in.pain[i];
    json::object o;
    o["resourceType"] = "Observation";
    o["status"] = "final";
    o["category"] = survey_category();
    o["code"] = pain_code(detail::catalogue(kb));
    o["subject"] = w.subject();
    if (!options.date.empty())
      o["effectiveDateTime"] = options.date;
    o["valueInteger"] = mark.intensity;
    o["bodySite"] = body_site(kb, mark.region_key);
    evidence.push_back(
        w.add("Observation/pain/" + kb.region_keys()[mark.region_key].key, std::move(o)));
  }
  w.add("Questionnaire", questionnaire(kb));
  evidence.push_back(w.add("QuestionnaireResponse", questionnaire_response(w, intake)));
  w.add("ClinicalImpression", clinical_impression(w, d, evidence));
  w.patient(str(intake, "sex"));
  return w.finish();
}

Expected<std::string> plan_bundle(const KnowledgeBase& kb, const Plan& plan,
                                  const FhirOptions& options) {
  const std::string text = plan.to_json();
  BundleWriter w(kb, text + "|" + options.patient, options);
  const auto session_pain = [&](const SessionRecord& s, std::size_t i, bool before) {
    json::object o;
    o["resourceType"] = "Observation";
    o["status"] = "final";
    o["category"] = survey_category();
    json::array c;
    c.emplace_back(coding(kLoinc, kPainCode, kPainDisplay));
    const char* code = before ? "pain-before-session" : "pain-after-session";
    const detail::Catalogue& m = detail::catalogue(kb);
    const std::string words = m.get(before ? "fhir.session_before" : "fhir.session_after");
    c.emplace_back(coding(system_url("plan-session"), code, words));
    o["code"] = concept_of(std::move(c), words);
    o["subject"] = w.subject();
    o["effectiveDateTime"] = s.log.date;
    o["valueInteger"] = before ? s.log.pain_before : s.log.pain_after;
    json::array notes;
    json::object note;
    note["text"] =
        m.get("fhir.session_note", {{"n", i + 1}, {"target", kb.candidates()[s.target].key}});
    notes.emplace_back(std::move(note));
    o["note"] = std::move(notes);
    w.add("Observation/session/" + std::to_string(i) + (before ? "/before" : "/after"),
          std::move(o));
  };
  const auto& sessions = plan.sessions();
  for (std::size_t i = 0; i < sessions.size(); ++i) {
    session_pain(sessions[i], i, true);
    session_pain(sessions[i], i, false);
  }
  w.patient("");
  return w.finish();
}

}  // namespace

const char* fhir_base_url() noexcept {
  return kBase;
}

Expected<std::string> fhir_bundle(const KnowledgeBase& kb, std::string_view document,
                                  const FhirOptions& options) {
  if (!options.date.empty()) {
    const std::string& d = options.date;
    const bool shape =
        d.size() == 10 && d[4] == '-' && d[7] == '-' &&
        std::all_of(d.begin(), d.end(), [](char c) { return (c >= '0' && c <= '9') || c == '-'; });
    if (!shape) {
      return Error(ErrorCode::invalid_argument, "the date is not valid",
                   {{"", "expected YYYY-MM-DD, not " + detail::quoted(d)}});
    }
  }
  // A plan document names its format; anything else is read as an assessment.
  Expected<json::value> parsed = detail::parse_json(document, {}, "document");
  if (!parsed)
    return std::move(parsed).error();
  const json::object* o = parsed->if_object();
  if (o != nullptr && str(*o, "format") == detail::kPlanFormat) {
    Expected<Plan> plan = Plan::from_json(kb, document);
    if (!plan)
      return std::move(plan).error();
    return plan_bundle(kb, *plan, options);
  }
  Expected<Assessment> a = assessment_from_json(kb, document);
  if (!a)
    return std::move(a).error();
  return assessment_bundle(kb, *a, options);
}

// --- Import -----------------------------------------------------------------

namespace {

class Importer {
 public:
  explicit Importer(const KnowledgeBase& kb) : kb_(kb) {}

  Expected<std::string> run(const json::value& bundle) {
    const json::object* b = bundle.if_object();
    if (b == nullptr || str(*b, "resourceType") != "Bundle") {
      return Error(ErrorCode::invalid_input, "not a FHIR Bundle",
                   {{"/resourceType", "expected \"Bundle\""}});
    }
    const json::array* entries = arr(*b, "entry");
    if (entries != nullptr) {
      for (std::size_t i = 0; i < entries->size(); ++i) {
        const json::object* e = (*entries)[i].if_object();
        const json::value* r = e != nullptr ? e->if_contains("resource") : nullptr;
        if (r == nullptr || !r->is_object())
          continue;
        const std::string base = pointer(pointer("/entry", i), "resource");
        const std::string_view type = str(r->as_object(), "resourceType");
        if (type == "Observation") {
          observation(r->as_object(), base);
        } else if (type == "QuestionnaireResponse") {
          response(r->as_object(), base);
        }
      }
    }
    if (pain_.empty() && problems_.empty())
      problems_.push_back({"/entry", "no pain Observation (LOINC 72514-3 with a region key)"});
    if (!problems_.empty()) {
      return Error(ErrorCode::invalid_input, "the Bundle does not hold a myoref intake",
                   std::move(problems_));
    }
    json::object intake;
    intake["pain"] = std::move(pain_);
    const auto put = [&](const char* name, json::array& a) {
      if (!a.empty())
        intake[name] = std::move(a);
    };
    put("findings", findings_);
    put("denied", denied_);
    put("red_flags", red_flags_);
    put("red_flags_denied", red_flags_denied_);
    put("precautions", precautions_);
    for (auto& [k, v] : scalars_)
      intake[k] = std::move(v);
    const std::string text = json::serialize(intake);
    Expected<Intake> parsed = parse_intake(kb_, text);
    if (!parsed)
      return std::move(parsed).error();
    return intake_to_json(kb_, *parsed);
  }

 private:
  static bool has_pain_code(const json::object& o) {
    const json::value* code = o.if_contains("code");
    if (code == nullptr || !code->is_object())
      return false;
    const json::array* codings = arr(code->as_object(), "coding");
    if (codings == nullptr)
      return false;
    for (const json::value& c : *codings) {
      const json::object* co = c.if_object();
      if (co != nullptr && str(*co, "system") == kLoinc && str(*co, "code") == kPainCode) {
        for (const json::value& other : *codings) {
          const json::object* oo = other.if_object();
          // A plan's session pain is not a drawing.
          if (oo != nullptr && str(*oo, "system") == system_url("plan-session"))
            return false;
        }
        return true;
      }
    }
    return false;
  }

  void observation(const json::object& o, const std::string& base) {
    if (!has_pain_code(o))
      return;
    const json::value* site = o.if_contains("bodySite");
    const json::array* codings =
        site != nullptr && site->is_object() ? arr(site->as_object(), "coding") : nullptr;
    std::string_view key;
    if (codings != nullptr) {
      for (const json::value& c : *codings) {
        const json::object* co = c.if_object();
        if (co != nullptr && str(*co, "system") == system_url("region-key"))
          key = str(*co, "code");
      }
    }
    if (key.empty()) {
      problems_.push_back(
          {pointer(base, "bodySite"),
           "a pain Observation needs a body site coded in " + system_url("region-key")});
      return;
    }
    const json::value* value = o.if_contains("valueInteger");
    if (value == nullptr || !value->is_int64()) {
      problems_.push_back({pointer(base, "valueInteger"), "expected the intensity, 0..10"});
      return;
    }
    const std::size_t colon = key.find(':');
    json::object mark;
    mark["region"] = key.substr(0, colon);
    if (colon != std::string_view::npos)
      mark["side"] = key.substr(colon + 1);
    mark["intensity"] = value->get_int64();
    pain_.emplace_back(std::move(mark));
  }

  void items(const json::array& list, const std::string& path) {
    for (std::size_t i = 0; i < list.size(); ++i) {
      const json::object* item = list[i].if_object();
      if (item == nullptr)
        continue;
      const std::string ipath = pointer(path, i);
      if (const json::array* nested = arr(*item, "item"))
        items(*nested, pointer(ipath, "item"));
      const json::array* answers = arr(*item, "answer");
      if (answers == nullptr || answers->empty())
        continue;
      const std::string_view link = str(*item, "linkId");
      const json::object* a = (*answers)[0].if_object();
      if (a == nullptr)
        continue;
      const std::string apath = pointer(pointer(ipath, "answer"), std::size_t{0});
      if (link.rfind("finding.", 0) == 0 || link.rfind("red_flag.", 0) == 0) {
        const bool finding = link.rfind("finding.", 0) == 0;
        const json::value* b = a->if_contains("valueBoolean");
        if (b == nullptr || !b->is_bool()) {
          problems_.push_back({pointer(apath, "valueBoolean"), "expected true or false"});
          continue;
        }
        const std::string_view id = link.substr(finding ? 8 : 9);
        const bool known =
            finding ? kb_.find_finding(id).has_value() : kb_.find_red_flag(id).has_value();
        if (!known) {
          problems_.push_back(
              {pointer(ipath, "linkId"),
               "no such question in the myoref Questionnaire: " + detail::quoted(link)});
          continue;
        }
        if (finding) {
          (b->get_bool() ? findings_ : denied_).emplace_back(id);
        } else {
          (b->get_bool() ? red_flags_ : red_flags_denied_).emplace_back(id);
        }
      } else if (link.rfind("precaution.", 0) == 0) {
        const json::value* b = a->if_contains("valueBoolean");
        if (b == nullptr || !b->is_bool()) {
          problems_.push_back({pointer(apath, "valueBoolean"), "expected true or false"});
          continue;
        }
        const std::string_view id = link.substr(11);
        if (!kb_.find_precaution(id)) {
          problems_.push_back(
              {pointer(ipath, "linkId"),
               "no such question in the myoref Questionnaire: " + detail::quoted(link)});
          continue;
        }
        if (b->get_bool())
          precautions_.emplace_back(id);
      } else if (link == "age" || link == "duration_days") {
        const json::value* v = a->if_contains("valueInteger");
        if (v == nullptr || !v->is_int64()) {
          problems_.push_back({pointer(apath, "valueInteger"), "expected a whole number"});
          continue;
        }
        scalars_.emplace_back(std::string(link), *v);
      } else if (link == "onset" || link == "sex") {
        const json::value* v = a->if_contains("valueCoding");
        if (v == nullptr || !v->is_object()) {
          problems_.push_back({pointer(apath, "valueCoding"), "expected a coding"});
          continue;
        }
        scalars_.emplace_back(std::string(link), json::string(str(v->as_object(), "code")));
      } else if (link != "findings" && link != "red_flags" && link != "precautions") {
        problems_.push_back(
            {pointer(ipath, "linkId"),
             "no such question in the myoref Questionnaire: " + detail::quoted(link)});
      }
    }
  }

  void response(const json::object& o, const std::string& base) {
    const std::string_view q = str(o, "questionnaire");
    if (q.rfind(questionnaire_url(kb_), 0) != 0)
      return;  // another questionnaire's answers are not ours to read
    if (const json::array* list = arr(o, "item"))
      items(*list, pointer(base, "item"));
  }

  const KnowledgeBase& kb_;
  std::vector<Diagnostic> problems_;
  json::array pain_;
  json::array findings_;
  json::array denied_;
  json::array red_flags_;
  json::array red_flags_denied_;
  json::array precautions_;
  std::vector<std::pair<std::string, json::value>> scalars_;
};

}  // namespace

Expected<std::string> intake_from_fhir(const KnowledgeBase& kb, std::string_view bundle) {
  detail::JsonLimits limits;
  limits.max_bytes = 16U << 20U;
  Expected<json::value> parsed = detail::parse_json(bundle, limits, "FHIR Bundle");
  if (!parsed)
    return std::move(parsed).error();
  return Importer(kb).run(*parsed);
}

}  // namespace myoref
