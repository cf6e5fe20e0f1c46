#include "core/doc.h"

namespace veille {

const char* RemovalReasonName(RemovalReason r) {
  switch (r) {
    case RemovalReason::kBoilerplate: return "boilerplate";
    case RemovalReason::kDuplicate: return "duplicate";
    case RemovalReason::kInvisible: return "invisible";
    case RemovalReason::kMarkup: return "markup";
  }
  return "boilerplate";
}

}  // namespace veille
