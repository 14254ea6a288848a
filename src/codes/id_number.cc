#include "codes/id_number.h"

#include <array>
#include <chrono>
#include <string>

#include "codes/internal/message.h"

namespace oversight::codes {
namespace {

// GB 11643-1999: W_i = 2^(17−i) mod 11.
constexpr std::array<int, 17> kWeights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
constexpr std::string_view kCheckChars = "10X98765432";
constexpr int kEarliestBirthYear = 1900;

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

int ReadNumber(std::string_view digits) {
  int value = 0;
  for (char c : digits) value = value * 10 + (c - '0');
  return value;
}

base::Status Invalid(const std::string& what) {
  return base::InvalidArgument("identity number: " + what);
}

base::Status CheckCharacters(std::string_view id) {
  for (std::size_t i = 0; i < id.size(); ++i) {
    char c = id[i];
    if (IsDigit(c)) continue;
    std::string where = " at position " + std::to_string(i + 1);
    if (i == 17 && c == 'X') continue;
    if (i == 17 && c == 'x') {
      return Invalid("lower-case 'x'" + where + "; write the check character as 'X'");
    }
    return Invalid("illegal character " + DescribeChar(c) + where +
                   (i == 17 ? " (want a digit or 'X')" : " (want a digit)"));
  }
  return base::Status::Ok();
}

base::Status CheckBirthDate(std::string_view id, std::optional<base::Date> today) {
  std::chrono::year_month_day ymd{std::chrono::year(ReadNumber(id.substr(6, 4))),
                                  std::chrono::month(ReadNumber(id.substr(10, 2))),
                                  std::chrono::day(ReadNumber(id.substr(12, 2)))};
  if (!ymd.ok()) return Invalid("birth date (positions 7-14) is not a real date");
  if (ymd.year() < std::chrono::year(kEarliestBirthYear)) {
    return Invalid("birth date (positions 7-14) is before 1900");
  }
  if (today.has_value() && base::Date(ymd) > *today) {
    return Invalid("birth date (positions 7-14) is after today (" + base::FormatDate(*today) + ")");
  }
  return base::Status::Ok();
}

}  // namespace

char ComputeIdCheckDigit(std::string_view first17) {
  if (first17.size() != kWeights.size()) return '\0';
  int sum = 0;
  for (std::size_t i = 0; i < first17.size(); ++i) {
    if (!IsDigit(first17[i])) return '\0';
    sum += (first17[i] - '0') * kWeights[i];
  }
  return kCheckChars[static_cast<std::size_t>(sum % 11)];
}

base::Status ValidateIdNumber(std::string_view id, std::optional<base::Date> today) {
  if (id.size() != kIdNumberLength) {
    return Invalid("has " + std::to_string(id.size()) + " characters; want 18");
  }
  OVS_RETURN_IF_ERROR(CheckCharacters(id));
  OVS_RETURN_IF_ERROR(CheckBirthDate(id, today));
  char expected = ComputeIdCheckDigit(id.substr(0, 17));
  if (expected != id[17]) {
    return Invalid("wrong check character at position 18: expected '" + std::string(1, expected) +
                   "', found '" + std::string(1, id[17]) + "'");
  }
  return base::Status::Ok();
}

}  // namespace oversight::codes
