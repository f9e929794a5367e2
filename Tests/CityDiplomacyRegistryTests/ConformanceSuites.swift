import Testing

/// The conformance suite on the SQLite registry, each test on a file of its own.
@Suite("The SQLite registry conforms")
struct SQLiteConformanceTests {
    @Test("Stores and reads back the study's dataset and the countries") func roundTrip() async throws { try await RegistryConformance.roundTrip(.sqlite) }
    @Test("Replaces and removes a dataset") func replaceAndRemove() async throws { try await RegistryConformance.replaceAndRemove(.sqlite) }
    @Test("A store that fails changes nothing") func failedStore() async throws { try await RegistryConformance.failedStoreChangesNothing(.sqlite) }
    @Test("A store that creates refuses an existing dataset") func createRefuses() async throws { try await RegistryConformance.createRefusesExisting(.sqlite) }
    @Test("A report computed during the store is written with the dataset") func pendingReport() async throws {
        try await RegistryConformance.reportComputedDuringStore(.sqlite)
    }
    @Test("Concurrent imports of one dataset: one stores it, the others are refused") func importRace() async throws {
        try await RegistryConformance.concurrentImportsOfOneDataset(.sqlite)
    }
    @Test("Edits are logged and seen by another instance") func edits() async throws { try await RegistryConformance.editsAndRevisions(.sqlite) }
    @Test("Documents and codings are kept, checked and logged") func documents() async throws { try await RegistryConformance.documentsAndCodings(.sqlite) }
    @Test("Eight concurrent writers lose nothing") func concurrentWriters() async throws { try await RegistryConformance.concurrentWriters(.sqlite) }
    @Test("A copy SQLite to SQLite to SQLite keeps everything") func copy() async throws { try await RegistryConformance.copyRoundTrip(through: .sqlite) }
    @Test("A copy that fails leaves the target as it was") func failedCopy() async throws { try await RegistryConformance.failedCopyChangesNothing(.sqlite) }
    @Test("A dataset copied in with an old stored time moves the revision") func copyRevision() async throws { try await RegistryConformance.copyInMovesRevision(.sqlite) }
    @Test("A snapshot taken during edits is of one moment") func snapshot() async throws { try await RegistryConformance.snapshotIsOneMoment(.sqlite) }
}

/// The conformance suite on the PostgreSQL registry, each test in a database of its own on the
/// server `CITYDIP_TEST_POSTGRES_URL` names (`.ci/run` starts one).
@Suite("The PostgreSQL registry conforms",
       .enabled(if: RegistryBackend.postgresURL != nil, "CITYDIP_TEST_POSTGRES_URL is unset: the PostgreSQL registry is not tested (.ci/run starts a server and sets it)"))
struct PostgresConformanceTests {
    @Test("Stores and reads back the study's dataset and the countries") func roundTrip() async throws { try await RegistryConformance.roundTrip(.postgres) }
    @Test("Every read gives what the SQLite registry gives") func reads() async throws { try await RegistryConformance.readsAgreeWithSQLite(.postgres) }
    @Test("Replaces and removes a dataset") func replaceAndRemove() async throws { try await RegistryConformance.replaceAndRemove(.postgres) }
    @Test("A store that fails changes nothing") func failedStore() async throws { try await RegistryConformance.failedStoreChangesNothing(.postgres) }
    @Test("A store that creates refuses an existing dataset") func createRefuses() async throws { try await RegistryConformance.createRefusesExisting(.postgres) }
    @Test("A report computed during the store is written with the dataset") func pendingReport() async throws {
        try await RegistryConformance.reportComputedDuringStore(.postgres)
    }
    @Test("Concurrent imports of one dataset: one stores it, the others are refused") func importRace() async throws {
        try await RegistryConformance.concurrentImportsOfOneDataset(.postgres)
    }
    @Test("Edits are logged and seen by another instance") func edits() async throws { try await RegistryConformance.editsAndRevisions(.postgres) }
    @Test("Documents and codings are kept, checked and logged") func documents() async throws { try await RegistryConformance.documentsAndCodings(.postgres) }
    @Test("Eight concurrent writers lose nothing") func concurrentWriters() async throws { try await RegistryConformance.concurrentWriters(.postgres) }
    @Test("A copy SQLite to PostgreSQL to SQLite keeps everything, the change log too") func copy() async throws {
        try await RegistryConformance.copyRoundTrip(through: .postgres)
    }
    @Test("A copy that fails leaves the target as it was") func failedCopy() async throws { try await RegistryConformance.failedCopyChangesNothing(.postgres) }
    @Test("A dataset copied in with an old stored time moves the revision") func copyRevision() async throws { try await RegistryConformance.copyInMovesRevision(.postgres) }
    @Test("A snapshot taken during edits is of one moment") func snapshot() async throws { try await RegistryConformance.snapshotIsOneMoment(.postgres) }
}
