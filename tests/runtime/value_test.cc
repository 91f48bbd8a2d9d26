// Reference counting: every copy retains, every destruction releases, and
// objects die when the last reference goes.
#include <gtest/gtest.h>

#include "gil/runtime/object.h"
#include "gil/runtime/runtime.h"
#include "gil/runtime/value.h"

namespace gil {
namespace {

// An object that records its own destruction.
struct Probe : Obj {
  explicit Probe(bool* destroyed) : Obj(ObjKind::Opaque), destroyed(destroyed) {}
  ~Probe() override { *destroyed = true; }
  bool* destroyed;
};

TEST(Value, CopiesRetainAndDestructionReleases) {
  bool destroyed = false;
  {
    Value a = Value::adopt(new Probe(&destroyed));
    EXPECT_EQ(a.as_obj()->refcount, 1);
    {
      Value b = a;
      EXPECT_EQ(a.as_obj()->refcount, 2);
      Value c;
      c = b;
      EXPECT_EQ(a.as_obj()->refcount, 3);
    }
    EXPECT_EQ(a.as_obj()->refcount, 1);
    EXPECT_FALSE(destroyed);
  }
  EXPECT_TRUE(destroyed);
}

TEST(Value, MovesTransferWithoutCounting) {
  bool destroyed = false;
  Value a = Value::adopt(new Probe(&destroyed));
  Value b = std::move(a);
  EXPECT_TRUE(a.is_empty());
  EXPECT_EQ(b.as_obj()->refcount, 1);
  b = Value::integer(3);
  EXPECT_TRUE(destroyed);
}

TEST(Value, SelfAssignmentKeepsTheObject) {
  bool destroyed = false;
  Value a = Value::adopt(new Probe(&destroyed));
  Value& alias = a;
  a = alias;
  EXPECT_FALSE(destroyed);
  EXPECT_EQ(a.as_obj()->refcount, 1);
}

TEST(Value, ContainersOwnTheirItems) {
  Runtime rt(RuntimeConfig{});
  bool destroyed = false;
  Value item = Value::adopt(new Probe(&destroyed));
  Value list = make_list(rt, {item, item});
  EXPECT_EQ(item.as_obj()->refcount, 3);
  item = Value();
  EXPECT_FALSE(destroyed);
  list = Value();
  EXPECT_TRUE(destroyed);
}

TEST(Value, ScalarsAreInline) {
  EXPECT_TRUE(Value::integer(-7).is_int());
  EXPECT_EQ(Value::integer(-7).as_int(), -7);
  EXPECT_TRUE(Value::boolean(true).is_intlike());
  EXPECT_DOUBLE_EQ(Value::number(0.5).as_float(), 0.5);
  EXPECT_TRUE(Value::none().is_none());
  EXPECT_TRUE(Value().is_empty());
  EXPECT_EQ(sizeof(Value), 16u);
}

}  // namespace
}  // namespace gil
