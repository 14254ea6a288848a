#pragma once

#include <string_view>

namespace oversight::server {

// docs/openapi.json as built into the binary (served at /api/openapi.json).
std::string_view OpenApiDocument();

}  // namespace oversight::server
