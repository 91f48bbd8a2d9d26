// The cycle collector (collector.h): after a collection every registered
// container is reachable from outside the registry (checked by a walk of
// its own, not the collector's), the lists partition the registry and
// their sizes are their lengths, the counts follow CPython's rules, and
// allocations passing the threshold collect through the eval breaker.
#include <gtest/gtest.h>

#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "gil/runtime/collector.h"
#include "gil/runtime/gc.h"
#include "gil/runtime/interpreter.h"
#include "gil/runtime/runtime.h"

namespace gil {
namespace {

// Every registered container, each list walked.
std::vector<GcObj*> registered(Runtime& rt) {
  std::vector<GcObj*> all;
  rt.objects.for_each([&](GcObj* o) { all.push_back(o); });
  return all;
}

// The containers that nothing outside the registry refers to and that no
// such container reaches: what a complete collection must have freed.
// Computed with maps, independently of the collector's fields.
std::vector<GcObj*> unreachable_from_outside(Runtime& rt) {
  std::vector<GcObj*> all = registered(rt);
  std::unordered_set<const Obj*> members(all.begin(), all.end());
  std::unordered_map<const Obj*, int64_t> inside;
  struct Ctx {
    std::unordered_set<const Obj*>* members;
    std::unordered_map<const Obj*, int64_t>* inside;
  } ctx{&members, &inside};
  for (GcObj* o : all)
    gc_traverse(
        rt.types, o,
        [](const Value& v, void* arg) {
          auto* c = static_cast<Ctx*>(arg);
          if (c->members->count(v.as_obj())) ++(*c->inside)[v.as_obj()];
        },
        &ctx);
  std::unordered_set<const Obj*> reached;
  std::vector<GcObj*> work;
  for (GcObj* o : all)
    if (o->refcount > inside[o]) {
      reached.insert(o);
      work.push_back(o);
    }
  struct Walk {
    std::unordered_set<const Obj*>* members;
    std::unordered_set<const Obj*>* reached;
    std::vector<GcObj*>* work;
  } walk{&members, &reached, &work};
  while (!work.empty()) {
    GcObj* o = work.back();
    work.pop_back();
    gc_traverse(
        rt.types, o,
        [](const Value& v, void* arg) {
          auto* w = static_cast<Walk*>(arg);
          Obj* r = v.as_obj();
          if (w->members->count(r) && w->reached->insert(r).second) w->work->push_back(static_cast<GcObj*>(r));
        },
        &walk);
  }
  std::vector<GcObj*> lost;
  for (GcObj* o : all)
    if (!reached.count(o)) lost.push_back(o);
  return lost;
}

// The lists partition the registry: each container is on the list its
// gc_list names, each list's size is its length, and nothing is marked.
void expect_partition(Runtime& rt) {
  size_t total = 0;
  for (int l = 0; l < kGcListCount; ++l) {
    size_t length = 0;
    rt.objects.for_each_in(static_cast<GcList>(l), [&](GcObj* o) {
      ++length;
      EXPECT_EQ(o->gc_list, l);
      EXPECT_EQ(o->registry, &rt.objects);
      EXPECT_EQ(o->gc_flags & (kGcCollecting | kGcTentativelyUnreachable), 0);
    });
    EXPECT_EQ(length, rt.objects.lists[l].size) << "list " << l;
    total += length;
  }
  EXPECT_EQ(rt.objects.lists[kGcUnreachableList].size, 0u);
  EXPECT_EQ(rt.objects.lists[kGcFinalizingList].size, 0u);
  EXPECT_EQ(total, rt.objects.count);
}

struct CollectorTest : ::testing::Test {
  Runtime rt{RuntimeConfig{}};
  // Runs [source] (its globals stay), then takes the GIL for the test.
  void run(const char* source) {
    ASSERT_EQ(run_source(rt, source, "test.py"), 0);
  }
};

TEST_F(CollectorTest, AFullCollectionLeavesOnlyWhatIsReachableFromOutside) {
  run("class Node:\n"
      "    def __init__(self, other=None):\n"
      "        self.other = other\n"
      "kept = []\n"
      "kept.append(kept)\n"
      "for i in range(300):\n"
      "    a = Node()\n"
      "    b = Node(a)\n"
      "    a.other = b\n"
      "    l = [a, {'k': l if i else None}]\n"
      "    l.append(l)\n"
      "    t = (l, [t if i else 0])\n"
      "def f():\n"
      "    return f\n"
      "del a, b, l, t, f\n");
  ThreadState ts{rt};
  rt.gil->acquire(ts);
  EXPECT_FALSE(unreachable_from_outside(rt).empty());
  expect_partition(rt);
  int64_t found = gc_collect(ts, 2);
  EXPECT_GT(found, 0);
  EXPECT_TRUE(unreachable_from_outside(rt).empty());
  expect_partition(rt);
  // Everything survived into the oldest generation; the counts restart.
  EXPECT_EQ(rt.objects.lists[kGen0].size, 0u);
  EXPECT_EQ(rt.objects.lists[kGen1].size, 0u);
  EXPECT_EQ(rt.objects.lists[kGen2].size + rt.objects.lists[kPermanent].size, rt.objects.count);
  for (int g = 0; g < kGenerations; ++g) EXPECT_EQ(rt.objects.lists[g].count, 0) << g;
  EXPECT_EQ(rt.objects.long_lived_total, rt.objects.lists[kGen2].size);
  EXPECT_EQ(gc_collect(ts, 2), 0);
  rt.gil->release(ts);
}

TEST_F(CollectorTest, CountsFollowAllocationsFreesAndCollections) {
  run("x = 1\n");
  ThreadState ts{rt};
  rt.gil->acquire(ts);
  gc_collect(ts, 2);
  EXPECT_EQ(rt.objects.lists[kGen0].count, 0);
  {
    Value a = make_list(ts);
    Value b = make_list(ts);
    EXPECT_EQ(rt.objects.lists[kGen0].count, 2);
    EXPECT_EQ(rt.objects.lists[kGen0].size, 2u);
  }
  // Frees count down, never below zero.
  EXPECT_EQ(rt.objects.lists[kGen0].count, 0);
  EXPECT_EQ(rt.objects.lists[kGen0].size, 0u);
  Value survivor = make_list(ts);
  // A young collection promotes the survivor and counts one in the next
  // generation.
  gc_collect(ts, 0);
  EXPECT_EQ(survivor.as_obj()->gc_list, kGen1);
  EXPECT_EQ(rt.objects.lists[kGen1].count, 1);
  gc_collect(ts, 1);
  EXPECT_EQ(survivor.as_obj()->gc_list, kGen2);
  EXPECT_EQ(rt.objects.lists[kGen1].count, 0);
  EXPECT_EQ(rt.objects.lists[kGen2].count, 1);
  EXPECT_EQ(rt.objects.long_lived_pending, 1u);
  expect_partition(rt);
  rt.gil->release(ts);
}

TEST_F(CollectorTest, AllocationsPastTheThresholdCollectAtASafePoint) {
  // 20,000 cycles, each one unreachable at once: with the collector on,
  // only the last few hundred are still registered at the end.
  run("for i in range(20000):\n"
      "    l = [i]\n"
      "    l.append(l)\n"
      "n = 0\n");
  EXPECT_GT(rt.collector.stats[0].collections, 10);
  EXPECT_LT(rt.objects.count, 5000u);
  expect_partition(rt);
}

TEST_F(CollectorTest, DisabledCollectionWaitsForAnExplicitOne) {
  rt.objects.enabled = false;
  run("for i in range(5000):\n"
      "    l = [i]\n"
      "    l.append(l)\n");
  EXPECT_EQ(rt.collector.stats[0].collections, 0);
  EXPECT_GE(rt.objects.count, 5000u);
  ThreadState ts{rt};
  rt.gil->acquire(ts);
  EXPECT_GE(gc_collect(ts, 2), 5000 - 1);
  EXPECT_TRUE(unreachable_from_outside(rt).empty());
  rt.gil->release(ts);
}

TEST_F(CollectorTest, FinalizersRunOnceAndMayResurrect) {
  run("log = []\n"
      "saved = []\n"
      "class P:\n"
      "    def __del__(self):\n"
      "        log.append('del')\n"
      "        saved.append(self)\n"
      "p = P()\n"
      "p.me = p\n"
      "del p\n");
  ThreadState ts{rt};
  rt.gil->acquire(ts);
  gc_collect(ts, 2);  // runs __del__, which resurrects p
  rt.gil->release(ts);
  ASSERT_EQ(run_source(rt, "assert log == ['del'] and len(saved) == 1\nsaved.clear()\n", "t2.py"), 0);
  rt.gil->acquire(ts);
  EXPECT_GT(gc_collect(ts, 2), 0);
  rt.gil->release(ts);
  ASSERT_EQ(run_source(rt, "assert log == ['del']\n", "t3.py"), 0);
  rt.gil->acquire(ts);
  EXPECT_TRUE(unreachable_from_outside(rt).empty());
  rt.gil->release(ts);
}

}  // namespace
}  // namespace gil
