#pragma once

// The human side of an alert (DESIGN §7): the department answers, the bureau
// accepts, rejects, escalates, opens an accountability case (执纪问责) and closes;
// anyone on the bureau side may withdraw a false positive. This header is the
// state machine only: which transitions are legal, who takes each action and
// which fields it needs. Pure: no I/O, no clock; the store applies it.
//
//   OVS_ASSIGN_OR_RETURN(AlertState next, NextState(AlertState::kOpen, Action::kRespond));
//   OVS_RETURN_IF_ERROR(CheckFields(AlertState::kOpen, input));   // text, response kind, ...
//   if (ActorFor(Action::kRespond) == Actor::kDepartment) { ... }

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "base/status.h"

namespace oversight::workflow {

// Stored by name ("open", "responded", ...); the names are stable.
enum class AlertState : std::uint8_t {
  kOpen,
  kResponded,       // the department explained or corrected; the bureau decides
  kAccepted,        // the bureau accepted the response
  kEscalated,       // unanswered in time, or escalated by a supervisor
  kAccountability,  // 执纪问责 opened with findings
  kClosed,          // terminal
  kWithdrawn,       // terminal: late data, retired rule, bureau-approved false positive
};

enum class Action : std::uint8_t {
  kRespond,             // department: explained | corrected, with text
  kAccept,              // bureau accepts the response
  kRejectResponse,      // bureau rejects the response with a reason: back to open
  kEscalate,            // bureau by hand, or the escalation job (system)
  kOpenAccountability,  // bureau, from escalated, with findings
  kClose,               // bureau, from accepted, or from accountability with an outcome
  kWithdraw,            // bureau (or the engine's re-derivation), with a reason
};

enum class ResponseKind : std::uint8_t {
  kExplained,  // the delay or deviation had a lawful reason (说明情况)
  kCorrected,  // the department put it right (整改)
};

// Which side takes an action; the server maps each to its permissions.
enum class Actor : std::uint8_t { kDepartment, kBureau, kSystem };

inline constexpr std::array<AlertState, 7> kAllStates = {
    AlertState::kOpen,      AlertState::kResponded,      AlertState::kAccepted,
    AlertState::kEscalated, AlertState::kAccountability, AlertState::kClosed,
    AlertState::kWithdrawn};
inline constexpr std::array<Action, 7> kAllActions = {
    Action::kRespond,  Action::kAccept, Action::kRejectResponse, Action::kEscalate,
    Action::kOpenAccountability, Action::kClose, Action::kWithdraw};

std::string_view AlertStateName(AlertState state);      // "open", "responded", ...
std::string_view ActionName(Action action);             // "respond", "reject_response", ...
std::string_view ResponseKindName(ResponseKind kind);   // "explained" | "corrected"
std::string_view ActorName(Actor actor);                // "department" | "bureau" | "system"
// Each parse is InvalidArgument naming `field` and the accepted names.
base::Result<AlertState> ParseAlertState(std::string_view text, std::string_view field = "state");
base::Result<Action> ParseAction(std::string_view text, std::string_view field = "action");
base::Result<ResponseKind> ParseResponseKind(std::string_view text,
                                             std::string_view field = "response_kind");
base::Result<Actor> ParseActor(std::string_view text, std::string_view field = "actor_role");

// Closed and withdrawn: no action applies any more.
bool IsTerminal(AlertState state);

// The state `action` leads to from `from`. An illegal pair is FailedPrecondition
// naming both: "cannot accept an alert that is open".
base::Result<AlertState> NextState(AlertState from, Action action);

// The side that takes `action`: respond is the department's, everything else the bureau's.
Actor ActorFor(Action action);
// Whether `actor` may take `action` on an alert in `from` (legality aside). The
// system escalates, and withdraws what the history no longer justifies, but never
// undoes a human record: it does not withdraw an alert under accountability.
bool MayTake(Actor actor, Action action, AlertState from);

// The free-text fields one action carries.
struct ActionInput {
  Action action = Action::kRespond;
  std::optional<ResponseKind> response_kind;  // respond only, required there
  std::string text;      // respond, reject_response, escalate, withdraw: required; else a comment
  std::string findings;  // open_accountability only, required there
  std::string outcome;   // close only; required when closing from accountability
};

// Longest text accepted in any field, in bytes.
inline constexpr std::size_t kMaxFieldBytes = 8000;

// InvalidArgument naming the field when a required one is blank, one that does
// not belong to the action is given, or one is longer than kMaxFieldBytes.
// `from` matters for close (an outcome is required only after accountability).
base::Status CheckFields(AlertState from, const ActionInput& input);

// NextState, then CheckFields: the state after `input`, or why it cannot happen.
base::Result<AlertState> Apply(AlertState from, const ActionInput& input);

}  // namespace oversight::workflow
