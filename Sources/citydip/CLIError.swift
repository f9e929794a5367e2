/// An error in what the user asked for, printed on one line as `Error: …` with exit status 1.
struct CLIError: Error, CustomStringConvertible {
    var description: String

    init(_ description: String) {
        self.description = description
    }
}

import ArgumentParser
import CityDiplomacyApplication

/// Runs checks of the application in `validate()`, naming parameters as options (`--from`):
/// ArgumentParser wraps what `validate()` throws, so the message is made here.
func validatingOptions(_ checks: () throws -> Void) throws {
    do {
        try checks()
    } catch let error as ApplicationError {
        throw ValidationError(error.message { "--" + $0 })
    }
}
