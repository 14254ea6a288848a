#pragma once

// Reads fuzz input to the end with the reader for `format`: whatever the bytes,
// the reader must neither crash nor loop (the guard bounds a runaway reader).

#include <cstddef>
#include <cstdint>
#include <string>

#include "ingest/open_reader.h"

namespace oversight::fuzz {

inline void DrainReader(ingest::InputFormat format, const std::uint8_t* data, std::size_t size) {
  ingest::ReaderOptions options;
  options.format = format;
  options.max_record_bytes = 4096;
  auto reader = ingest::MakeRecordReader(
      ingest::ByteSourceFromString(std::string(reinterpret_cast<const char*>(data), size), "fuzz"),
      options);
  ingest::RawRecord record;
  for (int guard = 0; guard < 100000; ++guard) {
    record.Clear();
    auto more = reader->Next(record);
    if (!more.ok() || !*more) break;
  }
}

}  // namespace oversight::fuzz
