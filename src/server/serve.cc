#include "server/serve.h"

#include <pthread.h>
#include <signal.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <condition_variable>
#include <filesystem>
#include <mutex>
#include <thread>

#include "server/server_config.h"

namespace oversight::server {
namespace {

// Runs the service's jobs every `interval` until stopped.
class JobLoop {
 public:
  JobLoop(Service& service, std::function<base::Instant()> clock, std::chrono::milliseconds interval)
      : thread_([this, &service, clock = std::move(clock), interval] {
          std::unique_lock lock(mu_);
          while (!stop_) {
            cv_.wait_for(lock, interval, [&] { return stop_; });
            if (stop_) break;
            lock.unlock();
            service.RunJobs(clock());
            lock.lock();
          }
        }) {}
  ~JobLoop() {
    {
      std::lock_guard lock(mu_);
      stop_ = true;
    }
    cv_.notify_all();
    thread_.join();
  }

 private:
  std::mutex mu_;
  std::condition_variable cv_;
  bool stop_ = false;
  std::thread thread_;
};

// The web app's folder: the one configured, or the first default that exists
// (server_config.h). Without one the API still serves; the log says which.
void ChooseAssetDir(HttpOptions& http) {
  if (!http.asset_dir.empty()) {
    spdlog::info("msg=\"serving the web app\" assets=\"{}\"", http.asset_dir);
    return;
  }
  std::error_code ec;
  std::filesystem::path executable = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (ec) executable.clear();
  std::filesystem::path working_dir = std::filesystem::current_path(ec);
  if (ec) working_dir = ".";
  const std::vector<std::filesystem::path> candidates = DefaultAssetCandidates(executable, working_dir);
  std::optional<std::filesystem::path> found =
      FirstExistingFolder(candidates, [](const std::filesystem::path& p) {
        std::error_code ignored;
        return std::filesystem::is_directory(p, ignored);
      });
  if (found) {
    http.asset_dir = found->string();
    spdlog::info("msg=\"serving the web app\" assets=\"{}\" (default)", http.asset_dir);
    return;
  }
  std::string looked;
  for (const std::filesystem::path& c : candidates) looked += (looked.empty() ? "" : ", ") + c.string();
  spdlog::warn("msg=\"no web app found; serving the API only (set --assets)\" looked_in=\"{}\"", looked);
}

}  // namespace

base::Status Serve(std::unique_ptr<store::Store> store, ServeOptions options,
                   std::function<base::Instant()> clock, std::ostream& out) {
  // Signals go to one thread that waits for them; every other thread (the
  // HTTP pool, the jobs) inherits the blocked mask.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  // Structured logs: one line per event, key=value after the time and level, so
  // that log shippers can parse them without a custom grammar.
  // Logs go to stderr; stdout carries what the operator must read (the address,
  // first-start passwords).
  if (!spdlog::get("oversight")) spdlog::set_default_logger(spdlog::stderr_color_mt("oversight"));
  spdlog::set_pattern("%Y-%m-%dT%H:%M:%S.%e%z level=%l %v");
  Service service(std::move(store), options.service);
  spdlog::info("msg=\"loading rules and judging the stored history\"");
  OVS_RETURN_IF_ERROR(service.Start(clock(), out));
  ChooseAssetDir(options.http);
  HttpServer http(service, options.http, clock);
  OVS_ASSIGN_OR_RETURN(int port, http.Bind());
  out << "Oversight is serving on http://" << options.http.host << ":" << port << "/" << std::endl;
  spdlog::info("msg=listening host={} port={}", options.http.host, port);

  std::thread waiter([&] {
    int received = 0;
    sigwait(&signals, &received);
    spdlog::info("msg=\"finishing in-flight requests\" signal={}", received);
    http.Stop();
  });
  base::Status served;
  {
    JobLoop jobs(service, clock, options.job_interval);
    served = http.Listen();
  }
  if (!served.ok()) {
    // Listen failed before any signal: wake the waiter so it can be joined.
    pthread_kill(waiter.native_handle(), SIGTERM);
  }
  waiter.join();
  {
    auto lock = service.Lock();
    OVS_RETURN_IF_ERROR(service.store().Flush());
  }
  spdlog::info("msg=stopped");
  return served;
}

}  // namespace oversight::server
