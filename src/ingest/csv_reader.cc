#include "ingest/csv_reader.h"

#include <string_view>
#include <utility>

#include "base/strings.h"
#include "ingest/utf8.h"
#include "ingest/internal/record_fill.h"

namespace oversight::ingest {
namespace {

constexpr std::size_t kChunk = 64 * 1024;
constexpr char kQuote = '"';

// One row as the state machine sees it.
struct Row {
  std::int64_t start_line = 0;
  std::int64_t quote_line = 0;      // where the open quoted field started
  std::string raw;                  // the row's bytes, up to the text cap
  std::uint64_t raw_bytes = 0;      // all of the row's bytes
  std::vector<std::string> values;  // reused; the first `count` are this row's
  std::vector<bool> quoted;
  std::size_t count = 0;
  std::string error;

  void Reset(std::int64_t line) {
    start_line = line;
    raw.clear();
    raw_bytes = 0;
    count = 0;
    error.clear();
  }
  std::string& StartField(bool is_quoted) {
    if (count == values.size()) {
      values.emplace_back();
      quoted.push_back(false);
    }
    values[count].clear();
    quoted[count] = is_quoted;
    return values[count++];
  }
  bool IsBlank() const { return count == 1 && !quoted[0] && base::Trim(values[0]).empty(); }
};

enum class State { kFieldStart, kUnquoted, kQuoted, kQuoteInQuoted };

}  // namespace

struct CsvReader::Impl {
  Impl(std::unique_ptr<ByteSource> in, CsvOptions opts) : input(std::move(in)), options(opts) {
    buf.resize(kChunk);
  }

  // Reads the next row. False at the end of input with no row started.
  base::Result<bool> ReadRow(Row& row) {
    row.Reset(line);
    state = State::kFieldStart;
    cr_pending = false;
    bool started = false;
    while (true) {
      if (pos == end) {
        if (!error.ok()) return error;  // the row at the fault is dropped
        base::Result<std::size_t> n = input->Read(buf.data(), buf.size());
        if (!n.ok()) {
          error = n.status();
          return error;
        }
        pos = 0;
        end = *n;
        if (end == 0) return FinishAtEof(row, started);
      }
      char c = buf[pos++];
      started = true;
      if (cr_pending) {
        cr_pending = false;
        if (c == '\n') {
          ++line;
          if (state == State::kFieldStart) row.StartField(false);
          return true;
        }
        Step(row, '\r');  // a lone '\r' is data
      }
      if (c == '\r' && state != State::kQuoted) {
        cr_pending = true;
        continue;
      }
      if (c == '\n') ++line;
      if (Step(row, c)) return true;
    }
  }

  // Feeds one byte to the state machine; true when it ends the row.
  bool Step(Row& row, char c) {
    switch (state) {
      case State::kFieldStart:
        if (c == '\n') {
          row.StartField(false);
          return true;
        }
        Keep(row, c);
        if (c == kQuote) {
          field = &row.StartField(true);
          row.quote_line = line;
          state = State::kQuoted;
        } else if (c == options.delimiter) {
          row.StartField(false);
        } else {
          field = &row.StartField(false);
          Append(row, c);
          state = State::kUnquoted;
        }
        return false;
      case State::kUnquoted:
        if (c == '\n') return true;
        Keep(row, c);
        if (c == options.delimiter) {
          state = State::kFieldStart;
        } else {
          Append(row, c);
        }
        return false;
      case State::kQuoted:
        Keep(row, c);
        if (c == kQuote) {
          state = State::kQuoteInQuoted;
        } else {
          Append(row, c);
        }
        return false;
      case State::kQuoteInQuoted:
        if (c == '\n') return true;
        Keep(row, c);
        if (c == kQuote) {
          Append(row, c);
          state = State::kQuoted;
        } else if (c == options.delimiter) {
          state = State::kFieldStart;
        } else {
          if (row.error.empty()) {
            row.error = std::string("unexpected character '") + c +
                        "' after a closing quote (a quote inside a quoted field must be doubled)";
          }
          Append(row, c);
          state = State::kUnquoted;
        }
        return false;
    }
    return false;
  }

  base::Result<bool> FinishAtEof(Row& row, bool started) {
    if (!started) return false;
    if (state == State::kQuoted) {
      row.error = "unterminated quoted field: the quote opened on line " +
                  std::to_string(row.quote_line) + " is never closed";
    }
    if (state == State::kFieldStart) row.StartField(false);
    return true;
  }

  // Keeps a raw byte of the row for `text`, and enforces the size limit.
  void Keep(Row& row, char c) {
    ++row.raw_bytes;
    if (row.raw.size() < options.max_text_bytes) row.raw += c;
    if (row.raw_bytes == options.max_record_bytes + 1 && row.error.empty()) {
      row.error = "row is longer than the limit of " + std::to_string(options.max_record_bytes) +
                  " bytes";
    }
  }
  void Append(Row& row, char c) {
    if (row.raw_bytes > options.max_record_bytes) return;  // bounded memory for broken rows
    *field += c;
  }

  base::Status ReadHeader() {
    header_read = true;
    Row row;
    while (true) {
      OVS_ASSIGN_OR_RETURN(bool more, ReadRow(row));
      if (!more) return base::Status::Ok();  // empty input: no header, no records
      if (!row.IsBlank()) break;
    }
    std::string where = input->name() + ": line " + std::to_string(row.start_line) + ": header row: ";
    if (!row.error.empty()) return base::InvalidArgument(where + row.error);
    for (std::size_t i = 0; i < row.count; ++i) {
      if (std::size_t bad = FindInvalidUtf8(row.values[i]); bad != std::string_view::npos) {
        return base::InvalidArgument(where + internal::DescribeInvalidUtf8(row.values[i], bad));
      }
      std::string name(base::Trim(row.values[i]));
      if (name.empty()) name = "column_" + std::to_string(i + 1);
      header.push_back(std::move(name));
    }
    return base::Status::Ok();
  }

  void Fill(const Row& row, RawRecord& out) {
    internal::BeginRecord(out, row.start_line);
    internal::SetRecordText(out, row.raw, options.max_text_bytes, true);
    out.text_truncated = row.raw_bytes > row.raw.size();
    if (!row.error.empty()) {
      internal::SetParseError(out, row.error);
      return;
    }
    if (row.count != header.size()) {
      internal::SetParseError(out, "row has " + std::to_string(row.count) +
                                       " fields; the header has " + std::to_string(header.size()));
      return;
    }
    internal::FieldFiller filler(out);
    for (std::size_t i = 0; i < row.count; ++i) {
      const std::string& value = row.values[i];
      if (std::size_t bad = FindInvalidUtf8(value); bad != std::string_view::npos) {
        internal::SetParseError(out, internal::DescribeInvalidUtf8(value, bad) + " in column \"" +
                                         header[i] + "\"");
        return;
      }
      if (value.empty() && !row.quoted[i]) continue;  // unquoted empty: no value
      filler.Add({}, header[i], value, ValueType::kString);
    }
    filler.Finish();
  }

  std::unique_ptr<ByteSource> input;
  CsvOptions options;
  std::vector<char> buf;
  std::size_t pos = 0, end = 0;
  std::int64_t line = 1;  // the line the next byte is on
  base::Status error;
  State state = State::kFieldStart;
  bool cr_pending = false;  // a '\r' outside quotes, waiting to see whether '\n' follows
  std::string* field = nullptr;  // the field being filled (in kUnquoted / kQuoted)
  bool header_read = false;
  base::Status header_status;
  std::vector<std::string> header;
  Row row;
};

CsvReader::CsvReader(std::unique_ptr<ByteSource> input, CsvOptions options)
    : impl_(std::make_unique<Impl>(std::move(input), options)) {}

CsvReader::~CsvReader() = default;

base::Result<bool> CsvReader::Next(RawRecord& out) {
  Impl& impl = *impl_;
  if (!impl.header_read) impl.header_status = impl.ReadHeader();
  if (!impl.header_status.ok()) return impl.header_status;  // on every call, as documented
  if (impl.header.empty()) return false;
  while (true) {
    OVS_ASSIGN_OR_RETURN(bool more, impl.ReadRow(impl.row));
    if (!more) return false;
    if (impl.row.IsBlank()) continue;
    impl.Fill(impl.row, out);
    return true;
  }
}

const std::vector<std::string>& CsvReader::header() const { return impl_->header; }

}  // namespace oversight::ingest
