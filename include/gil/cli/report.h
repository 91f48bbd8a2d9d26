// Reports of runs: the readable summary and the JSON object (schema in the
// README), both made from the same RunReport figures.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "gil/lab/runner.h"

namespace gil {

// A run and, unless --no-baseline, the serial run of the same workload.
struct Comparison {
  RunReport run;
  std::optional<RunReport> baseline;

  // baseline wall / run wall, or 1 without a baseline.
  double speedup() const;
};

// The summary a person reads: times, speedup, cores busy, GIL statistics
// and, where measured, I/O latency with and without the CPU workers.
std::string format_summary(const Comparison& c);

// The summary of a program run with `gil-demo run --summary`: its threads
// by name, with the GIL statistics of each.
std::string format_program_summary(const RunReport& r);

// The same figures as one JSON object.
nlohmann::json to_json(const Comparison& c);

// One sentence on what the figures show, for the classroom.
std::string verdict(const Comparison& c);

}  // namespace gil
