// Cost of evaluating typical compiled rule expressions against a FieldSource that
// reads a struct, as the engine does. Prints nanoseconds per evaluation.
//
//   cmake --preset release && ninja -C build/release expr_bench &&
//   build/release/src/rules/expr/expr_bench

#include <chrono>
#include <cstdio>
#include <string>

#include "rules/expr/expr.h"

namespace oversight::rules::expr {
namespace {

struct Sample {
  std::string category = "行政许可";
  std::string channel = "mobile";
  std::string kind = "approval";
  double fee_fen = 1000;
  base::Instant at = base::FromUnixMillis(1740963600000);
};

class SampleSource : public FieldSource {
 public:
  explicit SampleSource(const Sample& sample) : sample_(sample) {}
  Value Get(int field, std::string_view open_suffix) const override {
    switch (static_cast<DefaultField>(field)) {
      case DefaultField::kItemCategory: return Value::String(sample_.category);
      case DefaultField::kCaseChannel: return Value::String(sample_.channel);
      case DefaultField::kCaseKind: return Value::String(sample_.kind);
      case DefaultField::kItemFeeFen: return Value::Number(sample_.fee_fen);
      case DefaultField::kEventAt: return Value::Instant(sample_.at);
      case DefaultField::kEventAttrs:
        if (open_suffix == "fee") return Value::Number(sample_.fee_fen);
        return Value::Null();
      default: return Value::Null();
    }
  }

 private:
  const Sample& sample_;
};

void Run(const char* text) {
  base::Result<Expr> expr = Compile(text, DefaultSchema(), ValueType::kAny);
  if (!expr.ok()) {
    std::printf("compile error: %s\n", expr.status().message().c_str());
    return;
  }
  Sample sample;
  SampleSource source(sample);
  EvalContext context;
  constexpr int kRounds = 2'000'000;
  int truths = 0;
  auto start = std::chrono::steady_clock::now();
  for (int i = 0; i < kRounds; ++i) truths += expr->Evaluate(source, context).AsBool() ? 1 : 0;
  auto elapsed = std::chrono::steady_clock::now() - start;
  double ns = std::chrono::duration<double, std::nano>(elapsed).count() / kRounds;
  std::printf("%8.1f ns  (%d true)  %s\n", ns, truths, text);
}

}  // namespace
}  // namespace oversight::rules::expr

int main() {
  using oversight::rules::expr::Run;
  Run(R"(item.category == "行政许可" && case.channel in ["online", "mobile"])");
  Run(R"(case.kind == "approval" && event.attrs.fee != null && event.attrs.fee != item.fee_fen)");
  Run(R"(case.channel in ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "mobile"])");
  Run(R"(event.at - event.at < 10m && len(item.category) == 4)");
  return 0;
}
