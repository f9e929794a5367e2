import Foundation

/// Which CityDiplomacy this is: the release and, when it runs from a git checkout, the commit
/// that checkout is at.
///
/// `citydip --version` and the observatory's footer print it, so that a figure in a paper or a
/// bug report can name the code that produced it. The commit is read when the tool runs, not
/// when it was built (the package manager offers a build no way to stamp it in without a plugin
/// running git), so it is labelled as the checkout's: with `swift run`, which builds the checkout
/// before running it, the two are the same; a binary kept from an older build says the checkout
/// has moved on, not which commit it was built from.
///
/// ```swift
/// print(BuildInfo.current.description)   // "0.9.0 (checkout at 5ccc11b)"
/// ```
public struct BuildInfo: Sendable, CustomStringConvertible {
    /// The release, raised with every change of the output contract or the database schema.
    public static let release = "0.9.0"

    public var release: String
    /// The abbreviated commit the tool's checkout is at when it runs, if it runs from one.
    public var commit: String?

    public static let current = BuildInfo(release: release, commit: GitCheckout.headCommit(near: URL(fileURLWithPath: #filePath)))

    public var description: String {
        commit.map { "\(release) (checkout at \($0))" } ?? release
    }
}

/// Reads the commit a checkout is at straight from its `.git` folder, without running git: the
/// package manager gives a build no way to stamp it in, and a tool run from its checkout (`swift
/// run citydip`) still has the folder beside its sources.
enum GitCheckout {
    static func headCommit(near file: URL) -> String? {
        var folder = file.deletingLastPathComponent()
        while folder.path != "/" {
            let git = folder.appendingPathComponent(".git")
            if let commit = commit(inGitFolder: git) { return String(commit.prefix(7)) }
            folder = folder.deletingLastPathComponent()
        }
        return nil
    }

    private static func commit(inGitFolder git: URL) -> String? {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: git.path, isDirectory: &isFolder) else { return nil }
        var gitFolder = git
        if !isFolder.boolValue {
            // A worktree or submodule: `.git` is a file saying `gitdir: PATH`.
            guard let pointer = try? String(contentsOf: git, encoding: .utf8), pointer.hasPrefix("gitdir:") else { return nil }
            let path = pointer.dropFirst("gitdir:".count).trimmingCharacters(in: .whitespacesAndNewlines)
            gitFolder = URL(fileURLWithPath: path, relativeTo: git.deletingLastPathComponent())
        }
        guard let head = try? String(contentsOf: gitFolder.appendingPathComponent("HEAD"), encoding: .utf8)
            .trimmingCharacters(in: .whitespacesAndNewlines) else { return nil }
        guard head.hasPrefix("ref:") else { return isCommitID(head) ? head : nil }
        let ref = head.dropFirst("ref:".count).trimmingCharacters(in: .whitespaces)
        for folder in [gitFolder, commonFolder(of: gitFolder)] {
            if let loose = try? String(contentsOf: folder.appendingPathComponent(ref), encoding: .utf8)
                .trimmingCharacters(in: .whitespacesAndNewlines), isCommitID(loose) {
                return loose
            }
            if let packed = try? String(contentsOf: folder.appendingPathComponent("packed-refs"), encoding: .utf8) {
                for line in packed.split(separator: "\n") where line.hasSuffix(" " + ref) {
                    let id = String(line.prefix { $0 != " " })
                    if isCommitID(id) { return id }
                }
            }
        }
        return nil
    }

    /// A worktree's refs live in the main repository's folder, named in its `commondir` file.
    private static func commonFolder(of gitFolder: URL) -> URL {
        guard let common = try? String(contentsOf: gitFolder.appendingPathComponent("commondir"), encoding: .utf8)
            .trimmingCharacters(in: .whitespacesAndNewlines) else { return gitFolder }
        return URL(fileURLWithPath: common, relativeTo: gitFolder.appendingPathComponent("x")).standardizedFileURL
    }

    private static func isCommitID(_ text: String) -> Bool {
        text.count >= 40 && text.allSatisfy(\.isHexDigit)
    }
}
