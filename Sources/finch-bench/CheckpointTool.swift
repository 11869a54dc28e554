import FinchEngine

/// `checkpoint-write FILE`: trains a tiny GPT for 3 steps and saves it; prints each parameter's
/// `name: shape sum` so another reader (Python's safetensors) can be checked against it.
func writeCheckpoint(path: String) throws {
    let model = try Model(.gpt(vocabulary: 11, context: 8, depth: 2, heads: 2, width: 16), seed: 1)
    let config = TrainConfig(steps: 3, learningRate: 1e-2, schedule: .cosine(warmup: 1, total: 3, minimum: 1e-3), gradientClip: 1)
    var generator = Xoshiro(seed: 2)
    let ids = (0..<4 * 9).map { _ in Int32(generator.nextInt(below: 11)) }
    let batch = Batch(input: .tokens((0..<4).flatMap { ids[$0 * 9..<$0 * 9 + 8] }, batch: 4, length: 8),
                      targets: .classes((0..<4).flatMap { ids[$0 * 9 + 1..<$0 * 9 + 9] }))
    _ = try train(model, batches: { _ in batch }, config: config)
    try model.save(to: path, trainingConfig: config, metadata: ["purpose": "interoperability check"])
    for named in model.parameters { describe(named.name, named.parameter.value) }
}

/// `checkpoint-read FILE`: prints `name: shape sum` for every tensor and `meta KEY: VALUE`.
func readCheckpoint(path: String) throws {
    let file = try SafeTensors.read(from: path)
    for (name, tensor) in file.tensors { describe(name, tensor) }
    for (key, value) in file.metadata.sorted(by: { $0.key < $1.key }) { print("meta \(key): \(value)") }
}

private func describe(_ name: String, _ tensor: Tensor) {
    print("\(name): \(tensor.shape.map(String.init).joined(separator: "x")) \(tensor.scalars.reduce(0.0) { $0 + Double($1) })")
}
