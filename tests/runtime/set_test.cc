// set and frozenset (src/runtime/setobject.cc): the table's invariants
// (growth, dummies left by deletions and reused by insertions), iteration
// order and hashes that match CPython 3.11's. Every expected order and hash
// below was printed by /usr/bin/python3.
#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "../support/capture.h"
#include "gil/runtime/errors.h"
#include "gil/runtime/ops.h"
#include "gil/runtime/set.h"

namespace gil {
namespace {

using testing::run;

class SetTest : public ::testing::Test {
 protected:
  SetTest() : rt(RuntimeConfig{}), ts(rt) {}

  Value ints(std::initializer_list<int64_t> xs) {
    std::vector<Value> items;
    for (int64_t x : xs) items.push_back(Value::integer(x));
    return make_set(ts, items);
  }
  std::vector<int64_t> order(const Value& s) {
    std::vector<int64_t> out;
    for (const Value& v : set_items(s)) out.push_back(v.as_int());
    return out;
  }
  static ObjSet* table(const Value& s) { return as<ObjSet>(s); }
  int64_t hash_of(const Value& v) { return static_cast<int64_t>(hash_value(ts, v)); }

  Runtime rt;
  ThreadState ts;
};

TEST_F(SetTest, StartsWithEightEntriesAndGrowsWhenFilledToThreeFifths) {
  Value s = make_set(rt);
  EXPECT_EQ(table(s)->mask, 7u);
  for (int64_t i = 0; i < 4; ++i) set_add(ts, s, Value::integer(i));
  EXPECT_EQ(table(s)->mask, 7u);  // 4 * 5 < 7 * 3
  set_add(ts, s, Value::integer(4));
  // fill 5: 25 >= 21, resized for used * 4 = 20, the next power of two.
  EXPECT_EQ(table(s)->mask, 31u);
  EXPECT_EQ(table(s)->fill, 5u);
  for (int64_t i = 5; i < 18; ++i) set_add(ts, s, Value::integer(i));
  EXPECT_EQ(table(s)->mask, 31u);  // 18 * 5 < 31 * 3
  set_add(ts, s, Value::integer(18));
  EXPECT_EQ(table(s)->mask, 127u);  // 19 * 4 = 76 < 128
  set_add(ts, s, Value::integer(19));
  EXPECT_EQ(set_size(s), 20u);
  // Adding what is there changes nothing.
  set_add(ts, s, Value::integer(3));
  set_add(ts, s, Value::number(3.0));
  EXPECT_EQ(set_size(s), 20u);
  EXPECT_EQ(table(s)->fill, 20u);
}

TEST_F(SetTest, DeletionLeavesADummyThatAnInsertionReuses) {
  Value s = ints({1, 2, 3, 4});
  EXPECT_TRUE(set_discard(ts, s, Value::integer(2)));
  EXPECT_FALSE(set_discard(ts, s, Value::integer(2)));
  EXPECT_EQ(table(s)->used, 3u);
  EXPECT_EQ(table(s)->fill, 4u);  // the dummy still counts
  EXPECT_TRUE(table(s)->table[2].key.is_empty());
  EXPECT_EQ(table(s)->table[2].hash, ObjSet::kDummy);
  // 10 starts at slot 2 (10 & 7), finds no 10 further on and takes the dummy.
  set_add(ts, s, Value::integer(10));
  EXPECT_EQ(table(s)->used, 4u);
  EXPECT_EQ(table(s)->fill, 4u);
  EXPECT_EQ(order(s), (std::vector<int64_t>{1, 10, 3, 4}));
  // A dummy does not end a search: 3 is still found past it.
  EXPECT_TRUE(set_discard(ts, s, Value::integer(10)));
  EXPECT_TRUE(set_contains(ts, s, Value::integer(3)));
  EXPECT_FALSE(set_contains(ts, s, Value::integer(10)));
}

TEST_F(SetTest, DifferenceUpdatePurgesDummiesPastAQuarter) {
  Value s = make_set(rt);
  Value r = make<ObjRange>(rt, 0, 64, 1);
  set_update(ts, s, r);
  EXPECT_EQ(table(s)->mask, 127u);
  Value evens = make<ObjRange>(rt, 0, 64, 2);
  Value args[] = {s, evens};
  call(ts, get_attr(ts, s, rt.intern("difference_update")), args + 1, 1);
  // 32 dummies > 127 / 4: rebuilt without them for used * 4 = 128 keys,
  // which makes the table larger, as in CPython.
  EXPECT_EQ(table(s)->fill, table(s)->used);
  EXPECT_EQ(table(s)->used, 32u);
  EXPECT_EQ(table(s)->mask, 255u);
  std::vector<int64_t> first = order(s);
  first.resize(5);
  EXPECT_EQ(first, (std::vector<int64_t>{1, 3, 5, 7, 9}));
}

TEST_F(SetTest, IntsIterateInCPythonsOrder) {
  EXPECT_EQ(order(ints({3, 1, 2})), (std::vector<int64_t>{1, 2, 3}));
  EXPECT_EQ(order(ints({9, 17, 1, 8, 33})), (std::vector<int64_t>{33, 1, 8, 9, 17}));
  EXPECT_EQ(order(ints({-1, -2, -5, 7, 100, 1000, int64_t{1} << 40})),
            (std::vector<int64_t>{1099511627776, 100, 7, 1000, -2, -5, -1}));
  Value s = ints({0, 1, 2, 3, 4, 5, 6, 7, 8, 9});
  set_discard(ts, s, Value::integer(3));
  set_add(ts, s, Value::integer(18));
  EXPECT_EQ(order(s), (std::vector<int64_t>{0, 1, 2, 4, 5, 6, 7, 8, 9, 18}));
  Value a = ints({5, 13, 21});
  EXPECT_EQ(order(call(ts, get_attr(ts, a, rt.intern("copy")), nullptr, 0)), (std::vector<int64_t>{13, 21, 5}));
  EXPECT_EQ(order(binary_op(ts, BinaryOp::Or, a, ints({29, 1}), false)), (std::vector<int64_t>{1, 29, 21, 5, 13}));
  EXPECT_EQ(order(binary_op(ts, BinaryOp::And, a, ints({21, 5, 99}), false)), (std::vector<int64_t>{21, 5}));
  EXPECT_EQ(order(binary_op(ts, BinaryOp::Xor, a, ints({13, 37}), false)), (std::vector<int64_t>{5, 37, 21}));
}

TEST_F(SetTest, PopResumesWhereTheLastPopStopped) {
  EXPECT_EQ(run("s = set(range(10))\ns.discard(3)\ns.add(18)\nprint(s.pop(), s.pop(), s)\n").out,
            "0 1 {2, 4, 5, 6, 7, 8, 9, 18}\n");
  EXPECT_EQ(testing::last_line(run("set().pop()\n").err), "KeyError: 'pop from an empty set'");
}

TEST_F(SetTest, NumbersHashAsInCPython) {
  EXPECT_EQ(hash_of(Value::integer(-1)), -2);
  EXPECT_EQ(hash_of(Value::integer(12345)), 12345);
  EXPECT_EQ(hash_of(Value::boolean(true)), 1);
  EXPECT_EQ(hash_of(Value::integer(int64_t{1} << 61)), 1);
  EXPECT_EQ(hash_of(Value::integer(INT64_MAX)), 3);
  EXPECT_EQ(hash_of(Value::integer(INT64_MIN)), -4);
  EXPECT_EQ(hash_of(Value::number(-1.0)), -2);
  EXPECT_EQ(hash_of(Value::number(2.0)), 2);
  EXPECT_EQ(hash_of(Value::number(1.5)), 1152921504606846977);
  EXPECT_EQ(hash_of(Value::number(0.1)), 230584300921369408);
  EXPECT_EQ(hash_of(Value::number(-2.5e300)), -756645147675703959);
}

TEST_F(SetTest, FrozensetHashesMatchCPython) {
  EXPECT_EQ(hash_of(make_frozenset(ts, {})), 133146708735736);
  EXPECT_EQ(hash_of(make_frozenset(ts, {Value::integer(1), Value::integer(2)})), -1826646154956904602);
  EXPECT_EQ(hash_of(make_frozenset(ts, {Value::integer(2), Value::integer(1)})), -1826646154956904602);
  EXPECT_EQ(hash_of(make_frozenset(ts, {Value::integer(1), Value::integer(2), Value::integer(3), Value::integer(100),
                                        Value::integer(-1)})),
            1003306716303396035);
  std::vector<Value> fifty;
  for (int64_t i = 0; i < 50; ++i) fifty.push_back(Value::integer(i));
  EXPECT_EQ(hash_of(make_frozenset(ts, fifty)), -1309786936372247613);
  Value inner = make_frozenset(ts, {Value::integer(1)});
  EXPECT_EQ(hash_of(make_frozenset(ts, {inner, Value::integer(2)})), -1248503628839622056);
}

TEST_F(SetTest, SetsAreUnhashableAndSoAreTheirMembers) {
  EXPECT_THROW(hash_value(ts, make_set(rt)), PyException);
  EXPECT_EQ(testing::last_line(run("set([[1]])\n").err), "TypeError: unhashable type: 'list'");
  EXPECT_EQ(testing::last_line(run("hash(set())\n").err), "TypeError: unhashable type: 'set'");
  // A set is looked up as the frozenset of its items.
  Value family = make_set(ts, {make_frozenset(ts, {Value::integer(1)})});
  EXPECT_TRUE(set_contains(ts, family, ints({1})));
  EXPECT_TRUE(set_discard(ts, family, ints({1})));
  EXPECT_EQ(set_size(family), 0u);
}

TEST_F(SetTest, OperatorsNeedSetsOnBothSides) {
  Value s = ints({1});
  Value list = make_list(ts, {Value::integer(2)});
  try {
    binary_op(ts, BinaryOp::Or, s, list, false);
    FAIL();
  } catch (PyException& e) {
    EXPECT_EQ(exception_message(ts, as<ObjException>(e.exception)), "unsupported operand type(s) for |: 'set' and 'list'");
  }
  try {
    binary_op(ts, BinaryOp::Sub, list, s, true);
    FAIL();
  } catch (PyException& e) {
    EXPECT_EQ(exception_message(ts, as<ObjException>(e.exception)), "unsupported operand type(s) for -=: 'list' and 'set'");
  }
  // In place on a set: the same object; on a frozenset: a new one.
  Value r = binary_op(ts, BinaryOp::Or, s, ints({2}), true);
  EXPECT_EQ(r.as_obj(), s.as_obj());
  EXPECT_EQ(order(s), (std::vector<int64_t>{1, 2}));
  Value f = make_frozenset(ts, {Value::integer(1)});
  Value g = binary_op(ts, BinaryOp::Or, f, s, true);
  EXPECT_NE(g.as_obj(), f.as_obj());
  EXPECT_EQ(repr(ts, g), "frozenset({1, 2})");
  EXPECT_TRUE(equals(ts, g, s));
  EXPECT_TRUE(truthy(ts, compare(ts, CompareOp::Lt, f, s)));
}

TEST_F(SetTest, IterationNoticesAChangeOfSize) {
  EXPECT_EQ(testing::last_line(run("s = set([1, 2])\nfor x in s:\n    s.add(x + 10)\n").err),
            "RuntimeError: Set changed size during iteration");
}

}  // namespace
}  // namespace gil
