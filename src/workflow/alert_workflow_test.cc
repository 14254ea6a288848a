#include "workflow/alert_workflow.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>
#include <string>
#include <utility>

namespace oversight::workflow {
namespace {

using ::testing::HasSubstr;
using S = AlertState;
using A = Action;

// The whole table (DESIGN §7): every pair not listed here must be refused.
const std::map<std::pair<S, A>, S>& LegalTransitions() {
  static const std::map<std::pair<S, A>, S> table = {
      {{S::kOpen, A::kRespond}, S::kResponded},
      {{S::kOpen, A::kEscalate}, S::kEscalated},
      {{S::kOpen, A::kWithdraw}, S::kWithdrawn},
      {{S::kResponded, A::kAccept}, S::kAccepted},
      {{S::kResponded, A::kRejectResponse}, S::kOpen},
      {{S::kResponded, A::kEscalate}, S::kEscalated},
      {{S::kResponded, A::kWithdraw}, S::kWithdrawn},
      {{S::kAccepted, A::kClose}, S::kClosed},
      {{S::kAccepted, A::kWithdraw}, S::kWithdrawn},
      {{S::kEscalated, A::kOpenAccountability}, S::kAccountability},
      {{S::kEscalated, A::kWithdraw}, S::kWithdrawn},
      {{S::kEscalated, A::kClose}, S::kClosed},
      {{S::kAccountability, A::kClose}, S::kClosed},
      {{S::kAccountability, A::kWithdraw}, S::kWithdrawn},
  };
  return table;
}

TEST(AlertWorkflowTest, EveryStateAndActionPairIsLegalExactlyWhenTheTableSaysSo) {
  int legal = 0;
  for (S from : kAllStates) {
    for (A action : kAllActions) {
      base::Result<S> next = NextState(from, action);
      auto it = LegalTransitions().find({from, action});
      const std::string pair = std::string(ActionName(action)) + " from " +
                               std::string(AlertStateName(from));
      if (it != LegalTransitions().end()) {
        ++legal;
        ASSERT_TRUE(next.ok()) << pair << ": " << next.status().ToString();
        EXPECT_EQ(*next, it->second) << pair;
      } else {
        ASSERT_FALSE(next.ok()) << pair << " should be refused";
        EXPECT_EQ(next.status().code(), base::StatusCode::kFailedPrecondition) << pair;
        EXPECT_THAT(next.status().message(), HasSubstr(std::string(ActionName(action)))) << pair;
        EXPECT_THAT(next.status().message(), HasSubstr(std::string(AlertStateName(from)))) << pair;
      }
    }
  }
  EXPECT_EQ(legal, 14);
}

TEST(AlertWorkflowTest, IllegalTransitionSaysWhatWasTriedAndWhatIsAllowed) {
  base::Result<S> next = NextState(S::kOpen, A::kAccept);
  ASSERT_FALSE(next.ok());
  EXPECT_THAT(next.status().message(), HasSubstr("cannot accept an alert that is open"));
  EXPECT_THAT(next.status().message(), HasSubstr("allowed: respond, escalate, withdraw"));
  EXPECT_THAT(NextState(S::kClosed, A::kRespond).status().message(),
              HasSubstr("cannot respond to an alert that is closed"));
  EXPECT_THAT(NextState(S::kClosed, A::kRespond).status().message(),
              HasSubstr("none, it is final"));
}

TEST(AlertWorkflowTest, TerminalStatesAreClosedAndWithdrawn) {
  for (S state : kAllStates) {
    EXPECT_EQ(IsTerminal(state), state == S::kClosed || state == S::kWithdrawn)
        << AlertStateName(state);
  }
}

TEST(AlertWorkflowTest, NamesRoundTripAndUnknownNamesNameTheField) {
  for (S state : kAllStates) EXPECT_EQ(*ParseAlertState(AlertStateName(state)), state);
  for (A action : kAllActions) EXPECT_EQ(*ParseAction(ActionName(action)), action);
  EXPECT_EQ(AlertStateName(S::kOpen), "open");
  EXPECT_EQ(AlertStateName(S::kWithdrawn), "withdrawn");
  EXPECT_EQ(ActionName(A::kOpenAccountability), "open_accountability");
  EXPECT_EQ(*ParseResponseKind("corrected"), ResponseKind::kCorrected);
  EXPECT_EQ(*ParseActor("bureau"), Actor::kBureau);

  base::Result<S> bad = ParseAlertState("Open'; DROP TABLE alerts; --");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), base::StatusCode::kInvalidArgument);
  EXPECT_THAT(bad.status().message(), HasSubstr("state: unknown value"));
  EXPECT_THAT(ParseAction("approve", "body.action").status().message(),
              HasSubstr("body.action: unknown value 'approve'"));
  EXPECT_FALSE(ParseResponseKind("sorry").ok());
  EXPECT_FALSE(ParseActor("").ok());
}

TEST(AlertWorkflowTest, TheDepartmentRespondsAndTheBureauDoesTheRest) {
  EXPECT_EQ(ActorFor(A::kRespond), Actor::kDepartment);
  for (A action : kAllActions) {
    if (action != A::kRespond) {
      EXPECT_EQ(ActorFor(action), Actor::kBureau) << ActionName(action);
    }
    EXPECT_EQ(MayTake(Actor::kDepartment, action, S::kOpen), action == A::kRespond);
    EXPECT_EQ(MayTake(Actor::kBureau, action, S::kOpen), action != A::kRespond);
  }
}

TEST(AlertWorkflowTest, TheSystemEscalatesAndWithdrawsButNeverUndoesAccountability) {
  EXPECT_TRUE(MayTake(Actor::kSystem, A::kEscalate, S::kOpen));
  EXPECT_TRUE(MayTake(Actor::kSystem, A::kWithdraw, S::kOpen));
  EXPECT_TRUE(MayTake(Actor::kSystem, A::kWithdraw, S::kEscalated));
  EXPECT_FALSE(MayTake(Actor::kSystem, A::kWithdraw, S::kAccountability));
  EXPECT_FALSE(MayTake(Actor::kSystem, A::kRespond, S::kOpen));
  EXPECT_FALSE(MayTake(Actor::kSystem, A::kAccept, S::kResponded));
  EXPECT_FALSE(MayTake(Actor::kSystem, A::kClose, S::kAccepted));
  // The bureau may still withdraw a false positive that reached accountability.
  EXPECT_TRUE(MayTake(Actor::kBureau, A::kWithdraw, S::kAccountability));
}

ActionInput Input(A action, std::string text = "") {
  ActionInput input;
  input.action = action;
  input.text = std::move(text);
  return input;
}

void ExpectFieldError(S from, const ActionInput& input, const std::string& field_message) {
  base::Status status = CheckFields(from, input);
  ASSERT_FALSE(status.ok()) << field_message;
  EXPECT_EQ(status.code(), base::StatusCode::kInvalidArgument);
  EXPECT_THAT(status.message(), HasSubstr(field_message));
}

TEST(AlertWorkflowTest, RespondNeedsAKindAndText) {
  ActionInput respond = Input(A::kRespond, "材料已补齐，已办结");
  ExpectFieldError(S::kOpen, respond, "response_kind is required");
  respond.response_kind = ResponseKind::kCorrected;
  EXPECT_TRUE(CheckFields(S::kOpen, respond).ok());
  respond.text = "  \t ";
  ExpectFieldError(S::kOpen, respond, "text is required to respond to an alert");
}

TEST(AlertWorkflowTest, RejectWithdrawAndEscalateNeedAReason) {
  ExpectFieldError(S::kResponded, Input(A::kRejectResponse), "text is required to reject");
  ExpectFieldError(S::kOpen, Input(A::kWithdraw), "text is required to withdraw");
  ExpectFieldError(S::kOpen, Input(A::kEscalate), "text is required to escalate");
  EXPECT_TRUE(CheckFields(S::kOpen, Input(A::kEscalate, "no answer in 3 days")).ok());
  EXPECT_TRUE(CheckFields(S::kResponded, Input(A::kAccept)).ok());  // a comment is optional
}

TEST(AlertWorkflowTest, AccountabilityNeedsFindingsAndClosingItNeedsAnOutcome) {
  ExpectFieldError(S::kEscalated, Input(A::kOpenAccountability), "findings is required");
  ActionInput open = Input(A::kOpenAccountability);
  open.findings = "逾期 12 个工作日未受理";
  EXPECT_TRUE(CheckFields(S::kEscalated, open).ok());

  ExpectFieldError(S::kAccountability, Input(A::kClose),
                   "outcome is required to close an alert that was escalated or under accountability");
  ActionInput close = Input(A::kClose);
  close.outcome = "诫勉谈话";
  EXPECT_TRUE(CheckFields(S::kAccountability, close).ok());
  EXPECT_TRUE(CheckFields(S::kAccepted, Input(A::kClose)).ok());  // no outcome needed there
}

TEST(AlertWorkflowTest, FieldsThatBelongToAnotherActionAreRefused) {
  ActionInput accept = Input(A::kAccept);
  accept.response_kind = ResponseKind::kExplained;
  ExpectFieldError(S::kResponded, accept, "response_kind does not belong to action accept");
  ActionInput withdraw = Input(A::kWithdraw, "false positive");
  withdraw.findings = "x";
  ExpectFieldError(S::kOpen, withdraw, "findings does not belong to action withdraw");
  ActionInput respond = Input(A::kRespond, "done");
  respond.response_kind = ResponseKind::kExplained;
  respond.outcome = "x";
  ExpectFieldError(S::kOpen, respond, "outcome does not belong to action respond");
}

TEST(AlertWorkflowTest, OverlongOrBrokenTextIsRefused) {
  ExpectFieldError(S::kOpen, Input(A::kWithdraw, std::string(kMaxFieldBytes + 1, 'x')),
                   "text is longer than 8000 bytes");
  EXPECT_TRUE(CheckFields(S::kOpen, Input(A::kWithdraw, std::string(kMaxFieldBytes, 'x'))).ok());
  ExpectFieldError(S::kOpen, Input(A::kWithdraw, "bad \xC3"), "text is not valid UTF-8");
}

TEST(AlertWorkflowTest, ApplyChecksTheTransitionBeforeTheFields) {
  base::Result<S> illegal = Apply(S::kClosed, Input(A::kWithdraw));  // also lacks text
  EXPECT_EQ(illegal.status().code(), base::StatusCode::kFailedPrecondition);
  base::Result<S> no_text = Apply(S::kOpen, Input(A::kWithdraw));
  EXPECT_EQ(no_text.status().code(), base::StatusCode::kInvalidArgument);
  base::Result<S> ok = Apply(S::kOpen, Input(A::kWithdraw, "rule retired"));
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(*ok, S::kWithdrawn);
}

}  // namespace
}  // namespace oversight::workflow
