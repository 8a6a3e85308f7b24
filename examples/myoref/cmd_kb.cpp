// `myoref kb check FILE` and `myoref muscle ID`: the knowledge base itself.
#include <cstddef>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "cli.hpp"
#include "myoref/render.hpp"

namespace myoref::cli {
namespace {

std::string cited(const KnowledgeBase& kb, const std::vector<CitationIndex>& cite) {
  std::string out = " [";
  for (std::size_t i = 0; i < cite.size(); ++i) {
    if (i != 0)
      out += ", ";
    out += kb.citations()[cite[i]].key;
  }
  return out + "]";
}

std::string cited(const KnowledgeBase& kb, const Statement& s) {
  return s.text + cited(kb, s.cite);
}

std::string joined(const std::vector<std::string>& items, const char* separator = ", ") {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i != 0)
      out += separator;
    out += items[i];
  }
  return out;
}

std::string region_names(const KnowledgeBase& kb, const std::vector<RegionIndex>& regions) {
  std::vector<std::string> names;
  names.reserve(regions.size());
  for (const auto r : regions)
    names.push_back(kb.regions()[r].name);
  return names.empty() ? kb.message("muscle_text.no_zone") : joined(names);
}

std::string where_pain_appears(const KnowledgeBase& kb, SideRelation side) {
  switch (side) {
    case SideRelation::same:
      return kb.message("muscle_text.side_same");
    case SideRelation::opposite:
      return kb.message("muscle_text.side_opposite");
    case SideRelation::both:
      return kb.message("muscle_text.side_both");
    case SideRelation::midline:
      return kb.message("muscle_text.side_midline");
  }
  return "";
}

// A number as the knowledge base's language writes it ("0.4", "0,4").
std::string decimal(const KnowledgeBase& kb, float value) {
  std::ostringstream written;
  written << value;
  std::string text = written.str();
  const std::string separator = kb.message("number.decimal_separator");
  if (const auto dot = text.find('.'); dot != std::string::npos)
    text.replace(dot, 1, separator);
  return text;
}

void statement_list(std::ostream& out, const KnowledgeBase& kb, const char* heading,
                    const std::vector<Statement>& items) {
  out << '\n' << kb.message(heading) << '\n';
  for (const auto& s : items)
    out << "  - " << cited(kb, s) << '\n';
}

void print_exercise(std::ostream& out, const KnowledgeBase& kb, const Exercise& e) {
  out << "     " << e.name << " (" << e.id << "): " << kb.dose_text(e.dose) << cited(kb, e.cite)
      << '\n';
  std::vector<std::string> equipment;
  for (const auto& item : e.equipment)
    equipment.push_back(kb.message("equipment." + item));
  out << "       " << kb.message("muscle_text.equipment") << ' ' << joined(equipment) << '\n';
  for (std::size_t i = 0; i < e.instructions.size(); ++i) {
    out << "       " << (i + 1) << ". " << e.instructions[i] << '\n';
  }
  for (const auto& cue : e.cues)
    out << "       " << kb.message("muscle_text.cue") << ' ' << cue << '\n';
  for (const auto& caution : e.cautions)
    out << "       " << kb.message("muscle_text.caution") << ' ' << caution << '\n';
  if (e.regression) {
    out << "       " << kb.message("muscle_text.easier") << ' '
        << kb.exercises()[*e.regression].name << '\n';
  }
  if (e.progression) {
    out << "       " << kb.message("muscle_text.harder") << ' '
        << kb.exercises()[*e.progression].name << '\n';
  }
}

void print_muscle(std::ostream& out, const KnowledgeBase& kb, const Muscle& m) {
  out << m.name << " (" << m.id << ")\n";
  if (!m.aliases.empty())
    out << kb.message("muscle_text.also_called") << ' ' << joined(m.aliases) << '\n';
  out << kb.message(m.midline ? "muscle_text.midline" : "muscle_text.paired") << '\n';
  if (!m.fma.empty() || !m.uberon.empty() || !m.parts.empty()) {
    out << kb.message("muscle_text.codes");
    if (!m.fma.empty())
      out << " FMA " << m.fma;
    if (!m.uberon.empty())
      out << " UBERON " << m.uberon;
    // A group of muscles: its members' codes, one after the other.
    for (std::size_t i = 0; i < m.parts.size(); ++i) {
      out << (i == 0 ? " " : "; ");
      if (!m.parts[i].fma.empty())
        out << "FMA " << m.parts[i].fma << (m.parts[i].uberon.empty() ? "" : " ");
      if (!m.parts[i].uberon.empty())
        out << "UBERON " << m.parts[i].uberon;
    }
    out << '\n';
  }
  out << '\n' << cited(kb, m.summary) << '\n';

  out << '\n' << kb.message("muscle_text.where_it_is") << "\n  " << cited(kb, m.location) << '\n';
  const std::string over =
      m.layer.over.empty() ? kb.message("muscle_text.nothing_named") : joined(m.layer.over);
  const std::string under =
      m.layer.under.empty() ? kb.message("muscle_text.nothing_named") : joined(m.layer.under);
  out << "  " << kb.message("muscle_text.covered_by") << ' ' << over << ". "
      << kb.message("muscle_text.lies_on") << ' ' << under << "." << cited(kb, m.layer.cite)
      << '\n';
  out << "  " << kb.message("muscle_text.origin") << ' ' << m.attachments.origin << '\n'
      << "  " << kb.message("muscle_text.insertion") << ' ' << m.attachments.insertion
      << cited(kb, m.attachments.cite) << '\n';

  statement_list(out, kb, "muscle_text.what_it_does", m.actions);
  statement_list(out, kb, "muscle_text.what_loads_it", m.loaded_by);
  statement_list(out, kb, "muscle_text.what_keeps_it_going", m.perpetuating_factors);
  statement_list(out, kb, "muscle_text.symptoms", m.symptoms);

  for (const bool for_it : {true, false}) {
    out << '\n'
        << kb.message(for_it ? "muscle_text.findings_for" : "muscle_text.findings_against") << '\n';
    bool any = false;
    for (const auto& f : m.findings) {
      if ((f.weight > 0.0F) != for_it)
        continue;
      any = true;
      out << "  - " << kb.findings()[f.finding].what << " (" << kb.message("muscle_text.weight")
          << ' ' << decimal(kb, f.weight) << ")" << cited(kb, f.cite) << '\n';
    }
    if (!any)
      out << "  (" << kb.message("muscle_text.none") << ")\n";
  }

  out << '\n' << kb.message("muscle_text.self_test") << "\n  " << cited(kb, m.self_test) << '\n';

  out << '\n' << kb.message("muscle_text.trigger_points") << '\n';
  for (std::size_t i = 0; i < m.trigger_points.size(); ++i) {
    const TriggerPoint& tp = m.trigger_points[i];
    out << "  " << (i + 1) << ". " << tp.name << ": " << tp.location << cited(kb, tp.cite) << '\n'
        << "     " << kb.message("muscle_text.essential_zone") << ' '
        << region_names(kb, tp.essential) << '\n'
        << "     " << kb.message("muscle_text.spillover_zone") << ' '
        << region_names(kb, tp.spillover) << '\n'
        << "     " << kb.message("muscle_text.pain_appears") << ' '
        << where_pain_appears(kb, tp.side) << '\n';
  }

  out << '\n' << kb.message("muscle_text.related") << '\n';
  if (m.related.empty())
    out << "  (" << kb.message("muscle_text.none") << ")\n";
  for (std::size_t i = 0; i < m.related.size(); ++i) {
    const Muscle& r = kb.muscles()[m.related[i]];
    out << "  " << (i + 1) << ". " << r.name << " (" << r.id << ")\n";
  }

  if (!m.differentials.empty())
    statement_list(out, kb, "muscle_text.look_alike", m.differentials);

  out << '\n' << kb.message("muscle_text.protocol") << '\n';
  for (int s = 0; s < kStepCount; ++s) {
    std::string step =
        kb.message("muscle_text.step." + std::string(to_string(static_cast<Step>(s))));
    out << "  " << (s + 1) << ". " << step << '\n';
    for (const auto e : m.protocol[s])
      print_exercise(out, kb, kb.exercises()[e]);
  }
}

/// `kb check [KB.json] --lang LANG [--locale-pack FILE]`: what a language
/// lacks. Exit 0 when every key is translated with its placeholders, 1 when
/// not (each problem listed), 2/3 for usage and input errors.
int check_language(const Args& args) {
  KnowledgeBase kb;
  if (args.positional.size() == 2) {
    std::string text;
    if (!read_input(args.positional[1], text))
      return kExitBadInput;
    auto loaded = KnowledgeBase::from_json(text);
    if (!loaded) {
      print_error(args.positional[1], loaded.error());
      return exit_code_for(loaded.error());
    }
    kb = std::move(loaded).value();
  } else {
    auto builtin = KnowledgeBase::builtin();
    if (!builtin) {
      print_error("built-in knowledge base", builtin.error());
      return exit_code_for(builtin.error());
    }
    kb = std::move(builtin).value();
  }
  std::string pack;
  if (args.has("--locale-pack") && !read_input(args.get("--locale-pack"), pack))
    return kExitBadInput;
  const auto check = kb.check_locale(args.get("--lang"), pack);
  if (!check) {
    print_error(args.get("--locale-pack", "--lang"), check.error());
    return exit_code_for(check.error());
  }
  // It must also load and render: a translated word the loader refuses fails here.
  if (const auto localized = kb.localized(args.get("--lang"), pack); !localized) {
    print_error(args.get("--locale-pack", "--lang"), localized.error());
    return exit_code_for(localized.error());
  }
  std::string chain;
  for (const auto& c : check->chain)
    chain += (chain.empty() ? "" : " -> ") + c;
  const std::size_t total = check->kb_keys + check->message_keys;
  std::cout << "language " << check->locale << " (fallback " << chain << ")\n"
            << "  keys:         " << total << " (" << check->kb_keys << " knowledge base, "
            << check->message_keys << " messages)\n"
            << "  translated:   " << (total - check->missing.size()) << '\n'
            << "  missing:      " << check->missing.size() << " (shown in English)\n"
            << "  unknown:      " << check->unknown.size() << '\n'
            << "  placeholders: " << check->placeholders.size() << " problems\n";
  for (const auto& key : check->missing)
    std::cout << "missing: " << key << '\n';
  for (const auto& key : check->unknown)
    std::cout << "unknown: " << key << '\n';
  for (const auto& problem : check->placeholders)
    std::cout << "placeholder: " << problem << '\n';
  return check->complete() ? kExitOk : 1;
}

int run_kb(const std::vector<std::string>& words) {
  Args args;
  if (!parse_args(words, {"--lang", "--locale-pack"}, args))
    return kExitUsage;
  if (args.has("--lang") && !args.positional.empty() && args.positional[0] == "check" &&
      args.positional.size() <= 2) {
    return check_language(args);
  }
  if (args.positional.size() != 2 || args.positional[0] != "check") {
    return usage_error("kb check KB.json, or kb check [KB.json] --lang LANG [--locale-pack FILE]");
  }
  const std::string& path = args.positional[1];
  std::string text;
  if (!read_input(path, text))
    return kExitBadInput;
  const auto kb = KnowledgeBase::from_json(text);
  if (!kb) {
    print_error(path, kb.error());
    return exit_code_for(kb.error());
  }
  std::size_t trigger_points = 0;
  for (const auto& m : kb->muscles())
    trigger_points += m.trigger_points.size();
  std::cout << path << ": a valid knowledge base\n"
            << "  id:        " << kb->id() << '\n'
            << "  version:   " << kb->version() << '\n'
            << "  title:     " << kb->title() << '\n'
            << "  hash:      " << kb->hash() << '\n'
            << "  citations: " << kb->citations().size() << '\n'
            << "  regions:   " << kb->regions().size() << " (" << kb->region_keys().size()
            << " region keys)\n"
            << "  findings:  " << kb->findings().size() << '\n'
            << "  red flags: " << kb->red_flags().size() << '\n'
            << "  muscles:   " << kb->muscles().size() << " (" << kb->candidates().size()
            << " candidates, " << trigger_points << " trigger points)\n"
            << "  exercises: " << kb->exercises().size() << '\n'
            << "  chart:     " << kb->chart().shapes.size() << " shapes, "
            << kb->chart().marks.size() << " marks\n";
  return kExitOk;
}

int run_muscle(const std::vector<std::string>& words) {
  Args args;
  if (!parse_args(words, {"--format", "--kb", "--lang", "--locale-pack"}, args))
    return kExitUsage;
  if (args.positional.size() != 1)
    return usage_error("muscle ID [--format text|json|svg] [--kb KB.json] [--lang LANG]");
  const std::string format = args.get("--format", "text");
  if (format != "text" && format != "json" && format != "svg") {
    return usage_error("--format is text or json or svg, not '" + format + "'");
  }
  KnowledgeBase kb;
  int exit_code = kExitOk;
  if (!load_kb(args, kb, exit_code))
    return exit_code;
  const std::string& id = args.positional[0];
  const auto muscle = kb.find_muscle(id);
  if (!muscle) {
    const std::string suggestion = kb.suggest_muscle(id);
    std::cerr << "myoref: unknown muscle \"" << id << '"'
              << (suggestion.empty() ? std::string() : " (did you mean \"" + suggestion + "\"?)")
              << '\n';
    return kExitBadInput;
  }
  if (format == "svg") {
    // The referral pattern of the left muscle (a midline muscle has no side);
    // `myoref render muscle ID --side right` draws the other.
    const Side side = kb.muscles()[*muscle].midline ? Side::none : Side::left;
    const auto svg = render_muscle_svg(kb, *kb.find_candidate(*muscle, side));
    if (!svg) {
      print_error(args.get("--kb", "built-in knowledge base"), svg.error());
      return exit_code_for(svg.error());
    }
    std::cout << *svg;
  } else if (format == "json") {
    std::cout << kb.muscle_to_json(*muscle);
  } else {
    print_muscle(std::cout, kb, kb.muscles()[*muscle]);
  }
  return std::cout ? kExitOk : kExitBadInput;
}

}  // namespace
}  // namespace myoref::cli

MYOREF_COMMAND("kb", "kb check KB.json | kb check [KB.json] --lang LANG [--locale-pack FILE]",
               "validate a knowledge base and list every error with its JSON path; with --lang, "
               "list what a language leaves untranslated",
               &myoref::cli::run_kb)
MYOREF_COMMAND(
    "muscle", "muscle ID [--format text|json|svg] [--kb KB.json] [--lang LANG]",
    "one muscle: anatomy, actions, symptoms, referral zones, protocol (ID may be an alias)",
    &myoref::cli::run_muscle)
