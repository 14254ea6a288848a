#include "ingest/byte_source.h"

#include <fcntl.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <utility>
#include <vector>

namespace oversight::ingest {
namespace {

constexpr std::size_t kCompressedChunk = 64 * 1024;

class FileSource final : public ByteSource {
 public:
  FileSource(int fd, bool owns_fd, std::string name)
      : fd_(fd), owns_fd_(owns_fd), name_(std::move(name)) {}
  ~FileSource() override {
    if (owns_fd_) ::close(fd_);
  }
  FileSource(const FileSource&) = delete;
  FileSource& operator=(const FileSource&) = delete;

  base::Result<std::size_t> Read(char* out, std::size_t size) override {
    while (true) {
      ssize_t n = ::read(fd_, out, size);
      if (n >= 0) return static_cast<std::size_t>(n);
      if (errno == EINTR) continue;
      return base::InvalidArgument(name_ + ": read failed: " + std::strerror(errno));
    }
  }
  const std::string& name() const override { return name_; }

 private:
  int fd_;
  bool owns_fd_;
  std::string name_;
};

class StringSource final : public ByteSource {
 public:
  StringSource(std::string data, std::string name)
      : data_(std::move(data)), name_(std::move(name)) {}
  base::Result<std::size_t> Read(char* out, std::size_t size) override {
    std::size_t n = std::min(size, data_.size() - pos_);
    std::memcpy(out, data_.data() + pos_, n);
    pos_ += n;
    return n;
  }
  const std::string& name() const override { return name_; }

 private:
  std::string data_;
  std::size_t pos_ = 0;
  std::string name_;
};

class PrefixedSource final : public ByteSource {
 public:
  PrefixedSource(std::string prefix, std::unique_ptr<ByteSource> rest)
      : prefix_(std::move(prefix)), rest_(std::move(rest)) {}
  base::Result<std::size_t> Read(char* out, std::size_t size) override {
    if (pos_ < prefix_.size()) {
      std::size_t n = std::min(size, prefix_.size() - pos_);
      std::memcpy(out, prefix_.data() + pos_, n);
      pos_ += n;
      if (pos_ == prefix_.size()) {  // give the memory back: the prefix is read once
        std::string().swap(prefix_);
        pos_ = 0;
      }
      return n;
    }
    return rest_->Read(out, size);
  }
  const std::string& name() const override { return rest_->name(); }

 private:
  std::string prefix_;
  std::size_t pos_ = 0;
  std::unique_ptr<ByteSource> rest_;
};

// Inflates a gzip stream (one or more members) as it is read. Damage is reported
// after the bytes that decoded before it, so a reader can return every record
// that precedes the fault.
class GunzipSource final : public ByteSource {
 public:
  GunzipSource(std::string first_bytes, std::unique_ptr<ByteSource> raw)
      : raw_(std::move(raw)), in_(std::max(kCompressedChunk, first_bytes.size())) {
    std::memcpy(in_.data(), first_bytes.data(), first_bytes.size());
    consumed_before_ = 0;
    in_filled_ = first_bytes.size();
    zs_.next_in = reinterpret_cast<Bytef*>(in_.data());
    zs_.avail_in = static_cast<uInt>(in_filled_);
    // 15 + 16: a gzip wrapper (not zlib, not raw deflate) with the largest window.
    if (inflateInit2(&zs_, 15 + 16) != Z_OK) {
      error_ = base::Internal(raw_->name() + ": cannot initialise zlib");
    }
  }
  ~GunzipSource() override { inflateEnd(&zs_); }
  GunzipSource(const GunzipSource&) = delete;
  GunzipSource& operator=(const GunzipSource&) = delete;

  base::Result<std::size_t> Read(char* out, std::size_t size) override {
    if (!error_.ok()) return error_;
    if (done_ || size == 0) return std::size_t{0};
    zs_.next_out = reinterpret_cast<Bytef*>(out);
    zs_.avail_out = static_cast<uInt>(std::min<std::size_t>(size, 1u << 30));
    std::size_t asked = zs_.avail_out;
    while (zs_.avail_out > 0 && error_.ok() && !done_) Step();
    std::size_t produced = asked - zs_.avail_out;
    if (produced > 0) return produced;
    if (!error_.ok()) return error_;
    return std::size_t{0};
  }
  const std::string& name() const override { return raw_->name(); }

 private:
  // One unit of progress: refill the compressed buffer, start the next member,
  // or inflate.
  void Step() {
    if (zs_.avail_in == 0 && !raw_eof_) {
      Refill();
      return;
    }
    if (between_members_) {
      if (zs_.avail_in == 0) {  // raw_eof_: a clean end after a complete member
        done_ = true;
        return;
      }
      inflateReset(&zs_);
      between_members_ = false;
      in_later_member_ = true;
    }
    if (zs_.avail_in == 0) {  // raw_eof_ inside a member
      error_ = base::DataLoss(name() + ": gzip stream is truncated (the input ends after " +
                              std::to_string(Offset()) + " compressed bytes, inside the data)");
      return;
    }
    int ret = inflate(&zs_, Z_NO_FLUSH);
    if (ret == Z_STREAM_END) {
      between_members_ = true;
    } else if (ret != Z_OK && ret != Z_BUF_ERROR) {
      std::string what = zs_.msg != nullptr ? zs_.msg : "error " + std::to_string(ret);
      if (in_later_member_ && what == "incorrect header check") {
        error_ = base::DataLoss(name() + ": unexpected data after the end of the gzip stream, at "
                                "compressed byte " + std::to_string(Offset()));
      } else {
        error_ = base::DataLoss(name() + ": corrupt gzip data (" + what + ") near compressed byte " +
                                std::to_string(Offset()));
      }
    }
  }

  void Refill() {
    consumed_before_ += in_filled_;
    base::Result<std::size_t> n = raw_->Read(in_.data(), in_.size());
    if (!n.ok()) {
      error_ = n.status();
      return;
    }
    in_filled_ = *n;
    if (in_filled_ == 0) raw_eof_ = true;
    zs_.next_in = reinterpret_cast<Bytef*>(in_.data());
    zs_.avail_in = static_cast<uInt>(in_filled_);
  }

  std::size_t Offset() const { return consumed_before_ + in_filled_ - zs_.avail_in; }

  std::unique_ptr<ByteSource> raw_;
  std::vector<char> in_;
  std::size_t in_filled_ = 0;
  std::size_t consumed_before_ = 0;  // compressed bytes in earlier fills
  z_stream zs_{};
  bool raw_eof_ = false;
  bool between_members_ = false;
  bool in_later_member_ = false;
  bool done_ = false;
  base::Status error_;
};

// Looks at the first bytes on the first Read and becomes either a pass-through or
// a gunzip stream.
class AutoGunzipSource final : public ByteSource {
 public:
  explicit AutoGunzipSource(std::unique_ptr<ByteSource> raw) : raw_(std::move(raw)) {}

  base::Result<std::size_t> Read(char* out, std::size_t size) override {
    if (inner_ == nullptr) {
      base::Status sniffed = Sniff();
      if (!sniffed.ok()) return sniffed;
    }
    return inner_->Read(out, size);
  }
  const std::string& name() const override { return inner_ ? inner_->name() : raw_->name(); }

 private:
  base::Status Sniff() {
    std::string head(kCompressedChunk, '\0');
    std::size_t filled = 0;
    // A pipe may deliver one byte at a time: two are needed to see the magic.
    while (filled < 2) {
      base::Result<std::size_t> n = raw_->Read(head.data() + filled, head.size() - filled);
      if (!n.ok()) return n.status();
      if (*n == 0) break;
      filled += *n;
    }
    head.resize(filled);
    bool gzip = filled >= 2 && static_cast<unsigned char>(head[0]) == 0x1f &&
                static_cast<unsigned char>(head[1]) == 0x8b;
    if (gzip) {
      inner_ = std::make_unique<GunzipSource>(std::move(head), std::move(raw_));
    } else {
      inner_ = std::make_unique<PrefixedSource>(std::move(head), std::move(raw_));
    }
    return base::Status::Ok();
  }

  std::unique_ptr<ByteSource> raw_;
  std::unique_ptr<ByteSource> inner_;
};

}  // namespace

base::Result<std::unique_ptr<ByteSource>> OpenByteSource(std::string_view path) {
  if (path == "-") {
    return MaybeGunzip(std::make_unique<FileSource>(STDIN_FILENO, false, "stdin"));
  }
  std::string name(path);
  int fd = ::open(name.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    std::string message = name + ": cannot open: " + std::strerror(errno);
    if (errno == ENOENT) return base::NotFound(std::move(message));
    return base::InvalidArgument(std::move(message));
  }
  return MaybeGunzip(std::make_unique<FileSource>(fd, true, std::move(name)));
}

std::unique_ptr<ByteSource> ByteSourceFromString(std::string data, std::string name) {
  return MaybeGunzip(std::make_unique<StringSource>(std::move(data), std::move(name)));
}

std::unique_ptr<ByteSource> PrependBytes(std::string prefix, std::unique_ptr<ByteSource> rest) {
  return std::make_unique<PrefixedSource>(std::move(prefix), std::move(rest));
}

std::unique_ptr<ByteSource> MaybeGunzip(std::unique_ptr<ByteSource> input) {
  return std::make_unique<AutoGunzipSource>(std::move(input));
}

}  // namespace oversight::ingest
