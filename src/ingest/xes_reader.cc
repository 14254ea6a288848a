#include "ingest/xes_reader.h"

#include <expat.h>

#include <cstring>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/strings.h"
#include "ingest/encoding.h"
#include "ingest/internal/json_text.h"
#include "ingest/internal/record_fill.h"

namespace oversight::ingest {
namespace {

constexpr std::size_t kChunk = 64 * 1024;
constexpr XML_Char kNamespaceSeparator = '|';

// The attributes of one event, trace or global block, reused between elements.
struct FieldList {
  struct Field {
    std::string key;
    std::string value;
    ValueType type = ValueType::kString;
  };
  std::vector<Field> items;
  std::size_t count = 0;
  std::size_t bytes = 0;
  bool overflow = false;

  void Clear() {
    count = 0;
    bytes = 0;
    overflow = false;
  }
  void Add(std::string_view key, std::string_view value, ValueType type, std::size_t max_bytes) {
    bytes += key.size() + value.size();
    if (bytes > max_bytes) {
      overflow = true;
      return;
    }
    if (count == items.size()) items.emplace_back();
    Field& field = items[count++];
    field.key.assign(key);
    field.value.assign(value);
    field.type = type;
  }
  bool Has(std::string_view key) const {
    for (std::size_t i = 0; i < count; ++i) {
      if (items[i].key == key) return true;
    }
    return false;
  }
};

enum class Kind {
  kLog,        // the root
  kTrace,
  kEvent,
  kGlobal,
  kAttribute,  // string/date/int/float/boolean/id/container: children are meta-attributes
  kList,       // <list>: collects its values into a JSON array
  kValues,     // <values> inside a list
  kIgnored,    // anything else, with everything inside it
};

struct Frame {
  Kind kind = Kind::kIgnored;
  FieldList* target = nullptr;  // where attributes found inside this element go
  std::string key;              // kAttribute/kList: the flattened key
  std::string json;             // kList: the array so far
};

std::string_view LocalName(const XML_Char* name) {
  const char* sep = std::strrchr(name, kNamespaceSeparator);
  return sep != nullptr ? std::string_view(sep + 1) : std::string_view(name);
}

const char* FindAttribute(const XML_Char** atts, std::string_view wanted) {
  for (int i = 0; atts[i] != nullptr; i += 2) {
    if (LocalName(atts[i]) == wanted) return atts[i + 1];
  }
  return nullptr;
}

// The XES attribute element types and how their values are typed.
bool AttributeType(std::string_view element, ValueType& type) {
  if (element == "string" || element == "date" || element == "id") {
    type = ValueType::kString;
  } else if (element == "int" || element == "float") {
    type = ValueType::kNumber;
  } else if (element == "boolean") {
    type = ValueType::kBool;
  } else if (element == "container" || element == "list") {
    type = ValueType::kJson;
  } else {
    return false;
  }
  return true;
}

// The encoding named by the XML declaration at the start of `head`, lower-cased,
// or "".
std::string DeclaredEncoding(std::string_view head) {
  if (head.substr(0, 3) == "\xEF\xBB\xBF") head.remove_prefix(3);
  if (head.substr(0, 5) != "<?xml") return "";
  std::size_t close = head.find("?>");
  std::string_view decl = head.substr(0, close);
  std::size_t at = decl.find("encoding");
  if (at == std::string_view::npos) return "";
  std::size_t quote = decl.find_first_of("\"'", at);
  if (quote == std::string_view::npos) return "";
  std::size_t end = decl.find(decl[quote], quote + 1);
  if (end == std::string_view::npos) return "";
  return base::ToLowerAscii(decl.substr(quote + 1, end - quote - 1));
}

bool IsGbEncoding(std::string_view name) {
  return name == "gbk" || name == "gb2312" || name == "gb18030" || name == "cp936" ||
         name == "x-gbk";
}

}  // namespace

struct XesReader::Impl {
  Impl(std::unique_ptr<ByteSource> in, XesOptions opts) : input(std::move(in)), options(opts) {}
  ~Impl() {
    if (parser != nullptr) XML_ParserFree(parser);
  }

  // Looks at the XML declaration, then creates the parser.
  base::Status Start() {
    started = true;
    std::string head(1024, '\0');
    std::size_t filled = 0;
    while (filled < head.size()) {
      OVS_ASSIGN_OR_RETURN(std::size_t n, input->Read(head.data() + filled, head.size() - filled));
      if (n == 0) break;
      filled += n;
    }
    head.resize(filled);
    bool gb = IsGbEncoding(DeclaredEncoding(head));
    input = PrependBytes(std::move(head), std::move(input));
    // expat has no GB decoder: convert to UTF-8 first and tell expat so, which
    // overrides the declaration.
    if (gb) input = DecodeToUtf8(std::move(input), TextEncoding::kGb18030);
    parser = XML_ParserCreateNS(gb ? "UTF-8" : nullptr, kNamespaceSeparator);
    if (parser == nullptr) return base::Internal("cannot create an XML parser");
    XML_SetUserData(parser, this);
    XML_SetElementHandler(parser, &Impl::OnStart, &Impl::OnEnd);
    return base::Status::Ok();
  }

  // Parses one more chunk; completed events land in `ready`.
  void Feed() {
    if (!started) {
      error = Start();
      if (!error.ok()) {
        finished = true;
        return;
      }
    }
    void* buffer = XML_GetBuffer(parser, static_cast<int>(kChunk));
    if (buffer == nullptr) {
      error = base::Internal(input->name() + ": out of memory for XML parsing");
      finished = true;
      return;
    }
    base::Result<std::size_t> n = input->Read(static_cast<char*>(buffer), kChunk);
    if (!n.ok()) {
      error = n.status();
      finished = true;
      return;
    }
    bool last = *n == 0;
    if (XML_ParseBuffer(parser, static_cast<int>(*n), last ? XML_TRUE : XML_FALSE) ==
        XML_STATUS_ERROR) {
      if (error.ok()) {
        error = base::InvalidArgument(
            input->name() + ": malformed XML at line " +
            std::to_string(XML_GetCurrentLineNumber(parser)) + ", column " +
            std::to_string(XML_GetCurrentColumnNumber(parser) + 1) + ": " +
            XML_ErrorString(XML_GetErrorCode(parser)));
      }
      finished = true;
      return;
    }
    if (last) finished = true;
  }

  static void XMLCALL OnStart(void* self, const XML_Char* name, const XML_Char** atts) {
    static_cast<Impl*>(self)->StartElement(LocalName(name), atts);
  }
  static void XMLCALL OnEnd(void* self, const XML_Char* /*name*/) {
    static_cast<Impl*>(self)->EndElement();
  }

  Frame& Push(Kind kind, FieldList* target) {
    if (depth == stack.size()) stack.emplace_back();
    Frame& frame = stack[depth++];
    frame.kind = kind;
    frame.target = target;
    frame.key.clear();
    frame.json.clear();
    return frame;
  }

  void StartElement(std::string_view element, const XML_Char** atts) {
    if (depth == 0) {
      if (element != "log") {
        error = base::InvalidArgument(input->name() + ": not an XES log: the root element is <" +
                                      std::string(element) + ">, not <log>");
        XML_StopParser(parser, XML_FALSE);
      }
      Push(Kind::kLog, nullptr);
      return;
    }
    Frame& parent = stack[depth - 1];
    switch (parent.kind) {
      case Kind::kIgnored:
        Push(Kind::kIgnored, nullptr);
        return;
      case Kind::kLog:
        if (element == "trace") return StartTrace();
        if (element == "event") return StartEvent();  // tolerated outside a trace
        if (element == "global") return StartGlobal(atts);
        Push(Kind::kIgnored, nullptr);  // log attributes, extensions, classifiers
        return;
      case Kind::kTrace:
        if (element == "event") return StartEvent();
        return StartAttribute(element, atts, parent.target, {});
      case Kind::kList:
        if (element == "values") {
          Push(Kind::kValues, nullptr);
          return;
        }
        // XES 1.0 writers put list items straight inside <list>.
        return AddListItem(element, atts);
      case Kind::kValues:
        return AddListItem(element, atts);
      case Kind::kEvent:
      case Kind::kGlobal:
      case Kind::kAttribute: {
        std::string prefix = parent.kind == Kind::kAttribute ? parent.key + "." : std::string();
        return StartAttribute(element, atts, parent.target, prefix);
      }
    }
  }

  void StartTrace() {
    ++traces;
    trace.Clear();
    Push(Kind::kTrace, &trace);
  }

  void StartEvent() {
    ++events;
    event.Clear();
    event_line = static_cast<std::int64_t>(XML_GetCurrentLineNumber(parser));
    Push(Kind::kEvent, &event);
  }

  void StartGlobal(const XML_Char** atts) {
    const char* scope = FindAttribute(atts, "scope");
    // XES: scope is "trace" or "event" (the default).
    bool is_trace = scope != nullptr && std::string_view(scope) == "trace";
    Push(Kind::kGlobal, is_trace ? &trace_globals : &event_globals);
  }

  void StartAttribute(std::string_view element, const XML_Char** atts, FieldList* target,
                      const std::string& prefix) {
    ValueType type;
    const char* key = FindAttribute(atts, "key");
    if (!AttributeType(element, type) || key == nullptr || target == nullptr) {
      Push(Kind::kIgnored, nullptr);
      return;
    }
    if (element == "list") {
      Frame& frame = Push(Kind::kList, target);
      frame.key = prefix + key;
      frame.json.clear();  // not = "[": GCC 12 -O3 misreports it (-Wrestrict, PR 105651)
      frame.json += '[';
      return;
    }
    Frame& frame = Push(Kind::kAttribute, target);
    frame.key = prefix + key;
    if (element == "container") return;  // no value of its own; children flatten under it
    const char* value = FindAttribute(atts, "value");
    std::string_view text = value != nullptr ? value : "";
    if (type == ValueType::kBool) {
      std::string lower = base::ToLowerAscii(text);
      if (lower == "true" || lower == "false") {
        target->Add(frame.key, lower, ValueType::kBool, options.max_event_bytes);
        return;
      }
      type = ValueType::kString;
    }
    target->Add(frame.key, text, type, options.max_event_bytes);
  }

  void AddListItem(std::string_view element, const XML_Char** atts) {
    Frame& list = stack[depth - 1].kind == Kind::kList ? stack[depth - 1] : stack[depth - 2];
    ValueType type;
    const char* value = FindAttribute(atts, "value");
    if (AttributeType(element, type) && type != ValueType::kJson && value != nullptr) {
      if (list.json.size() > 1) list.json += ',';
      internal::AppendJsonValue(list.json, value, type);
    }
    Push(Kind::kIgnored, nullptr);  // an item's own meta-attributes are not kept
  }

  void EndElement() {
    if (depth == 0) return;
    Frame& frame = stack[--depth];
    switch (frame.kind) {
      case Kind::kEvent:
        EmitEvent();
        break;
      case Kind::kTrace:
        trace.Clear();  // an event after the trace (outside any trace) gets no case: fields
        break;
      case Kind::kList:
        frame.json += ']';
        frame.target->Add(frame.key, frame.json, ValueType::kJson, options.max_event_bytes);
        break;
      default:
        break;
    }
  }

  void EmitEvent() {
    if (ready_count == ready.size()) ready.emplace_back();
    RawRecord& record = ready[ready_count++];
    internal::BeginRecord(record, event_line);
    internal::FieldFiller filler(record);
    auto add_all = [&](const FieldList& list, const FieldList& defaults, std::string_view prefix) {
      for (std::size_t i = 0; i < list.count; ++i) {
        filler.Add(prefix, list.items[i].key, list.items[i].value, list.items[i].type);
      }
      for (std::size_t i = 0; i < defaults.count; ++i) {
        const FieldList::Field& field = defaults.items[i];
        if (!list.Has(field.key)) filler.Add(prefix, field.key, field.value, field.type);
      }
    };
    add_all(event, event_globals, "");
    add_all(trace, trace_globals, "case:");
    filler.Finish();
    text.clear();
    text += '{';
    for (std::size_t i = 0; i < record.fields.size(); ++i) {
      if (i > 0) text += ',';
      internal::AppendJsonString(text, record.fields[i].first);
      text += ':';
      internal::AppendJsonValue(text, record.fields[i].second, record.TypeAt(i));
      if (text.size() > options.max_text_bytes) break;
    }
    text += '}';
    internal::SetRecordText(record, text, options.max_text_bytes, false);
    std::string limit = std::to_string(options.max_event_bytes);
    if (event.overflow) {
      internal::SetParseError(record, "the event's attributes exceed " + limit + " bytes");
    } else if (trace.overflow) {
      internal::SetParseError(record, "the trace's attributes exceed " + limit + " bytes");
    }
  }

  std::unique_ptr<ByteSource> input;
  XesOptions options;
  XML_Parser parser = nullptr;
  bool started = false;
  bool finished = false;
  base::Status error;

  std::vector<Frame> stack;  // reused; the first `depth` are open elements
  std::size_t depth = 0;
  FieldList event, trace, event_globals, trace_globals;
  std::int64_t event_line = 0;
  std::int64_t traces = 0, events = 0;
  std::string text;

  std::vector<RawRecord> ready;  // events completed by the last chunk
  std::size_t ready_count = 0, ready_pos = 0;
};

XesReader::XesReader(std::unique_ptr<ByteSource> input, XesOptions options)
    : impl_(std::make_unique<Impl>(std::move(input), options)) {}

XesReader::~XesReader() = default;

base::Result<bool> XesReader::Next(RawRecord& out) {
  Impl& impl = *impl_;
  while (impl.ready_pos == impl.ready_count) {
    impl.ready_pos = impl.ready_count = 0;
    if (impl.finished) {
      if (!impl.error.ok()) return impl.error;
      return false;
    }
    impl.Feed();
  }
  std::swap(out, impl.ready[impl.ready_pos++]);
  return true;
}

std::int64_t XesReader::traces_seen() const { return impl_->traces; }
std::int64_t XesReader::events_seen() const { return impl_->events; }

}  // namespace oversight::ingest
