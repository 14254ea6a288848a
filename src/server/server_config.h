#pragma once

// The optional `serve --config FILE` (YAML): listening address, security policy,
// escalation and limits. Unknown keys are errors, so a misspelt setting cannot
// silently leave a default in force. See config/serve.example.yaml.

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "base/status.h"
#include "server/serve.h"

namespace oversight::server {

// Applies the settings in `yaml_text` over `options`; `file` names it in errors.
base::Status ApplyServeConfig(std::string_view yaml_text, std::string_view file, ServeOptions& options);

// "127.0.0.1:8080" → host and port.
base::Status ParseListen(std::string_view text, HttpOptions& http);

// Where to look for the built web app when neither --assets nor the config's
// `assets:` names a folder, in order: <directory of the executable>/../share/
// oversight/web (an installed layout), then web/dist under `working_dir` (a
// source checkout after the web app's build). An empty `executable` skips the first.
std::vector<std::filesystem::path> DefaultAssetCandidates(const std::filesystem::path& executable,
                                                          const std::filesystem::path& working_dir);

// The first candidate that `is_directory` says is a folder, or nullopt.
std::optional<std::filesystem::path> FirstExistingFolder(
    const std::vector<std::filesystem::path>& candidates,
    const std::function<bool(const std::filesystem::path&)>& is_directory);

}  // namespace oversight::server
