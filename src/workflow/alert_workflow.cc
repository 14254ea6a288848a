#include "workflow/alert_workflow.h"

#include "base/strings.h"

namespace oversight::workflow {
namespace {

// Every legal transition; anything not listed is refused. Withdraw is legal from
// every non-terminal state and is handled apart.
struct Transition {
  AlertState from;
  Action action;
  AlertState to;
};
constexpr Transition kTransitions[] = {
    {AlertState::kOpen, Action::kRespond, AlertState::kResponded},
    {AlertState::kOpen, Action::kEscalate, AlertState::kEscalated},
    {AlertState::kResponded, Action::kAccept, AlertState::kAccepted},
    {AlertState::kResponded, Action::kRejectResponse, AlertState::kOpen},
    // A supervisor who finds the response itself the problem need not send it back first.
    {AlertState::kResponded, Action::kEscalate, AlertState::kEscalated},
    {AlertState::kEscalated, Action::kOpenAccountability, AlertState::kAccountability},
    {AlertState::kAccepted, Action::kClose, AlertState::kClosed},
    {AlertState::kAccountability, Action::kClose, AlertState::kClosed},
    // The bureau looked into an escalated alert and found no accountability due:
    // it closes with that outcome stated.
    {AlertState::kEscalated, Action::kClose, AlertState::kClosed},
};

constexpr std::string_view kStateNames[] = {"open",           "responded", "accepted", "escalated",
                                            "accountability", "closed",    "withdrawn"};
constexpr std::string_view kActionNames[] = {"respond", "accept", "reject_response", "escalate",
                                             "open_accountability", "close", "withdraw"};
// How an action reads in "cannot ... an alert that is ...".
constexpr std::string_view kActionPhrases[] = {"respond to", "accept", "reject the response of",
                                               "escalate",   "open accountability on", "close",
                                               "withdraw"};
constexpr std::string_view kResponseKindNames[] = {"explained", "corrected"};
constexpr std::string_view kActorNames[] = {"department", "bureau", "system"};

template <typename Enum, size_t N>
base::Result<Enum> ParseName(std::string_view text, std::string_view field,
                             const std::string_view (&names)[N]) {
  std::string accepted;
  for (size_t i = 0; i < N; ++i) {
    if (names[i] == text) return static_cast<Enum>(i);
    accepted += (i == 0 ? "" : ", ") + std::string(names[i]);
  }
  return base::InvalidArgument(std::string(field) + ": unknown value '" + std::string(text) +
                               "' (expected one of: " + accepted + ")");
}

std::optional<AlertState> Lookup(AlertState from, Action action) {
  if (action == Action::kWithdraw && !IsTerminal(from)) return AlertState::kWithdrawn;
  for (const Transition& t : kTransitions) {
    if (t.from == from && t.action == action) return t.to;
  }
  return std::nullopt;
}

std::string AllowedFrom(AlertState from) {
  std::string allowed;
  for (Action action : kAllActions) {
    if (!Lookup(from, action)) continue;
    allowed += (allowed.empty() ? "" : ", ") + std::string(ActionName(action));
  }
  return allowed.empty() ? "none, it is final" : allowed;
}

base::Status CheckText(std::string_view field, std::string_view value, bool required,
                       bool allowed, Action action) {
  const bool blank = base::Trim(value).empty();
  if (required && blank) {
    return base::InvalidArgument(std::string(field) + " is required to " +
                                 std::string(kActionPhrases[static_cast<int>(action)]) +
                                 " an alert");
  }
  if (!allowed && !value.empty()) {
    return base::InvalidArgument(std::string(field) + " does not belong to action " +
                                 std::string(ActionName(action)));
  }
  if (value.size() > kMaxFieldBytes) {
    return base::InvalidArgument(std::string(field) + " is longer than " +
                                 std::to_string(kMaxFieldBytes) + " bytes");
  }
  if (!base::IsValidUtf8(value)) {
    return base::InvalidArgument(std::string(field) + " is not valid UTF-8");
  }
  return base::Status::Ok();
}

}  // namespace

std::string_view AlertStateName(AlertState state) { return kStateNames[static_cast<int>(state)]; }
std::string_view ActionName(Action action) { return kActionNames[static_cast<int>(action)]; }
std::string_view ResponseKindName(ResponseKind kind) {
  return kResponseKindNames[static_cast<int>(kind)];
}
std::string_view ActorName(Actor actor) { return kActorNames[static_cast<int>(actor)]; }

base::Result<AlertState> ParseAlertState(std::string_view text, std::string_view field) {
  return ParseName<AlertState>(text, field, kStateNames);
}
base::Result<Action> ParseAction(std::string_view text, std::string_view field) {
  return ParseName<Action>(text, field, kActionNames);
}
base::Result<ResponseKind> ParseResponseKind(std::string_view text, std::string_view field) {
  return ParseName<ResponseKind>(text, field, kResponseKindNames);
}
base::Result<Actor> ParseActor(std::string_view text, std::string_view field) {
  return ParseName<Actor>(text, field, kActorNames);
}

bool IsTerminal(AlertState state) {
  return state == AlertState::kClosed || state == AlertState::kWithdrawn;
}

base::Result<AlertState> NextState(AlertState from, Action action) {
  if (std::optional<AlertState> to = Lookup(from, action)) return *to;
  return base::FailedPrecondition(
      "cannot " + std::string(kActionPhrases[static_cast<int>(action)]) + " an alert that is " +
      std::string(AlertStateName(from)) + " (" + std::string(ActionName(action)) + " from " +
      std::string(AlertStateName(from)) + "; allowed: " + AllowedFrom(from) + ")");
}

Actor ActorFor(Action action) {
  return action == Action::kRespond ? Actor::kDepartment : Actor::kBureau;
}

bool MayTake(Actor actor, Action action, AlertState from) {
  switch (actor) {
    case Actor::kDepartment:
      return action == Action::kRespond;
    case Actor::kBureau:
      return action != Action::kRespond;
    case Actor::kSystem:
      // A machine re-derivation must not undo what people have put on record.
      return action == Action::kEscalate ||
             (action == Action::kWithdraw && from != AlertState::kAccountability);
  }
  return false;
}

base::Status CheckFields(AlertState from, const ActionInput& input) {
  const Action a = input.action;
  if (a == Action::kRespond && !input.response_kind) {
    return base::InvalidArgument("response_kind is required to respond to an alert (explained or "
                                 "corrected)");
  }
  if (a != Action::kRespond && input.response_kind) {
    return base::InvalidArgument("response_kind does not belong to action " +
                                 std::string(ActionName(a)));
  }
  const bool text_required = a == Action::kRespond || a == Action::kRejectResponse ||
                             a == Action::kEscalate || a == Action::kWithdraw;
  OVS_RETURN_IF_ERROR(CheckText("text", input.text, text_required, true, a));
  OVS_RETURN_IF_ERROR(CheckText("findings", input.findings, a == Action::kOpenAccountability,
                                a == Action::kOpenAccountability, a));
  const bool closing = a == Action::kClose;
  if (closing && (from == AlertState::kAccountability || from == AlertState::kEscalated) &&
      base::Trim(input.outcome).empty()) {
    return base::InvalidArgument("outcome is required to close an alert that was escalated or under accountability");
  }
  return CheckText("outcome", input.outcome, false, closing, a);
}

base::Result<AlertState> Apply(AlertState from, const ActionInput& input) {
  OVS_ASSIGN_OR_RETURN(AlertState next, NextState(from, input.action));
  OVS_RETURN_IF_ERROR(CheckFields(from, input));
  return next;
}

}  // namespace oversight::workflow
