// list.sort and sorted(): timsort, as CPython 3.11's Objects/listobject.c
// runs it.
//
// A program sees a sort through its comparisons: a class whose __lt__ prints
// or counts must see the same calls, in the same order, as under CPython.
// So this is the same algorithm, step for step, written from the ideas of
// CPython's listsort.txt:
//
// - The array is cut into natural runs: a strictly descending run is
//   reversed in place (strictly, so stability survives), an ascending one is
//   kept. A run shorter than minrun is extended to minrun items by binary
//   insertion sort. minrun is taken from the top six bits of n, plus one if
//   any lower bit is set, so that n / minrun is a power of two or just below.
// - Runs wait on a stack and are merged by powersort's rule (CPython 3.11):
//   each boundary between two runs gets a "power", the depth of the node in
//   a perfectly balanced merge tree at which the two runs would meet, and
//   runs whose boundary is deeper than the new one are merged first.
// - A merge first gallops to skip the prefix of the left run that is already
//   in place and the suffix of the right one, then copies the shorter run
//   aside and merges from the short side (merge_lo from the left, merge_hi
//   from the right). While one side keeps winning, it switches to galloping
//   (exponential then binary search) and back; min_gallop adapts to how
//   well galloping paid.
//
// Every comparison is `a < b` (rich_compare with Lt), never `>` or `==`.
// When one raises, every item is back in the array (the merge's temporary
// copy is written back) before the exception leaves, so the list stays a
// permutation of what it held.
#include <algorithm>
#include <utility>
#include <vector>

#include "gil/runtime/builtins.h"
#include "gil/runtime/errors.h"
#include "gil/runtime/ops.h"
#include "gil/runtime/runtime.h"
#include "gil/runtime/vm.h"

namespace gil {

namespace {

// What is sorted: the key compared, and the item it belongs to (Empty when
// the items are their own keys).
struct Entry {
  Value key;
  Value item;
};

// Runs shorter than this have no galloping worth starting (listsort.txt).
constexpr int kMinGallop = 7;

class MergeState {
 public:
  MergeState(ThreadState& ts, std::vector<Entry>& a) : ts_(ts), a_(a) {}

  void sort() {
    const size_t n = a_.size();
    if (n < 2) return;
    size_t lo = 0, remaining = n;
    const size_t minrun = compute_minrun(n);
    while (remaining > 0) {
      bool descending = false;
      size_t run = count_run(lo, lo + remaining, descending);
      if (descending) std::reverse(a_.begin() + static_cast<ptrdiff_t>(lo), a_.begin() + static_cast<ptrdiff_t>(lo + run));
      if (run < minrun) {
        const size_t force = remaining <= minrun ? remaining : minrun;
        binary_insertion_sort(lo, lo + force, lo + run);
        run = force;
      }
      found_new_run(run);
      pending_.push_back({lo, run, 0});
      lo += run;
      remaining -= run;
    }
    force_collapse();
  }

 private:
  struct Run {
    size_t base, len;
    int power;
  };

  bool lt(const Value& a, const Value& b) { return less_than(ts_, a, b); }

  static size_t compute_minrun(size_t n) {
    size_t r = 0;
    while (n >= 64) {
      r |= n & 1;
      n >>= 1;
    }
    return n + r;
  }

  // The length of the run starting at [lo], at most up to [hi]: ascending
  // (a[i] <= a[i+1]) or strictly descending.
  size_t count_run(size_t lo, size_t hi, bool& descending) {
    descending = false;
    if (lo + 1 == hi) return 1;
    size_t n = 2;
    size_t i = lo + 1;
    if (lt(a_[i].key, a_[i - 1].key)) {
      descending = true;
      for (++i; i < hi; ++i, ++n)
        if (!lt(a_[i].key, a_[i - 1].key)) break;
    } else {
      for (++i; i < hi; ++i, ++n)
        if (lt(a_[i].key, a_[i - 1].key)) break;
    }
    return n;
  }

  // [lo, start) is sorted; inserts each of [start, hi) by binary search,
  // after any equal items (stability).
  void binary_insertion_sort(size_t lo, size_t hi, size_t start) {
    if (lo == start) ++start;
    for (; start < hi; ++start) {
      size_t l = lo, r = start;
      const Value& pivot = a_[start].key;
      do {
        size_t p = l + ((r - l) >> 1);
        if (lt(pivot, a_[p].key))
          r = p;
        else
          l = p + 1;
      } while (l < r);
      Entry moving = std::move(a_[start]);
      for (size_t k = start; k > l; --k) a_[k] = std::move(a_[k - 1]);
      a_[l] = std::move(moving);
    }
  }

  // The depth at which the run [s1, s1+n1) and the one after it (n2 long)
  // meet in a balanced merge tree over n items: the first bit where the
  // binary fractions of their midpoints over n differ.
  int power_of(size_t s1, size_t n1, size_t n2) const {
    const size_t n = a_.size();
    int result = 0;
    size_t a = 2 * s1 + n1;
    size_t b = a + n1 + n2;
    for (;;) {
      ++result;
      if (a >= n) {
        a -= n;
        b -= n;
      } else if (b >= n) {
        break;
      }
      a <<= 1;
      b <<= 1;
    }
    return result;
  }

  void found_new_run(size_t n2) {
    if (pending_.empty()) return;
    const Run& last = pending_.back();
    int power = power_of(last.base, last.len, n2);
    while (pending_.size() > 1 && pending_[pending_.size() - 2].power > power) merge_at(pending_.size() - 2);
    pending_.back().power = power;
  }

  void force_collapse() {
    while (pending_.size() > 1) {
      size_t n = pending_.size() - 2;
      if (n > 0 && pending_[n - 1].len < pending_[n + 1].len) --n;
      merge_at(n);
    }
  }

  // Where [key] goes in the sorted a[base, base+n): the leftmost position
  // (before equal items), searched outward from base+hint.
  size_t gallop_left(const Value& key, const Entry* a, size_t n, size_t hint) {
    size_t lastofs = 0, ofs = 1;
    if (lt(a[hint].key, key)) {
      // a[hint] < key: gallop right until a[hint+lastofs] < key <= a[hint+ofs].
      const size_t maxofs = n - hint;
      while (ofs < maxofs) {
        if (!lt(a[hint + ofs].key, key)) break;
        lastofs = ofs;
        ofs = (ofs << 1) + 1;
      }
      if (ofs > maxofs) ofs = maxofs;
      lastofs += hint;
      ofs += hint;
    } else {
      // key <= a[hint]: gallop left until a[hint-ofs] < key <= a[hint-lastofs].
      const size_t maxofs = hint + 1;
      while (ofs < maxofs) {
        if (lt(a[hint - ofs].key, key)) break;
        lastofs = ofs;
        ofs = (ofs << 1) + 1;
      }
      if (ofs > maxofs) ofs = maxofs;
      size_t k = lastofs;
      lastofs = hint - ofs;  // may be "-1": wraps, and the ++ below brings it back
      ofs = hint - k;
    }
    // a[lastofs] < key <= a[ofs]: binary search in between.
    ++lastofs;
    while (lastofs < ofs) {
      size_t m = lastofs + ((ofs - lastofs) >> 1);
      if (lt(a[m].key, key))
        lastofs = m + 1;
      else
        ofs = m;
    }
    return ofs;
  }

  // As gallop_left, but the rightmost position (after equal items).
  size_t gallop_right(const Value& key, const Entry* a, size_t n, size_t hint) {
    size_t lastofs = 0, ofs = 1;
    if (lt(key, a[hint].key)) {
      // key < a[hint]: gallop left until a[hint-ofs] <= key < a[hint-lastofs].
      const size_t maxofs = hint + 1;
      while (ofs < maxofs) {
        if (!lt(key, a[hint - ofs].key)) break;
        lastofs = ofs;
        ofs = (ofs << 1) + 1;
      }
      if (ofs > maxofs) ofs = maxofs;
      size_t k = lastofs;
      lastofs = hint - ofs;
      ofs = hint - k;
    } else {
      // a[hint] <= key: gallop right until a[hint+lastofs] <= key < a[hint+ofs].
      const size_t maxofs = n - hint;
      while (ofs < maxofs) {
        if (lt(key, a[hint + ofs].key)) break;
        lastofs = ofs;
        ofs = (ofs << 1) + 1;
      }
      if (ofs > maxofs) ofs = maxofs;
      lastofs += hint;
      ofs += hint;
    }
    ++lastofs;
    while (lastofs < ofs) {
      size_t m = lastofs + ((ofs - lastofs) >> 1);
      if (lt(key, a[m].key))
        ofs = m;
      else
        lastofs = m + 1;
    }
    return ofs;
  }

  // Merges the runs at i and i+1 of the stack.
  void merge_at(size_t i) {
    size_t base_a = pending_[i].base, na = pending_[i].len;
    size_t base_b = pending_[i + 1].base, nb = pending_[i + 1].len;
    pending_[i].len = na + nb;
    pending_.erase(pending_.begin() + static_cast<ptrdiff_t>(i) + 1);
    // Items of a before where b's first item goes are already in place.
    size_t k = gallop_right(a_[base_b].key, &a_[base_a], na, 0);
    base_a += k;
    na -= k;
    if (na == 0) return;
    // Items of b after where a's last item goes are too.
    nb = gallop_left(a_[base_a + na - 1].key, &a_[base_b], nb, nb - 1);
    if (nb == 0) return;
    if (na <= nb)
      merge_lo(base_a, na, base_b, nb);
    else
      merge_hi(base_a, na, base_b, nb);
  }

  // Merges a (na items at pa) with the b that follows it (nb items at pb),
  // na <= nb, from the left, a copied aside. a[0] > b[0] and a's last is
  // greater than every b (merge_at's gallops made it so).
  void merge_lo(size_t pa, size_t na, size_t pb, size_t nb) {
    tmp_.clear();
    for (size_t i = 0; i < na; ++i) tmp_.push_back(std::move(a_[pa + i]));
    size_t dest = pa, ta = 0;
    // Wherever we stop, the rest of a goes back in after dest: the array
    // holds every item again even when a comparison raised.
    struct WriteBack {
      MergeState& s;
      size_t& dest;
      size_t& ta;
      size_t& na;
      ~WriteBack() {
        for (size_t i = 0; i < na; ++i) s.a_[dest + i] = std::move(s.tmp_[ta + i]);
      }
    } write_back{*this, dest, ta, na};
    a_[dest++] = std::move(a_[pb++]);
    if (--nb == 0) return;
    if (na == 1) return copy_b_lo(dest, pb, nb, ta, na);
    int min_gallop = min_gallop_;
    for (;;) {
      size_t acount = 0, bcount = 0;
      // One at a time until one side wins min_gallop times in a row.
      for (;;) {
        if (lt(a_[pb].key, tmp_[ta].key)) {
          a_[dest++] = std::move(a_[pb++]);
          ++bcount;
          acount = 0;
          if (--nb == 0) return;
          if (bcount >= static_cast<size_t>(min_gallop)) break;
        } else {
          a_[dest++] = std::move(tmp_[ta++]);
          ++acount;
          bcount = 0;
          if (--na == 1) return copy_b_lo(dest, pb, nb, ta, na);
          if (acount >= static_cast<size_t>(min_gallop)) break;
        }
      }
      // Galloping, while it keeps paying.
      ++min_gallop;
      do {
        min_gallop -= min_gallop > 1;
        min_gallop_ = min_gallop;
        size_t k = gallop_right(a_[pb].key, &tmp_[ta], na, 0);
        acount = k;
        if (k) {
          for (size_t i = 0; i < k; ++i) a_[dest++] = std::move(tmp_[ta++]);
          na -= k;
          if (na == 1) return copy_b_lo(dest, pb, nb, ta, na);
          // Only with a comparison that is not a total order.
          if (na == 0) return;
        }
        a_[dest++] = std::move(a_[pb++]);
        if (--nb == 0) return;
        k = gallop_left(tmp_[ta].key, &a_[pb], nb, 0);
        bcount = k;
        if (k) {
          for (size_t i = 0; i < k; ++i) a_[dest++] = std::move(a_[pb++]);
          nb -= k;
          if (nb == 0) return;
        }
        a_[dest++] = std::move(tmp_[ta++]);
        if (--na == 1) return copy_b_lo(dest, pb, nb, ta, na);
      } while (acount >= kMinGallop || bcount >= kMinGallop);
      ++min_gallop;  // leaving galloping mode costs
      min_gallop_ = min_gallop;
    }
  }

  // merge_lo's end with one item of a left: the rest of b, then that item.
  void copy_b_lo(size_t& dest, size_t pb, size_t nb, size_t& ta, size_t& na) {
    for (size_t i = 0; i < nb; ++i) a_[dest++] = std::move(a_[pb++]);
    a_[dest++] = std::move(tmp_[ta++]);
    na = 0;
  }

  // The mirror of merge_lo for na >= nb: b copied aside, merged from the
  // right end.
  void merge_hi(size_t pa, size_t na, size_t pb, size_t nb) {
    tmp_.clear();
    for (size_t i = 0; i < nb; ++i) tmp_.push_back(std::move(a_[pb + i]));
    // Indexes are one past the item they name, so they never go below 0.
    size_t dest = pb + nb;  // the next free slot is dest - 1
    size_t ia = pa + na;    // a's last remaining item is ia - 1
    size_t tb = nb;         // b's last remaining item is tmp_[tb - 1]
    struct WriteBack {
      MergeState& s;
      size_t& dest;
      size_t& tb;
      size_t& nb;
      ~WriteBack() {
        for (size_t i = 0; i < nb; ++i) s.a_[dest - nb + i] = std::move(s.tmp_[tb - nb + i]);
      }
    } write_back{*this, dest, tb, nb};
    a_[--dest] = std::move(a_[--ia]);
    if (--na == 0) return;
    if (nb == 1) return copy_a_hi(dest, ia, na, tb, nb);
    int min_gallop = min_gallop_;
    for (;;) {
      size_t acount = 0, bcount = 0;
      for (;;) {
        if (lt(tmp_[tb - 1].key, a_[ia - 1].key)) {
          a_[--dest] = std::move(a_[--ia]);
          ++acount;
          bcount = 0;
          if (--na == 0) return;
          if (acount >= static_cast<size_t>(min_gallop)) break;
        } else {
          a_[--dest] = std::move(tmp_[--tb]);
          ++bcount;
          acount = 0;
          if (--nb == 1) return copy_a_hi(dest, ia, na, tb, nb);
          if (bcount >= static_cast<size_t>(min_gallop)) break;
        }
      }
      ++min_gallop;
      do {
        min_gallop -= min_gallop > 1;
        min_gallop_ = min_gallop;
        size_t k = na - gallop_right(tmp_[tb - 1].key, &a_[pa], na, na - 1);
        acount = k;
        if (k) {
          for (size_t i = 0; i < k; ++i) a_[--dest] = std::move(a_[--ia]);
          na -= k;
          if (na == 0) return;
        }
        a_[--dest] = std::move(tmp_[--tb]);
        if (--nb == 1) return copy_a_hi(dest, ia, na, tb, nb);
        k = nb - gallop_left(a_[ia - 1].key, &tmp_[tb - nb], nb, nb - 1);
        bcount = k;
        if (k) {
          for (size_t i = 0; i < k; ++i) a_[--dest] = std::move(tmp_[--tb]);
          nb -= k;
          if (nb == 1) return copy_a_hi(dest, ia, na, tb, nb);
          if (nb == 0) return;
        }
        a_[--dest] = std::move(a_[--ia]);
        if (--na == 0) return;
      } while (acount >= kMinGallop || bcount >= kMinGallop);
      ++min_gallop;
      min_gallop_ = min_gallop;
    }
  }

  // merge_hi's end with one item of b left: the rest of a moves right, and
  // that item goes first.
  void copy_a_hi(size_t& dest, size_t ia, size_t na, size_t& tb, size_t& nb) {
    for (size_t i = 0; i < na; ++i) a_[--dest] = std::move(a_[--ia]);
    a_[--dest] = std::move(tmp_[--tb]);
    nb = 0;
  }

  ThreadState& ts_;
  std::vector<Entry>& a_;
  std::vector<Entry> tmp_;
  std::vector<Run> pending_;
  int min_gallop_ = kMinGallop;
};

}  // namespace

void sort_values(ThreadState& ts, std::vector<Value>& items, const Value* key, bool reverse) {
  const bool keyed = key && !key->is_none();
  std::vector<Entry> entries;
  entries.reserve(items.size());
  if (keyed) {
    // Every key first, in order, once per item; a key that raises leaves
    // the items as they were.
    for (const Value& item : items) {
      Value arg = item;
      entries.push_back({call(ts, *key, &arg, 1), Value()});
    }
    for (size_t i = 0; i < items.size(); ++i) entries[i].item = std::move(items[i]);
  } else {
    for (Value& item : items) entries.push_back({std::move(item), Value()});
  }
  // A reverse sort is the forward sort of the reversed items, reversed
  // back: equal items keep their order.
  if (reverse) std::reverse(entries.begin(), entries.end());
  struct PutBack {
    std::vector<Entry>& entries;
    std::vector<Value>& items;
    bool keyed, reverse;
    ~PutBack() {
      if (reverse) std::reverse(entries.begin(), entries.end());
      for (size_t i = 0; i < entries.size(); ++i) items[i] = std::move(keyed ? entries[i].item : entries[i].key);
    }
  } put_back{entries, items, keyed, reverse};
  MergeState(ts, entries).sort();
}

}  // namespace gil
