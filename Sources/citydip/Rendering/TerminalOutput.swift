import CityDiplomacyCore
import Foundation

/// Standard output as the commands write it. Within this module it stands in for Swift's `print`,
/// so that every command's output passes one place: when standard output is a terminal, control
/// and bidirectional characters in it are shown as `<U+XXXX>` rather than obeyed (see
/// ``ControlCharacters``), so that no value in the database — imported before such characters
/// were taken out on input, or entered some other way — can move the cursor, recolour, retitle
/// or reorder the terminal. Written to a file or a pipe, the output is the data as it is.
///
/// ```swift
/// print(markdown, terminator: "")   // TerminalOutput.write under the hood
/// ```
enum TerminalOutput {
    static let isTerminal = isatty(STDOUT_FILENO) == 1

    static func write(_ text: String) {
        let shown = isTerminal ? ControlCharacters.escaped(text) : text
        Swift.print(shown, terminator: "")
    }

    /// A message on standard error (a notice, a warning), its control characters always shown,
    /// not obeyed: it may quote a path or a value the user gave.
    static func note(_ text: String) {
        FileHandle.standardError.write(Data(ControlCharacters.escaped(text).utf8))
    }
}

/// The commands' `print`: Swift's, through ``TerminalOutput``.
func print(_ items: Any..., separator: String = " ", terminator: String = "\n") {
    TerminalOutput.write(items.map { "\($0)" }.joined(separator: separator) + terminator)
}
