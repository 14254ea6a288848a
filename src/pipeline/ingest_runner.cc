#include "pipeline/ingest_runner.h"
#include "pipeline/quarantine_record.h"

#include <nlohmann/json.hpp>

#include <atomic>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

#include "audit/canonical_event.h"
#include "base/strings.h"
#include "codes/redact.h"

namespace oversight::pipeline {

// What the producer hands the writer: one store transaction's worth.
struct IngestRunner::Batch {
  std::int64_t number = 0;
  std::vector<model::Event> events;
  std::vector<audit::Digest> digests;
  // Chain links predicted from `chain_before`, assuming no duplicates (LinkHint).
  store::ChainHead chain_before;
  std::vector<audit::Digest> links;
  std::vector<store::QuarantineRecord> rejected;
  std::vector<model::Department> new_departments;
  std::vector<model::Item> new_items;
  IngestSummary counted;  // read, quarantined and reasons of this batch
  base::Status read_status;  // set on the last batch when the reader failed
  bool last = false;
};

// Reads, maps, validates and hashes on its own thread, passing full batches
// through a queue of at most kQueueDepth, which bounds memory to a few batches.
// It also predicts the chain links, taking the writer off the hashing path: the
// prediction holds as long as no event turns out to be a duplicate, and the
// store checks it before using it. After a miss it resumes from the writer's
// actual head once the writer has caught up with it.
class IngestRunner::Producer {
 public:
  static constexpr size_t kQueueDepth = 2;

  Producer(IngestRunner& runner, ingest::RecordReader& reader, const std::string& input_name)
      : runner_(runner), reader_(reader), input_name_(input_name),
        hasher_(runner.store_.hash_algorithm()), predicted_(runner.store_.chain_head()) {}

  // Called by the writer after it wrote batch `number`, with the chain as it is.
  void Written(std::int64_t number, const store::ChainHead& head) {
    std::lock_guard lock(mu_);
    written_number_ = number;
    written_head_ = head;
  }

  void Start() { thread_ = std::thread([this] { Produce(); }); }

  // The next batch, in order; the last one has `last` set.
  Batch Pop() {
    std::unique_lock lock(mu_);
    cv_.wait(lock, [&] { return !queue_.empty(); });
    Batch batch = std::move(queue_.front());
    queue_.pop_front();
    cv_.notify_all();
    return batch;
  }

  // Stops producing (after a store error) and waits for the thread.
  void Stop() {
    {
      std::lock_guard lock(mu_);
      stopped_ = true;
      cv_.notify_all();
    }
    if (thread_.joinable()) thread_.join();
  }

  ~Producer() { Stop(); }

 private:
  void Produce() {
    const size_t batch_size = runner_.options_.batch_size;
    Batch batch = NewBatch(1);
    ingest::RawRecord record;
    while (true) {
      record.Clear();
      base::Result<bool> more = reader_.Next(record);
      if (!more.ok()) {
        batch.read_status = more.status().WithContext(input_name_);
        break;
      }
      if (!*more) break;
      Take(record, batch);
      if (batch.events.size() >= batch_size || batch.rejected.size() >= batch_size) {
        std::int64_t next = batch.number + 1;
        if (!Push(std::move(batch))) return;
        batch = NewBatch(next);
      }
    }
    batch.last = true;
    Push(std::move(batch));
  }

  void Take(const ingest::RawRecord& record, Batch& batch) {
    ++batch.counted.read;
    if (!record.parse_error.empty()) {
      Quarantine(record, reason::kParseError, record.parse_error, batch);
      return;
    }
    if (base::Status s = runner_.mapping_.ApplyTo(record, mapped_); !s.ok()) {
      Quarantine(record, reason::kMappingError, s.message(), batch);
      return;
    }
    Checked checked = runner_.validator_.Validate(mapped_);
    if (auto* rejection = std::get_if<Rejection>(&checked)) {
      Quarantine(record, rejection->reason, std::move(rejection->message), batch);
      return;
    }
    batch.events.push_back(std::move(std::get<model::Event>(checked)));
    batch.digests.push_back(audit::ContentDigest(hasher_, batch.events.back(), scratch_));
    predicted_.hash = hasher_.Link(predicted_.hash, ++predicted_.seq, batch.digests.back());
    batch.links.push_back(predicted_.hash);
  }

  Batch NewBatch(std::int64_t number) {
    {
      std::lock_guard lock(mu_);
      // The writer has written everything before this batch: its head is the truth.
      if (written_number_ == number - 1) predicted_ = written_head_;
    }
    Batch batch;
    batch.number = number;
    batch.chain_before = predicted_;
    return batch;
  }

  void Quarantine(const ingest::RawRecord& record, std::string_view reason, std::string message,
                  Batch& batch) {
    store::QuarantineRecord q = MakeQuarantineRecord(runner_.options_.source, input_name_, record,
                                                     reason, std::move(message),
                                                     runner_.options_.now);
    ++batch.counted.quarantined;
    ++batch.counted.reasons[q.reason];
    batch.rejected.push_back(std::move(q));
  }

  // False when the writer stopped us.
  bool Push(Batch batch) {
    batch.new_departments = runner_.validator_.TakeNewDepartments();
    batch.new_items = runner_.validator_.TakeNewItems();
    std::unique_lock lock(mu_);
    cv_.wait(lock, [&] { return stopped_ || queue_.size() < kQueueDepth; });
    if (stopped_) return false;
    queue_.push_back(std::move(batch));
    cv_.notify_all();
    return true;
  }

  IngestRunner& runner_;
  ingest::RecordReader& reader_;
  const std::string& input_name_;
  audit::ChainHasher hasher_;
  store::ChainHead predicted_;  // the chain head if every event so far is stored
  ingest::MappedRecord mapped_;
  std::string scratch_;

  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<Batch> queue_;            // guarded by mu_
  bool stopped_ = false;               // guarded by mu_
  std::int64_t written_number_ = 0;    // guarded by mu_
  store::ChainHead written_head_;      // guarded by mu_
  std::thread thread_;
};

IngestRunner::IngestRunner(store::Store& store, const ingest::Mapping& mapping,
                           EventValidator& validator, RunnerOptions options)
    : store_(store), mapping_(mapping), validator_(validator), options_(std::move(options)) {}

base::Status IngestRunner::Run(ingest::RecordReader& reader, const std::string& input_name) {
  Producer producer(*this, reader, input_name);
  producer.Start();
  while (true) {
    Batch batch = producer.Pop();
    base::Status written = Write(batch);
    if (!written.ok()) {
      producer.Stop();
      return written;
    }
    producer.Written(batch.number, store_.chain_head());
    if (batch.last) {
      producer.Stop();
      OVS_RETURN_IF_ERROR(store_.Flush());
      return batch.read_status;
    }
  }
}

base::Status IngestRunner::Write(Batch& batch) {
  // Reference data first: the events of this batch may name what was just registered.
  for (const model::Department& dept : batch.new_departments) {
    OVS_RETURN_IF_ERROR(store_.UpsertDepartment(dept, /*auto_registered=*/true));
    ++summary_.departments_registered;
  }
  for (const model::Item& item : batch.new_items) {
    OVS_RETURN_IF_ERROR(store_.UpsertItem(item, /*auto_registered=*/true));
    ++summary_.items_registered;
  }
  if (!batch.events.empty()) {
    store::LinkHint hint{batch.chain_before, batch.links};
    OVS_ASSIGN_OR_RETURN(store::AppendResult appended,
                         store_.AppendDigested(batch.events, batch.digests, options_.now, &hint));
    summary_.stored += appended.stored;
    summary_.duplicate += appended.duplicates;
    if (options_.on_stored) options_.on_stored(batch.events, appended);
  }
  if (!batch.rejected.empty()) {
    OVS_ASSIGN_OR_RETURN(std::int64_t added, store_.AddQuarantine(batch.rejected));
    summary_.quarantine_new += added;
  }
  summary_.Add(batch.counted);
  if (options_.on_progress) options_.on_progress(summary_.read);
  return base::Status::Ok();
}

namespace {

// One letter per value type, so a retried record keeps numbers and booleans.
constexpr std::string_view kTypeCodes = "snbj";  // string, number, bool, raw JSON

}  // namespace

std::string FieldsToJson(const ingest::RawRecord& record) {
  // An array of [name, value, type] keeps the order and repeated names exactly.
  std::string out = "[";
  for (std::size_t i = 0; i < record.fields.size(); ++i) {
    const auto& [name, value] = record.fields[i];
    if (i > 0) out += ",";
    out += "[\"" + base::JsonEscape(name) + "\",\"" + base::JsonEscape(value) + "\",\"";
    out += kTypeCodes[static_cast<std::size_t>(record.TypeAt(i))];
    out += "\"]";
  }
  out += "]";
  return out;
}

base::Status FieldsFromJson(std::string_view json, ingest::RawRecord& record) {
  nlohmann::json parsed = nlohmann::json::parse(json, nullptr, false);
  if (!parsed.is_array()) return base::InvalidArgument("stored fields are not a JSON array");
  record.fields.clear();
  record.value_types.clear();
  for (const nlohmann::json& field : parsed) {
    if (!field.is_array() || field.size() != 3 || !field[0].is_string() || !field[1].is_string() ||
        !field[2].is_string()) {
      return base::InvalidArgument("stored field is not [name, value, type]");
    }
    std::size_t type = kTypeCodes.find(field[2].get<std::string>());
    if (type == std::string_view::npos) return base::InvalidArgument("unknown stored field type");
    record.AddField(field[0].get<std::string>(), field[1].get<std::string>(),
                    static_cast<ingest::ValueType>(type));
  }
  return base::Status::Ok();
}

}  // namespace oversight::pipeline
