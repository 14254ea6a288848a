#pragma once

// Demo applicants: valid identity numbers (GB 11643) and company codes (GB 32100),
// of which only the masked form (脱敏) ever leaves the generator.

#include <string>
#include <string_view>

#include "base/time.h"
#include "demo/internal/catalog.h"
#include "demo/internal/rng.h"

namespace oversight::demo {

inline constexpr std::string_view kNaturalPerson = "natural_person";
inline constexpr std::string_view kLegalPerson = "legal_person";

struct Applicant {
  std::string_view type;  // kNaturalPerson or kLegalPerson
  std::string masked_id;  // codes::MaskIdNumber of the clear number
};

// A valid 18-character identity number of someone living around Jieyang, born
// 18–80 years before `on`.
std::string MakeIdNumber(Rng& rng, base::Date on);
// A valid unified social credit code of a company registered in Jieyang.
std::string MakeCompanyCode(Rng& rng);
Applicant MakeApplicant(Rng& rng, ApplicantMix mix, base::Date on);

}  // namespace oversight::demo
