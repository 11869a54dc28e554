import FinchEngine

extension Command {
    /// `quantize MODEL`: a copy with int8 weights, symmetric per output channel.
    static let quantize = Command(
        name: "quantize",
        summary: "A copy of a model with int8 weights (one float scale per output channel) in its dense layers and attention projections; the original is left unchanged.",
        positional: [Parameter("model", .any, doc: "the model to quantise (float weights)", required: true)]
    ) { invocation throws(FinchError) in
        let source = try CompressedCopy.source(invocation)
        let quantized: Model
        do throws(CompressionError) { quantized = try source.model.quantized() } catch {
            throw CompressedCopy.describe(error, of: source, at: "model", invocation)
        }
        let object = CompressedCopy.object(quantized, from: source, suffix: "int8", how: "int8 quantisation", invocation)
        let layers = quantized.linearLayers.filter { $0.layer is QuantizedDense }.count
        invocation.interpreter.output.write(
            "\(object.name): \(layers) dense layer\(layers == 1 ? "" : "s") of \(source.name) in int8, one scale per output channel; "
                + "inference dequantises each layer's weights as it runs\n", to: .stdout)
        return .wrap(object)
    }
}
