#pragma once

// Copies the WAL back into the database file on a thread of its own, with its
// own connection, so that the writer never waits for a checkpoint (copying pages
// and syncing the file). The writer tells it after each commit how long the WAL
// has grown; past a threshold it runs a PASSIVE checkpoint, which neither blocks
// the writer nor is blocked by it.

#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

struct sqlite3;

namespace oversight::store::sqlite {

class Checkpointer {
 public:
  // Starts the thread; does nothing if the database cannot be opened (the writer's
  // connection then checkpoints itself, see Attach).
  Checkpointer(const std::string& path, int threshold_pages);
  ~Checkpointer();
  Checkpointer(const Checkpointer&) = delete;
  Checkpointer& operator=(const Checkpointer&) = delete;

  // Hands checkpointing of `writer`'s WAL to this thread (turns the writer's own
  // automatic checkpoints off).
  void Attach(sqlite3* writer);
  bool running() const { return db_ != nullptr; }

 private:
  static int OnCommit(void* self, sqlite3* db, const char* schema, int wal_pages);
  void Loop();

  sqlite3* db_ = nullptr;
  int threshold_pages_;
  std::mutex mu_;
  std::condition_variable cv_;
  int wal_pages_ = 0;   // guarded by mu_
  bool stop_ = false;   // guarded by mu_
  std::thread thread_;
};

}  // namespace oversight::store::sqlite
