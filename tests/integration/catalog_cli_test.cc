// oversight catalog import | export: reference data as JSON Lines.

#include <gtest/gtest.h>

#include "tests/integration/cli_test_support.h"

namespace oversight::testing {
namespace {

using CatalogCliTest = CliTest;

TEST_F(CatalogCliTest, ExportReimportsToTheSameCatalog) {
  ImportCatalog();
  CommandResult first = Run({"catalog", "export", "--db", kDb});
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_EQ(ParseJsonLines(first.out).size(), 4u);
  WriteFile("exported.jsonl", first.out);
  ASSERT_EQ(Run({"catalog", "import", "exported.jsonl", "--db", "copy.db"}).exit_code, 0);
  EXPECT_EQ(Run({"catalog", "export", "--db", "copy.db"}).out, first.out);
}

TEST_F(CatalogCliTest, BadLinesAreReportedAndTheRestImported) {
  WriteFile("mixed.jsonl",
            std::string(R"({"record":"department","code":"11445200MB2C123484","name":"揭阳市市场监督管理局"})") + "\n" +
                R"({"record":"department","code":"11445200MB2C123485","name":"bad check character"})" + "\n" +
                "\n" + R"({"record":"shop","code":"x"})" + "\r\n" +
                R"({"record":"item","code":"445200-XK-0042","name":"食品经营许可","dept":"11445200MB2C123484"})" + "\n");
  CommandResult r = Run({"catalog", "import", "mixed.jsonl", "--db", kDb});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out, "imported 1 departments and 1 items; 2 lines rejected (see above)\n");
  std::vector<std::string> errors = r.ErrLines();
  ASSERT_EQ(errors.size(), 2u) << r.err;
  EXPECT_TRUE(errors[0].starts_with("mixed.jsonl:2: ")) << errors[0];
  EXPECT_TRUE(errors[1].starts_with("mixed.jsonl:4: ")) << errors[1];
  nlohmann::json status = Status();
  EXPECT_EQ(status["departments"], 1);
  EXPECT_EQ(status["items"], 1);
}

TEST_F(CatalogCliTest, MissingFileIsAUsageError) {
  CommandResult r = Run({"catalog", "import", "nope.jsonl", "--db", kDb});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.ErrLines().size(), 1u) << r.err;
}

}  // namespace
}  // namespace oversight::testing
