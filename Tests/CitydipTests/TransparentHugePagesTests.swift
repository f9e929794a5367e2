import CityDiplomacyImport
import Testing
@testable import citydip

@Suite("A large import's start again with large pages: when, and with which tunables")
struct TransparentHugePagesTests {
    let madvise = "always [madvise] never\n"
    let large = TransparentHugePages.minimumFileSize

    @Test("a large file, a kernel that gives large pages on advice, no tunables: the tunable alone")
    func startsAgain() {
        #expect(TransparentHugePages.tunables(restarted: false, fileSize: large, kernelSetting: madvise, existing: nil) == "glibc.malloc.hugetlb=1")
        #expect(TransparentHugePages.tunables(restarted: false, fileSize: large, kernelSetting: madvise, existing: "") == "glibc.malloc.hugetlb=1")
    }

    @Test("the user's other tunables are kept, before the large pages")
    func keepsTheUsersTunables() {
        #expect(TransparentHugePages.tunables(restarted: false, fileSize: large * 2, kernelSetting: madvise, existing: "glibc.malloc.arena_max=2")
                == "glibc.malloc.arena_max=2:glibc.malloc.hugetlb=1")
    }

    @Test("no start again: once started again, a small or missing file, large pages always or never, the user's own setting")
    func staysWhereUseless() {
        #expect(TransparentHugePages.tunables(restarted: true, fileSize: large, kernelSetting: madvise, existing: nil) == nil)
        #expect(TransparentHugePages.tunables(restarted: false, fileSize: large - 1, kernelSetting: madvise, existing: nil) == nil)
        #expect(TransparentHugePages.tunables(restarted: false, fileSize: nil, kernelSetting: madvise, existing: nil) == nil)
        #expect(TransparentHugePages.tunables(restarted: false, fileSize: large, kernelSetting: "[always] madvise never", existing: nil) == nil)
        #expect(TransparentHugePages.tunables(restarted: false, fileSize: large, kernelSetting: "always madvise [never]", existing: nil) == nil)
        #expect(TransparentHugePages.tunables(restarted: false, fileSize: large, kernelSetting: nil, existing: nil) == nil)
        #expect(TransparentHugePages.tunables(restarted: false, fileSize: large, kernelSetting: madvise, existing: "glibc.malloc.hugetlb=0") == nil)
        // Larger than an import reads: refused at once, without a second start.
        #expect(TransparentHugePages.tunables(restarted: false, fileSize: ImportLimits.maximumFileBytes, kernelSetting: madvise, existing: nil) != nil)
        #expect(TransparentHugePages.tunables(restarted: false, fileSize: ImportLimits.maximumFileBytes + 1, kernelSetting: madvise, existing: nil) == nil)
    }

    @Test("the environment started again: the tunables set, the marker added, every other entry kept in its place")
    func environment() {
        let current = ["PATH=/usr/bin", "GLIBC_TUNABLES=glibc.malloc.arena_max=2", "CITYDIP_DB=/tmp/r.sqlite", "GLIBC_TUNABLES_X=1", "EMPTY="]
        #expect(TransparentHugePages.environment(current, tunables: "glibc.malloc.arena_max=2:glibc.malloc.hugetlb=1") == [
            "PATH=/usr/bin", "CITYDIP_DB=/tmp/r.sqlite", "GLIBC_TUNABLES_X=1", "EMPTY=",
            "GLIBC_TUNABLES=glibc.malloc.arena_max=2:glibc.malloc.hugetlb=1", "CITYDIP_RESTARTED_FOR_PAGES=1",
        ])
        #expect(TransparentHugePages.environment([], tunables: "glibc.malloc.hugetlb=1") == ["GLIBC_TUNABLES=glibc.malloc.hugetlb=1", "CITYDIP_RESTARTED_FOR_PAGES=1"])
    }

    @Test("glibc reads the tunable from 2.35 on")
    func glibcVersions() {
        #expect(TransparentHugePages.glibcKnowsTheTunable(version: "2.36"))
        #expect(TransparentHugePages.glibcKnowsTheTunable(version: "2.35"))
        #expect(TransparentHugePages.glibcKnowsTheTunable(version: "3.0"))
        #expect(!TransparentHugePages.glibcKnowsTheTunable(version: "2.34"))
        #expect(!TransparentHugePages.glibcKnowsTheTunable(version: "2.31"))
        #expect(!TransparentHugePages.glibcKnowsTheTunable(version: "2"))
        #expect(!TransparentHugePages.glibcKnowsTheTunable(version: "unknown"))
    }
}
