#pragma once

// The complaint desk's part of the store (投诉举报, docs/COMPLAINTS.md). A complaint
// is a case of kind complaint: its steps are events like any case's, and the
// cases summary says where it stands. What events must not hold lives here: the
// complainant's name and contact in clear (events carry them masked, and events
// can never be erased), the complaint's text, the hash of the public lookup code,
// and the complainant's satisfaction with the handling. Rows are append-only.
//
//   OVS_ASSIGN_OR_RETURN(ComplaintRecord added, store.complaints().AddComplaint(record));
//   // added.case_id == "TS-17": send its complaint_received event next

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/status.h"
#include "base/time.h"
#include "model/case.h"
#include "store/scope.h"

namespace oversight::store {

// Case ids the desk assigns: "TS-" followed by the register's row id.
inline constexpr std::string_view kComplaintCasePrefix = "TS-";

struct ComplaintRecord {
  std::int64_t id = 0;  // assigned by the store
  std::string case_id;  // assigned by the store: kComplaintCasePrefix + id
  std::string channel;  // how it came in (投诉来源): hotline, window, online, mobile, letter, email
  std::string dept_code;   // the department complained about (被投诉单位)
  std::string item_code;   // the item concerned
  std::string about_case;  // the approval case complained about, when known
  std::string category;
  std::string content;              // 投诉内容, as given
  std::string complainant_name;     // in clear: read only with the unmask permission
  std::string complainant_contact;  // phone or e-mail, in clear (same)
  std::string lookup_hash;          // SHA-256 (hex) of the public lookup code; "" when none
  std::string registered_by;        // a user name, or "public" for the portal
  base::Instant received_at{};
};

// The complainant's satisfaction with the handling (GB/T 39046 A.8 codes:
// 1 very satisfied … 5 very dissatisfied).
struct ComplaintSatisfaction {
  std::int64_t id = 0;
  std::string case_id;
  int level = 0;
  std::string comment;
  std::string recorded_by;
  base::Instant at{};
};

// Complaint cases in ascending case number; filters are exact, times [from, to)
// over the first event (the receipt).
struct ComplaintQuery {
  std::optional<std::string> dept_code;
  std::optional<model::EventType> stage;  // the type of the latest event
  std::optional<base::Instant> received_from;
  std::optional<base::Instant> received_to;
  std::optional<std::int64_t> after;  // the previous page's next_cursor
  std::int64_t limit = 100;           // 1 .. 500
};

// One complaint case: the summary every complaint case has, and the register's
// row for those the desk or the portal registered (ingested ones have none).
struct ComplaintView {
  model::Case kase;
  std::optional<ComplaintRecord> record;
  std::optional<ComplaintSatisfaction> satisfaction;  // the latest
};

struct ComplaintPage {
  std::vector<ComplaintView> complaints;
  std::optional<std::int64_t> next_cursor;
};

class ComplaintStore {
 public:
  virtual ~ComplaintStore() = default;

  // Registers a complaint: assigns id and case_id and returns the stored row.
  // InvalidArgument naming the field when dept_code or channel is empty.
  virtual base::Result<ComplaintRecord> AddComplaint(const ComplaintRecord& record) = 0;
  // The register's row of a case, unscoped (callers check the case's scope first).
  virtual base::Result<std::optional<ComplaintRecord>> FindComplaint(const std::string& case_id) = 0;

  // Complaint cases within `scope` (applied to the case's department in SQL).
  // InvalidArgument naming the field for a bad limit.
  virtual base::Result<ComplaintPage> SearchComplaints(const ComplaintQuery& query,
                                                       const Scope& scope) = 0;
  // One complaint case within `scope`; nullopt when missing or out of scope.
  virtual base::Result<std::optional<ComplaintView>> FindComplaintView(const std::string& case_id,
                                                                       const Scope& scope) = 0;

  // Appends a satisfaction record (level 1..5, else InvalidArgument).
  virtual base::Result<ComplaintSatisfaction> AddSatisfaction(
      const ComplaintSatisfaction& satisfaction) = 0;
};

}  // namespace oversight::store
