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
expect(2 err "--workers must be a whole number from 1 to 100000, not '0'" --workers 0)
expect(2 err "--workers must be a whole number from 1 to 100000, not '-3'" --workers -3)
expect(2 err "does not exist" --workload /nonexistent/work.py)
expect(2 err "does not define the entry point work(worker, units)" --workload "${CMAKE_CURRENT_BINARY_DIR}/no_entry.py")
expect(2 err "--switch-interval must be a number of milliseconds from 0.001 to 60000, not '0'" --switch-interval 0)
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


# Numbers CLI11 would quietly convert: each is a one-line usage error naming
# the accepted range, never a negative, zero or clamped value.
foreach(interval inf 1e300 9.3e15 1e-9 nan)
  expect(2 err "--switch-interval must be a number of milliseconds from 0.001 to 60000, not '${interval}'"
         --switch-interval ${interval})
endforeach()
foreach(timeout 1e10 nan inf 0)
  expect(2 err "--timeout must be a number of seconds from 0.001 to 1000000, not '${timeout}'"
         --mode processes --timeout ${timeout})
endforeach()
expect(2 err "--size must be a whole number from 1 to 9223372036854775807, not '99999999999999999999'"
       --size 99999999999999999999)
expect(2 err "--size must be a whole number from 1 to 9223372036854775807, not '1.5'" --size 1.5)
expect(2 err "--workers must be a whole number from 1 to 100000, not '99999999999'" --workers 99999999999)
expect(2 err "--check-interval must be a whole number from 1 to 2147483647, not '99999999999'"
       --check-interval 99999999999)
expect(0 out "switch interval 0.025 ms" --workers 1 --size 2 --no-baseline --switch-interval 0.025)
# An empty value (CMake cannot pass an empty argument itself; sh can).
execute_process(COMMAND sh -c "exec \"$0\" --workers ''" "${GIL_DEMO}"
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err TIMEOUT 60)
if(NOT rc STREQUAL "2" OR NOT err STREQUAL "gil-demo: error: --workers must be a whole number from 1 to 100000, not ''\n")
  message(SEND_ERROR "--workers '': expected exit 2 and a one-line range error, got ${rc}\n${err}")
endif()

# A directory is not a program: one line, as for a missing file.
expect(2 err "gil-demo: error: can't open file '${CMAKE_CURRENT_BINARY_DIR}': Is a directory"
       run "${CMAKE_CURRENT_BINARY_DIR}")
expect(2 err "gil-demo: error: can't open file '${CMAKE_CURRENT_BINARY_DIR}': Is a directory"
       dis "${CMAKE_CURRENT_BINARY_DIR}")

# A workload whose top level raises fails as the program would under python3:
# its traceback and exit 1 (not a usage error); sys.exit(n) exits n.
file(WRITE "${CMAKE_CURRENT_BINARY_DIR}/top_raises.py"
     "raise ValueError('bad top level')\n\ndef work(worker, units):\n    return units\n")
file(WRITE "${CMAKE_CURRENT_BINARY_DIR}/top_exits.py"
     "import sys\nsys.exit(5)\n\ndef work(worker, units):\n    return units\n")
foreach(mode serial threads processes)
  expect(1 err "Traceback (most recent call last):\n  File \"${CMAKE_CURRENT_BINARY_DIR}/top_raises.py\", line 1, in <module>\n    raise ValueError('bad top level')\nValueError: bad top level\n"
         --mode ${mode} --workload "${CMAKE_CURRENT_BINARY_DIR}/top_raises.py" --workers 2 --size 2)
  expect(5 err "" --mode ${mode} --workload "${CMAKE_CURRENT_BINARY_DIR}/top_exits.py" --workers 2 --size 2)
endforeach()

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

# The processes mode.
expect(2 err "unknown mode 'bogus' (choose serial, threads or processes)" --mode bogus)
expect(2 err "--retry and --timeout apply to --mode processes" --retry 2)
expect(2 err "--retry and --timeout apply to --mode processes" --mode threads --timeout 5)
# --retry without a value means --retry 1: refused here only because it is set.
expect(2 err "--retry and --timeout apply to --mode processes" --retry --size 10)
expect(2 err "--retry must be zero or a positive number" --mode processes --retry -1)
expect(0 out "attempts" --mode processes --retry --size 100 --workers 2 --no-baseline)
expect(2 err "__worker is started by gil-demo --mode processes, not by hand" __worker)
expect(2 err "__worker is started by gil-demo --mode processes, not by hand" __worker --channel-fd 3)
expect(2 err "bad __worker arguments" __worker --channel-fd x demos/workloads/cpu.py)
file(WRITE "${CMAKE_CURRENT_BINARY_DIR}/sleeps.py" "import time\n\ndef work(worker, units):\n    time.sleep(60)\n    return units\n")
expect(1 out "FAILED: the run timed out after 0.5 s; every worker was killed"
       --mode processes --workload "${CMAKE_CURRENT_BINARY_DIR}/sleeps.py" --workers 2 --size 2 --timeout 0.5 --no-baseline)

# The JSON of a processes run: what the messages cost, each worker's process,
# and no faults.
execute_process(COMMAND "${GIL_DEMO}" --mode processes --workload cpu --workers 2 --size 200 --json
                WORKING_DIRECTORY "${SOURCE_DIR}" RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err TIMEOUT 120)
if(NOT rc STREQUAL "0")
  message(SEND_ERROR "--mode processes --json: exit ${rc}\n${err}")
else()
  string(JSON messages ERROR_VARIABLE json_error GET "${out}" ipc messages)
  string(JSON bytes ERROR_VARIABLE json_error2 GET "${out}" ipc bytes)
  string(JSON faults ERROR_VARIABLE json_error3 LENGTH "${out}" faults)
  string(JSON details ERROR_VARIABLE json_error4 LENGTH "${out}" workers_detail)
  if(json_error OR json_error2 OR json_error3 OR json_error4 OR NOT messages EQUAL 8 OR NOT bytes GREATER 0
     OR NOT faults EQUAL 0 OR NOT details EQUAL 2)
    message(SEND_ERROR "--mode processes --json: expected ipc (8 messages), no faults and 2 workers_detail, "
                       "got messages=${messages} bytes=${bytes} faults=${faults} workers_detail=${details} "
                       "${json_error}${json_error2}${json_error3}${json_error4}\n${out}")
  else()
    foreach(i 0 1)
      string(JSON pid ERROR_VARIABLE json_error GET "${out}" workers_detail ${i} pid)
      if(json_error OR NOT pid GREATER 0)
        message(SEND_ERROR "--mode processes --json: workers_detail[${i}] has no pid: ${json_error}\n${out}")
      endif()
    endforeach()
  endif()
endif()

# Too few file descriptors, one limit after another: every step that needs
# one (Asio's epoll and signal pipe, the socket pairs, Boost.Process's pipe)
# fails in turn. gil-demo must end with a one-line error or a report, never
# an abort ("terminate called...") or SIGPIPE. Not in the asan build: UBSan's
# vptr check needs descriptors of its own and, without them, reports false
# "invalid vptr" errors.
if(NOT SANITIZE STREQUAL "address")
  set(descriptor_errors 0)
  foreach(limit RANGE 4 32)
    execute_process(COMMAND sh -c "ulimit -n ${limit} && exec \"$0\" \"$@\"" "${GIL_DEMO}"
                            --mode processes --workers 4 --size 8 --no-baseline
                    WORKING_DIRECTORY "${SOURCE_DIR}" RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err
                    TIMEOUT 120)
    string(STRIP "${err}" stripped)
    string(FIND "${stripped}" "\n" newline)
    string(FIND "${err}" "error while loading shared libraries" loader)
    if(rc STREQUAL "1" AND err MATCHES "^gil-demo: error: " AND newline EQUAL -1)
      math(EXPR descriptor_errors "${descriptor_errors} + 1")
    elseif(rc STREQUAL "1" AND out MATCHES "FAILED: ")
    elseif(rc STREQUAL "0")
    elseif(rc STREQUAL "127" AND NOT loader EQUAL -1)
      # The dynamic loader itself had no descriptor left: not gil-demo's code.
    else()
      message(SEND_ERROR "ulimit -n ${limit}: expected exit 0, a report or a one-line error; got exit ${rc}\n"
                         "  stdout: ${out}\n  stderr: ${err}")
    endif()
  endforeach()
  if(descriptor_errors EQUAL 0 OR NOT rc STREQUAL "0")
    message(SEND_ERROR "ulimit -n 4..32: expected some one-line errors and then a run; "
                       "got ${descriptor_errors} errors and, at 32, exit ${rc}")
  endif()
endif()

# A worker thread that cannot be started (here: no address space left for
# its stack) ends the run with one line and exit 1, once the threads already
# started are joined; never an abort ("terminate called..."). Not under the
# sanitizers, whose shadow memory needs more address space than the limit.
if(SANITIZE STREQUAL "")
  execute_process(COMMAND sh -c "ulimit -v 200000 && exec \"$0\" \"$@\"" "${GIL_DEMO}"
                          --workers 1000 --size 4 --no-baseline
                  WORKING_DIRECTORY "${SOURCE_DIR}" RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err
                  TIMEOUT 120)
  string(STRIP "${err}" stripped)
  if(NOT rc STREQUAL "1" OR NOT stripped MATCHES "^gil-demo: error: cannot start worker thread [0-9]+ of 1000: [^\n]+$")
    message(SEND_ERROR "threads that cannot start: expected exit 1 and one line "
                       "'cannot start worker thread N of 1000: ...', got exit ${rc}\n  stdout: ${out}\n  stderr: ${err}")
  endif()
endif()

# multiprocessing: an uncaught exception in a child prints "Process NAME:"
# and its traceback on stderr, and the child's exit code is 1.
file(WRITE "${CMAKE_CURRENT_BINARY_DIR}/mp_raise.py"
     "import multiprocessing\n\ndef boom():\n    raise ValueError('boom in child')\n\n"
     "if __name__ == '__main__':\n    p = multiprocessing.Process(target=boom)\n    p.start()\n    p.join()\n"
     "    print('exitcode', p.exitcode)\n")
expect(0 err "Process Process-1:\nTraceback (most recent call last):\n  File \"${CMAKE_CURRENT_BINARY_DIR}/mp_raise.py\", line 4, in boom\n    raise ValueError('boom in child')\nValueError: boom in child"
       run "${CMAKE_CURRENT_BINARY_DIR}/mp_raise.py")
expect(0 out "exitcode 1" run "${CMAKE_CURRENT_BINARY_DIR}/mp_raise.py")

# A Queue whose writer died mid-message: the child's feeder is inside a
# frame larger than the pipe (nobody reads yet) when the parent kills it.
# get() reports the cut message instead of blocking forever (as CPython
# does), and the next get() says the queue lost its place. The parent waits
# for the first bytes of the frame, so nothing depends on timing.
file(WRITE "${CMAKE_CURRENT_BINARY_DIR}/mp_cut_message.py"
     "import multiprocessing, time\n\ndef child(q):\n    q.put(b'x' * (16 * 1024 * 1024))\n    time.sleep(60)\n\n"
     "if __name__ == '__main__':\n    q = multiprocessing.Queue()\n"
     "    p = multiprocessing.Process(target=child, args=(q,))\n    p.start()\n"
     "    while q.empty():\n        time.sleep(0.01)\n    p.kill()\n    p.join()\n"
     "    for _ in range(2):\n        try:\n            q.get(timeout=3)\n        except OSError as e:\n"
     "            print('OSError:', e)\n")
# (How much arrived depends on the pipe's size: /proc/sys/fs/pipe-max-size.)
expect(0 out "OSError: Queue.get: damaged message: truncated frame: the process writing this message ended after "
       run "${CMAKE_CURRENT_BINARY_DIR}/mp_cut_message.py")
expect(0 out " of its 16777233 bytes; the queue cannot be read any further" run "${CMAKE_CURRENT_BINARY_DIR}/mp_cut_message.py")
expect(0 out "the queue has lost its place in the pipe" run "${CMAKE_CURRENT_BINARY_DIR}/mp_cut_message.py")

# Ctrl-C while children run: the parent exits as interrupted (130) and kills
# and reaps them: none of the pids it printed is left. The program sends
# itself the SIGINT once its children run, so nothing depends on timing.
file(WRITE "${CMAKE_CURRENT_BINARY_DIR}/mp_sleepers.py"
     "import multiprocessing, os, signal, time\n\ndef nap():\n    time.sleep(60)\n\n"
     "if __name__ == '__main__':\n    ps = [multiprocessing.Process(target=nap) for _ in range(3)]\n"
     "    for p in ps:\n        p.start()\n    print(' '.join([str(p.pid) for p in ps]), flush=True)\n"
     "    os.kill(os.getpid(), signal.SIGINT)\n    time.sleep(60)\n")
execute_process(COMMAND "${GIL_DEMO}" run "${CMAKE_CURRENT_BINARY_DIR}/mp_sleepers.py"
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err TIMEOUT 60)
string(STRIP "${out}" pids)
separate_arguments(pids)
list(LENGTH pids npids)
if(NOT (rc STREQUAL "130" OR rc MATCHES "[Ii]nterrupt") OR NOT npids EQUAL 3)
  message(SEND_ERROR "Ctrl-C with children: expected exit 130 and 3 pids, got ${rc}, '${out}'\n${err}")
endif()
foreach(pid ${pids})
  execute_process(COMMAND kill -0 ${pid} RESULT_VARIABLE alive OUTPUT_QUIET ERROR_QUIET)
  if(alive EQUAL 0)
    message(SEND_ERROR "Ctrl-C with children: child ${pid} outlived its parent")
    execute_process(COMMAND kill -9 ${pid})
  endif()
endforeach()

# --live on a terminal (script(1) gives it one): it hides the cursor while it
# draws and always shows it again, also when Ctrl-C ends the run.
find_program(SCRIPT_PROGRAM script)
string(ASCII 27 esc)
if(SCRIPT_PROGRAM)
  foreach(mode threads processes)
    execute_process(COMMAND "${SCRIPT_PROGRAM}" -qec "\"${GIL_DEMO}\" --mode ${mode} --workload io --workers 2 --size 40 --live" /dev/null
                    WORKING_DIRECTORY "${SOURCE_DIR}" RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err TIMEOUT 120)
    string(FIND "${out}" "${esc}[?25l" hidden)
    string(FIND "${out}" "${esc}[?25h" shown REVERSE)
    string(FIND "${out}" "worker 1 [====================] 100% done" done_row)
    if(NOT rc STREQUAL "0" OR hidden EQUAL -1 OR shown LESS hidden OR done_row EQUAL -1)
      message(SEND_ERROR "--live (${mode}): expected exit 0, the cursor hidden then shown, and a finished row; "
                         "got exit ${rc}\n${out}")
    endif()
    execute_process(COMMAND "${SCRIPT_PROGRAM}" -qec "timeout -s INT 1 \"${GIL_DEMO}\" --mode ${mode} --workload io --workers 2 --size 4000 --live" /dev/null
                    WORKING_DIRECTORY "${SOURCE_DIR}" RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err TIMEOUT 120)
    string(FIND "${out}" "${esc}[?25l" hidden)
    string(FIND "${out}" "${esc}[?25h" shown REVERSE)
    if(hidden EQUAL -1 OR shown LESS hidden)
      message(SEND_ERROR "--live (${mode}) and Ctrl-C: the cursor was not shown again (exit ${rc})\n${out}")
    endif()
  endforeach()
endif()

# Ctrl-C ends a blocking multiprocessing call with KeyboardInterrupt, as in
# CPython: Queue.get, Connection.recv and Process.join wait for nothing else.
file(WRITE "${CMAKE_CURRENT_BINARY_DIR}/mp_blocked.py"
     "import multiprocessing, sys, time\n\ndef nap():\n    time.sleep(60)\n\n"
     "if __name__ == '__main__':\n    q = multiprocessing.Queue()\n    a, b = multiprocessing.Pipe()\n"
     "    p = multiprocessing.Process(target=nap)\n    p.start()\n"
     "    if sys.argv[1] == 'get':\n        q.get()\n    elif sys.argv[1] == 'recv':\n        a.recv()\n"
     "    else:\n        p.join()\n")
foreach(call get recv join)
  execute_process(COMMAND timeout --preserve-status -s INT 1 "${GIL_DEMO}" run "${CMAKE_CURRENT_BINARY_DIR}/mp_blocked.py" ${call}
                  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err TIMEOUT 60)
  string(FIND "${err}" "KeyboardInterrupt" at)
  if(NOT rc STREQUAL "130" OR at EQUAL -1)
    message(SEND_ERROR "Ctrl-C in ${call}: expected exit 130 and KeyboardInterrupt, got ${rc}\n${err}")
  endif()
endforeach()

# A Process started by a thread other than the main one dies with its parent
# too: the parent SIGKILLs itself once the child runs (from the starting
# thread, which is still alive), then the check waits (up to 10 s) for the
# child to go.
file(WRITE "${CMAKE_CURRENT_BINARY_DIR}/mp_orphan.py"
     "import multiprocessing, os, signal, threading, time\n\ndef spin():\n    time.sleep(60)\n\n"
     "def starter():\n    p = multiprocessing.Process(target=spin)\n    p.start()\n    print(p.pid, flush=True)\n"
     "    os.kill(os.getpid(), signal.SIGKILL)\n\n"
     "if __name__ == '__main__':\n    t = threading.Thread(target=starter)\n    t.start()\n    t.join()\n")
execute_process(COMMAND "${GIL_DEMO}" run "${CMAKE_CURRENT_BINARY_DIR}/mp_orphan.py"
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err TIMEOUT 60)
string(STRIP "${out}" orphan)
if(NOT orphan MATCHES "^[0-9]+$")
  message(SEND_ERROR "orphan check: expected the child's pid, got '${out}' (exit ${rc})\n${err}")
else()
  set(gone FALSE)
  foreach(attempt RANGE 100)
    execute_process(COMMAND kill -0 ${orphan} RESULT_VARIABLE alive OUTPUT_QUIET ERROR_QUIET)
    if(NOT alive EQUAL 0)
      set(gone TRUE)
      break()
    endif()
    execute_process(COMMAND sleep 0.1)
  endforeach()
  if(NOT gone)
    message(SEND_ERROR "a child started by a thread outlived its SIGKILLed parent (pid ${orphan})")
    execute_process(COMMAND kill -9 ${orphan})
  endif()
endif()
