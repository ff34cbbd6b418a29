#ifndef CBOARDSYSTEM_H
#define CBOARDSYSTEM_H

/// Flushes the whole file system that holds `fd` (Linux `syncfs`): one call makes a batch
/// of files durable instead of one `fsync` per file. Returns 0, or -1 with errno set.
int board_syncfs(int fd);

/// Renames without replacing an existing target (Linux `renameat2(RENAME_NOREPLACE)`).
/// Returns 0, or -1 with errno set (EEXIST when the target exists, EINVAL/ENOSYS when the
/// file system or kernel cannot do it).
int board_rename_noreplace(const char *from, const char *to);

#endif
