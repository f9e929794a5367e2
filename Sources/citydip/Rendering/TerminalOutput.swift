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

    /// Writes the pieces `produce` hands over straight to standard output, unbuffered, after
    /// what `print` buffered: for texts of hundreds of megabytes, never held whole. Not for a
    /// terminal (``isTerminal``): the pieces are written as they are.
    ///
    /// A piece is written whole, however many writes it takes (a pipe full, a signal). A reader
    /// that closed the pipe (`citydip … | head`) ends the process as the signal SIGPIPE ends a
    /// command by default, silently with status 141, whether or not a library of the process
    /// set that signal aside. Any other failure (a full disk) stops the output and is thrown,
    /// so that the command fails rather than print a text with a hole in it.
    static func stream(_ produce: (_ write: (UnsafeBufferPointer<UInt8>) throws -> Void) throws -> Void) throws {
        if fflush(nil) != 0 { throw writeError(errno) }
        try produce { piece in try writeAll(UnsafeRawBufferPointer(piece)) }
    }

    /// Writes `bytes` whole to standard output, or throws why it cannot.
    private static func writeAll(_ bytes: UnsafeRawBufferPointer) throws {
        var rest = bytes
        while let base = rest.baseAddress, !rest.isEmpty {
            let written = writeToStandardOutput(base, rest.count)
            if written > 0 {
                rest = UnsafeRawBufferPointer(rebasing: rest[written...])
                continue
            }
            // write(2) sets errno only when it returns -1; 0 for bytes asked is no progress.
            guard written < 0 else { throw CLIError("cannot write to standard output: it took none of \(rest.count) bytes") }
            let code = errno
            switch code {
            case EINTR: continue
            case EAGAIN, EWOULDBLOCK:
                // Standard output left non-blocking by whoever opened it: wait until it takes more.
                var ready = pollfd(fd: STDOUT_FILENO, events: Int16(POLLOUT), revents: 0)
                _ = poll(&ready, 1, -1)
            case EPIPE:
                signal(SIGPIPE, SIG_DFL)
                raise(SIGPIPE)
                throw writeError(code)
            default:
                throw writeError(code)
            }
        }
    }

    private static func writeError(_ code: Int32) -> CLIError {
        CLIError("cannot write to standard output: \(String(cString: strerror(code)))")
    }

    /// A message on standard error (a notice, a warning), its control characters always shown,
    /// not obeyed: it may quote a path or a value the user gave.
    static func note(_ text: String) {
        FileHandle.standardError.write(Data(ControlCharacters.escaped(text).utf8))
    }
}

/// write(2) of `count` bytes to standard output (named apart from ``TerminalOutput/write(_:)``).
private func writeToStandardOutput(_ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(STDOUT_FILENO, bytes, count)
}

/// The commands' `print`: Swift's, through ``TerminalOutput``.
func print(_ items: Any..., separator: String = " ", terminator: String = "\n") {
    TerminalOutput.write(items.map { "\($0)" }.joined(separator: separator) + terminator)
}
