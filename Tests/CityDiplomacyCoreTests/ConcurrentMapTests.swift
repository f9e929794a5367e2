import CityDiplomacyCore
import Testing

@Suite("Work spread over every core comes back in order")
struct ConcurrentMapTests {
    @Test("Each element is transformed once, in its place", arguments: [0, 1, 2, 7, 1000, 100_003])
    func order(count: Int) {
        let numbers = Array(0..<count)
        #expect(numbers.concurrentMap { String($0 * 3) } == numbers.map { String($0 * 3) })
    }
}
