#ifndef CHEAPINFO_H
#define CHEAPINFO_H
#include <stddef.h>

/// The process's resident set size in bytes (Linux: /proc/self/statm; 0 elsewhere).
///
/// Used for memory per live stub: the delta over creating a million stubs is what they really
/// cost, allocator overhead and the benchmark's malloc interposer headers included. (glibc's
/// mallinfo2 counts the main arena only, and benchmarks run on another thread's arena.)
size_t cheapinfo_resident_bytes(void);

#endif
