#include "gil/cli/report.h"

#include <fmt/format.h>

#include <algorithm>

namespace gil {
namespace {

double seconds(std::chrono::nanoseconds ns) { return std::chrono::duration<double>(ns).count(); }

// A latency in the unit that shows it: microseconds below a millisecond.
std::string latency(double us) { return us < 1000 ? fmt::format("{:.1f} us", us) : fmt::format("{:.2f} ms", us / 1000); }

// Whether some workers blocked on I/O while others never did (the mixed case).
bool io_beside_cpu(const RunReport& r) {
  bool io = false, cpu = false;
  for (auto& w : r.workers) (w.gil.voluntary_releases ? io : cpu) = true;
  return io && cpu;
}

bool has_io_latency(const RunReport& r) { return !r.gil.io_latency.empty(); }

std::string format_row(const RunReport& r, double baseline_wall) {
  double speedup = baseline_wall > 0 ? baseline_wall / r.wall_s : 1.0;
  return fmt::format("  {:<8} {:>8.3f} s {:>8.3f} s {:>8.2f}x {:>10.2f}\n", mode_name(r.spec.mode), r.wall_s, r.cpu_s,
                     speedup, r.cpu_s / r.wall_s);
}

double median(std::vector<double> v) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  size_t n = v.size();
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

std::string mib(int64_t kib) { return fmt::format("{:.1f} MiB", static_cast<double>(kib) / 1024); }

// The price of processes: start-up, messages, memory; then each worker and
// every worker that died.
std::string format_processes(const RunReport& r) {
  std::vector<double> spawns;
  for (auto& w : r.workers)
    if (w.pid) spawns.push_back(w.spawn_s);
  std::string out = fmt::format(
      "Processes: each worker is a process with its own interpreter and GIL.\n"
      "  start-up {:.1f} ms (median from spawn to first message), {} messages, {:.1f} KiB moved, "
      "serialization {:.3f} ms\n",
      median(spawns) * 1000, r.ipc.messages, static_cast<double>(r.ipc.bytes) / 1024, r.ipc.serialize_s * 1000);
  out += fmt::format("  {:<7} {:>8} {:>9} {:>10} {:>12} {:>10} {:>9}\n", "worker", "pid", "start ms", "peak RSS",
                     "acquisitions", "held s", "attempts");
  for (auto& w : r.workers)
    out += fmt::format("  {:<7} {:>8} {:>9.1f} {:>10} {:>12} {:>10.3f} {:>9}\n", w.worker, w.pid, w.spawn_s * 1000,
                       mib(w.peak_rss_kib), w.gil.acquisitions, seconds(w.gil.hold), w.attempts);
  for (auto& f : r.faults) {
    out += fmt::format("  worker process {} {}", f.pid, f.status);
    if (f.task >= 0) out += fmt::format(" while running task {}", f.task);
    out += f.retried ? "; the task was run again on a new worker\n" : "\n";
  }
  for (auto& q : r.silences) {
    out += fmt::format("  worker process {}", q.pid);
    if (q.worker >= 0) out += fmt::format(" (worker {})", q.worker);
    out += fmt::format(" was stopped and sent nothing for {:.1f} s, from {:.1f} s into the run\n", q.for_s, q.from_s);
  }
  return out;
}

std::string format_gil(const RunReport& r) {
  const GilThreadStats& g = r.gil;
  if (r.spec.mode == Mode::Processes)
    return fmt::format("GIL ({} policy): every worker process has a GIL of its own, which nothing else wants:\n"
                       "  {} acquisitions, {} drop requests, {} I/O releases, held {:.3f} s and waited {:.3f} s\n"
                       "  summed over the processes\n",
                       gil_policy_name(r.spec.gil.policy), g.acquisitions, g.drop_requests, g.voluntary_releases,
                       seconds(g.hold), seconds(g.wait)) +
           format_processes(r);
  std::string out = fmt::format(
      "GIL ({} policy, {} run): {} acquisitions, {} switches, {} drop requests,\n"
      "  {} forced switches, {} I/O releases\n",
      gil_policy_name(r.spec.gil.policy), mode_name(r.spec.mode), g.acquisitions, r.switches, g.drop_requests,
      g.forced_switches, g.voluntary_releases);
  out += fmt::format("  held {:.3f} s ({:.0f}% of wall time), waited {:.3f} s summed over threads\n", seconds(g.hold),
                     100.0 * seconds(g.hold) / r.wall_s, seconds(g.wait));
  if (r.spec.mode == Mode::Serial) return out;
  // A program's threads go by their names, a workload's workers by number.
  size_t label_width = 7;
  for (auto& w : r.workers) label_width = std::max(label_width, w.name.size());
  out += fmt::format("  {:<{}} {:>12} {:>10} {:>10} {:>9} {:>7} {:>6}\n", r.workers.empty() || r.workers[0].name.empty() ? "worker" : "thread",
                     label_width, "acquisitions", "held s", "waited s", "drop req", "forced", "I/O");
  for (auto& w : r.workers)
    out += fmt::format("  {:<{}} {:>12} {:>10.3f} {:>10.3f} {:>9} {:>7} {:>6}\n",
                       w.name.empty() ? std::to_string(w.worker) : w.name, label_width, w.gil.acquisitions,
                       seconds(w.gil.hold), seconds(w.gil.wait), w.gil.drop_requests, w.gil.forced_switches,
                       w.gil.voluntary_releases);
  if (r.rss_per_thread_kib > 0)
    out += fmt::format("Memory: the threads share one interpreter; each added {:.0f} KiB of resident memory\n",
                       static_cast<double>(r.rss_per_thread_kib));
  return out;
}

nlohmann::json run_json(const RunReport& r) {
  nlohmann::json workers = nlohmann::json::array();
  for (auto& w : r.workers) {
    workers.push_back({{"worker", w.worker},
                       {"units", w.units},
                       {"result", w.result},
                       {"acquisitions", w.gil.acquisitions},
                       {"wait_s", seconds(w.gil.wait)},
                       {"hold_s", seconds(w.gil.hold)},
                       {"drop_requests", w.gil.drop_requests},
                       {"forced_switches", w.gil.forced_switches},
                       {"io_releases", w.gil.voluntary_releases}});
    if (!w.name.empty()) workers.back()["name"] = w.name;
  }
  if (r.spec.mode == Mode::Processes) {
    for (size_t i = 0; i < r.workers.size(); ++i) {
      const WorkerReport& w = r.workers[i];
      workers[i]["pid"] = w.pid;
      workers[i]["spawn_s"] = w.spawn_s;
      workers[i]["peak_rss_kib"] = w.peak_rss_kib;
      workers[i]["attempts"] = w.attempts;
    }
  }
  nlohmann::json j = {{"mode", mode_name(r.spec.mode)},
                      {"wall_s", r.wall_s},
                      {"cpu_s", r.cpu_s},
                      {"cores_busy", r.cpu_s / r.wall_s},
                      {"gil",
                       {{"acquisitions", r.gil.acquisitions},
                        {"switches", r.switches},
                        {"drop_requests", r.gil.drop_requests},
                        {"forced_switches", r.gil.forced_switches},
                        {"io_releases", r.gil.voluntary_releases},
                        {"wait_s", seconds(r.gil.wait)},
                        {"hold_s", seconds(r.gil.hold)}}},
                      {"workers", workers},
                      {"failed", r.failed}};
  if (r.failed) j["error"] = r.error;
  if (r.spec.mode == Mode::Threads) j["rss_per_thread_kib"] = r.rss_per_thread_kib;
  if (r.spec.mode == Mode::Processes) {
    j["ipc"] = {{"messages", r.ipc.messages}, {"bytes", r.ipc.bytes}, {"serialize_s", r.ipc.serialize_s}};
    nlohmann::json faults = nlohmann::json::array();
    for (auto& f : r.faults)
      faults.push_back({{"pid", f.pid}, {"status", f.status}, {"task", f.task}, {"retried", f.retried}});
    j["faults"] = faults;
    nlohmann::json silences = nlohmann::json::array();
    for (auto& q : r.silences)
      silences.push_back({{"pid", q.pid}, {"worker", q.worker}, {"from_s", q.from_s}, {"for_s", q.for_s}});
    j["silences"] = silences;
  }
  if (has_io_latency(r))
    j["io_latency_us"] = {{"p50", percentile_us(r.gil.io_latency, 50)},
                          {"p99", percentile_us(r.gil.io_latency, 99)},
                          {"samples", r.gil.io_latency.size()}};
  return j;
}

// A switch interval in milliseconds: one decimal ("5.0"), or as many as an
// interval under a tenth of a millisecond needs ("0.025"), never "0.0".
std::string interval_ms(std::chrono::microseconds interval) {
  double ms = static_cast<double>(interval.count()) / 1000.0;
  return interval.count() % 100 == 0 ? fmt::format("{:.1f}", ms) : fmt::format("{}", ms);
}

}  // namespace

double Comparison::speedup() const { return baseline ? baseline->wall_s / run.wall_s : 1.0; }

std::string verdict(const Comparison& c) {
  if (!c.baseline || c.run.spec.mode == Mode::Serial) return "";
  double s = c.speedup();
  const RunReport& r = c.run;
  if (has_io_latency(r) && has_io_latency(*c.baseline) && io_beside_cpu(r)) {
    double with = percentile_us(r.gil.io_latency, 50), alone = percentile_us(c.baseline->gil.io_latency, 50);
    if (with > 10 * std::max(alone, 1.0))
      return fmt::format("After each blocking call the I/O worker waited {} (p50) for the GIL, against {} alone: "
                         "CPU-bound threads hold the lock until the switch interval forces them out. "
                         "That is the convoy effect.", latency(with), latency(alone));
    return fmt::format("After each blocking call the I/O worker got the GIL back in {} (p50), though CPU-bound "
                       "threads were running: the {} policy hands the lock to threads returning from I/O.",
                       latency(with), gil_policy_name(r.spec.gil.policy));
  }
  if (r.spec.mode == Mode::Processes) {
    if (s >= 1.2)
      return fmt::format("{} processes ran {:.1f}x faster than one: each has its own interpreter and GIL, so they "
                         "run on separate cores at once. The price is start-up and copying every task and result "
                         "through a pipe.", r.spec.workers, s);
    return fmt::format("{} processes were not faster than one ({:.2f}x): start-up and message passing cost more "
                       "than the work gained from running in parallel, or the machine had no free core.",
                       r.spec.workers, s);
  }
  bool io_bound = r.gil.voluntary_releases > r.gil.acquisitions / 2;
  if (s < 0.9)
    return fmt::format("{} threads ran {:.2f}x SLOWER than one: they fought over the GIL instead of working.",
                       r.spec.workers, 1 / s);
  if (s < 1.2 && !io_bound)
    return fmt::format("{} threads were no faster than one: only the GIL holder runs Python bytecode, "
                       "so CPU-bound threads take turns.", r.spec.workers);
  if (s >= 1.2)
    return fmt::format("{} threads ran {:.1f}x faster than one: a thread waiting for I/O releases the GIL, "
                       "so the waits overlap.", r.spec.workers, s);
  return "";
}

std::string format_summary(const Comparison& c) {
  const RunReport& r = c.run;
  std::string out = fmt::format(
      "workload {} ({} units), {} workers, GIL policy {}, switch interval {} ms\n\n", r.spec.workload_name, r.size,
      r.spec.workers, gil_policy_name(r.spec.gil.policy), interval_ms(r.spec.gil.switch_interval));
  out += fmt::format("  {:<8} {:>10} {:>10} {:>9} {:>10}\n", "mode", "wall", "CPU", "speedup", "cores busy");
  double base = c.baseline ? c.baseline->wall_s : 0;
  if (c.baseline) out += format_row(*c.baseline, base);
  out += format_row(r, base);
  out += "\n" + format_gil(r);
  if (has_io_latency(r)) {
    out += fmt::format("I/O latency (end of a blocking call to running again): p50 {}, p99 {}",
                       latency(percentile_us(r.gil.io_latency, 50)), latency(percentile_us(r.gil.io_latency, 99)));
    if (c.baseline && has_io_latency(*c.baseline))
      out += fmt::format("; serial: p50 {}, p99 {}", latency(percentile_us(c.baseline->gil.io_latency, 50)),
                         latency(percentile_us(c.baseline->gil.io_latency, 99)));
    out += "\n";
  }
  if (r.failed) out += "FAILED: " + r.error + "\n";
  std::string v = verdict(c);
  if (!v.empty()) out += "\n" + v + "\n";
  return out;
}

std::string format_program_summary(const RunReport& r) {
  std::string out = fmt::format("gil-demo: {}: {} thread{}, GIL policy {}, switch interval {} ms\n", r.spec.workload_name,
                                r.workers.size(), r.workers.size() == 1 ? "" : "s", gil_policy_name(r.spec.gil.policy),
                                interval_ms(r.spec.gil.switch_interval));
  if (r.spec.gil.policy == GilPolicy::Legacy) out += fmt::format("  check interval {} ticks\n", r.spec.gil.check_interval);
  out += fmt::format("  wall {:.3f} s, CPU {:.3f} s, {:.2f} cores busy\n\n", r.wall_s, r.cpu_s, r.cpu_s / r.wall_s);
  out += format_gil(r);
  if (has_io_latency(r))
    out += fmt::format("I/O latency (end of a blocking call to running again): p50 {}, p99 {}\n",
                       latency(percentile_us(r.gil.io_latency, 50)), latency(percentile_us(r.gil.io_latency, 99)));
  return out;
}

nlohmann::json to_json(const Comparison& c) {
  const RunReport& r = c.run;
  nlohmann::json j = {{"mode", mode_name(r.spec.mode)},
                      {"workload", r.spec.workload_name},
                      {"size", r.size},
                      {"workers", r.spec.workers},
                      {"gil_policy", gil_policy_name(r.spec.gil.policy)},
                      {"switch_interval_s", r.spec.gil.switch_interval.count() / 1e6},
                      {"wall_s", r.wall_s},
                      {"cpu_s", r.cpu_s},
                      {"baseline_wall_s", c.baseline ? nlohmann::json(c.baseline->wall_s) : nlohmann::json(nullptr)},
                      {"speedup", c.baseline ? nlohmann::json(c.speedup()) : nlohmann::json(nullptr)}};
  nlohmann::json run = run_json(r);
  j["gil"] = run["gil"];
  j["cores_busy"] = run["cores_busy"];
  j["workers_detail"] = run["workers"];
  j["failed"] = r.failed;
  if (r.failed) j["error"] = r.error;
  for (const char* key : {"ipc", "faults", "silences", "rss_per_thread_kib"})
    if (run.contains(key)) j[key] = run[key];
  if (run.contains("io_latency_us")) j["io_latency_us"] = run["io_latency_us"];
  if (c.baseline) {
    nlohmann::json b = run_json(*c.baseline);
    j["baseline"] = b;
  }
  return j;
}

}  // namespace gil
