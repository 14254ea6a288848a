// oversight serve: the HTTP API, the engine live on the clock, and the web app.

#include <pthread.h>
#include <signal.h>

#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/commands.h"
#include "cli/engine_setup.h"
#include "cli/exit_code.h"
#include "cli/store_access.h"
#include "server/serve.h"
#include "server/server_config.h"

namespace oversight::cli {

int RunServe(const ServeArgs& args, const Environment& env, std::ostream& out) {
  server::ServeOptions options;
  if (!args.config.empty()) {
    std::ifstream in(args.config, std::ios::binary);
    if (!in) return Fail(base::NotFound("cannot read " + args.config));
    std::ostringstream text;
    text << in.rdbuf();
    if (base::Status s = server::ApplyServeConfig(text.str(), args.config, options); !s.ok()) return Fail(s);
  }
  if (!args.listen.empty()) {
    if (base::Status s = server::ParseListen(args.listen, options.http); !s.ok()) return Fail(s);
  }
  if (!args.assets.empty()) options.http.asset_dir = args.assets;
  options.service.engine = EngineSetupFrom(args.rules_dir, args.calendar, /*active_only=*/true);
  options.service.zone = args.calendar.zone;
  // SIGTERM and SIGINT are taken by one waiting thread in server::Serve; block
  // them before the store starts its checkpoint thread, which would otherwise
  // take them with their default action (an abrupt exit, not a graceful stop).
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGTERM);
  sigaddset(&stop_signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
  auto store = OpenStoreForWriting(args.store, env);
  if (!store.ok()) return Fail(store.status());
  base::Status served = server::Serve(std::move(*store), std::move(options), env.clock, out);
  if (!served.ok()) return Fail(served);
  return kExitOk;
}

}  // namespace oversight::cli
