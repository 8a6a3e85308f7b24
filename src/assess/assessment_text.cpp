// The Assessment as a report a person reads: triage first, always.
#include <algorithm>
#include <cstdio>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include "assess/internal.hpp"
#include "assess/ties.hpp"
#include "i18n/messages.hpp"

namespace myoref {
namespace {

using detail::MsgArg;

constexpr std::size_t kWidth = 88;
constexpr std::size_t kShownCandidates = 5;

/// Appends `text` wrapped at kWidth: the first line starts with `first`, the
/// following ones with `rest` (a hanging indent).
void wrap(std::string& out, std::string_view first, std::string_view rest, std::string_view text) {
  std::string line(first);
  std::size_t pos = 0;
  bool line_has_word = false;
  while (pos < text.size()) {
    std::size_t end = text.find(' ', pos);
    if (end == std::string_view::npos)
      end = text.size();
    const std::string_view word = text.substr(pos, end - pos);
    pos = end + 1;
    if (word.empty())
      continue;
    if (line_has_word && line.size() + 1 + word.size() > kWidth) {
      out += line;
      out += '\n';
      line.assign(rest);
      line_has_word = false;
    }
    if (line_has_word)
      line += ' ';
    line += word;
    line_has_word = true;
  }
  out += line;
  out += '\n';
}

std::string banner(const detail::Catalogue& c, TriageLevel level) {
  return c.get("text.banner." + std::string(to_string(level)));
}

/// A level in a sentence: "see_clinician" in English, as its id.
std::string level_words(const detail::Catalogue& c, TriageLevel level) {
  return c.get("level." + std::string(to_string(level)));
}

std::string words(std::string_view id) {
  std::string out(id);
  for (char& ch : out) {
    if (ch == '_')
      ch = ' ';
  }
  return out;
}

std::string candidate_title(const KnowledgeBase& kb, CandidateIndex c) {
  const Candidate& cand = kb.candidates()[c];
  const std::string& name = kb.muscles()[cand.muscle].name;
  if (cand.side == Side::none)
    return name;
  // Names may hold parentheses of their own: "Multifidus (lumbar), left".
  const detail::Catalogue& m = detail::catalogue(kb);
  return m.get(
      "muscle.on_side",
      {{"muscle", name}, {"side", m.get(cand.side == Side::left ? "side.left" : "side.right")}});
}

/// "Quadratus lumborum — both sides": one entry for a muscle whose two sides
/// tie, or that the cover takes together.
std::string both_sides_title(const KnowledgeBase& kb, CandidateIndex c) {
  return detail::catalogue(kb).get("muscle.both_sides",
                                   {{"muscle", kb.muscles()[kb.candidates()[c].muscle].name}});
}

std::string entry_title(const Assessment& a, const detail::TieEntry& e) {
  const CandidateIndex c = a.candidate(e.rank).candidate;
  return e.both_sides ? both_sides_title(a.kb(), c) : candidate_title(a.kb(), c);
}

/// The painful keys either of two candidates explains, in knowledge-base order.
std::vector<RegionKeyIndex> union_of(gsl::span<const RegionKeyIndex> a,
                                     gsl::span<const RegionKeyIndex> b) {
  std::vector<RegionKeyIndex> out(a.begin(), a.end());
  out.insert(out.end(), b.begin(), b.end());
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

/// The painful keys neither of two candidates explains.
std::vector<RegionKeyIndex> intersection_of(gsl::span<const RegionKeyIndex> a,
                                            gsl::span<const RegionKeyIndex> b) {
  std::vector<RegionKeyIndex> out;
  std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
  return out;
}

std::string region_phrases(const KnowledgeBase& kb, gsl::span<const RegionKeyIndex> keys) {
  return detail::region_key_phrases(kb, keys);
}

}  // namespace

std::string Assessment::to_text() const {
  const KnowledgeBase& k = kb();
  const Triage& t = triage();
  const detail::Catalogue& m = detail::catalogue(k);
  std::string out;

  // Questions first: until each is answered, the result is provisional. An
  // urgent or emergency result already says where to go, so it leads then.
  const bool banner_first = t.level >= TriageLevel::urgent;
  if (banner_first)
    wrap(out, "", "  ", banner(m, t.level));
  if (!t.pending.empty()) {
    wrap(out, "", "  ", m.get("text.questions_first", {{"n", t.pending.size()}}));
    for (const Question& q : t.questions) {
      if (answer_of(intake(), q.red_flag) != Answer::pending)
        continue;
      const RedFlag& flag = k.red_flags()[q.red_flag];
      wrap(out, "  ? ", "    ",
           m.get("text.question_line",
                 {{"level", m.get("level_tag." + std::string(to_string(flag.level)))},
                  {"question", flag.question},
                  {"why", q.why}}));
    }
    out += '\n';
  }

  if (!banner_first)
    wrap(out, "", "  ", banner(m, t.level));
  for (const RedFlagIndex f : t.red_flags) {
    const RedFlag& flag = k.red_flags()[f];
    wrap(out, "  * ", "    ",
         m.get("text.red_flag_line", {{"name", words(flag.id)},
                                      {"question", flag.question},
                                      {"level", level_words(m, flag.level)},
                                      {"advice", flag.advice}}));
  }
  if (t.age_rule != AgeRuleOutcome::not_applicable) {
    const std::string reason = detail::age_rule_reason(k, t, intake());
    wrap(out, "  * ", "    ",
         m.get(t.age_rule_raises() ? "text.age_rule_line" : "text.age_unknown_line",
               {{"level", level_words(m, k.age_rule().level)},
                {"reason", reason},
                {"advice", k.age_rule().advice}}));
  }
  for (const RuleHit& r : t.rules) {
    const bool named_below = std::any_of(
        t.also_consider.begin(), t.also_consider.end(),
        [&](const LookalikeMatch& match) { return k.lookalikes()[match.lookalike].id == r.id; });
    if (r.id == "new_pain_age" || r.id == "unanswered" || named_below)
      continue;  // said above, or below with what it matched
    wrap(out, "  * ", "    ",
         m.get("text.rule_line", {{"name", words(r.id)},
                                  {"level", level_words(m, r.level)},
                                  {"reason", r.reason},
                                  {"advice", r.advice}}));
  }
  out += '\n';

  // Non-muscular explanations come before the muscles.
  for (const LookalikeMatch& match : t.also_consider) {
    const Lookalike& l = k.lookalikes()[match.lookalike];
    std::string matched;
    for (std::size_t i = 0; i < match.why.size(); ++i)
      matched += (i == 0 ? "" : "; ") + match.why[i];
    wrap(out, "", "  ", m.get("text.also_consider", {{"name", l.name}, {"why", l.why}}));
    wrap(out, "  " + m.get("text.matched"), "    ", matched);
    wrap(out, "  " + m.get("text.what_to_do"), "    ", l.advice);
    out += '\n';
  }
  if (!t.set_aside.empty()) {
    std::string names;
    for (std::size_t i = 0; i < t.set_aside.size(); ++i)
      names += (i == 0 ? "" : "; ") + k.findings()[t.set_aside[i]].what;
    wrap(out, "", "  ", m.get("text.set_aside", {{"findings", names}}));
    out += '\n';
  }

  if (painful().empty()) {
    wrap(out, "", "", m.get("text.nothing_painful"));
  } else if (candidate_count() == 0) {
    wrap(out, "", "", m.get("text.no_muscle"));
  } else {
    wrap(out, "", "  ",
         m.get(t.level >= TriageLevel::urgent ? "text.muscles_heading_urgent"
                                              : "text.muscles_heading"));
    // The two sides of a muscle that tie are one entry ("both sides"), so
    // that a symmetric drawing does not read as if a side had been picked.
    const std::vector<detail::TieEntry> entries = detail::tie_entries(*this);
    const std::size_t shown = std::min(entries.size(), kShownCandidates);
    std::size_t ranks_shown = 0;
    for (std::size_t i = 0; i < shown; ++i) {
      const detail::TieEntry& e = entries[i];
      const RankedCandidate c = candidate(e.rank);
      std::string head = std::to_string(i + 1) + ". " + entry_title(*this, e);
      head += m.get("text.score", {MsgArg::decimal("score", detail::score_text(c.score))});
      out += "  " + head + '\n';
      const std::vector<detail::TieEntry> ties = detail::tied_with(*this, entries, i);
      if (!ties.empty()) {
        std::string names;
        for (std::size_t j = 0; j < ties.size(); ++j)
          names += (j == 0 ? "" : "; ") + entry_title(*this, ties[j]);
        wrap(out, "       " + m.get("text.tied_with"), "         ", names);
      }
      if (e.both_sides) {
        const RankedCandidate right = candidate(e.rank + 1);
        wrap(out, "       " + m.get("text.explains"), "         ",
             region_phrases(k, union_of(c.explained, right.explained)));
        const auto neither = intersection_of(c.unexplained, right.unexplained);
        if (!neither.empty()) {
          wrap(out, "       " + m.get("text.does_not_explain"), "         ",
               region_phrases(k, neither));
        }
        wrap(out, "       ", "         ", m.get("text.both_sides_same"));
      } else {
        wrap(out, "       " + m.get("text.explains"), "         ", region_phrases(k, c.explained));
        if (!c.unexplained.empty()) {
          wrap(out, "       " + m.get("text.does_not_explain"), "         ",
               region_phrases(k, c.unexplained));
        }
      }
      for (const Reason& reason : c.basis) {
        wrap(out, "       - ", "         ", describe(c.candidate, reason));
      }
      ranks_shown += e.both_sides ? 2 : 1;
    }
    if (candidate_count() > ranks_shown) {
      const bool next_tied =
          detail::same_score(candidate(ranks_shown).score, candidate(ranks_shown - 1).score);
      out += "  ";
      m.append(out, next_tied ? "text.more_same_or_lower" : "text.more_lower",
               {{"n", candidate_count() - ranks_shown}});
      out += '\n';
    }
    out += '\n';
    std::string cover_text;
    const std::vector<detail::CoverEntry> cover_list = detail::cover_entries(*this);
    for (std::size_t i = 0; i < cover_list.size(); ++i) {
      if (i != 0)
        cover_text += "; ";
      cover_text += cover_list[i].both_sides ? both_sides_title(k, cover_list[i].candidate)
                                             : candidate_title(k, cover_list[i].candidate);
    }
    wrap(out, "", "  ",
         m.get(cover_list.size() == 1 ? "text.cover_one" : "text.cover_many",
               {{"muscles", cover_text}}));
  }
  if (!unexplained().empty()) {
    wrap(out, "", "  ", m.get("text.unexplained", {{"regions", region_phrases(k, unexplained())}}));
  }
  out += '\n';
  wrap(out, "", "", m.get("text.not_a_diagnosis"));
  return out;
}

}  // namespace myoref
