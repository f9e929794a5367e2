import CityDiplomacyImport
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
/// of its CPU time in page faults (of 28 s). glibc's malloc (2.35 and later) asks for large pages
/// itself once its `glibc.malloc.hugetlb=1` tunable is set (it advises `MADV_HUGEPAGE` for every
/// region it maps and for its heap as it grows); tunables are read only as a process starts, so
/// the import starts itself again with it set, before it has read or opened anything. In ten
/// alternating pairs on this project's machine (2026-12-04) that import took 12.2–14.9 s rather
/// than 13.3–17.0 s, faster in nine, its system time 3.6–4.4 s rather than 4.3–5.9 s, its peak
/// memory the same (1.45–1.48 GB); the 250,000-row file and the Wikipedia file were as fast either
/// way, within the machine's noise, so a file smaller than ``minimumFileSize`` is not worth the
/// second start (some 10 ms).
///
/// Nothing changes but where the memory comes from: the same code runs on the same file, with
/// the same arguments, working folder and open files. The start again is skipped where it cannot
/// help or might not start citydip: not Linux with glibc 2.35 or later; the kernel giving large
/// pages always or never; the tunable already set by the user, either way (so
/// `GLIBC_TUNABLES=glibc.malloc.hugetlb=0` turns this off); a file too large to import at all;
/// citydip run by the dynamic loader named as the program (`ld-linux… citydip import …`) or
/// under a tool that is the process's program (valgrind), where `/proc/self/exe` is not citydip;
/// or this process being the one started again (`CITYDIP_RESTARTED_FOR_PAGES` in its
/// environment, so that a system that ignores the tunable, as glibc does for a set-user-id
/// program, cannot start it again and again; setting it turns this off too). Should `execve`
/// fail, the import goes on in this process, its environment untouched.
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
        let file = (path as NSString).expandingTildeInPath
        guard glibcKnowsTheTunable(version: glibcVersion()), programIsCitydip(),
              let tunables = tunables(
                  restarted: getenv(restartedMarker) != nil,
                  fileSize: (try? FileManager.default.attributesOfItem(atPath: file))?[.size] as? Int,
                  kernelSetting: try? String(contentsOfFile: "/sys/kernel/mm/transparent_hugepage/enabled", encoding: .utf8),
                  existing: existing)
        else { return }
        // The new environment is built apart, not set in this one: other threads may be reading
        // it. Its entries and the arguments are passed on as the process was given them, byte for
        // byte: made into Swift strings, bytes that are not UTF-8 (a file named in Latin-1) would
        // come back otherwise.
        var environment: [UnsafeMutablePointer<CChar>?] = []
        var entry: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = environ
        while let current = entry, let variable = current.pointee {
            if keeps(variable) { environment.append(variable) }
            entry = current + 1
        }
        let added = additions(tunables: tunables).map { strdup($0) }
        defer { for copy in added { free(copy) } }
        environment += added + [nil]
        // Nothing is buffered yet; should that change, it goes out before the image is replaced.
        fflush(nil)
        // This thread, one of Dispatch's, blocks the signals a process is sent, and the new image
        // would start with them blocked until its main thread waits: Ctrl-C is kept waiting.
        var signals = sigset_t()
        var blocked = sigset_t()
        sigemptyset(&signals)
        pthread_sigmask(SIG_SETMASK, &signals, &blocked)
        environment.withUnsafeBufferPointer { envp in
            _ = execve("/proc/self/exe", CommandLine.unsafeArgv, envp.baseAddress!)
        }
        // Not started again: the import goes on here, its signals as they were.
        pthread_sigmask(SIG_SETMASK, &blocked, nil)
        #endif
    }

    /// The `GLIBC_TUNABLES` to start again with, `existing` and the large pages; `nil` where
    /// starting again is not worthwhile: this process is the one started again, the file is
    /// smaller than ``minimumFileSize``, larger than an import reads
    /// (``ImportLimits/maximumFileBytes``: it is refused at once) or cannot be looked at (the
    /// import will say why), the kernel gives large pages always or never rather than on advice
    /// (`kernelSetting`, as `/sys/kernel/mm/transparent_hugepage/enabled` writes it, the one in
    /// use in brackets), or the user has set the tunable, either way.
    static func tunables(restarted: Bool, fileSize: Int?, kernelSetting: String?, existing: String?) -> String? {
        guard !restarted, let fileSize, fileSize >= minimumFileSize, fileSize <= ImportLimits.maximumFileBytes,
              kernelSetting?.contains("[madvise]") == true, existing?.contains("glibc.malloc.hugetlb") != true
        else { return nil }
        guard let existing, !existing.isEmpty else { return tunable }
        return "\(existing):\(tunable)"
    }

    /// Whether the environment's entry `entry` (`NAME=value`) goes unchanged to the process
    /// started again: all but the tunables and the marker, which ``additions(tunables:)`` give.
    static func keeps(_ entry: UnsafePointer<CChar>) -> Bool {
        let replaced: [String] = ["GLIBC_TUNABLES=", restartedMarker + "="]
        return !replaced.contains { name in name.withCString { strncmp(entry, $0, strlen($0)) == 0 } }
    }

    /// The entries the process started again gets beside those it keeps: `GLIBC_TUNABLES` set to
    /// `tunables`, and the marker of a process started again.
    static func additions(tunables: String) -> [String] {
        ["GLIBC_TUNABLES=\(tunables)", "\(restartedMarker)=1"]
    }

    /// Whether glibc of `version` (`gnu_get_libc_version()`, "2.36") reads the tunable: 2.35 and later.
    static func glibcKnowsTheTunable(version: String) -> Bool {
        let parts = version.split(separator: ".").prefix(2).map { Int($0) }
        guard parts.count == 2, let major = parts[0], let minor = parts[1] else { return false }
        return (major, minor) >= (2, 35)
    }

    #if os(Linux) && canImport(Glibc)
    /// The version of the glibc this process runs with ("2.36"), as `confstr` gives it.
    private static func glibcVersion() -> String {
        var buffer = [CChar](repeating: 0, count: 64)
        guard confstr(Int32(_CS_GNU_LIBC_VERSION), &buffer, buffer.count) > 0 else { return "" }
        // "glibc 2.36"
        return String(cString: buffer).split(separator: " ").last.map(String.init) ?? ""
    }

    /// Whether `/proc/self/exe`, which the process starts again, is the program the system started:
    /// not when the dynamic loader was named as the program (then no loader was mapped beside it,
    /// `AT_BASE` 0, and `/proc/self/exe` is the loader), nor under a tool that runs citydip
    /// inside its own process (`/proc/self/exe` the tool, the path the system was given citydip's).
    /// Read from `/proc/self/auxv`, the values the kernel gave the process as it started (Swift's
    /// Glibc module has no `getauxval`).
    private static func programIsCitydip() -> Bool {
        // <elf.h>: the loader's address, and the path the program was started by.
        let atBase: UInt = 7, atExecFN: UInt = 31
        guard let auxv = FileManager.default.contents(atPath: "/proc/self/auxv") else { return false }
        var values: [UInt: UInt] = [:]
        auxv.withUnsafeBytes { bytes in
            let pairs = bytes.count / (2 * MemoryLayout<UInt>.size)
            for index in 0..<pairs {
                let key = bytes.loadUnaligned(fromByteOffset: 2 * index * MemoryLayout<UInt>.size, as: UInt.self)
                values[key] = bytes.loadUnaligned(fromByteOffset: (2 * index + 1) * MemoryLayout<UInt>.size, as: UInt.self)
            }
        }
        guard let base = values[atBase], base != 0,
              let given = values[atExecFN].flatMap({ UnsafePointer<CChar>(bitPattern: $0) }),
              let program = realpath(given, nil)
        else { return false }
        defer { free(program) }
        guard let running = realpath("/proc/self/exe", nil) else { return false }
        defer { free(running) }
        return strcmp(program, running) == 0
    }

    #endif
}
