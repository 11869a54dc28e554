internal import FinchJSON

/// How a checkpoint stores compressed layers: the metadata key `finch.compression` lists each
/// swapped layer (`{"layer": "dense.0", "kind": "int8"}`, `"mask"`, or `"low_rank"` with its
/// `"rank"`). An int8 layer stores its weight as an I8 tensor `PATH.weight` with the F32 scales
/// `PATH.weight_scale`; a pruned layer stores its mask as an I8 tensor `PATH.weight_mask` beside
/// its float weight; a factorised layer's `PATH.down` and `PATH.up` are ordinary parameters.
extension Model {
    /// The metadata entry (nil when nothing is compressed) and the tensors beyond the parameters.
    func compressionRecord() -> (metadata: String?, floats: [(name: String, tensor: Tensor)], bytes: [(name: String, shape: [Int], values: [Int8])]) {
        let compressed = compressedLayers
        guard !compressed.isEmpty else { return (nil, [], []) }
        var floats: [(name: String, tensor: Tensor)] = [], bytes: [(name: String, shape: [Int], values: [Int8])] = []
        var entries: [JSONValue] = []
        for (path, layer) in compressed {
            var entry: [(String, JSONValue)] = [("layer", .string(path)), ("kind", .string(layer.compression.name))]
            switch layer {
            case let quantized as QuantizedDense:
                bytes.append(("\(path).weight", [quantized.outputs, quantized.inputs], quantized.values))
                floats.append(("\(path).weight_scale", try! Tensor(shape: [quantized.outputs], values: quantized.scales)))
            case let masked as MaskedDense:
                bytes.append(("\(path).weight_mask", masked.mask.shape, masked.mask.scalars.map { $0 != 0 ? 1 : 0 }))
            case let factorised as LowRankDense:
                entry.append(("rank", .int(factorised.rank)))
            default:
                break
            }
            entries.append(.object(JSONObject(entry)))
        }
        return (JSONValue.array(entries).serialized, floats, bytes)
    }

    /// Puts the compressed layers listed in `text` in place of their Dense layers, with the int8
    /// values, scales and masks taken out of `file` (so that the rest loads as parameters).
    func restoreCompression(_ text: String, from file: inout SafeTensors) throws(CheckpointError) {
        guard let entries = (try? JSONValue.parse(text))?.arrayValue else { throw .malformed("finch.compression is not a list") }
        for entry in entries {
            guard let path = entry["layer"]?.stringValue, let kind = entry["kind"]?.stringValue,
                  let dense = linearLayers.first(where: { $0.name == path })?.layer as? Dense
            else { throw .malformed("finch.compression names no dense layer of the model") }
            let replacement: any Layer
            switch kind {
            case LayerCompression.int8.name:
                let quantized = QuantizedDense(quantizing: Tensor(uncheckedZeros: dense.weight.shape), bias: dense.bias)
                let values = try Model.takeBytes("\(path).weight", shape: dense.weight.shape, from: &file)
                let scales = try Model.takeFloats("\(path).weight_scale", shape: [dense.outputs], from: &file)
                guard quantized.restore(values: values, scales: scales.scalars) else { throw .malformed("\(path).weight_scale holds a scale that is not finite and ≥ 0") }
                replacement = quantized
            case LayerCompression.mask.name:
                let masked = MaskedDense(wrapping: dense, mask: Tensor(uncheckedZeros: dense.weight.shape))
                _ = masked.restore(mask: try Model.takeBytes("\(path).weight_mask", shape: dense.weight.shape, from: &file))
                replacement = masked
            case LayerCompression.lowRank(rank: 0).name:
                guard let rank = entry["rank"]?.intValue, (1...min(dense.inputs, dense.outputs)).contains(rank) else {
                    throw .malformed("finch.compression gives \(path) a rank outside 1…\(min(dense.inputs, dense.outputs))")
                }
                replacement = LowRankDense(down: Tensor(uncheckedZeros: [rank, dense.inputs]), up: Tensor(uncheckedZeros: [dense.outputs, rank]),
                                           bias: dense.bias?.value)
            default:
                throw .malformed("finch.compression has an unknown kind '\(kind)'")
            }
            do { try replaceLayer(at: path, with: replacement) } catch { throw .invalidArchitecture(error) }
        }
        if let extra = file.bytes.first { throw .unexpectedTensor(extra.name) }
    }

    /// The int8 tensor `name` of `shape`, removed from `file`.
    private static func takeBytes(_ name: String, shape: [Int], from file: inout SafeTensors) throws(CheckpointError) -> [Int8] {
        guard let index = file.bytes.firstIndex(where: { $0.name == name }) else { throw .missingTensor(name) }
        let found = file.bytes.remove(at: index)
        guard found.shape == shape else { throw .shapeMismatch(tensor: name, expected: shape, got: found.shape) }
        return found.values
    }

    /// The float tensor `name` of `shape`, removed from `file`.
    private static func takeFloats(_ name: String, shape: [Int], from file: inout SafeTensors) throws(CheckpointError) -> Tensor {
        guard let index = file.tensors.firstIndex(where: { $0.name == name }) else { throw .missingTensor(name) }
        let found = file.tensors.remove(at: index)
        guard found.tensor.shape == shape else { throw .shapeMismatch(tensor: name, expected: shape, got: found.tensor.shape) }
        return found.tensor
    }
}
