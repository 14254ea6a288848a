#pragma once

// How events reach the store from the server, whoever sends them (an ingest
// client's POST /events, or the complaint and rating desks): the ingest path
// (read, map, validate, one store transaction, quarantine for the refused), then
// the live engine on what was stored, then the alert stream. A caller holds the
// service's lock.
//
//   IntakeRequest request{.source = "hall", .text = std::move(lines)};
//   OVS_ASSIGN_OR_RETURN(pipeline::BatchOutcome outcome, IngestAndJudge(svc, std::move(request), now));

#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "ingest/open_reader.h"
#include "pipeline/batch_ingest.h"
#include "server/reply.h"
#include "server/service.h"

namespace oversight::server {

struct IntakeRequest {
  std::string source;
  std::string text;  // the records, in `format`
  ingest::InputFormat format = ingest::InputFormat::kJsonl;
  // A request's batch is bounded by the service's max_events_per_request; an
  // import (a whole file) by a million records.
  bool per_record = true;
  // A last check on each valid event (e.g. the sender's departments).
  std::function<std::optional<pipeline::Rejection>(const model::Event&)> admit;
};

// Stores the records, judges what was stored and publishes the alert changes.
// The metrics count what was stored, duplicated and quarantined. Lock held.
base::Result<pipeline::BatchOutcome> IngestAndJudge(Service& svc, IntakeRequest request,
                                                    base::Instant now);

// A sink for the desks (complaints/event_sink.h) over IngestAndJudge: fails
// with the refusal's message when a record is quarantined. Lock held while it
// is called.
std::function<base::Status(std::string_view source, std::string jsonl)> IntakeSink(Service& svc,
                                                                                  base::Instant now);

// The API error for a desk's refusal (complaints/): the field its message names
// (else `fallback_field`); a step out of order is 409 illegal_transition, a bad
// value 400 invalid_field.
ApiError DeskError(const base::Status& status, const std::string& fallback_field = "");

}  // namespace oversight::server
