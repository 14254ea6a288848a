#pragma once

#include "base/status.h"

namespace oversight::store::sqlite {

class Database;

// Brings the schema to the newest version, one numbered migration at a time,
// each in its own transaction, recording it in schema_migrations. Refuses a
// store written by a newer version of the program.
base::Status Migrate(Database& db);

// The newest schema version this build knows.
int LatestSchemaVersion();

}  // namespace oversight::store::sqlite
