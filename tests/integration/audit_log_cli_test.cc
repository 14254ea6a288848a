// The operations audit trail from the command line: audit verify covers both
// chains and says which one broke; audit log lists and filters; audit export
// writes JSON Lines (one linked line per record) and is itself recorded.

#include <algorithm>
#include <filesystem>

#include <gtest/gtest.h>

#include "tests/integration/cli_test_support.h"

namespace oversight::testing {
namespace {

class AuditLogCliTest : public CliTest {
 protected:
  void SetUp() override {
    ImportCatalog();
    std::string text;
    for (int i = 1; i <= 5; ++i) {
      text += EventLine("e" + std::to_string(i), {{"case_id", "C" + std::to_string(i)}}) + "\n";
    }
    WriteFile("five.jsonl", text);
    ASSERT_EQ(Ingest({"five.jsonl"})["stored"], 5);
    // Each export is an operation: three records, by two actors.
    Export("a1.jsonl", "alice");
    Export("a2.jsonl", "bob");
    Export("a3.jsonl", "alice");
  }

  CommandResult Export(const std::string& file, const std::string& by,
                       const std::vector<std::string>& extra = {}, int expected_exit = 0) {
    std::vector<std::string> args = {"audit", "export", "--out", file, "--by", by, "--db", kDb};
    args.insert(args.end(), extra.begin(), extra.end());
    CommandResult r = Run(args);
    EXPECT_EQ(r.exit_code, expected_exit) << r.out << r.err;
    return r;
  }

  // `audit verify --json`, expecting `exit_code`.
  nlohmann::json Verify(int exit_code) {
    CommandResult r = Run({"audit", "verify", "--json", "--db", kDb});
    EXPECT_EQ(r.exit_code, exit_code) << r.out << r.err;
    return ParseJson(r.out);
  }

  // `audit log --json <extra>`, one object per record.
  std::vector<nlohmann::json> Log(const std::vector<std::string>& extra = {}) {
    std::vector<std::string> args = {"audit", "log", "--json", "--db", kDb};
    args.insert(args.end(), extra.begin(), extra.end());
    CommandResult r = Run(args);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return ParseJsonLines(r.out);
  }

  void TamperOps(const std::string& sql) {
    ASSERT_EQ(ExecSqlite(Path(kDb),
                         "DROP TRIGGER ops_log_no_update; DROP TRIGGER ops_log_no_delete; " + sql),
              "");
  }
};

TEST_F(AuditLogCliTest, VerifyReportsBothChainsIntact) {
  CommandResult r = Run({"audit", "verify", "--db", kDb});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(r.out.starts_with("chain intact: 5 events verified (sm3)")) << r.out;
  EXPECT_NE(r.out.find("\noperations chain intact: 3 records verified (sm3), head "),
            std::string::npos)
      << r.out;

  nlohmann::json report = Verify(0);
  EXPECT_EQ(report["ok"], true);
  EXPECT_EQ(report["events_ok"], true);
  EXPECT_EQ(report["events_checked"], 5);
  EXPECT_EQ(report["operations"]["ok"], true);
  EXPECT_EQ(report["operations"]["records_checked"], 3);
  EXPECT_EQ(report["operations"]["head_hash"].get<std::string>().size(), 64u);
  EXPECT_NE(report["operations"]["head_hash"], report["head_hash"]);
}

TEST_F(AuditLogCliTest, TheStoreRefusesToChangeTheTrail) {
  EXPECT_NE(ExecSqlite(Path(kDb), "UPDATE ops_log SET actor = 'x'").find("append-only"),
            std::string::npos);
  EXPECT_NE(ExecSqlite(Path(kDb), "DELETE FROM ops_log").find("append-only"), std::string::npos);
  EXPECT_EQ(Verify(0)["operations"]["records_checked"], 3);
}

TEST_F(AuditLogCliTest, EditedOperationBreaksOnlyTheOperationsChain) {
  TamperOps("UPDATE ops_log SET actor = 'mallory' WHERE seq = 2;");
  CommandResult text = Run({"audit", "verify", "--db", kDb});
  EXPECT_EQ(text.exit_code, 1);
  EXPECT_TRUE(text.out.starts_with("chain intact: 5 events verified")) << text.out;
  EXPECT_NE(text.out.find("operations chain BROKEN at record 2: "), std::string::npos) << text.out;

  nlohmann::json report = Verify(1);
  EXPECT_EQ(report["ok"], false);
  EXPECT_EQ(report["events_ok"], true);
  EXPECT_FALSE(report.contains("broken_seq"));
  EXPECT_EQ(report["operations"]["ok"], false);
  EXPECT_EQ(report["operations"]["broken_seq"], 2);
  EXPECT_NE(report["operations"]["problem"].get<std::string>().find("audit.export by mallory"),
            std::string::npos);
}

TEST_F(AuditLogCliTest, RemovedNewestOperationIsCaught) {
  TamperOps("DELETE FROM ops_log WHERE seq = 3;");
  nlohmann::json report = Verify(1);
  EXPECT_EQ(report["operations"]["broken_seq"], 3);
  EXPECT_NE(report["operations"]["problem"].get<std::string>().find("removed"), std::string::npos);
}

TEST_F(AuditLogCliTest, ReorderedOperationsAreCaught) {
  TamperOps("UPDATE ops_log SET seq = -1 WHERE seq = 1; UPDATE ops_log SET seq = 1 WHERE seq = 3; "
            "UPDATE ops_log SET seq = 3 WHERE seq = -1;");
  EXPECT_EQ(Verify(1)["operations"]["broken_seq"], 1);
}

TEST_F(AuditLogCliTest, BrokenEventsChainWithIntactOperations) {
  ASSERT_EQ(ExecSqlite(Path(kDb), "DROP TRIGGER events_no_update; "
                                  "UPDATE events SET actor = 'x' WHERE seq = 4;"),
            "");
  CommandResult text = Run({"audit", "verify", "--db", kDb});
  EXPECT_EQ(text.exit_code, 1);
  EXPECT_TRUE(text.out.starts_with("chain BROKEN at event 4")) << text.out;
  EXPECT_NE(text.out.find("operations chain intact: 3 records"), std::string::npos) << text.out;
  nlohmann::json report = Verify(1);
  EXPECT_EQ(report["events_ok"], false);
  EXPECT_EQ(report["broken_seq"], 4);
  EXPECT_EQ(report["operations"]["ok"], true);
}

TEST_F(AuditLogCliTest, LogListsRecordsOldestFirst) {
  std::vector<nlohmann::json> records = Log();
  ASSERT_EQ(records.size(), 3u);
  for (int i = 0; i < 3; ++i) EXPECT_EQ(records[i]["seq"], i + 1);
  EXPECT_EQ(records[0]["actor"], "alice");
  EXPECT_EQ(records[0]["actor_role"], "cli");
  EXPECT_EQ(records[0]["action"], "audit.export");
  EXPECT_EQ(records[0]["object"], "file:a1.jsonl");
  EXPECT_EQ(records[0]["result"], "ok");
  EXPECT_EQ(records[0]["client"], "local");
  EXPECT_EQ(records[1]["actor"], "bob");
  // The first export found no records; the second found the first export.
  EXPECT_EQ(ParseJson(records[0]["detail"].get<std::string>())["records"], 0);
  EXPECT_EQ(ParseJson(records[1]["detail"].get<std::string>())["records"], 1);
  EXPECT_EQ(records[2]["hash"].get<std::string>().size(), 64u);
  EXPECT_FALSE(records[0].contains("prev_hash"));

  CommandResult text = Run({"audit", "log", "--db", kDb});
  EXPECT_EQ(text.exit_code, 0) << text.err;
  EXPECT_TRUE(text.out.starts_with("#1  ")) << text.out;
  EXPECT_NE(text.out.find("  alice (cli)  audit.export  file:a1.jsonl  ok  local  "),
            std::string::npos)
      << text.out;
}

TEST_F(AuditLogCliTest, LogFiltersAndPages) {
  EXPECT_EQ(Log({"--actor", "bob"}).size(), 1u);
  EXPECT_EQ(Log({"--action", "audit"}).size(), 3u);
  EXPECT_EQ(Log({"--action", "audit.export"}).size(), 3u);
  EXPECT_EQ(Log({"--action", "aud"}).size(), 0u);  // a dotted prefix, not a string prefix
  EXPECT_EQ(Log({"--object", "file:a2.jsonl"}).size(), 1u);
  EXPECT_EQ(Log({"--result", "failed"}).size(), 0u);
  EXPECT_EQ(Log({"--from", "2999-01-01T00:00:00Z"}).size(), 0u);
  EXPECT_EQ(Log({"--to", "2000-01-01T00:00:00Z"}).size(), 0u);
  EXPECT_EQ(Log({"--from", "2000-01-01T00:00:00Z", "--to", "2999-01-01T00:00:00Z"}).size(), 3u);

  std::vector<nlohmann::json> page = Log({"--limit", "2"});
  ASSERT_EQ(page.size(), 2u);
  page = Log({"--limit", "2", "--after", "2"});
  ASSERT_EQ(page.size(), 1u);
  EXPECT_EQ(page[0]["seq"], 3);

  CommandResult text = Run({"audit", "log", "--limit", "2", "--db", kDb});
  EXPECT_NE(text.out.find("(more may follow: --after 2)"), std::string::npos) << text.out;
  CommandResult none = Run({"audit", "log", "--actor", "nobody", "--db", kDb});
  EXPECT_EQ(none.out, "no operation records\n");
}

TEST_F(AuditLogCliTest, LogRefusesBadArguments) {
  CommandResult bad_from = Run({"audit", "log", "--from", "yesterday", "--db", kDb});
  EXPECT_EQ(bad_from.exit_code, 2);
  EXPECT_NE(bad_from.err.find("--from"), std::string::npos) << bad_from.err;
  CommandResult backwards = Run({"audit", "log", "--from", "2026-01-02T00:00:00Z", "--to",
                                 "2026-01-01T00:00:00Z", "--db", kDb});
  EXPECT_EQ(backwards.exit_code, 2);
  EXPECT_NE(backwards.err.find("before"), std::string::npos) << backwards.err;
  EXPECT_EQ(Run({"audit", "log", "--limit", "0", "--db", kDb}).exit_code, 2);
  EXPECT_EQ(Run({"audit", "log", "--limit", "1001", "--db", kDb}).exit_code, 2);
  EXPECT_EQ(Run({"audit", "log", "--result", "maybe", "--db", kDb}).exit_code, 2);
  CommandResult missing = Run({"audit", "log", "--db", "typo.db"});
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_FALSE(std::filesystem::exists(Path("typo.db")));
}

TEST_F(AuditLogCliTest, ExportWritesOneLinkedLinePerRecord) {
  CommandResult r = Export("all.jsonl", "carol", {"--json"});
  nlohmann::json summary = ParseJson(r.out);
  EXPECT_EQ(summary["records"], 3);
  EXPECT_EQ(summary["recorded_seq"], 4);

  std::string text = ReadFile("all.jsonl");
  ASSERT_FALSE(text.empty());
  EXPECT_EQ(text.back(), '\n');
  EXPECT_EQ(std::count(text.begin(), text.end(), '\n'), 3);
  std::vector<nlohmann::json> lines = ParseJsonLines(text);
  ASSERT_EQ(lines.size(), 3u);
  // A stable key order, so archives diff cleanly.
  std::vector<std::string> keys;
  nlohmann::ordered_json first = nlohmann::ordered_json::parse(text.substr(0, text.find('\n')));
  for (auto it = first.begin(); it != first.end(); ++it) keys.push_back(it.key());
  EXPECT_EQ(keys, (std::vector<std::string>{"seq", "at", "at_ms", "actor", "actor_role", "action",
                                            "object", "result", "detail", "client", "prev_hash",
                                            "hash"}));
  EXPECT_EQ(lines[0]["prev_hash"], std::string(64, '0'));
  for (size_t i = 0; i < lines.size(); ++i) {
    EXPECT_EQ(lines[i]["seq"], i + 1);
    if (i > 0) {
      EXPECT_EQ(lines[i]["prev_hash"], lines[i - 1]["hash"]);
    }
  }
  // The lines agree with what the store holds.
  std::vector<nlohmann::json> listed = Log();
  ASSERT_EQ(listed.size(), 4u);
  EXPECT_EQ(lines[2]["hash"], listed[2]["hash"]);
  // The export itself is the newest record, after the file was written.
  EXPECT_EQ(listed[3]["actor"], "carol");
  EXPECT_EQ(listed[3]["object"], "file:all.jsonl");
  EXPECT_EQ(ParseJson(listed[3]["detail"].get<std::string>())["records"], 3);
  EXPECT_EQ(Verify(0)["operations"]["records_checked"], 4);
}

TEST_F(AuditLogCliTest, ExportWindowAndText) {
  CommandResult none = Export("none.jsonl", "carol", {"--from", "2999-01-01T00:00:00+08:00"});
  EXPECT_EQ(none.out, "exported 0 operation records to none.jsonl (recorded as operation 4)\n");
  EXPECT_EQ(ReadFile("none.jsonl"), "");
  Export("window.jsonl", "carol",
         {"--from", "2000-01-01T00:00:00Z", "--to", "2999-01-01T00:00:00Z"});
  EXPECT_EQ(ParseJsonLines(ReadFile("window.jsonl")).size(), 4u);
}

TEST_F(AuditLogCliTest, ExportNeverOverwritesAnArchive) {
  std::string before = ReadFile("a1.jsonl");
  CommandResult r = Export("a1.jsonl", "carol", {}, 1);
  EXPECT_NE(r.err.find("exists"), std::string::npos) << r.err;
  EXPECT_EQ(ReadFile("a1.jsonl"), before);
  EXPECT_EQ(Log().size(), 3u);
}

TEST_F(AuditLogCliTest, FailedExportIsRecordedAndLeavesNoFile) {
  CommandResult r = Export("no-such-dir/out.jsonl", "carol", {}, 1);
  EXPECT_NE(r.err.find("--out"), std::string::npos) << r.err;
  EXPECT_FALSE(std::filesystem::exists(Path("no-such-dir")));
  std::vector<nlohmann::json> failed = Log({"--result", "failed"});
  ASSERT_EQ(failed.size(), 1u);
  EXPECT_EQ(failed[0]["actor"], "carol");
  EXPECT_EQ(failed[0]["action"], "audit.export");
  EXPECT_EQ(Verify(0)["operations"]["records_checked"], 4);
}

TEST_F(AuditLogCliTest, ExportRefusesBadArguments) {
  CommandResult bad = Export("x.jsonl", "carol", {"--to", "2026-13-01T00:00:00Z"}, 2);
  EXPECT_NE(bad.err.find("--to"), std::string::npos) << bad.err;
  EXPECT_FALSE(std::filesystem::exists(Path("x.jsonl")));
  CommandResult backwards = Export(
      "x.jsonl", "carol", {"--from", "2026-01-02T00:00:00Z", "--to", "2026-01-01T00:00:00Z"}, 2);
  EXPECT_NE(backwards.err.find("--from must be before --to"), std::string::npos) << backwards.err;
  CommandResult bad_by = Export("x.jsonl", std::string(300, 'b'), {}, 2);
  EXPECT_NE(bad_by.err.find("actor"), std::string::npos) << bad_by.err;
  EXPECT_FALSE(std::filesystem::exists(Path("x.jsonl")));
  CommandResult no_out = Run({"audit", "export", "--db", kDb});
  EXPECT_EQ(no_out.exit_code, 2);
  EXPECT_NE(no_out.err.find("--out"), std::string::npos) << no_out.err;
  EXPECT_EQ(Log().size(), 3u);
}

// A store made before the operations trail existed, or with nothing recorded yet.
using EmptyTrailCliTest = CliTest;

TEST_F(EmptyTrailCliTest, VerifyAndLogOnAnEmptyTrail) {
  ImportCatalog();
  CommandResult r = Run({"audit", "verify", "--db", kDb});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("operations chain intact: 0 records verified (sm3)\n"), std::string::npos)
      << r.out;
  EXPECT_EQ(Run({"audit", "log", "--db", kDb}).out, "no operation records\n");
}

}  // namespace
}  // namespace oversight::testing
