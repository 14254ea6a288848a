#include "tests/integration/cli_test_support.h"

#include <sqlite3.h>

#include <fstream>
#include <sstream>

namespace oversight::testing {

std::string SourcePath(const std::string& relative) {
  return std::string(OVS_SOURCE_DIR) + "/" + relative;
}

std::string EventLine(const std::string& source_event_id, const nlohmann::ordered_json& changes) {
  nlohmann::ordered_json event = {
      {"source_event_id", source_event_id},
      {"case_id", "445200-2025-000123"},
      {"kind", "approval"},
      {"type", "submit"},
      {"at", "2025-03-03T09:12:33+08:00"},
      {"dept", kDept},
      {"item", kItem},
      {"actor", "u1024"},
      {"channel", "online"},
      {"attrs", {{"fee", 0}}},
  };
  for (const auto& [key, value] : changes.items()) {
    if (value.is_null()) {
      event.erase(key);
    } else {
      event[key] = value;
    }
  }
  return event.dump();
}

nlohmann::json ParseJson(const std::string& text) {
  nlohmann::json parsed = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (parsed.is_discarded()) {
    ADD_FAILURE() << "not JSON: " << text.substr(0, 500);
    return nullptr;
  }
  return parsed;
}

std::vector<nlohmann::json> ParseJsonLines(const std::string& text) {
  std::vector<nlohmann::json> out;
  std::istringstream lines(text);
  std::string line;
  while (std::getline(lines, line)) {
    if (!line.empty()) out.push_back(ParseJson(line));
  }
  return out;
}

std::vector<std::vector<std::string>> QuerySqlite(const std::string& db_path, const std::string& sql) {
  std::vector<std::vector<std::string>> rows;
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(db_path.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
    ADD_FAILURE() << "cannot open " << db_path << ": " << sqlite3_errmsg(db);
    sqlite3_close(db);
    return rows;
  }
  const char* tail = sql.c_str();
  while (tail != nullptr && *tail != '\0') {
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db, tail, -1, &stmt, &tail) != SQLITE_OK) {
      ADD_FAILURE() << "SQL error: " << sqlite3_errmsg(db) << " in: " << sql;
      break;
    }
    if (stmt == nullptr) continue;  // whitespace or a comment
    int rc;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
      std::vector<std::string> row;
      for (int i = 0; i < sqlite3_column_count(stmt); ++i) {
        const unsigned char* text = sqlite3_column_text(stmt, i);
        row.emplace_back(text != nullptr ? reinterpret_cast<const char*>(text) : "");
      }
      rows.push_back(std::move(row));
    }
    if (rc != SQLITE_DONE) ADD_FAILURE() << "SQL error: " << sqlite3_errmsg(db) << " in: " << sql;
    sqlite3_finalize(stmt);
  }
  sqlite3_close(db);
  return rows;
}

std::string ExecSqlite(const std::string& db_path, const std::string& sql) {
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(db_path.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
    std::string error = sqlite3_errmsg(db);
    sqlite3_close(db);
    return "cannot open " + db_path + ": " + error;
  }
  char* error = nullptr;
  std::string message;
  if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
    message = error != nullptr ? error : "unknown SQLite error";
  }
  sqlite3_free(error);
  sqlite3_close(db);
  return message;
}

CommandResult CliTest::Run(const std::vector<std::string>& args, const std::string& stdin_text) {
  std::vector<std::string> argv{OVS_BINARY};
  argv.insert(argv.end(), args.begin(), args.end());
  CommandResult result = RunCommand(argv, {stdin_text, dir_.path().string()});
  EXPECT_NE(result.exit_code, kSanitizerExitCode) << "sanitizer finding:\n" << result.err;
  return result;
}

void CliTest::WriteFile(const std::string& name, const std::string& bytes) const {
  std::ofstream out(Path(name), std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  ASSERT_TRUE(out.good()) << "cannot write " << name;
}

std::string CliTest::ReadFile(const std::string& name) const {
  std::ifstream in(Path(name), std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

void CliTest::ImportCatalog() {
  CommandResult r = Run({"catalog", "import", SourcePath("tests/integration/data/catalog.jsonl"), "--db", kDb});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  ASSERT_EQ(r.out, "imported 2 departments and 2 items\n");
}

nlohmann::json CliTest::Ingest(const std::vector<std::string>& inputs, const std::vector<std::string>& extra,
                               const std::string& source, int expected_exit,
                               const std::string& stdin_text) {
  std::vector<std::string> args{"ingest"};
  args.insert(args.end(), inputs.begin(), inputs.end());
  for (const char* flag : {"--source", source.c_str(), "--now", kNow, "--json", "--db", kDb}) {
    args.emplace_back(flag);
  }
  args.insert(args.end(), extra.begin(), extra.end());
  CommandResult r = Run(args, stdin_text);
  EXPECT_EQ(r.exit_code, expected_exit) << r.out << r.err;
  nlohmann::json summary = ParseJson(r.out);
  if (!summary.is_object()) return summary;
  // docs/EVENTS.md: nothing is dropped.
  EXPECT_EQ(summary.value("read", -1),
            summary.value("stored", -1) + summary.value("duplicate", -1) + summary.value("quarantined", -1))
      << summary.dump();
  std::int64_t by_reason = 0;
  for (const auto& [reason, count] : summary["reasons"].items()) by_reason += count.get<std::int64_t>();
  EXPECT_EQ(by_reason, summary.value("quarantined", -1)) << summary.dump();
  return summary;
}

std::vector<nlohmann::json> CliTest::QuarantineList(bool all) {
  std::vector<std::string> args{"quarantine", "list", "--json", "--db", kDb};
  if (all) args.emplace_back("--all");
  CommandResult r = Run(args);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return ParseJsonLines(r.out);
}

nlohmann::json CliTest::Status() {
  CommandResult r = Run({"status", "--json", "--db", kDb});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return ParseJson(r.out);
}

}  // namespace oversight::testing
