#pragma once

// The complaint desk (投诉受理, docs/COMPLAINTS.md): registers complaints as cases of
// kind complaint and takes their steps — first feedback (due within 24 hours,
// rules/common/complaint-feedback.yaml), resolution (rules/common/
// complaint-resolution.yaml), reopening — and records the complainant's
// satisfaction with the handling. Each step is an event sent through the sink, so
// the engine judges the deadlines as it judges approvals. The complainant's name
// and contact reach the event only masked; in clear they stay in the register.
//
//   ComplaintDesk desk(store, sink);
//   OVS_ASSIGN_OR_RETURN(store::ComplaintRecord c, desk.Register(complaint, who, now));
//   OVS_RETURN_IF_ERROR(desk.Step(c.case_id, ComplaintStep::kFeedback, "called back", who,
//                                 now, store::Scope::All()).status());
//
// Refusals name their field ('dept': …), see FieldOf. Not thread-safe: the store's.

#include <optional>
#include <string>

#include "complaints/event_sink.h"
#include "complaints/feedback_terms.h"
#include "store/complaint_store.h"
#include "store/store.h"

namespace oversight::complaints {

// Longest free texts accepted, in bytes.
inline constexpr std::size_t kMaxContentBytes = 8000;
inline constexpr std::size_t kMaxTextBytes = 4000;

struct NewComplaint {
  std::string channel;     // ComplaintChannels()
  std::string dept_code;   // the department complained about; may come from about_case
  std::string item_code;   // the item concerned; may come from about_case
  std::string about_case;  // the approval case complained about, when known
  std::string category;
  std::string content;     // required
  std::string complainant_name;     // optional (reports may be anonymous)
  std::string complainant_contact;  // optional: a phone number or an e-mail address
  std::string lookup_hash;          // SHA-256 of the lookup code given to the complainant
  std::optional<base::Instant> received_at;  // default: now; never in the future
};

class ComplaintDesk {
 public:
  ComplaintDesk(store::Store& store, EventSink sink) : store_(store), sink_(std::move(sink)) {}

  // Checks the complaint (InvalidArgument or NotFound naming the field), adds it
  // to the register and sends its complaint_received event.
  base::Result<store::ComplaintRecord> Register(const NewComplaint& complaint, const Actor& by,
                                                base::Instant now);

  // Takes `step` on the complaint case `case_id` within `scope`, at `at` (not
  // before its last step). NotFound when it is missing or out of scope,
  // FailedPrecondition when its state does not allow the step.
  base::Result<ComplaintState> Step(const std::string& case_id, ComplaintStep step,
                                    const std::string& text, const Actor& by, base::Instant at,
                                    const store::Scope& scope);

  // Records the complainant's satisfaction (1..5) with a resolved complaint, once
  // per resolution (AlreadyExists for a second).
  base::Result<store::ComplaintSatisfaction> RecordSatisfaction(const std::string& case_id,
                                                                int level,
                                                                const std::string& comment,
                                                                const Actor& by, base::Instant at,
                                                                const store::Scope& scope);

 private:
  base::Status Resolve(NewComplaint& complaint);

  store::Store& store_;
  EventSink sink_;
};

// The lookup code a complainant follows the complaint with: 10 characters from
// 32 that cannot be mistaken for each other (no I, O, 0, 1), 50 bits, made from
// the first 10 of `random_bytes` (at least 10; the caller's CSPRNG). The
// register keeps only its hash.
inline constexpr std::size_t kLookupCodeLength = 10;
std::string LookupCodeFrom(std::string_view random_bytes);

// The contact kept for display: a phone number masked as codes::MaskPhone does,
// an e-mail address as its first character, "***" and the domain.
std::string MaskContact(std::string_view contact);

}  // namespace oversight::complaints
