// The Assessment as a report a person reads: triage first, always.
#include <algorithm>
#include <cstdio>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include "assess/internal.hpp"
#include "assess/ties.hpp"

namespace myoref {
namespace {

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

std::string_view banner(TriageLevel level) {
  switch (level) {
    case TriageLevel::emergency:
      return "EMERGENCY: call the emergency number or go to an emergency department now. Do not "
             "start self-care.";
    case TriageLevel::urgent:
      return "URGENT: be seen by a clinician today (within 24 hours), before any self-care.";
    case TriageLevel::see_clinician:
      return "SEE A CLINICIAN: book a visit within one to two weeks. Gentle self-care meanwhile "
             "only as the advice below allows.";
    case TriageLevel::self_care:
      break;
  }
  return "SELF-CARE: no red flag was reported, so self-care is a reasonable first step.";
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
  std::string out = kb.muscles()[cand.muscle].name;
  if (cand.side != Side::none) {
    out += ", ";  // names may hold parentheses of their own: "Multifidus (lumbar), left"
    out += to_string(cand.side);
  }
  return out;
}

/// "Quadratus lumborum — both sides": one entry for a muscle whose two sides
/// tie, or that the cover takes together.
std::string both_sides_title(const KnowledgeBase& kb, CandidateIndex c) {
  return kb.muscles()[kb.candidates()[c].muscle].name + " \u2014 both sides";
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

std::string score_text(float score) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.2f", static_cast<double>(score));
  return buf;
}

}  // namespace

std::string Assessment::to_text() const {
  const KnowledgeBase& k = kb();
  const Triage& t = triage();
  std::string out;

  // Questions first: until each is answered, the result is provisional. An
  // urgent or emergency result already says where to go, so it leads then.
  const bool banner_first = t.level >= TriageLevel::urgent;
  if (banner_first)
    wrap(out, "", "  ", banner(t.level));
  if (!t.pending.empty()) {
    wrap(out, "", "  ",
         "QUESTIONS TO ANSWER FIRST: this drawing calls for " + std::to_string(t.pending.size()) +
             (t.pending.size() == 1 ? " question" : " questions") +
             " that were not answered. Until each is answered no, the result below is "
             "provisional and self-care is not advised. A yes to any of them changes what to do "
             "(most serious first):");
    for (const Question& q : t.questions) {
      if (answer_of(intake(), q.red_flag) != Answer::pending)
        continue;
      const RedFlag& flag = k.red_flags()[q.red_flag];
      std::string level(to_string(flag.level));
      for (char& ch : level)
        ch = ch == '_' ? ' ' : static_cast<char>(ch - ('a' <= ch && ch <= 'z' ? 32 : 0));
      wrap(out, "  ? ", "    ",
           "[" + level + "] " + flag.question + " (asked because: " + q.why + ")");
    }
    out += '\n';
  }

  if (!banner_first)
    wrap(out, "", "  ", banner(t.level));
  for (const RedFlagIndex f : t.red_flags) {
    const RedFlag& flag = k.red_flags()[f];
    wrap(out, "  * ", "    ",
         words(flag.id) + " (" + std::string(to_string(flag.level)) + "): " + flag.advice);
  }
  if (t.age_rule != AgeRuleOutcome::not_applicable) {
    const std::string reason = detail::age_rule_reason(k, t, intake());
    wrap(out, "  * ", "    ",
         std::string(t.age_rule_raises() ? "new pain at this age (" : "age not given (") +
             std::string(to_string(k.age_rule().level)) + "): " + reason + " " +
             k.age_rule().advice);
  }
  for (const RuleHit& r : t.rules) {
    const bool named_below = std::any_of(
        t.also_consider.begin(), t.also_consider.end(),
        [&](const LookalikeMatch& m) { return k.lookalikes()[m.lookalike].id == r.id; });
    if (r.id == "new_pain_age" || r.id == "unanswered" || named_below)
      continue;  // said above, or below with what it matched
    wrap(out, "  * ", "    ",
         words(r.id) + " (" + std::string(to_string(r.level)) + "): " + r.reason + " " + r.advice);
  }
  out += '\n';

  // Non-muscular explanations come before the muscles.
  for (const LookalikeMatch& m : t.also_consider) {
    const Lookalike& l = k.lookalikes()[m.lookalike];
    std::string matched;
    for (std::size_t i = 0; i < m.why.size(); ++i)
      matched += (i == 0 ? "" : "; ") + m.why[i];
    wrap(out, "", "  ", "ALSO CONSIDER (not a muscle): " + l.name + ". " + l.why);
    wrap(out, "  matched: ", "    ", matched);
    wrap(out, "  what to do: ", "    ", l.advice);
    out += '\n';
  }
  if (!t.set_aside.empty()) {
    std::string names;
    for (std::size_t i = 0; i < t.set_aside.size(); ++i)
      names += (i == 0 ? "" : "; ") + k.findings()[t.set_aside[i]].what;
    wrap(out, "", "  ",
         "Not counted for any muscle, as nerve-type symptoms that point to a nerve root: " + names +
             ".");
    out += '\n';
  }

  if (painful().empty()) {
    wrap(out, "", "",
         "No region is marked as painful now (every intensity is 0), so no muscle "
         "is suggested.");
  } else if (candidate_count() == 0) {
    wrap(out, "", "", "No muscle in the knowledge base refers pain to the regions drawn.");
  } else {
    wrap(out, "", "  ",
         t.level >= TriageLevel::urgent
             ? "Muscles that could explain the pain, most likely first (for your clinician: do "
               "not start self-care until you have been seen):"
             : "Muscles that could explain the pain, most likely first:");
    // The two sides of a muscle that tie are one entry ("both sides"), so
    // that a symmetric drawing does not read as if a side had been picked.
    const std::vector<detail::TieEntry> entries = detail::tie_entries(*this);
    const std::size_t shown = std::min(entries.size(), kShownCandidates);
    std::size_t ranks_shown = 0;
    for (std::size_t i = 0; i < shown; ++i) {
      const detail::TieEntry& e = entries[i];
      const RankedCandidate c = candidate(e.rank);
      std::string head = std::to_string(i + 1) + ". " + entry_title(*this, e);
      head += "  score " + score_text(c.score);
      out += "  " + head + '\n';
      const std::vector<detail::TieEntry> ties = detail::tied_with(*this, entries, i);
      if (!ties.empty()) {
        std::string names;
        for (std::size_t j = 0; j < ties.size(); ++j)
          names += (j == 0 ? "" : "; ") + entry_title(*this, ties[j]);
        wrap(out, "       tied with: ", "         ", names);
      }
      if (e.both_sides) {
        const RankedCandidate right = candidate(e.rank + 1);
        wrap(out, "       explains: ", "         ",
             region_phrases(k, union_of(c.explained, right.explained)));
        const auto neither = intersection_of(c.unexplained, right.unexplained);
        if (!neither.empty())
          wrap(out, "       does not explain: ", "         ", region_phrases(k, neither));
        wrap(out, "       ", "         ",
             "Both sides score the same. The reasons below are for the left side; the right "
             "side's mirror them.");
      } else {
        wrap(out, "       explains: ", "         ", region_phrases(k, c.explained));
        if (!c.unexplained.empty()) {
          wrap(out, "       does not explain: ", "         ", region_phrases(k, c.unexplained));
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
      out += "  ... and " + std::to_string(candidate_count() - ranks_shown) +
             (next_tied ? " more with the same or lower scores" : " more with lower scores") +
             " (--format json lists them all).\n";
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
         (cover_list.size() == 1 ? "One muscle could explain all of it: "
                                 : "Together these could explain the drawing: ") +
             cover_text);
  }
  if (!unexplained().empty()) {
    wrap(out, "", "  ",
         "No muscle in the knowledge base refers pain to: " + region_phrases(k, unexplained()) +
             ". Pain there needs another explanation; ask a clinician about it.");
  }
  out += '\n';
  wrap(out, "", "",
       "This is not a diagnosis: it ranks likely muscular sources of pain for self-care and "
       "education. See a clinician if the pain is severe, keeps getting worse, or a red flag "
       "appears.");
  return out;
}

}  // namespace myoref
