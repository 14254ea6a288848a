#pragma once

// Assembles a Mapping piece by piece: used by the YAML parser and by
// Mapping::Identity(). Checks nothing; the parser validates what it adds.

#include <cstdint>
#include <string>

#include "ingest/mapping.h"

namespace oversight::ingest {

class MappingBuilder {
 public:
  void SetSource(std::string source) { mapping_.source_ = std::move(source); }
  void SetZone(std::string zone) { mapping_.zone_ = std::move(zone); }
  void AddFieldSource(CanonicalField field, const std::string& source_name,
                      std::uint8_t priority) {
    mapping_.roles_[source_name].slots.push_back({field, priority});
  }
  void SetDefault(CanonicalField field, std::string value) {
    mapping_.defaults_[Index(field)] = std::move(value);
  }
  // False when `from` is already mapped.
  bool AddValue(CanonicalField field, std::string from, std::string to) {
    return mapping_.value_maps_[Index(field)].values.emplace(std::move(from), std::move(to)).second;
  }
  void SetValueOtherwise(CanonicalField field, std::string to) {
    mapping_.value_maps_[Index(field)].otherwise = std::move(to);
  }
  void AddAttr(const std::string& source_name, std::string attr_name) {
    mapping_.roles_[source_name].attr_names.push_back(std::move(attr_name));
  }
  void AddPrefixRule(std::string source_prefix, std::string attr_prefix) {
    mapping_.prefix_rules_.push_back({std::move(source_prefix), std::move(attr_prefix)});
  }
  // False when `step_name` is already mapped.
  bool AddStep(std::string step_name, std::string type) {
    return mapping_.steps_.emplace(std::move(step_name), std::move(type)).second;
  }
  Mapping Build() && { return std::move(mapping_); }

 private:
  static std::size_t Index(CanonicalField field) { return static_cast<std::size_t>(field); }
  Mapping mapping_;
};

}  // namespace oversight::ingest
