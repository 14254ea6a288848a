#pragma once

// `oversight serve`: the service, its HTTP side and the scheduled jobs, until
// SIGTERM or SIGINT. Shutdown is graceful: stop accepting, let in-flight
// requests finish, stop the jobs, flush the store, return.

#include <chrono>
#include <functional>
#include <memory>
#include <ostream>

#include "server/http_server.h"
#include "server/service.h"

namespace oversight::server {

struct ServeOptions {
  HttpOptions http;
  ServiceOptions service;
  std::chrono::milliseconds job_interval{5000};  // deadlines, escalation, session expiry
};

base::Status Serve(std::unique_ptr<store::Store> store, ServeOptions options,
                   std::function<base::Instant()> clock, std::ostream& out);

}  // namespace oversight::server
