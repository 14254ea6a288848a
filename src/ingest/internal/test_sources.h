#pragma once

// ByteSources and helpers for the ingest tests only.

#include <zlib.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "ingest/byte_source.h"
#include "ingest/raw_record.h"

namespace oversight::ingest::testing {

// Returns at most `step` bytes per Read, as a slow pipe would.
class TrickleSource final : public ByteSource {
 public:
  TrickleSource(std::string data, std::size_t step) : data_(std::move(data)), step_(step) {}
  base::Result<std::size_t> Read(char* out, std::size_t size) override {
    std::size_t n = std::min({size, step_, data_.size() - pos_});
    std::memcpy(out, data_.data() + pos_, n);
    pos_ += n;
    return n;
  }
  const std::string& name() const override { return name_; }

 private:
  std::string data_;
  std::size_t step_;
  std::size_t pos_ = 0;
  std::string name_ = "trickle";
};

// `head`, then `fill` repeated `count` times, then `tail`, produced on the fly so
// that a huge input costs no memory in the test itself.
class GeneratedSource final : public ByteSource {
 public:
  GeneratedSource(std::string head, char fill, std::size_t count, std::string tail)
      : head_(std::move(head)), fill_(fill), count_(count), tail_(std::move(tail)) {}
  base::Result<std::size_t> Read(char* out, std::size_t size) override {
    std::size_t total = head_.size() + count_ + tail_.size();
    std::size_t n = 0;
    while (n < size && pos_ < total) {
      if (pos_ < head_.size()) {
        out[n++] = head_[pos_++];
      } else if (pos_ < head_.size() + count_) {
        std::size_t run = std::min(size - n, head_.size() + count_ - pos_);
        std::memset(out + n, fill_, run);
        n += run;
        pos_ += run;
      } else {
        out[n++] = tail_[pos_++ - head_.size() - count_];
      }
    }
    return n;
  }
  const std::string& name() const override { return name_; }

 private:
  std::string head_;
  char fill_;
  std::size_t count_;
  std::string tail_;
  std::size_t pos_ = 0;
  std::string name_ = "generated";
};

// Returns `data`, then fails with `error` (an unreadable disk, a dropped pipe).
class FailingSource final : public ByteSource {
 public:
  FailingSource(std::string data, base::Status error)
      : data_(std::move(data)), error_(std::move(error)) {}
  base::Result<std::size_t> Read(char* out, std::size_t size) override {
    if (pos_ == data_.size()) return error_;
    std::size_t n = std::min(size, data_.size() - pos_);
    std::memcpy(out, data_.data() + pos_, n);
    pos_ += n;
    return n;
  }
  const std::string& name() const override { return name_; }

 private:
  std::string data_;
  base::Status error_;
  std::size_t pos_ = 0;
  std::string name_ = "failing";
};

// One gzip member holding `data`.
inline std::string Gzip(const std::string& data) {
  z_stream zs{};
  deflateInit2(&zs, 9, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&zs, data.size()) + 32, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  deflate(&zs, Z_FINISH);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return out;
}

// Everything a reader yields, stopping at the first error (returned in `status`).
struct ReadAll {
  std::vector<RawRecord> records;
  base::Status status;
};
inline ReadAll ReadAllRecords(RecordReader& reader) {
  ReadAll all;
  RawRecord record;
  while (true) {
    base::Result<bool> more = reader.Next(record);
    if (!more.ok()) {
      all.status = more.status();
      return all;
    }
    if (!*more) return all;
    all.records.push_back(record);
  }
}

// Reads all of a ByteSource into a string (stops at the first error).
inline base::Result<std::string> Slurp(ByteSource& source, std::size_t chunk = 4096) {
  std::string out;
  std::vector<char> buf(chunk);
  while (true) {
    base::Result<std::size_t> n = source.Read(buf.data(), buf.size());
    if (!n.ok()) return n.status();
    if (*n == 0) return out;
    out.append(buf.data(), *n);
  }
}

inline std::string DataPath(const std::string& relative) {
  return std::string(OVS_SOURCE_DIR) + "/data/eventlogs/" + relative;
}

}  // namespace oversight::ingest::testing
