cmake_minimum_required(VERSION 3.25)
# The command line as a user meets it: each case runs gil-demo and checks its
# exit code and a piece of its output. Run by ctest as cli.errors with
#   -DGIL_DEMO=<binary> -DSOURCE_DIR=<repository root>

set(failures 0)

# expect(<exit code> <stream: out|err> <text that must appear> ARGS...)
function(expect code stream text)
  execute_process(COMMAND "${GIL_DEMO}" ${ARGN}
                  WORKING_DIRECTORY "${SOURCE_DIR}"
                  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err TIMEOUT 120)
  if(stream STREQUAL "out")
    set(seen "${out}")
  else()
    set(seen "${err}")
  endif()
  string(FIND "${seen}" "${text}" at)
  if(NOT rc STREQUAL "${code}" OR at EQUAL -1)
    message(SEND_ERROR "gil-demo ${ARGN}\n  expected exit ${code} and ${stream} containing: ${text}\n"
                       "  got exit ${rc}\n  stdout: ${out}\n  stderr: ${err}")
  endif()
  if(stream STREQUAL "err" AND code STREQUAL "2")
    # A usage error is one line.
    string(STRIP "${err}" stripped)
    string(FIND "${stripped}" "\n" newline)
    if(NOT newline EQUAL -1)
      message(SEND_ERROR "gil-demo ${ARGN}: the error is not one line:\n${err}")
    endif()
  endif()
endfunction()

file(WRITE "${CMAKE_CURRENT_BINARY_DIR}/no_entry.py" "def other():\n    pass\n")

expect(2 err "unknown mode 'bogus'" --mode bogus)
expect(2 err "unknown workload 'nope'" --workload nope)
expect(2 err "unknown GIL policy 'nogil'" --gil nogil)
expect(2 err "--workers must be a positive number" --workers 0)
expect(2 err "--workers must be a positive number" --workers -3)
expect(2 err "does not exist" --workload /nonexistent/work.py)
expect(2 err "does not define the entry point work(worker, units)" --workload "${CMAKE_CURRENT_BINARY_DIR}/no_entry.py")
expect(2 err "--switch-interval must be a positive number" --switch-interval 0)
expect(2 err "gil-demo: error:" --no-such-flag)
expect(2 err "gil-demo: error:" --workers many)
expect(2 err "a program file is required" run)
expect(2 err "can't open file" run /nonexistent/prog.py)
expect(0 out "Examples:" --help)
expect(0 out "Disassembly of <module>" dis demos/programs/primes.py)
expect(3 out "" run tests/programs/sys_exit.py)
expect(0 out "\"speedup\"" --workload cpu --workers 2 --size 4 --json)
expect(0 out "speedup" --mode serial --workload io --workers 2 --size 2)
expect(0 out "switch interval 1.0 ms" --workload mixed --workers 2 --size 40 --gil fair --switch-interval 1)
expect(0 out "two threads:" run demos/programs/beazley_countdown.py 100000)
expect(0 out "with a lock:    800000 of 800000 increments (0 lost)" run demos/programs/race.py)

# A syntax error: FILE:LINE:COL, the line, a caret; exit 1.
file(WRITE "${CMAKE_CURRENT_BINARY_DIR}/bad_syntax.py" "x = 1\nif x\n    print(x)\n")
expect(1 err "bad_syntax.py:2:5: SyntaxError: expected ':'\n    if x\n        ^" run "${CMAKE_CURRENT_BINARY_DIR}/bad_syntax.py")

# Ctrl-C: KeyboardInterrupt with a traceback, and death by SIGINT (130).
file(WRITE "${CMAKE_CURRENT_BINARY_DIR}/spin.py" "import sys\nprint('spinning', flush=True)\nn = 0\nwhile True:\n    n += 1\n")
execute_process(COMMAND timeout --preserve-status -s INT 1 "${GIL_DEMO}" run "${CMAKE_CURRENT_BINARY_DIR}/spin.py"
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err TIMEOUT 60)
string(FIND "${err}" "KeyboardInterrupt" at)
if(NOT rc STREQUAL "130" OR at EQUAL -1)
  message(SEND_ERROR "Ctrl-C: expected exit 130 and a KeyboardInterrupt traceback, got ${rc}\n${err}")
endif()
# ...and while sleeping in time.sleep.
file(WRITE "${CMAKE_CURRENT_BINARY_DIR}/sleeper.py" "import time\ntry:\n    time.sleep(60)\nexcept KeyboardInterrupt:\n    print('interrupted')\n")
execute_process(COMMAND timeout -s INT 1 "${GIL_DEMO}" run "${CMAKE_CURRENT_BINARY_DIR}/sleeper.py"
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err TIMEOUT 60)
if(NOT out STREQUAL "interrupted\n")
  message(SEND_ERROR "Ctrl-C in time.sleep: expected 'interrupted', got '${out}' (exit ${rc})\n${err}")
endif()
expect(0 out "speedup = serial wall time" compare --workers 2 --size 8 --workload cpu --workload io)
