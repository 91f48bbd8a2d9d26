#include "gil/ipc/process_state.h"

#include <fcntl.h>
#include <unistd.h>

#include <string>
#include <string_view>

namespace gil {

char process_state(int pid) {
  if (pid <= 0) return 0;
  std::string path = "/proc/" + std::to_string(pid) + "/stat";
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return 0;
  // "pid (comm) S ...": comm is at most 16 bytes but may hold ')' and
  // spaces, so the state is the letter after the last ')'.
  char buffer[256];
  ssize_t n = ::read(fd, buffer, sizeof buffer);
  ::close(fd);
  if (n <= 0) return 0;
  std::string_view text(buffer, static_cast<size_t>(n));
  size_t paren = text.rfind(')');
  if (paren == std::string_view::npos || paren + 2 >= text.size()) return 0;
  return text[paren + 2];
}

}  // namespace gil
