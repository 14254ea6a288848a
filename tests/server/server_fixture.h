#pragma once

// A real `oversight serve` stack in the test process: a temp SQLite store with
// a small demo city judged by the shipped rules, the HTTP server on a free
// loopback port, and an injected clock the test moves. Users of every role.

#include <httplib.h>
#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>

#include "server/http_server.h"
#include "server/service.h"
#include "tests/testing/temp_dir.h"

namespace oversight::server::testing {

// A signed-in browser: its cookie and CSRF token.
struct Session {
  std::string cookie;
  std::string csrf;
};

struct Answer {
  int status = 0;
  nlohmann::json json;  // null when the body is not JSON
  std::string body;
  httplib::Headers headers;
};

class ServerTest : public ::testing::Test {
 protected:
  static constexpr const char* kPassword = "Oversight#2026ok";

  void SetUp() override;
  void TearDown() override;

  // Departments of the demo city that have alerts (the first two by code).
  const std::string& dept_a() const { return dept_a_; }
  const std::string& dept_b() const { return dept_b_; }

  Session SignIn(const std::string& name, const std::string& password = kPassword);
  Answer Get(const std::string& path, const Session* session = nullptr,
             const httplib::Headers& extra = {});
  Answer Send(const std::string& method, const std::string& path, const std::string& body,
              const Session* session, const std::string& content_type = "application/json",
              const httplib::Headers& extra = {});
  Answer Post(const std::string& path, const nlohmann::json& body, const Session& session) {
    return Send("POST", path, body.dump(), &session);
  }

  // Moves the injected clock.
  void Advance(std::chrono::milliseconds by) { now_ += by; }
  base::Instant now() const { return now_; }
  Service& service() { return *service_; }
  const RouteTable& routes() const { return http_->routes(); }
  int port() const { return port_; }

  // An alert of `dept` in `state` (via the store, unscoped), or 0.
  std::int64_t AlertOf(const std::string& dept, const std::string& state = "open");

 private:
  oversight::testing::TempDir dir_;
  base::Instant now_{};
  std::unique_ptr<Service> service_;
  std::unique_ptr<HttpServer> http_;
  std::thread listener_;
  int port_ = 0;
  std::string dept_a_;
  std::string dept_b_;
};

}  // namespace oversight::server::testing
