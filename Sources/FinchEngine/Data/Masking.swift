/// BERT-style masking for masked language modelling.
public enum TokenMasking {
    /// Chooses each position with probability `probability`; a chosen position becomes
    /// `maskToken` 80% of the time, a random id in `0..<vocabulary` 10%, and stays 10%. Targets
    /// hold the original id at chosen positions and `ignoreIndex` elsewhere, so cross-entropy
    /// scores only the chosen positions.
    public static func mask(
        _ tokens: [Int32], probability: Float, maskToken: Int32, vocabulary: Int,
        ignoreIndex: Int32 = -100, generator: inout Xoshiro
    ) -> (inputs: [Int32], targets: [Int32]) {
        var inputs = tokens
        var targets = [Int32](repeating: ignoreIndex, count: tokens.count)
        for i in tokens.indices where generator.nextUniform() < probability {
            targets[i] = tokens[i]
            let roll = generator.nextUniform()
            if roll < 0.8 {
                inputs[i] = maskToken
            } else if roll < 0.9 {
                inputs[i] = Int32(generator.nextInt(below: vocabulary))
            }
        }
        return (inputs, targets)
    }
}
