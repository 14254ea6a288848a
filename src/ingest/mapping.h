#pragma once

// Mapping: how one source's records become canonical events (DESIGN §3). A
// mapping file (YAML, see docs/MAPPING.md) names, for each canonical field, the
// source field(s) it comes from, defaults, value translations, which fields go to
// attrs, and which source step names mean which canonical event type.
//
//   OVS_ASSIGN_OR_RETURN(Mapping mapping, LoadMappingFile("examples/mappings/receipt.yaml"));
//   OVS_ASSIGN_OR_RETURN(MappedRecord mapped, mapping.Apply(record));
//   // mapped.type == "submit", mapped.case_id == "case-10011", ...
//
// The mapper only moves and renames strings; it does not validate them. A step
// name with no mapping gives type "step" with `step` = the source's name; a
// canonical field with no value (and no default) stays empty, for the validator
// to reject by name. Times keep their source text; zone() says which zone a time
// without an offset is in.

#include <array>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/status.h"
#include "ingest/raw_record.h"

namespace oversight::ingest {

// The canonical event fields a mapping can fill (attrs is handled apart).
enum class CanonicalField : std::uint8_t {
  kSourceEventId = 0,
  kCaseId,
  kKind,
  kType,
  kStep,
  kAt,
  kDept,
  kItem,
  kActor,
  kChannel,
};
inline constexpr int kCanonicalFieldCount = 10;

// "source_event_id", "case_id", ... (the JSON Lines names).
std::string_view CanonicalFieldName(CanonicalField field);
std::optional<CanonicalField> ParseCanonicalField(std::string_view name);

// A mapped record: strings still unvalidated; the pipeline validates them.
struct MappedRecord {
  std::string source_event_id;  // empty when the source has none
  std::string case_id, kind, type, step, at, dept, item, actor, channel;
  std::string attrs_json;  // compact JSON object of the attrs, "{}" if none
  // Set when a field that should hold an object of attrs (e.g. "attrs" in the
  // canonical format) holds a plain value instead: the record is malformed.
  std::string attrs_error;

  std::string& Field(CanonicalField field);
};

class Mapping {
 public:
  // Maps nothing: every field empty, no attrs.
  Mapping() = default;

  // The canonical JSON Lines format: every canonical field under its own name,
  // `type` giving the canonical type, "attrs.<name>" fields (the flattened
  // "attrs" object) becoming attrs named <name>.
  static Mapping Identity();

  // Maps one record. kInvalidArgument (with the reader's reason) when the record
  // has parse_error set; otherwise always succeeds. Safe to call from several
  // threads at once.
  base::Result<MappedRecord> Apply(const RawRecord& record) const;
  // The same, reusing `out`'s memory (for the hot path).
  base::Status ApplyTo(const RawRecord& record, MappedRecord& out) const;

  // The source's name (the mapping's `source:`), "" when not given.
  const std::string& source() const { return source_; }
  // The IANA zone of times written without an offset (`zone:`), "" when not given.
  const std::string& zone() const { return zone_; }
  // The canonical type a step name maps to, or nullptr when it maps to none.
  const std::string* StepType(std::string_view step_name) const;
  // True when `name` is a prefix rule's source prefix without its final '.'.
  bool IsPrefixStem(std::string_view name) const;

 private:
  friend class MappingBuilder;

  struct StringHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const {
      return std::hash<std::string_view>{}(text);
    }
  };
  template <typename V>
  using StringMap = std::unordered_map<std::string, V, StringHash, std::equal_to<>>;

  // What one source field feeds.
  struct Role {
    struct Slot {
      CanonicalField field;
      std::uint8_t priority;  // 0 = first choice among the field's sources
    };
    std::vector<Slot> slots;
    std::vector<std::string> attr_names;  // attrs it is copied to, under these names
  };
  // Fields whose name starts with source_prefix (and feed no canonical field) go
  // to attrs as attr_prefix + the rest of the name.
  struct PrefixRule {
    std::string source_prefix;
    std::string attr_prefix;
  };
  struct ValueMap {
    StringMap<std::string> values;
    std::optional<std::string> otherwise;  // the "*" entry
  };

  std::string source_;
  std::string zone_;
  std::array<std::string, kCanonicalFieldCount> defaults_;
  std::array<ValueMap, kCanonicalFieldCount> value_maps_;
  StringMap<Role> roles_;
  std::vector<PrefixRule> prefix_rules_;
  StringMap<std::string> steps_;
};

// Parses a mapping file's text. Errors name the line and column
// ("line 7, column 3: unknown canonical field \"case\"").
base::Result<Mapping> ParseMapping(std::string_view yaml_text);

// Reads and parses a mapping file (at most 1 MiB); errors start with the path.
base::Result<Mapping> LoadMappingFile(std::string_view path);

}  // namespace oversight::ingest
