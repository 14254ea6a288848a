#include "codes/uscc.h"

#include <array>
#include <string>

#include "codes/internal/message.h"

namespace oversight::codes {
namespace {

// GB 32100-2015 §4.3: W_i = 3^(i−1) mod 31.
constexpr std::array<int, 17> kUsccWeights = {1,  3,  9,  27, 19, 26, 16, 17, 20,
                                              29, 25, 13, 8,  24, 10, 30, 28};
// GB 11714-1997: weights of the 8 body characters of an organisation code.
constexpr std::array<int, 8> kOrgWeights = {3, 7, 9, 10, 5, 8, 4, 2};

// The character's value 0..30 in the USCC alphabet, or -1.
int UsccValue(char c) {
  std::size_t at = kUsccAlphabet.find(c);
  return at == std::string_view::npos ? -1 : static_cast<int>(at);
}

// The GB 11714 value: digits as themselves, letters A=10 … Z=35 (every letter counts,
// unlike the USCC alphabet), or -1.
int OrgValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
  return -1;
}

std::string Position(std::size_t index) { return "position " + std::to_string(index + 1); }

base::Status CheckCharacters(std::string_view code) {
  for (std::size_t i = 0; i < code.size(); ++i) {
    char c = code[i];
    if (c >= 'a' && c <= 'z' && UsccValue(static_cast<char>(c - 'a' + 'A')) >= 0) {
      return base::InvalidArgument("unified social credit code " + QuoteForMessage(code) +
                                   ": lower-case " + DescribeChar(c) + " at " + Position(i) +
                                   "; codes are written in upper case");
    }
    if (UsccValue(c) < 0) {
      return base::InvalidArgument("unified social credit code " + QuoteForMessage(code) +
                                   ": illegal character " + DescribeChar(c) + " at " + Position(i) +
                                   " (allowed: " + std::string(kUsccAlphabet) + ")");
    }
    // Positions 3–8 hold the administrative division code, which is numeric.
    if (i >= 2 && i < 8 && (c < '0' || c > '9')) {
      return base::InvalidArgument("unified social credit code " + QuoteForMessage(code) + ": " +
                                   DescribeChar(c) + " at " + Position(i) +
                                   " is not a digit (positions 3-8 are the division code)");
    }
  }
  return base::Status::Ok();
}

}  // namespace

char ComputeUsccCheckChar(std::string_view first17) {
  if (first17.size() != kUsccWeights.size()) return '\0';
  int sum = 0;
  for (std::size_t i = 0; i < first17.size(); ++i) {
    int value = UsccValue(first17[i]);
    if (value < 0) return '\0';
    sum += value * kUsccWeights[i];
  }
  int check = 31 - sum % 31;
  return kUsccAlphabet[check == 31 ? 0 : check];
}

char ComputeOrganizationCodeCheckChar(std::string_view first8) {
  if (first8.size() != kOrgWeights.size()) return '\0';
  int sum = 0;
  for (std::size_t i = 0; i < first8.size(); ++i) {
    int value = OrgValue(first8[i]);
    if (value < 0) return '\0';
    sum += value * kOrgWeights[i];
  }
  int check = 11 - sum % 11;
  if (check == 10) return 'X';
  if (check == 11) return '0';
  return static_cast<char>('0' + check);
}

base::Status ValidateUscc(std::string_view code) {
  if (code.size() != kUsccLength) {
    return base::InvalidArgument("unified social credit code " + QuoteForMessage(code) + " has " +
                                 std::to_string(code.size()) + " characters; want 18");
  }
  OVS_RETURN_IF_ERROR(CheckCharacters(code));
  char org_expected = ComputeOrganizationCodeCheckChar(code.substr(8, 8));
  if (org_expected != code[16]) {
    return base::InvalidArgument(
        "unified social credit code " + QuoteForMessage(code) +
        ": wrong check character of the embedded organisation code at position 17: expected '" +
        std::string(1, org_expected) + "', found '" + std::string(1, code[16]) + "'");
  }
  char expected = ComputeUsccCheckChar(code.substr(0, 17));
  if (expected != code[17]) {
    return base::InvalidArgument("unified social credit code " + QuoteForMessage(code) +
                                 ": wrong check character at position 18: expected '" +
                                 std::string(1, expected) + "', found '" +
                                 std::string(1, code[17]) + "'");
  }
  return base::Status::Ok();
}

}  // namespace oversight::codes
