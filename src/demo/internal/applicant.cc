#include "demo/internal/applicant.h"

#include <chrono>
#include <cstdio>

#include "codes/id_number.h"
#include "codes/mask.h"
#include "codes/uscc.h"

namespace oversight::demo {
namespace {

// Address codes (GB/T 2260) of Jieyang's districts and counties and a few neighbours.
constexpr std::string_view kAddressCodes[] = {"445202", "445203", "445222", "445224", "445281",
                                              "445221", "440582", "445102", "441502"};
constexpr std::uint32_t kAddressWeights[] = {18, 16, 14, 16, 26, 4, 3, 2, 1};
constexpr std::string_view kCompanyRegions[] = {"445200", "445202", "445203",
                                                "445222", "445224", "445281"};

}  // namespace

std::string MakeIdNumber(Rng& rng, base::Date on) {
  std::string id(kAddressCodes[rng.Pick(kAddressWeights)]);
  base::Date born = on - std::chrono::days(rng.Between(18 * 365 + 5, 80 * 365));
  std::chrono::year_month_day ymd(born);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d%02u%02u%03d", int(ymd.year()), unsigned(ymd.month()),
                unsigned(ymd.day()), static_cast<int>(rng.Between(1, 999)));
  id += buf;
  id += codes::ComputeIdCheckDigit(id);
  return id;
}

std::string MakeCompanyCode(Rng& rng) {
  // 9 = registered by market regulation (工商), 1 = enterprise; recent organisation
  // codes start "MA".
  std::string code = "91";
  code += kCompanyRegions[rng.Below(std::size(kCompanyRegions))];
  std::string body = "MA";
  for (int i = 0; i < 6; ++i) body += codes::kUsccAlphabet[rng.Below(codes::kUsccAlphabet.size())];
  code += body;
  code += codes::ComputeOrganizationCodeCheckChar(body);
  code += codes::ComputeUsccCheckChar(code);
  return code;
}

Applicant MakeApplicant(Rng& rng, ApplicantMix mix, base::Date on) {
  bool person = mix == ApplicantMix::kPersons || (mix == ApplicantMix::kBoth && rng.Chance(0.6));
  if (person) return {kNaturalPerson, codes::MaskIdNumber(MakeIdNumber(rng, on))};
  return {kLegalPerson, codes::MaskIdNumber(MakeCompanyCode(rng))};
}

}  // namespace oversight::demo
