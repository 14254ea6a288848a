#pragma once

// The API's JSON shapes for domain records, in one place so that every route
// shows a case, an event or an alert the same way. Times are RFC 3339 UTC.
// Personal data in event attributes is masked (脱敏) unless `unmask` is set by a
// caller that holds the permission and has recorded the read.

#include <string>
#include <vector>

#include "audit/ops_record.h"
#include "engine/engine.h"
#include "model/case.h"
#include "model/department.h"
#include "model/item.h"
#include "store/alert_workflow_store.h"
#include "store/identity_store.h"
#include "store/store.h"

namespace oversight::server {

std::string CaseJson(const model::Case& c);
std::string EventJson(const store::StoredEvent& e, bool unmask);
std::string AlertJson(const store::AlertRecord& a);
std::string AlertActionJson(const store::AlertActionRecord& a);
std::string DeadlineJson(const engine::DeadlineView& d);
std::string DepartmentJson(const model::Department& d);
std::string ItemJson(const model::Item& i);
std::string QuarantineJson(const store::QuarantineRecord& q);
std::string OpsRecordJson(const audit::OpsRecord& r);
std::string UserJson(const store::UserRecord& u);
std::string TokenJson(const store::TokenRecord& t);
std::string ChainReportJson(const store::ChainReport& r);

// `[a,b,c]` from already-serialised elements.
std::string JsonArray(const std::vector<std::string>& elements);
// {"items":[...],"next_cursor":N|null}
std::string PageJson(const std::vector<std::string>& elements, std::optional<std::int64_t> next);

// Masks personal fields (phone, name, identity numbers) in an attrs JSON object.
// True in `changed` when something was masked, i.e. the clear form differs.
std::string MaskAttrs(const std::string& attrs_json, bool* changed = nullptr);

}  // namespace oversight::server
