// oversight kpi compute and oversight report on the demo city: the scores equal
// the same figures recomputed a second, simple way, straight from the SQLite file
// (and, for on-time completion and complaint feedback, from the demo's ground
// truth of injected violations); the command line's errors and outputs.

#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include <gtest/gtest.h>

#include <filesystem>

#include "base/time.h"
#include "model/event_type.h"
#include "tests/integration/cli_test_support.h"

namespace oversight::testing {
namespace {

using model::EventType;

std::string ReadFileAt(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string T(EventType type) { return std::to_string(static_cast<int>(type)); }

struct Counts {
  std::int64_t numerator = 0;
  std::int64_t denominator = 0;
};

// A demo store built once for the whole suite (scale 0.02: about 3 700 cases),
// with the default rules' alerts.
class KpiCliTest : public CliTest {
 protected:
  static void SetUpTestSuite() {
    shared_ = new TempDir();
    auto run = [&](const std::vector<std::string>& args) {
      std::vector<std::string> argv{OVS_BINARY};
      argv.insert(argv.end(), args.begin(), args.end());
      CommandResult r = RunCommand(argv, {"", shared_->path().string()});
      ASSERT_EQ(r.exit_code, 0) << r.err;
    };
    run({"demo", "--db", "city.db", "--scale", "0.02", "--truth", "truth.jsonl"});
    run({"run", "--db", "city.db", "--rules", SourcePath("rules"), "--until",
         "2026-06-01T00:00:00Z"});
  }
  static void TearDownTestSuite() {
    delete shared_;
    shared_ = nullptr;
  }

  static std::string Db() { return shared_->File("city.db"); }
  static std::string Model() { return SourcePath("scoring/default.yaml"); }

  nlohmann::json Compute(const std::string& period) {
    CommandResult r = Run({"kpi", "compute", "--db", Db(), "--period", period, "--model", Model(), "--json"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return ParseJson(r.out);
  }

  // dept → indicator id → counts, from `kpi compute --json`.
  static std::map<std::string, std::map<std::string, Counts>> ByDept(const nlohmann::json& scores) {
    std::map<std::string, std::map<std::string, Counts>> out;
    for (const auto& d : scores["departments"]) {
      for (const auto& i : d["indicators"]) {
        out[d["dept"]][i["id"]] = {static_cast<std::int64_t>(i["numerator"].get<double>()),
                                   i["denominator"].get<std::int64_t>()};
      }
    }
    return out;
  }

  // The rows of a query on the demo store: (dept, numerator, denominator).
  static std::map<std::string, Counts> CountsBySql(const std::string& sql) {
    std::map<std::string, Counts> out;
    for (const auto& row : QuerySqlite(Db(), sql)) {
      out[row[0]] = {std::stoll(row[1]), std::stoll(row[2])};
    }
    return out;
  }

  static void ExpectSame(const std::map<std::string, std::map<std::string, Counts>>& scores,
                         const std::map<std::string, Counts>& sql, const std::string& indicator) {
    std::int64_t total = 0;
    for (const auto& [dept, by_indicator] : scores) {
      Counts want = sql.count(dept) ? sql.at(dept) : Counts{};
      Counts got = by_indicator.at(indicator);
      EXPECT_EQ(got.numerator, want.numerator) << indicator << " " << dept;
      EXPECT_EQ(got.denominator, want.denominator) << indicator << " " << dept;
      total += got.denominator;
    }
    for (const auto& [dept, counts] : sql) {
      EXPECT_TRUE(scores.count(dept)) << indicator << ": SQL counts a department the scores lack: " << dept;
    }
    EXPECT_GT(total, 0) << indicator << " counted nothing: the comparison would prove nothing";
  }

  // June 2025 in Shanghai, as epoch milliseconds.
  static std::string From() {
    return std::to_string(base::ToUnixMillis(*base::ParseInstant("2025-06-01T00:00:00+08:00")));
  }
  static std::string To() {
    return std::to_string(base::ToUnixMillis(*base::ParseInstant("2025-07-01T00:00:00+08:00")));
  }

  static TempDir* shared_;
};

TempDir* KpiCliTest::shared_ = nullptr;

TEST_F(KpiCliTest, OnlineCapabilityEqualsACountOfTheCatalog) {
  auto scores = ByDept(Compute("2025-06"));
  ExpectSame(scores,
             CountsBySql("SELECT dept_code, SUM(online_depth >= 3), COUNT(*) FROM items GROUP BY dept_code"),
             "online_capability");
}

TEST_F(KpiCliTest, FullOnlineEqualsASqlCountOfOnlineCases) {
  auto scores = ByDept(Compute("2025-06"));
  // Approval cases whose first completion falls in June; online end to end when
  // every event names online (1) or mobile (3) and no delivery was other than
  // electronic.
  std::string sql =
      "WITH done AS (SELECT case_id, MIN(at_ms) AS at FROM events WHERE type = " + T(EventType::kComplete) +
      " AND kind = 0 GROUP BY case_id), "
      "c AS (SELECT e.case_id, MIN(e.dept_code) AS dept, "
      "  SUM(e.channel IN (1, 3)) AS online, SUM(e.channel NOT IN (0, 1, 3)) AS offline, "
      "  SUM(e.type = " + T(EventType::kDeliver) +
      " AND json_extract(e.attrs, '$.method') != 'electronic') AS paper "
      "  FROM events e JOIN done d ON d.case_id = e.case_id WHERE d.at >= " + From() +
      " AND d.at < " + To() + " GROUP BY e.case_id) "
      "SELECT dept, SUM(online > 0 AND offline = 0 AND paper = 0), COUNT(*) FROM c GROUP BY dept";
  ExpectSame(scores, CountsBySql(sql), "full_online");
}

TEST_F(KpiCliTest, SatisfactionEqualsTheSqlAverageOfTheCodes) {
  nlohmann::json scores = Compute("2025-06");
  auto rows = QuerySqlite(Db(), "SELECT dept_code, SUM(json_extract(attrs, '$.score')), COUNT(*) FROM events "
                                "WHERE type = " + T(EventType::kRatingReceived) + " AND at_ms >= " +
                                    From() + " AND at_ms < " + To() + " GROUP BY dept_code");
  ASSERT_FALSE(rows.empty());
  std::map<std::string, std::pair<double, std::int64_t>> sql;
  for (const auto& row : rows) sql[row[0]] = {std::stod(row[1]), std::stoll(row[2])};
  for (const auto& d : scores["departments"]) {
    for (const auto& i : d["indicators"]) {
      if (i["id"] != "satisfaction") continue;
      auto want = sql.count(d["dept"]) ? sql.at(d["dept"]) : std::pair<double, std::int64_t>{0, 0};
      EXPECT_EQ(i["denominator"].get<std::int64_t>(), want.second) << d["dept"];
      EXPECT_DOUBLE_EQ(i["numerator"].get<double>(), want.first) << d["dept"];
      if (want.second > 0) {
        EXPECT_NEAR(i["value"].get<double>(), want.first / static_cast<double>(want.second), 5e-5);
        // Bad ratings only in the demo (4 and 5): averaged as coded, so low points.
        EXPECT_LE(i["points"].get<double>(), 25.0);
      } else {
        EXPECT_TRUE(i["value"].is_null());
      }
    }
  }
}

TEST_F(KpiCliTest, OnTimeAndComplaintFeedbackEqualTheGroundTruth) {
  auto scores = ByDept(Compute("2025-06"));
  std::set<std::string> overdue;
  std::set<std::string> late_feedback;
  for (const auto& record : ParseJsonLines(ReadFileAt(shared_->File("truth.jsonl")))) {
    if (record["violation"] == "completion_overdue") overdue.insert(record["case_id"]);
    if (record["violation"] == "complaint_feedback_late") late_feedback.insert(record["case_id"]);
  }
  ASSERT_FALSE(overdue.empty());
  // Completed approval cases of June per department, and their ids.
  std::map<std::string, Counts> on_time;
  for (const auto& row : QuerySqlite(Db(), "SELECT case_id, MIN(dept_code) FROM events WHERE kind = 0 "
                                            "GROUP BY case_id HAVING MIN(CASE WHEN type = " +
                                                T(EventType::kComplete) + " THEN at_ms END) >= " +
                                                From() + " AND MIN(CASE WHEN type = " +
                                                T(EventType::kComplete) + " THEN at_ms END) < " + To())) {
    Counts& c = on_time[row[1]];
    ++c.denominator;
    if (overdue.count(row[0]) == 0) ++c.numerator;
  }
  ExpectSame(scores, on_time, "on_time");
  // Complaints received in June: answered within 24 h unless the truth says late
  // (every demo complaint is resolved within a few working days).
  std::map<std::string, Counts> complaints;
  for (const auto& row : QuerySqlite(Db(), "SELECT case_id, dept_code FROM events WHERE type = " +
                                                T(EventType::kComplaintReceived) + " AND at_ms >= " +
                                                From() + " AND at_ms < " + To())) {
    Counts& c = complaints[row[1]];
    ++c.denominator;
    if (late_feedback.count(row[0]) == 0) ++c.numerator;
  }
  ExpectSame(scores, complaints, "complaint_handling");
}

TEST_F(KpiCliTest, JsonIsByteIdenticalAndRanked) {
  CommandResult a = Run({"kpi", "compute", "--db", Db(), "--period", "2025", "--model", Model(), "--json"});
  CommandResult b = Run({"kpi", "compute", "--db", Db(), "--period", "2025", "--model", Model(), "--json"});
  ASSERT_EQ(a.exit_code, 0) << a.err;
  EXPECT_EQ(a.out, b.out);
  nlohmann::json scores = ParseJson(a.out);
  EXPECT_EQ(scores["period"], "2025");
  ASSERT_GT(scores["departments"].size(), 50u);
  int previous = 0;
  double previous_total = 101;
  for (const auto& d : scores["departments"]) {
    ASSERT_TRUE(d.contains("dept") && d.contains("total") && d.contains("rank"));
    if (d["rank"].is_null()) {
      EXPECT_TRUE(d["total"].is_null());
      continue;
    }
    EXPECT_GE(d["rank"].get<int>(), previous);
    EXPECT_LE(d["total"].get<double>(), previous_total);
    previous = d["rank"];
    previous_total = d["total"];
    EXPECT_TRUE(d["change"].is_null());  // 2024 holds no data
  }
}

TEST_F(KpiCliTest, TextRankingAndDrillDown) {
  CommandResult r = Run({"kpi", "compute", "--db", Db(), "--period", "2025-06", "--model", Model()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("Department scores 2025-06"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("rank   total"), std::string::npos);
  // The city government handles no items: listed as not scored.
  EXPECT_NE(r.out.find("not scored"), std::string::npos);

  nlohmann::json scores = Compute("2025-06");
  std::string dept;
  std::int64_t denominator = 0;
  for (const auto& d : scores["departments"]) {
    for (const auto& i : d["indicators"]) {
      if (i["id"] == "on_time" && i["denominator"].get<std::int64_t>() > denominator) {
        dept = d["dept"];
        denominator = i["denominator"];
      }
    }
  }
  ASSERT_FALSE(dept.empty());
  CommandResult drill = Run({"kpi", "compute", "--db", Db(), "--period", "2025-06", "--model", Model(),
                             "--drill", dept + ":on_time", "--json"});
  ASSERT_EQ(drill.exit_code, 0) << drill.err;
  nlohmann::json rows = ParseJson(drill.out)["rows"];
  EXPECT_EQ(static_cast<std::int64_t>(rows.size()), denominator);
  for (const auto& row : rows) {
    auto dept_of = QuerySqlite(Db(), "SELECT DISTINCT dept_code FROM events WHERE case_id = '" +
                                         row["id"].get<std::string>() + "'");
    ASSERT_EQ(dept_of.size(), 1u);
    EXPECT_EQ(dept_of[0][0], dept);  // never another department's case
  }
  CommandResult text = Run({"kpi", "compute", "--db", Db(), "--period", "2025-06", "--model", Model(),
                            "--drill", dept + ":on_time"});
  ASSERT_EQ(text.exit_code, 0);
  EXPECT_EQ(text.out.rfind(dept + " on_time 2025-06: " + std::to_string(denominator), 0), 0u) << text.out;
}

TEST_F(KpiCliTest, ReportsAreWrittenAsXlsxAndCsv) {
  CommandResult x = Run({"report", "--db", Db(), "--period", "2025-06", "--model", Model(), "--out",
                         "june.xlsx", "--json"});
  ASSERT_EQ(x.exit_code, 0) << x.err;
  EXPECT_EQ(ParseJson(x.out)["sheets"], 11);
  std::string xlsx = ReadFile("june.xlsx");
  EXPECT_EQ(xlsx.substr(0, 2), "PK");
  CommandResult c = Run({"report", "--db", Db(), "--period", "2025-06", "--model", Model(), "--out", "june.csv"});
  ASSERT_EQ(c.exit_code, 0) << c.err;
  std::string csv = ReadFile("june.csv");
  EXPECT_EQ(csv.substr(0, 3), "\xEF\xBB\xBF");
  EXPECT_NE(csv.find("排名,部门代码,部门名称,总分"), std::string::npos);
  nlohmann::json scores = Compute("2025-06");
  std::string dept = scores["departments"][0]["dept"];
  CommandResult one = Run({"report", "--db", Db(), "--period", "2025-06", "--model", Model(), "--out",
                           "dept.csv", "--dept", dept});
  ASSERT_EQ(one.exit_code, 0) << one.err;
  EXPECT_NE(ReadFile("dept.csv").find("按时办结率"), std::string::npos);
}

TEST_F(KpiCliTest, BadArgumentsAreRefusedNamingTheField) {
  auto compute = [&](std::vector<std::string> extra) {
    std::vector<std::string> args{"kpi", "compute", "--db", Db(), "--model", Model()};
    args.insert(args.end(), extra.begin(), extra.end());
    return Run(args);
  };
  CommandResult bad_period = compute({"--period", "2025-13"});
  EXPECT_EQ(bad_period.exit_code, 2);
  EXPECT_NE(bad_period.err.find("period:"), std::string::npos) << bad_period.err;
  CommandResult bad_drill = compute({"--period", "2025-06", "--drill", "on_time"});
  EXPECT_EQ(bad_drill.exit_code, 2);
  EXPECT_NE(bad_drill.err.find("--drill"), std::string::npos);
  CommandResult unknown_figure = compute({"--period", "2025-06", "--drill", "X:speed"});
  EXPECT_EQ(unknown_figure.exit_code, 2);
  CommandResult no_store =
      Run({"kpi", "compute", "--db", "missing.db", "--period", "2025-06", "--model", Model()});
  EXPECT_EQ(no_store.exit_code, 1);
  EXPECT_NE(no_store.err.find("no store"), std::string::npos);
  WriteFile("bad.yaml", "model_id: x\nversion: 1\nindicators: []\n");
  CommandResult bad_model =
      Run({"kpi", "compute", "--db", Db(), "--period", "2025-06", "--model", "bad.yaml"});
  EXPECT_EQ(bad_model.exit_code, 2);
  EXPECT_NE(bad_model.err.find("bad.yaml:3:13: indicators: expected a list of at least one indicator"),
            std::string::npos)
      << bad_model.err;
  CommandResult bad_out = Run({"report", "--db", Db(), "--period", "2025-06", "--model", Model(), "--out", "r.pdf"});
  EXPECT_EQ(bad_out.exit_code, 2);
  EXPECT_NE(bad_out.err.find("--out"), std::string::npos);
}

TEST_F(KpiCliTest, PublishFreezesAPeriodAndOnlyASupersedingPublicationWithAReasonReplacesIt) {
  // A copy of the shared store: publications are permanent.
  std::filesystem::copy_file(Db(), Path("pub.db"));
  CommandResult first = Run({"kpi", "publish", "--db", Path("pub.db"), "--period", "2025-03", "--model",
                             Model(), "--by", "考评办", "--json"});
  ASSERT_EQ(first.exit_code, 0) << first.err;
  nlohmann::json published = ParseJson(first.out);
  EXPECT_EQ(published["digest"].get<std::string>().size(), 64u);
  CommandResult again = Run({"kpi", "publish", "--db", Path("pub.db"), "--period", "2025-03", "--model", Model()});
  EXPECT_NE(again.exit_code, 0);
  EXPECT_NE(again.err.find("already published"), std::string::npos) << again.err;
  const std::string id = std::to_string(published["id"].get<int>());
  CommandResult no_reason = Run({"kpi", "publish", "--db", Path("pub.db"), "--period", "2025-03", "--model",
                                 Model(), "--supersede", id});
  EXPECT_NE(no_reason.exit_code, 0);
  CommandResult second = Run({"kpi", "publish", "--db", Path("pub.db"), "--period", "2025-03", "--model",
                              Model(), "--supersede", id, "--reason", "补录迟到数据", "--json"});
  ASSERT_EQ(second.exit_code, 0) << second.err;
  CommandResult list = Run({"kpi", "publications", "--db", Path("pub.db"), "--json"});
  ASSERT_EQ(list.exit_code, 0) << list.err;
  nlohmann::json rows = ParseJson(list.out);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0]["current"], true);
  EXPECT_EQ(rows[1]["current"], false);
  EXPECT_EQ(rows[0]["intact"], true);
  EXPECT_EQ(rows[1]["intact"], true);
  // The digest is in the audit trail, whose chain holds.
  CommandResult log = Run({"audit", "log", "--db", Path("pub.db"), "--action", "kpi.publish", "--json"});
  EXPECT_NE(log.out.find(published["digest"].get<std::string>()), std::string::npos) << log.out;
  EXPECT_EQ(Run({"audit", "verify", "--db", Path("pub.db")}).exit_code, 0);
}

}  // namespace
}  // namespace oversight::testing
