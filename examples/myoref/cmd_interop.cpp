// `myoref fhir ASSESSMENT_OR_PLAN.json [--patient REF] [--date YYYY-MM-DD]`,
// `myoref import fhir BUNDLE.json`, `myoref import choir SEGMENTS --sex S` and
// `myoref export choir INTAKE.json --sex S` (docs/interop.md).
#include <string>
#include <vector>

#include "cli.hpp"
#include "myoref/interop.hpp"

namespace myoref::cli {
namespace {

int run_fhir(const std::vector<std::string>& words) {
  Args args;
  if (!parse_args(words, {"--patient", "--date", "--kb", "--lang", "--locale-pack", "--out"}, args))
    return kExitUsage;
  if (args.positional.size() != 1) {
    return usage_error(
        "fhir ASSESSMENT_OR_PLAN.json [--patient REF] [--date YYYY-MM-DD] takes one "
        "assessment or plan document ('-' for standard input)");
  }
  const std::string& source = args.positional.front();
  KnowledgeBase kb;
  int exit_code = kExitOk;
  if (!load_kb(args, kb, exit_code))
    return exit_code;
  std::string text;
  if (!read_input(source, text))
    return kExitBadInput;
  FhirOptions options;
  options.patient = args.get("--patient");
  options.date = args.get("--date");
  auto bundle = fhir_bundle(kb, text, options);
  if (!bundle) {
    print_error(source, bundle.error());
    return exit_code_for(bundle.error());
  }
  return write_output(args.get("--out", "-"), *bundle) ? kExitOk : kExitBadInput;
}

int run_import_fhir(const std::vector<std::string>& rest) {
  Args args;
  if (!parse_args(rest, {"--kb", "--out"}, args))
    return kExitUsage;
  if (args.positional.size() != 1)
    return usage_error("import fhir BUNDLE.json takes one Bundle ('-' for standard input)");
  const std::string& source = args.positional.front();
  KnowledgeBase kb;
  int exit_code = kExitOk;
  if (!load_kb(args, kb, exit_code))
    return exit_code;
  std::string text;
  if (!read_input(source, text))
    return kExitBadInput;
  auto intake = intake_from_fhir(kb, text);
  if (!intake) {
    print_error(source, intake.error());
    return exit_code_for(intake.error());
  }
  return write_output(args.get("--out", "-"), *intake + "\n") ? kExitOk : kExitBadInput;
}

bool choir_sex(const Args& args, ChoirSex& out) {
  const auto sex = parse_choir_sex(args.get("--sex"));
  if (!sex) {
    usage_error(
        "--sex female or --sex male is required: the CHOIR body map numbers "
        "segments 112-117 differently for each");
    return false;
  }
  out = *sex;
  return true;
}

int run_import_choir(const std::vector<std::string>& rest) {
  Args args;
  if (!parse_args(rest, {"--sex", "--intensity", "--kb", "--out"}, args))
    return kExitUsage;
  if (args.positional.size() != 1) {
    return usage_error(
        "import choir SEGMENTS --sex female|male [--intensity N] takes one list of segments "
        "(\"128,117,107\")");
  }
  ChoirSex sex = ChoirSex::female;
  if (!choir_sex(args, sex))
    return kExitUsage;
  const std::string n = args.get("--intensity", "5");
  if (n.empty() || n.size() > 2 || n.find_first_not_of("0123456789") != std::string::npos)
    return usage_error("--intensity is a whole number 1..10, not '" + n + "'");
  KnowledgeBase kb;
  int exit_code = kExitOk;
  if (!load_kb(args, kb, exit_code))
    return exit_code;
  auto intake = intake_from_choir(kb, args.positional.front(), sex, std::stoi(n));
  if (!intake) {
    print_error("segments", intake.error());
    return exit_code_for(intake.error());
  }
  return write_output(args.get("--out", "-"), *intake + "\n") ? kExitOk : kExitBadInput;
}

int run_import(const std::vector<std::string>& words) {
  const std::string what = words.empty() ? std::string() : words.front();
  const std::vector<std::string> rest(words.empty() ? words.end() : words.begin() + 1, words.end());
  if (what == "fhir")
    return run_import_fhir(rest);
  if (what == "choir")
    return run_import_choir(rest);
  return usage_error("import fhir BUNDLE.json | import choir SEGMENTS --sex female|male");
}

int run_export(const std::vector<std::string>& words) {
  if (words.empty() || words.front() != "choir")
    return usage_error("export choir INTAKE_OR_ASSESSMENT.json --sex female|male");
  const std::vector<std::string> rest(words.begin() + 1, words.end());
  Args args;
  if (!parse_args(rest, {"--sex", "--kb", "--lang", "--locale-pack"}, args))
    return kExitUsage;
  if (args.positional.size() != 1)
    return usage_error("export choir INTAKE_OR_ASSESSMENT.json --sex female|male takes one file");
  ChoirSex sex = ChoirSex::female;
  if (!choir_sex(args, sex))
    return kExitUsage;
  const std::string& source = args.positional.front();
  KnowledgeBase kb;
  int exit_code = kExitOk;
  if (!load_kb(args, kb, exit_code))
    return exit_code;
  std::string text;
  if (!read_input(source, text))
    return kExitBadInput;
  auto segments = choir_from_intake(kb, text, sex);
  if (!segments) {
    print_error(source, segments.error());
    return exit_code_for(segments.error());
  }
  return write_output("-", *segments + "\n") ? kExitOk : kExitBadInput;
}

}  // namespace
}  // namespace myoref::cli

MYOREF_COMMAND("fhir",
               "fhir ASSESSMENT_OR_PLAN.json [--patient REF] [--date YYYY-MM-DD] [--lang LANG] "
               "[--out F]",
               "an assessment or plan as a FHIR R4 Bundle (observations, questionnaire "
               "response, clinical impression; with --lang, its words in that language)",
               &myoref::cli::run_fhir)
MYOREF_COMMAND("import",
               "import fhir BUNDLE.json | import choir SEGMENTS --sex female|male [--intensity N]",
               "an intake from a FHIR Bundle that `myoref fhir` wrote, or from a CHOIR body "
               "map's segments (\"128,117,107\")",
               &myoref::cli::run_import)
MYOREF_COMMAND("export", "export choir INTAKE_OR_ASSESSMENT.json --sex female|male",
               "the CHOIR body map segments a drawing's painful regions fall in",
               &myoref::cli::run_export)
