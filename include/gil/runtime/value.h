// Value: what a MiniPy variable, stack slot or container element holds.
//
// Small values (None, bool, int, float) live inline in the 16-byte Value;
// everything else is a pointer to a heap object (object.h). A Value that
// holds an object owns one reference to it: copying retains, destroying
// releases, moving transfers. All counting goes through refcount.h, so the
// counting scheme can change without touching the rest of the VM.
//
// `Empty` is not a Python value: it marks an unbound variable slot and the
// "no self" half of a method call on the stack.
//
// Identity of inline numbers. In CPython every int outside -5..256 and every
// float is an object of its own, so `257 is int("257")` is False while
// `x = 257; y = x; x is y` is True. An inline Value keeps that distinction
// in its [serial], which rides in the padding after the tag: each int made
// outside the small range and each float gets a fresh serial, copies keep
// it, and `is` compares it along with the value (ops.cc, identical()).
// Serials come from a per-thread counter; two live numbers of equal value
// share one only after 2^32 numbers were made in between.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <new>
#include <type_traits>
#include <utility>

#include "gil/runtime/refcount.h"
#include "gil/runtime/small_objects.h"

// Value's members run on every instruction: always inline them.
#define GIL_HOT [[gnu::always_inline]] inline

namespace gil {

struct Obj;

// Which kind of payload a Value carries.
enum class Tag : uint8_t { Empty, None, Bool, Int, Float, Obj };

class Value {
 public:
  // An unbound slot.
  Value() noexcept : meta_(0), i_(0) {}

  static Value none() noexcept { return Value(Tag::None, 0); }
  static Value boolean(bool b) noexcept { return Value(Tag::Bool, b ? 1 : 0); }
  static Value integer(int64_t i) noexcept {
    Value v(Tag::Int, i);
    if (i < kSmallIntMin || i > kSmallIntMax) [[unlikely]] v.set_serial(next_serial());
    return v;
  }
  static Value number(double d) noexcept {
    Value v;
    v.meta_ = static_cast<uint64_t>(Tag::Float);
    v.f_ = d;
    v.set_serial(next_serial());
    return v;
  }
  // The ints CPython shares: every one of these is the same object.
  static constexpr int64_t kSmallIntMin = -5;
  static constexpr int64_t kSmallIntMax = 256;
  // Wraps [o], taking over a reference the caller already owns.
  static Value adopt(Obj* o) noexcept {
    Value v;
    v.meta_ = static_cast<uint64_t>(Tag::Obj);
    v.o_ = o;
    return v;
  }
  // Wraps [o], adding a reference of its own.
  static Value borrow(Obj* o) noexcept {
    retain(o);
    return adopt(o);
  }

  GIL_HOT Value(const Value& other) noexcept : meta_(other.meta_), i_(other.i_) {
    if (tag() == Tag::Obj) retain(o_);
  }
  GIL_HOT Value(Value&& other) noexcept : meta_(other.meta_), i_(other.i_) { other.meta_ = 0; }
  GIL_HOT Value& operator=(const Value& other) noexcept {
    if (other.tag() == Tag::Obj) retain(other.o_);
    replace(other.meta_, other.i_);
    return *this;
  }
  // Reads [other] and empties it before storing, so `v = std::move(v)`
  // leaves v as it was.
  GIL_HOT Value& operator=(Value&& other) noexcept {
    uint64_t meta = other.meta_;
    int64_t bits = other.i_;
    other.meta_ = 0;
    replace(meta, bits);
    return *this;
  }
  // Unbinds the slot: the same as `= Value()`, without the temporary.
  GIL_HOT void clear() noexcept { replace(0, 0); }
  GIL_HOT ~Value() {
    if (tag() == Tag::Obj) release(o_);
  }

  GIL_HOT void swap(Value& other) noexcept {
    std::swap(meta_, other.meta_);
    std::swap(i_, other.i_);
  }

  Tag tag() const noexcept { return static_cast<Tag>(meta_ & 0xFF); }
  bool is_empty() const noexcept { return tag() == Tag::Empty; }
  bool is_none() const noexcept { return tag() == Tag::None; }
  bool is_bool() const noexcept { return tag() == Tag::Bool; }
  bool is_int() const noexcept { return tag() == Tag::Int; }
  bool is_float() const noexcept { return tag() == Tag::Float; }
  bool is_obj() const noexcept { return tag() == Tag::Obj; }
  // True for int and bool, which Python treats as integers.
  bool is_intlike() const noexcept { return tag() == Tag::Int || tag() == Tag::Bool; }

  bool as_bool() const noexcept { return i_ != 0; }
  int64_t as_int() const noexcept { return i_; }
  double as_float() const noexcept { return f_; }
  Obj* as_obj() const noexcept { return o_; }
  // Which number object this is (see above); 0 for small ints and others.
  uint32_t serial() const noexcept { return static_cast<uint32_t>(meta_ >> 32); }

  // Releases ownership of the object without dropping the reference.
  Obj* release_obj() noexcept {
    meta_ = 0;
    return o_;
  }

 private:
  Value(Tag tag, int64_t i) noexcept : meta_(static_cast<uint64_t>(tag)), i_(i) {}
  void set_serial(uint32_t serial) noexcept { meta_ = (meta_ & 0xFF) | (static_cast<uint64_t>(serial) << 32); }
  // Stores the payload [meta]/[bits], then drops the reference the slot
  // held: after the store, so that whatever the release runs (a __del__,
  // a container's free) sees this slot already holding its new value.
  GIL_HOT void replace(uint64_t meta, int64_t bits) noexcept {
    bool held_obj = tag() == Tag::Obj;
    Obj* old = o_;
    meta_ = meta;
    i_ = bits;
    if (held_obj) release(old);
  }
  static uint32_t next_serial() noexcept {
    static thread_local uint32_t counter = 0;
    return ++counter;
  }

  // The tag in the low byte and the serial in the high half: one word, so
  // that copying a Value is two moves.
  uint64_t meta_;
  union {
    int64_t i_;
    double f_;
    Obj* o_;
  };
};

}  // namespace gil

// Arrays of Values (the items of lists and tuples, argument vectors, a
// slice's copy) come from the per-thread block cache of small_objects.h, as
// CPython serves list and tuple storage from pymalloc: a program that makes
// and drops many short lists (fannkuch's slices) otherwise spends a tenth of
// its time in malloc and free. A specialization of std::allocator for the
// program-defined Value ([namespace.std]), so that every std::vector<Value>
// gets it without another container type through the runtime.
template <>
class std::allocator<gil::Value> {
 public:
  using value_type = gil::Value;
  using size_type = std::size_t;
  using difference_type = std::ptrdiff_t;
  using propagate_on_container_move_assignment = std::true_type;
  using is_always_equal = std::true_type;

  constexpr allocator() noexcept = default;
  template <typename U>
  constexpr allocator(const allocator<U>&) noexcept {}

  [[nodiscard]] gil::Value* allocate(std::size_t n) {
    if (n > std::size_t(PTRDIFF_MAX) / sizeof(gil::Value)) throw std::bad_array_new_length();
    return static_cast<gil::Value*>(gil::small_objects::allocate(n * sizeof(gil::Value)));
  }
  void deallocate(gil::Value* p, std::size_t n) noexcept { gil::small_objects::release(p, n * sizeof(gil::Value)); }

  friend constexpr bool operator==(const allocator&, const allocator&) noexcept { return true; }
};
