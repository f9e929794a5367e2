#include "CSQLiteConfiguration.h"
#include <sqlite3.h>

int citydip_sqlite_configure(void) {
    return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}
