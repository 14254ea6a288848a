#pragma once

// Scoring model files (docs/SCORING.md, "The model file") to ScoringModel values.
// Like rule files: every problem is collected with its place and the field at
// fault, "FILE:LINE:COL: indicators[2].weight: expected a number > 0, found
// \"ten\"", so a model is fixed in one pass; unknown keys are errors.
//
//   OVS_ASSIGN_OR_RETURN(ScoringModel model, ParseScoringModel(text, "scoring/default.yaml"));

#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "scoring/scoring_model.h"

namespace oversight::scoring {

struct ModelError {
  std::string file;
  int line = 0;  // 1-based; 0 when unknown
  int column = 0;
  std::string message;       // starts with the field path
  std::string ToString() const;  // "file:line:col: message"
};

struct ModelParse {
  std::optional<ScoringModel> model;  // set only when there is no error
  std::vector<ModelError> errors;     // in file order
};

ModelParse ParseScoringModelText(std::string_view text, std::string_view file);

// The model, or InvalidArgument listing every error, one "file:line:col: ..." per line.
base::Result<ScoringModel> ParseScoringModel(std::string_view text, std::string_view file);

// Reads and parses a model file (the one I/O helper of this module).
base::Result<ScoringModel> LoadScoringModelFile(const std::string& path);

}  // namespace oversight::scoring
