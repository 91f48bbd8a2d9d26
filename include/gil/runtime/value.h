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
#pragma once

#include <cstdint>
#include <utility>

#include "gil/runtime/refcount.h"

namespace gil {

struct Obj;

// Which kind of payload a Value carries.
enum class Tag : uint8_t { Empty, None, Bool, Int, Float, Obj };

class Value {
 public:
  // An unbound slot.
  Value() noexcept : tag_(Tag::Empty), i_(0) {}

  static Value none() noexcept { return Value(Tag::None, 0); }
  static Value boolean(bool b) noexcept { return Value(Tag::Bool, b ? 1 : 0); }
  static Value integer(int64_t i) noexcept { return Value(Tag::Int, i); }
  static Value number(double d) noexcept {
    Value v;
    v.tag_ = Tag::Float;
    v.f_ = d;
    return v;
  }
  // Wraps [o], taking over a reference the caller already owns.
  static Value adopt(Obj* o) noexcept {
    Value v;
    v.tag_ = Tag::Obj;
    v.o_ = o;
    return v;
  }
  // Wraps [o], adding a reference of its own.
  static Value borrow(Obj* o) noexcept {
    retain(o);
    return adopt(o);
  }

  Value(const Value& other) noexcept : tag_(other.tag_), i_(other.i_) {
    if (tag_ == Tag::Obj) retain(o_);
  }
  Value(Value&& other) noexcept : tag_(other.tag_), i_(other.i_) {
    other.tag_ = Tag::Empty;
  }
  Value& operator=(const Value& other) noexcept {
    Value copy(other);
    swap(copy);
    return *this;
  }
  Value& operator=(Value&& other) noexcept {
    Value moved(std::move(other));
    swap(moved);
    return *this;
  }
  ~Value() {
    if (tag_ == Tag::Obj) release(o_);
  }

  void swap(Value& other) noexcept {
    std::swap(tag_, other.tag_);
    std::swap(i_, other.i_);
  }

  Tag tag() const noexcept { return tag_; }
  bool is_empty() const noexcept { return tag_ == Tag::Empty; }
  bool is_none() const noexcept { return tag_ == Tag::None; }
  bool is_bool() const noexcept { return tag_ == Tag::Bool; }
  bool is_int() const noexcept { return tag_ == Tag::Int; }
  bool is_float() const noexcept { return tag_ == Tag::Float; }
  bool is_obj() const noexcept { return tag_ == Tag::Obj; }
  // True for int and bool, which Python treats as integers.
  bool is_intlike() const noexcept { return tag_ == Tag::Int || tag_ == Tag::Bool; }

  bool as_bool() const noexcept { return i_ != 0; }
  int64_t as_int() const noexcept { return i_; }
  double as_float() const noexcept { return f_; }
  Obj* as_obj() const noexcept { return o_; }

  // Releases ownership of the object without dropping the reference.
  Obj* release_obj() noexcept {
    tag_ = Tag::Empty;
    return o_;
  }

 private:
  Value(Tag tag, int64_t i) noexcept : tag_(tag), i_(i) {}

  Tag tag_;
  union {
    int64_t i_;
    double f_;
    Obj* o_;
  };
};

}  // namespace gil
