#pragma once

// Writing small JSON texts (attrs objects, XES quarantine text) without a JSON
// library: appends to a caller-owned string so the hot path does not allocate.

#include <string>
#include <string_view>

#include "ingest/raw_record.h"

namespace oversight::ingest::internal {

// True when `text` is a JSON number (RFC 8259 §6): -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
bool IsJsonNumber(std::string_view text);

// Appends `text` as a quoted, escaped JSON string. `text` must be valid UTF-8.
void AppendJsonString(std::string& out, std::string_view text);

// Appends a value typed by `type`: numbers and booleans bare when they are valid
// JSON, kJson as is, everything else as a string.
void AppendJsonValue(std::string& out, std::string_view value, ValueType type);

}  // namespace oversight::ingest::internal
