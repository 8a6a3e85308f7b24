/// @file
/// Interoperability: assessments and plans as HL7 FHIR R4 Bundles, and back
/// (docs/interop.md).
#ifndef MYOREF_INTEROP_HPP
#define MYOREF_INTEROP_HPP

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "myoref/error.hpp"
#include "myoref/kb.hpp"

namespace myoref {

/// Options of fhir_bundle().
struct FhirOptions {
  /// A FHIR reference to the patient ("Patient/123", or an absolute URL) that
  /// every resource's subject points at. Empty: the Bundle holds an anonymous
  /// Patient of its own (no name, no identifier; its gender from the intake's
  /// "sex" when given) and points at it.
  std::string patient;
  /// The date of the assessment (YYYY-MM-DD) for the pain observations'
  /// effectiveDateTime and the QuestionnaireResponse's authored; empty: none
  /// (an assessment document carries no date). Plan sessions carry their own.
  std::string date;
  /// Two-space indentation (the `myoref fhir` command's output) or compact.
  bool pretty = true;
};

/// The FHIR R4 Bundle (type "collection") of an assessment document
/// (Assessment::to_json) or a plan document (Plan::to_json), read with `kb`
/// like assessment_from_json / Plan::from_json (so a document made with
/// another knowledge base is kb_mismatch, an edited plan integrity).
///
/// For an assessment: an Observation per marked region (LOINC 72514-3, pain
/// severity 0-10, the body site coded with the region key and, where the
/// knowledge base's region codes give them, SNOMED CT, FMA and UBERON), the
/// Questionnaire the knowledge base defines (findings, red flags, age,
/// duration, onset, sex) and a QuestionnaireResponse holding only the
/// questions that were answered, and a ClinicalImpression: the triage and the
/// ranked candidates, each with its score and basis. For a plan: two
/// Observations per session (pain before and after, dated) and the plan's
/// candidates. Resource ids are derived from the document, so the same
/// document and options always give the same bytes.
Expected<std::string> fhir_bundle(const KnowledgeBase& kb, std::string_view document,
                                  const FhirOptions& options = {});

/// The intake (canonical JSON, as intake_to_json) that a Bundle written by
/// fhir_bundle() for an assessment records: its pain Observations (by the
/// region-key coding of their body site) and its QuestionnaireResponse.
/// Errors: parse, limit_exceeded, invalid_input with the Bundle's JSON path
/// (not a Bundle, an Observation without a region key, an answer to an
/// unknown question, no pain observation).
Expected<std::string> intake_from_fhir(const KnowledgeBase& kb, std::string_view bundle);

/// The base of the canonical URLs myoref's FHIR resources use for its own
/// code systems and Questionnaire ("http://myoref.invalid/fhir").
const char* fhir_base_url() noexcept;

/// The CHOIR body map's numbering, which differs between its two pictures
/// (segments 112-117 of the front view).
enum class ChoirSex : std::uint8_t { female = 0, male = 1 };

/// An intake (canonical JSON) from a CHOIR body map's marked segments
/// ("128,117,107": numbers separated by commas, spaces allowed), through the
/// crosswalk in data/choir/crosswalk.json (docs/interop.md): every chart
/// region key a marked segment overlaps is marked, with `intensity` (1..10)
/// scaled by the larger of how much of the region the marked segments cover
/// and how much of one marked segment falls in it (at least 1).
/// Errors: invalid_input with the position of a number that is not a CHOIR
/// segment or is repeated, or when no segment is given; invalid_argument for
/// an intensity outside 1..10.
Expected<std::string> intake_from_choir(const KnowledgeBase& kb, std::string_view segments,
                                        ChoirSex sex, int intensity = 5);

/// The CHOIR segments (ascending, comma separated) that a drawing's painful
/// region keys fall in: for each, the segments covering at least a quarter of
/// the region, or the one covering most of it. `intake` is an intake or an
/// assessment document (JSON). Errors: as parse_intake.
Expected<std::string> choir_from_intake(const KnowledgeBase& kb, std::string_view intake,
                                        ChoirSex sex);

/// "female" / "male".
std::optional<ChoirSex> parse_choir_sex(std::string_view text) noexcept;

}  // namespace myoref

#endif  // MYOREF_INTEROP_HPP
