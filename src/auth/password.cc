#include "auth/password.h"

#include <argon2.h>

#include <algorithm>
#include <utility>
#include <vector>

#include "base/strings.h"

namespace oversight::auth {
namespace {

bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsLower(char c) { return c >= 'a' && c <= 'z'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

std::size_t CodePoints(std::string_view text) {
  // Counts the bytes that start a character (valid UTF-8 is checked first).
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

std::string Join(const std::vector<std::string>& parts, std::string_view separator) {
  std::string out;
  for (const std::string& part : parts) {
    if (!out.empty()) out += separator;
    out += part;
  }
  return out;
}

// Draws uniform choices from a RandomSource, a buffer of bytes at a time.
class Dice {
 public:
  explicit Dice(const RandomSource& random) : random_(random) {}

  // A uniform integer in [0, n), 0 < n <= 256: bytes at or above the largest
  // multiple of n are drawn again, so no value is favoured.
  std::size_t Below(std::size_t n) {
    const std::size_t limit = 256 - 256 % n;
    while (true) {
      std::size_t byte = NextByte();
      if (byte < limit) return byte % n;
    }
  }

 private:
  std::size_t NextByte() {
    if (next_ == buffer_.size()) {
      buffer_ = random_(64);
      next_ = 0;
    }
    return static_cast<unsigned char>(buffer_[next_++]);
  }

  const RandomSource& random_;
  std::string buffer_;
  std::size_t next_ = 0;
};

// Without look-alikes (0/O, 1/l/I) and characters shells or quotes trip on.
constexpr std::string_view kUpper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
constexpr std::string_view kLower = "abcdefghijkmnopqrstuvwxyz";
constexpr std::string_view kDigits = "23456789";
constexpr std::string_view kSymbols = "%+-=?@_.:,#";

std::string ExpectedPrefix(const Argon2Params& params) {
  return "$argon2id$v=19$m=" + std::to_string(params.memory_kib) +
         ",t=" + std::to_string(params.time_cost) + ",p=" + std::to_string(params.parallelism) +
         "$";
}

}  // namespace

base::Status CheckPasswordStrength(std::string_view password, const PasswordPolicy& policy,
                                   std::string_view user_name) {
  if (!base::IsValidUtf8(password)) return base::InvalidArgument("password is not valid UTF-8");
  for (char c : password) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) {
      return base::InvalidArgument("password holds a control character");
    }
  }
  const std::size_t length = CodePoints(password);
  if (length > static_cast<std::size_t>(policy.max_length)) {
    return base::InvalidArgument("password is longer than " + std::to_string(policy.max_length) +
                                 " characters");
  }
  std::vector<std::string> missing;
  if (length < static_cast<std::size_t>(policy.min_length)) {
    missing.push_back("at least " + std::to_string(policy.min_length) + " characters");
  }
  auto lacks = [&](bool (*kind)(char)) {
    return std::none_of(password.begin(), password.end(), kind);
  };
  if (policy.require_upper && lacks(IsUpper)) missing.emplace_back("an upper-case letter");
  if (policy.require_lower && lacks(IsLower)) missing.emplace_back("a lower-case letter");
  if (policy.require_digit && lacks(IsDigit)) missing.emplace_back("a digit");
  if (policy.require_symbol && std::all_of(password.begin(), password.end(), [](char c) {
        return IsUpper(c) || IsLower(c) || IsDigit(c);
      })) {
    missing.emplace_back("a symbol");
  }
  std::vector<std::string> problems;
  if (!missing.empty()) problems.push_back("needs " + Join(missing, ", "));
  // Short names ("li") would refuse too many good passwords to be worth it.
  if (user_name.size() >= 3 &&
      base::ToLowerAscii(password).find(base::ToLowerAscii(user_name)) != std::string::npos) {
    problems.emplace_back("must not contain the user name");
  }
  if (problems.empty()) return base::Status::Ok();
  return base::InvalidArgument("password " + Join(problems, "; and "));
}

base::Result<std::string> HashPassword(std::string_view password, const Argon2Params& params,
                                       std::string_view salt) {
  if (salt.size() < ARGON2_MIN_SALT_LENGTH) {
    return base::InvalidArgument("password salt has " + std::to_string(salt.size()) +
                                 " bytes; at least " + std::to_string(ARGON2_MIN_SALT_LENGTH) +
                                 " are needed");
  }
  std::string encoded(
      argon2_encodedlen(params.time_cost, params.memory_kib, params.parallelism,
                        static_cast<std::uint32_t>(salt.size()), params.hash_bytes, Argon2_id),
      '\0');
  int rc = argon2id_hash_encoded(params.time_cost, params.memory_kib, params.parallelism,
                                 password.data(), password.size(), salt.data(), salt.size(),
                                 params.hash_bytes, encoded.data(), encoded.size());
  if (rc != ARGON2_OK) {
    return base::InvalidArgument(std::string("argon2id: ") + argon2_error_message(rc));
  }
  encoded.resize(encoded.find('\0'));
  return encoded;
}

base::Result<bool> VerifyPassword(std::string_view password, std::string_view encoded) {
  if (!encoded.starts_with("$argon2id$")) {
    return base::DataLoss("password hash is not an Argon2id hash");
  }
  const std::string terminated(encoded);  // libargon2 wants a C string
  int rc = argon2id_verify(terminated.c_str(), password.data(), password.size());
  if (rc == ARGON2_OK) return true;
  if (rc == ARGON2_VERIFY_MISMATCH) return false;
  if (rc == ARGON2_MEMORY_ALLOCATION_ERROR) {
    return base::Unavailable(std::string("argon2id: ") + argon2_error_message(rc));
  }
  return base::DataLoss(std::string("password hash cannot be verified: ") +
                        argon2_error_message(rc));
}

bool NeedsRehash(std::string_view encoded, const Argon2Params& params) {
  if (!encoded.starts_with(ExpectedPrefix(params))) return true;
  std::size_t last = encoded.rfind('$');
  std::size_t hash_chars = encoded.size() - last - 1;  // base64 without padding
  return hash_chars != (params.hash_bytes * 4 + 2) / 3;
}

std::string GeneratePassword(const RandomSource& random, int length) {
  static constexpr std::string_view kClasses[] = {kUpper, kLower, kDigits, kSymbols};
  std::string all;
  for (std::string_view chars : kClasses) all += chars;
  Dice dice(random);
  std::string password;
  for (std::string_view chars : kClasses) password += chars[dice.Below(chars.size())];
  while (password.size() < static_cast<std::size_t>(std::max(length, 8))) {
    password += all[dice.Below(all.size())];
  }
  // Fisher–Yates, so the guaranteed characters are not always in front.
  for (std::size_t i = password.size() - 1; i > 0; --i)
    std::swap(password[i], password[dice.Below(i + 1)]);
  return password;
}

}  // namespace oversight::auth
