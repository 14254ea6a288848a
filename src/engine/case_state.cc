#include "engine/case_state.h"

#include <algorithm>
#include <type_traits>

namespace oversight::engine {
namespace {

constexpr std::uint8_t kFormatVersion = 1;

class Writer {
 public:
  template <typename T>
  void Put(T value) {
    static_assert(std::is_integral_v<T>);
    auto u = static_cast<std::make_unsigned_t<T>>(value);
    for (std::size_t i = 0; i < sizeof(T); ++i) {
      out_.push_back(static_cast<char>((u >> (8 * i)) & 0xff));
    }
  }
  void PutString(std::string_view s) {
    Put(static_cast<std::uint32_t>(s.size()));
    out_.append(s);
  }
  std::string Take() { return std::move(out_); }

 private:
  std::string out_;
};

class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}
  template <typename T>
  bool Get(T& value) {
    static_assert(std::is_integral_v<T>);
    if (in_.size() - pos_ < sizeof(T)) return false;
    std::make_unsigned_t<T> u = 0;
    for (std::size_t i = 0; i < sizeof(T); ++i) {
      u |= static_cast<std::make_unsigned_t<T>>(static_cast<unsigned char>(in_[pos_ + i]))
           << (8 * i);
    }
    pos_ += sizeof(T);
    value = static_cast<T>(u);
    return true;
  }
  bool GetString(std::string& s) {
    std::uint32_t n = 0;
    if (!Get(n) || in_.size() - pos_ < n) return false;
    s.assign(in_.substr(pos_, n));
    pos_ += n;
    return true;
  }
  bool done() const { return pos_ == in_.size(); }
  std::size_t remaining() const { return in_.size() - pos_; }

 private:
  std::string_view in_;
  std::size_t pos_ = 0;
};

}  // namespace

std::size_t CaseState::Footprint() const {
  std::size_t bytes = sizeof(CaseState) - sizeof(std::string);
  // A short code sits in the string's own buffer; a longer one adds a heap block.
  if (item_code.capacity() > std::string().capacity()) bytes += item_code.capacity() + 1;
  bytes += words.capacity() * sizeof(std::int64_t);
  bytes += pauses.capacity() * sizeof(PauseRecord);
  return bytes;
}

bool operator==(const CaseState& a, const CaseState& b) {
  auto pause_eq = [](const PauseRecord& x, const PauseRecord& y) {
    return x.from_ms == y.from_ms && x.to_ms == y.to_ms && x.slot == y.slot;
  };
  return a.case_id == b.case_id && a.item_code == b.item_code && a.last_at == b.last_at &&
         a.fired_through == b.fired_through && a.ids_at_last == b.ids_at_last &&
         a.ids_at_last_count == b.ids_at_last_count && a.opened == b.opened &&
         a.kind == b.kind && a.channel == b.channel && a.applies == b.applies &&
         a.raised == b.raised && a.seen == b.seen && a.words == b.words &&
         std::equal(a.pauses.begin(), a.pauses.end(), b.pauses.begin(), b.pauses.end(), pause_eq);
}

std::string EncodeCaseState(const CaseState& state, std::uint64_t layout) {
  Writer w;
  w.Put(kFormatVersion);
  w.Put(layout);
  w.PutString(state.case_id);
  w.PutString(state.item_code);
  w.Put(base::ToUnixMillis(state.last_at));
  w.Put(base::ToUnixMillis(state.fired_through));
  w.Put(state.ids_at_last_count);
  for (std::uint8_t i = 0; i < state.ids_at_last_count; ++i) w.Put(state.ids_at_last[i]);
  w.Put(static_cast<std::uint8_t>(state.opened));
  w.Put(static_cast<std::uint8_t>(state.kind));
  w.Put(static_cast<std::uint8_t>(state.channel));
  w.Put(state.applies);
  w.Put(state.raised);
  w.Put(state.seen);
  w.Put(static_cast<std::uint32_t>(state.words.size()));
  for (std::int64_t word : state.words) w.Put(word);
  w.Put(static_cast<std::uint32_t>(state.pauses.size()));
  for (const PauseRecord& p : state.pauses) {
    w.Put(p.from_ms);
    w.Put(p.to_ms);
    w.Put(p.slot);
  }
  return w.Take();
}

base::Result<CaseState> DecodeCaseState(std::string_view bytes, std::uint64_t layout) {
  Reader r(bytes);
  auto truncated = [] { return base::InvalidArgument("case state: truncated or malformed"); };
  std::uint8_t version = 0;
  std::uint64_t written_layout = 0;
  if (!r.Get(version) || !r.Get(written_layout)) return truncated();
  if (version != kFormatVersion) {
    return base::InvalidArgument("case state: format version " + std::to_string(version) +
                                 ", expected " + std::to_string(kFormatVersion));
  }
  if (written_layout != layout) {
    return base::FailedPrecondition("case state: written under another rule set; rederive it");
  }
  CaseState s;
  std::int64_t last_at = 0;
  std::int64_t fired_through = 0;
  std::uint8_t opened = 0;
  std::uint8_t kind = 0;
  std::uint8_t channel = 0;
  if (!r.GetString(s.case_id) || !r.GetString(s.item_code) || !r.Get(last_at) ||
      !r.Get(fired_through) || !r.Get(s.ids_at_last_count) ||
      s.ids_at_last_count > s.ids_at_last.size()) {
    return truncated();
  }
  for (std::uint8_t i = 0; i < s.ids_at_last_count; ++i) {
    if (!r.Get(s.ids_at_last[i])) return truncated();
  }
  std::uint32_t n_words = 0;
  if (!r.Get(opened) || !r.Get(kind) || !r.Get(channel) || !r.Get(s.applies) ||
      !r.Get(s.raised) || !r.Get(s.seen) || !r.Get(n_words) || opened > 1 ||
      kind > static_cast<std::uint8_t>(model::CaseKind::kRating) ||
      channel > static_cast<std::uint8_t>(model::Channel::kMobile) ||
      n_words > r.remaining() / sizeof(std::int64_t)) {
    return truncated();
  }
  s.last_at = base::FromUnixMillis(last_at);
  s.fired_through = base::FromUnixMillis(fired_through);
  s.opened = opened == 1;
  s.kind = static_cast<model::CaseKind>(kind);
  s.channel = static_cast<model::Channel>(channel);
  s.words.resize(n_words);
  for (std::int64_t& word : s.words) {
    if (!r.Get(word)) return truncated();
  }
  std::uint32_t n_pauses = 0;
  if (!r.Get(n_pauses) || n_pauses > r.remaining() / 20) return truncated();
  s.pauses.resize(n_pauses);
  for (PauseRecord& p : s.pauses) {
    if (!r.Get(p.from_ms) || !r.Get(p.to_ms) || !r.Get(p.slot) ||
        std::uint64_t{p.slot} + 1 >= n_words) {
      return truncated();
    }
  }
  if (!r.done()) return truncated();
  return s;
}

}  // namespace oversight::engine
