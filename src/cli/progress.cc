#include "cli/progress.h"

#include <filesystem>
#include <fstream>
#include <iostream>

namespace oversight::cli {
namespace {

// Counts the bytes read through it; the counter is read by the writer thread.
class CountingSource final : public ingest::ByteSource {
 public:
  CountingSource(std::unique_ptr<ingest::ByteSource> inner,
                 std::shared_ptr<std::atomic<std::uint64_t>> read)
      : inner_(std::move(inner)), read_(std::move(read)) {}
  base::Result<std::size_t> Read(char* out, std::size_t size) override {
    base::Result<std::size_t> n = inner_->Read(out, size);
    if (n.ok()) read_->fetch_add(*n, std::memory_order_relaxed);
    return n;
  }
  const std::string& name() const override { return inner_->name(); }

 private:
  std::unique_ptr<ingest::ByteSource> inner_;
  std::shared_ptr<std::atomic<std::uint64_t>> read_;
};

}  // namespace

std::unique_ptr<ingest::ByteSource> ProgressBar::Count(std::unique_ptr<ingest::ByteSource> source) {
  return std::make_unique<CountingSource>(std::move(source), read_);
}

void ProgressBar::Show(std::int64_t records) const {
  constexpr int kWidth = 30;
  std::cerr << "\r" << input_ << " ";
  if (total_bytes_ > 0) {
    double done = std::min(1.0, double(read_->load(std::memory_order_relaxed)) / double(total_bytes_));
    int filled = static_cast<int>(done * kWidth);
    std::cerr << "[" << std::string(filled, '#') << std::string(kWidth - filled, '-') << "] "
              << static_cast<int>(done * 100) << "% ";
  }
  std::cerr << records << " records" << std::flush;
}

void ProgressBar::Finish() const { std::cerr << "\n"; }

std::uint64_t PlainFileSize(const std::string& path) {
  if (path == "-") return 0;
  std::ifstream in(path, std::ios::binary);
  unsigned char magic[2] = {0, 0};
  in.read(reinterpret_cast<char*>(magic), 2);
  if (in.gcount() == 2 && magic[0] == 0x1f && magic[1] == 0x8b) return 0;  // gzip: size unknown
  std::error_code error;
  std::uintmax_t size = std::filesystem::file_size(path, error);
  return error ? 0 : size;
}

}  // namespace oversight::cli
