// The timeline and the trace: shapes and invariants, on made-up runs whose
// answer is known and on a real threaded run.

#include <gtest/gtest.h>

#include <map>
#include <sstream>

#include "gil/cli/timeline.h"

namespace gil {
namespace {

using std::chrono::milliseconds;

// Two workers taking turns every 10 ms for 100 ms, then done; a third in I/O.
RunReport alternating_run() {
  RunReport r;
  r.spec.mode = Mode::Threads;
  r.spec.workload_name = "made-up";
  r.wall_s = 0.1;
  for (int w = 0; w < 3; ++w) r.workers.push_back(WorkerReport{w, 1, "", {}, {}});
  for (int t = 0; t < 100; t += 10) {
    int runner = (t / 10) % 2, other = 1 - runner;
    r.workers[runner].activity.push_back({milliseconds(t), ThreadActivity::Running, t ? other : -1});
    r.workers[other].activity.push_back({milliseconds(t), ThreadActivity::Waiting, -1});
  }
  for (int w = 0; w < 2; ++w) r.workers[w].activity.push_back({milliseconds(100), ThreadActivity::Done, -1});
  r.workers[2].activity.push_back({milliseconds(0), ThreadActivity::InIo, -1});
  r.workers[2].activity.push_back({milliseconds(50), ThreadActivity::Done, -1});
  return r;
}

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

TEST(Timeline, OneRowPerWorkerAtMostOneRunnerPerColumn) {
  std::string text = render_timeline(alternating_run(), TimelineStyle{60, false});
  auto rows = lines(text);
  ASSERT_GE(rows.size(), 7u);
  for (int w = 0; w < 3; ++w) {
    EXPECT_EQ(rows[1 + w].rfind("worker " + std::to_string(w), 0), 0u) << rows[1 + w];
    EXPECT_LE(rows[1 + w].size(), 60u);
  }
  for (size_t c = 10; c < rows[1].size(); ++c) {
    int running = (rows[1][c] == '#') + (rows[2][c] == '#') + (c < rows[3].size() && rows[3][c] == '#');
    EXPECT_LE(running, 1) << "column " << c;
  }
  EXPECT_NE(rows[1].find('#'), std::string::npos);
  EXPECT_NE(rows[2].find('#'), std::string::npos);
  EXPECT_NE(rows[3].find('~'), std::string::npos);  // the I/O worker
  EXPECT_NE(text.find("legend:"), std::string::npos);
  EXPECT_NE(text.find("running (holds the GIL)"), std::string::npos);
}

TEST(Timeline, ColourDoesNotChangeTheGlyphs) {
  std::string plain = render_timeline(alternating_run(), TimelineStyle{60, false});
  std::string coloured = render_timeline(alternating_run(), TimelineStyle{60, true});
  std::string stripped;
  for (size_t i = 0; i < coloured.size(); ++i) {
    if (coloured[i] == '\033') {
      while (coloured[i] != 'm') ++i;
      continue;
    }
    stripped += coloured[i];
  }
  EXPECT_EQ(stripped, plain);
}

TEST(Trace, TracksSlicesFlowsAndAWaitingCounter) {
  nlohmann::json trace = chrome_trace(alternating_run());
  std::map<int, int> slices_per_track;
  std::map<int, int> flow_ends;
  int last_waiting = -1;
  double running_us = 0;
  for (auto& e : trace["traceEvents"]) {
    std::string ph = e["ph"];
    if (ph == "X") {
      ++slices_per_track[e["tid"].get<int>()];
      EXPECT_GE(e["ts"].get<double>(), 0);
      EXPECT_LE(e["ts"].get<double>() + e["dur"].get<double>(), 0.1e6 + 1);
      if (e["name"] == "running (holds the GIL)") running_us += e["dur"].get<double>();
    } else if (ph == "s" || ph == "f") {
      flow_ends[e["id"].get<int>()] += ph == "s" ? 1 : 10;
    } else if (ph == "C") {
      last_waiting = e["args"]["waiting"];
      EXPECT_GE(last_waiting, 0);
    }
  }
  EXPECT_EQ(slices_per_track.size(), 3u);
  EXPECT_EQ(flow_ends.size(), 9u);  // nine handoffs between the two workers
  for (auto& [id, ends] : flow_ends) EXPECT_EQ(ends, 11) << "flow " << id;
  EXPECT_EQ(last_waiting, 0);
  EXPECT_NEAR(running_us, 0.1e6, 1);  // exactly one holder at every moment
}

}  // namespace
}  // namespace gil
