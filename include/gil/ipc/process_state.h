// What the kernel says a process is doing, read from /proc/PID/stat: for a
// parent that waits on another process and must tell a slow one from one
// that cannot answer (stopped by SIGSTOP or Ctrl-Z, or dead but not yet
// reaped, when kill(pid, 0) still succeeds).
#pragma once

namespace gil {

// The state letter of process [pid] ('R' running, 'S' sleeping, 'T'
// stopped, 't' stopped by a tracer, 'Z' zombie, ...), or 0 when there is
// no such process (or /proc cannot tell).
char process_state(int pid);

// Whether process [pid] is stopped ('T' or 't').
inline bool process_stopped(int pid) {
  char s = process_state(pid);
  return s == 'T' || s == 't';
}

// Whether process [pid] has ended: gone, or a zombie. A pid of 0 or less
// names no process and counts as ended.
inline bool process_ended(int pid) {
  if (pid <= 0) return true;
  char s = process_state(pid);
  return s == 0 || s == 'Z' || s == 'X';
}

}  // namespace gil
