// Pain over the sessions of a plan: pain before and after each session
// against the baseline, the relief the rules look for, and where the target
// changed or the plan stopped.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "i18n/messages.hpp"
#include "myoref/plan.hpp"
#include "myoref/render.hpp"
#include "protocol/state.hpp"
#include "render/figure.hpp"
#include "render/svg.hpp"

namespace myoref {

using detail::render::attr;
using detail::render::num;
using detail::render::text_element;

namespace {

// Layout in user units. The plot keeps its size whatever the number of
// sessions: each session gets an equal slot, in date order (sessions are
// logged in date order, several may share a day).
constexpr float kWidth = 640.0F;
constexpr float kMargin = 12.0F;
constexpr float kHeadingHeight = 44.0F;
constexpr float kTargetRow = 16.0F;  // above the plot: the target labels
constexpr float kAxisLeft = 46.0F;   // the pain axis and its labels
constexpr float kRightLabels = 92.0F;
constexpr float kPlotHeight = 220.0F;
constexpr float kAxisBelow = 40.0F;  // session numbers, dates, the axis title
constexpr float kLegendRow = 18.0F;
// Pain before is a ring around where pain after is a dot, so that both show
// when they are equal.
constexpr float kBeforeRadius = 4.6F;
constexpr float kAfterRadius = 3.0F;
constexpr float kDateWidth = 50.0F;  // a date label at its size, so that they never overlap

constexpr const char* kTextColour = "#1a1a1a";
constexpr const char* kMutedText = "#555555";
constexpr const char* kGrid = "#e0e0e0";
constexpr const char* kAxis = "#474747";
constexpr const char* kBaseline = "#474747";
constexpr const char* kReliefFill = "#e3f2e5";
constexpr const char* kRelief = "#2e7d32";
constexpr const char* kWorse = "#b71c1c";
constexpr const char* kChange = "#6a1b9a";

std::string target_label(const KnowledgeBase& kb, const SessionRecord& session) {
  const std::string& key = session.log.target;
  const std::string both = ":both";
  if (key.size() > both.size() && key.compare(key.size() - both.size(), both.size(), both) == 0) {
    const Candidate& c = kb.candidates()[session.target];
    return detail::catalogue(kb).get("region.both_sides",
                                     {{"region", kb.muscles()[c.muscle].name}});
  }
  return detail::render::candidate_label(kb, session.target);
}

std::string status_words(const detail::Catalogue& m, PlanStatus status) {
  switch (status) {
    case PlanStatus::active:
      return m.get("progress.status.active");
    case PlanStatus::maintenance:
      return m.get("progress.status.maintenance");
    case PlanStatus::stopped_seek_care:
      return m.get("progress.status.stopped_seek_care");
    case PlanStatus::exhausted:
      return m.get("progress.status.exhausted");
  }
  return std::string(to_string(status));
}

bool stopped(PlanStatus status) {
  return status == PlanStatus::stopped_seek_care || status == PlanStatus::exhausted;
}

// The highest pain that counts as relief, by the plan's own rule; -1 when
// none does.
int relief_threshold(const Plan& plan) {
  for (int pain = plan.baseline_pain() - 1; pain >= 0; --pain) {
    if (detail::is_relief(plan.options(), plan.baseline_pain(), pain))
      return pain;
  }
  return -1;
}

void line(std::string& out, float x1, float y1, float x2, float y2, const char* stroke, float width,
          const char* dash = nullptr) {
  out += "<line";
  attr(out, "x1", x1);
  attr(out, "y1", y1);
  attr(out, "x2", x2);
  attr(out, "y2", y2);
  attr(out, "stroke", stroke);
  attr(out, "stroke-width", width);
  if (dash != nullptr)
    attr(out, "stroke-dasharray", dash);
  out += "/>\n";
}

void marker(std::string& out, float x, float y, bool filled, const std::string& colour,
            const std::string& title) {
  out += "<circle";
  attr(out, "cx", x);
  attr(out, "cy", y);
  attr(out, "r", filled ? kAfterRadius : kBeforeRadius);
  attr(out, "fill", filled ? colour : std::string("#ffffff"));
  attr(out, "stroke", colour);
  out += " stroke-width=\"1.5\"";
  if (title.empty()) {
    out += "/>\n";
    return;
  }
  out += "><title>";
  detail::render::append_escaped(out, title);
  out += "</title></circle>\n";
}

struct LegendEntry {
  enum class Kind : std::uint8_t { before, after, baseline, relief, worse, change, stop };
  Kind kind;
  std::string label;
};

}  // namespace

Expected<std::string> render_pain_over_time_svg(const Plan& plan, const RenderOptions& options) {
  auto checked = detail::render::check_options(options);
  if (!checked)
    return std::move(checked).error();
  const detail::render::Look& look = *checked;
  const KnowledgeBase& kb = plan.kb();
  const std::vector<SessionRecord>& sessions = plan.sessions();
  const std::size_t n = sessions.size();
  const int baseline = plan.baseline_pain();
  const int relief = relief_threshold(plan);
  const int worse = baseline + plan.options().worsening_points;
  const std::string colour = detail::render::to_hex(look.overlay);

  // Words first: the title, the subtitle and the description.
  const detail::Catalogue& m = detail::catalogue(kb);
  const std::string title = m.get("progress.title");
  const std::string subtitle =
      m.get("progress.subtitle",
            {{"baseline", baseline},
             {"relief", relief >= 0 ? m.get("progress.subtitle_relief", {{"relief", relief}}) : ""},
             {"n", n},
             {"status", status_words(m, plan.status())}});
  std::string desc = m.get("progress.desc", {{"baseline", baseline}});
  if (relief >= 0)
    desc += m.get("progress.desc_relief", {{"relief", relief}});
  if (n == 0)
    desc += m.get("progress.desc_none");
  for (std::size_t i = 0; i < n; ++i) {
    const SessionRecord& s = sessions[i];
    std::string target;
    if (i == 0 || s.log.target != sessions[i - 1].log.target) {
      target = m.get(i == 0 ? "progress.desc_target" : "progress.desc_new_target",
                     {{"target", target_label(kb, s)}});
    }
    std::string marks;
    if (s.relief)
      marks += m.get("progress.desc_relief_mark");
    if (s.worse)
      marks += m.get("progress.desc_worse_mark");
    desc += m.get("progress.desc_session", {{"n", i + 1},
                                            {"date", s.log.date},
                                            {"target", target},
                                            {"before", s.log.pain_before},
                                            {"after", s.log.pain_after},
                                            {"marks", marks}});
  }
  if (stopped(plan.status()) && !plan.reason().empty()) {
    desc += m.get("progress.desc_stopped", {{"n", n}, {"reason", plan.reason()}});
    if (desc.back() != '.')
      desc += '.';
  }

  std::vector<LegendEntry> legend = {
      {LegendEntry::Kind::before, m.get("progress.legend_before")},
      {LegendEntry::Kind::after, m.get("progress.legend_after")},
      {LegendEntry::Kind::baseline, m.get("progress.legend_baseline", {{"baseline", baseline}})},
  };
  if (relief >= 0) {
    legend.push_back(
        {LegendEntry::Kind::relief, m.get("progress.legend_relief", {{"relief", relief}})});
  }
  if (worse <= 10) {
    legend.push_back(
        {LegendEntry::Kind::worse, m.get("progress.legend_worse", {{"worse", worse}})});
  }
  legend.push_back({LegendEntry::Kind::change, m.get("progress.legend_change")});
  if (stopped(plan.status()))
    legend.push_back({LegendEntry::Kind::stop, m.get("progress.legend_stop")});

  // Geometry.
  const float heading = look.heading ? kHeadingHeight : 0.0F;
  const float plot_left = kMargin + kAxisLeft;
  const float plot_right = kWidth - kMargin - kRightLabels;
  const float plot_top = kMargin + heading + kTargetRow;
  const float plot_bottom = plot_top + kPlotHeight;
  const float plot_width = plot_right - plot_left;
  const float legend_top = plot_bottom + kAxisBelow;
  const std::size_t legend_rows = (legend.size() + 1) / 2;  // two columns
  const float height = legend_top +
                       (look.legend ? 8.0F + kLegendRow * static_cast<float>(legend_rows) : 0.0F) +
                       kMargin;
  const float slot = plot_width / static_cast<float>(std::max<std::size_t>(n, 1));
  const auto x_of = [&](std::size_t i) {
    return plot_left + (static_cast<float>(i) + 0.5F) * slot;
  };
  const auto y_of = [&](float pain) { return plot_bottom - pain / 10.0F * kPlotHeight; };

  std::string out;
  out.reserve(16U << 10U);
  const std::string title_id = look.prefix + "-title";
  const std::string desc_id = look.prefix + "-desc";
  out += "<svg xmlns=\"http://www.w3.org/2000/svg\"";
  attr(out, "viewBox", "0 0 " + num(kWidth) + ' ' + num(height));
  if (look.width_px > 0) {
    const auto w = static_cast<float>(look.width_px);
    attr(out, "width", w);
    attr(out, "height", w * height / kWidth);
  }
  out += " role=\"img\"";
  attr(out, "aria-labelledby", title_id + ' ' + desc_id);
  out += " font-family=\"sans-serif\">\n<title";
  attr(out, "id", title_id);
  out += '>';
  detail::render::append_escaped(out, title);
  out += "</title>\n<desc";
  attr(out, "id", desc_id);
  out += '>';
  detail::render::append_escaped(out, desc);
  out += "</desc>\n<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n";
  if (look.heading) {
    text_element(out, kMargin, kMargin + 17.0F, title, 17.0F, "start", kTextColour, true);
    text_element(out, kMargin, kMargin + 35.0F, subtitle, 11.0F, "start", kMutedText);
  }

  // The relief zone under everything, then the grid and the axes.
  if (relief >= 0) {
    out += "<rect";
    attr(out, "x", plot_left);
    attr(out, "y", y_of(static_cast<float>(relief)));
    attr(out, "width", plot_width);
    attr(out, "height", y_of(0.0F) - y_of(static_cast<float>(relief)));
    attr(out, "fill", kReliefFill);
    out += "/>\n";
  }
  for (int p = 0; p <= 10; ++p) {
    const float y = y_of(static_cast<float>(p));
    if (p != 0)
      line(out, plot_left, y, plot_right, y, kGrid, 0.6F);
    if (p % 2 == 0) {
      text_element(out, plot_left - 6.0F, y + 3.5F, std::to_string(p), 10.0F, "end", kMutedText);
    }
  }
  const float axis_mid = (plot_top + plot_bottom) / 2.0F;
  out += "<text";
  attr(out, "x", kMargin + 8.0F);
  attr(out, "y", axis_mid);
  out += " font-size=\"10\" text-anchor=\"middle\"";
  attr(out, "fill", kMutedText);
  attr(out, "transform", "rotate(-90 " + num(kMargin + 8.0F) + ' ' + num(axis_mid) + ')');
  out += '>';
  detail::render::append_escaped(out, m.get("progress.axis_pain"));
  out += "</text>\n";
  line(out, plot_left, plot_top, plot_left, plot_bottom, kAxis, 1.0F);
  line(out, plot_left, plot_bottom, plot_right, plot_bottom, kAxis, 1.0F);

  // The thresholds, labelled at the right.
  if (relief >= 0) {
    const float y = y_of(static_cast<float>(relief));
    line(out, plot_left, y, plot_right, y, kRelief, 1.2F);
    text_element(out, plot_right + 6.0F, y + 3.5F,
                 m.get("progress.line_relief", {{"relief", relief}}), 10.0F, "start", kRelief);
  }
  {
    const float y = y_of(static_cast<float>(baseline));
    line(out, plot_left, y, plot_right, y, kBaseline, 1.4F, "6 3");
    text_element(out, plot_right + 6.0F, y + 3.5F,
                 m.get("progress.line_baseline", {{"baseline", baseline}}), 10.0F, "start",
                 kBaseline);
  }
  if (worse <= 10) {
    const float y = y_of(static_cast<float>(worse));
    line(out, plot_left, y, plot_right, y, kWorse, 1.0F, "2 2");
    text_element(out, plot_right + 6.0F, y + 3.5F, m.get("progress.line_worse", {{"worse", worse}}),
                 10.0F, "start", kWorse);
  }

  // Sessions along the bottom: numbers, and dates where they fit.
  const std::size_t date_step =
      std::max<std::size_t>(1, static_cast<std::size_t>(kDateWidth / slot) + 1);
  for (std::size_t i = 0; i < n; ++i) {
    const float x = x_of(i);
    line(out, x, plot_bottom, x, plot_bottom + 3.0F, kAxis, 1.0F);
    if (i % date_step == 0) {
      text_element(out, x, plot_bottom + 13.0F, std::to_string(i + 1), 9.0F, "middle", kMutedText);
      text_element(out, x, plot_bottom + 23.0F, sessions[i].log.date, 8.0F, "middle", kMutedText);
    }
  }
  text_element(out, (plot_left + plot_right) / 2.0F, plot_bottom + 35.0F,
               m.get(n == 0 ? "progress.axis_none" : "progress.axis_sessions"), 10.0F, "middle",
               kMutedText);

  // Where the target changed: a line before the session, named above the plot.
  for (std::size_t i = 0; i < n; ++i) {
    if (i != 0 && sessions[i].log.target == sessions[i - 1].log.target)
      continue;
    const float x = plot_left + static_cast<float>(i) * slot;
    if (i != 0)
      line(out, x, plot_top - kTargetRow + 2.0F, x, plot_bottom, kChange, 1.2F, "3 2");
    text_element(out, x + 3.0F, plot_top - 5.0F, target_label(kb, sessions[i]), 9.0F, "start",
                 kChange);
  }
  if (stopped(plan.status()) && n > 0) {
    const float x = plot_right;
    line(out, x, plot_top - kTargetRow + 2.0F, x, plot_bottom, kWorse, 2.0F);
    text_element(out, x + 4.0F, plot_top - 5.0F, m.get("progress.stopped"), 9.0F, "start", kWorse,
                 true);
  }

  // The sessions: before to after as a stroke, after joined across sessions.
  if (n > 1) {
    out += "<polyline fill=\"none\"";
    std::string points;
    for (std::size_t i = 0; i < n; ++i) {
      if (i != 0)
        points += ' ';
      points += num(x_of(i)) + ',' + num(y_of(static_cast<float>(sessions[i].log.pain_after)));
    }
    attr(out, "points", points);
    attr(out, "stroke", colour);
    out += " stroke-width=\"1.5\" stroke-linejoin=\"round\"/>\n";
  }
  for (std::size_t i = 0; i < n; ++i) {
    const SessionRecord& s = sessions[i];
    const float x = x_of(i);
    const float before = y_of(static_cast<float>(s.log.pain_before));
    const float after = y_of(static_cast<float>(s.log.pain_after));
    out += "<g>";
    line(out, x, before, x, after, kMutedText, 1.0F);
    marker(out, x, before, false, colour,
           m.get("progress.marker_before",
                 {{"n", i + 1}, {"date", s.log.date}, {"pain", s.log.pain_before}}));
    marker(out, x, after, true, colour,
           m.get("progress.marker_after",
                 {{"n", i + 1},
                  {"date", s.log.date},
                  {"pain", s.log.pain_after},
                  {"relief", s.relief ? m.get("progress.marker_relief") : ""}}));
    out += "</g>\n";
  }

  if (look.legend) {
    const float column = (kWidth - 2.0F * kMargin) / 2.0F;
    for (std::size_t i = 0; i < legend.size(); ++i) {
      const float x = kMargin + static_cast<float>(i % 2) * column;
      const std::size_t row = i / 2;
      const float y = legend_top + 8.0F + static_cast<float>(row) * kLegendRow;
      const float mid = y + 6.0F;
      switch (legend[i].kind) {
        case LegendEntry::Kind::before:
          marker(out, x + 10.0F, mid, false, colour, "");
          break;
        case LegendEntry::Kind::after:
          marker(out, x + 10.0F, mid, true, colour, "");
          break;
        case LegendEntry::Kind::baseline:
          line(out, x, mid, x + 20.0F, mid, kBaseline, 1.4F, "6 3");
          break;
        case LegendEntry::Kind::relief:
          out += "<rect";
          attr(out, "x", x);
          attr(out, "y", y);
          out += " width=\"20\" height=\"12\"";
          attr(out, "fill", kReliefFill);
          attr(out, "stroke", kRelief);
          out += "/>\n";
          break;
        case LegendEntry::Kind::worse:
          line(out, x, mid, x + 20.0F, mid, kWorse, 1.0F, "2 2");
          break;
        case LegendEntry::Kind::change:
          line(out, x + 10.0F, y, x + 10.0F, y + 12.0F, kChange, 1.2F, "3 2");
          break;
        case LegendEntry::Kind::stop:
          line(out, x + 10.0F, y, x + 10.0F, y + 12.0F, kWorse, 2.0F);
          break;
      }
      text_element(out, x + 28.0F, y + 10.0F, legend[i].label, 11.0F, "start", kTextColour);
    }
  }
  out += "</svg>\n";
  return out;
}

}  // namespace myoref
