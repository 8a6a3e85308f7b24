// myoref plan start|next|log: the self-care plan from the command line.
//
// The plan lives in a JSON file that this command reads and, for `log`,
// rewrites atomically. A failed command never changes a file it was given:
// everything is checked and the new document built before anything is written.
#include <iostream>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "cli.hpp"
#include "myoref/assess.hpp"
#include "myoref/plan.hpp"

namespace myoref::cli {
namespace {

constexpr std::string_view kSynopsis =
    "plan start ASSESSMENT.json --out PLAN.json [--release-trials N] "
    "[--append-related true|false] [--max-candidates N] [--max-exercises-per-step N] "
    "[--no-improvement-weeks N] [--kb KB.json]\n"
    "  myoref plan next PLAN.json [--format text|json] [--kb KB.json]\n"
    "  myoref plan log PLAN.json SESSION.json [--format text|json] [--kb "
    "KB.json]";

bool parse_format(const Args& args, bool& json) {
  const std::string format = args.get("--format", "text");
  if (format != "text" && format != "json") {
    usage_error("--format is text or json, not '" + format + "'");
    return false;
  }
  json = format == "json";
  return true;
}

/// Reads and checks a plan file; prints why when it cannot be trusted.
bool open_plan(const KnowledgeBase& kb, const std::string& path, std::optional<Plan>& out,
               int& exit_code) {
  std::string text;
  if (!read_input(path, text)) {
    exit_code = kExitBadInput;
    return false;
  }
  auto plan = Plan::from_json(kb, text);
  if (!plan) {
    print_error(path, plan.error());
    exit_code = exit_code_for(plan.error());
    return false;
  }
  out.emplace(std::move(plan).value());
  return true;
}

int plan_start(const std::vector<std::string>& words) {
  Args args;
  if (!parse_args(
          words,
          {"--out", "--release-trials", "--append-related", "--max-candidates",
           "--max-exercises-per-step", "--no-improvement-weeks", "--kb", "--lang", "--locale-pack"},
          args)) {
    return kExitUsage;
  }
  if (args.positional.size() != 1) {
    return usage_error("plan start ASSESSMENT.json --out PLAN.json");
  }
  if (!args.has("--out")) {
    return usage_error("plan start needs --out PLAN.json");
  }
  PlanOptions options;
  // Whole numbers only here; the plan checks each one's range and says it.
  const std::pair<const char*, int PlanOptions::*> numbers[] = {
      {"--release-trials", &PlanOptions::release_trials},
      {"--max-candidates", &PlanOptions::max_candidates},
      {"--max-exercises-per-step", &PlanOptions::max_exercises_per_step},
      {"--no-improvement-weeks", &PlanOptions::no_improvement_weeks}};
  for (const auto& [flag, field] : numbers) {
    if (args.has(flag)) {
      const std::string n = args.get(flag);
      if (n.empty() || n.size() > 3 || n.find_first_not_of("0123456789") != std::string::npos) {
        return usage_error(std::string(flag) + " takes a whole number, not '" + n + "'");
      }
      options.*field = std::stoi(n);
    }
  }
  if (args.has("--append-related")) {
    const std::string v = args.get("--append-related");
    if (v != "true" && v != "false") {
      return usage_error("--append-related is true or false, not '" + v + "'");
    }
    options.append_related = v == "true";
  }
  int code = kExitOk;
  KnowledgeBase kb;
  if (!load_kb(args, kb, code)) {
    return code;
  }
  const std::string& source = args.positional[0];
  std::string text;
  if (!read_input(source, text)) {
    return kExitBadInput;
  }
  // The assessment document is re-assessed from the intake it echoes, with
  // this knowledge base (whose id and hash it must name): a plan never rests
  // on scores it cannot reproduce.
  auto assessment = assessment_from_json(kb, text);
  if (!assessment) {
    print_error(source, assessment.error());
    return exit_code_for(assessment.error());
  }
  auto plan = Plan::start(kb, *assessment, options);
  if (!plan) {
    // An option out of range is the command line's fault, not the file's.
    const bool usage = plan.error().code() == ErrorCode::invalid_argument;
    print_error(usage ? std::string("command line") : source, plan.error());
    return usage ? kExitUsage : exit_code_for(plan.error());
  }
  const std::string out = args.get("--out");
  if (!write_output(out, plan->to_json())) {
    return kExitBadInput;
  }
  if (out != "-") {
    const NextStep next = plan->next();
    std::cout << "Plan started in " << out << ": first target " << next.target << " ("
              << plan->candidates().size() << " candidates).\n"
              << "Run `myoref plan next " << out << "` for the first session.\n";
  }
  return kExitOk;
}

int plan_next(const std::vector<std::string>& words) {
  Args args;
  bool json = false;
  if (!parse_args(words, {"--format", "--kb", "--lang", "--locale-pack"}, args) ||
      !parse_format(args, json)) {
    return kExitUsage;
  }
  if (args.positional.size() != 1) {
    return usage_error("plan next PLAN.json [--format text|json]");
  }
  int code = kExitOk;
  KnowledgeBase kb;
  std::optional<Plan> plan;
  if (!load_kb(args, kb, code) || !open_plan(kb, args.positional[0], plan, code)) {
    return code;
  }
  const NextStep next = plan->next();
  std::cout << (json ? next.to_json() : next.to_text());
  return kExitOk;
}

int plan_log(const std::vector<std::string>& words) {
  Args args;
  bool json = false;
  if (!parse_args(words, {"--format", "--kb", "--lang", "--locale-pack"}, args) ||
      !parse_format(args, json)) {
    return kExitUsage;
  }
  if (args.positional.size() != 2) {
    return usage_error("plan log PLAN.json SESSION.json");
  }
  const std::string& plan_path = args.positional[0];
  const std::string& session_path = args.positional[1];
  if (plan_path == "-") {
    return usage_error("plan log rewrites PLAN.json, so it must be a file, not -");
  }
  int code = kExitOk;
  KnowledgeBase kb;
  std::optional<Plan> plan;
  if (!load_kb(args, kb, code) || !open_plan(kb, plan_path, plan, code)) {
    return code;
  }
  std::string session;
  if (!read_input(session_path, session)) {
    return kExitBadInput;
  }
  auto decision = plan->log(std::string_view(session));
  if (!decision) {
    print_error(session_path, decision.error());
    return exit_code_for(decision.error());
  }
  if (!write_output(plan_path, plan->to_json())) {
    return kExitBadInput;
  }
  std::cout << (json ? decision->to_json() : decision->to_text());
  return kExitOk;
}

int run_plan(const std::vector<std::string>& words) {
  if (words.empty()) {
    return usage_error("plan start|next|log ...");
  }
  const std::vector<std::string> rest(words.begin() + 1, words.end());
  if (words[0] == "start")
    return plan_start(rest);
  if (words[0] == "next")
    return plan_next(rest);
  if (words[0] == "log")
    return plan_log(rest);
  return usage_error("plan start|next|log, not '" + words[0] + "'");
}

}  // namespace
}  // namespace myoref::cli

MYOREF_COMMAND("plan", myoref::cli::kSynopsis,
               "the self-care plan: start one from an assessment, see the next "
               "session, log a session",
               &myoref::cli::run_plan)
