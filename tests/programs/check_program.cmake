# Runs one conformance program and compares what it did with the expectation
# files beside it. CTest calls this script; it can also be run by hand:
#
#   cmake -DINTERPRETER=build/gil-demo -DMODE=minipy -DKIND=program \
#         -DPROGRAM=tests/programs/int_arith.py -P tests/programs/check_program.cmake
#
# Variables (all passed with -D):
#   INTERPRETER  the executable to run: the gil-demo binary, or CPython.
#   MODE         minipy  - runs `INTERPRETER run PROGRAM` (the default);
#                cpython - runs `INTERPRETER PROGRAM` and removes CPython's
#                          caret/tilde marker lines from stderr first.
#   KIND         program - compares stdout and the exit status (the default);
#                error   - also compares stderr, with the program's path
#                          replaced by {FILE} (in a traceback's quotes, and
#                          after "in file" in an encoding error), and the
#                          directory of other files in it (helper modules
#                          the program imports) by {DIR}.
#   PROGRAM      the .py file, preferably an absolute path (spaces are fine).
#   TIMEOUT      seconds before the run counts as hung (default 60).
#
# Expectation files, next to PROGRAM and named after it:
#   NAME.out      stdout, byte for byte (required).
#   NAME.exit     the exit status, a number; absent means 0.
#   NAME.err      (KIND=error) the whole of stderr.
#   NAME.errtail  (KIND=error) only the last line of stderr; used instead of
#                 NAME.err when stderr cannot be matched whole (RecursionError).
#
# The script needs nothing but CMake: no Python, no diff tool. It never uses
# CMake lists on program output, so output containing ';' or '[' is safe.
cmake_minimum_required(VERSION 3.25)

if(NOT DEFINED MODE)
  set(MODE minipy)
endif()
if(NOT DEFINED KIND)
  set(KIND program)
endif()
if(NOT DEFINED TIMEOUT)
  set(TIMEOUT 60)
endif()
if(NOT MODE MATCHES "^(minipy|cpython)$")
  message(FATAL_ERROR "check_program: MODE must be minipy or cpython, not '${MODE}'")
endif()
if(NOT KIND MATCHES "^(program|error)$")
  message(FATAL_ERROR "check_program: KIND must be program or error, not '${KIND}'")
endif()
if(NOT DEFINED INTERPRETER OR "${INTERPRETER}" STREQUAL "")
  message(FATAL_ERROR "check_program: pass -DINTERPRETER=<executable>")
endif()
if(NOT EXISTS "${INTERPRETER}")
  message(FATAL_ERROR "check_program: interpreter '${INTERPRETER}' does not exist (is it built?)")
endif()
if(NOT DEFINED PROGRAM OR NOT EXISTS "${PROGRAM}")
  message(FATAL_ERROR "check_program: pass -DPROGRAM=<existing .py file>, got '${PROGRAM}'")
endif()

string(REGEX REPLACE "\\.py$" "" base "${PROGRAM}")
get_filename_component(program_dir "${PROGRAM}" DIRECTORY)
get_filename_component(program_name "${PROGRAM}" NAME)

# ---- Helpers ----------------------------------------------------------------

# Sets [out_line] to the text of [text] up to its first newline, [out_rest] to
# what follows that newline, and [out_found] to whether there was a newline.
function(split_first_line text out_line out_rest out_found)
  string(FIND "${text}" "\n" nl)
  if(nl EQUAL -1)
    set(${out_line} "${text}" PARENT_SCOPE)
    set(${out_rest} "" PARENT_SCOPE)
    set(${out_found} FALSE PARENT_SCOPE)
  else()
    string(SUBSTRING "${text}" 0 ${nl} line)
    math(EXPR after "${nl} + 1")
    string(SUBSTRING "${text}" ${after} -1 rest)
    set(${out_line} "${line}" PARENT_SCOPE)
    set(${out_rest} "${rest}" PARENT_SCOPE)
    set(${out_found} TRUE PARENT_SCOPE)
  endif()
endfunction()

# Sets [out] to [text] without the lines that consist only of spaces, '^' and
# '~': the markers CPython 3.11 prints under a traceback's source lines.
function(remove_marker_lines text out)
  set(result "")
  set(rest "${text}")
  while(NOT "${rest}" STREQUAL "")
    split_first_line("${rest}" line rest found)
    if(NOT line MATCHES "^ *[~^]+[~^ ]*$")
      string(APPEND result "${line}")
      if(found)
        string(APPEND result "\n")
      endif()
    endif()
  endwhile()
  set(${out} "${result}" PARENT_SCOPE)
endfunction()

# Sets [out] to a readable account of how [actual] differs from [expected]:
# the first differing line number, a little shared context, then a few lines
# of each side marked '-' (expected) and '+' (actual), unified-diff style.
function(describe_difference what expected actual out)
  set(exp_rest "${expected}")
  set(act_rest "${actual}")
  set(lineno 1)
  set(context "")
  while(TRUE)
    split_first_line("${exp_rest}" exp_line exp_next exp_found)
    split_first_line("${act_rest}" act_line act_next act_found)
    if(NOT "${exp_line}" STREQUAL "${act_line}" OR NOT "${exp_found}" STREQUAL "${act_found}")
      break()
    endif()
    if(NOT exp_found)
      break()
    endif()
    set(context "${context}   ${exp_line}\n")
    # Keep only the last three lines of context.
    string(REGEX REPLACE "^([^\n]*\n)([^\n]*\n[^\n]*\n[^\n]*\n)$" "\\2" context "${context}")
    set(exp_rest "${exp_next}")
    set(act_rest "${act_next}")
    math(EXPR lineno "${lineno} + 1")
  endwhile()
  set(report "${what} differs from line ${lineno} on (- expected, + actual):\n")
  string(APPEND report "${context}")
  foreach(side exp act)
    if(side STREQUAL "exp")
      set(rest "${exp_rest}")
      set(mark "-")
    else()
      set(rest "${act_rest}")
      set(mark "+")
    endif()
    set(shown 0)
    while(shown LESS 6)
      if("${rest}" STREQUAL "")
        string(APPEND report "${mark}  <end of ${what}>\n")
        break()
      endif()
      split_first_line("${rest}" line rest found)
      if(found)
        string(APPEND report "${mark}  ${line}\n")
      else()
        string(APPEND report "${mark}  ${line}<no newline at end>\n")
      endif()
      math(EXPR shown "${shown} + 1")
    endwhile()
  endforeach()
  set(${out} "${report}" PARENT_SCOPE)
endfunction()

# Sets [out] to the contents of [file], or to [default] when it is absent.
function(read_optional file default out)
  if(EXISTS "${file}")
    file(READ "${file}" content)
    set(${out} "${content}" PARENT_SCOPE)
  else()
    set(${out} "${default}" PARENT_SCOPE)
  endif()
endfunction()

# ---- Expectations -------------------------------------------------------------

if(NOT EXISTS "${base}.out")
  message(FATAL_ERROR "check_program: ${base}.out is missing")
endif()
file(READ "${base}.out" expected_out)
read_optional("${base}.exit" "0" expected_exit)
string(STRIP "${expected_exit}" expected_exit)
if(NOT expected_exit MATCHES "^[0-9]+$")
  message(FATAL_ERROR "check_program: ${base}.exit must hold a number, not '${expected_exit}'")
endif()
set(check_err FALSE)
set(check_errtail FALSE)
if(KIND STREQUAL "error")
  if(EXISTS "${base}.errtail")
    set(check_errtail TRUE)
    file(READ "${base}.errtail" expected_errtail)
    string(STRIP "${expected_errtail}" expected_errtail)
  elseif(EXISTS "${base}.err")
    set(check_err TRUE)
    file(READ "${base}.err" expected_err)
  else()
    message(FATAL_ERROR "check_program: an error test needs ${base}.err or ${base}.errtail")
  endif()
endif()

# ---- Run ----------------------------------------------------------------------

if(MODE STREQUAL "minipy")
  set(command "${INTERPRETER}" run "${PROGRAM}")
else()
  # -B: a program importing a helper module leaves no __pycache__ behind.
  set(command "${INTERPRETER}" -B "${PROGRAM}")
endif()
# The program reads NAME.in on stdin when there is one (input() tests),
# else nothing.
set(stdin_option "")
if(EXISTS "${base}.in")
  set(stdin_option INPUT_FILE "${base}.in")
elseif(EXISTS "/dev/null")
  set(stdin_option INPUT_FILE /dev/null)
endif()
execute_process(
  COMMAND ${command}
  WORKING_DIRECTORY "${program_dir}"
  ${stdin_option}
  OUTPUT_VARIABLE actual_out
  ERROR_VARIABLE actual_err
  RESULT_VARIABLE actual_exit
  TIMEOUT ${TIMEOUT})

string(REPLACE "\"${PROGRAM}\"" "\"{FILE}\"" actual_err "${actual_err}")
# Other files of the program's directory (the helper modules it imports).
string(REPLACE "\"${program_dir}/" "\"{DIR}/" actual_err "${actual_err}")
# The path in a source-encoding SyntaxError ("... in file PATH on line N").
string(REPLACE " in file ${PROGRAM} on line " " in file {FILE} on line " actual_err "${actual_err}")
if(MODE STREQUAL "cpython")
  remove_marker_lines("${actual_err}" actual_err)
endif()

# ---- Compare ------------------------------------------------------------------

set(failures "")
if(NOT actual_exit MATCHES "^[0-9]+$")
  string(APPEND failures "the process did not exit normally: ${actual_exit}\n")
elseif(NOT actual_exit EQUAL expected_exit)
  string(APPEND failures "exit status ${actual_exit}, expected ${expected_exit}\n")
endif()
string(COMPARE EQUAL "${actual_out}" "${expected_out}" same_out)
if(NOT same_out)
  describe_difference("stdout" "${expected_out}" "${actual_out}" report)
  string(APPEND failures "${report}")
endif()
if(check_err)
  string(COMPARE EQUAL "${actual_err}" "${expected_err}" same_err)
  if(NOT same_err)
    describe_difference("stderr" "${expected_err}" "${actual_err}" report)
    string(APPEND failures "${report}")
  endif()
elseif(check_errtail)
  string(REGEX REPLACE "[\r\n]+$" "" trimmed_err "${actual_err}")
  string(FIND "${trimmed_err}" "\n" last_nl REVERSE)
  math(EXPR last_start "${last_nl} + 1")
  string(SUBSTRING "${trimmed_err}" ${last_start} -1 last_line)
  string(STRIP "${last_line}" last_line)
  if(NOT "${last_line}" STREQUAL "${expected_errtail}")
    string(APPEND failures "last line of stderr differs:\n-  ${expected_errtail}\n+  ${last_line}\n")
  endif()
elseif(MODE STREQUAL "cpython" AND NOT "${actual_err}" STREQUAL "")
  # A warning from CPython means the program is not what its author meant.
  string(APPEND failures "CPython wrote to stderr, expected nothing there\n")
endif()

if(NOT "${failures}" STREQUAL "")
  string(LENGTH "${actual_err}" err_length)
  if(err_length GREATER 0 AND NOT check_err)
    if(err_length GREATER 3000)
      string(SUBSTRING "${actual_err}" 0 3000 actual_err)
      set(actual_err "${actual_err}\n... (stderr cut at 3000 bytes)\n")
    endif()
    string(APPEND failures "stderr was:\n${actual_err}\n")
  endif()
  message(NOTICE "${failures}")
  message(FATAL_ERROR "${program_name} (${MODE}, ${KIND}) failed")
endif()
