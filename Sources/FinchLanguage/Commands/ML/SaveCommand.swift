import FinchData
import FinchEngine
internal import FinchJSON

extension Command {
    /// `save MODEL to PATH`: the weights, architecture, head, class names, tokenizer and text
    /// context as safetensors.
    static let save = Command(
        name: "save",
        summary: "Save a model's weights and architecture to a safetensors file.",
        positional: [Parameter("model", .any, doc: "the model to save", required: true)],
        prepositions: [Parameter("to", .string, doc: "the file, e.g. \"clf.safetensors\"", required: true)]
    ) { invocation throws(FinchError) in
        let object = try invocation.object("model", ModelObject.self, what: "a model")
        let path = invocation.string("to") ?? ""
        var metadata = [
            "finch.name": object.name, "finch.version": FinchRelease.version,
        ]
        if let classes = object.classNames { metadata["finch.classes"] = JSONValue.array(classes.map(JSONValue.string)).serialized }
        if let tokenizer = object.tokenizer?.object(TokenizerObject.self)?.tokenizer {
            let learned = tokenizer.vocabulary.dropFirst(Tokenizer.specialTokens.count).map(JSONValue.string)
            metadata["finch.tokenizer"] = JSONValue.object(["kind": .string(tokenizer.kind.rawValue), "tokens": .array(learned)]).serialized
        }
        if let context = object.textContext { metadata["finch.text_context"] = String(context) }
        do throws(CheckpointError) { try object.model.save(to: path, metadata: metadata) } catch {
            throw FinchError(OutputCommandFailure.cannotSave(path: path, error), at: invocation.place("to"))
        }
        invocation.interpreter.output.write("saved \(object.name) to \(path)\n", to: .stdout)
        return .none
    }

    /// `load PATH`: a model saved by `save` (or any Finch checkpoint).
    static let load = Command(
        name: "load",
        summary: "Load a model saved with 'save': architecture, weights, head, class names and tokenizer.",
        positional: [Parameter("path", .string, doc: "the safetensors file", required: true)]
    ) { invocation throws(FinchError) in
        let path = invocation.string("path") ?? ""
        let loaded: LoadedCheckpoint
        do throws(CheckpointError) {
            loaded = try Model.load(from: path, memoryBudget: invocation.interpreter.workbench.memoryBudget,
                                    cancellation: invocation.interpreter.cancellation)
        } catch {
            throw .unlessCancelled(error, at: invocation.range,
                                   otherwise: FinchError(OutputCommandFailure.cannotLoad(path: path, error), at: invocation.place("path")))
        }
        let metadata = loaded.metadata
        let name = invocation.interpreter.assigningTo.first ?? metadata["finch.name"] ?? "loaded"
        let object = ModelObject(name: name, model: loaded.model, seed: 0, origin: "loaded from \(path)")
        if let classes = metadata["finch.classes"] {
            object.classNames = (try? JSONValue.parse(classes))?.arrayValue?.compactMap(\.stringValue)
        }
        if let text = metadata["finch.tokenizer"], let saved = try? JSONValue.parse(text),
           let kind = saved["kind"]?.stringValue.flatMap(Tokenizer.Kind.init(rawValue:)),
           let tokens = saved["tokens"]?.arrayValue?.compactMap(\.stringValue) {
            object.tokenizer = .wrap(TokenizerObject(Tokenizer(kind: kind, tokens: tokens)))
        }
        object.textContext = metadata["finch.text_context"].flatMap(Int.init)
        return .wrap(object)
    }
}
