#include "gil/runtime/frozen.h"

namespace gil {

const FrozenModule* find_frozen_module(std::string_view name) {
  for (size_t i = 0; i < kFrozenModuleCount; ++i)
    if (kFrozenModules[i].name == name) return &kFrozenModules[i];
  return nullptr;
}

}  // namespace gil
