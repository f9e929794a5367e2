#ifndef CSQLITECONFIGURATION_H
#define CSQLITECONFIGURATION_H

/// Configures SQLite for a process whose every connection GRDB uses from one thread at a time:
///
/// - multi-thread mode (`SQLITE_CONFIG_MULTITHREAD`): connections keep no mutex of their own;
/// - no memory statistics (`SQLITE_CONFIG_MEMSTATUS` off): an allocation does not take the
///   library-wide mutex to count itself. (`sqlite3_memory_used` and a soft heap limit then
///   have no figures to go by; nothing here uses them.)
///
/// Must come before SQLite is first used in the process. Returns SQLite's result code, the first
/// that is not `SQLITE_OK`: `SQLITE_MISUSE` if it comes later, and the library is then left
/// as it was.
///
/// In C because `sqlite3_config` is variadic, which Swift cannot call.
int citydip_sqlite_configure(void);

#endif
