// `myoref render ...` and `myoref report`: pictures and the HTML report.
#include <iostream>
#include <string>
#include <utility>
#include <vector>

#include "cli.hpp"
#include "myoref/assess.hpp"
#include "myoref/render.hpp"

namespace myoref::cli {
namespace {

constexpr const char* kRenderSynopsis =
    "render muscle ID --out F.svg [--side left|right] [--kb KB.json]\n"
    "  myoref render intake INTAKE.json --out F.svg [--kb KB.json]\n"
    "  myoref render overlay INTAKE.json --candidate KEY --out F.svg [--kb KB.json]";
constexpr const char* kReportSynopsis = "report INTAKE.json --out F.html [--kb KB.json]";

// Writes a rendered picture, or reports why there is none.
int emit(const Expected<std::string>& picture, const std::string& source, const std::string& out) {
  if (!picture) {
    print_error(source, picture.error());
    return exit_code_for(picture.error());
  }
  return write_output(out, *picture) ? kExitOk : kExitBadInput;
}

// The candidate for muscle `id` (an alias will do) on `side_text` ("" means
// left, or no side for a midline muscle). Prints why not and returns false.
bool find_candidate(const KnowledgeBase& kb, const std::string& id, const std::string& side_text,
                    CandidateIndex& out, int& exit_code) {
  const auto muscle = kb.find_muscle(id);
  if (!muscle) {
    const std::string suggestion = kb.suggest_muscle(id);
    std::cerr << "myoref: unknown muscle \"" << id << '"'
              << (suggestion.empty() ? std::string() : " (did you mean \"" + suggestion + "\"?)")
              << '\n';
    exit_code = kExitBadInput;
    return false;
  }
  const bool midline = kb.muscles()[*muscle].midline;
  Side side = midline ? Side::none : Side::left;
  if (!side_text.empty()) {
    const auto parsed = parse_side(side_text);
    if (!parsed || *parsed == Side::none) {
      exit_code = usage_error("--side is left or right, not '" + side_text + "'");
      return false;
    }
    if (midline) {
      exit_code = usage_error("muscle \"" + kb.muscles()[*muscle].id +
                              "\" is a midline muscle: it has no side");
      return false;
    }
    side = *parsed;
  }
  const auto candidate = kb.find_candidate(*muscle, side);
  if (!candidate) {
    std::cerr << "myoref: muscle \"" << id << "\" has no candidate on side " << to_string(side)
              << '\n';
    exit_code = kExitBadInput;
    return false;
  }
  out = *candidate;
  return true;
}

int render_muscle(const std::vector<std::string>& words) {
  Args args;
  if (!parse_args(words, {"--out", "--side", "--kb", "--lang", "--locale-pack"}, args))
    return kExitUsage;
  if (args.positional.size() != 1 || !args.has("--out"))
    return usage_error(kRenderSynopsis);
  KnowledgeBase kb;
  int exit_code = kExitOk;
  if (!load_kb(args, kb, exit_code))
    return exit_code;
  CandidateIndex candidate = 0;
  if (!find_candidate(kb, args.positional[0], args.get("--side"), candidate, exit_code)) {
    return exit_code;
  }
  return emit(render_muscle_svg(kb, candidate), args.get("--kb", "built-in knowledge base"),
              args.get("--out"));
}

// Reads and validates an intake; prints every problem with its JSON path.
bool read_intake(const KnowledgeBase& kb, const std::string& path, Intake& out, int& exit_code) {
  std::string text;
  if (!read_input(path, text)) {
    exit_code = kExitBadInput;
    return false;
  }
  auto intake = parse_intake(kb, text);
  if (!intake) {
    print_error(path, intake.error());
    exit_code = exit_code_for(intake.error());
    return false;
  }
  out = std::move(intake).value();
  return true;
}

int render_intake(const std::vector<std::string>& words) {
  Args args;
  if (!parse_args(words, {"--out", "--kb", "--lang", "--locale-pack"}, args))
    return kExitUsage;
  if (args.positional.size() != 1 || !args.has("--out")) {
    return usage_error("render intake INTAKE.json --out F.svg [--kb KB.json]");
  }
  KnowledgeBase kb;
  int exit_code = kExitOk;
  if (!load_kb(args, kb, exit_code))
    return exit_code;
  Intake intake;
  if (!read_intake(kb, args.positional[0], intake, exit_code))
    return exit_code;
  return emit(render_intake_svg(kb, intake), args.positional[0], args.get("--out"));
}

int render_overlay(const std::vector<std::string>& words) {
  Args args;
  if (!parse_args(words, {"--out", "--candidate", "--kb", "--lang", "--locale-pack"}, args))
    return kExitUsage;
  if (args.positional.size() != 1 || !args.has("--out") || !args.has("--candidate")) {
    return usage_error("render overlay INTAKE.json --candidate KEY --out F.svg [--kb KB.json]");
  }
  KnowledgeBase kb;
  int exit_code = kExitOk;
  if (!load_kb(args, kb, exit_code))
    return exit_code;
  const std::string key = args.get("--candidate");
  const auto candidate = kb.find_candidate(key);
  if (!candidate) {
    std::cerr << "myoref: --candidate: unknown candidate \"" << key
              << "\": expected MUSCLE:SIDE (\"gluteus_medius:left\"), or the bare id of a midline "
                 "muscle\n";
    return kExitBadInput;
  }
  Intake intake;
  if (!read_intake(kb, args.positional[0], intake, exit_code))
    return exit_code;
  return emit(render_overlay_svg(kb, intake, *candidate), args.positional[0], args.get("--out"));
}

int run_render(const std::vector<std::string>& words) {
  if (words.empty())
    return usage_error(kRenderSynopsis);
  const std::string& what = words.front();
  const std::vector<std::string> rest(words.begin() + 1, words.end());
  if (what == "muscle")
    return render_muscle(rest);
  if (what == "intake")
    return render_intake(rest);
  if (what == "overlay")
    return render_overlay(rest);
  return usage_error("render muscle, intake or overlay, not render '" + what + "'");
}

int run_report(const std::vector<std::string>& words) {
  Args args;
  if (!parse_args(words, {"--out", "--kb", "--lang", "--locale-pack"}, args))
    return kExitUsage;
  if (args.positional.size() != 1 || !args.has("--out"))
    return usage_error(kReportSynopsis);
  KnowledgeBase kb;
  int exit_code = kExitOk;
  if (!load_kb(args, kb, exit_code))
    return exit_code;
  Intake intake;
  if (!read_intake(kb, args.positional[0], intake, exit_code))
    return exit_code;
  auto assessment = assess(kb, intake);
  if (!assessment) {
    print_error(args.positional[0], assessment.error());
    return exit_code_for(assessment.error());
  }
  return emit(render_report_html(*assessment), args.positional[0], args.get("--out"));
}

}  // namespace
}  // namespace myoref::cli

MYOREF_COMMAND("render", myoref::cli::kRenderSynopsis,
               "pictures as SVG: a muscle's referral pattern, a pain drawing, or the drawing "
               "with a candidate's pattern over it",
               &myoref::cli::run_render)
MYOREF_COMMAND("report", myoref::cli::kReportSynopsis,
               "one self-contained HTML page: triage, ranking with reasons, charts, first plan "
               "step",
               &myoref::cli::run_report)
