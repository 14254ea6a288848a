#pragma once

// The canonical event types of DESIGN §3 and the case kinds they belong to. Every
// source's step names map onto these (ingest/mapping.h); a step with no mapping
// keeps its source name as type kStep.

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

namespace oversight::model {

enum class CaseKind : std::uint8_t {
  kApproval = 0,   // 办件: an application for an administrative approval or service
  kComplaint = 1,  // 投诉举报: a complaint or report
  kRating = 2,     // 差评: a bad satisfaction rating under 好差评
};

enum class EventType : std::uint8_t {
  // approval (办件)
  kSubmit = 0,
  kAccept,
  kReject,
  kRequestSupplement,    // 补正告知
  kSupplementReceived,   // 补正材料收到
  kSuspend,              // 特别程序开始: stops the clock
  kResume,               // 特别程序结束
  kReview,
  kDecide,
  kComplete,             // 办结
  kDeliver,              // 送达 / 领取
  kWithdraw,             // 撤回
  // complaint (投诉举报)
  kComplaintReceived,
  kComplaintFeedback,    // the first feedback, due within 24 h
  kComplaintResolved,
  kComplaintReopened,
  // rating (差评)
  kRatingReceived,
  kRatingVerified,       // 核实
  kRatingRectified,      // 整改
  kRatingRevisited,      // 回访
  // a source step with no canonical meaning, kept under its own name
  kStep,
};

inline constexpr int kEventTypeCount = static_cast<int>(EventType::kStep) + 1;

std::string_view CaseKindName(CaseKind kind);
std::optional<CaseKind> ParseCaseKind(std::string_view name);

// The wire name ("request_supplement") and back. Parsing is exact and case-sensitive.
std::string_view EventTypeName(EventType type);
std::optional<EventType> ParseEventType(std::string_view name);

// The kind a canonical type belongs to; nullopt for kStep, which any kind may carry.
std::optional<CaseKind> KindOfEventType(EventType type);

// Every event type, in enum order.
std::span<const EventType> AllEventTypes();

}  // namespace oversight::model
