#include "server/server_config.h"

#include <yaml-cpp/yaml.h>

#include <charconv>
#include <set>

namespace oversight::server {
namespace {

base::Status Unknown(const YAML::Node& node, const std::set<std::string>& known, std::string_view file,
                     const std::string& section) {
  for (const auto& kv : node) {
    const std::string key = kv.first.as<std::string>();
    if (!known.contains(key)) {
      return base::InvalidArgument(std::string(file) + ":" + std::to_string(kv.first.Mark().line + 1) +
                                   ": unknown setting '" + section + key + "'");
    }
  }
  return base::Status::Ok();
}

template <typename T>
base::Status Read(const YAML::Node& node, const char* key, T& out, std::string_view file, T min, T max) {
  if (!node[key]) return base::Status::Ok();
  T value{};
  try {
    value = node[key].as<T>();
  } catch (const YAML::Exception&) {
    return base::InvalidArgument(std::string(file) + ":" + std::to_string(node[key].Mark().line + 1) +
                                 ": '" + key + "' has the wrong type");
  }
  if (value < min || value > max) {
    return base::InvalidArgument(std::string(file) + ": '" + key + "' is out of range");
  }
  out = value;
  return base::Status::Ok();
}

}  // namespace

base::Status ParseListen(std::string_view text, HttpOptions& http) {
  const std::size_t colon = text.rfind(':');
  if (colon == std::string_view::npos || colon == 0) {
    return base::InvalidArgument("--listen must be HOST:PORT, e.g. 127.0.0.1:8080");
  }
  int port = -1;
  const std::string_view digits = text.substr(colon + 1);
  auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), port);
  if (ec != std::errc() || ptr != digits.data() + digits.size() || port < 0 || port > 65535) {
    return base::InvalidArgument("--listen: the port must be 0..65535");
  }
  http.host = std::string(text.substr(0, colon));
  http.port = port;
  return base::Status::Ok();
}

base::Status ApplyServeConfig(std::string_view yaml_text, std::string_view file, ServeOptions& options) {
  YAML::Node root;
  try {
    root = YAML::Load(std::string(yaml_text));
  } catch (const YAML::Exception& e) {
    return base::InvalidArgument(std::string(file) + ": not valid YAML: " + e.what());
  }
  if (root.IsNull()) return base::Status::Ok();
  if (!root.IsMap()) return base::InvalidArgument(std::string(file) + ": expected a mapping");
  OVS_RETURN_IF_ERROR(Unknown(root, {"listen", "assets", "secure_cookies", "auth", "escalation", "limits", "jobs", "scoring", "ratings"}, file, ""));
  if (root["listen"]) OVS_RETURN_IF_ERROR(ParseListen(root["listen"].as<std::string>(), options.http));
  if (root["assets"]) options.http.asset_dir = root["assets"].as<std::string>();
  if (root["secure_cookies"]) options.service.secure_cookies = root["secure_cookies"].as<bool>();
  if (const YAML::Node auth = root["auth"]) {
    OVS_RETURN_IF_ERROR(Unknown(auth, {"max_failures", "lockout_minutes", "idle_timeout_minutes",
                                       "absolute_timeout_hours", "password_min_length"}, file, "auth."));
    auth::AuthPolicy& p = options.service.auth;
    int lockout = static_cast<int>(std::chrono::duration_cast<std::chrono::minutes>(p.lockout).count());
    int idle = static_cast<int>(std::chrono::duration_cast<std::chrono::minutes>(p.idle_timeout).count());
    int absolute = static_cast<int>(std::chrono::duration_cast<std::chrono::hours>(p.absolute_timeout).count());
    OVS_RETURN_IF_ERROR(Read(auth, "max_failures", p.max_failures, file, 1, 100));
    OVS_RETURN_IF_ERROR(Read(auth, "lockout_minutes", lockout, file, 1, 24 * 60));
    OVS_RETURN_IF_ERROR(Read(auth, "idle_timeout_minutes", idle, file, 1, 24 * 60));
    OVS_RETURN_IF_ERROR(Read(auth, "absolute_timeout_hours", absolute, file, 1, 24 * 7));
    OVS_RETURN_IF_ERROR(Read(auth, "password_min_length", p.password.min_length, file, 8, 128));
    p.lockout = std::chrono::minutes(lockout);
    p.idle_timeout = std::chrono::minutes(idle);
    p.absolute_timeout = std::chrono::hours(absolute);
  }
  if (const YAML::Node esc = root["escalation"]) {
    OVS_RETURN_IF_ERROR(Unknown(esc, {"working_days"}, file, "escalation."));
    OVS_RETURN_IF_ERROR(Read(esc, "working_days", options.service.escalate_after_working_days, file, 1, 60));
  }
  if (const YAML::Node limits = root["limits"]) {
    OVS_RETURN_IF_ERROR(Unknown(limits, {"max_body_bytes", "max_events_per_request", "threads",
                                         "public_rate_per_second", "public_burst"}, file, "limits."));
    std::size_t body = options.http.max_body_bytes;
    OVS_RETURN_IF_ERROR(Read<std::size_t>(limits, "max_body_bytes", body, file, 1024, std::size_t{256} << 20));
    options.http.max_body_bytes = body;
    std::size_t events = options.service.max_events_per_request;
    OVS_RETURN_IF_ERROR(Read<std::size_t>(limits, "max_events_per_request", events, file, 1, 1'000'000));
    options.service.max_events_per_request = events;
    OVS_RETURN_IF_ERROR(Read(limits, "threads", options.http.threads, file, 4, 1024));
    OVS_RETURN_IF_ERROR(Read(limits, "public_rate_per_second", options.http.public_rate_per_second, file, 0.1, 10000.0));
    OVS_RETURN_IF_ERROR(Read(limits, "public_burst", options.http.public_burst, file, 1.0, 100000.0));
  }
  if (const YAML::Node scoring = root["scoring"]) {
    OVS_RETURN_IF_ERROR(Unknown(scoring, {"model"}, file, "scoring."));
    if (scoring["model"]) options.service.scoring_model_file = scoring["model"].as<std::string>();
  }
  if (const YAML::Node ratings = root["ratings"]) {
    OVS_RETURN_IF_ERROR(Unknown(ratings, {"default_after_days", "default_level"}, file, "ratings."));
    OVS_RETURN_IF_ERROR(Read(ratings, "default_after_days", options.service.default_rating_after_days, file, 0, 365));
    // A default is never a bad rating (4, 5): it would open a rectification case nobody asked for.
    OVS_RETURN_IF_ERROR(Read(ratings, "default_level", options.service.default_rating_level, file, 1, 3));
  }
  if (const YAML::Node jobs = root["jobs"]) {
    OVS_RETURN_IF_ERROR(Unknown(jobs, {"interval_seconds"}, file, "jobs."));
    int seconds = static_cast<int>(options.job_interval.count() / 1000);
    OVS_RETURN_IF_ERROR(Read(jobs, "interval_seconds", seconds, file, 1, 3600));
    options.job_interval = std::chrono::seconds(seconds);
  }
  return base::Status::Ok();
}

std::vector<std::filesystem::path> DefaultAssetCandidates(const std::filesystem::path& executable,
                                                          const std::filesystem::path& working_dir) {
  std::vector<std::filesystem::path> out;
  if (!executable.empty()) {
    out.push_back((executable.parent_path() / ".." / "share" / "oversight" / "web").lexically_normal());
  }
  out.push_back((working_dir / "web" / "dist").lexically_normal());
  return out;
}

std::optional<std::filesystem::path> FirstExistingFolder(
    const std::vector<std::filesystem::path>& candidates,
    const std::function<bool(const std::filesystem::path&)>& is_directory) {
  for (const std::filesystem::path& candidate : candidates) {
    if (is_directory(candidate)) return candidate;
  }
  return std::nullopt;
}

}  // namespace oversight::server
