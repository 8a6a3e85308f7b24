// The last step of loading a knowledge base: derived tables.
//
// This is the one place where tables compiled from the validated model are
// built (scoring matrices and the like). Everything it may rely on is already
// in place when it runs: the model, every id resolved, region_keys,
// candidates, the mirror tables, the lookups and the hash.
#include "kb/kb_data.hpp"

namespace myoref::detail {

Status finalize(KbData& kb) {
  static_cast<void>(kb);  // no derived tables yet
  return {};
}

}  // namespace myoref::detail
