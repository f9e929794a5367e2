import Foundation
import GRDB
import Testing
@testable import CityDiplomacyStorage

/// Rows bound on another thread while SQLite inserts those bound before.
@Suite("Rows inserted in bulk, bound on another core, arrive whole and in order, and a refused one is named")
struct BulkInsertTests {
    /// A table whose `key` is unique, in a database in memory.
    private func database() throws -> DatabaseQueue {
        let queue = try DatabaseQueue()
        try queue.write { db in try db.execute(sql: "CREATE TABLE item (key TEXT NOT NULL UNIQUE, value INTEGER, note TEXT)") }
        return queue
    }

    @Test("Items of none, one or several rows, over many batches, after rows appended one by one, arrive in order", arguments: [0, 1, 4095, 4096, 4097, 20_000])
    func inOrder(items: Int) throws {
        let queue = try database()
        let counted = try queue.write { db -> Int in
            let insert = try BulkInsert(db, sql: "INSERT INTO item (key, value, note)", columns: 3)
            for first in 0..<3 {
                try insert.append { row in
                    row.bind("first-\(first)")
                    row.bind(first)
                    row.bind(nil as String?)
                }
            }
            // Item i has i % 3 rows; the second of each holds an empty text, the third a Persian one.
            var inserted = 0
            try insert.appendAll(count: items) { item, row in
                for copy in 0..<(item % 3) {
                    row.bind("item-\(item)-\(copy)")
                    row.bind(item)
                    row.bind(copy == 0 ? nil : (copy == 1 ? "" : "یادداشت \(item)"))
                }
            } inserted: { rows in
                inserted += rows
            }
            try insert.finish()
            return inserted
        }
        var expected = (0..<3).map { "first-\($0)|\($0)|" }
        for item in 0..<items {
            for copy in 0..<(item % 3) {
                let note = copy == 2 ? "یادداشت \(item)" : ""
                expected.append("item-\(item)-\(copy)|\(item)|\(note)")
            }
        }
        #expect(counted == expected.count - 3)
        let stored = try queue.read { db in
            try Row.fetchAll(db, sql: "SELECT key, value, note FROM item ORDER BY rowid").map { row in
                "\(row["key"] as String)|\(row["value"] as Int)|\((row["note"] as String?) ?? "")"
            }
        }
        #expect(stored == expected)
        // NULL stays NULL and the empty text empty.
        let nulls = try queue.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM item WHERE note IS NULL") }
        #expect(nulls == 3 + (0..<items).filter { $0 % 3 >= 1 }.count)
    }

    @Test("A row refused in a late batch is named by its place among every row appended, and the binding stops")
    func refusedRow() throws {
        let queue = try database()
        try queue.inDatabase { db in
            try db.execute(sql: "BEGIN")
            let insert = try BulkInsert(db, sql: "INSERT INTO item (key, value, note)", columns: 3)
            try insert.append { row in
                row.bind("before")
                row.bind(0)
                row.bind(nil as String?)
            }
            let bound = Counter()
            do {
                // Item 9,000 takes the key of item 10: the 9,002nd row appended (0-based 9,001).
                try insert.appendAll(count: 50_000) { item, row in
                    bound.increment()
                    row.bind("item-\(item == 9000 ? 10 : item)")
                    row.bind(item)
                    row.bind(nil as String?)
                }
                Issue.record("the duplicate key was inserted")
            } catch let error as BulkInsert.Failure {
                #expect(error.row == 9001)
                #expect(error.error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE)
            }
            // No more than the batches bound ahead of the one refused were bound, and none after.
            let stopped = bound.value
            #expect(stopped < 50_000)
            Thread.sleep(forTimeInterval: 0.05)
            #expect(bound.value == stopped)
            try db.execute(sql: "ROLLBACK")
        }
    }

    @Test("JSON arrays bound straight into the rows' bytes are the JSON of the values, read back as written")
    func jsonArrays() throws {
        let queue = try DatabaseQueue()
        let integers: [[Int]] = [[], [0], [2, 17], [-12, 7, 1_000_000], [Int.max, Int.min]]
        let texts: [[String]] = [[], ["self_pair"], ["Tabrīz", "تبریز", "a \"quoted\" \\ name", "tab\tand\nline", "\u{1}"]]
        let stored = try queue.write { db -> [String] in
            try db.execute(sql: "CREATE TABLE item (json TEXT NOT NULL)")
            let insert = try BulkInsert(db, sql: "INSERT INTO item (json)", columns: 1)
            for list in integers { try insert.append { $0.bindJSONArray(list) } }
            for list in texts { try insert.append { $0.bindJSONArray(list) } }
            try insert.finish()
            return try String.fetchAll(db, sql: "SELECT json FROM item ORDER BY rowid")
        }
        #expect(Array(stored.prefix(integers.count)) == ["[]", "[0]", "[2,17]", "[-12,7,1000000]", "[9223372036854775807,-9223372036854775808]"])
        for (list, json) in zip(integers, stored) { #expect(try JSONDecoder().decode([Int].self, from: Data(json.utf8)) == list) }
        for (list, json) in zip(texts, stored.dropFirst(integers.count)) {
            #expect(try JSONDecoder().decode([String].self, from: Data(json.utf8)) == list, "\(json)")
        }
        #expect(stored[integers.count + 1] == #"["self_pair"]"#)
    }
}

/// A count that the binding thread raises and the test reads.
private final class Counter: @unchecked Sendable {
    // `count` is read and written with `lock` held.
    private let lock = NSLock()
    private var count = 0

    func increment() { lock.withLock { count += 1 } }
    var value: Int { lock.withLock { count } }
}
