cmake_minimum_required(VERSION 3.25)
# `gil-demo run` with every lens on a program of three named threads: the
# program's stdout stays exactly its own, the summary and timeline go to
# stderr, and the files written hold every thread under its Thread.name with
# the switch interval the program set. Run by ctest as cli.run_lenses with
#   -DGIL_DEMO=<binary> -DWORK_DIR=<scratch directory>

set(program "${WORK_DIR}/lenses.py")
file(WRITE "${program}" [=[
import sys
import threading
import time

def spin(n):
    while n > 0:
        n -= 1

def nap():
    for _ in range(3):
        time.sleep(0.001)

sys.setswitchinterval(0.0025)
threads = [threading.Thread(target=spin, args=(20000,), name="cruncher-1"),
           threading.Thread(target=spin, args=(20000,), name="cruncher-2"),
           threading.Thread(target=nap, name="napper")]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("argv", sys.argv[1:])
]=])
set(stats "${WORK_DIR}/lenses_stats.json")
set(trace "${WORK_DIR}/lenses_trace.json")
file(REMOVE "${stats}" "${trace}")

function(fail what)
  message(SEND_ERROR "cli.run_lenses: ${what}")
endfunction()

execute_process(COMMAND "${GIL_DEMO}" run --gil fair --switch-interval 1 --summary --timeline --stats "${stats}"
                        --trace "${trace}" "${program}" --summary x
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err TIMEOUT 120)
if(NOT rc EQUAL 0)
  fail("exit ${rc}\n${err}")
endif()
# Everything after FILE is the program's: stdout is its one line.
if(NOT out STREQUAL "argv ['--summary', 'x']\n")
  fail("stdout is not the program's own output:\n${out}")
endif()
foreach(text "GIL policy fair" "switch interval 2.5 ms" "cruncher-1" "napper" "Timeline of" "MainThread")
  string(FIND "${err}" "${text}" at)
  if(at EQUAL -1)
    fail("stderr lacks '${text}':\n${err}")
  endif()
endforeach()

# The statistics: the main command's shape, one entry per thread by name.
file(READ "${stats}" json)
string(JSON policy GET "${json}" gil_policy)
string(JSON interval GET "${json}" switch_interval_s)
string(JSON count LENGTH "${json}" workers_detail)
string(JSON total_acquisitions GET "${json}" gil acquisitions)
if(NOT policy STREQUAL "fair" OR NOT interval MATCHES "^0\\.00250000" OR NOT count EQUAL 4)
  fail("stats: policy ${policy}, switch interval ${interval}, ${count} threads:\n${json}")
endif()
set(names "")
set(sum 0)
math(EXPR last "${count} - 1")
foreach(i RANGE ${last})
  string(JSON name GET "${json}" workers_detail ${i} name)
  string(JSON acquisitions GET "${json}" workers_detail ${i} acquisitions)
  string(JSON releases GET "${json}" workers_detail ${i} io_releases)
  list(APPEND names "${name}")
  math(EXPR sum "${sum} + ${acquisitions}")
  if(acquisitions LESS 1)
    fail("stats: ${name} never took the GIL")
  endif()
  if(name STREQUAL "napper" AND NOT releases EQUAL 3)
    fail("stats: napper released the GIL ${releases} times for its 3 sleeps")
  endif()
endforeach()
list(SORT names)
if(NOT names STREQUAL "MainThread;cruncher-1;cruncher-2;napper")
  fail("stats: threads ${names}")
endif()
if(NOT sum EQUAL total_acquisitions)
  fail("stats: per-thread acquisitions add up to ${sum}, the total says ${total_acquisitions}")
endif()

# The trace: a named track for every thread.
file(READ "${trace}" json)
string(JSON events LENGTH "${json}" traceEvents)
math(EXPR last "${events} - 1")
set(tracks "")
foreach(i RANGE ${last})
  string(JSON kind GET "${json}" traceEvents ${i} name)
  if(kind STREQUAL "thread_name")
    string(JSON track GET "${json}" traceEvents ${i} args name)
    list(APPEND tracks "${track}")
  endif()
endforeach()
list(SORT tracks)
if(NOT tracks STREQUAL "MainThread;cruncher-1;cruncher-2;napper")
  fail("trace: tracks ${tracks}")
endif()

# Bad lens options are one-line usage errors; an unwritable file fails the run.
execute_process(COMMAND "${GIL_DEMO}" run --gil nogil "${program}" RESULT_VARIABLE rc ERROR_VARIABLE err OUTPUT_QUIET)
if(NOT rc EQUAL 2 OR NOT err MATCHES "unknown GIL policy 'nogil'")
  fail("--gil nogil: exit ${rc}: ${err}")
endif()
execute_process(COMMAND "${GIL_DEMO}" run --stats "${WORK_DIR}/no/such/dir/s.json" "${program}"
                RESULT_VARIABLE rc ERROR_VARIABLE err OUTPUT_VARIABLE out)
if(NOT rc EQUAL 1 OR NOT err MATCHES "cannot write statistics" OR NOT out STREQUAL "argv []\n")
  fail("unwritable --stats: exit ${rc}: ${err}")
endif()
