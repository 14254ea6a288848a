// oversight token create | revoke | list: API tokens for the departments'
// systems that push case events. A token is shown once, at creation; the store
// keeps only its hash. Every change is an operations audit record.

#include <ostream>

#include "auth/authenticator.h"
#include "base/strings.h"
#include "cli/commands.h"
#include "cli/exit_code.h"
#include "cli/store_access.h"
#include "store/identity_store.h"
#include "store/ops_log.h"

namespace oversight::cli {
namespace {

constexpr char kCliRole[] = "cli";
constexpr char kCliClient[] = "local";

// Records the operation; a change that cannot be audited is reported as failed.
int Finish(store::Store& store, const Environment& env, const TokenArgs& args,
           std::string_view action, const std::string& object, const base::Status& status,
           std::string_view detail = {}) {
  const store::OpsActor who{args.by, kCliRole, kCliClient};
  std::string text(detail);
  if (!status.ok()) text = "{\"error\":\"" + base::JsonEscape(status.message()) + "\"}";
  base::Result<std::int64_t> seq = store::RecordOp(store.ops_log(), env.clock(), who, action,
                                                   object, status.ok() ? "ok" : "failed", text);
  if (!status.ok()) return Fail(status);
  if (!seq.ok()) return Fail(seq.status().WithContext("recording " + std::string(action)));
  return kExitOk;
}

std::string Departments(const std::vector<std::string>& codes) {
  if (codes.empty()) return "any";
  std::string joined;
  for (const std::string& code : codes) joined += (joined.empty() ? "" : ",") + code;
  return joined;
}

std::string JsonInstantOrNull(const std::optional<base::Instant>& at) {
  return at ? "\"" + base::FormatInstantUtc(*at) + "\"" : "null";
}

void PrintTokenJson(const store::TokenRecord& token, std::ostream& out) {
  out << "{\"id\":" << token.id << ",\"name\":\"" << base::JsonEscape(token.name)
      << "\",\"source\":\"" << base::JsonEscape(token.source) << "\",\"dept_codes\":[";
  for (std::size_t i = 0; i < token.dept_codes.size(); ++i) {
    out << (i ? "," : "") << "\"" << base::JsonEscape(token.dept_codes[i]) << "\"";
  }
  out << "],\"created_by\":\"" << base::JsonEscape(token.created_by) << "\",\"created_at\":\""
      << base::FormatInstantUtc(token.created_at)
      << "\",\"revoked_at\":" << JsonInstantOrNull(token.revoked_at)
      << ",\"last_used_at\":" << JsonInstantOrNull(token.last_used_at) << "}";
}

}  // namespace

int RunTokenCreate(const TokenArgs& args, const Environment& env, std::ostream& out) {
  auto store = OpenStoreForWriting(args.store, env);
  if (!store.ok()) return Fail(store.status());
  auth::Authenticator auth((*store)->identity(), auth::AuthPolicy{});
  auth::NewToken token{args.name, args.source, args.depts, args.by};
  base::Result<auth::CreatedToken> created = auth.CreateToken(token, env.clock());
  const std::string object =
      created.ok() ? "token:" + std::to_string(created->record.id) : "token:";
  const std::string detail = "{\"name\":\"" + base::JsonEscape(args.name) + "\",\"source\":\"" +
                             base::JsonEscape(args.source) + "\",\"dept_codes\":\"" +
                             base::JsonEscape(Departments(args.depts)) + "\"}";
  // A Result holds an OK status when it holds a value.
  if (int code = Finish(**store, env, args, "token.create", object, created.status(), detail);
      code != kExitOk) {
    return code;
  }
  const store::TokenRecord& record = created->record;
  out << created->token << "\n"
      << "token " << record.id << " '" << record.name << "' for source " << record.source
      << ", departments: " << Departments(record.dept_codes) << "\n"
      << "This token is shown only this once and cannot be shown again; the store keeps only its "
         "hash.\n";
  return kExitOk;
}

int RunTokenRevoke(const TokenArgs& args, const Environment& env, std::ostream& out) {
  auto store = OpenExistingStore(args.store, env);
  if (!store.ok()) return Fail(store.status());
  auth::Authenticator auth((*store)->identity(), auth::AuthPolicy{});
  const std::string object = "token:" + std::to_string(args.id);
  if (int code = Finish(**store, env, args, "token.revoke", object,
                        auth.RevokeToken(args.id, env.clock()));
      code != kExitOk) {
    return code;
  }
  out << "revoked token " << args.id << ": it no longer authenticates\n";
  return kExitOk;
}

int RunTokenList(const TokenArgs& args, const Environment& env, std::ostream& out) {
  auto store = OpenExistingStore(args.store, env);
  if (!store.ok()) return Fail(store.status());
  base::Result<std::vector<store::TokenRecord>> tokens = (*store)->identity().ListTokens();
  if (!tokens.ok()) return Fail(tokens.status());
  if (args.json) {
    out << "[";
    for (std::size_t i = 0; i < tokens->size(); ++i) {
      out << (i ? ",\n" : "");
      PrintTokenJson((*tokens)[i], out);
    }
    out << "]\n";
    return kExitOk;
  }
  if (tokens->empty()) {
    out << "no tokens (oversight token create issues one)\n";
    return kExitOk;
  }
  for (const store::TokenRecord& token : *tokens) {
    out << token.id << "  " << token.name << "  source " << token.source << "  departments "
        << Departments(token.dept_codes) << "  ";
    if (token.revoked_at) {
      out << "revoked " << base::FormatInstantUtc(*token.revoked_at);
    } else {
      out << "active, last used "
          << (token.last_used_at ? base::FormatInstantUtc(*token.last_used_at)
                                 : std::string("never"));
    }
    out << "\n";
  }
  return kExitOk;
}

}  // namespace oversight::cli
