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

    @Test("the environment started again: every entry kept but the tunables and the marker, which are set anew")
    func environment() {
        for kept in ["PATH=/usr/bin", "CITYDIP_DB=/tmp/r.sqlite", "GLIBC_TUNABLES_X=1", "EMPTY=", "XGLIBC_TUNABLES=1", "GLIBC_TUNABLES"] {
            #expect(kept.withCString(TransparentHugePages.keeps), "\(kept)")
        }
        for replaced in ["GLIBC_TUNABLES=glibc.malloc.arena_max=2", "GLIBC_TUNABLES=", "CITYDIP_RESTARTED_FOR_PAGES=1"] {
            #expect(!replaced.withCString(TransparentHugePages.keeps), "\(replaced)")
        }
        // Bytes that are not UTF-8 are an entry like any other: kept, as the pointer it is.
        let latin1: [CChar] = [0x46, 0x49, 0x4C, 0x45, 0x3D, CChar(bitPattern: 0xE9), 0]
        #expect(latin1.withUnsafeBufferPointer { TransparentHugePages.keeps($0.baseAddress!) })
        #expect(TransparentHugePages.additions(tunables: "glibc.malloc.arena_max=2:glibc.malloc.hugetlb=1")
                == ["GLIBC_TUNABLES=glibc.malloc.arena_max=2:glibc.malloc.hugetlb=1", "CITYDIP_RESTARTED_FOR_PAGES=1"])
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
