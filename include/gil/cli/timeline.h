// Seeing a run: a timeline in the terminal and a Chrome Trace Event file for
// Perfetto (ui.perfetto.dev) and chrome://tracing, both drawn from the
// activity changes the GIL records (GilConfig::record_activity).
//
// The states, in both:
//   running  the thread holds the GIL and runs bytecode
//   waiting  the thread wants the GIL and waits for it
//   I/O      the thread released the GIL around a blocking call
//   done     the thread's work has finished (the timeline leaves it blank)
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "gil/lab/runner.h"

namespace gil {

struct TimelineStyle {
  // Total width in columns, labels included.
  int width = 100;
  // Whether to use ANSI colours (the glyphs alone stay readable).
  bool colour = false;
};

// One row per worker, time running across, a legend and a time axis.
std::string render_timeline(const RunReport& run, const TimelineStyle& style);

// The run as Chrome Trace Event JSON: one track per worker with a slice per
// state, a flow arrow for each GIL handoff, and a counter of the threads
// waiting for the GIL.
nlohmann::json chrome_trace(const RunReport& run);

// The width of the terminal on [fd] (stdout by default), else $COLUMNS, else
// [fallback].
int terminal_width(int fallback, int fd = 1);

}  // namespace gil
