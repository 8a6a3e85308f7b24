// `myoref assess INTAKE.json [--format text|json] [--kb KB.json] [--ask]`:
// triage a pain drawing, then rank the muscles likely behind it, with the
// reasons. With --ask, the red-flag questions the drawing calls for and the
// intake did not answer are asked first (yes / no / skip, read from standard
// input; the questions go to standard error).
#include <algorithm>
#include <iostream>
#include <string>
#include <vector>

#include "cli.hpp"

namespace myoref::cli {
namespace {

/// Asks each question on standard error and reads the answers from standard
/// input: yes, no, or skip (an empty line, or the end of the input, skips).
void ask(const KnowledgeBase& kb, const std::vector<Question>& list, Intake& intake) {
  std::cerr << list.size() << (list.size() == 1 ? " question" : " questions")
            << " first, most serious first. Answer y (yes), n (no) or s (skip).\n";
  for (const Question& q : list) {
    const RedFlag& flag = kb.red_flags()[q.red_flag];
    for (int attempt = 0; attempt < 3; ++attempt) {
      std::cerr << "\n[" << to_string(flag.level) << "] " << flag.question
                << "\n  (asked because: " << q.why << ")\n  yes / no / skip? " << std::flush;
      std::string line;
      if (!std::getline(std::cin, line)) {
        std::cerr << "\n";
        return;  // no more answers: the rest stay unanswered
      }
      line.erase(std::remove_if(line.begin(), line.end(),
                                [](char c) { return c == ' ' || c == '\r' || c == '\t'; }),
                 line.end());
      for (char& c : line)
        c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
      if (line == "y" || line == "yes") {
        intake.red_flags.push_back(q.red_flag);
        break;
      }
      if (line == "n" || line == "no") {
        intake.red_flags_denied.push_back(q.red_flag);
        break;
      }
      if (line.empty() || line == "s" || line == "skip")
        break;
      std::cerr << "  please answer yes, no or skip\n";
    }
  }
  std::cerr << "\n";
}

int run_assess(const std::vector<std::string>& words_given) {
  // --ask takes no value, unlike the other options.
  std::vector<std::string> words = words_given;
  const auto ask_at = std::find(words.begin(), words.end(), "--ask");
  const bool asking = ask_at != words.end();
  if (asking)
    words.erase(ask_at);
  Args args;
  if (!parse_args(words, {"--format", "--kb", "--lang", "--locale-pack"}, args)) {
    return kExitUsage;
  }
  if (asking && (args.positional.size() == 1 && args.positional.front() == "-")) {
    return usage_error("--ask reads the answers from standard input, so the intake must be a file");
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
  if (asking) {
    auto list = questions(kb, *intake);
    if (!list) {
      print_error(source, list.error());
      return exit_code_for(list.error());
    }
    if (!list->empty())
      ask(kb, *list, *intake);
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

MYOREF_COMMAND("assess",
               "assess INTAKE.json [--format text|json] [--kb KB.json] [--lang LANG] [--ask]",
               "triage a pain drawing (red flags first), then rank the muscles likely behind it, "
               "with reasons",
               run_assess)

}  // namespace myoref::cli
