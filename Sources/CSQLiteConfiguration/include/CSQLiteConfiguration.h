#ifndef CSQLITECONFIGURATION_H
#define CSQLITECONFIGURATION_H

/// Turns SQLite's memory statistics off (`SQLITE_CONFIG_MEMSTATUS`): with them on, every
/// allocation SQLite makes takes a library-wide mutex to count itself. (`sqlite3_memory_used`
/// and a soft heap limit then have no figures to go by; nothing in this project uses them.)
///
/// Must come before SQLite is first used in the process, while no other thread uses it.
/// Returns SQLite's result code: `SQLITE_MISUSE` if it comes later, and the library is then
/// left as it was.
///
/// In C because `sqlite3_config` is variadic, which Swift cannot call.
int citydip_sqlite_configure(void);

#endif
