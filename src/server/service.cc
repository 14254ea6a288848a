#include "server/service.h"

#include <spdlog/spdlog.h>

#include "base/strings.h"
#include "scoring/case_progress.h"
#include "store/dashboard_store.h"
#include "store/alert_workflow_store.h"
#include "store/ops_log.h"
#include "supervisor/default_ratings.h"
#include "supervisor/escalation.h"

namespace oversight::server {

Service::Service(std::unique_ptr<store::Store> store, ServiceOptions options)
    : store_(std::move(store)), options_(std::move(options)) {
  auth_ = std::make_unique<auth::Authenticator>(store_->identity(), options_.auth);
}

Service::~Service() { hub_.Close(); }

base::Status Service::Start(base::Instant now, std::ostream& setup_out) {
  OVS_RETURN_IF_ERROR(ReloadCalendar(now));
  OVS_ASSIGN_OR_RETURN(std::vector<auth::CreatedUser> created,
                       auth::EnsureFirstAdministrators(store_->identity(), options_.auth, now));
  if (!created.empty()) {
    setup_out << "\nFirst start: these accounts were created. Each password is shown once; "
                 "sign in and change it.\n";
    for (const auth::CreatedUser& admin : created) {
      setup_out << "  " << admin.record.role << "  user " << admin.record.name << "  password "
                << admin.password << "\n";
      store::OpsActor system{"system", "", "local"};
      OVS_RETURN_IF_ERROR(store::RecordOp(store_->ops_log(), now, system, "user.create",
                                          "user:" + admin.record.name, "ok", "first start")
                              .status());
    }
    setup_out << "\n";
  }
  ready_ = true;
  return base::Status::Ok();
}

base::Status Service::ReloadCalendar(base::Instant now) {
  OVS_ASSIGN_OR_RETURN(calendar::Calendar cal,
                       supervisor::LoadStoreCalendar(*store_, options_.engine));
  calendars_.push_back(std::make_unique<const calendar::Calendar>(std::move(cal)));
  calendar_.store(calendars_.back().get());
  // Working days moved, and every case's dues with them (store/dashboard_store.h).
  if (ready_) OVS_RETURN_IF_ERROR(store_->dashboard().MarkAllProgressStale());
  // The engine loads the same calendar (MakeEngineForStore reads the store's closures).
  OVS_RETURN_IF_ERROR(ReloadRules(now));
  // The dashboard counts on-time and overdue cases from each case's progress:
  // bring it up to date before serving (the jobs keep it so).
  OVS_ASSIGN_OR_RETURN(std::int64_t refreshed, scoring::RefreshCaseProgress(*store_, calendar()));
  if (refreshed > 0) spdlog::info("msg=\"case progress refreshed\" cases={}", refreshed);
  return base::Status::Ok();
}

base::Status Service::ReloadRules(base::Instant now) {
  OVS_ASSIGN_OR_RETURN(engine::Engine engine,
                       supervisor::MakeEngineForStore(*store_, options_.engine));
  live_.reset();
  engine_.emplace(std::move(engine));
  live_ = std::make_unique<supervisor::LiveSupervisor>(*store_, *engine_);
  OVS_ASSIGN_OR_RETURN(supervisor::SuperviseSummary summary, live_->Start(now));
  spdlog::info("msg=\"rules loaded\" rules={} cases={} raised={} withdrawn={}",
               engine_->rule_set().rules.size(), summary.cases, summary.raised, summary.withdrawn);
  if (!summary.problem.empty()) spdlog::warn("msg=\"engine problem\" detail=\"{}\"", summary.problem);
  return base::Status::Ok();
}

base::Status Service::Record(const Call& call, std::string_view action, std::string_view object,
                             std::string_view result, std::string_view detail) {
  store::OpsActor who;
  who.client = call.client;
  if (call.principal) {
    who.name = call.principal->name;
    who.role = call.principal->role ? std::string(auth::RoleName(*call.principal->role))
                                    : std::string("token");
  } else {
    who.name = "anonymous";
  }
  base::Result<std::int64_t> seq =
      store::RecordOp(store_->ops_log(), call.now, who, action, object, result, detail);
  if (!seq.ok()) {
    spdlog::error("msg=\"audit trail write failed\" action={} object={} detail=\"{}\"", action, object,
                  seq.status().message());
    return seq.status();
  }
  return base::Status::Ok();
}

void Service::PublishAlert(const store::AlertRecord& a, std::string_view event) {
  std::string data = "{\"id\":" + std::to_string(a.id) + ",\"rule_id\":\"" +
                     base::JsonEscape(a.rule_id) + "\",\"case_id\":\"" + base::JsonEscape(a.case_id) +
                     "\",\"level\":\"" + base::JsonEscape(a.level) + "\",\"state\":\"" +
                     base::JsonEscape(a.state) + "\",\"dept_code\":\"" +
                     base::JsonEscape(a.dept_code) + "\",\"raised_at\":\"" +
                     base::FormatInstantUtc(a.raised_at) + "\"}";
  hub_.Publish(std::string(event), a.dept_code, std::move(data));
}

void Service::Publish(const supervisor::LiveChanges& changes) {
  metrics_.AddAlertsRaised(static_cast<std::int64_t>(changes.raised.size()));
  for (const store::AlertRecord& a : changes.raised) PublishAlert(a, "alert");
  for (const std::string& case_id : changes.rejudged_cases) {
    base::Result<std::optional<model::Case>> found = store_->FindCase(case_id);
    std::string dept = found.ok() && *found ? (*found)->dept_code : std::string();
    hub_.Publish("case_rejudged", dept, "{\"case_id\":\"" + base::JsonEscape(case_id) + "\"}");
  }
}

void Service::RunJobs(base::Instant now) {
  auto lock = Lock();
  if (!ready_) return;
  base::Result<supervisor::LiveChanges> ticked = live_->Tick(now);
  if (!ticked.ok()) {
    spdlog::error("msg=\"engine tick failed\" detail=\"{}\"", ticked.status().message());
  } else {
    Publish(*ticked);
  }
  // Cases whose progress new events made stale, a bounded number per run so the
  // lock is not held long; the dashboard's figures follow within a few runs.
  base::Result<std::int64_t> progressed = scoring::RefreshCaseProgress(*store_, calendar(), 5000);
  if (!progressed.ok()) {
    spdlog::error("msg=\"case progress failed\" detail=\"{}\"", progressed.status().message());
  }
  base::Result<std::vector<store::AlertRecord>> escalated = supervisor::EscalateOverdue(
      *store_, calendar(), options_.escalate_after_working_days, now);
  if (!escalated.ok()) {
    spdlog::error("msg=\"escalation failed\" detail=\"{}\"", escalated.status().message());
  } else {
    for (const store::AlertRecord& a : *escalated) {
      PublishAlert(a, "alert_state");
      store::OpsActor system{"system", "", "local"};
      (void)store::RecordOp(store_->ops_log(), now, system, "alert.escalate",
                            "alert:" + std::to_string(a.id), "ok",
                            "unanswered for " + std::to_string(options_.escalate_after_working_days) +
                                " working days");
    }
  }
  if (options_.default_rating_after_days > 0 && now >= next_default_ratings_) {
    next_default_ratings_ = now + std::chrono::minutes(10);
    base::Result<std::int64_t> rated = supervisor::DefaultRatings(
        *store_, now, options_.default_rating_after_days, options_.default_rating_level);
    if (!rated.ok()) {
      spdlog::error("msg=\"default ratings failed\" detail=\"{}\"", rated.status().message());
    } else if (*rated > 0) {
      store::OpsActor system{"system", "", "local"};
      (void)store::RecordOp(store_->ops_log(), now, system, "rating.default", "ratings", "ok",
                            std::to_string(*rated) + " completed cases without a rating after " +
                                std::to_string(options_.default_rating_after_days) + " days rated " +
                                std::to_string(options_.default_rating_level));
    }
  }
  (void)store_->identity().DeleteExpiredSessions(now - options_.auth.idle_timeout,
                                                 now - options_.auth.absolute_timeout);
}

}  // namespace oversight::server
