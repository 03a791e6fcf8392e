import NNScript

/// The plain line-by-line front end of `nnlearn lesson`: reads commands and code, prints events.
///
/// Enter runs the shown cell (or shows the next one); a line starting with
/// `:` is a command; anything else is the learner's own code, run in the
/// lesson's interpreter (continuation lines are read while it is
/// incomplete). Reading and writing go through closures, so the loop runs
/// the same on a terminal, behind a pipe, and in tests.
public struct LessonLoop {
    public let session: LessonSession
    public var printer: NotebookPrinter
    /// Whether prompts are drawn (only when input comes from a terminal).
    public var showsPrompts: Bool
    /// Reads one line without its line break; nil at the end of input.
    public var readLine: () -> String?
    /// Writes text as-is.
    public var write: (String) -> Void

    public init(
        session: LessonSession, printer: NotebookPrinter = NotebookPrinter(), showsPrompts: Bool,
        readLine: @escaping () -> String?, write: @escaping (String) -> Void
    ) {
        self.session = session
        self.printer = printer
        self.showsPrompts = showsPrompts
        self.readLine = readLine
        self.write = write
    }

    /// The commands, for `:help`.
    public static let help = """
        Enter      run the shown cell, or show the next one
        :next      show the next cell without running this one
        :back      show the previous cell again
        :run       run the shown cell (again)
        :rerun     start afresh and run the cells up to this one
        :goto n    go to cell n (earlier cells run first if needed)
        :cells     list the cells; ✓ marks those that ran
        :where     where you are in the lesson
        :quit      leave (your progress is kept)
        Any other line is your own code, run alongside the lesson's.
        """

    /// Runs until `:quit` or the end of input; `restart` ignores saved progress.
    public func run(restart: Bool = false) {
        if showsPrompts { write(printer.text(for: .notice("Enter runs each cell; :help lists the commands."))) }
        show(restart ? session.next() : session.resume())
        while true {
            if showsPrompts { write(prompt()) }
            guard let line = readLine() else { break }
            let trimmed = line.trimmingWhitespace()
            if trimmed.isEmpty {
                show(session.advance())
            } else if trimmed.hasPrefix(":") {
                guard command(trimmed) else { break }
            } else {
                show(session.runOwnCode(readContinuation(line)))
            }
        }
    }

    /// Carries out a `:command`; false when the learner quits.
    private func command(_ text: String) -> Bool {
        let words = text.dropFirst().split(separator: " ").map(String.init)
        switch words.first ?? "" {
        case "quit", "q", "exit": return false
        case "next", "n": show(session.next())
        case "back", "b": show(session.back())
        case "run", "r": show(session.run())
        case "rerun": show(session.rerun())
        case "goto", "g":
            if words.count == 2, let number = Int(words[1]) {
                show(session.goto(number))
            } else {
                show([.notice("Usage: :goto n, where n is a cell number (1–\(session.cellCount)).")])
            }
        case "cells": write(session.cells() + "\n")
        case "where": write(session.where() + "\n")
        case "help", "h", "?": write(Self.help + "\n")
        default: show([.notice("Unknown command \(text); :help lists the commands.")])
        }
        return true
    }

    /// The learner's code, with more lines read while it is unfinished (an open block or bracket).
    private func readContinuation(_ first: String) -> String {
        var source = first
        while Parser.status(of: source) == .incomplete {
            if showsPrompts { write("   ...: ") }
            guard let more = readLine() else { break }
            source += "\n" + more
        }
        return source
    }

    private func prompt() -> String {
        let position = session.position
        let count = session.cellCount
        if position >= 1 && position <= count { return printer.colour.paint("lesson [\(position)/\(count)]", [.green]) + " › " }
        return printer.colour.paint("lesson", [.green]) + " › "
    }

    private func show(_ events: [LessonEvent]) {
        for event in events { write(printer.text(for: event)) }
    }
}
