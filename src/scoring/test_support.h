#pragma once

// For tests of scoring and reports: a temporary SQLite store filled by hand
// (departments, items, case events, alerts) and the scores computed over it.

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "calendar/shipped_data_for_test.h"
#include "scoring/compute.h"
#include "scoring/model_yaml.h"
#include "store/sqlite/sqlite_store.h"
#include "tests/testing/temp_dir.h"

namespace oversight::scoring::testing {

inline constexpr char kDeptA[] = "11445200MBAAAAAAA1";
inline constexpr char kDeptB[] = "11445200MBBBBBBBB2";

// One event of a hand-built case.
struct Ev {
  model::EventType type;
  std::string at;  // RFC 3339
  std::string attrs = "{}";
};

// Compute options asking for drill-down lists.
inline ComputeOptions DrillOn(std::vector<DrillKey> keys) {
  ComputeOptions options;
  options.drill = std::move(keys);
  return options;
}
inline ComputeOptions DrillAll() {
  ComputeOptions options;
  options.drill_all = true;
  return options;
}
inline ComputeOptions DrillDept(const std::string& code) {
  ComputeOptions options;
  options.drill_dept = code;
  return options;
}

inline ScoringModel DefaultModel() {
  auto model = LoadScoringModelFile(std::string(OVS_SOURCE_DIR) + "/scoring/default.yaml");
  EXPECT_TRUE(model.ok()) << model.status().ToString();
  return std::move(model).value();
}

class ScoringStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto opened = store::sqlite::OpenSqliteStore({dir_.File("scores.db"), {}});
    ASSERT_TRUE(opened.ok()) << opened.status().ToString();
    store_ = std::move(opened).value();
  }

  void Dept(const std::string& code, const std::string& name) {
    ASSERT_TRUE(store_->UpsertDepartment({code, name, "", "445200"}, false).ok());
  }

  // An item with a complete catalog entry unless changed afterwards.
  model::Item MakeItem(const std::string& code, const std::string& dept, int depth = 4) {
    model::Item item;
    item.code = code;
    item.name = "事项" + code;
    item.dept_code = dept;
    item.category = "行政许可";
    item.statutory_limit = model::TimeLimit{20, model::LimitUnit::kWorkingDays};
    item.promised_limit = model::TimeLimit{10, model::LimitUnit::kWorkingDays};
    item.fee_fen = 0;
    item.online_depth = depth;
    return item;
  }
  void PutItem(const model::Item& item) { ASSERT_TRUE(store_->UpsertItem(item, false).ok()); }

  void Case(const std::string& id, const std::string& dept, const std::string& item,
            model::Channel channel, const std::vector<Ev>& events) {
    std::vector<model::Event> batch;
    int n = 0;
    for (const Ev& e : events) {
      model::Event event;
      event.source = "test";
      event.source_event_id = id + "-" + std::to_string(++n);
      event.case_id = id;
      event.type = e.type;
      event.kind = model::KindOfEventType(e.type).value_or(model::CaseKind::kApproval);
      event.step_name = std::string(model::EventTypeName(e.type));
      event.at = calendar::At(e.at);
      event.dept_code = dept;
      event.item_code = item;
      event.actor = "u1";
      event.channel = channel;
      event.attrs_json = e.attrs;
      batch.push_back(std::move(event));
    }
    auto appended = store_->AppendBatch(batch, calendar::At("2026-01-01T00:00:00Z"));
    ASSERT_TRUE(appended.ok()) << appended.status().ToString();
  }

  void Alert(const std::string& rule, const std::string& case_id, const std::string& dept,
             const std::string& level, const std::string& state, const std::string& raised,
             bool deadline, int occurrence = 0) {
    store::AlertRecord a;
    a.rule_id = rule;
    a.case_id = case_id;
    a.occurrence = occurrence;
    a.level = level;
    a.state = state;
    a.dept_code = dept;
    a.raised_at = calendar::At(raised);
    if (deadline) a.due = a.raised_at;
    a.reason = "test";
    ASSERT_TRUE(store_->RaiseAlerts(std::vector{a}).ok());
  }

  base::Result<PeriodScores> Compute(const std::string& period, const ScoringModel& model,
                                     ComputeOptions options = {}) {
    options.calendar = &calendar_;
    return ComputePeriod(*store_, model, *Period::Parse(period), options);
  }

  static const DepartmentResult& DeptIn(const PeriodScores& s, const std::string& code) {
    for (const DepartmentResult& d : s.departments) {
      if (d.dept_code == code) return d;
    }
    ADD_FAILURE() << "no department " << code;
    static const DepartmentResult none;
    return none;
  }
  static const IndicatorResult& Ind(const DepartmentResult& d, const std::string& id) {
    for (const IndicatorResult& r : d.indicators) {
      if (r.id == id) return r;
    }
    ADD_FAILURE() << "no indicator " << id;
    static const IndicatorResult none;
    return none;
  }

  oversight::testing::TempDir dir_;
  std::unique_ptr<store::Store> store_;
  calendar::Calendar calendar_ = calendar::ShippedCalendarForTest();
};

}  // namespace oversight::scoring::testing
