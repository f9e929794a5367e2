import Foundation
#if os(Linux) && canImport(Glibc)
import Glibc
#endif

/// A large import's memory in pages of 2 MiB rather than 4 KiB, where Linux gives them only to
/// memory that asks (`transparent_hugepage` set to `madvise`, as Debian ships it).
///
/// An import of a million rows allocates and touches some 1.5 GB, most of it fresh: every 4 KiB
/// page is a fault, its zeroing, and on a virtual machine whose host backs the guest's memory
/// lazily, a fault of the host's too. Perf of the 1,000,000-row synthetic import counted 3.2 s
/// of its CPU time in page faults (of 28 s). glibc's malloc asks for large pages itself once its
/// `glibc.malloc.hugetlb=1` tunable is set (it advises `MADV_HUGEPAGE` for every region it maps and
/// for its heap as it grows); tunables are read only as a process starts, so the import starts
/// itself again with it set, before it has read anything. With it, in six alternating pairs on
/// this project's machine (2026-12-04), that import took 12.2–14.9 s rather than 13.3–17.0 s,
/// faster in every pair, its system time 3.6–4.2 s rather than 4.3–5.6 s, its peak memory the
/// same (1.45–1.48 GB); the 250,000-row file and the Wikipedia file were as fast either way,
/// within the machine's noise, so a file smaller than ``minimumFileSize`` is not worth the
/// second start (some 10 ms).
///
/// Nothing changes but where the memory comes from: the same code runs on the same file. The
/// start again is skipped where it cannot help or is not wanted: not Linux with glibc, the
/// kernel giving large pages always or never, the tunable already set by the user (whose own
/// setting wins), or this process being the one started again (`CITYDIP_RESTARTED_FOR_PAGES`,
/// so that a system that ignores the tunable, as glibc does for a set-user-id program, cannot
/// start it again and again). Should `execv` fail, the import goes on in this process.
enum TransparentHugePages {
    /// Files from this size (32 MiB, about 400,000 rows of the Wikipedia scrape's columns).
    static let minimumFileSize = 32 << 20

    static let tunable = "glibc.malloc.hugetlb=1"
    static let restartedMarker = "CITYDIP_RESTARTED_FOR_PAGES"

    /// Starts this process again with glibc's large pages for its memory, if importing the file
    /// at `path` is large enough to gain from them and the system would give them; returns only
    /// where it does not.
    static func restartIfWorthwhile(importing path: String) {
        #if os(Linux) && canImport(Glibc)
        let existing = getenv("GLIBC_TUNABLES").map { String(cString: $0) }
        guard let tunables = tunables(
            restarted: getenv(restartedMarker) != nil,
            fileSize: (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int,
            kernelSetting: try? String(contentsOfFile: "/sys/kernel/mm/transparent_hugepage/enabled", encoding: .utf8),
            existing: existing)
        else { return }
        setenv("GLIBC_TUNABLES", tunables, 1)
        setenv(restartedMarker, "1", 1)
        execv("/proc/self/exe", CommandLine.unsafeArgv)
        // Not started again: the environment as it was, and the import here.
        if let existing { setenv("GLIBC_TUNABLES", existing, 1) } else { unsetenv("GLIBC_TUNABLES") }
        unsetenv(restartedMarker)
        #endif
    }

    /// The `GLIBC_TUNABLES` to start again with, `existing` and the large pages; `nil` where
    /// starting again is not worthwhile: this process is the one started again, the file is
    /// smaller than ``minimumFileSize`` (or cannot be looked at: the import will say why), the
    /// kernel gives large pages always or never rather than on advice (`kernelSetting`, as
    /// `/sys/kernel/mm/transparent_hugepage/enabled` writes it, the one in use in brackets), or
    /// the user has set the tunable, either way.
    static func tunables(restarted: Bool, fileSize: Int?, kernelSetting: String?, existing: String?) -> String? {
        guard !restarted, let fileSize, fileSize >= minimumFileSize, kernelSetting?.contains("[madvise]") == true,
              existing?.contains("glibc.malloc.hugetlb") != true
        else { return nil }
        guard let existing, !existing.isEmpty else { return tunable }
        return "\(existing):\(tunable)"
    }
}
