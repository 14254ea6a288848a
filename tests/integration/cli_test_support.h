#pragma once

// What every end-to-end test of the `oversight` command line shares: a fresh
// temporary directory as the working directory, running the binary in it,
// canonical event lines with valid defaults, JSON parsing of the answers, and
// direct SQLite access to the store file (to read what was stored and to tamper
// with it).

#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "tests/integration/run_command.h"
#include "tests/testing/temp_dir.h"

namespace oversight::testing {

// Registered by data/catalog.jsonl: two departments with valid USCCs and one
// item each.
inline constexpr char kDept[] = "11445200MB2C123484";
inline constexpr char kItem[] = "445200-XK-0042";
inline constexpr char kOtherDept[] = "11445200MB2D000140";
inline constexpr char kOtherItem[] = "445200-XK-0043";
// A valid USCC that data/catalog.jsonl does not register.
inline constexpr char kUnregisteredDept[] = "11445200MB2D00022T";
// The ingest time every test passes with --now.
inline constexpr char kNow[] = "2026-01-01T00:00:00Z";

// A path under the source tree (fixtures, shipped data).
std::string SourcePath(const std::string& relative);

// One canonical JSON Lines event (docs/EVENTS.md) with valid defaults for every
// required field; `changes` sets fields, and a null value removes one.
std::string EventLine(const std::string& source_event_id, const nlohmann::ordered_json& changes = {});

// Parses JSON, failing the test (and returning null) when it does not parse.
nlohmann::json ParseJson(const std::string& text);
// One JSON value per non-empty line.
std::vector<nlohmann::json> ParseJsonLines(const std::string& text);

// Runs SQL on a SQLite file directly, as anyone with access to it could.
// Returns the rows as text (NULL as ""); fails the test on an error.
std::vector<std::vector<std::string>> QuerySqlite(const std::string& db_path, const std::string& sql);

// Runs SQL that returns no rows; the SQLite error message, or "" when it succeeded.
std::string ExecSqlite(const std::string& db_path, const std::string& sql);

class CliTest : public ::testing::Test {
 protected:
  // Runs `oversight args...` in the temporary directory.
  CommandResult Run(const std::vector<std::string>& args, const std::string& stdin_text = "");

  std::string Path(const std::string& name) const { return dir_.File(name); }
  void WriteFile(const std::string& name, const std::string& bytes) const;
  std::string ReadFile(const std::string& name) const;

  // `catalog import` of data/catalog.jsonl into the store.
  void ImportCatalog();

  // `ingest <inputs> --source <source> --now kNow --json --db store.db <extra>`:
  // checks the exit code and that read = stored + duplicate + quarantined, and
  // returns the summary.
  nlohmann::json Ingest(const std::vector<std::string>& inputs, const std::vector<std::string>& extra = {},
                        const std::string& source = "hall", int expected_exit = 0,
                        const std::string& stdin_text = "");

  // `quarantine list --json [--all]`, one object per record.
  std::vector<nlohmann::json> QuarantineList(bool all = false);
  // `status --json`.
  nlohmann::json Status();

  // Rows of a query on the store file.
  std::vector<std::vector<std::string>> Query(const std::string& sql) const {
    return QuerySqlite(Path(kDb), sql);
  }

  static constexpr char kDb[] = "store.db";
  TempDir dir_;
};

}  // namespace oversight::testing
