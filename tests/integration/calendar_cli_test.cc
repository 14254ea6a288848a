// oversight calendar is-working | due | between, end to end, against the shipped
// holiday data (docs/CALENDAR.md §6 has the worked examples).

#include <gtest/gtest.h>

#include "tests/integration/cli_test_support.h"

namespace oversight::testing {
namespace {

using CalendarCliTest = CliTest;

TEST_F(CalendarCliTest, DueCountsWorkingDaysAcrossTheMakeupSunday) {
  CommandResult r = Run({"calendar", "due", "--start", "2025-01-23T10:00:00+08:00", "--limit", "3",
                         "--unit", "working_days"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "2025-01-28T00:00:00+08:00\n");
  EXPECT_EQ(r.err, "");
}

TEST_F(CalendarCliTest, DueJsonHasDueAndDaysCounted) {
  CommandResult r = Run({"calendar", "due", "--start", "2025-01-23T10:00:00+08:00", "--limit", "3",
                         "--unit", "working_days", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  nlohmann::json due = ParseJson(r.out);
  EXPECT_EQ(due["due"], "2025-01-28T00:00:00+08:00");
  EXPECT_EQ(due["due_utc"], "2025-01-27T16:00:00Z");
  EXPECT_EQ(due["last_day"], "2025-01-27");
  EXPECT_EQ(due["days_counted"], 3);  // working days: Fri 24, Sun 26 (makeup), Mon 27
  EXPECT_EQ(due["suspended_days"], 0);
  EXPECT_EQ(due["unit"], "working_days");
}

TEST_F(CalendarCliTest, NaturalDaysEndingInNationalDayWeekMoveToTheNextWorkingDay) {
  // 09-26 + 5 = Wed 10-01 (国庆节) → Thu 10-09 (CALENDAR.md §6 row 7).
  CommandResult r = Run({"calendar", "due", "--start", "2025-09-26T10:00:00+08:00", "--limit", "5",
                         "--unit", "natural_days", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  nlohmann::json due = ParseJson(r.out);
  EXPECT_EQ(due["last_day"], "2025-10-09");
  EXPECT_EQ(due["due"], "2025-10-10T00:00:00+08:00");
  EXPECT_EQ(due["days_counted"], 13);  // natural days 09-27 … 10-09, the move included
}

TEST_F(CalendarCliTest, WorkingDaysAcrossNationalDay) {
  // CALENDAR.md §6 row 5.
  CommandResult r = Run({"calendar", "due", "--start", "2025-09-26T10:00:00+08:00", "--limit", "5",
                         "--unit", "working_days"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "2025-10-11T00:00:00+08:00\n");
}

TEST_F(CalendarCliTest, HoursIgnoreTheCalendar) {
  CommandResult r = Run({"calendar", "due", "--start", "2025-01-31T10:00:00+08:00", "--limit", "24",
                         "--unit", "hours"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "2025-02-01T10:00:00+08:00\n");
}

TEST_F(CalendarCliTest, SuspensionMovesTheDeadline) {
  // CALENDAR.md §6 row 12.
  CommandResult r = Run({"calendar", "due", "--start", "2025-09-22T09:00:00+08:00", "--limit", "10",
                         "--unit", "working_days", "--suspend",
                         "2025-09-29T10:00:00+08:00,2025-10-10T09:00:00+08:00", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  nlohmann::json due = ParseJson(r.out);
  EXPECT_EQ(due["due"], "2025-10-16T00:00:00+08:00");
  EXPECT_EQ(due["suspended_days"], 3);
}

TEST_F(CalendarCliTest, IsWorkingOnTheSpringFestivalMakeupSunday) {
  CommandResult r = Run({"calendar", "is-working", "2025-01-26"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "working\n");

  r = Run({"calendar", "is-working", "2025-01-26", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  nlohmann::json day = ParseJson(r.out);
  EXPECT_EQ(day["date"], "2025-01-26");
  EXPECT_EQ(day["working"], true);
  EXPECT_EQ(day["name"], "春节调休上班");
  EXPECT_FALSE(day.contains("fallback"));
}

TEST_F(CalendarCliTest, IsWorkingOffDuringNationalDay) {
  CommandResult r = Run({"calendar", "is-working", "2025-10-03"});
  // "off" is an answer, not a failure: the command succeeded.
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "off\n");

  r = Run({"calendar", "is-working", "2025-10-03", "--json"});
  nlohmann::json day = ParseJson(r.out);
  EXPECT_EQ(day["working"], false);
  EXPECT_EQ(day["name"], "国庆节、中秋节");
}

TEST_F(CalendarCliTest, OrdinaryDaysAreNamedWeekendOrWorkday) {
  EXPECT_EQ(ParseJson(Run({"calendar", "is-working", "2025-03-08", "--json"}).out)["name"], "weekend");
  EXPECT_EQ(ParseJson(Run({"calendar", "is-working", "2025-03-10", "--json"}).out)["name"], "workday");
}

TEST_F(CalendarCliTest, LocalDateFlipsAtSixteenHundredUtc) {
  // 15:59:59Z is still Thursday in Shanghai; 16:00:00Z is already Friday (rows 9 and 10).
  CommandResult before = Run({"calendar", "due", "--start", "2025-01-23T15:59:59Z", "--limit", "3",
                              "--unit", "working_days"});
  CommandResult after = Run({"calendar", "due", "--start", "2025-01-23T16:00:00Z", "--limit", "3",
                             "--unit", "working_days"});
  EXPECT_EQ(before.exit_code, 0) << before.err;
  EXPECT_EQ(after.exit_code, 0) << after.err;
  EXPECT_EQ(before.out, "2025-01-28T00:00:00+08:00\n");
  EXPECT_EQ(after.out, "2025-02-06T00:00:00+08:00\n");

  // The same flip seen by between: Fri 24 counts only when the start is Thursday.
  EXPECT_EQ(Run({"calendar", "between", "2025-01-23T15:59:59Z", "2025-01-28T09:00:00+08:00"}).out, "3\n");
  EXPECT_EQ(Run({"calendar", "between", "2025-01-23T16:00:00Z", "2025-01-28T09:00:00+08:00"}).out, "2\n");
}

TEST_F(CalendarCliTest, BetweenCountsWorkingDays) {
  CommandResult r = Run({"calendar", "between", "2025-01-23T10:00:00+08:00", "2025-01-28T09:00:00+08:00"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "3\n");

  // Over all of 2025: 248 working days; bare dates mean local midnight.
  r = Run({"calendar", "between", "2024-12-31", "2025-12-31", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  nlohmann::json between = ParseJson(r.out);
  EXPECT_EQ(between["working_days"], 248);
  EXPECT_EQ(between["from"], "2024-12-31T00:00:00+08:00");

  // Backwards is negative.
  EXPECT_EQ(Run({"calendar", "between", "2025-12-31", "2024-12-31"}).out, "-248\n");
}

TEST_F(CalendarCliTest, DateOutsideTheHolidayDataFails) {
  CommandResult r = Run({"calendar", "is-working", "2030-01-07"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out, "");
  ASSERT_EQ(r.ErrLines().size(), 1u) << r.err;
  EXPECT_NE(r.err.find("no holiday data for 2030"), std::string::npos) << r.err;

  r = Run({"calendar", "due", "--start", "2030-01-07T10:00:00+08:00", "--limit", "3", "--unit",
           "working_days"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("2030"), std::string::npos) << r.err;
}

TEST_F(CalendarCliTest, WeekendsFallbackWorksWithAWarning) {
  CommandResult r = Run({"calendar", "due", "--start", "2030-01-07T10:00:00+08:00", "--limit", "3",
                         "--unit", "working_days", "--weekends-fallback"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "2030-01-11T00:00:00+08:00\n");  // Tue 8, Wed 9, Thu 10
  EXPECT_NE(r.err.find("warning"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("2030"), std::string::npos) << r.err;

  r = Run({"calendar", "is-working", "2030-01-05", "--weekends-fallback", "--json"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  nlohmann::json day = ParseJson(r.out);
  EXPECT_EQ(day["working"], false);  // a Saturday
  EXPECT_EQ(day["fallback"], true);
  EXPECT_NE(r.err.find("warning"), std::string::npos) << r.err;
}

// Bad arguments: exit 2 and exactly one line on stderr, nothing on stdout.
struct UsageCase {
  const char* name;
  std::vector<std::string> args;
};

// gtest prints the case by name instead of its bytes.
void PrintTo(const UsageCase& c, std::ostream* os) { *os << c.name; }

class CalendarUsageTest : public CliTest, public ::testing::WithParamInterface<UsageCase> {};

TEST_P(CalendarUsageTest, ExitsTwoWithOneLine) {
  CommandResult r = Run(GetParam().args);
  EXPECT_EQ(r.exit_code, 2) << r.out << r.err;
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.ErrLines().size(), 1u) << r.err;
  EXPECT_TRUE(r.err.starts_with("oversight: ")) << r.err;
}

INSTANTIATE_TEST_SUITE_P(
    BadArguments, CalendarUsageTest,
    ::testing::Values(
        UsageCase{"LimitNotANumber", {"calendar", "due", "--start", "2025-01-23T10:00:00+08:00", "--limit", "x", "--unit", "working_days"}},
        UsageCase{"LimitNegative", {"calendar", "due", "--start", "2025-01-23T10:00:00+08:00", "--limit", "-1", "--unit", "working_days"}},
        UsageCase{"MissingStart", {"calendar", "due", "--limit", "3", "--unit", "working_days"}},
        UsageCase{"BadUnit", {"calendar", "due", "--start", "2025-01-23T10:00:00+08:00", "--limit", "3", "--unit", "weeks"}},
        UsageCase{"StartNoSuchDate", {"calendar", "due", "--start", "2025-02-30T10:00:00+08:00", "--limit", "3", "--unit", "working_days"}},
        UsageCase{"StartNotATime", {"calendar", "due", "--start", "yesterday", "--limit", "3", "--unit", "working_days"}},
        UsageCase{"LimitAboveTenYears", {"calendar", "due", "--start", "2025-01-23T10:00:00+08:00", "--limit", "3661", "--unit", "working_days"}},
        UsageCase{"HoursAboveTenYears", {"calendar", "due", "--start", "2025-01-23T10:00:00+08:00", "--limit", "87841", "--unit", "hours"}},
        UsageCase{"StartWithoutOffset", {"calendar", "due", "--start", "2025-01-23T10:00:00", "--limit", "3", "--unit", "working_days"}},
        UsageCase{"SuspensionBackwards", {"calendar", "due", "--start", "2025-01-23T10:00:00+08:00", "--limit", "3", "--unit", "working_days", "--suspend", "2025-01-25,2025-01-24"}},
        UsageCase{"BadSuspension", {"calendar", "due", "--start", "2025-01-23T10:00:00+08:00", "--limit", "3", "--unit", "working_days", "--suspend", "2025-01-24"}},
        UsageCase{"IsWorkingNoSuchDate", {"calendar", "is-working", "2025-02-30"}},
        UsageCase{"IsWorkingNotADate", {"calendar", "is-working", "soon"}},
        UsageCase{"IsWorkingMissingDate", {"calendar", "is-working"}},
        UsageCase{"BetweenBadFrom", {"calendar", "between", "2025-13-01", "2025-01-28"}},
        UsageCase{"BetweenMissingTo", {"calendar", "between", "2025-01-01"}},
        UsageCase{"NoSubcommand", {"calendar"}},
        UsageCase{"UnknownSubcommand", {"calendar", "when"}},
        UsageCase{"UnknownOption", {"calendar", "is-working", "2025-01-26", "--colour"}},
        UsageCase{"UnknownZone", {"calendar", "is-working", "2025-01-26", "--zone", "Mars/Olympus"}},
        UsageCase{"NoCommandAtAll", {}}),
    [](const auto& info) { return std::string(info.param.name); });

// Every command and subcommand answers --help on stdout with exit 0.
class HelpTest : public CliTest, public ::testing::WithParamInterface<std::vector<std::string>> {};

TEST_P(HelpTest, ExitsZero) {
  std::vector<std::string> args = GetParam();
  args.emplace_back("--help");
  CommandResult r = Run(args);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("Usage:"), std::string::npos) << r.out;
  EXPECT_EQ(r.err, "");
}

INSTANTIATE_TEST_SUITE_P(
    EveryCommand, HelpTest,
    ::testing::Values(std::vector<std::string>{}, std::vector<std::string>{"calendar"},
                      std::vector<std::string>{"calendar", "is-working"},
                      std::vector<std::string>{"calendar", "due"},
                      std::vector<std::string>{"calendar", "between"},
                      std::vector<std::string>{"validate"},
                      std::vector<std::string>{"validate", "uscc"},
                      std::vector<std::string>{"validate", "id"}, std::vector<std::string>{"ingest"},
                      std::vector<std::string>{"quarantine"},
                      std::vector<std::string>{"quarantine", "list"},
                      std::vector<std::string>{"quarantine", "retry"},
                      std::vector<std::string>{"audit"}, std::vector<std::string>{"audit", "verify"},
                      std::vector<std::string>{"status"}, std::vector<std::string>{"catalog"},
                      std::vector<std::string>{"catalog", "import"},
                      std::vector<std::string>{"catalog", "export"}, std::vector<std::string>{"demo"}),
    [](const auto& info) {
      std::string name = "Top";
      for (const std::string& word : info.param) {
        for (char c : word) name += (c == '-') ? '_' : c;
        name += '_';
      }
      return name;
    });

TEST_F(CalendarCliTest, VersionExitsZero) {
  CommandResult r = Run({"--version"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("oversight"), std::string::npos);
}

}  // namespace
}  // namespace oversight::testing
