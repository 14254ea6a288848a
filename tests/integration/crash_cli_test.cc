// `oversight serve` survives kill -9 at any moment: a 200 from POST
// /api/v1/events means the batch is durable. Rounds of ingest from two client
// connections are cut short by SIGKILL at seeded points (after a few
// acknowledged batches, plus a short delay that lands mid-request); after every
// round the server restarts on the same store. At the end every acknowledged
// event is stored exactly once, re-sending every batch adds no doubles, both
// hash chains verify, the case summaries match the events, and the alerts
// equal those of a fresh `oversight run` over the same events in a new store.

#include <fcntl.h>
#include <httplib.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdio>
#include <chrono>
#include <condition_variable>
#include <cstring>
#include <map>
#include <mutex>
#include <random>
#include <set>
#include <string_view>
#include <thread>
#include <tuple>

#include "tests/integration/cli_test_support.h"

extern char** environ;

namespace oversight::testing {
namespace {

constexpr char kSource[] = "crash";
constexpr int kRounds = 6;
constexpr int kCasesPerBatch = 50;  // two events each: submit and accept
constexpr int kMaxBatchesPerRound = 60;

// One request body and the source_event_id of each of its lines.
struct Batch {
  std::string body;
  std::vector<std::string> ids;
};

// Batch `index`: kCasesPerBatch new cases of the two catalog departments, each
// submitted and accepted; every source_event_id is new.
Batch MakeBatch(int index) {
  Batch batch;
  for (int c = 0; c < kCasesPerBatch; ++c) {
    const int number = index * kCasesPerBatch + c;
    char case_id[32];
    std::snprintf(case_id, sizeof case_id, "445200-2025-%06d", number);
    const bool other = number % 2 == 1;
    const char* dept = other ? kOtherDept : kDept;
    const char* item = other ? kOtherItem : kItem;
    for (const char* type : {"submit", "accept"}) {
      const std::string id = "b" + std::to_string(index) + "-" + std::to_string(c) + "-" + type;
      const std::string at =
          std::string(type) == "submit" ? "2025-03-03T09:12:33+08:00" : "2025-03-04T10:00:00+08:00";
      batch.body += EventLine(id, {{"case_id", case_id}, {"type", type}, {"at", at},
                                   {"dept", dept}, {"item", item}});
      batch.body += '\n';
      batch.ids.push_back(id);
    }
  }
  return batch;
}

// What one request brought back: no status when it got no answer (the server
// died), else the status of every line when it was a 200.
struct Sent {
  int status = 0;  // HTTP status; 0 without an answer
  std::vector<std::string> line_status;
  std::string body;
};

Sent PostBatch(httplib::Client& client, const std::string& token, const Batch& batch) {
  Sent sent;
  httplib::Headers headers{{"Authorization", "Bearer " + token}};
  httplib::Result r = client.Post("/api/v1/events", headers, batch.body, "application/x-ndjson");
  if (!r) return sent;
  sent.status = r->status;
  sent.body = r->body;
  if (r->status != 200) return sent;
  nlohmann::json answer = nlohmann::json::parse(r->body, nullptr, /*allow_exceptions=*/false);
  if (!answer.is_object() || !answer["results"].is_array()) return sent;
  sent.line_status.assign(batch.ids.size(), "");
  for (const nlohmann::json& result : answer["results"]) {
    const std::int64_t line = result.value("line", std::int64_t{0});
    if (line >= 1 && line <= static_cast<std::int64_t>(batch.ids.size())) {
      sent.line_status[static_cast<std::size_t>(line - 1)] = result.value("status", "");
    }
  }
  return sent;
}

// `oversight serve` as a child process: stdout through a pipe (to read the
// address it binds), stderr into a file of the temporary directory.
class ServerProcess {
 public:
  ServerProcess(const std::vector<std::string>& args, const std::string& stderr_path) {
    std::vector<std::string> argv{OVS_BINARY};
    argv.insert(argv.end(), args.begin(), args.end());
    // As RunCommand does: the source tree's data, and a sanitizer finding
    // exits with its own code rather than passing for ours.
    std::vector<std::string> env;
    std::string asan = "ASAN_OPTIONS=";
    for (char** entry = environ; *entry != nullptr; ++entry) {
      std::string_view text(*entry);
      if (text.starts_with("OVERSIGHT_DATA_DIR=")) continue;
      if (text.starts_with("ASAN_OPTIONS=")) {
        asan = std::string(text) + ":";
        continue;
      }
      env.emplace_back(text);
    }
    env.push_back(asan + "exitcode=" + std::to_string(kSanitizerExitCode));
    std::vector<char*> argp, envp;
    for (std::string& s : argv) argp.push_back(s.data());
    argp.push_back(nullptr);
    for (std::string& s : env) envp.push_back(s.data());
    envp.push_back(nullptr);

    int out_pipe[2];
    if (pipe2(out_pipe, O_CLOEXEC) != 0) {
      ADD_FAILURE() << "pipe: " << std::strerror(errno);
      return;
    }
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_adddup2(&actions, out_pipe[1], STDOUT_FILENO);
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, stderr_path.c_str(),
                                     O_WRONLY | O_CREAT | O_APPEND, 0644);
    const int spawned = posix_spawn(&pid_, argp[0], &actions, nullptr, argp.data(), envp.data());
    posix_spawn_file_actions_destroy(&actions);
    close(out_pipe[1]);
    out_ = out_pipe[0];
    if (spawned != 0) {
      ADD_FAILURE() << "cannot run " << argv[0] << ": " << std::strerror(spawned);
      pid_ = -1;
    }
    reader_ = std::thread([this] { Drain(); });
  }

  ~ServerProcess() {
    if (pid_ > 0) {
      kill(pid_, SIGKILL);
      Wait();
    }
    if (reader_.joinable()) reader_.join();
    if (out_ >= 0) close(out_);
  }

  // Waits until stdout says "Oversight is serving on http://HOST:PORT/"; the
  // port, or 0 when the server exits (or says nothing for two minutes) first.
  int ReadPort() {
    const std::string marker = "Oversight is serving on http://127.0.0.1:";
    std::unique_lock lock(mu_);
    int port = 0;
    cv_.wait_for(lock, std::chrono::minutes(2), [&] {
      const std::size_t at = stdout_.find(marker);
      const std::size_t end = at == std::string::npos ? at : stdout_.find('/', at + marker.size());
      if (end != std::string::npos) port = std::stoi(stdout_.substr(at + marker.size(), end));
      return port != 0 || eof_;
    });
    return port;
  }

  // Sends `signal` and reaps the process: its exit code, or 128 + the signal.
  int Stop(int signal) {
    if (pid_ <= 0) return -1;
    kill(pid_, signal);
    return Wait();
  }

 private:
  // Everything the server prints goes into stdout_, so that it never blocks
  // on a full pipe.
  void Drain() {
    char buffer[4096];
    while (true) {
      const ssize_t got = read(out_, buffer, sizeof buffer);
      if (got < 0 && errno == EINTR) continue;
      std::lock_guard lock(mu_);
      if (got <= 0) {
        eof_ = true;
        cv_.notify_all();
        return;
      }
      stdout_.append(buffer, static_cast<std::size_t>(got));
      cv_.notify_all();
    }
  }

  int Wait() {
    int status = 0;
    while (waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
    }
    pid_ = -1;
    if (WIFEXITED(status)) return WEXITSTATUS(status);
    if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
    return -1;
  }

  pid_t pid_ = -1;
  int out_ = -1;
  std::mutex mu_;
  std::condition_variable cv_;
  std::string stdout_;
  bool eof_ = false;
  std::thread reader_;
};

using EventKey = std::tuple<std::string, std::string, std::string>;  // source, case, source event id
using AlertKey = std::tuple<std::string, std::string, std::string, std::string>;

class CrashTest : public CliTest {
 protected:
  void SetUp() override {
    ImportCatalog();
    CommandResult token = Run({"token", "create", "crash-loop", "--source", kSource, "--db", kDb});
    ASSERT_EQ(token.exit_code, 0) << token.err;
    token_ = token.out.substr(0, token.out.find('\n'));
    ASSERT_FALSE(token_.empty());
  }

  std::unique_ptr<ServerProcess> StartServer(int& port) {
    auto server = std::make_unique<ServerProcess>(
        std::vector<std::string>{"serve", "--listen", "127.0.0.1:0", "--db", Path(kDb), "--rules",
                                 SourcePath("rules")},
        Path("serve.log"));
    port = server->ReadPort();
    EXPECT_GT(port, 0) << "the server did not come up; its log:\n" << ReadFile("serve.log");
    return server;
  }

  std::map<EventKey, int> StoredEvents() {
    std::map<EventKey, int> stored;
    for (const auto& row : Query("SELECT source, case_id, source_event_id, COUNT(*) FROM events "
                                 "GROUP BY source, case_id, source_event_id")) {
      stored[{row[0], row[1], row[2]}] = std::stoi(row[3]);
    }
    return stored;
  }

  std::set<AlertKey> LiveAlerts(const std::string& db) {
    std::set<AlertKey> keys;
    for (const auto& row : QuerySqlite(Path(db), "SELECT rule_id, case_id, occurrence, level FROM alerts "
                                                 "WHERE state <> 'withdrawn'")) {
      EXPECT_TRUE(keys.insert({row[0], row[1], row[2], row[3]}).second)
          << "alert stored twice: " << row[0] << " " << row[1];
    }
    return keys;
  }

  void ExpectChainsVerify() {
    CommandResult verify = Run({"audit", "verify", "--json", "--db", kDb});
    EXPECT_EQ(verify.exit_code, 0) << verify.out << verify.err;
    nlohmann::json report = ParseJson(verify.out);
    EXPECT_EQ(report.value("ok", false), true) << verify.out;
    EXPECT_EQ(report.value("events_ok", false), true) << verify.out;
    EXPECT_EQ(report["operations"].value("ok", false), true) << verify.out;
  }

  std::string token_;
};

TEST_F(CrashTest, KillNineMidIngestLosesNoAcknowledgedEventAndDoublesNothing) {
  std::mt19937 kill_points(20260515);  // seeded: the same kill points every run
  std::vector<Batch> batches;
  std::vector<bool> acknowledged;
  std::set<std::string> acked_ids;
  int next_batch = 0;
  int rounds_with_a_lost_answer = 0;

  for (int round = 0; round < kRounds; ++round) {
    int port = 0;
    std::unique_ptr<ServerProcess> server = StartServer(port);
    ASSERT_GT(port, 0);

    // Kill after 0-3 acknowledged batches of this round, 0-60 ms later.
    const int acks_before_kill = std::uniform_int_distribution<int>(0, 3)(kill_points);
    const int delay_ms = std::uniform_int_distribution<int>(0, 60)(kill_points);

    std::mutex mu;
    std::condition_variable acked_cv;
    int acked_this_round = 0;
    bool clients_done = false;
    std::atomic<int> claimed{0};
    const int first = next_batch;
    for (int i = 0; i < kMaxBatchesPerRound; ++i) {
      batches.push_back(MakeBatch(first + i));
      acknowledged.push_back(false);
    }
    std::vector<Sent> answers(kMaxBatchesPerRound);

    auto client_loop = [&] {
      httplib::Client client("127.0.0.1", port);
      client.set_keep_alive(true);
      client.set_read_timeout(60, 0);
      while (true) {
        const int i = claimed.fetch_add(1);
        if (i >= kMaxBatchesPerRound) break;
        Sent sent = PostBatch(client, token_, batches[static_cast<std::size_t>(first + i)]);
        const bool answered = sent.status != 0;
        answers[static_cast<std::size_t>(i)] = std::move(sent);
        if (!answered) break;  // the server is gone
        std::lock_guard lock(mu);
        ++acked_this_round;
        acked_cv.notify_all();
      }
      std::lock_guard lock(mu);
      clients_done = true;
      acked_cv.notify_all();
    };
    std::thread client_a(client_loop);
    std::thread client_b(client_loop);
    {
      std::unique_lock lock(mu);
      acked_cv.wait(lock, [&] { return acked_this_round >= acks_before_kill || clients_done; });
    }
    // Choosing the kill point within the next request, not waiting for time.
    std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms));
    EXPECT_EQ(server->Stop(SIGKILL), 128 + SIGKILL) << "the server ended before it was killed";
    client_a.join();
    client_b.join();

    // Batches never sent are dropped: the next round builds its own.
    const int sent_count = std::min(claimed.load(), kMaxBatchesPerRound);
    batches.resize(static_cast<std::size_t>(first + sent_count));
    acknowledged.resize(batches.size());
    next_batch = first + sent_count;
    int lost = 0;
    for (int i = 0; i < sent_count; ++i) {
      const Sent& sent = answers[static_cast<std::size_t>(i)];
      const Batch& batch = batches[static_cast<std::size_t>(first + i)];
      if (sent.status == 0) {
        ++lost;
        continue;
      }
      ASSERT_EQ(sent.status, 200) << sent.body;
      ASSERT_EQ(sent.line_status.size(), batch.ids.size()) << sent.body;
      for (std::size_t line = 0; line < batch.ids.size(); ++line) {
        const std::string& status = sent.line_status[line];
        ASSERT_TRUE(status == "stored" || status == "duplicate") << "line " << line + 1 << ": " << sent.body;
        acked_ids.insert(batch.ids[line]);
      }
      acknowledged[static_cast<std::size_t>(first + i)] = true;
    }
    if (lost > 0) ++rounds_with_a_lost_answer;
  }
  // The kill points must really cut requests short, or nothing was tested.
  EXPECT_GE(rounds_with_a_lost_answer, kRounds / 2);
  ASSERT_FALSE(acked_ids.empty());

  // After the last kill, before anything else touches the store: every
  // acknowledged event is there, once; nothing at all is there twice.
  {
    std::map<EventKey, int> stored = StoredEvents();
    std::set<std::string> stored_ids;
    for (const auto& [key, count] : stored) {
      EXPECT_EQ(count, 1) << "stored twice: " << std::get<1>(key) << " " << std::get<2>(key);
      EXPECT_EQ(std::get<0>(key), kSource);
      stored_ids.insert(std::get<2>(key));
    }
    for (const std::string& id : acked_ids) {
      EXPECT_TRUE(stored_ids.contains(id)) << "acknowledged but lost: " << id;
    }
  }
  ExpectChainsVerify();

  // Restart and send every batch again (those answered and those cut short):
  // an acknowledged line can only be a duplicate now, and nothing doubles.
  {
    int port = 0;
    std::unique_ptr<ServerProcess> server = StartServer(port);
    ASSERT_GT(port, 0);
    httplib::Client client("127.0.0.1", port);
    client.set_keep_alive(true);
    client.set_read_timeout(60, 0);
    for (std::size_t b = 0; b < batches.size(); ++b) {
      Sent sent = PostBatch(client, token_, batches[b]);
      ASSERT_EQ(sent.status, 200) << "batch " << b << ": " << sent.body;
      ASSERT_EQ(sent.line_status.size(), batches[b].ids.size());
      for (std::size_t line = 0; line < batches[b].ids.size(); ++line) {
        if (acknowledged[b]) {
          EXPECT_EQ(sent.line_status[line], "duplicate") << batches[b].ids[line];
        } else {
          EXPECT_TRUE(sent.line_status[line] == "stored" || sent.line_status[line] == "duplicate")
              << batches[b].ids[line] << ": " << sent.line_status[line];
        }
      }
    }
    EXPECT_EQ(server->Stop(SIGTERM), 0) << "a graceful stop exits 0; log:\n" << ReadFile("serve.log");
  }

  std::size_t total_events = 0;
  for (const Batch& b : batches) total_events += b.ids.size();
  std::map<EventKey, int> stored = StoredEvents();
  EXPECT_EQ(stored.size(), total_events);
  for (const auto& [key, count] : stored) EXPECT_EQ(count, 1) << std::get<2>(key);
  ExpectChainsVerify();

  // The case summaries caught up with the events across every crash.
  EXPECT_EQ(Query("SELECT COUNT(*) FROM cases c WHERE c.event_count <> "
                  "(SELECT COUNT(*) FROM events e WHERE e.case_id = c.case_id)"),
            (std::vector<std::vector<std::string>>{{"0"}}));
  EXPECT_EQ(Query("SELECT COUNT(*) FROM cases"),
            (std::vector<std::vector<std::string>>{{std::to_string(batches.size() * kCasesPerBatch)}}));

  // The alerts the crashed and restarted server keeps are those a fresh run
  // derives from the same events in a new store.
  {
    std::string all_events;
    for (const Batch& b : batches) all_events += b.body;
    WriteFile("all.jsonl", all_events);
    CommandResult import = Run({"catalog", "import", SourcePath("tests/integration/data/catalog.jsonl"),
                                "--db", "fresh.db"});
    ASSERT_EQ(import.exit_code, 0) << import.err;
    CommandResult ingest = Run({"ingest", "all.jsonl", "--source", kSource, "--db", "fresh.db"});
    ASSERT_EQ(ingest.exit_code, 0) << ingest.out << ingest.err;
    CommandResult run = Run({"run", "--db", "fresh.db", "--rules", SourcePath("rules")});
    ASSERT_EQ(run.exit_code, 0) << run.out << run.err;
    std::set<AlertKey> fresh = LiveAlerts("fresh.db");
    EXPECT_FALSE(fresh.empty()) << "the rule pack should raise alerts on these cases";
    EXPECT_EQ(LiveAlerts(kDb), fresh);
  }
}

}  // namespace
}  // namespace oversight::testing
