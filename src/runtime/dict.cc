#include "gil/runtime/dict.h"

#include "gil/runtime/ops.h"
#include "gil/runtime/type.h"

// Two layouts, as CPython's dicts have one for small tables:
// - small (no index): up to kSmallEntries entries, found by scanning the
//   entries in order, comparing the stored hash first. Most instance dicts
//   and keyword dicts never leave this layout, and scanning eight hashes
//   costs less than probing a table.
// - indexed: an open-addressing table of positions into the entries, probed
//   with CPython's perturbation.
// In both, entries stay in insertion order with holes for deleted keys, so
// iteration order is CPython's.
namespace gil {
namespace {

constexpr int32_t kFree = -1;
constexpr int32_t kDeleted = -2;
constexpr size_t kSmallEntries = kDictSmallEntries;
constexpr int64_t kAbsent = -1;

size_t slot_mask(const ObjDict* d) { return d->index.size() - 1; }


// A type's namespace changed shape: lookups cached on it are stale.
void note_structural_change(ObjDict* d) {
  ++d->version;
  if (d->namespace_of) [[unlikely]]
    type_modified(d->namespace_of);
}

bool same_key(ThreadState& ts, const ObjDict::Entry& entry, const Value& key, uint64_t hash) {
  return entry.hash == hash && !entry.key.is_empty() && (identical(entry.key, key) || equals(ts, entry.key, key));
}

bool same_str_key(const ObjDict::Entry& entry, ObjStr* key, uint64_t hash) {
  return entry.hash == hash && is_str(entry.key) &&
         (entry.key.as_obj() == key || as<ObjStr>(entry.key)->text == key->text);
}

// The index slot holding [key], or the slot where it would go; [found]
// says which.
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
    } else if (same_key(ts, d->entries[static_cast<size_t>(e)], key, hash)) {
      found = true;
      return i;
    }
    perturb >>= 5;
    i = (i * 5 + 1 + perturb) & mask;
  }
}

// The position in entries of [key], or kAbsent.
int64_t find_entry(ThreadState& ts, ObjDict* d, const Value& key, uint64_t hash) {
  if (d->index.empty()) {
    for (size_t n = 0; n < d->entries.size(); ++n)
      if (same_key(ts, d->entries[n], key, hash)) return static_cast<int64_t>(n);
    return kAbsent;
  }
  bool found;
  size_t slot = probe(ts, d, key, hash, found);
  return found ? d->index[slot] : kAbsent;
}

int64_t find_str_entry(ObjDict* d, ObjStr* key, uint64_t hash) {
  if (!(d->str_key_bits & str_key_bit(hash))) return kAbsent;
  if (d->index.empty()) {
    for (size_t n = 0; n < d->entries.size(); ++n)
      if (same_str_key(d->entries[n], key, hash)) return static_cast<int64_t>(n);
    return kAbsent;
  }
  size_t mask = slot_mask(d);
  size_t i = hash & mask;
  uint64_t perturb = hash;
  for (;;) {
    int32_t e = d->index[i];
    if (e == kFree) return kAbsent;
    if (e != kDeleted && same_str_key(d->entries[static_cast<size_t>(e)], key, hash)) return e;
    perturb >>= 5;
    i = (i * 5 + 1 + perturb) & mask;
  }
}

// Drops the holes; builds the index when the live entries (plus room for
// [extra] more) no longer fit the small layout.
void rebuild(ObjDict* d, size_t extra) {
  ObjDict::Entries live;
  live.reserve(d->size + extra);
  d->str_key_bits = 0;
  for (auto& e : d->entries)
    if (!e.key.is_empty()) {
      if (is_str(e.key)) d->str_key_bits |= str_key_bit(e.hash);
      live.push_back(std::move(e));
    }
  d->entries = std::move(live);
  size_t capacity = d->size + extra;
  if (capacity <= kSmallEntries) {
    d->index.clear();
    return;
  }
  size_t slots = 8;
  while (slots < capacity * 3 / 2 + 1) slots *= 2;
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

// Appends a key known to be absent.
void append(ObjDict* d, Value key, Value value, uint64_t hash) {
  bool full = d->index.empty() ? d->entries.size() >= kSmallEntries
                               : (d->entries.size() + 1) * 3 > d->index.size() * 2;
  if (full) rebuild(d, 1 + d->size / 2);
  // Room for a typical instance's attributes in one allocation.
  if (d->entries.capacity() == 0) d->entries.reserve(kSmallEntries / 2);
  if (is_str(key)) d->str_key_bits |= str_key_bit(hash);
  if (!d->index.empty()) {
    size_t mask = slot_mask(d);
    size_t i = hash & mask;
    uint64_t perturb = hash;
    while (d->index[i] >= 0) {
      perturb >>= 5;
      i = (i * 5 + 1 + perturb) & mask;
    }
    d->index[i] = static_cast<int32_t>(d->entries.size());
  }
  d->entries.push_back({std::move(key), std::move(value), hash});
  ++d->size;
  note_structural_change(d);
}

}  // namespace

Value* dict_find(ThreadState& ts, ObjDict* d, const Value& key) {
  uint64_t h = hash_value(ts, key);
  if (d->entries.empty()) return nullptr;
  int64_t n = find_entry(ts, d, key, h);
  return n == kAbsent ? nullptr : &d->entries[static_cast<size_t>(n)].value;
}

void dict_set(ThreadState& ts, ObjDict* d, const Value& key, Value value) {
  uint64_t h = hash_value(ts, key);
  int64_t n = d->entries.empty() ? kAbsent : find_entry(ts, d, key, h);
  if (n != kAbsent) {
    d->entries[static_cast<size_t>(n)].value = std::move(value);
    return;
  }
  append(d, key, std::move(value), h);
}

Value dict_remove(ThreadState& ts, ObjDict* d, const Value& key) {
  uint64_t h = hash_value(ts, key);
  if (d->entries.empty()) return Value();
  int64_t n;
  if (d->index.empty()) {
    n = find_entry(ts, d, key, h);
    if (n == kAbsent) return Value();
  } else {
    bool found;
    size_t slot = probe(ts, d, key, h, found);
    if (!found) return Value();
    n = d->index[slot];
    d->index[slot] = kDeleted;
  }
  ObjDict::Entry& e = d->entries[static_cast<size_t>(n)];
  Value v = std::move(e.value);
  Value dead_key = std::move(e.key);  // released once the dict is consistent
  e.key = Value();
  e.value = Value();
  --d->size;
  note_structural_change(d);
  return v;
}

void dict_clear(ObjDict* d) {
  // The entries are released after the dict is empty: a __del__ they run
  // may look at it.
  ObjDict::Entries dead;
  dead.swap(d->entries);
  d->index.clear();
  d->size = 0;
  d->str_key_bits = 0;
  note_structural_change(d);
}

Value* dict_find_str(ObjDict* d, ObjStr* key) {
  if (d->entries.empty()) return nullptr;
  int64_t n = find_str_entry(d, key, str_hash(key));
  return n == kAbsent ? nullptr : &d->entries[static_cast<size_t>(n)].value;
}

int64_t dict_str_position(ObjDict* d, ObjStr* key) {
  return d->entries.empty() ? kAbsent : find_str_entry(d, key, str_hash(key));
}

size_t dict_set_str(ObjDict* d, ObjStr* key, Value value) {
  uint64_t h = str_hash(key);
  uint64_t bit = str_key_bit(h);
  size_t used = d->entries.size();
  // The common case of filling a new instance's dict: a name whose bit is
  // clear is absent, and a small dict with room takes it without a search.
  if (!(d->str_key_bits & bit) && d->index.empty() && used < kSmallEntries) {
    if (used == 0 && d->entries.capacity() == 0) d->entries.reserve(kSmallEntries / 2);
    d->str_key_bits |= bit;
    d->entries.push_back({Value::borrow(key), std::move(value), h});
    ++d->size;
    note_structural_change(d);
    return used;
  }
  int64_t n = used == 0 ? kAbsent : find_str_entry(d, key, h);
  if (n != kAbsent) {
    d->entries[static_cast<size_t>(n)].value = std::move(value);
    return static_cast<size_t>(n);
  }
  append(d, Value::borrow(key), std::move(value), h);
  return d->entries.size() - 1;
}

}  // namespace gil
