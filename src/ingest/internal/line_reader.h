#pragma once

// LineReader: splits a ByteSource into lines without holding more than one line
// (up to a maximum) plus one read chunk. Lines end with "\n" or "\r\n"; the last
// line may lack its end. A line longer than the maximum is not kept: the reader
// skips to its end and reports it with its first bytes and its full length.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "base/status.h"
#include "ingest/byte_source.h"

namespace oversight::ingest::internal {

struct Line {
  // Without the line end. For a too-long line, its first `keep_prefix` bytes.
  std::string_view text;
  // Bytes readable from text.data(): at least text.size() + padding, so a parser
  // that reads past the end (simdjson) may use them. The byte just after the text
  // is whitespace.
  std::size_t readable = 0;
  std::int64_t number = 0;    // 1-based
  std::uint64_t length = 0;   // the full length, without the line end
  bool too_long = false;
};

class LineReader {
 public:
  // `padding` bytes are kept readable after every line.
  LineReader(ByteSource& input, std::size_t max_line_bytes, std::size_t keep_prefix,
             std::size_t padding);
  ~LineReader();
  LineReader(const LineReader&) = delete;
  LineReader& operator=(const LineReader&) = delete;

  // The next line, or false at the end. An input error is returned after every
  // complete line before it; the incomplete line at the fault is dropped.
  base::Result<bool> Next(Line& line);

  // Bytes allocated for the buffer (for tests that check memory stays bounded).
  std::size_t BufferBytesForTest() const { return capacity_ + padding_; }

 private:
  bool Refill();
  void Grow();
  void EmitTooLong(Line& line);
  void Fill(Line& line, std::size_t begin, std::size_t end_of_text);

  ByteSource& input_;
  std::size_t max_line_;
  std::size_t keep_prefix_;
  std::size_t padding_;
  std::unique_ptr<char[]> buf_;
  std::size_t capacity_ = 0;  // data bytes; padding_ more are allocated after them
  std::size_t begin_ = 0;     // start of the current (unfinished) line
  std::size_t end_ = 0;       // end of the data read
  std::size_t scan_ = 0;      // where to resume looking for '\n'
  std::int64_t line_number_ = 0;
  bool eof_ = false;
  base::Status error_;
  // Skipping the rest of a too-long line.
  bool skipping_ = false;
  std::string long_prefix_;
  std::uint64_t long_length_ = 0;
  bool skip_last_cr_ = false;  // the last byte skipped was a '\r'
};

}  // namespace oversight::ingest::internal
