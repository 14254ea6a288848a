#pragma once

// EventValidator: the Normalize stage. Turns a mapped record (strings as the
// source sent them) into a model::Event, or a Rejection naming the field at
// fault. Holds the reference data it checks against; registers unknown
// departments and items when asked to.
//
//   EventValidator validator(options, departments, items);
//   auto checked = validator.Validate(mapped);
//   if (auto* event = std::get_if<model::Event>(&checked)) batch.push_back(*event);

#include <chrono>
#include <functional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <variant>
#include <vector>

#include "base/time.h"
#include "ingest/mapping.h"
#include "model/department.h"
#include "model/event.h"
#include "model/item.h"
#include "pipeline/rejection.h"

namespace oversight::pipeline {

struct ValidatorOptions {
  std::string source;                 // stamped on every event
  base::Instant now{};                // injected "now" for the future-time check
  std::chrono::minutes future_tolerance{10};
  bool auto_register = false;         // create unknown departments and items instead of rejecting
  // Reads a wall-clock time (no offset in the input) in the source's zone.
  std::function<base::Instant(base::Instant wall)> from_local;
  // Default kind when the record names none and its type does not imply one.
  model::CaseKind default_kind = model::CaseKind::kApproval;
};

using Checked = std::variant<model::Event, Rejection>;

class EventValidator {
 public:
  EventValidator(ValidatorOptions options, const std::vector<model::Department>& departments,
                 const std::vector<model::Item>& items);

  Checked Validate(const ingest::MappedRecord& record);

  // Departments and items registered by Validate since the last call (auto_register).
  std::vector<model::Department> TakeNewDepartments();
  std::vector<model::Item> TakeNewItems();

  void set_now(base::Instant now) { options_.now = now; }

 private:
  std::optional<Rejection> CheckReferences(const ingest::MappedRecord& record);

  ValidatorOptions options_;
  std::unordered_set<std::string> departments_;
  std::unordered_set<std::string> items_;
  std::vector<model::Department> new_departments_;
  std::vector<model::Item> new_items_;
};

// A stable id for a source record that has none: a hash of its content, so that
// re-sending the same record is recognised as a duplicate.
std::string ContentId(const ingest::MappedRecord& record);

}  // namespace oversight::pipeline
