import FinchEngine
import Glibc

/// nanoGPT's small CPU configuration for character-level text.
struct GPTBenchmark {
    var textPath: String
    var steps = 2000
    var threads = 2
    var seed: UInt64 = 1337
    let batch = 12, length = 64, depth = 4, heads = 4, width = 128
    let evalInterval = 250, evalBatches = 20

    /// Trains, evaluating every `evalInterval` steps, and prints the figures.
    func run() throws {
        let wallStart = GemmProfiler.now()
        EngineThreads.set(threads)
        guard let corpus = TextCorpus(path: textPath) else { throw BenchError.unreadable(textPath) }
        let spec = ModelSpec.gpt(vocabulary: corpus.vocabulary.count, context: length, depth: depth, heads: heads,
                                 width: width, dropout: 0, bias: false, tied: true)
        let model = try Model(spec, seed: seed)
        let config = TrainConfig(
            steps: steps, learningRate: 1e-3, schedule: .cosine(warmup: 100, total: steps, minimum: 1e-4),
            optimizer: .adamW(beta1: 0.9, beta2: 0.99, epsilon: 1e-8, weightDecay: 0.1), gradientClip: 1, seed: seed)
        let trainer = try Trainer(model: model, config: config)
        print("vocabulary: \(corpus.vocabulary.count)")
        print("parameters: \(model.parameterCount)")
        var trainGenerator = Xoshiro(seed: seed), evalGenerator = Xoshiro(seed: seed &+ 1)
        // Fresh validation batches at every evaluation, as nanoGPT's estimate_loss draws them;
        // the products of an evaluation are not profiled (the profiler resumes after it).
        func validationBatches() -> [Batch] {
            GemmProfiler.enabled = false
            return (0..<evalBatches).map { _ in
                TextCorpus.batch(from: corpus.validation, batch: batch, length: length, generator: &evalGenerator)
            }
        }
        figure("val_loss_step_0", Double(try model.evaluate(validationBatches()).loss))
        var estimate: StepTimeEstimate?
        var stepMilliseconds: [Double] = []
        let history = try trainer.run(
            batches: { _ in TextCorpus.batch(from: corpus.train, batch: batch, length: length, generator: &trainGenerator) },
            validation: ValidationPlan(batches: validationBatches, interval: evalInterval),
            observe: { event in
            switch event {
            case .started(let start):
                estimate = start.time
                GemmProfiler.reset()
                GemmProfiler.enabled = true
            case .step(let report):
                stepMilliseconds.append(report.milliseconds)
            case .evaluated(let point):
                figure("val_loss_step_\(point.step)", Double(point.loss))
                let recent = stepMilliseconds.suffix(evalInterval)
                figure("ms_per_step_to_\(point.step)", recent.reduce(0, +) / Double(recent.count))
                GemmProfiler.enabled = true
            case .finished:
                GemmProfiler.enabled = false
            }
        })
        let gemmSeconds = GemmProfiler.seconds, gemmFlops = GemmProfiler.flops
        figure("val_loss", Double(history.validations.last?.loss ?? .nan))
        let measured = stepMilliseconds.dropFirst(min(10, stepMilliseconds.count / 2))
        let msPerStep = measured.reduce(0, +) / Double(max(measured.count, 1))
        let trainSeconds = stepMilliseconds.reduce(0, +) / 1000
        figure("ms_per_step", msPerStep)
        figure("ms_per_step_median", measured.sorted()[measured.count / 2])
        figure("tokens_per_s", Double(batch * length) / (msPerStep / 1000))
        figure("ms_per_step_estimated", (estimate?.seconds ?? .nan) * 1000)
        figure("gflop_per_step", gemmFlops / Double(stepMilliseconds.count) / 1e9)
        figure("gflop_per_step_estimated", (estimate?.matrixFlops ?? .nan) / 1e9)
        let inRun = gemmFlops / max(gemmSeconds, 1e-9) / 1e9, reference = referenceGemmRate()
        figure("sgemm_gflops_in_run", inRun)
        figure("sgemm_share_of_step", gemmSeconds / max(trainSeconds, 1e-9))
        figure("sgemm_gflops_openblas", reference)
        figure("sgemm_in_run_vs_openblas", inRun / reference)
        figure("engine_peak_mib", Double(trainer.peakBytes) / 1_048_576)
        figure("peak_rss_mib", peakResidentMiB())
        figure("wall_s", GemmProfiler.now() - wallStart)
    }

    /// GFLOP/s of OpenBLAS with its own `threads` threads on the step's largest product shape,
    /// `[768, 128] · [128, 512]`: the rate the in-run figure is compared with. Measured after
    /// training, once the engine's workers have gone to sleep (OpenBLAS's spinning threads would
    /// slow training down if it ran first).
    func referenceGemmRate() -> Double {
        usleep(200_000)
        BLAS.setThreads(threads)
        defer { BLAS.setThreads(1) }
        return BLAS.measureGemmRate(m: batch * length, n: 4 * width, k: width, repeats: 300)
    }
}

/// Why the benchmark could not run.
enum BenchError: Error, CustomStringConvertible {
    case unreadable(String)
    case usage(String)
    case unsupportedProcessor(String)

    var description: String {
        switch self {
        case let .unreadable(path): "cannot read text file \(path)"
        case let .usage(message), let .unsupportedProcessor(message): message
        }
    }
}
