#include "complaints/rating_desk.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "complaints/internal/desk_events.h"

namespace oversight::complaints {
namespace {

using model::EventType;

constexpr std::chrono::minutes kFutureTolerance{10};
constexpr std::size_t kMaxCommentBytes = 1000;
constexpr std::size_t kMaxTextBytes = 4000;
constexpr std::int64_t kMaxProofFailures = 5;  // per case and 24 hours

std::string_view StepLabel(EventType type) {
  switch (type) {
    case EventType::kRatingReceived: return "差评";
    case EventType::kRatingVerified: return "差评核实";
    case EventType::kRatingRectified: return "差评整改";
    case EventType::kRatingRevisited: return "差评回访";
    default: return "";
  }
}

std::string Dump(const nlohmann::ordered_json& j) {
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

base::Status CheckText(std::string_view field, const std::string& text, std::size_t max,
                       std::string_view purpose) {
  if (text.empty()) return base::InvalidArgument("'" + std::string(field) + "' is required " + std::string(purpose));
  if (text.size() > max) {
    return base::InvalidArgument("'" + std::string(field) + "' is longer than " + std::to_string(max) + " bytes");
  }
  return base::Status::Ok();
}

std::string Upper(std::string text) {
  for (char& c : text) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return text;
}

// The last 4 characters of every identity number or phone number the case's
// events carry (masked forms keep them: 445202********1234, 138****5678).
std::vector<std::string> ProofCandidates(const std::vector<store::StoredEvent>& events) {
  std::vector<std::string> out;
  for (const store::StoredEvent& e : events) {
    nlohmann::json attrs = nlohmann::json::parse(e.event.attrs_json, nullptr, false);
    if (!attrs.is_object()) continue;
    for (const auto& [key, value] : attrs.items()) {
      const bool identity = key.find("applicant_id") != std::string::npos ||
                            key.find("phone") != std::string::npos ||
                            key.find("mobile") != std::string::npos;
      if (!identity || !value.is_string()) continue;
      const std::string text = value.get<std::string>();
      if (text.size() < 4) continue;
      std::string last4 = Upper(text.substr(text.size() - 4));
      if (last4.find('*') == std::string::npos) out.push_back(std::move(last4));
    }
  }
  return out;
}

}  // namespace

base::Result<store::RatingRecord> RatingDesk::Add(const NewRating& rating, const std::string& rater,
                                                  base::Instant now, const DepartmentCheck& may_rate) {
  if (LevelName(rating.level).empty()) {
    return base::InvalidArgument("'level' must be 1 (非常满意, very satisfied) to 5 (非常不满意, very "
                                 "dissatisfied)");
  }
  const auto channels = RatingChannels();
  if (std::find(channels.begin(), channels.end(), rating.channel) == channels.end()) {
    return base::InvalidArgument("'channel' must be one of pc, mobile, qr_code, hall_tablet, "
                                 "hall_terminal, phone, sms");
  }
  if (rating.comment.size() > kMaxCommentBytes) {
    return base::InvalidArgument("'comment' is longer than " + std::to_string(kMaxCommentBytes) + " bytes");
  }
  store::RatingRecord record;
  record.level = rating.level;
  record.channel = rating.channel;
  record.comment = rating.comment;
  record.rater = rater;
  record.rated_at = rating.rated_at.value_or(now);
  if (record.rated_at > now + kFutureTolerance) return base::InvalidArgument("'rated_at' lies in the future");
  model::Channel case_channel = CaseChannelOf(rating.channel);
  if (!rating.case_id.empty()) {
    OVS_ASSIGN_OR_RETURN(std::optional<model::Case> kase,
                         store_.workflow().FindCaseScoped(rating.case_id, store::Scope::All()));
    if (!kase) return base::NotFound("'case_id': no case '" + rating.case_id + "'");
    if (kase->kind != model::CaseKind::kApproval) {
      return base::InvalidArgument("'case_id': " + rating.case_id + " is a " +
                                   std::string(model::CaseKindName(kase->kind)) +
                                   " case; ratings are of applications and services");
    }
    if (!rating.item_code.empty() && rating.item_code != kase->item_code) {
      return base::InvalidArgument("'item': case " + rating.case_id + " is of item " + kase->item_code);
    }
    record.case_id = kase->id;
    record.item_code = kase->item_code;
    record.dept_code = kase->dept_code;
    case_channel = kase->channel;
  } else if (!rating.item_code.empty()) {
    OVS_ASSIGN_OR_RETURN(std::vector<model::Item> items, store_.ListItems());
    auto item = std::find_if(items.begin(), items.end(),
                             [&](const model::Item& i) { return i.code == rating.item_code; });
    if (item == items.end()) return base::NotFound("'item': no item '" + rating.item_code + "' in the catalog");
    record.item_code = item->code;
    record.dept_code = item->dept_code;
  } else {
    return base::InvalidArgument("'case_id' or 'item' is required (the case or the service rated)");
  }
  if (may_rate) OVS_RETURN_IF_ERROR(may_rate(record.dept_code));
  OVS_ASSIGN_OR_RETURN(store::RatingRecord stored, store_.ratings().AddRating(record));
  if (!stored.rectification_case.empty()) OVS_RETURN_IF_ERROR(SendReceived(stored, case_channel));
  return stored;
}

base::Status RatingDesk::SendReceived(const store::RatingRecord& rating, model::Channel channel) {
  model::Event event = internal::DeskEvent(rating.rectification_case, 1, model::CaseKind::kRating,
                                           EventType::kRatingReceived, rating.rated_at);
  event.step_name = std::string(StepLabel(event.type));
  event.dept_code = rating.dept_code;
  event.item_code = rating.item_code;
  event.actor = rating.rater;
  event.channel = channel;
  // "score" as the demo city and the scoring model read it; the comment stays in
  // the ratings table (it may name people).
  nlohmann::ordered_json attrs;
  attrs["rating_id"] = rating.id;
  if (!rating.case_id.empty()) attrs["rated_case_id"] = rating.case_id;
  attrs["score"] = rating.level;
  attrs["rating_channel"] = rating.channel;
  event.attrs_json = Dump(attrs);
  return sink_(kRatingSource, EventLine(event) + "\n");
}

base::Result<Proof> RatingDesk::CheckProof(const std::string& case_id, const std::string& last4,
                                           base::Instant now) {
  OVS_ASSIGN_OR_RETURN(std::int64_t failures,
                       store_.ratings().CountProofFailures(case_id, now - std::chrono::hours(24)));
  if (failures >= kMaxProofFailures) return Proof::kTooManyTries;
  OVS_ASSIGN_OR_RETURN(std::vector<store::StoredEvent> events, store_.EventsOfCase(case_id));
  std::vector<std::string> candidates = ProofCandidates(events);
  if (candidates.empty()) return Proof::kNoRecord;
  if (std::find(candidates.begin(), candidates.end(), Upper(last4)) != candidates.end()) {
    return Proof::kMatches;
  }
  OVS_RETURN_IF_ERROR(store_.ratings().RecordProofFailure(case_id, now));
  return Proof::kWrong;
}

base::Result<std::string> RatingDesk::Step(const std::string& case_id, RatingStep step,
                                           const std::string& text, const Actor& by,
                                           base::Instant at, const store::Scope& scope) {
  OVS_RETURN_IF_ERROR(CheckText("text", text, kMaxTextBytes, "for each rectification step"));
  OVS_ASSIGN_OR_RETURN(std::optional<model::Case> kase, store_.workflow().FindCaseScoped(case_id, scope));
  if (!kase || kase->kind != model::CaseKind::kRating) {
    return base::NotFound("no rectification case '" + case_id + "' that you may see");
  }
  OVS_ASSIGN_OR_RETURN(std::optional<store::RatingRecord> rating,
                       store_.ratings().FindByRectificationCase(case_id, store::Scope::All()));
  if (rating && rating->excluded_at) {
    return base::FailedPrecondition("rating " + std::to_string(rating->id) +
                                    " was excluded on appeal; its rectification case is closed");
  }
  OVS_RETURN_IF_ERROR(CheckRatingStep(kase->stage, step));
  if (at < kase->last_at) {
    return base::InvalidArgument("'at' lies before the case's last step (" +
                                 base::FormatInstantUtc(kase->last_at) + ")");
  }
  model::Event event = internal::DeskEvent(case_id, kase->event_count + 1, model::CaseKind::kRating,
                                           EventTypeOf(step), at);
  event.step_name = std::string(StepLabel(event.type));
  event.dept_code = kase->dept_code;
  event.item_code = kase->item_code;
  event.actor = by.name;
  event.channel = kase->channel;
  nlohmann::ordered_json attrs;
  attrs["text"] = text;
  event.attrs_json = Dump(attrs);
  OVS_RETURN_IF_ERROR(sink_(kRatingSource, EventLine(event) + "\n"));
  return std::string(RatingCaseStateName(event.type));
}

base::Result<store::RatingAppeal> RatingDesk::Appeal(std::int64_t rating_id, const std::string& reason,
                                                     const Actor& by, base::Instant at,
                                                     const store::Scope& scope) {
  OVS_RETURN_IF_ERROR(CheckText("reason", reason, kMaxTextBytes,
                                "(why the rating is mistaken or malicious)"));
  OVS_ASSIGN_OR_RETURN(std::optional<store::RatingRecord> rating,
                       store_.ratings().FindRating(rating_id, scope));
  if (!rating) return base::NotFound("no rating " + std::to_string(rating_id) + " that you may see");
  if (!IsBadLevel(rating->level)) {
    return base::FailedPrecondition("only a bad rating (4 or 5) is appealed; rating " +
                                    std::to_string(rating_id) + " is " + std::to_string(rating->level));
  }
  store::RatingAppeal appeal;
  appeal.rating_id = rating_id;
  appeal.reason = reason;
  appeal.filed_by = by.name;
  appeal.filed_at = at;
  return store_.ratings().FileAppeal(appeal, scope);
}

base::Result<AppealOutcome> RatingDesk::Decide(std::int64_t rating_id, const std::string& decision,
                                               const std::string& reason, const Actor& by,
                                               base::Instant at) {
  if (decision != "upheld" && decision != "rejected") {
    return base::InvalidArgument("'decision' must be upheld or rejected");
  }
  OVS_RETURN_IF_ERROR(CheckText("reason", reason, kMaxTextBytes, "for the decision"));
  store::RatingAppeal d;
  d.decision = decision;
  d.decision_reason = reason;
  d.decided_by = by.name;
  d.decided_at = at;
  AppealOutcome out;
  OVS_ASSIGN_OR_RETURN(out.rating, store_.ratings().DecideAppeal(rating_id, d));
  if (decision != "upheld" || out.rating.rectification_case.empty()) return out;

  const std::string& case_id = out.rating.rectification_case;
  OVS_ASSIGN_OR_RETURN(std::optional<model::Case> kase,
                       store_.workflow().FindCaseScoped(case_id, store::Scope::All()));
  if (kase) {
    // Ends the case: the rectification deadline stops on this step, so no alert
    // comes due later for a rating that no longer counts.
    model::Event event = internal::DeskEvent(case_id, kase->event_count + 1, model::CaseKind::kRating,
                                             EventType::kStep, std::max(at, kase->last_at));
    event.step_name = std::string(kAppealUpheldStep);
    event.dept_code = kase->dept_code;
    event.item_code = kase->item_code;
    event.actor = by.name;
    event.channel = kase->channel;
    nlohmann::ordered_json attrs;
    attrs["rating_id"] = rating_id;
    attrs["reason"] = reason;
    event.attrs_json = Dump(attrs);
    OVS_RETURN_IF_ERROR(sink_(kRatingSource, EventLine(event) + "\n"));
  }
  // The alerts already raised are withdrawn by the bureau, with the reason, in
  // each alert's thread. Accountability (执纪问责) is left to people.
  store::AlertQuery q;
  q.case_id = case_id;
  q.limit = store::kMaxPageSize;
  OVS_ASSIGN_OR_RETURN(store::AlertPage page, store_.workflow().SearchAlerts(q, store::Scope::All()));
  for (const store::AlertRecord& alert : page.alerts) {
    base::Result<workflow::AlertState> state = workflow::ParseAlertState(alert.state);
    if (!state.ok() || workflow::IsTerminal(*state) || *state == workflow::AlertState::kAccountability) {
      continue;
    }
    store::AlertActionRecord withdraw;
    withdraw.action = workflow::Action::kWithdraw;
    withdraw.actor = by.name;
    withdraw.actor_role = by.role;
    withdraw.at = at;
    withdraw.text = "rating " + std::to_string(rating_id) + " excluded on appeal: " + reason;
    withdraw.expected_state = *state;
    OVS_ASSIGN_OR_RETURN(store::AlertRecord updated,
                         store_.workflow().ApplyAction(alert.id, withdraw, store::Scope::All()));
    out.withdrawn.push_back(std::move(updated));
  }
  return out;
}

}  // namespace oversight::complaints
