import CityDiplomacyCore
import Testing

@Suite("Work spread over every core comes back in order")
struct ConcurrentMapTests {
    @Test("Each element is transformed once, in its place", arguments: [0, 1, 2, 7, 1000, 100_003])
    func order(count: Int) {
        let numbers = Array(0..<count)
        #expect(numbers.concurrentMap { String($0 * 3) } == numbers.map { String($0 * 3) })
    }

    @Test("Work is cut into as many runs as asked (no more than its elements), in order, covering it, none empty, even")
    func runs() {
        for count in [0, 1, 2, 3, 5, 7, 8, 9, 100, 1001, 1_000_003] {
            for parts in [-1, 0, 1, 2, 3, 4, 8, 16, 63, 64, 128, 512] {
                let cut = CoreRuns.cutting(count, into: parts)
                #expect(cut.count == min(count, max(parts, 1)), "\(count) in \(parts)")
                #expect(cut.allSatisfy { !$0.isEmpty })
                #expect(cut.first?.lowerBound ?? 0 == 0 && cut.last?.upperBound ?? 0 == count)
                #expect(zip(cut, cut.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound }, "\(count) in \(parts)")
                // Lengths differ by one at most, the longer first.
                #expect(zip(cut, cut.dropFirst()).allSatisfy { $0.count == $1.count || $0.count == $1.count + 1 }, "\(count) in \(parts)")
            }
        }
        // On any machine: as many runs as the default asks for, whatever the core count.
        #expect(CoreRuns.cutting(1001).count == min(1001, CoreRuns.count))
        #expect(CoreRuns.cutting(Int.max, into: 3).last?.upperBound == Int.max)
    }
}
