#include "scoring/scores_json.h"

#include <cstdio>

#include "scoring/points.h"

namespace oversight::scoring {
namespace {

// A small writer: the output must not depend on a library's number formatting.
class Json {
 public:
  Json& Key(std::string_view key) {
    Comma();
    Quote(key);
    out_ += ':';
    fresh_ = true;
    return *this;
  }
  Json& String(std::string_view s) {
    Comma();
    Quote(s);
    return *this;
  }
  Json& Raw(std::string_view text) {
    Comma();
    out_ += text;
    return *this;
  }
  Json& Fixed(const std::optional<double>& v, int decimals) {
    return Raw(v ? FormatFixed(*v, decimals) : "null");
  }
  Json& Int(std::int64_t v) { return Raw(std::to_string(v)); }
  Json& OptInt(const std::optional<int>& v) { return Raw(v ? std::to_string(*v) : "null"); }
  Json& Bool(bool b) { return Raw(b ? "true" : "false"); }
  Json& Open(char c) {
    Comma();
    out_ += c;
    fresh_ = true;
    return *this;
  }
  Json& Close(char c) {
    out_ += c;
    fresh_ = false;
    return *this;
  }
  std::string Take() { return std::move(out_) + "\n"; }

 private:
  // A comma before every value but the first in its object or array (and never
  // between a key and its value).
  void Comma() {
    if (!fresh_) out_ += ',';
    fresh_ = false;
  }
  void Quote(std::string_view s) {
    out_ += '"';
    for (unsigned char c : s) {
      switch (c) {
        case '"': out_ += "\\\""; break;
        case '\\': out_ += "\\\\"; break;
        case '\n': out_ += "\\n"; break;
        case '\r': out_ += "\\r"; break;
        case '\t': out_ += "\\t"; break;
        default:
          if (c < 0x20) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\u%04x", c);
            out_ += buf;
          } else {
            out_ += static_cast<char>(c);
          }
      }
    }
    out_ += '"';
  }

  std::string out_;
  bool fresh_ = true;
};

std::optional<double> Diff(const std::optional<double>& now, const std::optional<double>& before,
                           int decimals) {
  if (!now || !before) return std::nullopt;
  return RoundTo(*now - *before, decimals);
}

void Figures(Json& j, const std::vector<FigureInfo>& figures) {
  j.Open('[');
  for (const FigureInfo& f : figures) {
    j.Open('{');
    j.Key("id").String(f.id);
    j.Key("name_zh").String(f.name_zh);
    j.Key("name_en").String(f.name_en);
    j.Key("subject").String(SubjectName(f.subject));
    if (!f.is_deduction) {
      j.Key("measure").String(f.is_average ? "average" : "ratio");
      j.Key("direction").String(DirectionName(f.direction));
      j.Key("weight").Raw(FormatFixed(f.weight, 2));
    }
    j.Close('}');
  }
  j.Close(']');
}

}  // namespace

std::string FormatFixed(double value, int decimals) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, RoundTo(value, decimals));
  return buf;
}

std::string ScoresToJson(const PeriodScores& s) {
  Json j;
  j.Open('{');
  j.Key("model").Open('{');
  j.Key("id").String(s.model_id);
  j.Key("version").Int(s.model_version);
  j.Close('}');
  j.Key("period").String(s.period.ToString());
  j.Key("from").String(s.from_text);
  j.Key("to").String(s.to_text);
  j.Key("previous_period").String(s.previous.ToString());
  j.Key("indicators");
  Figures(j, s.indicators);
  j.Key("deductions");
  Figures(j, s.deductions);
  j.Key("departments").Open('[');
  for (const DepartmentResult& d : s.departments) {
    j.Open('{');
    j.Key("rank").OptInt(d.rank);
    j.Key("dept").String(d.dept_code);
    j.Key("name").String(d.dept_name);
    j.Key("total").Fixed(d.total, 2);
    j.Key("change").Fixed(d.change, 2);
    j.Key("previous_total").Fixed(d.previous_total, 2);
    j.Key("previous_rank").OptInt(d.previous_rank);
    j.Key("weighted").Fixed(d.weighted, 2);
    j.Key("deducted").Raw(FormatFixed(d.deducted, 2));
    j.Key("indicators").Open('[');
    for (std::size_t i = 0; i < d.indicators.size(); ++i) {
      const IndicatorResult& r = d.indicators[i];
      const bool average = i < s.indicators.size() && s.indicators[i].is_average;
      j.Open('{');
      j.Key("id").String(r.id);
      j.Key("value").Fixed(r.value, 4);
      j.Key("points").Fixed(r.points, 2);
      j.Key("numerator").Raw(FormatFixed(r.numerator, average ? 4 : 0));
      j.Key("denominator").Int(r.denominator);
      j.Key("change").Fixed(Diff(r.points, r.previous_points, 2), 2);
      j.Key("value_change").Fixed(Diff(r.value, r.previous_value, 4), 4);
      j.Key("previous_value").Fixed(r.previous_value, 4);
      j.Key("previous_points").Fixed(r.previous_points, 2);
      j.Close('}');
    }
    j.Close(']');
    j.Key("deductions").Open('[');
    for (const DeductionResult& r : d.deductions) {
      j.Open('{');
      j.Key("id").String(r.id);
      j.Key("count").Int(r.count);
      j.Key("points").Raw(FormatFixed(r.points, 2));
      j.Key("previous_count").Int(r.previous_count);
      j.Key("previous_points").Raw(FormatFixed(r.previous_points, 2));
      j.Close('}');
    }
    j.Close(']');
    j.Close('}');
  }
  j.Close(']');
  if (!s.drills.empty()) {
    j.Key("drills").Open('[');
    for (const Drill& drill : s.drills) {
      std::string one = DrillToJson(s, drill);
      one.pop_back();  // its newline
      j.Raw(one);
    }
    j.Close(']');
  }
  j.Close('}');
  return j.Take();
}

std::string DrillToJson(const PeriodScores& s, const Drill& drill) {
  Json j;
  j.Open('{');
  j.Key("period").String(s.period.ToString());
  j.Key("dept").String(drill.dept_code);
  j.Key("figure").String(drill.figure_id);
  j.Key("rows").Open('[');
  for (const DrillRow& row : drill.rows) {
    j.Open('{');
    j.Key("id").String(row.id);
    j.Key("detail").String(row.detail);
    j.Key("counted").Bool(row.counted);
    j.Key("value").Fixed(row.value, 4);
    j.Close('}');
  }
  j.Close(']');
  j.Close('}');
  return j.Take();
}

}  // namespace oversight::scoring
