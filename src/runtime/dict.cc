#include "gil/runtime/dict.h"

#include "gil/runtime/ops.h"

namespace gil {
namespace {

constexpr int32_t kFree = -1;
constexpr int32_t kDeleted = -2;

size_t slot_mask(const ObjDict* d) { return d->index.size() - 1; }

// Finds the index slot holding [key], or the slot where it would go.
// Returns the slot; sets [found] when the key is present.
size_t probe(ThreadState& ts, ObjDict* d, const Value& key, uint64_t hash, bool& found) {
  size_t mask = slot_mask(d);
  size_t i = hash & mask;
  size_t first_deleted = SIZE_MAX;
  uint64_t perturb = hash;
  for (;;) {
    int32_t e = d->index[i];
    if (e == kFree) {
      found = false;
      return first_deleted != SIZE_MAX ? first_deleted : i;
    }
    if (e == kDeleted) {
      if (first_deleted == SIZE_MAX) first_deleted = i;
    } else {
      ObjDict::Entry& entry = d->entries[static_cast<size_t>(e)];
      if (entry.hash == hash && (identical(entry.key, key) || equals(ts, entry.key, key))) {
        found = true;
        return i;
      }
    }
    perturb >>= 5;
    i = (i * 5 + 1 + perturb) & mask;
  }
}

// Rebuilds the index for at least [capacity] entries, dropping holes.
void rebuild(ObjDict* d, size_t capacity) {
  size_t slots = 8;
  while (slots < capacity * 3 / 2 + 1) slots *= 2;
  std::vector<ObjDict::Entry> live;
  live.reserve(d->size);
  for (auto& e : d->entries)
    if (!e.key.is_empty()) live.push_back(std::move(e));
  d->entries = std::move(live);
  d->index.assign(slots, kFree);
  for (size_t n = 0; n < d->entries.size(); ++n) {
    uint64_t h = d->entries[n].hash;
    size_t i = h & (slots - 1);
    uint64_t perturb = h;
    while (d->index[i] != kFree) {
      perturb >>= 5;
      i = (i * 5 + 1 + perturb) & (slots - 1);
    }
    d->index[i] = static_cast<int32_t>(n);
  }
}

}  // namespace

Value* dict_find(ThreadState& ts, ObjDict* d, const Value& key) {
  uint64_t h = hash_value(ts, key);
  if (d->index.empty()) return nullptr;
  bool found;
  size_t slot = probe(ts, d, key, h, found);
  return found ? &d->entries[static_cast<size_t>(d->index[slot])].value : nullptr;
}

void dict_set(ThreadState& ts, ObjDict* d, const Value& key, Value value) {
  uint64_t h = hash_value(ts, key);
  if (d->index.empty() || (d->entries.size() + 1) * 3 > d->index.size() * 2) rebuild(d, d->size + 1 + d->size / 2);
  bool found;
  size_t slot = probe(ts, d, key, h, found);
  if (found) {
    d->entries[static_cast<size_t>(d->index[slot])].value = std::move(value);
    return;
  }
  d->index[slot] = static_cast<int32_t>(d->entries.size());
  d->entries.push_back({key, std::move(value), h});
  ++d->size;
  ++d->version;
}

Value dict_remove(ThreadState& ts, ObjDict* d, const Value& key) {
  uint64_t h = hash_value(ts, key);
  if (d->index.empty()) return Value();
  bool found;
  size_t slot = probe(ts, d, key, h, found);
  if (!found) return Value();
  ObjDict::Entry& e = d->entries[static_cast<size_t>(d->index[slot])];
  d->index[slot] = kDeleted;
  Value v = std::move(e.value);
  e.key = Value();
  --d->size;
  ++d->version;
  return v;
}

void dict_clear(ObjDict* d) {
  d->entries.clear();
  d->index.clear();
  d->size = 0;
  ++d->version;
}

Value* dict_find_str(ObjDict* d, ObjStr* key) {
  if (d->index.empty()) return nullptr;
  uint64_t h = str_hash(key);
  size_t mask = slot_mask(d);
  size_t i = h & mask;
  uint64_t perturb = h;
  for (;;) {
    int32_t e = d->index[i];
    if (e == kFree) return nullptr;
    if (e != kDeleted) {
      ObjDict::Entry& entry = d->entries[static_cast<size_t>(e)];
      if (entry.hash == h && is_str(entry.key) &&
          (entry.key.as_obj() == key || as<ObjStr>(entry.key)->text == key->text))
        return &entry.value;
    }
    perturb >>= 5;
    i = (i * 5 + 1 + perturb) & mask;
  }
}

void dict_set_str(ObjDict* d, ObjStr* key, Value value) {
  if (Value* v = dict_find_str(d, key)) {
    *v = std::move(value);
    return;
  }
  if (d->index.empty() || (d->entries.size() + 1) * 3 > d->index.size() * 2) rebuild(d, d->size + 1 + d->size / 2);
  uint64_t h = str_hash(key);
  size_t mask = slot_mask(d);
  size_t i = h & mask;
  uint64_t perturb = h;
  while (d->index[i] != kFree && d->index[i] != kDeleted) {
    perturb >>= 5;
    i = (i * 5 + 1 + perturb) & mask;
  }
  d->index[i] = static_cast<int32_t>(d->entries.size());
  d->entries.push_back({Value::borrow(key), std::move(value), h});
  ++d->size;
  ++d->version;
}

}  // namespace gil
