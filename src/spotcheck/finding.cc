#include "spotcheck/finding.h"

#include <array>

#include "base/strings.h"

namespace oversight::spotcheck {
namespace {

struct CategoryEntry {
  Category category;
  std::string_view name;
  std::string_view level;
};

// Red for what breaks the law's letter and costs the applicant directly (fees,
// deadlines, procedure); yellow for service quality to be corrected.
constexpr std::array<CategoryEntry, 6> kCategories = {{
    {Category::kMaterials, "materials", "yellow"},
    {Category::kTimeLimit, "time_limit", "red"},
    {Category::kFee, "fee", "red"},
    {Category::kAttitude, "attitude", "yellow"},
    {Category::kProcedure, "procedure", "red"},
    {Category::kOther, "other", "yellow"},
}};

constexpr std::size_t kMaxReasonTextBytes = 300;

}  // namespace

std::string_view OutcomeName(Outcome outcome) {
  return outcome == Outcome::kProblem ? "problem" : "conforms";
}

std::optional<Outcome> ParseOutcome(std::string_view name) {
  if (name == "conforms") return Outcome::kConforms;
  if (name == "problem") return Outcome::kProblem;
  return std::nullopt;
}

std::string_view CategoryName(Category category) {
  return kCategories[static_cast<std::size_t>(category)].name;
}

std::optional<Category> ParseCategory(std::string_view name) {
  for (const CategoryEntry& e : kCategories) {
    if (e.name == name) return e.category;
  }
  return std::nullopt;
}

std::string CategoryList() {
  std::string list;
  for (const CategoryEntry& e : kCategories)
    list += (list.empty() ? "" : ", ") + std::string(e.name);
  return list;
}

std::string_view AlertLevelFor(Category category) {
  return kCategories[static_cast<std::size_t>(category)].level;
}

base::Status CheckFinding(const FindingInput& f) {
  if (base::Trim(f.case_id).empty()) return base::InvalidArgument("case_id: is required");
  if (!base::IsValidUtf8(f.text)) return base::InvalidArgument("text: is not valid UTF-8");
  if (f.text.size() > kMaxFindingTextBytes) {
    return base::InvalidArgument("text: is longer than " + std::to_string(kMaxFindingTextBytes) +
                                 " bytes");
  }
  if (f.outcome == Outcome::kConforms) {
    if (f.category)
      return base::InvalidArgument("category: a conforming case has no problem category");
    if (!f.confirmed) return base::InvalidArgument("confirmed: only a problem can be unconfirmed");
    return base::Status::Ok();
  }
  if (!f.category) {
    return base::InvalidArgument("category: a problem needs its category (" + CategoryList() + ")");
  }
  if (base::Trim(f.text).empty())
    return base::InvalidArgument("text: a problem needs a description");
  return base::Status::Ok();
}

std::string AlertReason(std::int64_t check_id, Category category, std::string_view text) {
  std::string_view cut = text;
  if (cut.size() > kMaxReasonTextBytes) {
    std::size_t n = kMaxReasonTextBytes;
    // Back up to the start of a UTF-8 character.
    while (n > 0 && (static_cast<unsigned char>(text[n]) & 0xC0) == 0x80) --n;
    cut = text.substr(0, n);
  }
  std::string reason = "线下抽查 #" + std::to_string(check_id) + ": " +
                       std::string(CategoryName(category)) + ": " + std::string(cut);
  if (cut.size() < text.size()) reason += "…";
  return reason;
}

}  // namespace oversight::spotcheck
