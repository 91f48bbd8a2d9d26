// Thread-safety annotations (abseil style). Under clang with
// -Wthread-safety they are checked; under g++ they document and compile away.
#pragma once

#if defined(__clang__)
#define GIL_THREAD_ANNOTATION(x) __attribute__((x))
#else
#define GIL_THREAD_ANNOTATION(x)
#endif

// The member is read and written only with [mutex] held.
#define GIL_GUARDED_BY(mutex) GIL_THREAD_ANNOTATION(guarded_by(mutex))
// The function must be called with [mutex] held.
#define GIL_REQUIRES(...) GIL_THREAD_ANNOTATION(requires_capability(__VA_ARGS__))
// The function must be called without [mutex] held.
#define GIL_EXCLUDES(...) GIL_THREAD_ANNOTATION(locks_excluded(__VA_ARGS__))
