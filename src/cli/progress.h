#pragma once

// The progress bar `oversight ingest` draws on a terminal: how much of the input
// has been read (when its size is known: a plain file, not stdin or gzip), and how
// many records so far. Counting happens in a ByteSource wrapped around the input.

#include <atomic>
#include <cstdint>
#include <memory>
#include <string>

#include "ingest/byte_source.h"

namespace oversight::cli {

class ProgressBar {
 public:
  // `total_bytes` 0 when unknown.
  ProgressBar(std::string input, std::uint64_t total_bytes)
      : input_(std::move(input)), total_bytes_(total_bytes) {}

  // Wraps `source` so that its reads are counted (call once, before reading).
  std::unique_ptr<ingest::ByteSource> Count(std::unique_ptr<ingest::ByteSource> source);
  // Redraws the bar on stderr.
  void Show(std::int64_t records) const;
  void Finish() const;

 private:
  std::string input_;
  std::uint64_t total_bytes_;
  std::shared_ptr<std::atomic<std::uint64_t>> read_ = std::make_shared<std::atomic<std::uint64_t>>(0);
};

// The input's size in bytes when it is a plain (uncompressed) file, else 0.
std::uint64_t PlainFileSize(const std::string& path);

}  // namespace oversight::cli
