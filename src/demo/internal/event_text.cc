#include "demo/internal/event_text.h"

#include <array>

namespace oversight::demo {
namespace {

using model::EventType;

constexpr std::string_view kRejectReasons[] = {"材料不符合法定形式", "不属于本机关职权范围",
                                               "申请人不具备申请资格", "申请事项依法不需要取得许可"};
constexpr std::string_view kProcedures[] = {"expert_review", "hearing", "testing",
                                            "site_inspection"};
constexpr std::string_view kDeliveryMethods[] = {"window", "post", "electronic"};
constexpr std::string_view kComplaintCategories[] = {"service_attitude", "delay", "extra_materials",
                                                     "fees", "system_failure"};
constexpr std::string_view kComplaintResults[] = {"substantiated", "partly_substantiated",
                                                  "unsubstantiated"};

template <std::size_t N>
std::string_view Word(const std::string_view (&table)[N], std::int64_t index) {
  return index >= 0 && static_cast<std::size_t>(index) < N ? table[index] : std::string_view();
}

// The values written here come from the tables above and from generated codes, none
// of which holds a character JSON would need escaped.
void Str(std::string& out, std::string_view key, std::string_view value) {
  if (out.size() > 1) out += ',';
  out += '"';
  out += key;
  out += "\":\"";
  out += value;
  out += '"';
}

void Int(std::string& out, std::string_view key, std::int64_t value) {
  if (out.size() > 1) out += ',';
  out += '"';
  out += key;
  out += "\":";
  out += std::to_string(value);
}

void Applicant(std::string& out, const CasePlan& plan) {
  Str(out, "applicant_type", plan.applicant_type);
  Str(out, "applicant_id_masked", plan.applicant_masked);
}

}  // namespace

std::string_view StepName(EventType type) {
  switch (type) {
    case EventType::kSubmit: return "申报";
    case EventType::kAccept: return "受理";
    case EventType::kReject: return "不予受理";
    case EventType::kRequestSupplement: return "补正告知";
    case EventType::kSupplementReceived: return "补正材料接收";
    case EventType::kSuspend: return "特别程序开始";
    case EventType::kResume: return "特别程序结束";
    case EventType::kReview: return "审查";
    case EventType::kDecide: return "决定";
    case EventType::kComplete: return "办结";
    case EventType::kDeliver: return "送达";
    case EventType::kWithdraw: return "撤回";
    case EventType::kComplaintReceived: return "投诉受理";
    case EventType::kComplaintFeedback: return "首次反馈";
    case EventType::kComplaintResolved: return "投诉办结";
    case EventType::kComplaintReopened: return "投诉重新办理";
    case EventType::kRatingReceived: return "差评";
    case EventType::kRatingVerified: return "差评核实";
    case EventType::kRatingRectified: return "差评整改";
    case EventType::kRatingRevisited: return "差评回访";
    case EventType::kStep: return "环节";
  }
  return "环节";
}

std::string_view SourceName(const CasePlan& plan) {
  if (plan.kind == model::CaseKind::kComplaint) return "demo-complaint";
  if (plan.kind == model::CaseKind::kRating) return "demo-rating";
  switch (plan.channel) {
    case model::Channel::kWindow: return "demo-window";
    case model::Channel::kMobile: return "demo-mobile";
    default: return "demo-hall";
  }
}

void WriteAttrs(const CasePlan& plan, const PlannedEvent& event, std::string& out) {
  out.clear();
  out += '{';
  switch (event.type) {
    case EventType::kSubmit: Applicant(out, plan); break;
    case EventType::kAccept: Int(out, "fee", event.value); break;
    case EventType::kReject: Str(out, "reason", Word(kRejectReasons, event.value)); break;
    case EventType::kRequestSupplement: Int(out, "materials", event.value); break;
    case EventType::kSuspend:
    case EventType::kResume: Str(out, "procedure", Word(kProcedures, event.value)); break;
    case EventType::kDecide:
    case EventType::kComplete: Str(out, "result", "approved"); break;
    case EventType::kDeliver: Str(out, "method", Word(kDeliveryMethods, event.value)); break;
    case EventType::kWithdraw: Str(out, "reason", "applicant_request"); break;
    case EventType::kComplaintReceived:
      Str(out, "category", Word(kComplaintCategories, event.value));
      Applicant(out, plan);
      break;
    case EventType::kComplaintResolved:
      Str(out, "result", Word(kComplaintResults, event.value));
      break;
    case EventType::kRatingReceived:
      Str(out, "rated_case_id", plan.rated_case_id);
      Int(out, "score", event.value);
      Applicant(out, plan);
      break;
    case EventType::kRatingRevisited:
      out += event.value != 0 ? "\"satisfied\":true" : "\"satisfied\":false";
      break;
    default: break;
  }
  out += '}';
}

}  // namespace oversight::demo
