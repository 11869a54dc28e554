internal import FinchJSON

/// Metadata keys Finch writes into its checkpoints.
enum CheckpointKey {
    static let architecture = "finch.architecture"
    static let training = "finch.training"
    static let adapters = "finch.lora"
    static let prompt = "finch.prompt"
    static let head = "finch.head"
    static let headStart = "finch.head_start"
    static let inputScaling = "finch.input_scaling"
    static let targetScaling = "finch.target_scaling"
    static let compression = "finch.compression"
}

/// A model read back from a checkpoint, with what was stored beside it.
public struct LoadedCheckpoint {
    /// The rebuilt model with the stored weights (and LoRA adapters, and a soft prompt).
    public let model: Model
    /// The training configuration, if one was stored.
    public let trainingConfig: TrainConfig?
    /// All metadata, Finch's keys included.
    public let metadata: [String: String]
}

extension Model {
    /// Saves every parameter (by dotted name) to a safetensors file at `path`, with the
    /// architecture, the head, the input scaling, LoRA adapters, the soft prompt, compressed layers and
    /// `trainingConfig` in the metadata.
    public func save(to path: String, trainingConfig: TrainConfig? = nil, metadata: [String: String] = [:]) throws(CheckpointError) {
        var stored = metadata
        stored[CheckpointKey.architecture] = spec.json.serialized
        stored[CheckpointKey.head] = head.kind.rawValue
        stored[CheckpointKey.headStart] = String(head.firstLayer)
        if let trainingConfig { stored[CheckpointKey.training] = trainingConfig.json.serialized }
        if let inputScaling { stored[CheckpointKey.inputScaling] = inputScaling.json.serialized }
        if let targetScaling { stored[CheckpointKey.targetScaling] = targetScaling.json.serialized }
        let adapters = self.adapters.map { name, lora in
            ["layer": .string(name), "rank": .int(lora.rank),
             "alpha": .double(Double(lora.alpha)), "dropout": .double(Double(lora.dropout))] as JSONValue
        }
        if !adapters.isEmpty { stored[CheckpointKey.adapters] = JSONValue.array(adapters).serialized }
        if let prompt = softPrompt { stored[CheckpointKey.prompt] = JSONValue.object(["length": .int(prompt.length)]).serialized }
        let compression = compressionRecord()
        if let record = compression.metadata { stored[CheckpointKey.compression] = record }
        var file = SafeTensors(tensors: parameters.map { ($0.name, $0.parameter.value) } + compression.floats, metadata: stored)
        file.bytes = compression.bytes
        try file.write(to: path)
    }

    /// Rebuilds the model stored at `path` (architecture from the metadata) with its weights; with
    /// `memoryBudget`, an architecture too large for it is refused before a tensor is read.
    /// `cancellation` is asked while the tensors are read and the model is built; when it is
    /// requested, ``CheckpointError/cancelled`` is thrown.
    public static func load(from path: String, memoryBudget: Int? = nil, cancellation: Cancellation = .never) throws(CheckpointError) -> LoadedCheckpoint {
        var stored: ModelSpec?
        var file = try SafeTensors.read(from: path, cancellation: cancellation) { metadata throws(CheckpointError) in
            guard let text = metadata[CheckpointKey.architecture], let json = try? JSONValue.parse(text),
                  let spec = ModelSpec(json: json) else { throw .missingArchitecture }
            if let memoryBudget {
                do throws(ModelError) {
                    let bytes = try spec.plan().bytesToBuild
                    if bytes > memoryBudget { throw .overBudget(bytes: bytes, budget: memoryBudget) }
                } catch { throw .invalidArchitecture(error) }
            }
            stored = spec
        }
        guard let spec = stored else { throw .missingArchitecture }
        let layers = spec.layers.count
        let head = ModelHead(kind: file.metadata[CheckpointKey.head].flatMap(HeadKind.init(rawValue:)) ?? .none,
                             firstLayer: file.metadata[CheckpointKey.headStart].flatMap(Int.init).map { min(max($0, 0), layers) } ?? layers)
        let model: Model
        do { model = try Model(spec, head: head, memoryBudget: memoryBudget, cancellation: cancellation) } catch {
            if error == .cancelled {
                BackgroundRelease.drop(consume file)
                throw .cancelled
            }
            throw .invalidArchitecture(error)
        }
        if let text = file.metadata[CheckpointKey.adapters], let adapters = (try? JSONValue.parse(text))?.arrayValue {
            for adapter in adapters {
                guard let layer = adapter["layer"]?.stringValue, let rank = adapter["rank"]?.intValue,
                      let alpha = adapter["alpha"]?.doubleValue, let dropout = adapter["dropout"]?.doubleValue else { throw .missingArchitecture }
                do { try model.addLoRA(matching: layer, rank: rank, alpha: Float(alpha), dropout: Float(dropout)) } catch {
                    throw .invalidArchitecture(error)
                }
            }
        }
        if let text = file.metadata[CheckpointKey.prompt] {
            guard let length = (try? JSONValue.parse(text))?["length"]?.intValue else { throw .missingArchitecture }
            do { try model.addSoftPrompt(length: length) } catch { throw .invalidArchitecture(error) }
        }
        if let text = file.metadata[CheckpointKey.inputScaling] {
            guard let json = try? JSONValue.parse(text), let scaling = FeatureScaling(json: json),
                  case .features(let width) = spec.input, scaling.width == width else { throw .invalidScaling }
            model.inputScaling = scaling
        }
        if let text = file.metadata[CheckpointKey.targetScaling] {
            guard let json = try? JSONValue.parse(text), let scaling = FeatureScaling(json: json),
                  scaling.width == model.plan.outputWidth else { throw .invalidScaling }
            model.targetScaling = scaling
        }
        if let text = file.metadata[CheckpointKey.compression] { try model.restoreCompression(text, from: &file) }
        if let extra = file.bytes.first { throw .unexpectedTensor(extra.name) }
        do { try model.loadWeights(file, cancellation: cancellation) } catch {
            if error == .cancelled { BackgroundRelease.drop((consume file, consume model)) }
            throw error
        }
        let training = file.metadata[CheckpointKey.training].flatMap { try? JSONValue.parse($0) }.flatMap(TrainConfig.init(json:))
        return LoadedCheckpoint(model: model, trainingConfig: training, metadata: file.metadata)
    }

    /// Copies the tensors of `file` into the parameters of the same names. Every parameter must be
    /// present with its shape; with `strict`, the file may hold no other tensors. `cancellation`
    /// is asked every few hundred tensors; when it is requested, ``CheckpointError/cancelled`` is
    /// thrown and the parameters are part old, part new.
    public func loadWeights(_ file: SafeTensors, strict: Bool = true, cancellation: Cancellation = .never) throws(CheckpointError) {
        let named = parameters
        var byName: [String: Tensor] = [:]
        for (name, tensor) in file.tensors { byName[name] = tensor }
        for (index, entry) in named.enumerated() {
            if cancellation.isRequested(at: index + 1, every: 256) { throw .cancelled }
            guard let tensor = byName.removeValue(forKey: entry.name) else { throw .missingTensor(entry.name) }
            guard tensor.shape == entry.parameter.shape else {
                throw .shapeMismatch(tensor: entry.name, expected: entry.parameter.shape, got: tensor.shape)
            }
            try! entry.parameter.assign(tensor)
        }
        if strict, let extra = byName.keys.sorted().first { throw .unexpectedTensor(extra) }
    }
}
