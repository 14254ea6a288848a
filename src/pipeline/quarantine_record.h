#pragma once

#include <string>
#include <string_view>

#include "base/time.h"
#include "ingest/raw_record.h"
#include "store/store.h"

namespace oversight::pipeline {

// The quarantine row for a record that could not become an event. Identity
// numbers never rest in clear, not even in quarantine (DESIGN §12); the
// validator accepts the masked form on retry.
store::QuarantineRecord MakeQuarantineRecord(const std::string& source, const std::string& input,
                                             const ingest::RawRecord& record,
                                             std::string_view reason, std::string message,
                                             base::Instant received_at);

}  // namespace oversight::pipeline
