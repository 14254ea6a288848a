#include "pipeline/ingest_summary.h"

#include "base/strings.h"

namespace oversight::pipeline {

void IngestSummary::Add(const IngestSummary& other) {
  read += other.read;
  stored += other.stored;
  duplicate += other.duplicate;
  quarantined += other.quarantined;
  quarantine_new += other.quarantine_new;
  for (const auto& [reason, count] : other.reasons) reasons[reason] += count;
  departments_registered += other.departments_registered;
  items_registered += other.items_registered;
}

std::string IngestSummary::ToJson() const {
  std::string out = "{\"read\":" + std::to_string(read) + ",\"stored\":" + std::to_string(stored) +
                    ",\"duplicate\":" + std::to_string(duplicate) +
                    ",\"quarantined\":" + std::to_string(quarantined) +
                    ",\"quarantine_new\":" + std::to_string(quarantine_new) + ",\"reasons\":{";
  bool first = true;
  for (const auto& [reason, count] : reasons) {
    if (!first) out += ",";
    first = false;
    out += "\"" + base::JsonEscape(reason) + "\":" + std::to_string(count);
  }
  out += "},\"departments_registered\":" + std::to_string(departments_registered) +
         ",\"items_registered\":" + std::to_string(items_registered) + "}";
  return out;
}

std::string IngestSummary::ToText() const {
  std::string out = "read " + std::to_string(read) + ", stored " + std::to_string(stored) +
                    ", duplicate " + std::to_string(duplicate) + ", quarantined " +
                    std::to_string(quarantined);
  if (quarantined != quarantine_new) {
    out += " (" + std::to_string(quarantined - quarantine_new) + " already in quarantine)";
  }
  out += "\n";
  if (stored == 0 && read > 0 && quarantined == 0) out += "nothing new: every record was already stored\n";
  for (const auto& [reason, count] : reasons) {
    out += "  " + reason + ": " + std::to_string(count) + "\n";
  }
  if (departments_registered + items_registered > 0) {
    out += "registered " + std::to_string(departments_registered) + " departments and " +
           std::to_string(items_registered) + " items (complete them in the catalog)\n";
  }
  return out;
}

}  // namespace oversight::pipeline
