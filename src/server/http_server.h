#pragma once

// The HTTP side of `oversight serve` (cpp-httplib): registers the route table,
// and around every handler applies the size limits, sign-in (session cookie or
// bearer token), CSRF on browser writes, the permission check, security headers,
// JSON errors, the latency metric and the access log. Serves the web app's
// files and relays alert streams. See docs/ARCHITECTURE.md for why cpp-httplib.

#include <functional>
#include <memory>
#include <string>

#include "base/status.h"
#include "server/route.h"
#include "server/service.h"

namespace oversight::server {

struct HttpOptions {
  std::string host = "127.0.0.1";
  int port = 8080;                       // 0: pick a free port (tests)
  std::string asset_dir;                 // the web app's built files; "" for none
  std::size_t max_body_bytes = 8 << 20;  // larger requests get 413
  int threads = 96;                      // one per connection (keep-alive), plus streams
  double public_rate_per_second = 20;    // per client address, public routes and sign-in
  double public_burst = 60;
};

class HttpServer {
 public:
  HttpServer(Service& service, HttpOptions options, std::function<base::Instant()> clock);
  ~HttpServer();

  // Binds the address; returns the port bound (useful with port 0).
  base::Result<int> Bind();
  // Serves until Stop(); in-flight requests finish before it returns.
  base::Status Listen();
  void Stop();

  const RouteTable& routes() const { return routes_; }

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
  RouteTable routes_;
};

}  // namespace oversight::server
