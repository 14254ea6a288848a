#pragma once

// A fresh directory under the system temp dir, removed with everything in it
// when the object goes out of scope. Tests use it for SQLite files.

#include <filesystem>
#include <random>
#include <string>

namespace oversight::testing {

class TempDir {
 public:
  TempDir() {
    std::random_device seed;
    std::filesystem::path base = std::filesystem::temp_directory_path();
    path_ = base / ("oversight-test-" + std::to_string(seed()) + std::to_string(seed()));
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const { return path_; }
  std::string File(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

}  // namespace oversight::testing
