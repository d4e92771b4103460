#ifndef CHEAPINFO_H
#define CHEAPINFO_H
#include <stddef.h>

/// Bytes the C allocator has handed out and not taken back (glibc: mallinfo2().uordblks;
/// 0 where it is not available).
size_t cheapinfo_in_use(void);

#endif
