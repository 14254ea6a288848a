// Scores over HTTP: live computation and drill-down (scoped), publication
// (immutable, superseded only with a reason, digest in the audit trail), and
// the public rankings.

#include "tests/server/server_fixture.h"

namespace oversight::server::testing {
namespace {

using nlohmann::json;

TEST_F(ServerTest, ScoresAreComputedAndDrillDownStaysInScope) {
  Session assessor = SignIn("assessor");
  Answer scores = Get("/api/v1/scores?period=2025-02", &assessor);
  ASSERT_EQ(scores.status, 200) << scores.body;
  EXPECT_EQ(scores.json["period"], "2025-02");
  ASSERT_GT(scores.json["departments"].size(), 1u);
  const std::string figure = scores.json["departments"][0]["indicators"][0]["id"];
  Session officer = SignIn("officer_a");
  Answer own = Get("/api/v1/scores?period=2025-02&dept=" + dept_a() + "&figure=" + figure, &officer);
  EXPECT_EQ(own.status, 200) << own.body;
  EXPECT_EQ(own.json["dept"], dept_a());
  Answer other = Get("/api/v1/scores?period=2025-02&dept=" + dept_b() + "&figure=" + figure, &officer);
  EXPECT_EQ(other.status, 404);
  EXPECT_EQ(Get("/api/v1/scores?period=2025-13", &assessor).json["error"]["field"], "period");
  Session sys = SignIn("sys");
  EXPECT_EQ(Get("/api/v1/scores?period=2025-02", &sys).status, 403);
}

TEST_F(ServerTest, APublishedPeriodIsFrozenAndOnlySupersededWithAReason) {
  Session assessor = SignIn("assessor");
  Session sup = SignIn("sup");
  EXPECT_EQ(Post("/api/v1/publications", json{{"period", "2025-02"}}, sup).status, 403);
  Answer first = Post("/api/v1/publications", json{{"period", "2025-02"}}, assessor);
  ASSERT_EQ(first.status, 201) << first.body;
  const std::int64_t first_id = first.json["id"];
  EXPECT_EQ(first.json["algorithm"], "sm3");
  EXPECT_EQ(first.json["digest"].get<std::string>().size(), 64u);
  // Publishing again is refused; a correction must supersede, with a reason.
  Answer again = Post("/api/v1/publications", json{{"period", "2025-02"}}, assessor);
  EXPECT_EQ(again.status, 409) << again.body;
  Answer no_reason = Post("/api/v1/publications", json{{"period", "2025-02"}, {"supersedes", first_id}}, assessor);
  EXPECT_EQ(no_reason.status, 400);
  EXPECT_EQ(no_reason.json["error"]["field"], "reason");
  Answer second = Post("/api/v1/publications",
                       json{{"period", "2025-02"}, {"supersedes", first_id}, {"reason", "补录迟到数据"}}, assessor);
  ASSERT_EQ(second.status, 201) << second.body;
  EXPECT_EQ(second.json["supersedes"], first_id);
  // Both are kept; only the second is current.
  Answer list = Get("/api/v1/publications?period=2025-02", &assessor);
  ASSERT_EQ(list.json.size(), 2u);
  EXPECT_EQ(list.json[1]["superseded_by"], second.json["id"]);
  // The digest is in the chained audit trail.
  Session aud = SignIn("aud");
  Answer log = Get("/api/v1/audit?action=kpi.publish", &aud);
  ASSERT_EQ(log.json["items"].size(), 2u);
  EXPECT_NE(log.json["items"][0]["detail"].get<std::string>().find(first.json["digest"].get<std::string>()),
            std::string::npos);
  EXPECT_EQ(Get("/api/v1/audit/verify", &aud).json["ok"], true);
}

TEST_F(ServerTest, ThePublicSeesPublishedRankingsOnlyWithoutSigningIn) {
  EXPECT_EQ(Get("/api/v1/public/rankings/2025-02").status, 404);
  Session assessor = SignIn("assessor");
  Answer published = Post("/api/v1/publications", json{{"period", "2025-02"}}, assessor);
  ASSERT_EQ(published.status, 201);
  Answer list = Get("/api/v1/public/rankings");
  ASSERT_EQ(list.status, 200);
  ASSERT_EQ(list.json.size(), 1u);
  EXPECT_EQ(list.json[0]["period"], "2025-02");
  Answer page = Get("/api/v1/public/rankings/2025-02");
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_EQ(page.json["intact"], true);
  EXPECT_EQ(page.json["publication"]["digest"], published.json["digest"]);
  EXPECT_GT(page.json["scores"]["departments"].size(), 1u);
  EXPECT_FALSE(page.json["scores"].contains("drills"));  // no case lists in public
  EXPECT_EQ(Get("/api/v1/public/rankings/not-a-period").status, 400);
}

}  // namespace
}  // namespace oversight::server::testing

namespace oversight::server::testing {
namespace {

TEST_F(ServerTest, ReportsDownloadAsXlsxAndCsvAndStayInScope) {
  Session assessor = SignIn("assessor");
  Answer xlsx = Get("/api/v1/reports?period=2025-02", &assessor);
  ASSERT_EQ(xlsx.status, 200) << xlsx.body.substr(0, 200);
  EXPECT_EQ(xlsx.body.substr(0, 2), "PK");  // a zip container
  Answer csv = Get("/api/v1/reports?period=2025-02&format=csv", &assessor);
  ASSERT_EQ(csv.status, 200);
  EXPECT_EQ(csv.body.substr(0, 3), "\xEF\xBB\xBF");  // UTF-8 BOM for Excel
  Session officer = SignIn("officer_a");
  EXPECT_EQ(Get("/api/v1/reports?period=2025-02&format=csv&dept=" + dept_b(), &officer).status, 404);
  Answer own = Get("/api/v1/reports?period=2025-02&format=csv", &officer);
  EXPECT_EQ(own.status, 200);
  EXPECT_EQ(Get("/api/v1/reports?period=2025-02&format=pdf", &assessor).json["error"]["field"], "format");
}

}  // namespace
}  // namespace oversight::server::testing
