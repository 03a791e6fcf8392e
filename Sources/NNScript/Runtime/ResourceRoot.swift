import Foundation

/// Where nnlearn finds its lessons and bundled data: a folder that holds `lessons/`.
///
/// The places are searched in this order:
/// 1. `$NNLEARN_HOME`, when set (then it is the only place: a wrong setting is reported, not bypassed);
/// 2. `../share/nnlearn` beside the running executable, where `make install` puts them;
/// 3. the source checkout the binary was built from, but only while the binary runs from inside
///    that checkout (a development build such as `.build/debug/nnlearn`).
public struct ResourceRoot: Sendable, Equatable {
    /// One place searched.
    public struct Place: Sendable, Equatable {
        /// How the place was chosen, such as "$NNLEARN_HOME".
        public var reason: String
        /// The folder that should hold `lessons/`.
        public var url: URL
    }

    /// The folder holding `lessons/`, or nil when no place searched holds it.
    public var url: URL?
    /// Every place searched, in order.
    public var searched: [Place]

    /// The lessons folder: the one found, else the first place searched (for messages), else `fallback`'s.
    public func lessonsDirectory(fallback: URL) -> URL {
        (url ?? searched.first?.url ?? fallback).appendingPathComponent("lessons")
    }

    /// Searches the places for a folder holding `lessons/`.
    public static func locate(environment: [String: String], executable: URL?, checkout: URL) -> ResourceRoot {
        var places: [Place] = []
        if let home = environment["NNLEARN_HOME"], !home.isEmpty {
            places = [Place(reason: "$NNLEARN_HOME", url: URL(fileURLWithPath: home))]
        } else {
            if let executable {
                let share = executable.deletingLastPathComponent().deletingLastPathComponent()
                    .appendingPathComponent("share/nnlearn")
                places.append(Place(reason: "beside the executable", url: share.standardizedFileURL))
            }
            if let executable, FileAccess.isInside(executable, checkout) {
                places.append(Place(reason: "the source checkout", url: checkout))
            }
        }
        let found = places.first { place in
            var isFolder: ObjCBool = false
            let lessons = place.url.appendingPathComponent("lessons").path
            return FileManager.default.fileExists(atPath: lessons, isDirectory: &isFolder) && isFolder.boolValue
        }
        return ResourceRoot(url: found?.url, searched: places)
    }

    /// The root of this process, searched once.
    public static let current = locate(environment: ProcessEnvironment.values(of: ["NNLEARN_HOME"]),
                                       executable: runningExecutable, checkout: checkout)

    /// The running program's file, symlinks resolved.
    public static var runningExecutable: URL? {
        #if os(Linux)
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            return URL(fileURLWithPath: path).resolvingSymlinksInPath()
        }
        #endif
        return Bundle.main.executableURL?.resolvingSymlinksInPath()
    }

    /// The checkout this binary was built from (it may have moved or been deleted since).
    public static var checkout: URL {
        URL(fileURLWithPath: #filePath)  // Sources/NNScript/Runtime/ResourceRoot.swift
            .deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
    }

    /// Why there are no lessons: every place searched, and how to point nnlearn at them.
    public var missingMessage: String {
        var lines = ["nnlearn: no lessons found. Looked for a lessons/ folder in:"]
        for place in searched { lines.append("  \(place.url.path) (\(place.reason))") }
        if searched.isEmpty { lines.append("  (no place: the executable's location is unknown)") }
        lines.append("Set NNLEARN_HOME to the folder that holds lessons/, or install nnlearn with `make install`.")
        return lines.joined(separator: "\n")
    }
}
