// `myoref questions INTAKE.json [--format text|json] [--kb KB.json]`: the
// red-flag questions a pain drawing calls for and that were not answered,
// most serious first, each with why it is asked.
#include <string>
#include <vector>

#include "cli.hpp"

namespace myoref::cli {
namespace {

std::string level_upper(TriageLevel level) {
  std::string out(to_string(level));
  for (char& ch : out)
    ch = ch == '_' ? ' ' : static_cast<char>(ch >= 'a' && ch <= 'z' ? ch - 'a' + 'A' : ch);
  return out;
}

int run_questions(const std::vector<std::string>& words) {
  Args args;
  if (!parse_args(words, {"--format", "--kb", "--lang", "--locale-pack"}, args)) {
    return kExitUsage;
  }
  if (args.positional.size() != 1) {
    return usage_error(
        "questions INTAKE.json [--format text|json] [--kb KB.json] takes one intake file ('-' "
        "for standard input)");
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
  if (format == "json") {
    auto json = questions_json(kb, text, true);
    if (!json) {
      print_error(source, json.error());
      return exit_code_for(json.error());
    }
    return write_output("-", *json + "\n") ? kExitOk : 1;
  }
  auto intake = parse_intake(kb, text);
  if (!intake) {
    print_error(source, intake.error());
    return exit_code_for(intake.error());
  }
  auto list = questions(kb, *intake);
  if (!list) {
    print_error(source, list.error());
    return exit_code_for(list.error());
  }
  std::string out;
  if (list->empty()) {
    out =
        "No question is left to ask: every red-flag question this drawing calls for has been "
        "answered.\n";
  } else {
    out = std::to_string(list->size()) + (list->size() == 1 ? " question" : " questions") +
          " to ask before any self-care, most serious first. Answer each yes or no (put the id "
          "in \"red_flags\" for yes, in \"red_flags_denied\" for no):\n";
    for (const Question& q : *list) {
      const RedFlag& flag = kb.red_flags()[q.red_flag];
      out += "\n[" + level_upper(flag.level) + "] " + flag.id + "\n  " + flag.question +
             "\n  asked because: " + q.why + "\n";
    }
  }
  return write_output("-", out) ? kExitOk : 1;
}

}  // namespace

MYOREF_COMMAND("questions",
               "questions INTAKE.json [--format text|json] [--kb KB.json] [--lang LANG]",
               "the red-flag questions a pain drawing calls for and that were not answered, most "
               "serious first",
               run_questions)

}  // namespace myoref::cli
