#include "tests/integration/run_command.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <string_view>

extern char** environ;

namespace oversight::testing {
namespace {

// The child's environment: ours, without OVERSIGHT_DATA_DIR (so the binary reads
// the source tree's data, as the tests expect), with the sanitizers told to use
// their own exit code.
std::vector<std::string> ChildEnvironment() {
  const std::string exit_code = "exitcode=" + std::to_string(kSanitizerExitCode);
  std::string asan = "ASAN_OPTIONS=";
  std::string ubsan = "UBSAN_OPTIONS=";
  std::vector<std::string> env;
  for (char** entry = environ; *entry != nullptr; ++entry) {
    std::string_view text(*entry);
    if (text.starts_with("OVERSIGHT_DATA_DIR=")) continue;
    if (text.starts_with("ASAN_OPTIONS=")) {
      asan = std::string(text) + ":";
      continue;
    }
    if (text.starts_with("UBSAN_OPTIONS=")) {
      ubsan = std::string(text) + ":";
      continue;
    }
    env.emplace_back(text);
  }
  env.push_back(asan + exit_code);
  env.push_back(ubsan + exit_code + ":print_stacktrace=1");
  return env;
}

std::vector<char*> Pointers(std::vector<std::string>& strings) {
  std::vector<char*> out;
  for (std::string& s : strings) out.push_back(s.data());
  out.push_back(nullptr);
  return out;
}

void CloseIfOpen(int& fd) {
  if (fd >= 0) close(fd);
  fd = -1;
}

}  // namespace

std::vector<std::string> CommandResult::ErrLines() const {
  std::vector<std::string> lines;
  size_t start = 0;
  while (start < err.size()) {
    size_t end = err.find('\n', start);
    if (end == std::string::npos) end = err.size();
    lines.push_back(err.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

CommandResult RunCommand(const std::vector<std::string>& argv, const RunOptions& options) {
  CommandResult result;
  if (argv.empty()) return result;
  // A child that exits before reading all of its stdin must not kill the test.
  signal(SIGPIPE, SIG_IGN);

  std::vector<std::string> args = argv;
  std::vector<char*> arg_ptrs = Pointers(args);
  std::vector<std::string> env = ChildEnvironment();
  std::vector<char*> env_ptrs = Pointers(env);

  int in_pipe[2], out_pipe[2], err_pipe[2];
  if (pipe2(in_pipe, O_CLOEXEC) != 0 || pipe2(out_pipe, O_CLOEXEC) != 0 ||
      pipe2(err_pipe, O_CLOEXEC) != 0) {
    result.err = std::string("pipe: ") + std::strerror(errno);
    return result;
  }
  // posix_spawn, not fork: the test process under AddressSanitizer maps a huge
  // shadow region, and copying its page tables for every command is slow.
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, in_pipe[0], STDIN_FILENO);
  posix_spawn_file_actions_adddup2(&actions, out_pipe[1], STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(&actions, err_pipe[1], STDERR_FILENO);
  if (!options.cwd.empty()) posix_spawn_file_actions_addchdir_np(&actions, options.cwd.c_str());
  pid_t pid = 0;
  int spawned = posix_spawn(&pid, arg_ptrs[0], &actions, nullptr, arg_ptrs.data(), env_ptrs.data());
  posix_spawn_file_actions_destroy(&actions);
  if (spawned != 0) {
    for (int fd : {in_pipe[0], in_pipe[1], out_pipe[0], out_pipe[1], err_pipe[0], err_pipe[1]}) close(fd);
    result.err = "cannot run " + argv[0] + ": " + std::strerror(spawned);
    return result;
  }
  close(in_pipe[0]);
  close(out_pipe[1]);
  close(err_pipe[1]);
  int to_child = in_pipe[1];
  int from_out = out_pipe[0];
  int from_err = err_pipe[0];
  fcntl(to_child, F_SETFL, O_NONBLOCK);

  // Feed stdin and drain both outputs together: a child writing a lot to
  // stdout while we block writing its stdin would otherwise deadlock.
  size_t written = 0;
  if (options.stdin_text.empty()) CloseIfOpen(to_child);
  char buffer[65536];
  while (from_out >= 0 || from_err >= 0 || to_child >= 0) {
    pollfd fds[3];
    int n = 0;
    int out_index = -1, err_index = -1, in_index = -1;
    if (from_out >= 0) {
      out_index = n;
      fds[n++] = {from_out, POLLIN, 0};
    }
    if (from_err >= 0) {
      err_index = n;
      fds[n++] = {from_err, POLLIN, 0};
    }
    if (to_child >= 0) {
      in_index = n;
      fds[n++] = {to_child, POLLOUT, 0};
    }
    if (poll(fds, static_cast<nfds_t>(n), -1) < 0) {
      if (errno == EINTR) continue;
      break;
    }
    auto drain = [&](int index, int& fd, std::string& sink) {
      if (index < 0 || fds[index].revents == 0) return;
      ssize_t got = read(fd, buffer, sizeof buffer);
      if (got > 0) {
        sink.append(buffer, static_cast<size_t>(got));
      } else if (got == 0 || errno != EINTR) {
        CloseIfOpen(fd);
      }
    };
    drain(out_index, from_out, result.out);
    drain(err_index, from_err, result.err);
    if (in_index >= 0 && fds[in_index].revents != 0) {
      if (fds[in_index].revents & (POLLERR | POLLHUP)) {
        CloseIfOpen(to_child);
      } else {
        ssize_t put = write(to_child, options.stdin_text.data() + written,
                            options.stdin_text.size() - written);
        if (put > 0) written += static_cast<size_t>(put);
        if ((put < 0 && errno != EAGAIN && errno != EINTR) || written == options.stdin_text.size()) {
          CloseIfOpen(to_child);
        }
      }
    }
  }
  int status = 0;
  rusage usage{};
  while (wait4(pid, &status, 0, &usage) < 0 && errno == EINTR) {
  }
  result.max_rss_kb = usage.ru_maxrss;
  if (WIFEXITED(status)) {
    result.exit_code = WEXITSTATUS(status);
  } else if (WIFSIGNALED(status)) {
    result.exit_code = 128 + WTERMSIG(status);
  }
  return result;
}

}  // namespace oversight::testing
