#include "model/event_type.h"

#include <array>

namespace oversight::model {
namespace {

struct TypeInfo {
  EventType type;
  std::string_view name;
  std::optional<CaseKind> kind;
};

constexpr std::array<TypeInfo, kEventTypeCount> kTypes = {{
    {EventType::kSubmit, "submit", CaseKind::kApproval},
    {EventType::kAccept, "accept", CaseKind::kApproval},
    {EventType::kReject, "reject", CaseKind::kApproval},
    {EventType::kRequestSupplement, "request_supplement", CaseKind::kApproval},
    {EventType::kSupplementReceived, "supplement_received", CaseKind::kApproval},
    {EventType::kSuspend, "suspend", CaseKind::kApproval},
    {EventType::kResume, "resume", CaseKind::kApproval},
    {EventType::kReview, "review", CaseKind::kApproval},
    {EventType::kDecide, "decide", CaseKind::kApproval},
    {EventType::kComplete, "complete", CaseKind::kApproval},
    {EventType::kDeliver, "deliver", CaseKind::kApproval},
    {EventType::kWithdraw, "withdraw", CaseKind::kApproval},
    {EventType::kComplaintReceived, "complaint_received", CaseKind::kComplaint},
    {EventType::kComplaintFeedback, "complaint_feedback", CaseKind::kComplaint},
    {EventType::kComplaintResolved, "complaint_resolved", CaseKind::kComplaint},
    {EventType::kComplaintReopened, "complaint_reopened", CaseKind::kComplaint},
    {EventType::kRatingReceived, "rating_received", CaseKind::kRating},
    {EventType::kRatingVerified, "rating_verified", CaseKind::kRating},
    {EventType::kRatingRectified, "rating_rectified", CaseKind::kRating},
    {EventType::kRatingRevisited, "rating_revisited", CaseKind::kRating},
    {EventType::kStep, "step", std::nullopt},
}};

constexpr std::array<EventType, kEventTypeCount> MakeAllTypes() {
  std::array<EventType, kEventTypeCount> all{};
  for (int i = 0; i < kEventTypeCount; ++i) all[i] = kTypes[i].type;
  return all;
}
constexpr std::array<EventType, kEventTypeCount> kAllTypes = MakeAllTypes();

}  // namespace

std::string_view CaseKindName(CaseKind kind) {
  switch (kind) {
    case CaseKind::kApproval: return "approval";
    case CaseKind::kComplaint: return "complaint";
    case CaseKind::kRating: return "rating";
  }
  return "approval";
}

std::optional<CaseKind> ParseCaseKind(std::string_view name) {
  if (name == "approval") return CaseKind::kApproval;
  if (name == "complaint") return CaseKind::kComplaint;
  if (name == "rating") return CaseKind::kRating;
  return std::nullopt;
}

std::string_view EventTypeName(EventType type) { return kTypes[static_cast<int>(type)].name; }

std::optional<EventType> ParseEventType(std::string_view name) {
  for (const TypeInfo& info : kTypes) {
    if (info.name == name) return info.type;
  }
  return std::nullopt;
}

std::optional<CaseKind> KindOfEventType(EventType type) {
  return kTypes[static_cast<int>(type)].kind;
}

std::span<const EventType> AllEventTypes() { return kAllTypes; }

}  // namespace oversight::model
