import ArgumentParser
import Foundation
import NNScript
import NNLessons
import NNTerminal

/// `nnlearn lessons`: the course, in order, with the learner's progress.
struct LessonsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lessons",
        abstract: "List the lessons with your progress in each.",
        discussion: "Lessons are read from $NNLEARN_HOME/lessons when NNLEARN_HOME is set, else from ../share/nnlearn/lessons beside the executable (an installed nnlearn), else from the source checkout of a development build."
    )

    func run() throws {
        try requireLessons()
        let environment = ProcessInfo.processInfo.environment
        let progress = ProgressStore(directory: StateDirectory.url(environment: environment))
        if let notice = progress.takeNotice() {
            StandardStream.write("nnlearn: \(notice)\n", to: 2)
        }
        let catalog = LessonCatalog(directory: LessonCatalog.defaultDirectory(environment: environment))
        print(catalog.listing(progress: progress, colour: ColourPolicy.detect(environment: environment)), terminator: "")
    }
}
