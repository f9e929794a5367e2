/// The largest file an import reads, and the widest: checked before any work starts, so that a
/// file beyond them is refused at once with a message saying which limit it passes, rather than
/// taking the machine's memory.
///
/// An import holds the file, its rows and its places in memory at once: up to about 16 times the
/// file's size for a table of many short fields (a million relations, 77 MB of CSV, peak at
/// 1.75 GB). The limits keep that under about 2 GB; the README states them.
///
/// ```swift
/// ImportLimits.maximumFileBytes   // 134_217_728 (128 MiB)
/// ImportLimits.maximumColumns     // 256
/// ```
public enum ImportLimits {
    /// 128 MiB: some 1.6 million relations of the Wikipedia scrape's columns.
    public static let maximumFileBytes = 128 << 20
    /// Columns of a delimited file's header: the canonical fields are 15; a file of hundreds is
    /// an export of something else, or a file read with the wrong delimiter.
    public static let maximumColumns = 256
    /// 1 MiB: no real field is this long; a quote left open often makes one.
    public static let maximumFieldBytes = 1 << 20
}
