#include "report/safe_cell.h"

namespace oversight::report {

std::string SafeCell(std::string_view text) {
  if (!text.empty()) {
    switch (text.front()) {
      case '=':
      case '+':
      case '-':
      case '@':
      case '\t':
      case '\r':
        return "'" + std::string(text);
      default: break;
    }
  }
  return std::string(text);
}

}  // namespace oversight::report
