import CityDiplomacyCore
import Testing

@Suite("Work spread over every core comes back in order")
struct ConcurrentMapTests {
    @Test("Each element is transformed once, in its place", arguments: [0, 1, 2, 7, 1000, 100_003])
    func order(count: Int) {
        let numbers = Array(0..<count)
        #expect(numbers.concurrentMap { String($0 * 3) } == numbers.map { String($0 * 3) })
    }

    @Test("Work is cut into runs in order, covering it, none empty, no more than asked")
    func runs() {
        for count in [0, 1, 2, 3, 5, 7, 8, 9, 100, 1001] {
            for parts in [0, 1, 2, 3, 4, 8, 16] {
                let cut = CoreRuns.cutting(count, into: parts)
                #expect(cut.count <= max(parts, 1) && cut.allSatisfy { !$0.isEmpty })
                #expect(Array(cut.joined()) == Array(0..<count), "\(count) in \(parts)")
                // One length for all but the last, which is no longer.
                if let first = cut.first { #expect(cut.dropLast().allSatisfy { $0.count == first.count } && cut.last!.count <= first.count) }
            }
        }
        #expect(CoreRuns.cutting(1001).count == min(1001, CoreRuns.count))
    }
}
