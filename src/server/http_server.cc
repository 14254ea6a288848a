#include "server/http_server.h"

#include <httplib.h>
#include <spdlog/spdlog.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "server/rate_limiter.h"
#include "server/routes.h"

namespace oversight::server {
namespace {

constexpr const char* kSessionCookie = "ovs_session";

// The headers every answer carries (DESIGN §12: strict security headers).
void SecurityHeaders(httplib::Response& res) {
  res.set_header("X-Content-Type-Options", "nosniff");
  res.set_header("X-Frame-Options", "DENY");
  res.set_header("Referrer-Policy", "no-referrer");
  res.set_header("Cross-Origin-Opener-Policy", "same-origin");
  res.set_header("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
  res.set_header("Content-Security-Policy",
                 "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
                 "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; "
                 "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'");
}

// A path naming a file the build would produce (a missing one is a 404), as
// opposed to an app route whose last part merely contains a dot (a rule id).
bool LooksLikeFile(const std::string& path) {
  static constexpr std::string_view kFileExtensions[] = {
      ".js", ".mjs", ".css", ".map", ".html", ".json", ".txt", ".ico", ".png", ".svg",
      ".jpg", ".jpeg", ".gif", ".webp", ".woff", ".woff2", ".ttf", ".xml", ".webmanifest"};
  const std::string ext = std::filesystem::path(path).extension().string();
  for (std::string_view known : kFileExtensions) {
    if (ext == known) return true;
  }
  return false;
}

bool IsWrite(const std::string& method) {
  return method == "POST" || method == "PUT" || method == "PATCH" || method == "DELETE";
}

std::string CookieValue(const httplib::Request& req, std::string_view name) {
  const std::string header = req.get_header_value("Cookie");
  std::size_t pos = 0;
  while (pos < header.size()) {
    std::size_t end = header.find(';', pos);
    if (end == std::string::npos) end = header.size();
    std::string_view part(header.data() + pos, end - pos);
    while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
    if (part.size() > name.size() && part.substr(0, name.size()) == name &&
        part[name.size()] == '=') {
      return std::string(part.substr(name.size() + 1));
    }
    pos = end + 1;
  }
  return {};
}

std::string BearerToken(const httplib::Request& req) {
  const std::string header = req.get_header_value("Authorization");
  constexpr std::string_view kPrefix = "Bearer ";
  if (header.size() > kPrefix.size() && header.compare(0, kPrefix.size(), kPrefix) == 0) {
    return header.substr(kPrefix.size());
  }
  return {};
}

// "/api/v1/alerts/{id}/actions" → "/api/v1/alerts/([^/]+)/actions", names = {"id"}.
std::string ToPattern(const std::string& path, std::vector<std::string>& names) {
  std::string out;
  for (std::size_t i = 0; i < path.size(); ++i) {
    if (path[i] == '{') {
      const std::size_t close = path.find('}', i);
      names.push_back(path.substr(i + 1, close - i - 1));
      out += "([^/]+)";
      i = close;
    } else if (std::string_view(".+*?()[]|\\^$").find(path[i]) != std::string_view::npos) {
      out += '\\';
      out += path[i];
    } else {
      out += path[i];
    }
  }
  return out;
}

std::string MimeOf(const std::filesystem::path& path) {
  const std::string ext = path.extension().string();
  if (ext == ".html") return "text/html; charset=utf-8";
  if (ext == ".js" || ext == ".mjs") return "text/javascript; charset=utf-8";
  if (ext == ".css") return "text/css; charset=utf-8";
  if (ext == ".json") return "application/json";
  if (ext == ".svg") return "image/svg+xml";
  if (ext == ".png") return "image/png";
  if (ext == ".ico") return "image/x-icon";
  if (ext == ".woff2") return "font/woff2";
  return "application/octet-stream";
}

}  // namespace

class HttpServer::Impl {
 public:
  Impl(Service& service, HttpOptions options, std::function<base::Instant()> clock,
       const RouteTable& routes)
      : svc_(service),
        options_(std::move(options)),
        clock_(std::move(clock)),
        routes_(routes),
        limiter_(options_.public_rate_per_second, options_.public_burst) {
    const int threads = options_.threads;
    http_.new_task_queue = [threads] { return new httplib::ThreadPool(static_cast<size_t>(threads)); };
    http_.set_tcp_nodelay(true);
    http_.set_keep_alive_max_count(100'000);
    http_.set_keep_alive_timeout(30);
    http_.set_read_timeout(15, 0);
    http_.set_write_timeout(15, 0);
    http_.set_payload_max_length(options_.max_body_bytes);
    for (const Route& route : routes_) Register(route);
    http_.Get(R"(/api/.*)", [this](const httplib::Request&, httplib::Response& res) {
      Write(Reply::Error(404, "not_found", "no such API route"), res);
    });
    http_.Get(R"(/.*)", [this](const httplib::Request& req, httplib::Response& res) {
      ServeFile(req, res);
    });
    // Answers the library produces itself (no route, body too large, bad request
    // line) get the same JSON error shape.
    http_.set_error_handler([this](const httplib::Request&, httplib::Response& res) {
      if (!res.body.empty()) return;
      std::string code = res.status == 413 ? "payload_too_large"
                         : res.status == 404 ? "not_found"
                         : res.status == 405 ? "method_not_allowed"
                                             : "bad_request";
      std::string message = res.status == 413
                                ? "the request body is larger than " +
                                      std::to_string(options_.max_body_bytes) + " bytes"
                                : "the request could not be served";
      Write(Reply::Error(res.status, code, message), res);
    });
    http_.set_exception_handler(
        [this](const httplib::Request& req, httplib::Response& res, std::exception_ptr) {
          spdlog::error("msg=\"unexpected exception\" method={} path={}", req.method, req.path);
          Write(Reply::Error(500, "internal", "the server could not complete the request"), res);
        });
  }

  base::Result<int> Bind() {
    int port = options_.port;
    if (port == 0) {
      port = http_.bind_to_any_port(options_.host);
      if (port < 0) return base::Unavailable("cannot bind " + options_.host);
    } else if (!http_.bind_to_port(options_.host, port)) {
      return base::Unavailable("cannot listen on " + options_.host + ":" + std::to_string(port) +
                               " (in use, or not allowed)");
    }
    return port;
  }

  base::Status Listen() {
    if (!http_.listen_after_bind()) return base::Unavailable("the listening socket failed");
    return base::Status::Ok();
  }

  void Stop() {
    svc_.hub().Close();
    http_.stop();
  }

 private:
  void Register(const Route& route) {
    std::vector<std::string> names;
    const std::string pattern = ToPattern(route.path, names);
    auto handler = [this, &route, names](const httplib::Request& req, httplib::Response& res) {
      Handle(route, names, req, res);
    };
    if (route.method == "GET") {
      http_.Get(pattern, handler);
    } else if (route.method == "POST") {
      http_.Post(pattern, handler);
    } else if (route.method == "PUT") {
      http_.Put(pattern, handler);
    } else if (route.method == "DELETE") {
      http_.Delete(pattern, handler);
    } else if (route.method == "PATCH") {
      http_.Patch(pattern, handler);
    }
  }

  void Handle(const Route& route, const std::vector<std::string>& names,
              const httplib::Request& req, httplib::Response& res) {
    const auto started = std::chrono::steady_clock::now();
    Call call;
    call.method = req.method;
    call.path = req.path;
    for (std::size_t i = 0; i < names.size() && i + 1 < req.matches.size(); ++i) {
      call.params[names[i]] = req.matches[i + 1].str();
    }
    for (const auto& [k, v] : req.params) call.query.emplace(k, v);
    call.body = req.body;
    call.content_type = req.get_header_value("Content-Type");
    call.client = req.remote_addr;
    call.now = clock_();
    Reply reply = Dispatch(route, call, req);
    Write(reply, res);
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    svc_.metrics().ObserveRequest(res.status, seconds);
    const std::string who = call.principal ? call.principal->name : "-";
    if (IsWrite(req.method) || res.status >= 400) {
      spdlog::info("msg=request method={} path={} status={} user={} ms={:.1f} client={}", req.method,
                   req.path, res.status, who, seconds * 1e3, call.client);
    } else {
      spdlog::debug("msg=request method={} path={} status={} user={} ms={:.1f}", req.method, req.path,
                    res.status, who, seconds * 1e3);
    }
  }

  Reply Dispatch(const Route& route, Call& call, const httplib::Request& req) {
    const bool is_public = route.access == Access::kPublic;
    if ((is_public || route.path == "/api/v1/session") && !limiter_.Allow(call.client, call.now)) {
      return Reply::Error(429, "rate_limited", "too many requests from this address; slow down");
    }
    if (IsWrite(call.method) && !call.body.empty()) {
      const std::string& type = call.content_type;
      if (type.rfind("application/json", 0) != 0 && type.rfind("application/x-ndjson", 0) != 0 &&
          type.rfind("text/csv", 0) != 0 && type.rfind("application/gzip", 0) != 0) {
        return Reply::Error(415, "unsupported_media_type",
                            "send application/json (events also as application/x-ndjson, "
                            "text/csv or application/gzip)",
                            "Content-Type");
      }
    }
    const std::string bearer = BearerToken(req);
    const std::string cookie = CookieValue(req, kSessionCookie);
    if (!bearer.empty()) {
      if (route.access != Access::kIngest) {
        return Reply::Error(403, "forbidden", "an API token may only push events; sign in for this");
      }
      auto lock = svc_.Lock();
      base::Result<std::optional<auth::Principal>> p = svc_.auth().AuthenticateToken(bearer, call.now);
      if (!p.ok()) return Reply::FromStatus(p.status());
      if (!*p) return Reply::Error(401, "unauthenticated", "the API token is unknown or revoked");
      call.principal = std::move(**p);
    } else if (!cookie.empty()) {
      auto lock = svc_.Lock();
      base::Result<std::optional<auth::Principal>> p = svc_.auth().AuthenticateSession(cookie, call.now);
      if (!p.ok()) return Reply::FromStatus(p.status());
      if (*p) {
        call.principal = std::move(**p);
        call.session_token = cookie;
      } else if (!is_public) {
        return Reply::Error(401, "session_expired", "the session has expired; sign in again");
      }
    } else if (!is_public) {
      return Reply::Error(401, "unauthenticated", "sign in first (or send an API token)");
    }
    // Browser writes must prove they come from our own pages (the cookie alone
    // would be sent by any site's form).
    if (call.principal && !call.principal->is_token && IsWrite(call.method) && !is_public) {
      auto lock = svc_.Lock();
      if (!svc_.auth().CheckCsrf(call.session_token, req.get_header_value("X-CSRF-Token"))) {
        return Reply::Error(403, "csrf", "missing or wrong X-CSRF-Token header", "X-CSRF-Token");
      }
    }
    // An account whose password someone else chose may only change it (and sign out).
    if (call.principal && call.principal->must_change_password && route.path != "/api/v1/session" &&
        route.path != "/api/v1/session/password") {
      return Reply::Error(403, "password_change_required",
                          "change your password first (PUT /api/v1/session/password)");
    }
    if (route.permission) {
      if (!call.principal || !call.principal->Can(*route.permission)) {
        if (call.principal) {
          auto lock = svc_.Lock();
          (void)svc_.Record(call, "access.denied", call.method + " " + route.path, "denied",
                            std::string(auth::PermissionName(*route.permission)));
        }
        return Reply::Error(403, "forbidden",
                            "your role does not allow this (" +
                                std::string(auth::PermissionName(*route.permission)) + ")");
      }
    }
    return route.handler(call);
  }

  void Write(const Reply& reply, httplib::Response& res) {
    SecurityHeaders(res);
    res.status = reply.status;
    for (const auto& [k, v] : reply.headers) res.set_header(k, v);
    if (reply.stream) {
      res.set_header("Cache-Control", "no-store");
      res.set_header("X-Accel-Buffering", "no");
      auto sub = reply.stream;
      res.set_chunked_content_provider(
          "text/event-stream", [sub](size_t, httplib::DataSink& sink) {
            sink.write(": connected\n\n", 13);
            int idle_ms = 0;
            while (!sub->closed()) {
              std::optional<SseMessage> m = sub->Next(1000);
              if (!m) {
                idle_ms += 1000;
                if (idle_ms >= 15'000) {  // a comment keeps proxies from closing the stream
                  idle_ms = 0;
                  if (!sink.write(": keep-alive\n\n", 14)) return false;
                }
                if (!sink.is_writable()) return false;
                continue;
              }
              idle_ms = 0;
              std::string frame = "event: " + m->event + "\n";
              if (m->id != 0) frame += "id: " + std::to_string(m->id) + "\n";
              frame += "data: " + m->data + "\n\n";
              if (!sink.write(frame.data(), frame.size())) return false;
            }
            sink.done();
            return true;
          });
      return;
    }
    if (reply.content_type.rfind("application/json", 0) == 0 &&
        std::none_of(reply.headers.begin(), reply.headers.end(),
                     [](const auto& h) { return h.first == "Cache-Control"; })) {
      res.set_header("Cache-Control", "no-store");
    }
    res.set_content(reply.body, reply.content_type);
  }

  // The web app's files. Paths are resolved inside the asset folder only: a
  // request for ../anything, an absolute path or a symlink out is refused.
  void ServeFile(const httplib::Request& req, httplib::Response& res) {
    namespace fs = std::filesystem;
    if (options_.asset_dir.empty()) {
      Write(Reply::Error(404, "not_found", "no web app is installed"), res);
      return;
    }
    const std::string& path = req.path;
    if (path.find("..") != std::string::npos || path.find('\\') != std::string::npos ||
        path.find('\0') != std::string::npos || path.empty() || path[0] != '/') {
      Write(Reply::Error(400, "bad_path", "the path is not allowed"), res);
      return;
    }
    std::error_code ec;
    const fs::path root = fs::weakly_canonical(options_.asset_dir, ec);
    fs::path file = fs::weakly_canonical(root / path.substr(1), ec);
    const bool inside = !ec && file.string().rfind(root.string(), 0) == 0;
    bool is_index = false;
    if (!inside || !fs::is_regular_file(file, ec)) {
      // Client-side routes (/cases/123, /rules/license.accept-within-5-days)
      // load the app, which routes itself; a missing file is a plain 404.
      if (path.rfind("/assets/", 0) == 0 || LooksLikeFile(path)) {
        Write(Reply::Error(404, "not_found", "no such file"), res);
        return;
      }
      file = root / "index.html";
      is_index = true;
    }
    std::ifstream in(file, std::ios::binary);
    if (!in) {
      Write(Reply::Error(404, "not_found", "no such file"), res);
      return;
    }
    std::ostringstream body;
    body << in.rdbuf();
    SecurityHeaders(res);
    // Built assets carry a content hash in their names: cache them for a year;
    // index.html must be revalidated so a new build is picked up at once.
    const bool hashed = path.rfind("/assets/", 0) == 0 && !is_index;
    res.set_header("Cache-Control", hashed ? "public, max-age=31536000, immutable" : "no-cache");
    res.status = 200;
    res.set_content(body.str(), MimeOf(file));
  }

  Service& svc_;
  HttpOptions options_;
  std::function<base::Instant()> clock_;
  const RouteTable& routes_;
  RateLimiter limiter_;
  httplib::Server http_;
};

HttpServer::HttpServer(Service& service, HttpOptions options, std::function<base::Instant()> clock)
    : routes_(BuildRoutes(service)) {
  impl_ = std::make_unique<Impl>(service, std::move(options), std::move(clock), routes_);
}

HttpServer::~HttpServer() = default;

base::Result<int> HttpServer::Bind() { return impl_->Bind(); }
base::Status HttpServer::Listen() { return impl_->Listen(); }
void HttpServer::Stop() { impl_->Stop(); }

}  // namespace oversight::server
