#pragma once

// Text encodings of ingest input. Everything past the readers is UTF-8; this is
// where other encodings are turned away or converted.
//
//   auto text = DecodeToUtf8(std::move(bytes));   // strips a BOM, converts GBK
//   OVS_ASSIGN_OR_RETURN(size_t n, text->Read(buf, sizeof buf));
//
// With TextEncoding::kAuto the decoder
//  - strips a UTF-8 byte-order mark (EF BB BF);
//  - refuses UTF-16 and UTF-32 (by byte-order mark, or by the NUL bytes of
//    BOM-less UTF-16 text) with kInvalidArgument naming the encoding;
//  - strips a GB18030 byte-order mark (84 31 95 33) and converts the rest;
//  - passes ASCII through while undecided; at the first non-ASCII byte it sniffs a
//    window of up to 64 KiB: text that is (nearly all) well-formed UTF-8 stays
//    UTF-8; text that is not, but decodes as GB18030 (a superset of GBK and GB2312),
//    is converted to UTF-8 with iconv from there on; anything else stays UTF-8.
// The choice is made once per input. Bytes that are invalid in the chosen encoding
// are passed through unchanged, so the reader sees invalid UTF-8 and turns that
// line or row into a parse_error record: nothing is dropped, nothing crashes.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "base/status.h"
#include "ingest/byte_source.h"

namespace oversight::ingest {

enum class TextEncoding : std::uint8_t {
  kAuto = 0,  // detect (see above)
  kUtf8,      // UTF-8, BOM stripped, no conversion
  kGb18030,   // GB18030 / GBK / GB2312, converted to UTF-8
};

// "auto", "utf-8", "gb18030".
std::string_view TextEncodingName(TextEncoding encoding);
// Accepts auto, utf-8/utf8, gb18030/gbk/gb2312/cp936 (any case).
base::Result<TextEncoding> ParseTextEncoding(std::string_view name);

// A ByteSource that yields UTF-8, decoding `input` as described above.
class Utf8Decoder final : public ByteSource {
 public:
  Utf8Decoder(std::unique_ptr<ByteSource> input, TextEncoding encoding);
  ~Utf8Decoder() override;
  Utf8Decoder(const Utf8Decoder&) = delete;
  Utf8Decoder& operator=(const Utf8Decoder&) = delete;

  // kInvalidArgument for UTF-16/UTF-32 input, before any byte is returned.
  base::Result<std::size_t> Read(char* out, std::size_t size) override;
  const std::string& name() const override;

  // kAuto while undecided (no non-ASCII byte seen yet), then what was chosen.
  TextEncoding detected() const;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

std::unique_ptr<Utf8Decoder> DecodeToUtf8(std::unique_ptr<ByteSource> input,
                                          TextEncoding encoding = TextEncoding::kAuto);

}  // namespace oversight::ingest
