// Type objects (src/runtime/typeobject.cc, descrobject.cc): the C3
// linearisation, slot inheritance, and slot dispatch for built-in and
// user-defined types alike.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "../support/capture.h"
#include "gil/runtime/dict.h"
#include "gil/runtime/errors.h"
#include "gil/runtime/ops.h"
#include "gil/runtime/type.h"

namespace gil {
namespace {

using testing::run;

class TypeTest : public ::testing::Test {
 protected:
  TypeTest() : rt(RuntimeConfig{}), ts(rt) {}

  // A class named [name] with [bases] and an empty namespace.
  ObjType* make_type(const std::string& name, std::vector<ObjType*> bases) {
    std::vector<Value> items;
    for (ObjType* b : bases) items.push_back(Value::borrow(b));
    Value cls = make_class(ts, name, make_tuple(ts, std::move(items)), gil::make<ObjDict>(ts));
    return as<ObjType>(cls);
  }
  static std::string names(const std::vector<ObjType*>& mro) {
    std::string out;
    for (ObjType* t : mro) out += (out.empty() ? "" : " ") + t->name;
    return out;
  }

  Runtime rt;
  ThreadState ts;
};

TEST_F(TypeTest, TheMroIsTheC3LinearisationOfADiamond) {
  ObjType* a = make_type("A", {});
  ObjType* b = make_type("B", {a});
  ObjType* c = make_type("C", {a});
  ObjType* d = make_type("D", {b, c});
  EXPECT_EQ(names(d->mro), "D B C A object");
  EXPECT_TRUE(d->is_subtype_of(a));
  EXPECT_FALSE(b->is_subtype_of(c));
}

TEST_F(TypeTest, TheMroOfPythonsTextbookExample) {
  // The example of "The Python 2.3 Method Resolution Order".
  ObjType* o = rt.types.object;
  ObjType* f = make_type("F", {o});
  ObjType* e = make_type("E", {o});
  ObjType* d = make_type("D", {o});
  ObjType* c = make_type("C", {d, f});
  ObjType* b = make_type("B", {d, e});
  ObjType* a = make_type("A", {b, c});
  EXPECT_EQ(names(a->mro), "A B C D E F object");
}

TEST_F(TypeTest, InconsistentBasesRaiseCPythonsTypeError) {
  ObjType* x = make_type("X", {});
  ObjType* y = make_type("Y", {x});
  try {
    make_type("Z", {x, y});
    FAIL() << "expected TypeError";
  } catch (PyException& e) {
    EXPECT_EQ(as<ObjException>(e.exception)->type, rt.types.TypeError);
  }
}

TEST_F(TypeTest, AClassInheritsTheSlotsOfItsBuiltinBase) {
  ObjType* err = make_type("MyError", {rt.types.ValueError});
  EXPECT_EQ(err->tp_new, rt.types.BaseException->tp_new);
  EXPECT_EQ(err->tp_repr, rt.types.ValueError->tp_repr);
  EXPECT_TRUE(err->is_exception);
  ObjType* plain = make_type("Plain", {});
  EXPECT_EQ(plain->tp_hash, rt.types.object->tp_hash);
  EXPECT_EQ(plain->tp_len, nullptr);
  EXPECT_EQ(plain->nb.binary[static_cast<int>(BinaryOp::Add)], nullptr);
}

TEST_F(TypeTest, DunderMethodsFillTheSlotsBuiltinTypesUse) {
  auto out = run(
      "class V:\n"
      "    def __init__(self, x): self.x = x\n"
      "    def __add__(self, o): return V(self.x + o.x)\n"
      "    def __radd__(self, o): return V(self.x + o)\n"
      "    def __len__(self): return self.x\n"
      "    def __eq__(self, o): return isinstance(o, V) and o.x == self.x\n"
      "    def __repr__(self): return 'V(' + str(self.x) + ')'\n"
      "print(V(1) + V(2), 5 + V(1), len(V(4)), bool(V(0)), V(3) == V(3), V(3) != V(4))\n"
      "try:\n    hash(V(1))\nexcept TypeError as e:\n    print(e)\n");
  EXPECT_EQ(out.out, "V(3) V(6) 4 False True True\nunhashable type: 'V'\n");
}

TEST_F(TypeTest, AssigningADunderToAClassUpdatesItsSlot) {
  auto out = run(
      "class C:\n    pass\n"
      "def length(self): return 7\n"
      "C.__len__ = length\n"
      "print(len(C()))\n"
      "del C.__len__\n"
      "try:\n    len(C())\nexcept TypeError as e:\n    print(e)\n");
  EXPECT_EQ(out.out, "7\nobject of type 'C' has no len()\n");
}

TEST_F(TypeTest, TheReflectedOperationOfASubclassComesFirst) {
  auto out = run(
      "class A:\n    def __add__(self, o): return 'A.add'\n    def __radd__(self, o): return 'A.radd'\n"
      "class B(A):\n    def __radd__(self, o): return 'B.radd'\n"
      "print(A() + B(), B() + A())\n");
  EXPECT_EQ(out.out, "B.radd A.add\n");
}

}  // namespace
}  // namespace gil
