#pragma once

// The optional `serve --config FILE` (YAML): listening address, security policy,
// escalation and limits. Unknown keys are errors, so a misspelt setting cannot
// silently leave a default in force. See config/serve.example.yaml.

#include <string>

#include "base/status.h"
#include "server/serve.h"

namespace oversight::server {

// Applies the settings in `yaml_text` over `options`; `file` names it in errors.
base::Status ApplyServeConfig(std::string_view yaml_text, std::string_view file, ServeOptions& options);

// "127.0.0.1:8080" → host and port.
base::Status ParseListen(std::string_view text, HttpOptions& http);

}  // namespace oversight::server
