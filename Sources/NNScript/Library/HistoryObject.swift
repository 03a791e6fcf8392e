import NNTerminal

/// What `fit` returns: loss and accuracy per epoch, as Keras's History.
final class HistoryObject: ScriptObject, ScriptIndexable {
    private(set) var columns: [String: [Double]] = [:]
    private(set) var epochs = 0

    var typeName: String { "History" }
    var attributeNames: [String] { ["loss", "accuracy", "val_loss", "val_accuracy", "epochs"] }

    func record(loss: Double, accuracy: Double?, validationLoss: Double?, validationAccuracy: Double?) {
        epochs += 1
        columns["loss", default: []].append(loss)
        if let accuracy { columns["accuracy", default: []].append(accuracy) }
        if let validationLoss { columns["val_loss", default: []].append(validationLoss) }
        if let validationAccuracy { columns["val_accuracy", default: []].append(validationAccuracy) }
    }

    func attribute(_ name: String, interpreter: Interpreter) throws -> Value? {
        if name == "epochs" { return .integer(epochs) }
        guard attributeNames.contains(name) else { return nil }
        return .list(ListStorage((columns[name] ?? []).map { .number($0) }))
    }

    func item(_ key: Value, at location: SourceLocation) throws -> Value {
        guard case .string(let name) = key, let column = columns[name] else {
            throw ScriptError(.index, "the history has no column \(Display.repr(key, interpreter: Interpreter()))", at: location,
                              hint: "columns: " + columns.keys.sorted().joined(separator: ", "))
        }
        return .list(ListStorage(column.map { .number($0) }))
    }

    /// `epoch 3/10  loss 0.4123  accuracy 0.8750  val_loss …`.
    func line(epoch: Int, of total: Int) -> String {
        var parts = ["epoch \(epoch)/\(total)"]
        for name in ["loss", "accuracy", "val_loss", "val_accuracy"] {
            if let value = columns[name]?.last { parts.append("\(name) \(NumberText.fixed(value, decimals: 4))") }
        }
        return parts.joined(separator: "  ")
    }

    func display(interpreter: Interpreter) -> String {
        guard epochs > 0 else { return "History(no epochs)" }
        var text = "History(\(epochs) epochs): " + line(epoch: epochs, of: epochs)
        if let losses = columns["loss"], losses.count > 1 { text += "\nloss " + Sparkline.render(losses, maxWidth: 40) }
        return text
    }
}
