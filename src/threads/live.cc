#include "gil/threads/live.h"

#include <chrono>

namespace gil {

int64_t live_now_ns() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

void LiveWorker::change(ThreadActivity activity, int64_t now_ns) {
  int64_t since = since_ns_.load(std::memory_order_relaxed);
  if (since > 0) total_ns_[activity_.load(std::memory_order_relaxed)].fetch_add(now_ns - since, std::memory_order_relaxed);
  activity_.store(static_cast<uint8_t>(activity), std::memory_order_relaxed);
  since_ns_.store(now_ns, std::memory_order_relaxed);
}

void LiveWorker::store(ThreadActivity activity, int64_t since_ns, const std::array<int64_t, kActivities>& totals) {
  for (int a = 0; a < kActivities; ++a) total_ns_[a].store(totals[a], std::memory_order_relaxed);
  activity_.store(static_cast<uint8_t>(activity), std::memory_order_relaxed);
  since_ns_.store(since_ns, std::memory_order_relaxed);
}

int64_t LiveWorker::time_in(ThreadActivity activity, int64_t now_ns) const {
  int64_t t = total_ns_[static_cast<size_t>(activity)].load(std::memory_order_relaxed);
  int64_t since = since_ns_.load(std::memory_order_relaxed);
  if (this->activity() == activity && since > 0 && now_ns > since) t += now_ns - since;
  return t;
}

std::array<int64_t, kActivities> LiveWorker::totals() const {
  std::array<int64_t, kActivities> t{};
  for (int a = 0; a < kActivities; ++a) t[a] = total_ns_[a].load(std::memory_order_relaxed);
  return t;
}

LiveWorker* LiveBoard::add_row(std::string name) {
  int row = rows_.load(std::memory_order_relaxed);
  if (row >= count_) return nullptr;
  names_[static_cast<size_t>(row)] = std::move(name);
  rows_.store(row + 1, std::memory_order_release);
  return &workers_[static_cast<size_t>(row)];
}

}  // namespace gil
