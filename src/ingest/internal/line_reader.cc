#include "ingest/internal/line_reader.h"

#include <algorithm>
#include <cstring>

namespace oversight::ingest::internal {
namespace {

constexpr std::size_t kChunk = 256 * 1024;

}  // namespace

LineReader::LineReader(ByteSource& input, std::size_t max_line_bytes, std::size_t keep_prefix,
                       std::size_t padding)
    : input_(input), max_line_(max_line_bytes), keep_prefix_(keep_prefix), padding_(padding) {
  capacity_ = kChunk;
  buf_ = std::make_unique<char[]>(capacity_ + padding_);
}

LineReader::~LineReader() = default;

base::Result<bool> LineReader::Next(Line& line) {
  while (true) {
    if (skipping_) {
      const char* start = buf_.get() + begin_;
      const auto* nl = static_cast<const char*>(std::memchr(start, '\n', end_ - begin_));
      if (nl != nullptr) {
        long_length_ += static_cast<std::uint64_t>(nl - start);
        if (nl > start ? nl[-1] == '\r' : skip_last_cr_) --long_length_;
        begin_ = scan_ = static_cast<std::size_t>(nl - buf_.get()) + 1;
        skipping_ = false;
        EmitTooLong(line);
        return true;
      }
      long_length_ += end_ - begin_;
      if (end_ > begin_) skip_last_cr_ = buf_[end_ - 1] == '\r';
      begin_ = end_ = scan_ = 0;
      if (!Refill()) {
        if (!error_.ok()) return error_;  // the damaged line is dropped
        skipping_ = false;
        if (skip_last_cr_) --long_length_;
        EmitTooLong(line);
        return true;
      }
      continue;
    }
    const auto* nl =
        static_cast<const char*>(std::memchr(buf_.get() + scan_, '\n', end_ - scan_));
    if (nl != nullptr) {
      std::size_t stop = static_cast<std::size_t>(nl - buf_.get());
      std::size_t text_end = stop;
      if (text_end > begin_ && buf_[text_end - 1] == '\r') --text_end;
      if (text_end - begin_ > max_line_) {
        long_prefix_.assign(buf_.get() + begin_, std::min(keep_prefix_, text_end - begin_));
        long_length_ = text_end - begin_;
        begin_ = scan_ = stop + 1;
        EmitTooLong(line);
        return true;
      }
      Fill(line, begin_, text_end);
      begin_ = scan_ = stop + 1;
      return true;
    }
    scan_ = end_;
    // One byte of slack for the '\r' of a "\r\n" still to come.
    if (end_ - begin_ > max_line_ + 1) {
      long_prefix_.assign(buf_.get() + begin_, std::min(keep_prefix_, end_ - begin_));
      long_length_ = end_ - begin_;
      skip_last_cr_ = buf_[end_ - 1] == '\r';
      begin_ = end_ = scan_ = 0;
      skipping_ = true;
      continue;
    }
    if (eof_ || !error_.ok()) {
      if (!error_.ok()) return error_;  // the incomplete line at the fault is dropped
      if (begin_ == end_) return false;
      std::size_t text_end = end_;
      if (buf_[text_end - 1] == '\r') --text_end;
      if (text_end - begin_ > max_line_) {
        long_prefix_.assign(buf_.get() + begin_, std::min(keep_prefix_, text_end - begin_));
        long_length_ = text_end - begin_;
        begin_ = scan_ = end_;
        EmitTooLong(line);
        return true;
      }
      Fill(line, begin_, text_end);
      begin_ = scan_ = end_;
      return true;
    }
    Refill();
  }
}

bool LineReader::Refill() {
  if (eof_ || !error_.ok()) return false;
  if (begin_ > 0) {
    std::memmove(buf_.get(), buf_.get() + begin_, end_ - begin_);
    end_ -= begin_;
    scan_ -= begin_;
    begin_ = 0;
  }
  if (end_ == capacity_) Grow();
  base::Result<std::size_t> n = input_.Read(buf_.get() + end_, capacity_ - end_);
  if (!n.ok()) {
    error_ = n.status();
    return false;
  }
  if (*n == 0) {
    eof_ = true;
    // The final line may lack its '\n': make the byte after it whitespace too.
    std::memset(buf_.get() + end_, ' ', padding_);
    return false;
  }
  end_ += *n;
  return true;
}

void LineReader::Grow() {
  // Never more than one maximal line, a read chunk and the "\r\n".
  std::size_t limit = max_line_ + kChunk + 2;
  std::size_t grown = std::min(std::max(capacity_ * 2, kChunk), limit);
  auto bigger = std::make_unique<char[]>(grown + padding_);
  std::memcpy(bigger.get(), buf_.get(), end_);
  buf_ = std::move(bigger);
  capacity_ = grown;
}

void LineReader::Fill(Line& line, std::size_t begin, std::size_t end_of_text) {
  line.text = std::string_view(buf_.get() + begin, end_of_text - begin);
  line.readable = capacity_ + padding_ - begin;
  line.number = ++line_number_;
  line.length = end_of_text - begin;
  line.too_long = false;
}

void LineReader::EmitTooLong(Line& line) {
  line.text = long_prefix_;
  line.readable = long_prefix_.size();
  line.number = ++line_number_;
  line.length = long_length_;
  line.too_long = true;
}

}  // namespace oversight::ingest::internal
