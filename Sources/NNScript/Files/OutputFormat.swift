import Foundation
import NNTerminal

/// A kind of file that lesson and exercise code may write, and how nnlearn recognises its own.
///
/// Code from a lesson creates files only with its command's extension, and replaces
/// an existing file only when this interpreter wrote it or when the file carries the
/// format's mark of nnlearn's output in its first bytes (``isOwnOutput``). A writer
/// added later (an `.npy` or `.csv` exporter) declares its format here and calls
/// ``Interpreter/writeOutput(_:to:as:at:)``; the policy comes with it.
public struct OutputFormat: Sendable {
    /// The extension, without the dot: `svg`.
    public let fileExtension: String
    /// The builtin that writes it, for messages: `savefig`.
    public let command: String
    /// Whether the first bytes of an existing file show nnlearn wrote it.
    public let isOwnOutput: @Sendable (Data) -> Bool

    /// A kind of file: its extension, the command that writes it, and how to recognise a file nnlearn wrote.
    public init(fileExtension: String, command: String, isOwnOutput: @escaping @Sendable (Data) -> Bool) {
        self.fileExtension = fileExtension
        self.command = command
        self.isOwnOutput = isOwnOutput
    }

    /// Bytes of an existing file read to recognise it.
    static let markLength = 512

    /// SVG figures: nnlearn's carry the `<!-- drawn by nnlearn -->` comment right after the opening tag.
    public static let svg = OutputFormat(fileExtension: "svg", command: "savefig") { head in
        let text = String(decoding: head, as: UTF8.self)
        return text.hasPrefix("<svg ") && text.contains(">\n" + SVGDocument.mark + "\n")
    }

    /// Graphviz graphs: nnlearn's start with `digraph nnlearn {`.
    public static let dot = OutputFormat(fileExtension: "dot", command: "dot") { head in
        head.starts(with: Data("digraph nnlearn {\n".utf8))
    }

    /// NumPy arrays and archives and comma-separated values have no room for a mark that NumPy
    /// and pandas would ignore, so lesson code replaces only the ones it wrote in this session.
    public static let npy = OutputFormat(fileExtension: "npy", command: "save_npy") { _ in false }
    /// See ``npy``.
    public static let npz = OutputFormat(fileExtension: "npz", command: "save_npz") { _ in false }
    /// See ``npy``.
    public static let csv = OutputFormat(fileExtension: "csv", command: "save_csv") { _ in false }

    /// Model weights: nnlearn's carry `"producer":"nnlearn"` in their metadata, first in the header.
    public static let safetensors = OutputFormat(fileExtension: "safetensors", command: "save_weights") { head in
        SafeTensors.hasMark(head)
    }

    /// PyTorch scripts: nnlearn's start with the line ``TorchModule/scriptMark``.
    public static let python = OutputFormat(fileExtension: "py", command: "export_torch") { head in
        head.starts(with: Data((TorchModule.scriptMark + "\n").utf8))
    }
}
