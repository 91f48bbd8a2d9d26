// `gil-demo run`: any program under the lenses the main command has for its
// workloads. The program runs as under `gil-demo run FILE.py` alone (its
// output on stdout, untouched); the GIL takes the policy and intervals
// asked for, and at exit the threads' records become a RunReport, the same
// figures the main command reports for a workload, with each thread under
// its Thread.name. Summaries and timelines go to stderr, traces and
// statistics to the files named.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "gil/lab/runner.h"
#include "gil/runtime/runtime.h"

namespace gil {

struct ProgramLenses {
  // The lock's policy and intervals; record_activity is set from the views.
  GilConfig gil;
  bool timeline = false;  // draw the timeline on stderr at exit
  bool summary = false;   // print the GIL summary on stderr at exit
  bool live = false;      // draw the --live view on stderr while it runs
  std::string trace_file;  // Chrome Trace Event JSON, when not empty
  std::string stats_file;  // the main command's JSON shape, when not empty

  bool records_activity() const { return timeline || !trace_file.empty(); }
  bool any() const { return timeline || summary || live || !trace_file.empty() || !stats_file.empty(); }
};

// What a program run left for the lenses: the report, filled in by
// at_program_end while the main thread still holds the GIL.
struct ProgramRecord {
  RunReport report;
  bool complete = false;
};

// Sets [config] up for [lenses]: the GIL, the trace numbers, the live board
// (null for none) and the hook that fills [record] at exit. [path] names the
// program in the reports.
void configure_lenses(RuntimeConfig& config, const ProgramLenses& lenses, const std::string& path,
                      LiveBoard* board, ProgramRecord& record);

// The figures of [record] through every lens asked for. Returns false when
// a file could not be written (the reason is on stderr).
bool show_lenses(const ProgramRecord& record, const ProgramLenses& lenses, const std::vector<std::string>& argv);

// Writes [json] to [path], indented by [indent] (-1: on one line, as traces
// are, which can be large); on failure says so on stderr, naming [what]
// ("trace", "statistics"), and returns false.
bool write_json_file(const std::string& path, const nlohmann::json& json, const char* what, int indent);

}  // namespace gil
