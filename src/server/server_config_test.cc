#include "server/server_config.h"

#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>

#include "server/json_input.h"
#include "server/rate_limiter.h"

namespace oversight::server {
namespace {

TEST(ServeConfigTest, TheShippedExampleStatesTheDefaults) {
  std::ifstream in(std::string(OVS_SOURCE_DIR) + "/config/serve.example.yaml");
  std::ostringstream text;
  text << in.rdbuf();
  ServeOptions defaults;
  ServeOptions read;
  ASSERT_TRUE(ApplyServeConfig(text.str(), "serve.example.yaml", read).ok());
  EXPECT_EQ(read.http.host, defaults.http.host);
  EXPECT_EQ(read.http.port, defaults.http.port);
  EXPECT_EQ(read.http.max_body_bytes, defaults.http.max_body_bytes);
  EXPECT_EQ(read.http.threads, defaults.http.threads);
  EXPECT_EQ(read.service.auth.max_failures, defaults.service.auth.max_failures);
  EXPECT_EQ(read.service.auth.lockout, defaults.service.auth.lockout);
  EXPECT_EQ(read.service.auth.idle_timeout, defaults.service.auth.idle_timeout);
  EXPECT_EQ(read.service.escalate_after_working_days, defaults.service.escalate_after_working_days);
  EXPECT_EQ(read.job_interval, defaults.job_interval);
}

TEST(ServeConfigTest, SettingsApplyAndMistakesNameTheKey) {
  ServeOptions o;
  ASSERT_TRUE(ApplyServeConfig("auth:\n  max_failures: 3\n  lockout_minutes: 30\nescalation:\n  working_days: 5\n",
                               "c.yaml", o).ok());
  EXPECT_EQ(o.service.auth.max_failures, 3);
  EXPECT_EQ(o.service.auth.lockout, std::chrono::minutes(30));
  EXPECT_EQ(o.service.escalate_after_working_days, 5);
  base::Status typo = ApplyServeConfig("auth:\n  max_failure: 3\n", "c.yaml", o);
  EXPECT_FALSE(typo.ok());
  EXPECT_NE(typo.message().find("auth.max_failure"), std::string::npos) << typo.message();
  EXPECT_FALSE(ApplyServeConfig("auth:\n  max_failures: 0\n", "c.yaml", o).ok());
  EXPECT_FALSE(ApplyServeConfig("auth:\n  max_failures: many\n", "c.yaml", o).ok());
  EXPECT_FALSE(ApplyServeConfig("[not, a, map]", "c.yaml", o).ok());
}

TEST(ServeConfigTest, ListenAddress) {
  HttpOptions http;
  ASSERT_TRUE(ParseListen("0.0.0.0:9090", http).ok());
  EXPECT_EQ(http.host, "0.0.0.0");
  EXPECT_EQ(http.port, 9090);
  EXPECT_FALSE(ParseListen("9090", http).ok());
  EXPECT_FALSE(ParseListen("host:99999", http).ok());
}

TEST(JsonInputTest, ReadsKnownFieldsAndReportsTheFirstProblem) {
  JsonInput ok = JsonInput::Parse(R"({"text":"好","n":3,"flag":true,"list":["a"]})", {"text", "n", "flag", "list"});
  EXPECT_EQ(ok.String("text", {true, 10}), "好");
  EXPECT_EQ(ok.Int("n", true, 0, 5), 3);
  EXPECT_TRUE(ok.Bool("flag", false));
  EXPECT_EQ(ok.StringList("list", 2), std::vector<std::string>{"a"});
  EXPECT_FALSE(ok.failed());
  JsonInput big = JsonInput::Parse(R"({"n":9})", {"n"});
  (void)big.Int("n", true, 0, 5);
  ASSERT_TRUE(big.failed());
  EXPECT_EQ(big.error().field, "n");
  JsonInput choice = JsonInput::Parse(R"({"c":"z"})", {"c"});
  (void)choice.Choice("c", {"a", "b"}, true);
  EXPECT_EQ(choice.error().field, "c");
}

TEST(RateLimiterTest, ABurstThenTheSteadyRate) {
  RateLimiter limiter(2.0, 3.0);
  const base::Instant t0 = *base::ParseInstant("2026-01-01T00:00:00Z");
  EXPECT_TRUE(limiter.Allow("a", t0));
  EXPECT_TRUE(limiter.Allow("a", t0));
  EXPECT_TRUE(limiter.Allow("a", t0));
  EXPECT_FALSE(limiter.Allow("a", t0));
  EXPECT_TRUE(limiter.Allow("b", t0));  // per address
  EXPECT_TRUE(limiter.Allow("a", t0 + std::chrono::milliseconds(500)));
  EXPECT_FALSE(limiter.Allow("a", t0 + std::chrono::milliseconds(600)));
}

}  // namespace
}  // namespace oversight::server

namespace oversight::server {
namespace {

TEST(DefaultAssetsTest, TheInstalledFolderFirstThenTheCheckoutsBuild) {
  const std::vector<std::filesystem::path> candidates =
      DefaultAssetCandidates("/opt/oversight/bin/oversight", "/home/ops/oversight");
  ASSERT_EQ(candidates.size(), 2u);
  EXPECT_EQ(candidates[0], std::filesystem::path("/opt/oversight/share/oversight/web"));
  EXPECT_EQ(candidates[1], std::filesystem::path("/home/ops/oversight/web/dist"));
  // Without a known executable, only the checkout's build.
  EXPECT_EQ(DefaultAssetCandidates("", "/src"), std::vector<std::filesystem::path>{"/src/web/dist"});

  auto only = [](std::set<std::string> existing) {
    return [existing](const std::filesystem::path& p) { return existing.contains(p.string()); };
  };
  EXPECT_EQ(FirstExistingFolder(candidates, only({"/opt/oversight/share/oversight/web",
                                                 "/home/ops/oversight/web/dist"})),
            candidates[0]);
  EXPECT_EQ(FirstExistingFolder(candidates, only({"/home/ops/oversight/web/dist"})), candidates[1]);
  EXPECT_EQ(FirstExistingFolder(candidates, only({})), std::nullopt);
}

}  // namespace
}  // namespace oversight::server
