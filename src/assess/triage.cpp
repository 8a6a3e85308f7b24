// Triage: the questions a drawing opens (screens), the answers given, the
// rules that need no answer, look-alikes, and the age rule; before and apart
// from scoring.
#include <algorithm>
#include <charconv>
#include <iterator>
#include <string>
#include <vector>

#include "assess/internal.hpp"
#include "engine/explanation_tables.hpp"
#include "engine/triage_tables.hpp"
#include "i18n/messages.hpp"
#include "myoref/assess.hpp"

namespace myoref {

std::string_view to_string(AgeRuleOutcome outcome) noexcept {
  switch (outcome) {
    case AgeRuleOutcome::not_applicable:
      return "not_applicable";
    case AgeRuleOutcome::applies:
      return "applies";
    case AgeRuleOutcome::applies_duration_unknown:
      return "applies_duration_unknown";
    case AgeRuleOutcome::age_unknown:
      return "age_unknown";
  }
  return "not_applicable";
}

std::string_view to_string(Answer answer) noexcept {
  switch (answer) {
    case Answer::yes:
      return "yes";
    case Answer::no:
      return "no";
    case Answer::pending:
      break;
  }
  return "pending";
}

namespace {

AgeRuleOutcome apply_age_rule(const AgeRule& rule, const Intake& intake) {
  const bool pain_is_old = intake.duration_days && *intake.duration_days > rule.max_duration_days;
  if (!intake.age) {
    // The rule cannot be checked. Raising every intake without an age would
    // make the level meaningless, so it is not raised, but the outcome says
    // so and the report asks the person to check it themselves.
    return pain_is_old ? AgeRuleOutcome::not_applicable : AgeRuleOutcome::age_unknown;
  }
  const bool outside_band = *intake.age < rule.younger_than || *intake.age > rule.older_than;
  if (!outside_band || pain_is_old) {
    return AgeRuleOutcome::not_applicable;
  }
  // Age is the risk factor here; with no duration the pain may be new, and
  // missing it would under-triage, so it is treated as new.
  return intake.duration_days ? AgeRuleOutcome::applies : AgeRuleOutcome::applies_duration_unknown;
}

template <class List, class T>
bool contains(const List& list, const T& value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

/// A list of at most `capacity` values, fixed when it is made: on the stack
/// for the few marks of a drawing, on the heap for more.
template <class T>
class SmallList {
 public:
  explicit SmallList(std::size_t capacity) {
    if (capacity > kOnStack) {
      heap_.resize(capacity);
      data_ = heap_.data();
    }
  }
  SmallList(const SmallList&) = delete;
  SmallList& operator=(const SmallList&) = delete;
  SmallList(SmallList&&) = delete;
  SmallList& operator=(SmallList&&) = delete;
  ~SmallList() = default;

  void push_back(T value) noexcept { data_[size_++] = value; }
  T* begin() noexcept { return data_; }
  T* end() noexcept { return data_ + size_; }
  const T* begin() const noexcept { return data_; }
  const T* end() const noexcept { return data_ + size_; }
  std::size_t size() const noexcept { return size_; }
  bool empty() const noexcept { return size_ == 0; }
  const T& front() const noexcept { return data_[0]; }
  const T& operator[](std::size_t i) const noexcept { return data_[i]; }

 private:
  static constexpr std::size_t kOnStack = 32;
  T on_stack_[kOnStack] = {};
  std::vector<T> heap_;
  T* data_ = on_stack_;
  std::size_t size_ = 0;
};

/// What triage needs of an intake, looked up once.
struct Facts {
  const KnowledgeBase& kb;
  const Intake& intake;
  const detail::TriageTables& tables;
  gsl::span<const RegionKey> keys;  // kb.region_keys(), looked up once (it is out of line)
  char age_digits[12] = {};         // the age, written once
  std::string_view age_text;
  SmallList<RegionIndex> drawn;  // regions drawn (any intensity), knowledge-base order
  SmallList<RegionKeyIndex> drawn_keys;
  SmallList<RegionIndex> drawn_key_region;  // the region of each of drawn_keys
  // The screens and look-alikes that list a drawn region (TriageTables'
  // rows of the drawn regions, or'ed).
  SmallList<std::uint64_t> screens_drawn;
  SmallList<std::uint64_t> lookalikes_drawn;

  Facts(const KnowledgeBase& k, const Intake& i)
      : kb(k),
        intake(i),
        tables(detail::triage_tables(k)),
        keys(k.region_keys()),
        drawn(i.pain.size()),
        drawn_keys(i.pain.size()),
        drawn_key_region(i.pain.size()),
        screens_drawn(tables.screen_words),
        lookalikes_drawn(tables.lookalike_words) {
    if (i.age) {
      const auto written = std::to_chars(std::begin(age_digits), std::end(age_digits), *i.age);
      age_text = std::string_view(age_digits, static_cast<std::size_t>(written.ptr - age_digits));
    }
    for (const PainMark& m : i.pain) {
      drawn_keys.push_back(m.region_key);
      const RegionIndex r = keys[m.region_key].region;
      if (!contains(drawn, r))
        drawn.push_back(r);
    }
    std::sort(drawn.begin(), drawn.end());
    std::sort(drawn_keys.begin(), drawn_keys.end());
    for (const RegionKeyIndex key : drawn_keys)
      drawn_key_region.push_back(keys[key].region);
    union_of_rows(screens_drawn, tables.region_screens, tables.screen_words);
    union_of_rows(lookalikes_drawn, tables.region_lookalikes, tables.lookalike_words);
  }

  /// Whether screen `s` may have a drawn region: false only when the tables
  /// say that none of its regions is drawn.
  bool screen_drawn(std::size_t s) const noexcept {
    return s >= tables.screen_count || ((screens_drawn[s / 64] >> (s % 64)) & 1U) != 0;
  }
  /// The same for look-alike `l`.
  bool lookalike_drawn(std::size_t l) const noexcept {
    return l >= tables.lookalike_count || ((lookalikes_drawn[l / 64] >> (l % 64)) & 1U) != 0;
  }

  void union_of_rows(SmallList<std::uint64_t>& out, const std::vector<std::uint64_t>& rows,
                     std::size_t words) const {
    for (std::size_t w = 0; w < words; ++w) {
      std::uint64_t bits = 0;
      for (const RegionIndex r : drawn)
        bits |= rows[r * words + w];
      out.push_back(bits);
    }
  }

  bool confirmed(FindingIndex f) const { return contains(intake.findings, f); }
  // Items of TriageIds (kNone when the knowledge base does not hold them).
  bool flag_yes(std::uint32_t f) const {
    return f != detail::TriageIds::kNone &&
           contains(intake.red_flags, static_cast<RedFlagIndex>(f));
  }
  bool has_precaution(std::uint32_t p) const {
    return p != detail::TriageIds::kNone &&
           contains(intake.precautions, static_cast<PrecautionIndex>(p));
  }
  bool finding_yes(std::uint32_t f) const {
    return f != detail::TriageIds::kNone && contains(intake.findings, static_cast<FindingIndex>(f));
  }
  /// A drawn region key whose region is one of `regions`: of the first such
  /// region in the order listed (the list names the most telling first).
  /// `rank` is the list's row of the engine's TriageTables (each region's
  /// place in `regions`), or nullptr to walk the list.
  std::optional<RegionKeyIndex> drawn_in(const std::vector<RegionIndex>& regions,
                                         const std::uint32_t* rank) const {
    if (drawn.empty())
      return std::nullopt;
    if (rank != nullptr) {
      std::uint32_t first = detail::TriageTables::kAbsent;
      for (const RegionIndex r : drawn)
        first = std::min(first, rank[r]);
      if (first == detail::TriageTables::kAbsent)
        return std::nullopt;
      return first_drawn_key(regions[first]);
    }
    for (const RegionIndex r : regions) {
      if (std::binary_search(drawn.begin(), drawn.end(), r))
        return first_drawn_key(r);
    }
    return std::nullopt;
  }
  /// The first of drawn_keys in region `r` (one of drawn).
  RegionKeyIndex first_drawn_key(RegionIndex r) const {
    for (std::size_t i = 0; i < drawn_keys.size(); ++i) {
      if (drawn_key_region[i] == r)
        return drawn_keys[i];
    }
    return drawn_keys.front();  // not reached: r is drawn
  }
  bool drawn_in_any(const std::vector<RegionIndex>& regions) const {
    for (const RegionIndex r : regions) {
      if (contains(drawn, r))
        return true;
    }
    return false;
  }
  /// "pain in the upper buttock (left) at 58": `what` at the person's age,
  /// or `what` alone when age was not given.
  std::string at_age(std::string_view what) const {
    if (!intake.age)
      return std::string(what);
    std::string out;
    if (!tables.at_age.text.empty()) {
      tables.at_age.append(out, {what, age_text});
      return out;
    }
    // A knowledge base with no engine.
    detail::catalogue(kb).append(out, "triage.at_age", {{"what", what}, {"age", *intake.age}});
    return out;
  }
};

/// "pain in the top of the pelvis (left)", or "pain in the top of the pelvis
/// (both sides)" when the region is drawn on both sides: a reason never picks
/// one side of a symmetric drawing (so that the mirrored intake gives the same
/// words). In the knowledge base's language, worded when it was loaded.
std::string_view pain_in(const Facts& f, RegionKeyIndex key, std::string& made) {
  const RegionKeyIndex other = f.kb.mirror(key);
  const bool both =
      other != key && std::binary_search(f.drawn_keys.begin(), f.drawn_keys.end(), other);
  const detail::TriageTables& t = f.tables;
  if (key < t.pain_in_key.size())
    return both ? t.pain_in_both[f.keys[key].region] : t.pain_in_key[key];
  // A knowledge base with no engine: worded here.
  const detail::Catalogue& c = detail::catalogue(f.kb);
  std::string region;
  if (both) {
    region = c.get("region.both_sides",
                   {{"region", detail::lower_first(f.kb.regions()[f.keys[key].region].name)}});
  } else {
    detail::append_region_phrases(region, f.kb, gsl::span<const RegionKeyIndex>(&key, 1));
  }
  made = c.get("triage.pain_in", {{"region", region}});
  return made;
}

/// The questions opened so far (Triage::questions), with a bit per red flag
/// for which: whether a question is open already is one look-up rather than
/// a walk over the questions.
class OpenQuestions {
 public:
  OpenQuestions(Triage& t, std::size_t flag_count) : t_(t), bits_((flag_count + 63) / 64) {
    for (std::size_t w = 0; w < (flag_count + 63) / 64; ++w)
      bits_.push_back(0);
  }

  /// Whether a question is already open.
  bool asked(RedFlagIndex flag) const noexcept {
    return ((bits_[flag / 64U] >> (flag % 64U)) & 1U) != 0;
  }
  /// Whether any of `flags` is not asked yet: the words of a reason are made
  /// only then.
  bool opens_any(const std::vector<RedFlagIndex>& flags) const noexcept {
    for (const RedFlagIndex flag : flags) {
      if (!asked(flag))
        return true;
    }
    return false;
  }
  /// Adds a question unless it is already there (the first reason to ask is kept).
  void open(RedFlagIndex flag, const std::string& why) {
    if (!asked(flag))
      add(flag, std::string(why));
  }
  /// The same, taking the words.
  void open_taking(RedFlagIndex flag, std::string&& why) {
    if (!asked(flag))
      add(flag, std::move(why));
  }

 private:
  void add(RedFlagIndex flag, std::string why) {
    t_.questions.push_back(Question{flag, std::move(why)});
    bits_.begin()[flag / 64U] |= std::uint64_t{1} << (flag % 64U);
  }

  Triage& t_;
  SmallList<std::uint64_t> bits_;
};

void open_screens(const Facts& f, OpenQuestions& t) {
  const detail::TriageTables& tables = f.tables;
  const auto screens = f.kb.screens();
  for (std::size_t i = 0; i < screens.size(); ++i) {
    const Screen& s = screens[i];
    if (s.age_min && f.intake.age && *f.intake.age < *s.age_min)
      continue;
    if (s.age_max && f.intake.age && *f.intake.age > *s.age_max)
      continue;
    if (!s.sexes.empty() && f.intake.sex && !contains(s.sexes, *f.intake.sex))
      continue;
    if (s.onset_not && f.intake.onset && *f.intake.onset == *s.onset_not)
      continue;
    const auto key = f.screen_drawn(i) ? f.drawn_in(s.regions, tables.screen_row(i))
                                       : std::optional<RegionKeyIndex>();
    const Finding* finding = nullptr;
    if (!key) {
      for (const FindingIndex fi : s.findings) {
        if (f.confirmed(fi)) {
          finding = &f.kb.findings()[fi];
          break;
        }
      }
      if (finding == nullptr || (finding->what.empty() && !f.intake.age))
        continue;
    }
    if (!t.opens_any(s.red_flags))
      continue;
    std::string made;
    std::string why = f.at_age(key ? pain_in(f, *key, made) : finding->what);
    // Each question opened gets the words; the last one takes them.
    const RedFlagIndex* last = nullptr;
    for (const RedFlagIndex& flag : s.red_flags) {
      if (!t.asked(flag))
        last = &flag;
    }
    for (const RedFlagIndex& flag : s.red_flags) {
      if (&flag == last) {
        t.open_taking(flag, std::move(why));  // a flag listed twice may be open already
        break;
      }
      t.open(flag, why);
    }
  }
}

/// The features of a look-alike that the intake matches, in words; empty
/// when it does not match.
std::vector<std::string> match_lookalike(const Facts& f, const Lookalike& l, std::size_t i,
                                         const std::uint32_t* rank) {
  const LookalikeFeatures& x = l.features;
  // Whether it matches first, then its words.
  std::optional<RegionKeyIndex> key;
  if (!x.region_ids.empty()) {
    if (!f.lookalike_drawn(i))
      return {};
    key = f.drawn_in(x.regions, rank);
    if (!key)
      return {};
  }
  const auto& in = f.intake;
  if (x.age_min && in.age && *in.age < *x.age_min)
    return {};
  if (x.age_max && in.age && *in.age > *x.age_max)
    return {};
  if (x.duration_min_days && in.duration_days && *in.duration_days < *x.duration_min_days)
    return {};
  if (x.duration_max_days && in.duration_days && *in.duration_days > *x.duration_max_days)
    return {};
  if (x.onset && in.onset && *in.onset != *x.onset)
    return {};
  const bool by_findings = !x.findings.empty() || !x.sufficient.empty();
  int count = 0;
  int sufficient = 0;
  if (by_findings) {
    for (const FindingIndex fi : x.findings) {
      if (f.confirmed(fi))
        ++count;
    }
    for (const FindingIndex fi : x.sufficient) {
      if (f.confirmed(fi))
        ++sufficient;
    }
    if (sufficient == 0 && (x.findings.empty() || count < x.min_findings))
      return {};
  }
  std::vector<std::string> why;
  why.reserve(std::size_t{key ? 1U : 0U} + static_cast<std::size_t>(count) +
              static_cast<std::size_t>(sufficient) + 1U);
  if (key) {
    std::string made;
    why.emplace_back(pain_in(f, *key, made));
  }
  if (by_findings) {
    const auto findings = f.kb.findings();
    for (const FindingIndex fi : x.findings) {
      if (f.confirmed(fi))
        why.push_back(findings[fi].what);
    }
    for (const FindingIndex fi : x.sufficient) {
      if (f.confirmed(fi) && !contains(x.findings, fi))
        why.push_back(findings[fi].what);
    }
  }
  if (x.duration_max_days && in.duration_days)
    why.push_back(detail::catalogue(f.kb).get("triage.pain_for_days", {{"n", *in.duration_days}}));
  return why;
}

/// Adds fixed rule `rule`; `extra(out)` appends `extra_size` bytes of words
/// after its reason (after a space), written in place.
template <class Extra>
void add_rule_with(const KnowledgeBase& kb, Triage& t, const detail::TriageIds& ids,
                   detail::TriageIds::Rule rule, TriageLevel fallback, std::size_t extra_size,
                   const Extra& extra) {
  RuleHit hit;
  const std::string_view id = detail::TriageIds::rule_id(rule);
  hit.id = std::string(id);
  if (ids.rule[rule] != detail::TriageIds::kNone) {
    const TriageRule& r = kb.triage_rules()[ids.rule[rule]];
    hit.level = r.level;
    if (extra_size != 0)
      hit.reason.reserve(r.reason.size() + 1 + extra_size);
    hit.reason = r.reason;
    hit.advice = r.advice;
    hit.cite = r.cite;
  } else {
    // A knowledge base without the rule's words: the rule still applies.
    hit.level = fallback;
    hit.reason = detail::catalogue(kb).get("triage.rule_applies", {{"id", id}});
  }
  if (extra_size != 0) {
    hit.reason += ' ';
    extra(hit.reason);
  }
  t.level = std::max(t.level, hit.level);
  t.rules.push_back(std::move(hit));
}

void add_rule(const KnowledgeBase& kb, Triage& t, const detail::TriageIds& ids,
              detail::TriageIds::Rule rule, TriageLevel fallback,
              std::string_view reason_extra = {}) {
  add_rule_with(kb, t, ids, rule, fallback, reason_extra.size(),
                [&](std::string& out) { out += reason_extra; });
}

/// Whether an intake's drawing is only in regions no muscle refers pain to.
bool only_unexplained(const KnowledgeBase& kb, const Intake& intake) {
  const detail::ExplanationTables& x = detail::explanation_tables(kb);
  bool any = false;
  for (const PainMark& m : intake.pain) {
    if (m.intensity <= 0)
      continue;
    any = true;
    if (x.key_zone_begin[m.region_key + 1U] != x.key_zone_begin[m.region_key])
      return false;
  }
  return any;
}

void apply_rules(const Facts& f, const detail::TriageIds& ids, Triage& t) {
  using Rule = detail::TriageIds;
  const KnowledgeBase& kb = f.kb;
  const detail::Catalogue& m = detail::catalogue(kb);
  const Intake& in = f.intake;
  if (in.age && *in.age < 16) {
    add_rule(kb, t, ids, Rule::under_16, TriageLevel::see_clinician,
             m.get("triage.age_given", {{"age", *in.age}}));
  }
  // A fall at 65 or over (or age not given), or with fragile bones or steroids.
  if (f.finding_yes(ids.onset_fall)) {
    std::vector<std::string> because;
    if (!in.age) {
      because.push_back(m.get("triage.fall_age_unknown"));
    } else if (*in.age >= 65) {
      because.push_back(m.get("triage.fall_age", {{"age", *in.age}}));
    }
    if (f.has_precaution(ids.fragile_bones))
      because.push_back(m.get("triage.fall_fragile_bones"));
    if (f.flag_yes(ids.osteoporosis))
      because.push_back(m.get("triage.fall_osteoporosis"));
    if (f.flag_yes(ids.immunosuppressed))
      because.push_back(m.get("triage.fall_steroids"));
    if (!because.empty()) {
      std::string list;
      for (std::size_t i = 0; i < because.size(); ++i) {
        if (i != 0)
          list += m.get(i + 1 == because.size() ? "list.last_separator" : "list.separator");
        list += because[i];
      }
      add_rule(kb, t, ids, Rule::fall_fragile, TriageLevel::urgent,
               m.get("triage.fall_with", {{"causes", list}}));
      const bool older = !in.age || *in.age >= 65 || f.has_precaution(ids.fragile_bones) ||
                         f.flag_yes(ids.osteoporosis);
      if (older && f.drawn_in_any(ids.fall_hip_regions))
        add_rule(kb, t, ids, Rule::fall_hip, TriageLevel::urgent);
    }
  }
  // Inflammatory back pain: long-lasting back pain that began before 45 with
  // long morning stiffness. An unknown age or duration does not rule it out.
  if (f.finding_yes(ids.morning_stiffness_long) && f.drawn_in_any(ids.back_regions)) {
    const bool long_lasting = !in.duration_days || *in.duration_days > 90;
    const bool began_young = !in.age || (*in.age - in.duration_days.value_or(0) / 365) < 45;
    if (long_lasting && began_young)
      add_rule(kb, t, ids, Rule::inflammatory_back_pain, TriageLevel::see_clinician);
  }
  if (only_unexplained(kb, in))
    add_rule(kb, t, ids, Rule::unexplained_only, TriageLevel::see_clinician);
}

/// "3 questions are still unanswered, the most serious at the urgent level.",
/// sized first and then written where it goes.
class Unanswered {
 public:
  Unanswered(const KnowledgeBase& kb, const detail::TriageTables& tables, std::size_t n,
             TriageLevel level) {
    const auto at = static_cast<std::size_t>(level);
    if (at < tables.level_words.size()) {
      const std::string_view words = tables.level_words[at];
      if (n == 1) {
        parts_ = &tables.unanswered_one;
        values_[0] = words;
        count_ = 1;
      } else {
        const auto written = std::to_chars(std::begin(digits_), std::end(digits_), n);
        parts_ = &tables.unanswered_other;
        values_[0] = std::string_view(digits_, static_cast<std::size_t>(written.ptr - digits_));
        values_[1] = words;
        count_ = 2;
      }
      return;
    }
    // A knowledge base with no engine.
    const detail::Catalogue& m = detail::catalogue(kb);
    made_ = m.get("triage.unanswered",
                  {{"n", n}, {"level", m.get("level." + std::string(to_string(level)))}});
  }

  std::size_t size() const { return parts_ != nullptr ? parts_->size(values()) : made_.size(); }
  void append(std::string& out) const {
    if (parts_ != nullptr) {
      parts_->append(out, values());
    } else {
      out += made_;
    }
  }

 private:
  gsl::span<const std::string_view> values() const noexcept { return {values_, count_}; }

  const detail::SentenceParts* parts_ = nullptr;
  std::string_view values_[2];
  std::size_t count_ = 0;
  char digits_[24] = {};
  std::string made_;
};

/// Most severe first, then knowledge-base order. A question is never asked
/// twice, so this order is total (what a stable sort gives): the questions are
/// sorted by a key each, then moved into their places (cycle by cycle).
void sort_questions(gsl::span<const RedFlag> flags, std::vector<Question>& questions) {
  const std::size_t n = questions.size();
  const auto key = [&](std::size_t i) {
    const RedFlagIndex flag = questions[i].red_flag;
    const auto level = static_cast<std::uint64_t>(flags[flag].level);
    // Higher levels first: the level is inverted.
    return ((0xFFFFU - level) << 48U) | (std::uint64_t{flag} << 24U) | i;
  };
  bool sorted = true;
  for (std::size_t i = 1; i < n && sorted; ++i)
    sorted = key(i - 1) < key(i);
  if (sorted)
    return;
  constexpr std::size_t kOnStack = 64;
  std::uint64_t keys_here[kOnStack];
  std::uint8_t placed_here[kOnStack] = {};
  std::vector<std::uint64_t> keys_heap;
  std::vector<std::uint8_t> placed_heap;
  std::uint64_t* keys = keys_here;
  std::uint8_t* placed = placed_here;
  if (n > kOnStack) {
    keys_heap.resize(n);
    keys = keys_heap.data();
    placed_heap.assign(n, 0);
    placed = placed_heap.data();
  }
  for (std::size_t i = 0; i < n; ++i)
    keys[i] = key(i);
  std::sort(keys, keys + n);
  // Place k takes the question at source(k).
  const auto source = [&](std::size_t k) { return static_cast<std::size_t>(keys[k] & 0xFFFFFFU); };
  for (std::size_t k = 0; k < n; ++k) {
    if (placed[k] != 0 || source(k) == k)
      continue;
    Question held = std::move(questions[k]);
    std::size_t at = k;
    for (;;) {
      placed[at] = 1;
      const std::size_t from = source(at);
      if (from == k) {
        questions[at] = std::move(held);
        break;
      }
      questions[at] = std::move(questions[from]);
      at = from;
    }
  }
}

}  // namespace

Triage triage(const KnowledgeBase& kb, const Intake& intake) {
  Triage t;
  const auto flags = kb.red_flags();
  const Facts facts(kb, intake);
  t.red_flags = intake.red_flags;
  std::sort(t.red_flags.begin(), t.red_flags.end());
  t.red_flags.erase(std::unique(t.red_flags.begin(), t.red_flags.end()), t.red_flags.end());
  const auto more_urgent = [&](RedFlagIndex a, RedFlagIndex b) {
    return flags[a].level > flags[b].level;
  };
  if (!std::is_sorted(t.red_flags.begin(), t.red_flags.end(), more_urgent))
    std::stable_sort(t.red_flags.begin(), t.red_flags.end(), more_urgent);
  for (const RedFlagIndex f : t.red_flags) {
    t.level = std::max(t.level, flags[f].level);
  }
  t.age_rule = apply_age_rule(kb.age_rule(), intake);
  if (t.age_rule_raises()) {
    t.level = std::max(t.level, kb.age_rule().level);
  }

  // The questions the drawing, age, sex and onset call for (each at most
  // once; rarely more than 16, and 16 stay a small allocation).
  t.questions.reserve(std::min<std::size_t>(flags.size(), 16));
  OpenQuestions open(t, flags.size());
  open_screens(facts, open);
  // Look-alikes: named beside the muscles; some raise the level, open
  // questions of their own, and set nerve-type findings aside.
  const detail::TriageTables& tables = facts.tables;
  const auto lookalikes = kb.lookalikes();
  for (std::size_t i = 0; i < lookalikes.size(); ++i) {
    const Lookalike& l = lookalikes[i];
    std::vector<std::string> why = match_lookalike(facts, l, i, tables.lookalike_row(i));
    if (why.empty())
      continue;
    for (const RedFlagIndex flag : l.opens)
      open.open(flag, l.name);
    for (const FindingIndex fi : l.set_aside) {
      if (facts.confirmed(fi) && !contains(t.set_aside, fi))
        t.set_aside.push_back(fi);
    }
    if (l.level) {
      RuleHit hit{l.id, *l.level,
                  i < tables.lookalike_reason.size()
                      ? tables.lookalike_reason[i]
                      : detail::catalogue(kb).get("triage.lookalike_reason",
                                                  {{"name", l.name}, {"why", l.why}}),
                  l.advice, l.cite};
      t.level = std::max(t.level, hit.level);
      t.rules.push_back(std::move(hit));
    }
    t.also_consider.push_back(LookalikeMatch{static_cast<std::uint16_t>(i), std::move(why)});
  }
  std::sort(t.set_aside.begin(), t.set_aside.end());
  // The fixed rules' items: found when the engine was compiled, or here for a
  // knowledge base with no engine.
  detail::TriageIds found;
  if (!tables.has_ids)
    found = detail::find_triage_ids(kb);
  const detail::TriageIds& ids = tables.has_ids ? tables.ids : found;
  apply_rules(facts, ids, t);

  sort_questions(flags, t.questions);
  t.pending.reserve(t.questions.size());
  for (const Question& q : t.questions) {
    if (!contains(intake.red_flags, q.red_flag) && !contains(intake.red_flags_denied, q.red_flag))
      t.pending.push_back(q.red_flag);
  }
  t.provisional = !t.pending.empty();
  if (t.provisional) {
    const Unanswered words(kb, tables, t.pending.size(), flags[t.pending.front()].level);
    add_rule_with(kb, t, ids, detail::TriageIds::unanswered, TriageLevel::see_clinician,
                  words.size(), [&](std::string& out) { words.append(out); });
  }
  if (t.age_rule_raises()) {
    RuleHit hit{"new_pain_age", kb.age_rule().level, detail::age_rule_reason(kb, t, intake),
                kb.age_rule().advice, kb.age_rule().cite};
    t.rules.push_back(std::move(hit));
  }
  // Most severe first; equal levels keep the order they were found in.
  const auto more_severe = [](const RuleHit& a, const RuleHit& b) { return a.level > b.level; };
  if (!std::is_sorted(t.rules.begin(), t.rules.end(), more_severe))
    std::stable_sort(t.rules.begin(), t.rules.end(), more_severe);
  return t;
}

Answer answer_of(const Intake& intake, RedFlagIndex flag) noexcept {
  if (contains(intake.red_flags, flag))
    return Answer::yes;
  if (contains(intake.red_flags_denied, flag))
    return Answer::no;
  return Answer::pending;
}

Expected<std::vector<Question>> questions(const KnowledgeBase& kb, const Intake& intake) {
  if (Status valid = validate_intake(kb, intake); !valid)
    return valid.error();
  try {
    Triage t = triage(kb, intake);
    std::vector<Question> out;
    for (Question& q : t.questions) {
      if (answer_of(intake, q.red_flag) == Answer::pending)
        out.push_back(std::move(q));
    }
    return out;
  } catch (const std::bad_alloc&) {
    return Error(ErrorCode::out_of_memory, "out of memory while choosing the questions");
  }
}

std::vector<std::string> triage_advice(const KnowledgeBase& kb, const Triage& triage) {
  std::vector<std::string> advice;
  for (const RedFlagIndex f : triage.red_flags) {
    advice.push_back(kb.red_flags()[f].advice);
  }
  for (const RuleHit& r : triage.rules) {
    if (r.id != "new_pain_age" && !r.advice.empty())
      advice.push_back(r.advice);
  }
  if (triage.age_rule_raises() || triage.age_rule == AgeRuleOutcome::age_unknown) {
    advice.push_back(kb.age_rule().advice);
  }
  return advice;
}

}  // namespace myoref
