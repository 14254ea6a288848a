#include "complaints/complaint_desk.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "codes/mask.h"
#include "complaints/internal/desk_events.h"
#include "store/alert_workflow_store.h"

namespace oversight::complaints {
namespace {

using model::EventType;

constexpr std::chrono::minutes kFutureTolerance{10};
constexpr std::size_t kMaxNameBytes = 64;
constexpr std::size_t kMaxContactBytes = 128;
constexpr std::size_t kMaxCategoryBytes = 64;
constexpr std::size_t kMaxCommentBytes = 1000;

std::string_view StepLabel(EventType type) {
  switch (type) {
    case EventType::kComplaintReceived: return "投诉受理";
    case EventType::kComplaintFeedback: return "首次反馈";
    case EventType::kComplaintResolved: return "投诉办结";
    case EventType::kComplaintReopened: return "投诉重新办理";
    default: return "";
  }
}

bool IsPhone(std::string_view text) {
  int digits = 0;
  for (char c : text) {
    if (c >= '0' && c <= '9') {
      ++digits;
    } else if (c != '+' && c != '-' && c != ' ' && c != '(' && c != ')') {
      return false;
    }
  }
  return digits >= 5 && digits <= 20;
}

bool IsEmail(std::string_view text) {
  const std::size_t at = text.find('@');
  return at != std::string_view::npos && at > 0 && at + 1 < text.size() &&
         text.find('@', at + 1) == std::string_view::npos &&
         std::none_of(text.begin(), text.end(), [](char c) { return c == ' ' || c < 0x20; });
}

base::Status CheckLength(std::string_view field, const std::string& value, std::size_t max) {
  if (value.size() <= max) return base::Status::Ok();
  return base::InvalidArgument("'" + std::string(field) + "' is longer than " + std::to_string(max) +
                               " bytes");
}

}  // namespace

std::string LookupCodeFrom(std::string_view random_bytes) {
  constexpr std::string_view kAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  std::string code;
  for (std::size_t i = 0; i < kLookupCodeLength && i < random_bytes.size(); ++i) {
    code += kAlphabet[static_cast<unsigned char>(random_bytes[i]) & 31u];
  }
  return code;
}

std::string MaskContact(std::string_view contact) {
  if (contact.empty()) return "";
  const std::size_t at = contact.find('@');
  if (at == std::string_view::npos) return codes::MaskPhone(contact);
  return std::string(contact.substr(0, 1)) + "***" + std::string(contact.substr(at));
}

base::Status ComplaintDesk::Resolve(NewComplaint& c) {
  const auto channels = ComplaintChannels();
  if (std::find(channels.begin(), channels.end(), c.channel) == channels.end()) {
    return base::InvalidArgument("'channel' must be one of hotline, window, online, mobile, letter, email");
  }
  if (!c.about_case.empty()) {
    OVS_ASSIGN_OR_RETURN(std::optional<model::Case> about,
                         store_.workflow().FindCaseScoped(c.about_case, store::Scope::All()));
    if (!about) return base::NotFound("'about_case': no case '" + c.about_case + "'");
    if (about->kind != model::CaseKind::kApproval) {
      return base::InvalidArgument("'about_case': " + c.about_case + " is a " +
                                   std::string(model::CaseKindName(about->kind)) +
                                   " case, not an application");
    }
    if (c.dept_code.empty()) c.dept_code = about->dept_code;
    if (c.dept_code != about->dept_code) {
      return base::InvalidArgument("'dept': case " + c.about_case + " belongs to department " +
                                   about->dept_code);
    }
    if (c.item_code.empty()) c.item_code = about->item_code;
  }
  if (c.dept_code.empty()) return base::InvalidArgument("'dept' is required (the department complained about)");
  OVS_ASSIGN_OR_RETURN(std::vector<model::Department> departments, store_.ListDepartments());
  if (std::none_of(departments.begin(), departments.end(),
                   [&](const model::Department& d) { return d.code == c.dept_code; })) {
    return base::NotFound("'dept': no department '" + c.dept_code + "' in the catalog");
  }
  if (c.item_code.empty()) {
    return base::InvalidArgument("'item' is required when 'about_case' is not given (the item "
                                 "the complaint concerns, from the catalog)");
  }
  OVS_ASSIGN_OR_RETURN(std::vector<model::Item> items, store_.ListItems());
  if (std::none_of(items.begin(), items.end(),
                   [&](const model::Item& i) { return i.code == c.item_code; })) {
    return base::NotFound("'item': no item '" + c.item_code + "' in the catalog");
  }
  if (c.content.empty()) return base::InvalidArgument("'content' is required (what the complaint is about)");
  OVS_RETURN_IF_ERROR(CheckLength("content", c.content, kMaxContentBytes));
  OVS_RETURN_IF_ERROR(CheckLength("category", c.category, kMaxCategoryBytes));
  OVS_RETURN_IF_ERROR(CheckLength("name", c.complainant_name, kMaxNameBytes));
  OVS_RETURN_IF_ERROR(CheckLength("contact", c.complainant_contact, kMaxContactBytes));
  if (!c.complainant_contact.empty() && !IsPhone(c.complainant_contact) &&
      !IsEmail(c.complainant_contact)) {
    return base::InvalidArgument("'contact' must be a phone number or an e-mail address");
  }
  return base::Status::Ok();
}

base::Result<store::ComplaintRecord> ComplaintDesk::Register(const NewComplaint& complaint,
                                                            const Actor& by, base::Instant now) {
  NewComplaint c = complaint;
  const base::Instant received = c.received_at.value_or(now);
  if (received > now + kFutureTolerance) {
    return base::InvalidArgument("'received_at' lies in the future");
  }
  OVS_RETURN_IF_ERROR(Resolve(c));
  store::ComplaintRecord record;
  record.channel = c.channel;
  record.dept_code = c.dept_code;
  record.item_code = c.item_code;
  record.about_case = c.about_case;
  record.category = c.category;
  record.content = c.content;
  record.complainant_name = c.complainant_name;
  record.complainant_contact = c.complainant_contact;
  record.lookup_hash = c.lookup_hash;
  record.registered_by = by.name;
  record.received_at = received;
  OVS_ASSIGN_OR_RETURN(store::ComplaintRecord stored, store_.complaints().AddComplaint(record));

  // The event carries the complainant only masked: events are never erased.
  nlohmann::ordered_json attrs;
  attrs["complaint_channel"] = c.channel;
  if (!c.category.empty()) attrs["category"] = c.category;
  if (!c.about_case.empty()) attrs["about_case"] = c.about_case;
  if (!c.complainant_name.empty()) attrs["complainant_name"] = codes::MaskName(c.complainant_name);
  if (!c.complainant_contact.empty()) attrs["complainant_contact"] = MaskContact(c.complainant_contact);
  model::Event event = internal::DeskEvent(stored.case_id, 1, model::CaseKind::kComplaint,
                                           EventType::kComplaintReceived, received);
  event.step_name = std::string(StepLabel(event.type));
  event.dept_code = stored.dept_code;
  event.item_code = stored.item_code;
  event.actor = by.name;
  event.channel = CaseChannelOf(c.channel);
  event.attrs_json = attrs.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  OVS_RETURN_IF_ERROR(sink_(kComplaintSource, EventLine(event) + "\n"));
  return stored;
}

base::Result<ComplaintState> ComplaintDesk::Step(const std::string& case_id, ComplaintStep step,
                                                 const std::string& text, const Actor& by,
                                                 base::Instant at, const store::Scope& scope) {
  if (text.empty()) {
    return base::InvalidArgument("'text' is required to " + std::string(ComplaintStepName(step)) +
                                 " a complaint");
  }
  OVS_RETURN_IF_ERROR(CheckLength("text", text, kMaxTextBytes));
  OVS_ASSIGN_OR_RETURN(std::optional<store::ComplaintView> view,
                       store_.complaints().FindComplaintView(case_id, scope));
  if (!view) return base::NotFound("no complaint '" + case_id + "' that you may see");
  const model::Case& kase = view->kase;
  OVS_RETURN_IF_ERROR(CheckComplaintStep(ComplaintStateOf(kase.stage), step));
  if (at < kase.last_at) {
    return base::InvalidArgument("'at' lies before the complaint's last step (" +
                                 base::FormatInstantUtc(kase.last_at) + ")");
  }
  model::Event event = internal::DeskEvent(case_id, kase.event_count + 1, model::CaseKind::kComplaint,
                                           EventTypeOf(step), at);
  event.step_name = std::string(StepLabel(event.type));
  event.dept_code = kase.dept_code;
  event.item_code = kase.item_code;
  event.actor = by.name;
  event.channel = kase.channel;
  event.attrs_json = nlohmann::json{{"text", text}}.dump(-1, ' ', false,
                                                          nlohmann::json::error_handler_t::replace);
  OVS_RETURN_IF_ERROR(sink_(kComplaintSource, EventLine(event) + "\n"));
  return *ComplaintStateOf(event.type);
}

base::Result<store::ComplaintSatisfaction> ComplaintDesk::RecordSatisfaction(
    const std::string& case_id, int level, const std::string& comment, const Actor& by,
    base::Instant at, const store::Scope& scope) {
  if (LevelName(level).empty()) {
    return base::InvalidArgument("'level' must be 1 (very satisfied) to 5 (very dissatisfied)");
  }
  OVS_RETURN_IF_ERROR(CheckLength("comment", comment, kMaxCommentBytes));
  OVS_ASSIGN_OR_RETURN(std::optional<store::ComplaintView> view,
                       store_.complaints().FindComplaintView(case_id, scope));
  if (!view) return base::NotFound("no complaint '" + case_id + "' that you may see");
  std::optional<ComplaintState> state = ComplaintStateOf(view->kase.stage);
  if (state != ComplaintState::kResolved) {
    return base::FailedPrecondition("satisfaction is asked once a complaint is resolved; this one is " +
                                    std::string(state ? ComplaintStateName(*state) : "in a source's own step"));
  }
  // One answer per resolution: a reopened and resolved again complaint is asked again.
  if (view->satisfaction && view->satisfaction->at >= view->kase.last_at) {
    return base::AlreadyExists("the complainant's satisfaction with this resolution was recorded already");
  }
  store::ComplaintSatisfaction s;
  s.case_id = case_id;
  s.level = level;
  s.comment = comment;
  s.recorded_by = by.name;
  s.at = at;
  return store_.complaints().AddSatisfaction(s);
}

}  // namespace oversight::complaints
