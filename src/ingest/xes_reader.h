#pragma once

// XesReader: IEEE 1849-2016 XES event logs (plain or gzip), streamed through expat;
// no document tree is built, so memory stays bounded by one event and one trace's
// attributes.
//
//   XesReader reader(std::move(bytes));   // straight from OpenByteSource
//   RawRecord record;
//   while (true) { OVS_ASSIGN_OR_RETURN(bool more, reader.Next(record)); if (!more) break; ... }
//
// One record per <event>, with fields in this order:
//  - the event's attributes by key ("concept:name", "time:timestamp", ...);
//  - <global scope="event"> defaults for keys the event lacks;
//  - the enclosing trace's attributes, keys prefixed "case:" ("case:concept:name");
//  - <global scope="trace"> defaults the trace lacks, prefixed "case:" too.
// Nested (meta) attributes and <container> children are flattened as
// "parent.child"; a <list> becomes a JSON array of its values (kJson). int and
// float are kNumber, boolean kBool, string/date/id kString. Log-level attributes,
// extensions and classifiers are skipped. Trace attributes that come after the
// trace's first event (XES puts them first) apply only to later events.
// `line` is the line of the <event> start tag; `text` the fields as a compact JSON
// object (which JsonlReader reads back to the same fields). An event bigger than
// max_event_bytes comes back with parse_error set.
// Malformed XML: every event before the fault is returned, then a Status error
// naming the line and column. The encoding is the XML declaration's (expat reads
// UTF-8, UTF-16, ISO-8859-1 and US-ASCII); GBK/GB2312/GB18030 declarations are
// converted with iconv.

#include <cstddef>
#include <cstdint>
#include <memory>

#include "ingest/byte_source.h"
#include "ingest/raw_record.h"

namespace oversight::ingest {

struct XesOptions {
  std::size_t max_event_bytes = 1 << 20;  // an event's (or a trace's) keys and values
  std::size_t max_text_bytes = 64 << 10;
};

class XesReader final : public RecordReader {
 public:
  // `input` is the raw bytes (gzip already undone); the XML declaration decides
  // the encoding.
  explicit XesReader(std::unique_ptr<ByteSource> input, XesOptions options = {});
  ~XesReader() override;
  XesReader(const XesReader&) = delete;
  XesReader& operator=(const XesReader&) = delete;

  base::Result<bool> Next(RawRecord& out) override;

  // <trace> and <event> elements seen so far.
  std::int64_t traces_seen() const;
  std::int64_t events_seen() const;

 private:
  struct Impl;  // keeps expat out of this header
  std::unique_ptr<Impl> impl_;
};

}  // namespace oversight::ingest
