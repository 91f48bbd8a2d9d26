// `set` and `frozenset`, after CPython 3.11's Objects/setobject.c.
//
// The table is CPython's: 8 entries to start with, a key's search starting
// at hash & mask and looking at the 9 entries after it (LINEAR_PROBES)
// before jumping with the perturbed recurrence i = 5i + 1 + perturb; grown
// to used*4 (used*2 past 50000) once fill*5 >= mask*3, deleted entries
// left as dummies that a later insertion reuses. Every operation below
// follows its CPython counterpart step for step (which set is iterated,
// when the table is pre-sized, when dummies are purged), since all of it
// shows in the order a set prints in; with CPython's int hash (ops.cc),
// sets of small ints print exactly as under CPython.
//
// The types own their slots (tp_repr, tp_hash, tp_richcompare, nb_or...),
// as every built-in type does in its own file.
#include "gil/runtime/set.h"

#include <string>

#include "gil/runtime/builtins.h"
#include "gil/runtime/dict.h"
#include "gil/runtime/errors.h"
#include "gil/runtime/gc.h"
#include "gil/runtime/ops.h"
#include "gil/runtime/type.h"

namespace gil {
namespace {

using Entry = ObjSet::Entry;

constexpr size_t kLinearProbes = 9;
constexpr int kPerturbShift = 5;
constexpr size_t kNotFound = ~size_t{0};

ObjSet* as_set(const Value& v) { return static_cast<ObjSet*>(v.as_obj()); }

// ---- The table ------------------------------------------------------------------

// Whether the active entry [e] holds [key] (whose hash matched): identity,
// then equal str, then ==, which may run Python code and change the set;
// [restart] is then set and the caller searches again.
bool entry_matches(ThreadState& ts, ObjSet* so, size_t index, const Value& key, bool& restart) {
  const Value& start = so->table[index].key;
  if (identical(start, key)) return true;
  if (is_str(start) && is_str(key)) return as<ObjStr>(start)->text == as<ObjStr>(key)->text;
  Value held = start;
  uint64_t generation = so->generation;
  bool eq = equals(ts, held, key);
  if (generation != so->generation || !identical(so->table[index].key, held)) {
    restart = true;
    return false;
  }
  return eq;
}

// set_lookkey: the entry holding [key], or the unused entry that ended the
// search.
size_t lookkey(ThreadState& ts, ObjSet* so, const Value& key, uint64_t hash) {
  for (;;) {
    bool restart = false;
    size_t mask = so->mask;
    size_t i = hash & mask;
    uint64_t perturb = hash;
    for (;;) {
      size_t probes = i + kLinearProbes <= mask ? kLinearProbes : 0;
      size_t j = i;
      do {
        const Entry& e = so->table[j];
        if (e.key.is_empty()) {
          if (e.hash == 0) return j;
        } else if (e.hash == hash) {
          if (entry_matches(ts, so, j, key, restart)) return j;
          if (restart) break;
          mask = so->mask;
        }
        ++j;
      } while (probes--);
      if (restart) break;
      perturb >>= kPerturbShift;
      i = (i * 5 + 1 + perturb) & mask;
    }
  }
}

// set_insert_clean: puts a key known to be absent into a table without
// dummies.
void insert_clean(std::vector<Entry>& table, size_t mask, Value key, uint64_t hash) {
  size_t i = hash & mask;
  uint64_t perturb = hash;
  for (;;) {
    if (table[i].key.is_empty()) break;
    if (i + kLinearProbes <= mask) {
      size_t j = 1;
      for (; j <= kLinearProbes; ++j)
        if (table[i + j].key.is_empty()) break;
      if (j <= kLinearProbes) {
        i += j;
        break;
      }
    }
    perturb >>= kPerturbShift;
    i = (i * 5 + 1 + perturb) & mask;
  }
  table[i].key = std::move(key);
  table[i].hash = hash;
}

// set_table_resize: a table of the smallest power of two above [minused]
// (at least 8), the active entries reinserted in table order, the dummies
// dropped.
void table_resize(ObjSet* so, size_t minused) {
  size_t newsize = ObjSet::kMinSize;
  while (newsize <= minused) newsize <<= 1;
  // CPython keeps a small table without dummies as it is.
  if (newsize == ObjSet::kMinSize && so->mask + 1 == ObjSet::kMinSize && so->fill == so->used) return;
  std::vector<Entry> old = std::move(so->table);
  so->table = std::vector<Entry>(newsize);
  so->mask = newsize - 1;
  so->fill = so->used;
  ++so->generation;
  for (Entry& e : old)
    if (!e.key.is_empty()) insert_clean(so->table, so->mask, std::move(e.key), e.hash);
}

// set_add_entry: whether [key] was added (false: it was there).
bool add_entry(ThreadState& ts, ObjSet* so, const Value& key, uint64_t hash) {
  for (;;) {
    bool restart = false;
    size_t mask = so->mask;
    size_t i = hash & mask;
    size_t freeslot = kNotFound;
    uint64_t perturb = hash;
    size_t found = kNotFound;
    while (found == kNotFound) {
      size_t probes = i + kLinearProbes <= mask ? kLinearProbes : 0;
      size_t j = i;
      do {
        const Entry& e = so->table[j];
        if (e.key.is_empty()) {
          if (e.hash == 0) {
            found = j;
            break;
          }
          freeslot = j;  // a dummy: reused if the key is absent
        } else if (e.hash == hash) {
          if (entry_matches(ts, so, j, key, restart)) return false;
          if (restart) break;
          mask = so->mask;
        }
        ++j;
      } while (probes--);
      if (restart) break;
      if (found != kNotFound) break;
      perturb >>= kPerturbShift;
      i = (i * 5 + 1 + perturb) & mask;
    }
    if (restart) continue;
    if (freeslot != kNotFound) {
      so->table[freeslot].key = key;
      so->table[freeslot].hash = hash;
      ++so->used;
      return true;
    }
    so->table[found].key = key;
    so->table[found].hash = hash;
    ++so->fill;
    ++so->used;
    if (so->fill * 5 >= mask * 3) table_resize(so, so->used > 50000 ? so->used * 2 : so->used * 4);
    return true;
  }
}

bool contains_entry(ThreadState& ts, ObjSet* so, const Value& key, uint64_t hash) {
  return !so->table[lookkey(ts, so, key, hash)].key.is_empty();
}

// set_discard_entry: whether [key] was there.
bool discard_entry(ThreadState& ts, ObjSet* so, const Value& key, uint64_t hash) {
  size_t i = lookkey(ts, so, key, hash);
  Entry& e = so->table[i];
  if (e.key.is_empty()) return false;
  Value old = std::move(e.key);
  e.key = Value();
  e.hash = ObjSet::kDummy;
  --so->used;
  return true;  // [old] is released last, when the set is consistent
}

void clear_table(ObjSet* so) {
  std::vector<Entry> old = std::move(so->table);
  so->table = std::vector<Entry>(ObjSet::kMinSize);
  so->mask = ObjSet::kMinSize - 1;
  so->fill = 0;
  so->used = 0;
  so->hash_known = false;
  ++so->generation;
}  // [old] goes last, so a key's release sees an empty set

// set_next: the next active entry at or after [pos].
bool next_entry(const ObjSet* so, size_t& pos, const Entry*& out) {
  size_t i = pos;
  while (i <= so->mask && so->table[i].key.is_empty()) ++i;
  pos = i + 1;
  if (i > so->mask) return false;
  out = &so->table[i];
  return true;
}

// Calls [fn](key, hash) for each active entry of a snapshot of [so], so
// that [fn] may run Python code that changes [so].
template <typename Fn>
void for_each_entry(const ObjSet* so, Fn fn) {
  std::vector<Entry> snapshot;
  snapshot.reserve(so->used);
  for (const Entry& e : so->table)
    if (!e.key.is_empty()) snapshot.push_back(e);
  for (const Entry& e : snapshot) fn(e.key, e.hash);
}

// set_merge: adds every key of [other] (a set or frozenset) to [so].
void merge(ThreadState& ts, ObjSet* so, const ObjSet* other) {
  if (other == so || other->used == 0) return;
  if ((so->fill + other->used) * 5 >= so->mask * 3) table_resize(so, (so->used + other->used) * 2);
  // Our table is empty and as large as theirs, theirs without dummies:
  // copy it entry for entry.
  if (so->fill == 0 && so->mask == other->mask && other->fill == other->used) {
    for (size_t i = 0; i <= other->mask; ++i)
      if (!other->table[i].key.is_empty()) so->table[i] = other->table[i];
    so->fill = other->fill;
    so->used = other->used;
    return;
  }
  // Our table is empty: no key can be there already.
  if (so->fill == 0) {
    so->fill = other->used;
    so->used = other->used;
    for (const Entry& e : other->table)
      if (!e.key.is_empty()) insert_clean(so->table, so->mask, e.key, e.hash);
    return;
  }
  for_each_entry(other, [&](const Value& key, uint64_t hash) { add_entry(ts, so, key, hash); });
}

// set_update_internal: adds every item of any iterable.
void update_internal(ThreadState& ts, ObjSet* so, const Value& other) {
  if (is_anyset(other)) return merge(ts, so, as_set(other));
  if (is_dict(other) && !other.as_obj()->type) {
    auto* d = as<ObjDict>(other);
    if ((so->fill + d->size) * 5 >= so->mask * 3) table_resize(so, (so->used + d->size) * 2);
    std::vector<std::pair<Value, uint64_t>> keys;
    keys.reserve(d->size);
    for (auto& e : d->entries)
      if (!e.key.is_empty()) keys.emplace_back(e.key, e.hash);
    for (auto& [key, hash] : keys) add_entry(ts, so, key, hash);
    return;
  }
  if (is_list(other) || is_tuple(other)) {
    // By index, so that a hash that changes the list cannot break the loop.
    const std::vector<Value>& items = is_list(other) ? as<ObjList>(other)->items : as<ObjTuple>(other)->items;
    for (size_t i = 0; i < items.size(); ++i) {
      Value key = items[i];
      add_entry(ts, so, key, hash_value(ts, key));
    }
    return;
  }
  Value it = get_iter(ts, other);
  Value key;
  while (next_item(ts, it, key)) add_entry(ts, so, key, hash_value(ts, key));
}

// ---- Making sets ------------------------------------------------------------------

Value new_set(Runtime& rt, ObjKind kind, ObjType* type = nullptr) {
  if (!type) type = kind == ObjKind::Set ? rt.types.set : rt.types.frozenset;
  // A set of a class has room for its instance dict (subclass_instances.cc).
  if (type->is_heap_type) return make<WithDict<ObjSet>>(rt, kind, type);
  return make<ObjSet>(rt, kind, type);
}

// make_new_set_basetype: results of operations are exact sets or
// frozensets, whatever class [so] is an instance of.
Value new_like(ThreadState& ts, const ObjSet* so) { return new_set(ts.rt, so->kind); }

Value copy_of(ThreadState& ts, const ObjSet* so) {
  Value result = new_like(ts, so);
  merge(ts, as_set(result), so);
  return result;
}

// A frozenset of the items of the set [key]: how a set is looked up in a
// set (CPython's set_contains, set_discard and set_remove).
Value frozen_copy(ThreadState& ts, const Value& key) {
  Value f = new_set(ts.rt, ObjKind::FrozenSet);
  merge(ts, as_set(f), as_set(key));
  return f;
}

bool is_type_error(ThreadState& ts, const PyException& e) {
  return as<ObjException>(e.exception)->type->is_subtype_of(ts.rt.types.TypeError);
}

// ---- The algebra ----------------------------------------------------------------

// set_intersection.
Value intersection(ThreadState& ts, ObjSet* so, const Value& other) {
  if (other.is_obj() && other.as_obj() == so) return copy_of(ts, so);
  Value result = new_like(ts, so);
  ObjSet* r = as_set(result);
  if (is_anyset(other)) {
    ObjSet* big = so;
    ObjSet* small = as_set(other);
    if (small->used > big->used) std::swap(big, small);
    for_each_entry(small, [&](const Value& key, uint64_t hash) {
      if (contains_entry(ts, big, key, hash)) add_entry(ts, r, key, hash);
    });
    return result;
  }
  Value it = get_iter(ts, other);
  Value key;
  while (next_item(ts, it, key)) {
    uint64_t hash = hash_value(ts, key);
    if (contains_entry(ts, so, key, hash)) {
      add_entry(ts, r, key, hash);
      if (r->used >= so->used) break;
    }
  }
  return result;
}

// Makes [so] hold what [other] holds (set_swap_bodies, one way).
void take_body(ObjSet* so, ObjSet* other) {
  std::swap(so->table, other->table);
  std::swap(so->mask, other->mask);
  std::swap(so->fill, other->fill);
  std::swap(so->used, other->used);
  so->hash_known = false;
  ++so->generation;
  ++other->generation;
}

// set_difference_update_internal.
void difference_update_internal(ThreadState& ts, ObjSet* so, const Value& other) {
  if (other.is_obj() && other.as_obj() == so) return clear_table(so);
  if (is_anyset(other)) {
    Value source = other;
    // Much larger than us: only the common keys matter.
    if ((as_set(other)->used >> 3) > so->used) source = intersection(ts, so, other);
    for_each_entry(as_set(source), [&](const Value& key, uint64_t hash) { discard_entry(ts, so, key, hash); });
  } else {
    Value it = get_iter(ts, other);
    Value key;
    while (next_item(ts, it, key)) discard_entry(ts, so, key, hash_value(ts, key));
  }
  // More than a quarter of the table dummies: purge them.
  if (so->fill - so->used <= so->mask / 4) return;
  table_resize(so, so->used > 50000 ? so->used * 2 : so->used * 4);
}

Value copy_and_difference(ThreadState& ts, ObjSet* so, const Value& other) {
  Value result = copy_of(ts, so);
  difference_update_internal(ts, as_set(result), other);
  return result;
}

// set_difference.
Value difference(ThreadState& ts, ObjSet* so, const Value& other) {
  size_t other_size;
  bool other_is_dict = is_dict(other) && !other.as_obj()->type;
  if (is_anyset(other))
    other_size = as_set(other)->used;
  else if (other_is_dict)
    other_size = as<ObjDict>(other)->size;
  else
    return copy_and_difference(ts, so, other);
  if ((so->used >> 2) > other_size) return copy_and_difference(ts, so, other);
  Value result = new_like(ts, so);
  ObjSet* r = as_set(result);
  for_each_entry(so, [&](const Value& key, uint64_t hash) {
    bool present = other_is_dict ? dict_find(ts, as<ObjDict>(other), key) != nullptr : contains_entry(ts, as_set(other), key, hash);
    if (!present) add_entry(ts, r, key, hash);
  });
  return result;
}

// set_symmetric_difference_update.
void symmetric_difference_update(ThreadState& ts, ObjSet* so, const Value& other) {
  if (other.is_obj() && other.as_obj() == so) return clear_table(so);
  auto toggle = [&](const Value& key, uint64_t hash) {
    if (!discard_entry(ts, so, key, hash)) add_entry(ts, so, key, hash);
  };
  if (is_dict(other) && !other.as_obj()->type) {
    std::vector<std::pair<Value, uint64_t>> keys;
    for (auto& e : as<ObjDict>(other)->entries)
      if (!e.key.is_empty()) keys.emplace_back(e.key, e.hash);
    for (auto& [key, hash] : keys) toggle(key, hash);
    return;
  }
  Value source = other;
  if (!is_anyset(other)) {
    source = new_like(ts, so);
    update_internal(ts, as_set(source), other);
  }
  for_each_entry(as_set(source), toggle);
}

// set_symmetric_difference.
Value symmetric_difference(ThreadState& ts, ObjSet* so, const Value& other) {
  Value result = new_like(ts, so);
  update_internal(ts, as_set(result), other);
  symmetric_difference_update(ts, as_set(result), Value::borrow(so));
  return result;
}

// set_issubset.
bool issubset(ThreadState& ts, ObjSet* so, const Value& other) {
  if (!is_anyset(other)) return as_set(intersection(ts, so, other))->used == so->used;
  ObjSet* o = as_set(other);
  if (so->used > o->used) return false;
  bool result = true;
  for_each_entry(so, [&](const Value& key, uint64_t hash) {
    if (result && !contains_entry(ts, o, key, hash)) result = false;
  });
  return result;
}

// set_issuperset.
bool issuperset(ThreadState& ts, ObjSet* so, const Value& other) {
  if (is_anyset(other)) return issubset(ts, as_set(other), Value::borrow(so));
  Value it = get_iter(ts, other);
  Value key;
  while (next_item(ts, it, key))
    if (!contains_entry(ts, so, key, hash_value(ts, key))) return false;
  return true;
}

// set_isdisjoint.
bool isdisjoint(ThreadState& ts, ObjSet* so, const Value& other) {
  if (other.is_obj() && other.as_obj() == so) return so->used == 0;
  if (is_anyset(other)) {
    ObjSet* big = so;
    ObjSet* small = as_set(other);
    if (small->used > big->used) std::swap(big, small);
    bool result = true;
    for_each_entry(small, [&](const Value& key, uint64_t hash) {
      if (result && contains_entry(ts, big, key, hash)) result = false;
    });
    return result;
  }
  Value it = get_iter(ts, other);
  Value key;
  while (next_item(ts, it, key))
    if (contains_entry(ts, so, key, hash_value(ts, key))) return false;
  return true;
}

// ---- Slots ----------------------------------------------------------------------

// The name CPython prints for the type of [v]: set, frozenset, or the class.
const std::string& type_label(ThreadState& ts, const Value& v) { return type_of(ts, v)->name; }

void set_repr(ThreadState& ts, const Value& self, std::string& out) {
  ObjSet* so = as_set(self);
  ObjType* type = type_of(ts, self);
  for (const Obj* o : ts.repr_in_progress)
    if (o == so) {
      out += type->name + "(...)";
      return;
    }
  if (so->used == 0) {
    out += type->name + "()";
    return;
  }
  bool exact_set = type == ts.rt.types.set;
  if (!exact_set) out += type->name + "(";
  out += '{';
  ts.repr_in_progress.push_back(so);
  try {
    bool first = true;
    for (const Value& key : set_items(self)) {
      if (!first) out += ", ";
      first = false;
      repr_into(ts, key, out);
    }
  } catch (...) {
    ts.repr_in_progress.pop_back();
    throw;
  }
  ts.repr_in_progress.pop_back();
  out += '}';
  if (!exact_set) out += ')';
}

int64_t set_len(ThreadState& ts, const Value& self) { return static_cast<int64_t>(as_set(self)->used); }

bool set_contains_slot(ThreadState& ts, const Value& self, const Value& key) { return set_contains(ts, self, key); }

uint64_t shuffle_bits(uint64_t h) { return ((h ^ 89869747ULL) ^ (h << 16)) * 3644798167ULL; }

// frozenset_hash: independent of order, so a xor of the entries' shuffled
// hashes, then the size mixed in and the bits dispersed.
uint64_t frozenset_hash(ThreadState& ts, const Value& self) {
  ObjSet* so = as_set(self);
  if (so->hash_known) return so->hash;
  uint64_t hash = 0;
  for (const Entry& e : so->table)
    if (!e.key.is_empty()) hash ^= shuffle_bits(e.hash);
  hash ^= (static_cast<uint64_t>(so->used) + 1) * 1927868237ULL;
  hash ^= (hash >> 11) ^ (hash >> 25);
  hash = hash * 69069U + 907133923ULL;
  if (hash == ~uint64_t{0}) hash = 590923713ULL;
  so->hash = hash;
  so->hash_known = true;
  return hash;
}

// set_richcompare: subset and superset tests; NotImplemented unless both
// are sets.
Value set_richcompare(ThreadState& ts, const Value& a, const Value& b, CompareOp op) {
  if (!is_anyset(b)) return Value();
  ObjSet* v = as_set(a);
  ObjSet* w = as_set(b);
  switch (op) {
    case CompareOp::Eq:
    case CompareOp::NotEq: {
      bool eq;
      if (v->used != w->used)
        eq = false;
      else if (v->hash_known && w->hash_known && v->hash != w->hash)
        eq = false;
      else
        eq = issubset(ts, v, b);
      return Value::boolean(eq == (op == CompareOp::Eq));
    }
    case CompareOp::LtE: return Value::boolean(issubset(ts, v, b));
    case CompareOp::GtE: return Value::boolean(issuperset(ts, v, b));
    case CompareOp::Lt: return Value::boolean(v->used < w->used && issubset(ts, v, b));
    case CompareOp::Gt: return Value::boolean(v->used > w->used && issuperset(ts, v, b));
    default: return Value();
  }
}

// ---- Iteration ----------------------------------------------------------------

// set_iterator: a position in the table and the size the set had when the
// iteration started.
struct ObjSetIterator : ObjOpaque {
  ObjSetIterator(ObjType* t, Value s) : ObjOpaque(t), set(std::move(s)), expected_used(as_set(set)->used) {}
  Value set;  // Empty once exhausted
  size_t pos = 0;
  size_t expected_used;
  bool broken = false;
};

Value set_iter(ThreadState& ts, const Value& self) {
  return Value::adopt(new_object<ObjSetIterator>(ts, ts.rt.types.set_iterator, self));
}

Value set_iterator_iter(ThreadState& ts, const Value& self) { return self; }

bool set_iterator_next(ThreadState& ts, const Value& self, Value& out) {
  auto* it = static_cast<ObjSetIterator*>(self.as_obj());
  if (it->set.is_empty()) return false;
  ObjSet* so = as_set(it->set);
  if (it->broken || it->expected_used != so->used) {
    it->broken = true;
    raise(ts, ts.rt.types.RuntimeError, "Set changed size during iteration");
  }
  const Entry* e;
  if (!next_entry(so, it->pos, e)) {
    it->set = Value();
    return false;
  }
  out = e->key;
  return true;
}

void set_traverse(Obj* self, VisitFn visit, void* arg) {
  // Keys that are objects: ints and floats are held inline.
  for (const Entry& e : static_cast<ObjSet*>(self)->table)
    if (e.key.is_obj()) visit(e.key, arg);
}

void set_clear_slot(Obj* self) { clear_table(static_cast<ObjSet*>(self)); }

// set_iterator holds its set (and, as every opaque object, a dict slot).
void set_iterator_traverse(Obj* self, VisitFn visit, void* arg) {
  const Value& set = static_cast<ObjSetIterator*>(self)->set;
  if (set.is_obj()) visit(set, arg);
  opaque_traverse(self, visit, arg);
}

void set_iterator_clear(Obj* self) {
  // An exhausted iterator: next() tests for an Empty set first.
  Value dropped = std::move(static_cast<ObjSetIterator*>(self)->set);
  opaque_clear(self);
}

// ---- Operators ----------------------------------------------------------------

// a | b, a & b, a - b, a ^ b: sets on both sides, else NotImplemented.
Value set_or(ThreadState& ts, const Value& a, const Value& b) {
  if (!is_anyset(a) || !is_anyset(b)) return Value();
  Value result = copy_of(ts, as_set(a));
  if (a.as_obj() != b.as_obj()) update_internal(ts, as_set(result), b);
  return result;
}

Value set_and(ThreadState& ts, const Value& a, const Value& b) {
  if (!is_anyset(a) || !is_anyset(b)) return Value();
  return intersection(ts, as_set(a), b);
}

Value set_sub(ThreadState& ts, const Value& a, const Value& b) {
  if (!is_anyset(a) || !is_anyset(b)) return Value();
  return difference(ts, as_set(a), b);
}

Value set_xor(ThreadState& ts, const Value& a, const Value& b) {
  if (!is_anyset(a) || !is_anyset(b)) return Value();
  return symmetric_difference(ts, as_set(a), b);
}

// a |= b and the others, for a set: in place, returning a.
Value set_ior(ThreadState& ts, const Value& a, const Value& b) {
  if (!is_anyset(b)) return Value();
  update_internal(ts, as_set(a), b);
  return a;
}

Value set_iand(ThreadState& ts, const Value& a, const Value& b) {
  if (!is_anyset(b)) return Value();
  Value tmp = intersection(ts, as_set(a), b);
  take_body(as_set(a), as_set(tmp));
  return a;
}

Value set_isub(ThreadState& ts, const Value& a, const Value& b) {
  if (!is_anyset(b)) return Value();
  difference_update_internal(ts, as_set(a), b);
  return a;
}

Value set_ixor(ThreadState& ts, const Value& a, const Value& b) {
  if (!is_anyset(b)) return Value();
  symmetric_difference_update(ts, as_set(a), b);
  return a;
}

// ---- Construction ---------------------------------------------------------------

// set(iterable): an empty set of [type]; set.__init__ fills it.
Value set_new(ThreadState& ts, ObjType* type, Value* args, int argc, ObjTuple* kwnames) {
  if (type == ts.rt.types.set) check_no_keywords(ts, "set", kwnames);
  return new_set(ts.rt, ObjKind::Set, type);
}

void set_init(ThreadState& ts, const Value& self, Value* args, int argc, ObjTuple* kwnames) {
  check_no_keywords(ts, "set", kwnames);
  check_args(ts, type_label(ts, self), argc, 0, 1);
  ObjSet* so = as_set(self);
  if (so->fill) clear_table(so);
  so->hash_known = false;
  if (argc == 1) update_internal(ts, so, args[0]);
}

// frozenset(iterable): frozenset(f) is f itself.
Value frozenset_new(ThreadState& ts, ObjType* type, Value* args, int argc, ObjTuple* kwnames) {
  if (type == ts.rt.types.frozenset) check_no_keywords(ts, "frozenset", kwnames);
  check_args(ts, type->name, argc, 0, 1);
  if (argc == 1 && type == ts.rt.types.frozenset && is_kind(args[0], ObjKind::FrozenSet) &&
      args[0].as_obj()->type == ts.rt.types.frozenset)
    return args[0];
  Value result = new_set(ts.rt, ObjKind::FrozenSet, type);
  if (argc == 1) update_internal(ts, as_set(result), args[0]);
  return result;
}

// frozenset's __init__ does nothing: frozenset_new did it all.
void frozenset_init(ThreadState& ts, const Value& self, Value* args, int argc, ObjTuple* kwnames) {}

// ---- Methods --------------------------------------------------------------------

ObjSet* self_set(Value* args) { return as_set(args[0]); }

std::string method_name(ThreadState& ts, const Value& self, const char* name) {
  return (self.as_obj()->kind == ObjKind::Set ? std::string("set.") : std::string("frozenset.")) + name;
}

void check_one(ThreadState& ts, Value* args, int argc, ObjTuple* kw, const char* name) {
  check_no_keywords(ts, method_name(ts, args[0], name), kw);
  check_args(ts, method_name(ts, args[0], name), argc - 1, 1, 1);
}

void check_none(ThreadState& ts, Value* args, int argc, ObjTuple* kw, const char* name) {
  check_no_keywords(ts, method_name(ts, args[0], name), kw);
  check_args(ts, method_name(ts, args[0], name), argc - 1, 0, 0);
}

[[noreturn]] void raise_key_error(ThreadState& ts, const Value& key) {
  Value exc = new_exception(ts, ts.rt.types.KeyError, "");
  as<ObjException>(exc)->args = make_tuple(ts, {key});
  raise_value(std::move(exc));
}

Value m_add(ThreadState& ts, Value* args, int argc, ObjTuple* kw) {
  check_one(ts, args, argc, kw, "add");
  set_add(ts, args[0], args[1]);
  return Value::none();
}

Value m_discard(ThreadState& ts, Value* args, int argc, ObjTuple* kw) {
  check_one(ts, args, argc, kw, "discard");
  set_discard(ts, args[0], args[1]);
  return Value::none();
}

Value m_remove(ThreadState& ts, Value* args, int argc, ObjTuple* kw) {
  check_one(ts, args, argc, kw, "remove");
  if (!set_discard(ts, args[0], args[1])) raise_key_error(ts, args[1]);
  return Value::none();
}

// set_pop: from where the last pop stopped, so that repeated pops do not
// rescan the emptied start of the table.
Value m_pop(ThreadState& ts, Value* args, int argc, ObjTuple* kw) {
  check_none(ts, args, argc, kw, "pop");
  ObjSet* so = self_set(args);
  if (so->used == 0) raise(ts, ts.rt.types.KeyError, "pop from an empty set");
  size_t i = so->finger & so->mask;
  while (so->table[i].key.is_empty()) i = i == so->mask ? 0 : i + 1;
  Value key = std::move(so->table[i].key);
  so->table[i].key = Value();
  so->table[i].hash = ObjSet::kDummy;
  --so->used;
  so->finger = i + 1;
  return key;
}

Value m_clear(ThreadState& ts, Value* args, int argc, ObjTuple* kw) {
  check_none(ts, args, argc, kw, "clear");
  clear_table(self_set(args));
  return Value::none();
}

Value m_copy(ThreadState& ts, Value* args, int argc, ObjTuple* kw) {
  check_none(ts, args, argc, kw, "copy");
  if (is_kind(args[0], ObjKind::FrozenSet) && args[0].as_obj()->type == ts.rt.types.frozenset) return args[0];
  return copy_of(ts, self_set(args));
}

Value m_union(ThreadState& ts, Value* args, int argc, ObjTuple* kw) {
  check_no_keywords(ts, method_name(ts, args[0], "union"), kw);
  ObjSet* so = self_set(args);
  Value result = copy_of(ts, so);
  for (int i = 1; i < argc; ++i)
    if (!(args[i].is_obj() && args[i].as_obj() == so)) update_internal(ts, as_set(result), args[i]);
  return result;
}

Value m_update(ThreadState& ts, Value* args, int argc, ObjTuple* kw) {
  check_no_keywords(ts, "set.update", kw);
  for (int i = 1; i < argc; ++i) update_internal(ts, self_set(args), args[i]);
  return Value::none();
}

// set_intersection_multi.
Value intersection_multi(ThreadState& ts, Value* args, int argc) {
  if (argc == 1) return copy_of(ts, self_set(args));
  Value result = args[0];
  for (int i = 1; i < argc; ++i) result = intersection(ts, as_set(result), args[i]);
  return result;
}

Value m_intersection(ThreadState& ts, Value* args, int argc, ObjTuple* kw) {
  check_no_keywords(ts, method_name(ts, args[0], "intersection"), kw);
  return intersection_multi(ts, args, argc);
}

Value m_intersection_update(ThreadState& ts, Value* args, int argc, ObjTuple* kw) {
  check_no_keywords(ts, "set.intersection_update", kw);
  Value tmp = intersection_multi(ts, args, argc);
  if (tmp.as_obj() != args[0].as_obj()) take_body(self_set(args), as_set(tmp));
  return Value::none();
}

Value m_difference(ThreadState& ts, Value* args, int argc, ObjTuple* kw) {
  check_no_keywords(ts, method_name(ts, args[0], "difference"), kw);
  if (argc == 1) return copy_of(ts, self_set(args));
  Value result = difference(ts, self_set(args), args[1]);
  for (int i = 2; i < argc; ++i) difference_update_internal(ts, as_set(result), args[i]);
  return result;
}

Value m_difference_update(ThreadState& ts, Value* args, int argc, ObjTuple* kw) {
  check_no_keywords(ts, "set.difference_update", kw);
  for (int i = 1; i < argc; ++i) difference_update_internal(ts, self_set(args), args[i]);
  return Value::none();
}

Value m_symmetric_difference(ThreadState& ts, Value* args, int argc, ObjTuple* kw) {
  check_one(ts, args, argc, kw, "symmetric_difference");
  return symmetric_difference(ts, self_set(args), args[1]);
}

Value m_symmetric_difference_update(ThreadState& ts, Value* args, int argc, ObjTuple* kw) {
  check_one(ts, args, argc, kw, "symmetric_difference_update");
  symmetric_difference_update(ts, self_set(args), args[1]);
  return Value::none();
}

Value m_issubset(ThreadState& ts, Value* args, int argc, ObjTuple* kw) {
  check_one(ts, args, argc, kw, "issubset");
  return Value::boolean(issubset(ts, self_set(args), args[1]));
}

Value m_issuperset(ThreadState& ts, Value* args, int argc, ObjTuple* kw) {
  check_one(ts, args, argc, kw, "issuperset");
  return Value::boolean(issuperset(ts, self_set(args), args[1]));
}

Value m_isdisjoint(ThreadState& ts, Value* args, int argc, ObjTuple* kw) {
  check_one(ts, args, argc, kw, "isdisjoint");
  return Value::boolean(isdisjoint(ts, self_set(args), args[1]));
}

Value m_init(ThreadState& ts, Value* args, int argc, ObjTuple* kw) {
  set_init(ts, args[0], args + 1, argc - 1, kw);
  return Value::none();
}

Value m_len(ThreadState& ts, Value* args, int argc, ObjTuple* kw) {
  check_none(ts, args, argc, kw, "__len__");
  return Value::integer(static_cast<int64_t>(self_set(args)->used));
}

Value m_contains(ThreadState& ts, Value* args, int argc, ObjTuple* kw) {
  check_one(ts, args, argc, kw, "__contains__");
  return Value::boolean(set_contains(ts, args[0], args[1]));
}

Value m_iter(ThreadState& ts, Value* args, int argc, ObjTuple* kw) {
  check_none(ts, args, argc, kw, "__iter__");
  return set_iter(ts, args[0]);
}

// The operator dunders (s.__or__(t), s.__ror__(t), s.__ior__(t)): the slot,
// NotImplemented where it declines.
template <Value (*Slot)(ThreadState&, const Value&, const Value&), bool Reflected>
Value m_operator(ThreadState& ts, Value* args, int argc, ObjTuple* kw) {
  check_one(ts, args, argc, kw, "__operator__");
  Value r = Reflected ? Slot(ts, args[1], args[0]) : Slot(ts, args[0], args[1]);
  return r.is_empty() ? ts.rt.not_implemented : r;
}

template <CompareOp Op>
Value m_compare(ThreadState& ts, Value* args, int argc, ObjTuple* kw) {
  check_one(ts, args, argc, kw, "__compare__");
  Value r = set_richcompare(ts, args[0], args[1], Op);
  return r.is_empty() ? ts.rt.not_implemented : r;
}

struct Method {
  const char* name;
  NativeFn fn;
};

}  // namespace

// ---- The C++ API ------------------------------------------------------------------

Value make_set(Runtime& rt) { return new_set(rt, ObjKind::Set); }

Value make_set(ThreadState& ts, const Value* items, size_t count) {
  Value s = new_set(ts.rt, ObjKind::Set);
  for (size_t i = 0; i < count; ++i) add_entry(ts, as_set(s), items[i], hash_value(ts, items[i]));
  return s;
}

Value make_set(ThreadState& ts, const std::vector<Value>& items) { return make_set(ts, items.data(), items.size()); }

Value make_frozenset(ThreadState& ts, const std::vector<Value>& items) {
  Value s = new_set(ts.rt, ObjKind::FrozenSet);
  for (const Value& item : items) add_entry(ts, as_set(s), item, hash_value(ts, item));
  return s;
}

void set_add(ThreadState& ts, const Value& set, const Value& key) {
  add_entry(ts, as_set(set), key, hash_value(ts, key));
}

bool set_contains(ThreadState& ts, const Value& set, const Value& key) {
  uint64_t hash;
  try {
    hash = hash_value(ts, key);
  } catch (PyException& e) {
    if (!is_set(key) || !is_type_error(ts, e)) throw;
    Value frozen = frozen_copy(ts, key);
    return contains_entry(ts, as_set(set), frozen, hash_value(ts, frozen));
  }
  return contains_entry(ts, as_set(set), key, hash);
}

bool set_discard(ThreadState& ts, const Value& set, const Value& key) {
  uint64_t hash;
  try {
    hash = hash_value(ts, key);
  } catch (PyException& e) {
    if (!is_set(key) || !is_type_error(ts, e)) throw;
    Value frozen = frozen_copy(ts, key);
    return discard_entry(ts, as_set(set), frozen, hash_value(ts, frozen));
  }
  return discard_entry(ts, as_set(set), key, hash);
}

void set_update(ThreadState& ts, const Value& set, const Value& iterable) { update_internal(ts, as_set(set), iterable); }

void set_clear(const Value& set) { clear_table(as_set(set)); }

size_t set_size(const Value& set) { return as_set(set)->used; }

bool set_next(const Value& set, size_t& pos, Value& key) {
  const Entry* e;
  if (!next_entry(as_set(set), pos, e)) return false;
  key = e->key;
  return true;
}

std::vector<Value> set_items(const Value& set) {
  std::vector<Value> items;
  items.reserve(as_set(set)->used);
  size_t pos = 0;
  Value key;
  while (set_next(set, pos, key)) items.push_back(key);
  return items;
}

void install_set_types(Runtime& rt) {
  BuiltinTypes& t = rt.types;
  t.set = new_type(rt, "set", t.object);
  t.frozenset = new_type(rt, "frozenset", t.object);
  t.set_iterator = new_type(rt, "set_iterator", t.object);

  for (ObjType* type : {t.set, t.frozenset}) {
    type->tp_repr = set_repr;
    type->tp_richcompare = set_richcompare;
    type->tp_len = set_len;
    type->tp_contains = set_contains_slot;
    type->tp_iter = set_iter;
    type->tp_traverse = set_traverse;
    type->tp_clear = set_clear_slot;
    type->nb.binary[static_cast<int>(BinaryOp::Or)] = set_or;
    type->nb.binary[static_cast<int>(BinaryOp::And)] = set_and;
    type->nb.binary[static_cast<int>(BinaryOp::Sub)] = set_sub;
    type->nb.binary[static_cast<int>(BinaryOp::Xor)] = set_xor;
  }
  t.set->tp_hash = nullptr;
  t.set->tp_new = set_new;
  t.set->tp_init = set_init;
  t.set->nb.inplace[static_cast<int>(BinaryOp::Or)] = set_ior;
  t.set->nb.inplace[static_cast<int>(BinaryOp::And)] = set_iand;
  t.set->nb.inplace[static_cast<int>(BinaryOp::Sub)] = set_isub;
  t.set->nb.inplace[static_cast<int>(BinaryOp::Xor)] = set_ixor;
  t.frozenset->tp_hash = frozenset_hash;
  t.frozenset->tp_new = frozenset_new;
  t.frozenset->tp_init = frozenset_init;

  t.set_iterator->tp_iter = set_iterator_iter;
  t.set_iterator->tp_iternext = set_iterator_next;
  t.set_iterator->tp_traverse = set_iterator_traverse;
  t.set_iterator->tp_clear = set_iterator_clear;
  t.set_iterator->is_final = true;

  static const Method kShared[] = {
      {"copy", m_copy},
      {"union", m_union},
      {"intersection", m_intersection},
      {"difference", m_difference},
      {"symmetric_difference", m_symmetric_difference},
      {"issubset", m_issubset},
      {"issuperset", m_issuperset},
      {"isdisjoint", m_isdisjoint},
      {"__len__", m_len},
      {"__contains__", m_contains},
      {"__iter__", m_iter},
      {"__or__", m_operator<set_or, false>},
      {"__ror__", m_operator<set_or, true>},
      {"__and__", m_operator<set_and, false>},
      {"__rand__", m_operator<set_and, true>},
      {"__sub__", m_operator<set_sub, false>},
      {"__rsub__", m_operator<set_sub, true>},
      {"__xor__", m_operator<set_xor, false>},
      {"__rxor__", m_operator<set_xor, true>},
      {"__eq__", m_compare<CompareOp::Eq>},
      {"__ne__", m_compare<CompareOp::NotEq>},
      {"__lt__", m_compare<CompareOp::Lt>},
      {"__le__", m_compare<CompareOp::LtE>},
      {"__gt__", m_compare<CompareOp::Gt>},
      {"__ge__", m_compare<CompareOp::GtE>},
  };
  static const Method kSetOnly[] = {
      {"add", m_add},
      {"discard", m_discard},
      {"remove", m_remove},
      {"pop", m_pop},
      {"clear", m_clear},
      {"update", m_update},
      {"intersection_update", m_intersection_update},
      {"difference_update", m_difference_update},
      {"symmetric_difference_update", m_symmetric_difference_update},
      {"__init__", m_init},
      {"__ior__", m_operator<set_ior, false>},
      {"__iand__", m_operator<set_iand, false>},
      {"__isub__", m_operator<set_isub, false>},
      {"__ixor__", m_operator<set_ixor, false>},
  };
  for (ObjType* type : {t.set, t.frozenset})
    for (const Method& m : kShared) add_method(rt, type, m.name, m.fn);
  for (const Method& m : kSetOnly) add_method(rt, t.set, m.name, m.fn);
  // Unhashable, and said so in the namespace, so that classes deriving from
  // set stay unhashable.
  type_set(rt, t.set, "__hash__", Value::none());

  rt.define_builtin("set", Value::borrow(t.set));
  rt.define_builtin("frozenset", Value::borrow(t.frozenset));
}

}  // namespace gil
