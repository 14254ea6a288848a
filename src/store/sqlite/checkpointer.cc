#include "store/sqlite/checkpointer.h"

#include <sqlite3.h>

namespace oversight::store::sqlite {

Checkpointer::Checkpointer(const std::string& path, int threshold_pages)
    : threshold_pages_(threshold_pages) {
  if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr) !=
      SQLITE_OK) {
    sqlite3_close_v2(db_);
    db_ = nullptr;
    return;
  }
  sqlite3_busy_timeout(db_, 5000);
  thread_ = std::thread([this] { Loop(); });
}

Checkpointer::~Checkpointer() {
  if (!db_) return;
  {
    std::lock_guard lock(mu_);
    stop_ = true;
  }
  cv_.notify_all();
  thread_.join();
  sqlite3_close_v2(db_);
}

void Checkpointer::Attach(sqlite3* writer) {
  if (!db_) return;
  // Replaces SQLite's default hook, which would checkpoint on the writer's thread.
  sqlite3_wal_hook(writer, &Checkpointer::OnCommit, this);
}

int Checkpointer::OnCommit(void* self, sqlite3*, const char*, int wal_pages) {
  auto* checkpointer = static_cast<Checkpointer*>(self);
  {
    std::lock_guard lock(checkpointer->mu_);
    checkpointer->wal_pages_ = wal_pages;
  }
  if (wal_pages >= checkpointer->threshold_pages_) checkpointer->cv_.notify_one();
  return SQLITE_OK;
}

void Checkpointer::Loop() {
  std::unique_lock lock(mu_);
  while (true) {
    cv_.wait(lock, [&] { return stop_ || wal_pages_ >= threshold_pages_; });
    if (stop_) break;
    wal_pages_ = 0;
    lock.unlock();
    // A busy or failed passive checkpoint is harmless: the WAL keeps the data and
    // the next commit asks again.
    sqlite3_wal_checkpoint_v2(db_, nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
    lock.lock();
  }
  lock.unlock();
  sqlite3_wal_checkpoint_v2(db_, nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
}

}  // namespace oversight::store::sqlite
