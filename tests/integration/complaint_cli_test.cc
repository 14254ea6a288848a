// oversight complaint … and oversight rating … end to end: the 24-hour first
// feedback across a weekend judged by the shipped rules (--rules), a complaint's
// steps in order, the complainant kept out of events and output, a bad rating's
// rectification, its late yellow card and the appeal that withdraws it, figures
// over the GB/T 39046 codes, and refusals naming the field.

#include <gtest/gtest.h>

#include <set>

#include "tests/integration/cli_test_support.h"

namespace oversight::testing {
namespace {

constexpr char kContact[] = "13812345678";

class ComplaintCliTest : public CliTest {
 protected:
  void SetUp() override { ImportCatalog(); }

  // `oversight <args> --db store.db --now <now>`, with the shipped rules for changes.
  CommandResult At(const std::string& now, std::vector<std::string> args, bool judge = true) {
    args.insert(args.end(), {"--db", kDb, "--now", now});
    if (judge) args.insert(args.end(), {"--rules", SourcePath("rules")});
    return Run(args);
  }

  std::string Register(const std::string& now) {
    CommandResult r = At(now, {"complaint", "register", "--channel", "hotline", "--dept", kDept, "--item", kItem,
                               "--content", "窗口要求重复提交材料", "--name", "张三", "--contact", kContact,
                               "--json"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return ParseJson(r.out)["id"];
  }

  // Open or withdrawn alerts of `case_id` as (rule, level, state).
  std::set<std::tuple<std::string, std::string, std::string>> Alerts(const std::string& case_id) {
    CommandResult r = Run({"alerts", "list", "--db", kDb, "--json"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    std::set<std::tuple<std::string, std::string, std::string>> out;
    for (const nlohmann::json& a : ParseJson(r.out)) {
      if (a["case_id"] == case_id) {
        out.insert({a["rule"].get<std::string>(), a["level"].get<std::string>(), a["state"].get<std::string>()});
      }
    }
    return out;
  }

  void IngestCase(const std::string& case_id) {
    WriteFile("case.jsonl",
              EventLine(case_id + "-1", {{"case_id", case_id},
                                         {"attrs", {{"applicant_id_masked", "445202********1234"}}}}) +
                  "\n" +
                  EventLine(case_id + "-2", {{"case_id", case_id}, {"type", "accept"}, {"at", "2025-03-03T10:00:00+08:00"}}) +
                  "\n" +
                  EventLine(case_id + "-3", {{"case_id", case_id}, {"type", "complete"}, {"at", "2025-03-05T10:00:00+08:00"}}) +
                  "\n");
    Ingest({"case.jsonl"});
  }
};

TEST_F(ComplaintCliTest, FirstFeedbackAcrossTheWeekendIsJudgedInElapsedHours) {
  // Both received on Friday 17:00; due Saturday 17:00.
  const std::string late = Register("2025-05-09T17:00:00+08:00");
  const std::string on_time = Register("2025-05-09T17:00:00+08:00");
  EXPECT_EQ(late, "TS-1");
  EXPECT_EQ(on_time, "TS-2");
  CommandResult fed = At("2025-05-10T16:00:00+08:00", {"complaint", "feedback", on_time, "--text", "已回复"});
  ASSERT_EQ(fed.exit_code, 0) << fed.err;
  EXPECT_EQ(fed.out, on_time + " fed_back\n");
  ASSERT_EQ(At("2025-05-10T18:00:00+08:00", {"complaint", "feedback", late, "--text", "已回复"}).exit_code, 0);
  using Alert = std::tuple<std::string, std::string, std::string>;
  EXPECT_EQ(Alerts(late), (std::set<Alert>{{"complaint.first-feedback-24h", "notice", "open"},
                                           {"complaint.first-feedback-24h", "yellow", "open"}}));
  EXPECT_EQ(Alerts(on_time), (std::set<Alert>{{"complaint.first-feedback-24h", "notice", "open"}}));
  // A replay of the whole history agrees.
  CommandResult run = Run({"run", "--db", kDb, "--rules", SourcePath("rules"), "--until",
                           "2025-05-12T00:00:00+08:00", "--json"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(ParseJson(run.out)["raised"], 0);
  EXPECT_EQ(ParseJson(run.out)["withdrawn"], 0);
}

TEST_F(ComplaintCliTest, StepsGoInOrderAndTheResolutionDeadlineRunsInWorkingDays) {
  const std::string id = Register("2025-05-06T10:00:00+08:00");
  CommandResult early = At("2025-05-06T11:00:00+08:00", {"complaint", "resolve", id, "--text", "已办结"});
  EXPECT_EQ(early.exit_code, 1);
  EXPECT_NE(early.err.find("first feedback"), std::string::npos) << early.err;
  ASSERT_EQ(At("2025-05-06T12:00:00+08:00", {"complaint", "feedback", id, "--text", "已回复"}).exit_code, 0);
  // Not resolved within 15 working days (07 … 27 May): a yellow card at the end of 27 May.
  CommandResult run = Run({"run", "--db", kDb, "--rules", SourcePath("rules"), "--until", "2025-05-28T09:00:00+08:00"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  using Alert = std::tuple<std::string, std::string, std::string>;
  EXPECT_EQ(Alerts(id), (std::set<Alert>{{"complaint.resolve-within-15-days", "notice", "open"},
                                         {"complaint.resolve-within-15-days", "yellow", "open"}}));
  ASSERT_EQ(At("2025-05-28T10:00:00+08:00", {"complaint", "resolve", id, "--text", "已办结"}).exit_code, 0);
  CommandResult sat = At("2025-05-28T11:00:00+08:00", {"complaint", "satisfaction", id, "--level", "2"});
  ASSERT_EQ(sat.exit_code, 0) << sat.err;
  EXPECT_EQ(sat.out, id + " satisfaction 2 (满意)\n");
  ASSERT_EQ(At("2025-05-28T12:00:00+08:00", {"complaint", "reopen", id, "--text", "投诉人不满意"}).exit_code, 0);
  EXPECT_EQ(At("2025-05-28T13:00:00+08:00", {"complaint", "reopen", id, "--text", "again"}).exit_code, 1);
  CommandResult list = Run({"complaint", "list", "--db", kDb, "--json"});
  ASSERT_EQ(list.exit_code, 0) << list.err;
  nlohmann::json rows = ParseJson(list.out);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0]["state"], "reopened");
  EXPECT_EQ(rows[0]["satisfaction"], 2);
  // Each step is in the operations audit trail.
  CommandResult log = Run({"audit", "log", "--db", kDb, "--action", "complaint", "--json"});
  ASSERT_EQ(log.exit_code, 0) << log.err;
  std::multiset<std::string> actions;
  for (const nlohmann::json& r : ParseJsonLines(log.out)) {
    actions.insert(r["action"].get<std::string>() + ":" + r["result"].get<std::string>());
  }
  EXPECT_EQ(actions.count("complaint.register:ok"), 1u) << log.out;
  EXPECT_EQ(actions.count("complaint.resolve:failed"), 1u);  // before the first feedback
  EXPECT_EQ(actions.count("complaint.resolve:ok"), 1u);
  EXPECT_EQ(actions.count("complaint.reopen:failed"), 1u);
}

TEST_F(ComplaintCliTest, TheComplainantStaysOutOfEventsAndOutput) {
  const std::string id = Register("2025-05-06T10:00:00+08:00");
  CommandResult list = Run({"complaint", "list", "--db", kDb});
  ASSERT_EQ(list.exit_code, 0);
  EXPECT_EQ(list.out.find(kContact), std::string::npos);
  EXPECT_EQ(list.out.find("张三"), std::string::npos);
  // Events carry the masked form only; the register keeps the clear one.
  auto attrs = Query("SELECT attrs FROM events WHERE case_id = '" + id + "'");
  ASSERT_EQ(attrs.size(), 1u);
  EXPECT_EQ(attrs[0][0].find(kContact), std::string::npos);
  EXPECT_NE(attrs[0][0].find("138****5678"), std::string::npos);
  EXPECT_EQ(attrs[0][0].find("张三"), std::string::npos);
  auto kept = Query("SELECT complainant_contact FROM complaints WHERE case_id = '" + id + "'");
  ASSERT_EQ(kept.size(), 1u);
  EXPECT_EQ(kept[0][0], kContact);
  EXPECT_NE(ExecSqlite(Path(kDb), "UPDATE complaints SET complainant_contact = ''"), "");
}

TEST_F(ComplaintCliTest, ADepartmentWithNoComplaintsListsNone) {
  Register("2025-05-06T10:00:00+08:00");
  CommandResult list = Run({"complaint", "list", "--db", kDb, "--dept", kOtherDept});
  ASSERT_EQ(list.exit_code, 0) << list.err;
  EXPECT_EQ(list.out, "0 complaints\n");
  CommandResult json = Run({"complaint", "list", "--db", kDb, "--dept", kOtherDept, "--json"});
  EXPECT_EQ(ParseJson(json.out), nlohmann::json::array());
}

TEST_F(ComplaintCliTest, RefusalsNameTheField) {
  auto err = [&](std::vector<std::string> args) {
    CommandResult r = At("2025-05-06T10:00:00+08:00", std::move(args), false);
    EXPECT_NE(r.exit_code, 0);
    return r.err;
  };
  EXPECT_NE(err({"complaint", "register", "--channel", "fax", "--dept", kDept, "--item", kItem, "--content", "x"})
                .find("'channel'"), std::string::npos);
  EXPECT_NE(err({"complaint", "register", "--channel", "hotline", "--dept", kUnregisteredDept, "--item", kItem,
                 "--content", "x"}).find("'dept'"), std::string::npos);
  EXPECT_NE(err({"complaint", "register", "--channel", "hotline", "--dept", kDept, "--content", "x"}).find("'item'"),
            std::string::npos);
  EXPECT_NE(err({"complaint", "register", "--channel", "hotline", "--dept", kDept, "--item", kItem, "--content", "x",
                 "--contact", "not a phone"}).find("'contact'"), std::string::npos);
  EXPECT_NE(err({"complaint", "feedback", "TS-9", "--text", "x"}).find("no complaint 'TS-9'"), std::string::npos);
  EXPECT_NE(err({"rating", "add", "--case", "NO-SUCH", "--level", "5", "--channel", "pc"}).find("'case_id'"),
            std::string::npos);
  EXPECT_NE(err({"rating", "add", "--item", kItem, "--level", "9", "--channel", "pc"}).find("'level'"),
            std::string::npos);
  EXPECT_NE(err({"rating", "add", "--item", kItem, "--level", "3", "--channel", "fax"}).find("'channel'"),
            std::string::npos);
  EXPECT_EQ(Run({"complaint", "list", "--db", kDb, "--state", "closed"}).exit_code, 2);
}

TEST_F(ComplaintCliTest, ABadRatingRectifiedInTimeRaisesNothing) {
  IngestCase("445200-2025-000123");
  CommandResult added = At("2025-05-06T10:00:00+08:00", {"rating", "add", "--case", "445200-2025-000123",
                                                          "--level", "5", "--channel", "phone", "--json"});
  ASSERT_EQ(added.exit_code, 0) << added.err;
  nlohmann::json rating = ParseJson(added.out);
  EXPECT_EQ(rating["rectification_case"], "PJ-1");
  EXPECT_EQ(rating["dept_code"], kDept);
  EXPECT_EQ(At("2025-05-06T11:00:00+08:00", {"rating", "step", "PJ-1", "--step", "rectify", "--text", "x"}).exit_code, 1);
  for (auto [now, step] : {std::pair{"2025-05-07T10:00:00+08:00", "verify"},
                           {"2025-05-08T10:00:00+08:00", "rectify"},
                           {"2025-05-09T10:00:00+08:00", "revisit"}}) {
    CommandResult r = At(now, {"rating", "step", "PJ-1", "--step", step, "--text", "已处理"});
    ASSERT_EQ(r.exit_code, 0) << step << ": " << r.err;
  }
  ASSERT_EQ(Run({"run", "--db", kDb, "--rules", SourcePath("rules"), "--until", "2025-06-01T00:00:00+08:00"}).exit_code, 0);
  EXPECT_TRUE(Alerts("PJ-1").empty());
  // The same case is rated once.
  EXPECT_EQ(At("2025-05-10T10:00:00+08:00", {"rating", "add", "--case", "445200-2025-000123", "--level", "1",
                                             "--channel", "pc"}).exit_code, 1);
}

TEST_F(ComplaintCliTest, ALateRectificationIsAYellowCardThatAnUpheldAppealWithdraws) {
  IngestCase("445200-2025-000123");
  ASSERT_EQ(At("2025-05-06T10:00:00+08:00", {"rating", "add", "--case", "445200-2025-000123", "--level", "4",
                                             "--channel", "pc"}).exit_code, 0);
  ASSERT_EQ(Run({"run", "--db", kDb, "--rules", SourcePath("rules"), "--until", "2025-05-14T10:00:00+08:00"}).exit_code, 0);
  using Alert = std::tuple<std::string, std::string, std::string>;
  EXPECT_EQ(Alerts("PJ-1"), (std::set<Alert>{{"rating.rectify-within-5-days", "notice", "open"},
                                             {"rating.rectify-within-5-days", "yellow", "open"}}));
  ASSERT_EQ(At("2025-05-14T11:00:00+08:00", {"rating", "appeal", "1", "--reason", "误评", "--by", "dept.li"}).exit_code, 0);
  CommandResult decided = At("2025-05-14T12:00:00+08:00", {"rating", "decide", "1", "--decision", "upheld",
                                                            "--reason", "经核实为误评", "--by", "bureau.wang", "--json"});
  ASSERT_EQ(decided.exit_code, 0) << decided.err;
  EXPECT_TRUE(ParseJson(decided.out)["excluded"].get<bool>());
  EXPECT_EQ(ParseJson(decided.out)["withdrawn_alerts"].size(), 2u);
  EXPECT_EQ(Alerts("PJ-1"), (std::set<Alert>{{"rating.rectify-within-5-days", "notice", "withdrawn"},
                                             {"rating.rectify-within-5-days", "yellow", "withdrawn"}}));
  CommandResult reasons = Run({"alerts", "list", "--db", kDb, "--json"});
  EXPECT_NE(reasons.out.find("经核实为误评"), std::string::npos);
  // A later run over the whole history leaves them withdrawn and raises nothing new.
  ASSERT_EQ(Run({"run", "--db", kDb, "--rules", SourcePath("rules"), "--until", "2025-06-30T00:00:00+08:00"}).exit_code, 0);
  EXPECT_EQ(Alerts("PJ-1"), (std::set<Alert>{{"rating.rectify-within-5-days", "notice", "withdrawn"},
                                             {"rating.rectify-within-5-days", "yellow", "withdrawn"}}));
  // Decided once.
  EXPECT_EQ(At("2025-05-14T13:00:00+08:00", {"rating", "decide", "1", "--decision", "rejected", "--reason", "x"}).exit_code, 1);
}

TEST_F(ComplaintCliTest, RatingsAreListedWithTheAverageOfTheCodesAsCoded) {
  IngestCase("C-1");
  IngestCase("C-2");
  IngestCase("C-3");
  for (auto [c, level] : {std::pair{"C-1", "1"}, {"C-2", "2"}, {"C-3", "5"}}) {
    ASSERT_EQ(At("2025-05-06T10:00:00+08:00", {"rating", "add", "--case", c, "--level", level, "--channel", "pc"}).exit_code, 0);
  }
  CommandResult list = Run({"rating", "list", "--db", kDb, "--json"});
  ASSERT_EQ(list.exit_code, 0) << list.err;
  nlohmann::json summary = ParseJson(list.out)["summary"];
  EXPECT_EQ(summary["count"], 3);
  EXPECT_EQ(summary["bad"], 1);
  EXPECT_NEAR(summary["average_level"].get<double>(), 8.0 / 3.0, 1e-9);
  CommandResult text = Run({"rating", "list", "--db", kDb});
  EXPECT_NE(text.out.find("3 ratings counted, 1 bad, 0 excluded on appeal; average level 2.67"), std::string::npos)
      << text.out;
  EXPECT_EQ(ParseJson(Run({"rating", "list", "--db", kDb, "--bad", "--json"}).out)["items"].size(), 1u);
}

}  // namespace
}  // namespace oversight::testing
