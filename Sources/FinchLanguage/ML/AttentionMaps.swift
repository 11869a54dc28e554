import FinchData
import FinchDisplay
import FinchEngine

/// `attention MODEL on TEXT`: the attention of a model over one text, as heatmaps of tokens ×
/// tokens (rows attend to columns), with the tokens as labels and a soft prompt's positions
/// labelled `<p0>`, `<p1>`, …: one head (`head:`), every head of a layer in a grid (the
/// default, or `heads: all`), or the rollout across all layers (`rollout: true`).
enum AttentionMaps {
    /// The chart `invocation` asks for.
    static func chart(_ invocation: Invocation) throws(FinchError) -> ChartObject {
        let object = try invocation.object("model", ModelObject.self, what: "a model")
        guard let text = invocation.string("on") else {
            throw FinchError(AttentionFailure.needsText(model: object.name), at: invocation.range)
        }
        if invocation["heads"] != nil, invocation.word("heads") != "all" {
            throw FinchError(AttentionFailure.headsNotAll, at: invocation.place("heads"))
        }
        let tokenizer = try DataReading.chosenTokenizer(object, invocation)
        let ids = tokenizer.encode(text)
        let weights: AttentionWeights
        do throws(AttentionError) { weights = try object.model.attentionWeights(tokens: ids) } catch {
            throw describe(error, object, invocation)
        }
        let labels = (0..<weights.promptLength).map { "<p\($0)>" } + ids.map { label(of: $0, in: tokenizer) }
        let quoted = Value.quote(text)
        if invocation.flag("rollout") == true {
            for name in ["layer", "head", "heads"] where invocation[name] != nil {
                throw FinchError(AttentionFailure.besideRollout(argument: name), at: invocation.place(name))
            }
            let title = "attention rollout of \(object.name) over \(weights.layers) layers on \(quoted)"
            return ChartObject(heatmap(weights.rollout, labels, title: title).bundle, title: title)
        }
        let layer = try invocation.integer("layer", in: 0...100_000) ?? 0
        if let head = try invocation.integer("head", in: 0...100_000) {
            if invocation["heads"] != nil {
                throw FinchError(AttentionFailure.headAndHeads, at: invocation.place("heads"))
            }
            let map: [[Float]]
            do throws(AttentionError) { map = try weights.map(layer: layer, head: head) } catch { throw describe(error, object, invocation) }
            let title = "attention of \(object.name), layer \(layer) (\(weights.layerPaths[layer])), head \(head) on \(quoted)"
            return ChartObject(heatmap(map, labels, title: title).bundle, title: title)
        }
        let maps: [[[Float]]]
        do throws(AttentionError) { maps = try weights.maps(layer: layer) } catch { throw describe(error, object, invocation) }
        let title = "attention of \(object.name), layer \(layer) (\(weights.layerPaths[layer])), \(maps.count) heads on \(quoted)"
        let grid = HeatmapGrid(maps: maps.enumerated().map { heatmap($1, labels, title: "head \($0)") }, title: title,
                               columns: min(maps.count, 2))
        return ChartObject(grid.bundle, title: title)
    }

    /// A heatmap of `map` with `labels` on both axes, shaded on the fixed scale 0…1 of
    /// probabilities, so that maps before and after fine-tuning compare.
    private static func heatmap(_ map: [[Float]], _ labels: [String], title: String) -> Heatmap {
        Heatmap(matrix: map.map { $0.map(Double.init) }, rowLabels: labels, columnLabels: labels, title: title, scale: 0...1)
    }

    /// The token `id` as a label: its text, with a space shown as `␣`.
    private static func label(of id: Int32, in tokenizer: Tokenizer) -> String {
        let piece = tokenizer.decode([id])
        return piece.isEmpty ? "#\(id)" : String(piece.map { $0 == " " ? "␣" : $0 })
    }

    /// `error` as a FinchError at the argument it is about, with what to write instead.
    private static func describe(_ error: AttentionError, _ object: ModelObject, _ invocation: Invocation) -> FinchError {
        let argument = switch error {
        case .noAttention: "model"
        case .emptyInput, .tooLong: "on"
        case .tokenOutOfRange: "tokenizer"
        case .noSuchLayer: "layer"
        case .noSuchHead: "head"
        }
        return FinchError(AttentionFailure.refused(error, model: object.name), at: invocation.place(argument))
    }
}
