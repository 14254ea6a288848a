// oversight catalog import | export: departments and items as JSON Lines.

#include <fstream>
#include <iostream>
#include <ostream>

#include "cli/commands.h"
#include "cli/exit_code.h"
#include "cli/store_access.h"
#include "pipeline/catalog_file.h"

namespace oversight::cli {

int RunCatalogImport(const CatalogArgs& args, const Environment& env, std::ostream& out) {
  std::ifstream in(args.file, std::ios::binary);
  if (!in) return Fail(base::NotFound("cannot read " + args.file));
  auto store = OpenStoreForWriting(args.store, env);
  if (!store.ok()) return Fail(store.status());
  std::int64_t departments = 0, items = 0, rejected = 0, line_no = 0;
  std::string line;
  while (std::getline(in, line)) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos) continue;
    base::Result<pipeline::CatalogRecord> record = pipeline::ParseCatalogLine(line);
    if (!record.ok()) {
      // Reference data is small and curated: report every bad line, store the rest.
      std::cerr << args.file << ":" << line_no << ": " << record.status().message() << "\n";
      ++rejected;
      continue;
    }
    base::Status saved = std::holds_alternative<model::Department>(*record)
                             ? (*store)->UpsertDepartment(std::get<model::Department>(*record), false)
                             : (*store)->UpsertItem(std::get<model::Item>(*record), false);
    if (!saved.ok()) return Fail(saved);
    ++(std::holds_alternative<model::Department>(*record) ? departments : items);
  }
  out << "imported " << departments << " departments and " << items << " items";
  if (rejected > 0) out << "; " << rejected << " lines rejected (see above)";
  out << "\n";
  return rejected == 0 ? kExitOk : kExitNo;
}

int RunCatalogExport(const CatalogArgs& args, const Environment& env, std::ostream& out) {
  auto store = OpenExistingStore(args.store, env);
  if (!store.ok()) return Fail(store.status());
  auto departments = (*store)->ListDepartments();
  if (!departments.ok()) return Fail(departments.status());
  auto items = (*store)->ListItems();
  if (!items.ok()) return Fail(items.status());
  for (const auto& dept : *departments) out << pipeline::DepartmentToJsonLine(dept) << "\n";
  for (const auto& item : *items) out << pipeline::ItemToJsonLine(item) << "\n";
  return kExitOk;
}

}  // namespace oversight::cli
