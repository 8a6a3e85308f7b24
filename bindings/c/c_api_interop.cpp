// The C API of interoperability: FHIR R4 out and back (docs/interop.md).
#include <string>

#include "c_api.hpp"
#include "myoref/interop.hpp"

using myoref::capi::guard;
using myoref::capi::text_view;

int myoref_fhir_json(char** out, const myoref_kb* kb, const char* document, size_t len,
                     const char* patient, const char* date) {
  MYOREF_CHECK_OUT(out);
  MYOREF_CHECK_ARG(kb);
  MYOREF_CHECK_TEXT(document, len);
  return guard(__func__, [&] {
    myoref::FhirOptions options;
    if (patient != nullptr)
      options.patient = patient;
    if (date != nullptr)
      options.date = date;
    auto bundle = myoref::fhir_bundle(kb->kb, text_view(document, len), options);
    if (!bundle)
      return myoref::capi::fail(bundle.error());
    *out = myoref::capi::to_c_string(*bundle);
    return MYOREF_OK;
  });
}

int myoref_import_fhir_json(char** out, const myoref_kb* kb, const char* bundle, size_t len) {
  MYOREF_CHECK_OUT(out);
  MYOREF_CHECK_ARG(kb);
  MYOREF_CHECK_TEXT(bundle, len);
  return guard(__func__, [&] {
    auto intake = myoref::intake_from_fhir(kb->kb, text_view(bundle, len));
    if (!intake)
      return myoref::capi::fail(intake.error());
    *out = myoref::capi::to_c_string(*intake);
    return MYOREF_OK;
  });
}

int myoref_import_choir_json(char** out, const myoref_kb* kb, const char* segments, const char* sex,
                             int intensity) {
  MYOREF_CHECK_OUT(out);
  MYOREF_CHECK_ARG(kb);
  MYOREF_CHECK_ARG(segments);
  MYOREF_CHECK_ARG(sex);
  return guard(__func__, [&] {
    const auto s = myoref::parse_choir_sex(sex);
    if (!s) {
      return myoref::capi::fail(
          myoref::Error(myoref::ErrorCode::invalid_argument, "sex is \"female\" or \"male\""));
    }
    auto intake = myoref::intake_from_choir(kb->kb, segments, *s, intensity);
    if (!intake)
      return myoref::capi::fail(intake.error());
    *out = myoref::capi::to_c_string(*intake);
    return MYOREF_OK;
  });
}

int myoref_export_choir_json(char** out, const myoref_kb* kb, const char* intake, size_t len,
                             const char* sex) {
  MYOREF_CHECK_OUT(out);
  MYOREF_CHECK_ARG(kb);
  MYOREF_CHECK_TEXT(intake, len);
  MYOREF_CHECK_ARG(sex);
  return guard(__func__, [&] {
    const auto s = myoref::parse_choir_sex(sex);
    if (!s) {
      return myoref::capi::fail(
          myoref::Error(myoref::ErrorCode::invalid_argument, "sex is \"female\" or \"male\""));
    }
    auto segments = myoref::choir_from_intake(kb->kb, text_view(intake, len), *s);
    if (!segments)
      return myoref::capi::fail(segments.error());
    *out = myoref::capi::to_c_string(*segments);
    return MYOREF_OK;
  });
}
