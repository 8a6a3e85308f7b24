// The HTML report: one self-contained page for a person (or their clinician)
// that leads with triage and shows the basis of everything it suggests.
#include <algorithm>
#include <cstddef>
#include <iterator>
#include <string>
#include <utility>
#include <vector>

#include "assess/ties.hpp"
#include "i18n/messages.hpp"
#include "myoref/assess.hpp"
#include "myoref/myoref.hpp"
#include "myoref/render.hpp"
#include "render/figure.hpp"
#include "render/svg.hpp"

namespace myoref {

using detail::render::candidate_label;
using detail::render::escaped;
using detail::render::region_label;

namespace {

constexpr std::size_t kMaxRanked = 50;
constexpr std::size_t kMaxCharts = 6;

// No script, no external resource: everything the page needs is here.
constexpr const char* kStyle = R"(
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;
margin:0;color:#1a1a1a;background:#fafafa;line-height:1.45}
main{max-width:1100px;margin:0 auto;padding:24px}
h1{font-size:1.7em;margin:0 0 4px}
h2{font-size:1.25em;margin:28px 0 8px;border-bottom:1px solid #ddd;padding-bottom:4px}
h3{font-size:1.05em;margin:14px 0 4px}
.lede{color:#555;margin:0 0 16px}
.triage{border-radius:6px;padding:12px 16px;margin:16px 0;border:2px solid}
.triage h2{border:0;margin:0 0 6px;padding:0}
.questions{border-radius:6px;padding:12px 16px;margin:16px 0;border:2px solid #d0452c;background:#fff3f0}
.questions h2,.also-consider h2{border:0;margin:0 0 6px;padding:0}
.also-consider{border-radius:6px;padding:12px 16px;margin:16px 0;border:2px solid #5b6fb3;background:#f0f3fc}
.self_care{background:#eef7ee;border-color:#4c9a4c}
.see_clinician{background:#fff6e0;border-color:#d69a00}
.urgent{background:#fde8e4;border-color:#d0452c}
.emergency{background:#b71c1c;border-color:#7f0000;color:#fff}
.figure{background:#fff;border:1px solid #e2e2e2;border-radius:6px;padding:8px;margin:8px 0}
.figure svg{display:block;width:100%;height:auto}
.drawing{max-width:520px}
ol.ranking>li{margin-bottom:12px}
.score{color:#555;font-weight:normal}
.muted{color:#555}
.exercise{background:#fff;border:1px solid #e2e2e2;border-radius:6px;padding:10px 14px;margin:10px 0}
.dose{font-weight:bold}
footer{margin-top:32px;font-size:.85em;color:#555}
)";

std::string html(std::string_view text) {
  return escaped(text);
}

std::string triage_heading(const detail::Catalogue& m, TriageLevel level) {
  return m.get("report.triage." + std::string(to_string(level)));
}

std::string region_list(const KnowledgeBase& kb, gsl::span<const RegionKeyIndex> keys) {
  std::string out;
  for (std::size_t i = 0; i < keys.size(); ++i) {
    if (i != 0)
      out += ", ";
    out += region_label(kb, keys[i]);
  }
  return out.empty() ? detail::catalogue(kb).get("report.none") : out;
}

std::string finding_list(const KnowledgeBase& kb, gsl::span<const FindingIndex> findings) {
  std::string out;
  for (std::size_t i = 0; i < findings.size(); ++i) {
    if (i != 0)
      out += "; ";
    out += kb.findings()[findings[i]].what;
  }
  return out;
}

// Citation keys in order of first use, for the references at the end.
void cite(std::vector<CitationIndex>& used, gsl::span<const CitationIndex> keys) {
  for (const CitationIndex c : keys) {
    if (std::find(used.begin(), used.end(), c) == used.end())
      used.push_back(c);
  }
}

std::string cite_suffix(const KnowledgeBase& kb, gsl::span<const CitationIndex> keys) {
  if (keys.empty())
    return {};
  std::string out = " [";
  for (std::size_t i = 0; i < keys.size(); ++i) {
    if (i != 0)
      out += ", ";
    out += kb.citations()[keys[i]].key;
  }
  return out + ']';
}

void write_triage(std::string& out, const Assessment& a) {
  const KnowledgeBase& kb = a.kb();
  const Triage& t = a.triage();
  const detail::Catalogue& m = detail::catalogue(kb);
  // Questions first: until each is answered, the result is provisional.
  if (!t.pending.empty()) {
    out += "<section class=\"questions\" role=\"alert\"><h2>" +
           html(m.get("report.questions_heading")) + "</h2>\n<p>" +
           html(m.get("report.questions_lede")) + "</p><ol>";
    for (const Question& q : t.questions) {
      if (answer_of(a.intake(), q.red_flag) != Answer::pending)
        continue;
      const RedFlag& flag = kb.red_flags()[q.red_flag];
      out += "<li data-question-id=\"" + html(flag.id) + "\"><strong>" +
             html(m.get("level." + std::string(to_string(flag.level)))) + ":</strong> " +
             html(flag.question) + " <em>(" +
             html(m.get("report.asked_because", {{"why", q.why}})) + ")</em></li>";
    }
    out += "</ol></section>\n";
  }
  out += "<section class=\"triage ";
  out += to_string(t.level);
  out += "\" role=\"alert\"><h2>";
  out += html(triage_heading(m, t.level));
  out += "</h2>\n";
  const std::vector<std::string> advice = triage_advice(kb, t);
  if (!t.red_flags.empty()) {
    out += "<p>" + html(m.get("report.you_said_yes")) + "</p><ul>";
    for (const RedFlagIndex f : t.red_flags) {
      out += "<li>" + html(kb.red_flags()[f].question) + "</li>";
    }
    out += "</ul>\n";
  }
  if (advice.empty()) {
    out += "<p>" + html(m.get("report.no_warning_sign")) + "</p>\n";
  } else {
    out += "<ul>";
    for (const std::string& line : advice)
      out += "<li>" + html(line) + "</li>";
    out += "</ul>\n";
  }
  out += "</section>\n";
  for (const LookalikeMatch& match : t.also_consider) {
    const Lookalike& l = kb.lookalikes()[match.lookalike];
    out += "<section class=\"also-consider\"><h2>" +
           html(m.get("report.also_consider", {{"name", l.name}})) + "</h2>\n<p>" + html(l.why) +
           "</p><p>" + html(m.get("report.matched")) + " ";
    for (std::size_t i = 0; i < match.why.size(); ++i)
      out += (i == 0 ? "" : "; ") + html(match.why[i]);
    out += "</p><p>" + html(l.advice) + "</p></section>\n";
  }
}

/// "Quadratus lumborum — both sides": one entry for a muscle whose two sides
/// tie, or that the cover takes together.
std::string both_sides_label(const KnowledgeBase& kb, CandidateIndex c) {
  return detail::catalogue(kb).get("muscle.both_sides",
                                   {{"muscle", kb.muscles()[kb.candidates()[c].muscle].name}});
}

std::string entry_label(const Assessment& a, const detail::TieEntry& e) {
  const CandidateIndex c = a.candidate(e.rank).candidate;
  return e.both_sides ? both_sides_label(a.kb(), c) : candidate_label(a.kb(), c);
}

/// The keys in either list (both_sides: explained) or in both (unexplained),
/// in knowledge-base order.
std::vector<RegionKeyIndex> merged(gsl::span<const RegionKeyIndex> a,
                                   gsl::span<const RegionKeyIndex> b, bool either) {
  std::vector<RegionKeyIndex> out;
  if (either) {
    std::set_union(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
  } else {
    std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
  }
  return out;
}

void write_ranking(std::string& out, const Assessment& a, std::size_t ranked,
                   std::vector<CitationIndex>& used) {
  const KnowledgeBase& kb = a.kb();
  const detail::Catalogue& m = detail::catalogue(kb);
  out += "<h2>" + html(m.get("report.ranking_heading")) + "</h2>\n";
  // The two sides of a muscle that tie are one entry ("both sides").
  const std::vector<detail::TieEntry> entries = detail::tie_entries(a);
  const std::size_t shown = std::min(ranked, entries.size());
  if (shown == 0) {
    out += "<p>" + html(m.get("report.no_muscle")) + "</p>\n";
    return;
  }
  out +=
      "<p class=\"lede\">" + html(m.get("report.ranking_lede")) + "</p>\n<ol class=\"ranking\">\n";
  for (std::size_t i = 0; i < shown; ++i) {
    const detail::TieEntry& e = entries[i];
    const RankedCandidate c = a.candidate(e.rank);
    out += "<li><h3>" + html(entry_label(a, e)) + " <span class=\"score\">" +
           html(m.get("report.score",
                      {detail::MsgArg::decimal("score", detail::score_text(c.score))})) +
           "</span></h3>\n<ul>";
    const std::vector<detail::TieEntry> ties = detail::tied_with(a, entries, i);
    if (!ties.empty()) {
      std::string names;
      for (std::size_t j = 0; j < ties.size(); ++j)
        names += (j == 0 ? "" : ", ") + entry_label(a, ties[j]);
      out += "<li>" + html(m.get("report.tied_with", {{"muscles", names}})) + "</li>";
    }
    if (e.both_sides) {
      const RankedCandidate right = a.candidate(e.rank + 1);
      const auto explained = merged(c.explained, right.explained, true);
      const auto neither = merged(c.unexplained, right.unexplained, false);
      out += "<li>" + html(m.get("report.both_sides_same")) + "</li>";
      out += "<li>" + html(m.get("report.explains", {{"regions", region_list(kb, explained)}})) +
             "</li>";
      if (!neither.empty()) {
        out += "<li>" +
               html(m.get("report.does_not_explain", {{"regions", region_list(kb, neither)}})) +
               "</li>";
      }
    } else {
      out += "<li>" + html(m.get("report.explains", {{"regions", region_list(kb, c.explained)}})) +
             "</li>";
      if (!c.unexplained.empty()) {
        out +=
            "<li>" +
            html(m.get("report.does_not_explain", {{"regions", region_list(kb, c.unexplained)}})) +
            "</li>";
      }
    }
    if (!c.findings_for.empty()) {
      out += "<li>" +
             html(m.get("report.answers_fit", {{"findings", finding_list(kb, c.findings_for)}})) +
             "</li>";
    }
    if (!c.findings_against.empty()) {
      out += "<li>" +
             html(m.get("report.answers_do_not_fit",
                        {{"findings", finding_list(kb, c.findings_against)}})) +
             "</li>";
    }
    for (const Reason& reason : c.basis) {
      out += "<li class=\"muted\">" + html(a.describe(c.candidate, reason)) + "</li>";
      cite(used, reason.cite);
    }
    out += "</ul></li>\n";
  }
  out += "</ol>\n";
  const std::vector<detail::CoverEntry> cover = detail::cover_entries(a);
  if (cover.size() > 1) {
    std::string names;
    for (std::size_t i = 0; i < cover.size(); ++i) {
      if (i != 0)
        names += ", ";
      names += cover[i].both_sides ? both_sides_label(kb, cover[i].candidate)
                                   : candidate_label(kb, cover[i].candidate);
    }
    out += "<p>" + html(m.get("report.cover", {{"muscles", names}})) + "</p>\n";
  }
  if (!a.unexplained().empty()) {
    out += "<p>" +
           html(m.get("report.unexplained", {{"regions", region_list(kb, a.unexplained())}})) +
           "</p>\n";
  }
}

// One exercise as the plan prescribes it: its dose may be the acute phase's.
void write_exercise(std::string& out, const KnowledgeBase& kb, const PrescribedExercise& p,
                    std::vector<CitationIndex>& used) {
  const Exercise& e = kb.exercises()[p.exercise];
  const detail::Catalogue& m = detail::catalogue(kb);
  out += "<div class=\"exercise\"><h3>" + html(e.name) + "</h3>\n";
  out += "<p class=\"dose\">" + html(p.dose_text) + "</p>\n<ol>";
  for (const std::string& step : e.instructions)
    out += "<li>" + html(step) + "</li>";
  out += "</ol>\n";
  if (!e.cues.empty()) {
    out += "<p>" + html(m.get("report.tips")) + "</p><ul>";
    for (const std::string& cue : e.cues)
      out += "<li>" + html(cue) + "</li>";
    out += "</ul>\n";
  }
  if (!e.cautions.empty()) {
    out += "<p>" + html(m.get("report.take_care")) + "</p><ul>";
    for (const std::string& caution : e.cautions)
      out += "<li>" + html(caution) + "</li>";
    out += "</ul>\n";
  }
  if (e.regression) {
    out += "<p class=\"muted\">" +
           html(m.get("report.too_hard", {{"exercise", kb.exercises()[*e.regression].name}})) +
           "</p>\n";
  }
  out += "<p class=\"muted\">" + html(m.get("report.source")) + html(cite_suffix(kb, e.cite)) +
         "</p></div>\n";
  cite(used, e.cite);
}

void write_first_step(std::string& out, const Assessment& a, std::vector<CitationIndex>& used) {
  const KnowledgeBase& kb = a.kb();
  const detail::Catalogue& m = detail::catalogue(kb);
  if (a.candidate_count() == 0)
    return;
  // A muscle whose two sides tie is released on both sides, not on one picked by name.
  const std::string target = detail::both_sides_at(a, 0)
                                 ? both_sides_label(kb, a.candidate(0).candidate)
                                 : candidate_label(kb, a.candidate(0).candidate);
  out += "<h2>" + html(m.get("report.first_step", {{"muscle", target}})) + "</h2>\n";
  // The first step is the plan's own: it is refused where a plan would be
  // (urgent or emergency triage, under 16, an emergency question unanswered),
  // and keeps the person's precautions and the acute phase.
  auto plan = Plan::start(kb, a);
  if (!plan) {
    if (plan.error().code() == ErrorCode::safety_refusal) {
      out += "<p><strong>" + html(m.get("report.exercises_not_shown")) + "</strong> ";
      out += a.triage().level >= TriageLevel::urgent ? html(m.get("report.doctor_first"))
                                                     : html(plan.error().message()) + ".";
      out += "</p>\n";
    }
    return;
  }
  const NextStep next = plan->next();
  out += "<p class=\"lede\">" + html(m.get("report.protocol_lede")) + "</p>\n";
  if (next.acute) {
    out += "<p>" + html(m.get("report.acute")) + "</p>\n";
  }
  for (const PrecautionIndex p : plan->precautions()) {
    const Precaution& precaution = kb.precautions()[p];
    out += "<p>" + html(precaution.name) + ":</p><ul>";
    for (const std::string& change : precaution.changes)
      out += "<li>" + html(change) + "</li>";
    out += "</ul>\n";
    cite(used, precaution.cite);
  }
  const PrescribedStep& release = next.steps.front();
  for (const PrescribedExercise& e : release.exercises) {
    write_exercise(out, kb, e, used);
  }
  std::vector<const LeftOutExercise*> left;
  for (const LeftOutExercise& l : next.left_out) {
    if (l.step == Step::release)
      left.push_back(&l);
  }
  if (!left.empty()) {
    out += "<p>" + html(m.get("report.left_out")) + "</p><ul>";
    for (const LeftOutExercise* l : left)
      out += "<li>" + html(l->why) + "</li>";
    out += "</ul>\n";
  }
  if (release.exercises.empty()) {
    out += "<p>" + html(m.get("report.no_release_exercise")) + "</p>\n";
  }
}

}  // namespace

Expected<std::string> render_report_html(const Assessment& assessment,
                                         const ReportOptions& options) {
  const KnowledgeBase& kb = assessment.kb();
  if (options.ranked == 0 || options.ranked > kMaxRanked) {
    return Error(ErrorCode::invalid_argument, "report options are not valid",
                 {{"/ranked", "expected 1 to " + std::to_string(kMaxRanked) + ", got " +
                                  std::to_string(options.ranked)}});
  }
  if (!detail::render::valid_id_prefix(options.chart.id_prefix) ||
      options.chart.id_prefix.size() > 32) {
    return Error(ErrorCode::invalid_argument, "report options are not valid",
                 {{"/chart/id_prefix",
                   "expected 1 to 32 characters: a letter, then letters, "
                   "digits, '-' or '_'"}});
  }
  if (options.charts > kMaxCharts) {
    return Error(ErrorCode::invalid_argument, "report options are not valid",
                 {{"/charts", "expected 0 to " + std::to_string(kMaxCharts) + ", got " +
                                  std::to_string(options.charts)}});
  }
  // Each inlined picture gets its own ids, or their patterns would collide.
  RenderOptions drawing_options = options.chart;
  drawing_options.width_px = 0;
  drawing_options.id_prefix = options.chart.id_prefix + "-drawing";
  auto drawing = render_intake_svg(kb, assessment.intake(), drawing_options);
  if (!drawing)
    return std::move(drawing).error();
  std::string candidates;
  if (options.charts > 0 && assessment.candidate_count() > 0) {
    RenderOptions top_options = options.chart;
    top_options.width_px = 0;
    top_options.id_prefix = options.chart.id_prefix + "-candidates";
    auto top = render_candidates_svg(assessment, options.charts, top_options);
    if (!top)
      return std::move(top).error();
    candidates = std::move(top).value();
  }

  const detail::Catalogue& m = detail::catalogue(kb);
  std::vector<CitationIndex> used;
  std::string out;
  out.reserve(256U << 10U);
  out += "<!DOCTYPE html>\n<html lang=\"" + html(kb.locale()) +
         "\">\n<head>\n<meta charset=\"utf-8\">\n"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
         "<link rel=\"icon\" href=\"data:,\">\n<title>" +
         html(m.get("report.title")) + "</title>\n<style>";
  out += kStyle;
  out += "</style>\n</head>\n<body>\n<main>\n";
  out += "<h1>" + html(m.get("report.heading")) + "</h1>\n<p class=\"lede\">" +
         html(m.get("report.lede")) + "</p>\n";
  write_triage(out, assessment);

  out += "<h2>" + html(m.get("report.drawing_heading")) +
         "</h2>\n<div class=\"figure drawing\">\n" + *drawing + "</div>\n";
  write_ranking(out, assessment, options.ranked, used);
  if (!candidates.empty()) {
    out += "<h2>" + html(m.get("report.patterns_heading")) + "</h2>\n<div class=\"figure\">\n" +
           candidates + "</div>\n";
  }
  write_first_step(out, assessment, used);

  out += "<footer>\n";
  if (!used.empty()) {
    out += "<h2>" + html(m.get("report.sources")) + "</h2>\n<ul>";
    for (const CitationIndex c : used) {
      out += "<li><strong>" + html(kb.citations()[c].key) +
             "</strong>: " + html(kb.citations()[c].text) + "</li>";
    }
    out += "</ul>\n";
  }
  out += "<p>" +
         html(m.get("report.footer", {{"kb", kb.id()},
                                      {"version", kb.version()},
                                      {"hash", kb.hash().substr(0, 12)},
                                      {"library", library_version()}})) +
         "</p>\n";
  out += "</footer>\n</main>\n</body>\n</html>\n";
  return out;
}

}  // namespace myoref
