// `myoref assess INTAKE.json [--format text|json] [--kb KB.json]`: triage a
// pain drawing, then rank the muscles likely behind it, with the reasons.
#include <string>
#include <vector>

#include "cli.hpp"

namespace myoref::cli {
namespace {

int run_assess(const std::vector<std::string>& words) {
  Args args;
  if (!parse_args(words, {"--format", "--kb"}, args)) {
    return kExitUsage;
  }
  if (args.positional.size() != 1) {
    return usage_error(
        "assess INTAKE.json [--format text|json] [--kb KB.json] takes one intake "
        "file ('-' for standard input)");
  }
  const std::string format = args.get("--format", "text");
  if (format != "text" && format != "json") {
    return usage_error("--format is text or json, not '" + format + "'");
  }
  const std::string& source = args.positional.front();
  if (source == "-" && args.get("--kb") == "-") {
    return usage_error("the intake and --kb cannot both be standard input");
  }

  KnowledgeBase kb;
  int exit_code = kExitOk;
  if (!load_kb(args, kb, exit_code)) {
    return exit_code;
  }
  std::string text;
  if (!read_input(source, text)) {
    return kExitBadInput;
  }
  auto intake = parse_intake(kb, text);
  if (!intake) {
    print_error(source, intake.error());
    return exit_code_for(intake.error());
  }
  auto assessment = assess(kb, *intake);
  if (!assessment) {
    print_error(source, assessment.error());
    return exit_code_for(assessment.error());
  }
  // The report always leads with triage; a red flag is reported, not refused,
  // so that the person sees its advice.
  const std::string out = format == "json" ? assessment->to_json(true) : assessment->to_text();
  return write_output("-", out) ? kExitOk : 1;  // standard output failed: nothing else to report
}

}  // namespace

MYOREF_COMMAND("assess", "assess INTAKE.json [--format text|json] [--kb KB.json]",
               "triage a pain drawing (red flags first), then rank the muscles likely behind it, "
               "with reasons",
               run_assess)

}  // namespace myoref::cli
