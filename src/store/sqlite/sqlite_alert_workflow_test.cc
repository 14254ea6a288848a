#include <sqlite3.h>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "store/alert_workflow_store.h"
#include "store/sqlite/sqlite_store.h"
#include "tests/testing/event_builder.h"
#include "tests/testing/temp_dir.h"

namespace oversight::store::sqlite {
namespace {

using model::EventType;
using testing::EventBuilder;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;
using workflow::Action;
using workflow::AlertState;

constexpr const char* kDeptA = "11445200MB2C12345T";
constexpr const char* kDeptB = "11445200MB2C99999X";

base::Instant At(std::string_view rfc3339) { return *base::ParseInstant(rfc3339); }

class SqliteAlertWorkflowTest : public ::testing::Test {
 protected:
  SqliteAlertWorkflowTest() {
    auto opened = OpenSqliteStore({dir_.File("o.db"), {}});
    EXPECT_TRUE(opened.ok()) << opened.status().ToString();
    store_ = std::move(opened).value();
  }

  AlertWorkflowStore& wf() { return store_->workflow(); }

  // Raises one alert and returns its id.
  std::int64_t Raise(const std::string& case_id, const std::string& dept = kDeptA,
                     const std::string& level = "red", const std::string& rule = "r.late",
                     std::string_view raised = "2025-03-03T09:00:00+08:00",
                     std::int64_t occurrence = 1) {
    AlertRecord a;
    a.rule_id = rule;
    a.case_id = case_id;
    a.occurrence = occurrence;
    a.level = level;
    a.dept_code = dept;
    a.raised_at = At(raised);
    a.reason = "late";
    EXPECT_EQ(*store_->RaiseAlerts(std::vector{a}), 1);
    AlertFilter filter;
    filter.case_id = case_id;
    filter.rule_id = rule;
    filter.level = level;
    auto found = store_->ListAlerts(filter);
    for (const AlertRecord& r : *found) {
      if (r.occurrence == occurrence) return r.id;
    }
    ADD_FAILURE() << "raised alert not found";
    return 0;
  }

  static AlertActionRecord Step(Action action, std::string text = "") {
    AlertActionRecord step;
    step.action = action;
    step.actor = action == Action::kRespond ? "officer1" : "supervisor1";
    step.actor_role = action == Action::kRespond ? "dept_officer" : "bureau_supervisor";
    step.at = At("2025-03-05T10:00:00+08:00");
    step.text = std::move(text);
    return step;
  }
  static AlertActionRecord Respond(std::string text = "已补正并办结") {
    AlertActionRecord step = Step(Action::kRespond, std::move(text));
    step.response_kind = workflow::ResponseKind::kCorrected;
    return step;
  }

  AlertRecord Apply(std::int64_t id, const AlertActionRecord& step,
                    const Scope& scope = Scope::All()) {
    base::Result<AlertRecord> updated = wf().ApplyAction(id, step, scope);
    EXPECT_TRUE(updated.ok()) << updated.status().ToString();
    return updated.ok() ? *updated : AlertRecord{};
  }

  std::string StateOf(std::int64_t id) { return (*wf().FindAlert(id, Scope::All()))->state; }

  void Append(std::vector<model::Event> events) {
    ASSERT_TRUE(store_->AppendBatch(events, At("2025-06-01T00:00:00Z")).ok());
  }
  static model::Event Event(const std::string& case_id, EventType type, std::string_view at,
                            const std::string& dept = kDeptA) {
    model::Event e = EventBuilder(case_id, type).At(at).Build();
    e.dept_code = dept;
    return e;
  }

  testing::TempDir dir_;
  std::unique_ptr<Store> store_;
};

TEST_F(SqliteAlertWorkflowTest, ResponsePathPersistsWithItsThread) {
  const std::int64_t id = Raise("c1");
  AlertRecord after = Apply(id, Respond("材料不全"));
  EXPECT_EQ(after.state, "responded");
  AlertActionRecord reject = Step(Action::kRejectResponse, "说明不充分");
  reject.at = At("2025-03-06T10:00:00+08:00");
  after = Apply(id, reject);
  EXPECT_EQ(after.state, "open");
  ASSERT_TRUE(after.reopened_at);  // the escalation clock restarts here
  EXPECT_EQ(*after.reopened_at, At("2025-03-06T10:00:00+08:00"));
  Apply(id, Respond());
  Apply(id, Step(Action::kAccept));
  after = Apply(id, Step(Action::kClose));
  EXPECT_EQ(after.state, "closed");
  EXPECT_EQ(StateOf(id), "closed");

  auto thread = wf().AlertThread(id, Scope::All());
  ASSERT_TRUE(thread.ok()) << thread.status().ToString();
  ASSERT_EQ(thread->size(), 5u);
  const AlertActionRecord& first = (*thread)[0];
  EXPECT_EQ(first.alert_id, id);
  EXPECT_EQ(first.action, Action::kRespond);
  EXPECT_EQ(first.from_state, AlertState::kOpen);
  EXPECT_EQ(first.to_state, AlertState::kResponded);
  EXPECT_EQ(first.actor, "officer1");
  EXPECT_EQ(first.actor_role, "dept_officer");
  EXPECT_EQ(first.text, "材料不全");
  EXPECT_EQ(first.response_kind, workflow::ResponseKind::kCorrected);
  EXPECT_EQ((*thread)[1].action, Action::kRejectResponse);
  EXPECT_EQ((*thread)[1].to_state, AlertState::kOpen);
  EXPECT_FALSE((*thread)[1].response_kind);
  EXPECT_EQ((*thread)[4].from_state, AlertState::kAccepted);
  EXPECT_EQ((*thread)[4].to_state, AlertState::kClosed);
}

TEST_F(SqliteAlertWorkflowTest, AccountabilityPathKeepsFindingsAndOutcome) {
  const std::int64_t id = Raise("c1");
  Apply(id, Step(Action::kEscalate, "逾期未答复"));
  AlertActionRecord open = Step(Action::kOpenAccountability);
  open.findings = "逾期 12 个工作日";
  EXPECT_EQ(Apply(id, open).state, "accountability");
  AlertActionRecord close = Step(Action::kClose);
  close.outcome = "诫勉谈话";
  EXPECT_EQ(Apply(id, close).state, "closed");
  auto thread = wf().AlertThread(id, Scope::All());
  ASSERT_EQ(thread->size(), 3u);
  EXPECT_EQ((*thread)[1].findings, "逾期 12 个工作日");
  EXPECT_EQ((*thread)[2].outcome, "诫勉谈话");
}

TEST_F(SqliteAlertWorkflowTest, IllegalOrIncompleteActionsLeaveTheRowUnchanged) {
  const std::int64_t id = Raise("c1");
  base::Result<AlertRecord> accept = wf().ApplyAction(id, Step(Action::kAccept), Scope::All());
  ASSERT_FALSE(accept.ok());
  EXPECT_EQ(accept.status().code(), base::StatusCode::kFailedPrecondition);
  EXPECT_THAT(accept.status().message(), HasSubstr("cannot accept an alert that is open"));

  AlertActionRecord no_kind = Respond();
  no_kind.response_kind.reset();
  EXPECT_EQ(wf().ApplyAction(id, no_kind, Scope::All()).status().code(),
            base::StatusCode::kInvalidArgument);
  base::Result<AlertRecord> no_text = wf().ApplyAction(id, Respond(" "), Scope::All());
  EXPECT_THAT(no_text.status().message(), HasSubstr("text is required"));
  AlertActionRecord anonymous = Respond();
  anonymous.actor = "";
  EXPECT_THAT(wf().ApplyAction(id, anonymous, Scope::All()).status().message(),
              HasSubstr("actor is required"));

  // Acting on a stale view: someone escalated it first.
  Apply(id, Step(Action::kEscalate, "no answer"));
  AlertActionRecord stale = Respond();
  stale.expected_state = AlertState::kOpen;
  base::Result<AlertRecord> late = wf().ApplyAction(id, stale, Scope::All());
  EXPECT_EQ(late.status().code(), base::StatusCode::kAborted);
  EXPECT_THAT(late.status().message(), HasSubstr("escalated now, not open"));

  EXPECT_EQ(StateOf(id), "escalated");
  EXPECT_EQ(wf().AlertThread(id, Scope::All())->size(), 1u);  // only the escalation
  EXPECT_EQ(wf().ApplyAction(999, Respond(), Scope::All()).status().code(),
            base::StatusCode::kNotFound);
}

TEST_F(SqliteAlertWorkflowTest, BureauWithdrawalRecordsWhenAndWhy) {
  const std::int64_t id = Raise("c1");
  AlertActionRecord withdraw = Step(Action::kWithdraw, "经审核为误报");
  AlertRecord after = Apply(id, withdraw);
  EXPECT_EQ(after.state, "withdrawn");
  ASSERT_TRUE(after.withdrawn_at);
  EXPECT_EQ(*after.withdrawn_at, withdraw.at);
  EXPECT_EQ(after.withdraw_reason, "经审核为误报");
  EXPECT_EQ(wf().ApplyAction(id, withdraw, Scope::All()).status().code(),
            base::StatusCode::kFailedPrecondition);
}

TEST_F(SqliteAlertWorkflowTest, MachineWithdrawalSparesWhatPeopleSettled) {
  const std::int64_t open = Raise("c1");
  const std::int64_t responded = Raise("c2");
  const std::int64_t accountability = Raise("c3");
  const std::int64_t closed = Raise("c4");
  Apply(responded, Respond());
  Apply(accountability, Step(Action::kEscalate, "x"));
  AlertActionRecord findings = Step(Action::kOpenAccountability);
  findings.findings = "f";
  Apply(accountability, findings);
  Apply(closed, Respond());
  Apply(closed, Step(Action::kAccept));
  Apply(closed, Step(Action::kClose));

  const base::Instant now = At("2025-04-01T00:00:00Z");
  for (std::int64_t id : {open, responded, accountability, closed, std::int64_t{999}}) {
    ASSERT_TRUE(store_->WithdrawAlert(id, now, "late event: accepted in time").ok());
  }
  AlertRecord withdrawn = **wf().FindAlert(open, Scope::All());
  EXPECT_EQ(withdrawn.state, "withdrawn");
  EXPECT_EQ(withdrawn.withdrawn_at, now);
  EXPECT_EQ(withdrawn.withdraw_reason, "late event: accepted in time");
  EXPECT_EQ(StateOf(responded), "withdrawn");
  EXPECT_EQ(StateOf(accountability), "accountability");
  EXPECT_EQ(StateOf(closed), "closed");
  EXPECT_FALSE((*wf().FindAlert(closed, Scope::All()))->withdrawn_at);

  auto thread = wf().AlertThread(open, Scope::All());
  ASSERT_EQ(thread->size(), 1u);
  EXPECT_EQ((*thread)[0].action, Action::kWithdraw);
  EXPECT_EQ((*thread)[0].actor, "system");
  EXPECT_EQ((*thread)[0].actor_role, "system");
  EXPECT_EQ((*thread)[0].text, "late event: accepted in time");
  EXPECT_EQ(wf().AlertThread(closed, Scope::All())->size(), 3u);  // nothing added
  // Withdrawing again changes nothing and adds no step.
  ASSERT_TRUE(store_->WithdrawAlert(open, now, "again").ok());
  EXPECT_EQ(wf().AlertThread(open, Scope::All())->size(), 1u);
}

TEST_F(SqliteAlertWorkflowTest, OutOfScopeDepartmentSeesNothing) {
  Append({Event("c1", EventType::kSubmit, "2025-03-03T09:00:00+08:00")});
  const std::int64_t id = Raise("c1", kDeptA);
  const Scope other = Scope::Departments({kDeptB});
  const Scope none = Scope::Departments({});

  for (const Scope* scope : {&other, &none}) {
    base::Result<AlertRecord> act = wf().ApplyAction(id, Respond(), *scope);
    ASSERT_FALSE(act.ok());
    EXPECT_EQ(act.status().code(), base::StatusCode::kNotFound);
    // Exactly what a missing alert says: existence is not revealed.
    EXPECT_EQ(act.status().message(), "alert " + std::to_string(id) + ": no such alert");
    EXPECT_EQ(wf().ApplyAction(id + 1000, Respond(), Scope::All()).status().message(),
              "alert " + std::to_string(id + 1000) + ": no such alert");
    EXPECT_FALSE(*wf().FindAlert(id, *scope));
    EXPECT_EQ(wf().AlertThread(id, *scope).status().code(), base::StatusCode::kNotFound);
    EXPECT_TRUE(wf().SearchAlerts({}, *scope)->alerts.empty());
    EXPECT_TRUE(wf().CountAlerts(*scope)->empty());
    EXPECT_FALSE(*wf().FindCaseScoped("c1", *scope));
    EXPECT_TRUE(wf().SearchCases({}, *scope)->cases.empty());
    CaseQuery exact;
    exact.case_id = "c1";
    EXPECT_TRUE(wf().SearchCases(exact, *scope)->cases.empty());
  }
  EXPECT_EQ(StateOf(id), "open");  // the refused action changed nothing

  const Scope mine = Scope::Departments({kDeptB, kDeptA});
  EXPECT_EQ(wf().SearchAlerts({}, mine)->alerts.size(), 1u);
  EXPECT_TRUE(*wf().FindCaseScoped("c1", mine));
  EXPECT_EQ(Apply(id, Respond(), mine).state, "responded");
}

TEST_F(SqliteAlertWorkflowTest, AlertPagesCoverEveryRowExactlyOnceNewestFirst) {
  std::set<std::int64_t> raised;
  for (int i = 0; i < 23; ++i) {
    raised.insert(Raise("c" + std::to_string(i), i % 3 == 0 ? kDeptB : kDeptA));
  }
  AlertQuery query;
  query.limit = 5;
  std::vector<std::int64_t> seen;
  int pages = 0;
  while (true) {
    auto page = wf().SearchAlerts(query, Scope::All());
    ASSERT_TRUE(page.ok()) << page.status().ToString();
    ++pages;
    for (const AlertRecord& a : page->alerts) seen.push_back(a.id);
    if (!page->next_cursor) break;
    query.after_id = page->next_cursor;
  }
  EXPECT_EQ(pages, 5);
  EXPECT_EQ(seen.size(), 23u);
  EXPECT_EQ(std::set<std::int64_t>(seen.begin(), seen.end()), raised);
  EXPECT_TRUE(std::is_sorted(seen.rbegin(), seen.rend()));  // descending id

  // With a scope, the pages hold only that department's alerts, each once.
  query = AlertQuery{};
  query.limit = 3;
  std::set<std::int64_t> dept_b;
  while (true) {
    auto page = wf().SearchAlerts(query, Scope::Departments({kDeptB}));
    for (const AlertRecord& a : page->alerts) {
      EXPECT_EQ(a.dept_code, kDeptB);
      EXPECT_TRUE(dept_b.insert(a.id).second);
    }
    if (!page->next_cursor) break;
    query.after_id = page->next_cursor;
  }
  EXPECT_EQ(dept_b.size(), 8u);  // i = 0, 3, ..., 21
}

TEST_F(SqliteAlertWorkflowTest, PageSizeIsCheckedAndCapped) {
  std::vector<AlertRecord> many(kMaxPageSize + 20);
  for (size_t i = 0; i < many.size(); ++i) {
    many[i].rule_id = "r";
    many[i].case_id = "c" + std::to_string(i);
    many[i].level = "red";
    many[i].state = "open";
    many[i].dept_code = kDeptA;
  }
  ASSERT_TRUE(store_->RaiseAlerts(many).ok());
  AlertQuery query;
  query.limit = 100000;
  auto page = wf().SearchAlerts(query, Scope::All());
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->alerts.size(), static_cast<size_t>(kMaxPageSize));
  EXPECT_TRUE(page->next_cursor);
  query.limit = 0;
  EXPECT_THAT(wf().SearchAlerts(query, Scope::All()).status().message(), HasSubstr("limit"));
  CaseQuery cases;
  cases.limit = -1;
  EXPECT_EQ(wf().SearchCases(cases, Scope::All()).status().code(),
            base::StatusCode::kInvalidArgument);
}

TEST_F(SqliteAlertWorkflowTest, AlertFiltersNarrowTheSearch) {
  const std::int64_t early = Raise("c1", kDeptA, "yellow", "r.a", "2025-03-01T09:00:00+08:00");
  const std::int64_t late = Raise("c2", kDeptA, "red", "r.b", "2025-03-10T09:00:00+08:00");
  const std::int64_t other = Raise("c3", kDeptB, "red", "r.a", "2025-03-05T09:00:00+08:00");
  Apply(late, Respond());
  auto ids = [&](const AlertQuery& q) {
    std::vector<std::int64_t> out;
    base::Result<AlertPage> page = wf().SearchAlerts(q, Scope::All());
    EXPECT_TRUE(page.ok()) << page.status().ToString();
    if (page.ok()) {
      for (const AlertRecord& a : page->alerts) out.push_back(a.id);
    }
    return out;
  };
  AlertQuery q;
  q.rule_id = "r.a";
  EXPECT_THAT(ids(q), ElementsAre(other, early));
  q = {};
  q.level = "red";
  q.dept_code = kDeptA;
  EXPECT_THAT(ids(q), ElementsAre(late));
  q = {};
  q.state = "responded";
  EXPECT_THAT(ids(q), ElementsAre(late));
  q = {};
  q.case_id = "c3";
  EXPECT_THAT(ids(q), ElementsAre(other));
  q = {};
  q.raised_from = At("2025-03-05T09:00:00+08:00");  // inclusive
  q.raised_to = At("2025-03-10T09:00:00+08:00");    // exclusive
  EXPECT_THAT(ids(q), ElementsAre(other));
  q = {};
  q.state = "opened";
  auto bad = wf().SearchAlerts(q, Scope::All());
  EXPECT_EQ(bad.status().code(), base::StatusCode::kInvalidArgument);
  EXPECT_THAT(bad.status().message(), HasSubstr("state: unknown value 'opened'"));
}

TEST_F(SqliteAlertWorkflowTest, SqlLookingFilterValuesAreJustValues) {
  Append({Event("c1", EventType::kSubmit, "2025-03-03T09:00:00+08:00")});
  Raise("c1");
  AlertQuery q;
  q.case_id = "c1' OR '1'='1";
  EXPECT_TRUE(wf().SearchAlerts(q, Scope::All())->alerts.empty());
  q = {};
  q.rule_id = "'; DROP TABLE alerts; --";
  EXPECT_TRUE(wf().SearchAlerts(q, Scope::All())->alerts.empty());
  EXPECT_TRUE(wf().SearchAlerts({}, Scope::Departments({"x' OR 1=1 --"}))->alerts.empty());
  EXPECT_TRUE(wf().CountAlerts(Scope::Departments({"') OR ('1'='1"}))->empty());
  CaseQuery c;
  c.case_id_prefix = "%";
  EXPECT_TRUE(wf().SearchCases(c, Scope::All())->cases.empty());
  c.case_id_prefix = "' OR 1=1 --";
  EXPECT_TRUE(wf().SearchCases(c, Scope::All())->cases.empty());
  c = {};
  c.item_code = "x\" OR \"1\"=\"1";
  EXPECT_TRUE(wf().SearchCases(c, Scope::All())->cases.empty());
  // Everything is still there.
  EXPECT_EQ(wf().SearchAlerts({}, Scope::All())->alerts.size(), 1u);
  EXPECT_EQ(wf().SearchCases({}, Scope::All())->cases.size(), 1u);
}

TEST_F(SqliteAlertWorkflowTest, CaseSearchSeesAnAppendAtOnceWithItsLatestStage) {
  Append({Event("445200-2025-000001", EventType::kSubmit, "2025-03-03T09:00:00+08:00")});
  Append({Event("445200-2025-000001", EventType::kAccept, "2025-03-04T09:00:00+08:00")});
  CaseQuery q;
  q.stage = EventType::kAccept;
  auto page = wf().SearchCases(q, Scope::All());
  ASSERT_TRUE(page.ok()) << page.status().ToString();
  ASSERT_EQ(page->cases.size(), 1u);
  const model::Case& c = page->cases[0];
  EXPECT_EQ(c.id, "445200-2025-000001");
  EXPECT_EQ(c.event_count, 2);
  EXPECT_EQ(c.first_at, At("2025-03-03T09:00:00+08:00"));
  EXPECT_EQ(c.last_at, At("2025-03-04T09:00:00+08:00"));
  auto found = wf().FindCaseScoped("445200-2025-000001", Scope::Departments({kDeptA}));
  ASSERT_TRUE(found.ok() && *found);
  EXPECT_EQ((*found)->stage, EventType::kAccept);
}

TEST_F(SqliteAlertWorkflowTest, CaseFiltersNarrowTheSearch) {
  model::Event online =
      Event("445200-2025-000001", EventType::kSubmit, "2025-03-03T09:00:00+08:00");
  online.channel = model::Channel::kOnline;
  online.item_code = "445200-XK-0042";
  model::Event window =
      Event("445200-2025-000002", EventType::kSubmit, "2025-03-10T09:00:00+08:00");
  window.channel = model::Channel::kWindow;
  model::Event county = Event("445281-2025-000001", EventType::kSubmit,
                              "2025-03-05T09:00:00+08:00", kDeptB);
  model::Event complaint = Event("445200-2025-000003", EventType::kComplaintReceived,
                                 "2025-03-06T09:00:00+08:00");
  Append({online, window, county, complaint});
  auto ids = [&](const CaseQuery& q) {
    std::vector<std::string> out;
    base::Result<CasePage> page = wf().SearchCases(q, Scope::All());
    EXPECT_TRUE(page.ok()) << page.status().ToString();
    if (page.ok()) {
      for (const model::Case& c : page->cases) out.push_back(c.id);
    }
    return out;
  };
  CaseQuery q;
  q.case_id_prefix = "445200-";
  EXPECT_THAT(ids(q), ElementsAre("445200-2025-000001", "445200-2025-000002",
                                  "445200-2025-000003"));
  q = {};
  q.case_id = "445281-2025-000001";
  EXPECT_THAT(ids(q), ElementsAre("445281-2025-000001"));
  q = {};
  q.dept_code = kDeptB;
  EXPECT_THAT(ids(q), ElementsAre("445281-2025-000001"));
  q = {};
  q.item_code = "445200-XK-0042";
  EXPECT_THAT(ids(q), ElementsAre("445200-2025-000001"));
  q = {};
  q.channel = model::Channel::kWindow;
  EXPECT_THAT(ids(q), ElementsAre("445200-2025-000002"));
  q = {};
  q.kind = model::CaseKind::kComplaint;
  EXPECT_THAT(ids(q), ElementsAre("445200-2025-000003"));
  q = {};
  q.first_from = At("2025-03-05T09:00:00+08:00");
  q.first_to = At("2025-03-10T09:00:00+08:00");
  EXPECT_THAT(ids(q), ElementsAre("445281-2025-000001", "445200-2025-000003"));
  q = {};
  q.last_from = At("2025-03-10T00:00:00+08:00");
  EXPECT_THAT(ids(q), ElementsAre("445200-2025-000002"));
}

TEST_F(SqliteAlertWorkflowTest, OverdueOnlyMeansAnUnansweredOrEscalatedRedCard) {
  Append({Event("c1", EventType::kSubmit, "2025-03-03T09:00:00+08:00"),
          Event("c2", EventType::kSubmit, "2025-03-03T09:00:00+08:00"),
          Event("c3", EventType::kSubmit, "2025-03-03T09:00:00+08:00"),
          Event("c4", EventType::kSubmit, "2025-03-03T09:00:00+08:00")});
  Raise("c1", kDeptA, "red");
  const std::int64_t escalated = Raise("c2", kDeptA, "red");
  Apply(escalated, Step(Action::kEscalate, "x"));
  Raise("c3", kDeptA, "yellow");
  const std::int64_t answered = Raise("c4", kDeptA, "red");
  Apply(answered, Respond());
  CaseQuery q;
  q.overdue_only = true;
  std::vector<std::string> ids;
  base::Result<CasePage> page = wf().SearchCases(q, Scope::All());
  ASSERT_TRUE(page.ok()) << page.status().ToString();
  for (const model::Case& c : page->cases) ids.push_back(c.id);
  EXPECT_THAT(ids, ElementsAre("c1", "c2"));
}

TEST_F(SqliteAlertWorkflowTest, CasePagesCoverEveryCaseExactlyOnce) {
  std::vector<model::Event> events;
  for (int i = 0; i < 17; ++i) {
    events.push_back(Event("c" + std::to_string(100 + i), EventType::kSubmit,
                           "2025-03-03T09:00:00+08:00", i % 2 ? kDeptA : kDeptB));
  }
  Append(events);
  CaseQuery q;
  q.limit = 4;
  std::vector<std::string> seen;
  while (true) {
    auto page = wf().SearchCases(q, Scope::All());
    ASSERT_TRUE(page.ok());
    for (const model::Case& c : page->cases) seen.push_back(c.id);
    if (!page->next_cursor) break;
    q.after = page->next_cursor;
  }
  ASSERT_EQ(seen.size(), 17u);
  for (int i = 0; i < 17; ++i) EXPECT_EQ(seen[i], "c" + std::to_string(100 + i));  // case order
}

TEST_F(SqliteAlertWorkflowTest, RedCardLinksToTheYellowOneBeforeIt) {
  const std::int64_t notice = Raise("c1", kDeptA, "notice");
  const std::int64_t yellow = Raise("c1", kDeptA, "yellow");
  const std::int64_t red = Raise("c1", kDeptA, "red");
  const std::int64_t other_occurrence = Raise("c1", kDeptA, "red", "r.late",
                                              "2025-03-03T09:00:00+08:00", 2);
  EXPECT_EQ((*wf().FindAlert(red, Scope::All()))->linked_alert_id, yellow);
  EXPECT_EQ((*wf().FindAlert(yellow, Scope::All()))->linked_alert_id, notice);
  EXPECT_FALSE((*wf().FindAlert(notice, Scope::All()))->linked_alert_id);
  EXPECT_FALSE((*wf().FindAlert(other_occurrence, Scope::All()))->linked_alert_id);
  AlertFilter filter;
  filter.level = "red";
  filter.case_id = "c1";
  EXPECT_EQ(store_->ListAlerts(filter)->front().linked_alert_id, yellow);
}

TEST_F(SqliteAlertWorkflowTest, EscalationCandidatesAreOpenAlertsRaisedBefore) {
  const std::int64_t old_open = Raise("c1", kDeptA, "red", "r", "2025-03-01T09:00:00+08:00");
  const std::int64_t old_answered = Raise("c2", kDeptB, "red", "r", "2025-03-01T09:00:00+08:00");
  Raise("c3", kDeptA, "red", "r", "2025-03-20T09:00:00+08:00");
  Raise("c4", kDeptA, "notice", "r", "2025-03-01T09:00:00+08:00");  // notices never escalate
  // Raised early too, but stored (noticed) only after the bound, or well before it.
  AlertRecord noticed_late;
  noticed_late.rule_id = "r";
  noticed_late.case_id = "c5";
  noticed_late.level = "yellow";
  noticed_late.dept_code = kDeptA;
  noticed_late.raised_at = At("2025-03-01T09:00:00+08:00");
  noticed_late.noticed_at = At("2025-03-12T09:00:00+08:00");
  AlertRecord noticed_early = noticed_late;
  noticed_early.case_id = "c6";
  noticed_early.noticed_at = At("2025-03-01T09:05:00+08:00");
  ASSERT_EQ(*store_->RaiseAlerts(std::vector{noticed_late, noticed_early}), 2);
  Apply(old_answered, Respond());
  auto candidates = wf().EscalationCandidates(At("2025-03-10T00:00:00+08:00"));
  ASSERT_TRUE(candidates.ok());
  ASSERT_EQ(candidates->size(), 2u);
  EXPECT_EQ(candidates->at(0).id, old_open);
  EXPECT_EQ(candidates->at(1).case_id, "c6");
  EXPECT_EQ(candidates->at(1).noticed_at, At("2025-03-01T09:05:00+08:00"));
}

TEST_F(SqliteAlertWorkflowTest, CountsAlertsByDepartmentLevelAndState) {
  Raise("c1", kDeptA, "red");
  Raise("c2", kDeptA, "red");
  const std::int64_t responded = Raise("c3", kDeptA, "yellow");
  Raise("c4", kDeptB, "red");
  Apply(responded, Respond());
  auto counts = wf().CountAlerts(Scope::Departments({kDeptA}));
  ASSERT_TRUE(counts.ok());
  ASSERT_EQ(counts->size(), 2u);
  EXPECT_EQ((*counts)[0].dept_code, kDeptA);
  EXPECT_EQ((*counts)[0].level, "red");
  EXPECT_EQ((*counts)[0].state, "open");
  EXPECT_EQ((*counts)[0].count, 2);
  EXPECT_EQ((*counts)[1].level, "yellow");
  EXPECT_EQ((*counts)[1].state, "responded");
  EXPECT_EQ((*counts)[1].count, 1);
  EXPECT_EQ(wf().CountAlerts(Scope::All())->size(), 3u);
}

TEST_F(SqliteAlertWorkflowTest, TheThreadIsAppendOnly) {
  const std::int64_t id = Raise("c1");
  Apply(id, Respond());
  sqlite3* raw = nullptr;
  ASSERT_EQ(sqlite3_open(dir_.File("o.db").c_str(), &raw), SQLITE_OK);
  char* error = nullptr;
  EXPECT_NE(sqlite3_exec(raw, "UPDATE alert_actions SET text = 'rewritten'", nullptr, nullptr,
                         &error),
            SQLITE_OK);
  EXPECT_THAT(std::string(error ? error : ""), HasSubstr("append-only"));
  sqlite3_free(error);
  error = nullptr;
  EXPECT_NE(sqlite3_exec(raw, "DELETE FROM alert_actions", nullptr, nullptr, &error), SQLITE_OK);
  sqlite3_free(error);
  sqlite3_close(raw);
  EXPECT_EQ((*wf().AlertThread(id, Scope::All()))[0].text, "已补正并办结");
}

// The inbox shows the newest alerts of a state (and of a department) first: an
// index must give them in that order, or every open alert is sorted per page.
TEST_F(SqliteAlertWorkflowTest, TheInboxPageNeedsNoSort) {
  Raise("c1");
  sqlite3* raw = nullptr;
  ASSERT_EQ(sqlite3_open(dir_.File("o.db").c_str(), &raw), SQLITE_OK);
  for (const char* sql :
       {"EXPLAIN QUERY PLAN SELECT id, level FROM alerts WHERE state = 'open' ORDER BY id DESC LIMIT 51",
        "EXPLAIN QUERY PLAN SELECT id, level FROM alerts WHERE state = 'open' AND dept_code IN ('d') "
        "ORDER BY id DESC LIMIT 51"}) {
    std::string plan;
    auto collect = [](void* out, int columns, char** values, char**) {
      for (int i = 0; i < columns; ++i) *static_cast<std::string*>(out) += values[i] ? values[i] : "";
      return 0;
    };
    ASSERT_EQ(sqlite3_exec(raw, sql, collect, &plan, nullptr), SQLITE_OK) << sql;
    EXPECT_THAT(plan, Not(HasSubstr("TEMP B-TREE"))) << sql << "\n" << plan;
  }
  sqlite3_close(raw);
}

}  // namespace
}  // namespace oversight::store::sqlite
