// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "nnlearn",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "nnlearn", targets: ["nnlearn"]),
        .library(name: "NNCore", targets: ["NNCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // `swift package generate-documentation --target NNCore` builds the DocC catalog.
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.4.0"),
        // NumPy's .npz archives are zip files.
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.19"),
        // HMAC-SHA256 for signing Jupyter messages.
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: [
        // The traced autodiff core: tensors, ops, graph, layers, optimizers. Foundation only.
        // No unsafe flags, so other packages can depend on it by version: the stored properties that every
        // op or statement touches are marked @exclusivity(unchecked) instead (an interpreter and its tensors
        // live on one thread, and the dynamic checks cost several percent of every training step).
        .target(name: "NNCore", dependencies: ["CKernels"]),
        // The AVX micro-kernel of the matrix product, chosen at run time (Swift has no per-function
        // target features). Part of this package, so NNCore still depends on nothing outside it.
        .target(name: "CKernels"),
        // Terminal rendering: tensor printing, tables, plots, heatmaps, Markdown, colour.
        .target(name: "NNTerminal"),
        // The Python-flavoured language: lexer, parser, interpreter, standard library.
        .target(name: "NNScript", dependencies: ["NNCore", "NNTerminal", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        // Lessons as Markdown notebooks: parsing, replay, exercises, grading, progress.
        .target(name: "NNLessons", dependencies: ["NNScript", "NNTerminal"]),
        // The interactive session: line editing, history, completion, meta-commands.
        .target(name: "NNRepl", dependencies: ["NNScript", "NNTerminal", "NNLessons", "CEditLine"]),
        // libedit behind a small non-variadic shim that Swift can call.
        .target(name: "CEditLine", linkerSettings: [.linkedLibrary("edit")]),
        // The Jupyter kernel: the messaging protocol over ZeroMQ, a session per notebook.
        .target(name: "NNKernel", dependencies: ["NNScript", "NNTerminal", "NNLessons", "NNRepl", "CZeroMQ",
                                                 .product(name: "Crypto", package: "swift-crypto")]),
        // libzmq behind a few plain functions (whole frames, polling, the heartbeat's echo), opened with
        // dlopen when a kernel starts: linking it would load it and a dozen libraries into every command.
        .target(name: "CZeroMQ", linkerSettings: [.linkedLibrary("dl", .when(platforms: [.linux]))]),
        .executableTarget(
            name: "nnlearn",
            dependencies: [
                "NNCore",
                "NNScript",
                "NNTerminal",
                "NNLessons",
                "NNRepl",
                "NNKernel",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "NNCoreTests", dependencies: ["NNCore"], exclude: ["Fixtures"]),
        .testTarget(name: "NNTerminalTests", dependencies: ["NNTerminal"]),
        .testTarget(name: "NNScriptTests", dependencies: ["NNScript", "NNCore"], exclude: ["Scripts"]),
        .testTarget(name: "NNLessonsTests", dependencies: ["NNLessons", "NNScript"],
                    exclude: ["Exercises/Fixtures", "Exercises/WrongAnswers"]),
        .testTarget(name: "NNReplTests", dependencies: ["NNRepl", "NNScript", "NNLessons"]),
        .testTarget(name: "CEditLineTests", dependencies: ["CEditLine"]),
        .testTarget(name: "NNKernelTests", dependencies: ["NNKernel", "NNRepl", "CZeroMQ"]),
        // The bad-input catalogue: every mistake gives a clear error and the session survives.
        .testTarget(name: "RobustnessTests", dependencies: ["NNScript", "NNCore", "NNLessons", "NNRepl"]),
        // Drives the built binary end to end, as a learner would.
        .testTarget(name: "nnlearnTests", dependencies: ["nnlearn"], exclude: ["Scripts"]),
    ],
    swiftLanguageModes: [.v6]
)
