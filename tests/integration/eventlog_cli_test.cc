// The shipped real-life event logs (data/eventlogs) ingested with their mappings
// (examples/mappings): the outcomes docs/MAPPING.md §5 states for each.

#include <filesystem>
#include <map>

#include <gtest/gtest.h>

#include "model/event.h"
#include "model/event_type.h"
#include "tests/integration/cli_test_support.h"

namespace oversight::testing {
namespace {

class EventLogCliTest : public CliTest {
 protected:
  // Skips the test when the log or its mapping is not (yet) in the tree.
  bool Have(const std::string& log, const std::string& mapping) {
    return std::filesystem::exists(SourcePath(log)) && std::filesystem::exists(SourcePath(mapping));
  }

  nlohmann::json IngestLog(const std::string& log, const std::string& mapping, const std::string& source) {
    return Ingest({SourcePath(log)}, {"--mapping", SourcePath(mapping), "--auto-register"}, source);
  }

  // Stored events by canonical type name.
  std::map<std::string, int> TypeCounts() {
    std::map<std::string, int> counts;
    for (const auto& row : Query("SELECT type, count(*) FROM events GROUP BY type")) {
      auto type = static_cast<model::EventType>(std::stoi(row[0]));
      counts[std::string(model::EventTypeName(type))] = std::stoi(row[1]);
    }
    return counts;
  }

  std::map<std::string, int> ChannelCounts() {
    std::map<std::string, int> counts;
    for (const auto& row : Query("SELECT channel, count(*) FROM events GROUP BY channel")) {
      auto channel = static_cast<model::Channel>(std::stoi(row[0]));
      counts[std::string(model::ChannelName(channel))] = std::stoi(row[1]);
    }
    return counts;
  }
};

constexpr char kReceiptXes[] = "data/eventlogs/receipt.xes.gz";
constexpr char kReceiptCsv[] = "data/eventlogs/receipt.csv.gz";
constexpr char kReceiptMapping[] = "examples/mappings/receipt.yaml";

TEST_F(EventLogCliTest, ReceiptXes) {
  if (!Have(kReceiptXes, kReceiptMapping)) GTEST_SKIP() << "receipt log or mapping not in the tree";
  nlohmann::json summary = IngestLog(kReceiptXes, kReceiptMapping, "wabo");
  EXPECT_EQ(summary["read"], 8577);
  EXPECT_EQ(summary["stored"].get<int>() + summary["quarantined"].get<int>(), 8577);
  // MAPPING.md §5: "Expected quarantines: none."
  EXPECT_EQ(summary["quarantined"], 0) << summary.dump();
  EXPECT_EQ(summary["departments_registered"], 1);
  EXPECT_EQ(summary["items_registered"], 1);
  // 1,434 submit, 1,307 accept, 5,836 step; Internet and e-mail online (7,606),
  // Desk window (657), Post and Intern none (314).
  EXPECT_EQ(TypeCounts(), (std::map<std::string, int>{{"submit", 1434}, {"accept", 1307}, {"step", 5836}}));
  EXPECT_EQ(ChannelCounts(), (std::map<std::string, int>{{"online", 7606}, {"window", 657}, {"", 314}}));
  EXPECT_EQ(Status()["cases"], 1434);
  EXPECT_EQ(Run({"audit", "verify", "--db", kDb}).exit_code, 0);

  // Re-ingesting is idempotent (concept:instance ids).
  nlohmann::json again = IngestLog(kReceiptXes, kReceiptMapping, "wabo");
  EXPECT_EQ(again["stored"], 0);
  EXPECT_EQ(again["duplicate"], summary["stored"]);
}

TEST_F(EventLogCliTest, ReceiptCsvIsTheSameLogAsTheXes) {
  if (!Have(kReceiptXes, kReceiptMapping) || !Have(kReceiptCsv, kReceiptMapping)) {
    GTEST_SKIP() << "receipt logs or mapping not in the tree";
  }
  nlohmann::json csv = IngestLog(kReceiptCsv, kReceiptMapping, "wabo");
  EXPECT_EQ(csv["read"], 8577);
  EXPECT_EQ(csv["stored"], 8577);
  // "ingesting both under the same source stores each event once".
  nlohmann::json xes = IngestLog(kReceiptXes, kReceiptMapping, "wabo");
  EXPECT_EQ(xes["stored"], 0);
  EXPECT_EQ(xes["duplicate"], 8577);
}

TEST_F(EventLogCliTest, RunningExample) {
  const char* log = "data/eventlogs/running-example.xes.gz";
  const char* mapping = "examples/mappings/running-example.yaml";
  if (!Have(log, mapping)) GTEST_SKIP() << "running example not in the tree";
  nlohmann::json summary = IngestLog(log, mapping, "textbook");
  EXPECT_EQ(summary["read"], 42);
  EXPECT_EQ(summary["stored"], 42);
  EXPECT_EQ(Status()["cases"], 6);
  // No event ids: the content hash makes a re-send a duplicate all the same.
  EXPECT_EQ(IngestLog(log, mapping, "textbook")["duplicate"], 42);
}

TEST_F(EventLogCliTest, RoadTrafficTimesWithoutOffsetUseTheMappingZone) {
  const char* log = "data/eventlogs/roadtraffic50traces.xes.gz";
  const char* mapping = "examples/mappings/roadtraffic.yaml";
  if (!Have(log, mapping)) GTEST_SKIP() << "road traffic log not in the tree";
  nlohmann::json summary = IngestLog(log, mapping, "fines");
  EXPECT_EQ(summary["read"], 201);
  EXPECT_EQ(summary["stored"], 201);
  EXPECT_EQ(Status()["cases"], 51);
  // Day-precision times at local midnight in Rome: 22:00 or 23:00 UTC.
  for (const auto& row : Query("SELECT DISTINCT (at_ms / 3600000) % 24 FROM events")) {
    EXPECT_TRUE(row[0] == "22" || row[0] == "23") << row[0];
  }
}

}  // namespace
}  // namespace oversight::testing
