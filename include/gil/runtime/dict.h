// Operations on ObjDict, the insertion-ordered hash map (object.h).
#pragma once

#include "gil/runtime/object.h"
#include "gil/runtime/runtime.h"

namespace gil {

// The value stored under [key], or null. TypeError for an unhashable key.
Value* dict_find(ThreadState& ts, ObjDict* d, const Value& key);
// Stores [value] under [key], keeping the position of an existing key.
void dict_set(ThreadState& ts, ObjDict* d, const Value& key, Value value);
// Removes [key] and returns its value, or Empty when absent.
Value dict_remove(ThreadState& ts, ObjDict* d, const Value& key);
// Removes every entry.
void dict_clear(ObjDict* d);

// Lookup and store by a str key without a ThreadState: for namespaces
// (type dicts, instance dicts), whose keys are str. A key equal to [key]
// that is not a str is not found.
Value* dict_find_str(ObjDict* d, ObjStr* key);
// dict_set_str returns the position in d->entries where [key] now is.
size_t dict_set_str(ObjDict* d, ObjStr* key, Value value);
// The bit of ObjDict::str_key_bits a str key with [hash] sets.
inline uint64_t str_key_bit(uint64_t hash) { return uint64_t{1} << (hash & 63); }
// True when [d] certainly has no str key [key]: one bit test, no probe.
// False means it may have it (or [key]'s hash is not computed yet).
inline bool dict_surely_lacks_str(const ObjDict* d, const ObjStr* key) {
  return key->hash != 0 && !(d->str_key_bits & str_key_bit(key->hash));
}
// The largest dict that keeps the small layout (no index; dict.cc).
inline constexpr size_t kDictSmallEntries = 8;
// A new empty dict for an instance's attributes, with room for a typical
// instance's few entries in one block.
inline Value make_attribute_dict(ThreadState& ts) {
  Value d = make<ObjDict>(ts);
  as<ObjDict>(d)->entries.reserve(kDictSmallEntries / 2);
  return d;
}
// Appends [key] and [value] when [d] certainly lacks [key] and takes it
// without growing or indexing: the usual store of an attribute into a new
// instance, done inline. Returns false, leaving [value] as it was, when any
// of that does not hold (dict_set_str then does the general store).
inline bool dict_append_new_str(ObjDict* d, ObjStr* key, Value& value) {
  size_t used = d->entries.size();
  if (!dict_surely_lacks_str(d, key) || !d->index.empty() || used >= kDictSmallEntries ||
      used == d->entries.capacity() || d->namespace_of)
    return false;
  d->str_key_bits |= str_key_bit(key->hash);
  d->entries.push_back({Value::borrow(key), std::move(value), key->hash});
  ++d->size;
  ++d->version;
  return true;
}
// The position in d->entries of the str key [key], or -1 when absent.
int64_t dict_str_position(ObjDict* d, ObjStr* key);
// The hash every str has (cached in the string).
uint64_t str_hash(ObjStr* s);

}  // namespace gil
