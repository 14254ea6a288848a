#include "ingest/jsonl_reader.h"

#include <simdjson.h>

#include <string>
#include <string_view>

#include "ingest/utf8.h"
#include "ingest/internal/json_text.h"
#include "ingest/internal/line_reader.h"
#include "ingest/internal/record_fill.h"

namespace oversight::ingest {
namespace {

namespace od = simdjson::ondemand;

// Objects nested deeper than this are kept as raw JSON rather than flattened.
constexpr int kMaxFlattenDepth = 32;

std::string_view TrimRight(std::string_view text) {
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\n' ||
                           text.back() == '\r')) {
    text.remove_suffix(1);
  }
  return text;
}

bool IsBlank(std::string_view text) {
  for (char c : text) {
    if (c != ' ' && c != '\t' && c != '\r') return false;
  }
  return true;
}

std::string JsonError(simdjson::error_code error) {
  return std::string("invalid JSON: ") + simdjson::error_message(error);
}

// Reads every value inside `value`, so that malformed content inside an array
// (which On-Demand would otherwise skip unread) is caught.
simdjson::error_code Walk(od::value value) {
  od::json_type type;
  if (auto error = value.type().get(type)) return error;
  switch (type) {
    case od::json_type::string: return value.get_string().error();
    case od::json_type::number:
      return internal::IsJsonNumber(TrimRight(value.raw_json_token())) ? simdjson::SUCCESS
                                                                      : simdjson::NUMBER_ERROR;
    case od::json_type::boolean: return value.get_bool().error();
    case od::json_type::null: {
      bool is_null = false;
      if (auto error = value.is_null().get(is_null)) return error;
      return is_null ? simdjson::SUCCESS : simdjson::N_ATOM_ERROR;
    }
    case od::json_type::array: {
      od::array array;
      if (auto error = value.get_array().get(array)) return error;
      for (auto element : array) {
        od::value item;
        if (auto error = element.get(item)) return error;
        if (auto error = Walk(item)) return error;
      }
      return simdjson::SUCCESS;
    }
    case od::json_type::object: {
      od::object object;
      if (auto error = value.get_object().get(object)) return error;
      for (auto field : object) {
        od::value item;
        if (auto error = field.value().get(item)) return error;
        if (auto error = Walk(item)) return error;
      }
      return simdjson::SUCCESS;
    }
  }
  return simdjson::INCORRECT_TYPE;
}

// Flattens one object into fields. Returns an empty string on success, else the
// reason the line is not acceptable.
class Flattener {
 public:
  Flattener(internal::FieldFiller& filler, od::parser& validator, std::size_t readable_after)
      : filler_(filler), validator_(validator), readable_after_(readable_after) {}

  std::string Object(od::object object, int depth) {
    for (auto field : object) {
      std::string_view key;
      if (auto error = field.unescaped_key().get(key)) return JsonError(error);
      od::value value;
      if (auto error = field.value().get(value)) return JsonError(error);
      std::string reason = Value(key, value, depth);
      if (!reason.empty()) return reason;
    }
    return {};
  }

 private:
  std::string Value(std::string_view key, od::value value, int depth) {
    od::json_type type;
    if (auto error = value.type().get(type)) return JsonError(error);
    switch (type) {
      case od::json_type::string: {
        std::string_view text;
        if (auto error = value.get_string().get(text)) return JsonError(error);
        filler_.Add(prefix_, key, text, ValueType::kString);
        return {};
      }
      case od::json_type::number: {
        // Checked by grammar, not parsed: 20-digit ids and 1e400 are valid JSON that
        // simdjson's number parser refuses, and the text is what is kept.
        std::string_view token = TrimRight(value.raw_json_token());
        if (!internal::IsJsonNumber(token)) return "invalid JSON: malformed number";
        filler_.Add(prefix_, key, token, ValueType::kNumber);
        return {};
      }
      case od::json_type::boolean: {
        bool flag;
        if (auto error = value.get_bool().get(flag)) return JsonError(error);
        filler_.Add(prefix_, key, flag ? "true" : "false", ValueType::kBool);
        return {};
      }
      case od::json_type::null: {
        bool is_null;
        if (auto error = value.is_null().get(is_null)) return JsonError(error);
        if (!is_null) return "invalid JSON: a malformed null";
        return {};  // null: the field is absent
      }
      case od::json_type::array: {
        od::array array;
        std::string_view raw;
        if (auto error = value.get_array().get(array)) return JsonError(error);
        if (auto error = array.raw_json().get(raw)) return JsonError(error);
        raw = TrimRight(raw);
        if (auto error = Validate(raw)) return JsonError(error);
        filler_.Add(prefix_, key, raw, ValueType::kJson);
        return {};
      }
      case od::json_type::object: {
        od::object object;
        if (auto error = value.get_object().get(object)) return JsonError(error);
        if (depth >= kMaxFlattenDepth) {
          std::string_view raw;
          if (auto error = object.raw_json().get(raw)) return JsonError(error);
          raw = TrimRight(raw);
          if (auto error = Validate(raw)) return JsonError(error);
          filler_.Add(prefix_, key, raw, ValueType::kJson);
          return {};
        }
        std::size_t mark = prefix_.size();
        prefix_.append(key);
        prefix_ += '.';
        std::string reason = Object(object, depth + 1);
        prefix_.resize(mark);
        return reason;
      }
    }
    return "invalid JSON: unknown value type";
  }

  // Parses a raw array or object again, with a second parser, reading all of it.
  // `raw` lies inside the line, so the line's padding is readable after it.
  simdjson::error_code Validate(std::string_view raw) {
    od::document doc;
    simdjson::padded_string_view view(raw.data(), raw.size(), raw.size() + readable_after_);
    if (auto error = validator_.iterate(view).get(doc)) return error;
    od::value value;
    if (auto error = doc.get_value().get(value)) return error;
    return Walk(value);
  }

  internal::FieldFiller& filler_;
  od::parser& validator_;
  std::size_t readable_after_;
  std::string prefix_;
};

}  // namespace

struct JsonlReader::Impl {
  Impl(std::unique_ptr<ByteSource> in, JsonlOptions opts)
      : input(std::move(in)),
        options(opts),
        lines(*input, opts.max_line_bytes, opts.max_text_bytes, simdjson::SIMDJSON_PADDING) {}

  void Parse(const internal::Line& line, RawRecord& out) {
    internal::BeginRecord(out, line.number);
    if (line.too_long) {
      internal::SetRecordText(out, line.text, options.max_text_bytes, true);
      out.text_truncated = true;
      internal::SetParseError(out, "line is " + std::to_string(line.length) +
                                       " bytes long, more than the limit of " +
                                       std::to_string(options.max_line_bytes));
      return;
    }
    internal::SetRecordText(out, line.text, options.max_text_bytes, false);
    internal::FieldFiller filler(out);
    std::string reason = ParseObject(line, filler);
    if (!reason.empty()) {
      if (std::size_t bad = FindInvalidUtf8(line.text); bad != std::string_view::npos) {
        reason = internal::DescribeInvalidUtf8(line.text, bad);
        internal::SetRecordText(out, line.text, options.max_text_bytes, true);
      }
      internal::SetParseError(out, reason);
      return;
    }
    filler.Finish();
  }

  std::string ParseObject(const internal::Line& line, internal::FieldFiller& filler) {
    od::document doc;
    simdjson::padded_string_view view(line.text.data(), line.text.size(), line.readable);
    if (auto error = parser.iterate(view).get(doc)) return JsonError(error);
    od::object object;
    if (auto error = doc.get_object().get(object)) {
      if (error == simdjson::INCORRECT_TYPE) return "not a JSON object";
      return JsonError(error);
    }
    Flattener flattener(filler, validator, line.readable - line.text.size());
    std::string reason = flattener.Object(object, 0);
    if (!reason.empty()) return reason;
    // After the object only whitespace may follow: current_location() fails at the end.
    const char* rest = nullptr;
    if (!doc.current_location().get(rest)) return "invalid JSON: text after the object";
    return {};
  }

  std::unique_ptr<ByteSource> input;
  JsonlOptions options;
  internal::LineReader lines;
  od::parser parser;
  od::parser validator;  // for arrays, which the main parse skips over
};

JsonlReader::JsonlReader(std::unique_ptr<ByteSource> input, JsonlOptions options)
    : impl_(std::make_unique<Impl>(std::move(input), options)) {}

JsonlReader::~JsonlReader() = default;

base::Result<bool> JsonlReader::Next(RawRecord& out) {
  internal::Line line;
  while (true) {
    OVS_ASSIGN_OR_RETURN(bool more, impl_->lines.Next(line));
    if (!more) return false;
    if (!line.too_long && IsBlank(line.text)) continue;
    impl_->Parse(line, out);
    return true;
  }
}

std::size_t JsonlReader::BufferBytesForTest() const {
  return impl_->lines.BufferBytesForTest();
}

}  // namespace oversight::ingest
