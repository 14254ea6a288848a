// ParseMapping: the YAML mapping file format (docs/MAPPING.md). yaml-cpp throws;
// its exceptions stop here and become Status errors with the line and column.

#include <yaml-cpp/yaml.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <string>

#include "ingest/internal/mapping_builder.h"
#include "ingest/mapping.h"
#include "model/event.h"
#include "model/event_type.h"

namespace oversight::ingest {
namespace {

constexpr std::size_t kMaxMappingFileBytes = 1 << 20;

std::string At(const YAML::Mark& mark) {
  if (mark.is_null()) return "";
  return "line " + std::to_string(mark.line + 1) + ", column " + std::to_string(mark.column + 1) +
         ": ";
}

base::Status ErrorAt(const YAML::Node& node, const std::string& message) {
  return base::InvalidArgument(At(node.Mark()) + message);
}

std::string Quote(std::string_view text) {
  std::string out;  // built piecewise: GCC 12 -O3 misreports "\"" + s (-Wrestrict, PR 105651)
  out.reserve(text.size() + 2);
  out += '"';
  out += text;
  out += '"';
  return out;
}

base::Result<std::string> Scalar(const YAML::Node& node, std::string_view what) {
  if (!node.IsScalar()) return ErrorAt(node, std::string(what) + " must be a single value");
  return node.Scalar();
}

std::string AllFieldNames() {
  std::string names;
  for (int i = 0; i < kCanonicalFieldCount; ++i) {
    if (i > 0) names += ", ";
    names += CanonicalFieldName(static_cast<CanonicalField>(i));
  }
  return names;
}

base::Result<CanonicalField> FieldName(const YAML::Node& key) {
  OVS_ASSIGN_OR_RETURN(std::string name, Scalar(key, "a field name"));
  if (name == "attrs") {
    return ErrorAt(key, "attrs is not a field here: use the top-level \"attrs:\" key");
  }
  std::optional<CanonicalField> field = ParseCanonicalField(name);
  if (!field) {
    return ErrorAt(key, "unknown canonical field " + Quote(name) + " (expected one of " +
                            AllFieldNames() + ")");
  }
  return *field;
}

// Values of kind, type and channel must be ones the model knows.
base::Status CheckCanonicalValue(CanonicalField field, const YAML::Node& node,
                                 const std::string& value) {
  switch (field) {
    case CanonicalField::kKind:
      if (!model::ParseCaseKind(value)) {
        return ErrorAt(node, "unknown kind " + Quote(value) +
                                 " (expected approval, complaint or rating)");
      }
      break;
    case CanonicalField::kType:
      if (!model::ParseEventType(value)) {
        return ErrorAt(node, "unknown event type " + Quote(value));
      }
      break;
    case CanonicalField::kChannel:
      if (!model::ParseChannel(value)) {
        return ErrorAt(node, "unknown channel " + Quote(value) +
                                 " (expected online, window, mobile, or \"\" for unknown)");
      }
      break;
    default:
      break;
  }
  return base::Status::Ok();
}

class Parser {
 public:
  base::Result<Mapping> Parse(const YAML::Node& root) {
    if (!root.IsDefined() || root.IsNull()) return base::InvalidArgument("the mapping is empty");
    if (!root.IsMap()) return ErrorAt(root, "a mapping must be a YAML map (key: value lines)");
    for (const auto& entry : root) {
      OVS_ASSIGN_OR_RETURN(std::string key, Scalar(entry.first, "a key"));
      const YAML::Node& value = entry.second;
      if (key == "source") {
        OVS_ASSIGN_OR_RETURN(std::string source, Scalar(value, "source"));
        builder_.SetSource(std::move(source));
      } else if (key == "zone") {
        OVS_ASSIGN_OR_RETURN(std::string zone, Scalar(value, "zone"));
        builder_.SetZone(std::move(zone));
      } else if (key == "kind") {
        OVS_RETURN_IF_ERROR(Default(CanonicalField::kKind, value));
      } else if (key == "fields") {
        OVS_RETURN_IF_ERROR(Fields(value));
      } else if (key == "defaults") {
        OVS_RETURN_IF_ERROR(Defaults(value));
      } else if (key == "values") {
        OVS_RETURN_IF_ERROR(Values(value));
      } else if (key == "attrs") {
        OVS_RETURN_IF_ERROR(Attrs(value));
      } else if (key == "steps") {
        OVS_RETURN_IF_ERROR(Steps(value));
      } else {
        return ErrorAt(entry.first, "unknown key " + Quote(key) +
                                        " (expected source, zone, kind, fields, defaults, "
                                        "values, attrs, steps)");
      }
    }
    OVS_RETURN_IF_ERROR(CheckStepKinds());
    return std::move(builder_).Build();
  }

 private:
  base::Status Fields(const YAML::Node& node) {
    if (!node.IsMap()) return ErrorAt(node, "fields must map canonical fields to source fields");
    for (const auto& entry : node) {
      OVS_ASSIGN_OR_RETURN(CanonicalField field, FieldName(entry.first));
      const YAML::Node& sources = entry.second;
      if (sources.IsScalar()) {
        builder_.AddFieldSource(field, sources.Scalar(), 0);
        continue;
      }
      // A list: the first source field present (and not empty) wins.
      if (!sources.IsSequence() || sources.size() == 0 || sources.size() > 255) {
        return ErrorAt(sources, "a field's source must be a field name or a list of them");
      }
      for (std::size_t i = 0; i < sources.size(); ++i) {
        OVS_ASSIGN_OR_RETURN(std::string name, Scalar(sources[i], "a source field name"));
        builder_.AddFieldSource(field, name, static_cast<std::uint8_t>(i));
      }
    }
    return base::Status::Ok();
  }

  base::Status Defaults(const YAML::Node& node) {
    if (!node.IsMap()) return ErrorAt(node, "defaults must map canonical fields to values");
    for (const auto& entry : node) {
      OVS_ASSIGN_OR_RETURN(CanonicalField field, FieldName(entry.first));
      OVS_RETURN_IF_ERROR(Default(field, entry.second));
    }
    return base::Status::Ok();
  }

  base::Status Default(CanonicalField field, const YAML::Node& node) {
    OVS_ASSIGN_OR_RETURN(std::string value, Scalar(node, "a default"));
    OVS_RETURN_IF_ERROR(CheckCanonicalValue(field, node, value));
    if (field == CanonicalField::kKind) {
      if (!kind_.empty() && kind_ != value) {
        return ErrorAt(node, "kind is given twice, as " + Quote(kind_) + " and " + Quote(value));
      }
      kind_ = value;
    }
    builder_.SetDefault(field, std::move(value));
    return base::Status::Ok();
  }

  base::Status Values(const YAML::Node& node) {
    if (!node.IsMap()) return ErrorAt(node, "values must map canonical fields to value tables");
    for (const auto& entry : node) {
      OVS_ASSIGN_OR_RETURN(CanonicalField field, FieldName(entry.first));
      if (!entry.second.IsMap()) {
        return ErrorAt(entry.second, "a value table must map source values to canonical values");
      }
      for (const auto& pair : entry.second) {
        OVS_ASSIGN_OR_RETURN(std::string from, Scalar(pair.first, "a source value"));
        OVS_ASSIGN_OR_RETURN(std::string to, Scalar(pair.second, "a canonical value"));
        OVS_RETURN_IF_ERROR(CheckCanonicalValue(field, pair.second, to));
        if (from == "*") {
          builder_.SetValueOtherwise(field, std::move(to));
        } else if (!builder_.AddValue(field, from, std::move(to))) {
          return ErrorAt(pair.first, "the value " + Quote(from) + " is mapped twice");
        }
      }
    }
    return base::Status::Ok();
  }

  // attrs: "*" | [name, "prefix*", {attr: source}, ...] | {attr: source, ...}
  base::Status Attrs(const YAML::Node& node) {
    if (node.IsScalar()) return AttrItem(node, node.Scalar(), node.Scalar());
    if (node.IsMap()) return AttrMap(node);
    if (!node.IsSequence()) return ErrorAt(node, "attrs must be \"*\", a list or a map");
    for (const auto& item : node) {
      if (item.IsMap()) {
        OVS_RETURN_IF_ERROR(AttrMap(item));
        continue;
      }
      OVS_ASSIGN_OR_RETURN(std::string name, Scalar(item, "an attrs entry"));
      OVS_RETURN_IF_ERROR(AttrItem(item, name, name));
    }
    return base::Status::Ok();
  }

  base::Status AttrMap(const YAML::Node& node) {
    for (const auto& entry : node) {
      OVS_ASSIGN_OR_RETURN(std::string attr, Scalar(entry.first, "an attr name"));
      OVS_ASSIGN_OR_RETURN(std::string source, Scalar(entry.second, "a source field name"));
      OVS_RETURN_IF_ERROR(AttrItem(entry.second, attr, source));
    }
    return base::Status::Ok();
  }

  // One attr: `source` copied as `attr`; "prefix*" on both sides for a family of
  // fields ("*" alone: every field that feeds no canonical field).
  base::Status AttrItem(const YAML::Node& node, std::string attr, std::string source) {
    bool attr_star = !attr.empty() && attr.back() == '*';
    bool source_star = !source.empty() && source.back() == '*';
    if (attr.empty() || source.empty()) return ErrorAt(node, "an attrs entry cannot be empty");
    if (attr_star != source_star) {
      return ErrorAt(node, "a \"*\" pattern must be on both sides: " + Quote(attr) + ": " +
                               Quote(source));
    }
    if (source_star) {
      attr.pop_back();
      source.pop_back();
      builder_.AddPrefixRule(std::move(source), std::move(attr));
    } else {
      builder_.AddAttr(source, std::move(attr));
    }
    return base::Status::Ok();
  }

  base::Status Steps(const YAML::Node& node) {
    if (!node.IsMap()) return ErrorAt(node, "steps must map source step names to event types");
    for (const auto& entry : node) {
      OVS_ASSIGN_OR_RETURN(std::string name, Scalar(entry.first, "a step name"));
      OVS_ASSIGN_OR_RETURN(std::string type, Scalar(entry.second, "an event type"));
      std::optional<model::EventType> parsed = model::ParseEventType(type);
      if (!parsed) {
        return ErrorAt(entry.second, "unknown event type " + Quote(type) + " for step " +
                                         Quote(name));
      }
      if (!builder_.AddStep(name, type)) {
        return ErrorAt(entry.first, "the step " + Quote(name) + " is mapped twice");
      }
      step_nodes_.push_back({*parsed, entry.second});
    }
    return base::Status::Ok();
  }

  // With a fixed kind, every mapped step must be an event type of that kind.
  base::Status CheckStepKinds() {
    if (kind_.empty()) return base::Status::Ok();
    model::CaseKind kind = *model::ParseCaseKind(kind_);
    for (const auto& [type, node] : step_nodes_) {
      std::optional<model::CaseKind> type_kind = model::KindOfEventType(type);
      if (type_kind && *type_kind != kind) {
        return ErrorAt(node, "event type " + Quote(model::EventTypeName(type)) +
                                 " belongs to kind " + Quote(model::CaseKindName(*type_kind)) +
                                 ", but this mapping's kind is " + Quote(kind_));
      }
    }
    return base::Status::Ok();
  }

  MappingBuilder builder_;
  std::string kind_;
  std::vector<std::pair<model::EventType, YAML::Node>> step_nodes_;
};

}  // namespace

base::Result<Mapping> ParseMapping(std::string_view yaml_text) {
  try {
    YAML::Node root = YAML::Load(std::string(yaml_text));
    return Parser().Parse(root);
  } catch (const YAML::Exception& e) {
    return base::InvalidArgument(At(e.mark) + e.msg);
  } catch (const std::exception& e) {
    return base::InvalidArgument(std::string("cannot read the mapping: ") + e.what());
  }
}

base::Result<Mapping> LoadMappingFile(std::string_view path) {
  std::string name(path);
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(std::fopen(name.c_str(), "rb"),
                                                       &std::fclose);
  if (!file) {
    std::string message = name + ": cannot open: " + std::strerror(errno);
    if (errno == ENOENT) return base::NotFound(std::move(message));
    return base::InvalidArgument(std::move(message));
  }
  std::string text(kMaxMappingFileBytes + 1, '\0');
  std::size_t n = std::fread(text.data(), 1, text.size(), file.get());
  if (std::ferror(file.get())) return base::InvalidArgument(name + ": read failed");
  if (n > kMaxMappingFileBytes) {
    return base::InvalidArgument(name + ": a mapping file may not exceed 1 MiB");
  }
  text.resize(n);
  base::Result<Mapping> mapping = ParseMapping(text);
  if (!mapping.ok()) return mapping.status().WithContext(name);
  return mapping;
}

}  // namespace oversight::ingest
