#include "ingest/encoding.h"

#include <iconv.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <utility>
#include <vector>

#include "base/strings.h"
#include "ingest/utf8.h"

namespace oversight::ingest {
namespace {

constexpr std::size_t kRawChunk = 64 * 1024;
constexpr std::size_t kSniffBytes = 64 * 1024;

struct Utf8Tally {
  std::size_t good = 0;  // well-formed multi-byte sequences
  std::size_t bad = 0;   // bytes that start none
};

// Counts over `window`; an incomplete sequence at its end is ignored unless the
// window is the end of the input.
Utf8Tally TallyUtf8(std::string_view window, bool at_eof) {
  const auto* s = reinterpret_cast<const unsigned char*>(window.data());
  std::size_t n = window.size(), i = 0;
  Utf8Tally tally;
  while (i < n) {
    int len = Utf8SequenceLength(s + i, n - i);
    if (len == 1) {
      ++i;
    } else if (len > 1) {
      ++tally.good;
      i += static_cast<std::size_t>(len);
    } else if (len < 0 && !at_eof) {
      break;
    } else {
      ++tally.bad;
      ++i;
    }
  }
  return tally;
}

struct GbTally {
  std::size_t good = 0;  // non-ASCII characters converted
  std::size_t bad = 0;   // bytes iconv rejected
};

GbTally TallyGb18030(iconv_t cd, std::string_view window, bool at_eof) {
  GbTally tally;
  char out[4096];
  char* in = const_cast<char*>(window.data());  // iconv's signature; it does not write
  std::size_t in_left = window.size();
  iconv(cd, nullptr, nullptr, nullptr, nullptr);
  while (in_left > 0) {
    char* out_ptr = out;
    std::size_t out_left = sizeof out;
    std::size_t rc = iconv(cd, &in, &in_left, &out_ptr, &out_left);
    for (char* p = out; p < out_ptr; ++p) {
      if (static_cast<unsigned char>(*p) >= 0xC0) ++tally.good;
    }
    if (rc != static_cast<std::size_t>(-1)) break;
    if (errno == E2BIG) continue;
    if (errno == EINVAL && !at_eof) break;  // cut at the window's end
    ++tally.bad;
    ++in;
    --in_left;
    iconv(cd, nullptr, nullptr, nullptr, nullptr);
  }
  return tally;
}

std::size_t AsciiPrefixLength(const char* data, std::size_t size) {
  std::size_t i = 0;
  for (; i + 8 <= size; i += 8) {
    std::uint64_t word;
    std::memcpy(&word, data + i, 8);
    if ((word & 0x8080808080808080ull) != 0) break;
  }
  while (i < size && (static_cast<unsigned char>(data[i]) & 0x80) == 0) ++i;
  return i;
}

// "Nearly all": a stray damaged byte does not make UTF-8 text look like GB18030,
// while GBK text, of which only a few characters happen to form UTF-8 sequences,
// never passes.
bool MostlyGood(std::size_t good, std::size_t bad) { return good > 0 && bad * 8 <= good; }

// The refusal for a UTF-16/32 input, or an empty string.
std::string WideEncodingOf(std::string_view head) {
  auto at = [&](std::size_t i) { return i < head.size() ? static_cast<unsigned char>(head[i]) : 0x100u; };
  if (at(0) == 0x00 && at(1) == 0x00 && at(2) == 0xFE && at(3) == 0xFF) return "UTF-32BE";
  if (at(0) == 0xFF && at(1) == 0xFE && at(2) == 0x00 && at(3) == 0x00) return "UTF-32LE";
  if (at(0) == 0xFF && at(1) == 0xFE) return "UTF-16LE";
  if (at(0) == 0xFE && at(1) == 0xFF) return "UTF-16BE";
  // Without a BOM: ASCII characters of UTF-16 text alternate with NUL bytes.
  if (head.size() >= 4 && at(0) != 0 && at(1) == 0 && at(2) != 0 && at(3) == 0) {
    return "UTF-16LE (no byte-order mark)";
  }
  if (head.size() >= 4 && at(0) == 0 && at(1) != 0 && at(2) == 0 && at(3) != 0) {
    return "UTF-16BE (no byte-order mark)";
  }
  return "";
}

}  // namespace

std::string_view TextEncodingName(TextEncoding encoding) {
  switch (encoding) {
    case TextEncoding::kAuto: return "auto";
    case TextEncoding::kUtf8: return "utf-8";
    case TextEncoding::kGb18030: return "gb18030";
  }
  return "auto";
}

base::Result<TextEncoding> ParseTextEncoding(std::string_view name) {
  std::string lower = base::ToLowerAscii(name);
  if (lower == "auto") return TextEncoding::kAuto;
  if (lower == "utf-8" || lower == "utf8") return TextEncoding::kUtf8;
  if (lower == "gb18030" || lower == "gbk" || lower == "gb2312" || lower == "cp936") {
    return TextEncoding::kGb18030;
  }
  return base::InvalidArgument("unknown text encoding \"" + std::string(name) +
                               "\" (expected auto, utf-8 or gb18030)");
}

struct Utf8Decoder::State {
  std::unique_ptr<ByteSource> input;
  TextEncoding requested;
  TextEncoding mode = TextEncoding::kAuto;  // what is being done now
  bool bom_checked = false;
  bool eof = false;
  base::Status error;          // from the input, delivered after the bytes before it
  std::vector<char> raw;       // input bytes not yet returned
  std::size_t begin = 0, end = 0;
  iconv_t cd = reinterpret_cast<iconv_t>(-1);
  std::string spill;           // converted bytes that did not fit the caller's buffer
  std::size_t spill_pos = 0;

  std::size_t Buffered() const { return end - begin; }

  // Reads more input behind what is buffered. Returns false at the end or on error.
  bool Fill(std::size_t want) {
    if (eof || !error.ok()) return false;
    if (begin > 0) {
      std::memmove(raw.data(), raw.data() + begin, end - begin);
      end -= begin;
      begin = 0;
    }
    if (raw.size() < end + want) raw.resize(end + want);
    base::Result<std::size_t> n = input->Read(raw.data() + end, raw.size() - end);
    if (!n.ok()) {
      error = n.status();
      return false;
    }
    if (*n == 0) {
      eof = true;
      return false;
    }
    end += *n;
    return true;
  }

  base::Status CheckStart() {
    bom_checked = true;
    while (Buffered() < 4 && Fill(kRawChunk)) {
    }
    std::string_view head(raw.data() + begin, std::min<std::size_t>(Buffered(), 4));
    if (head.substr(0, 3) == "\xEF\xBB\xBF") {
      begin += 3;
      mode = TextEncoding::kUtf8;
      return base::Status::Ok();
    }
    if (head == "\x84\x31\x95\x33") {
      begin += 4;
      return StartGb18030();
    }
    if (std::string wide = WideEncodingOf(head); !wide.empty()) {
      return base::InvalidArgument(input->name() + ": the input is " + wide +
                                   "; only UTF-8 and GB18030/GBK are read (convert it first, e.g. "
                                   "iconv -f UTF-16 -t UTF-8)");
    }
    if (requested == TextEncoding::kGb18030) return StartGb18030();
    mode = requested;  // kUtf8, or kAuto (undecided)
    return base::Status::Ok();
  }

  base::Status StartGb18030() {
    if (cd == reinterpret_cast<iconv_t>(-1)) cd = iconv_open("UTF-8", "GB18030");
    if (cd == reinterpret_cast<iconv_t>(-1)) {
      return base::Internal("iconv cannot convert GB18030 to UTF-8: " +
                            std::string(std::strerror(errno)));
    }
    mode = TextEncoding::kGb18030;
    return base::Status::Ok();
  }

  // Called with the first non-ASCII byte at `begin`.
  base::Status Decide() {
    while (Buffered() < kSniffBytes && Fill(kSniffBytes - Buffered())) {
    }
    bool at_eof = eof || !error.ok();
    std::string_view window(raw.data() + begin, Buffered());
    Utf8Tally utf8 = TallyUtf8(window, at_eof);
    if (utf8.bad == 0 || MostlyGood(utf8.good, utf8.bad)) {
      mode = TextEncoding::kUtf8;
      return base::Status::Ok();
    }
    OVS_RETURN_IF_ERROR(StartGb18030());
    GbTally gb = TallyGb18030(cd, window, at_eof);
    if (!MostlyGood(gb.good, gb.bad)) mode = TextEncoding::kUtf8;  // neither: let readers flag it
    return base::Status::Ok();
  }

  std::size_t CopyBuffered(char* out, std::size_t size) {
    std::size_t n = std::min(size, Buffered());
    std::memcpy(out, raw.data() + begin, n);
    begin += n;
    return n;
  }

  base::Result<std::size_t> ReadUndecided(char* out, std::size_t size) {
    if (Buffered() == 0) {
      // The common case, ASCII while undecided: read straight into the caller's
      // buffer and hold back only what follows a non-ASCII byte.
      if (eof || !error.ok()) return std::size_t{0};
      base::Result<std::size_t> n = input->Read(out, size);
      if (!n.ok()) {
        error = n.status();
        return std::size_t{0};
      }
      if (*n == 0) {
        eof = true;
        return std::size_t{0};
      }
      std::size_t ascii = AsciiPrefixLength(out, *n);
      if (ascii == *n) return *n;
      raw.assign(out + ascii, out + *n);
      begin = 0;
      end = raw.size();
      if (ascii > 0) return ascii;
    }
    std::size_t ascii = AsciiPrefixLength(raw.data() + begin, Buffered());
    if (ascii > 0) return CopyBuffered(out, std::min(size, ascii));
    OVS_RETURN_IF_ERROR(Decide());
    return std::size_t{0};  // decided: the caller reads again in the new mode
  }

  base::Result<std::size_t> ReadUtf8(char* out, std::size_t size) {
    if (Buffered() > 0) return CopyBuffered(out, size);
    if (!error.ok() || eof) return std::size_t{0};
    base::Result<std::size_t> n = input->Read(out, size);
    if (!n.ok()) {
      error = n.status();
    } else if (*n == 0) {
      eof = true;
    }
    return n;
  }

  base::Result<std::size_t> ReadGb18030(char* out, std::size_t size) {
    if (spill_pos < spill.size()) {
      std::size_t n = std::min(size, spill.size() - spill_pos);
      std::memcpy(out, spill.data() + spill_pos, n);
      spill_pos += n;
      return n;
    }
    if (size < 16) {  // too small for a converted character: convert into the spill
      spill.assign(64, '\0');
      spill_pos = 0;
      std::size_t n = ConvertInto(spill.data(), spill.size());
      spill.resize(n);
      if (n == 0) return std::size_t{0};  // the end of input
      return ReadGb18030(out, size);
    }
    return ConvertInto(out, size);
  }

  // Converts buffered input into out; pulls more input when the buffer runs dry.
  std::size_t ConvertInto(char* out, std::size_t size) {
    char* out_ptr = out;
    std::size_t out_left = size;
    while (out_left > 0) {
      if (Buffered() == 0 && !Fill(kRawChunk)) break;
      char* in = raw.data() + begin;
      std::size_t in_left = Buffered();
      std::size_t rc = iconv(cd, &in, &in_left, &out_ptr, &out_left);
      begin = static_cast<std::size_t>(in - raw.data());
      if (rc != static_cast<std::size_t>(-1)) continue;
      if (errno == E2BIG) break;
      if (errno == EINVAL && Fill(kRawChunk)) continue;  // a character split across reads
      // An invalid sequence (or one cut off by the end of input): pass one byte
      // through unchanged so the reader sees invalid UTF-8 in that record.
      if (out_left == 0) break;
      *out_ptr++ = raw[begin++];
      --out_left;
      iconv(cd, nullptr, nullptr, nullptr, nullptr);
    }
    return size - out_left;
  }
};

Utf8Decoder::Utf8Decoder(std::unique_ptr<ByteSource> input, TextEncoding encoding)
    : state_(std::make_unique<State>()) {
  state_->input = std::move(input);
  state_->requested = encoding;
}

Utf8Decoder::~Utf8Decoder() {
  if (state_->cd != reinterpret_cast<iconv_t>(-1)) iconv_close(state_->cd);
}

const std::string& Utf8Decoder::name() const { return state_->input->name(); }

TextEncoding Utf8Decoder::detected() const { return state_->mode; }

base::Result<std::size_t> Utf8Decoder::Read(char* out, std::size_t size) {
  State& s = *state_;
  if (!s.bom_checked) OVS_RETURN_IF_ERROR(s.CheckStart());
  if (size == 0) return std::size_t{0};
  while (true) {
    base::Result<std::size_t> n = std::size_t{0};
    switch (s.mode) {
      case TextEncoding::kAuto: n = s.ReadUndecided(out, size); break;
      case TextEncoding::kUtf8: n = s.ReadUtf8(out, size); break;
      case TextEncoding::kGb18030: n = s.ReadGb18030(out, size); break;
    }
    if (!n.ok() || *n > 0) return n;
    // Nothing produced: either the mode was just decided (read again) or the input
    // is over (report a held-back error, or the end).
    if (s.Buffered() == 0 && (s.eof || !s.error.ok())) {
      if (!s.error.ok()) return s.error;
      return std::size_t{0};
    }
  }
}

std::unique_ptr<Utf8Decoder> DecodeToUtf8(std::unique_ptr<ByteSource> input,
                                          TextEncoding encoding) {
  return std::make_unique<Utf8Decoder>(std::move(input), encoding);
}

}  // namespace oversight::ingest
