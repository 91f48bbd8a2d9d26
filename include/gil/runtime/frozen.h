// The modules written in Python that are frozen into the binary: the lib/
// tree of the source, turned into a C++ table at build time
// (cmake/freeze_modules.cmake), as CPython freezes parts of its Lib/. Nothing
// is read from disk at run time for them.
#pragma once
#include <cstddef>
#include <string_view>

namespace gil {

struct FrozenModule {
  // The dotted module name ("collections", "concurrent.futures").
  std::string_view name;
  // Its file under lib/ ("collections/__init__.py").
  std::string_view path;
  // The source text.
  std::string_view source;
  // True for a package (an __init__.py).
  bool is_package;
};

// The frozen module [name], or null.
const FrozenModule* find_frozen_module(std::string_view name);

// The generated table (frozen_modules.cc in the build directory).
extern const FrozenModule kFrozenModules[];
extern const size_t kFrozenModuleCount;

}  // namespace gil
