import FinchEngine

/// Readies the engine for a command that trains or runs Finch code: stops when this build's
/// instructions need processor features the machine lacks (see `CPUFeatures`), and runs the
/// engine and OpenBLAS on one thread, so a script in a terminal gives the numbers the kernel
/// gives (its kernelspec sets `OPENBLAS_NUM_THREADS=1`; OpenBLAS's own threads split products
/// differently, which changes the last bits of a run: notebook 2's pre-training reached 0.4991
/// validation accuracy with them and 0.5022 without). Whatever runs, OpenBLAS runs the same
/// kernels on every processor with AVX2 and FMA (see `BLASKernels`).
func prepareEngine() throws {
    if let problem = CPUFeatures.problem(missing: CPUFeatures.missing()) { throw CommandFailure(problem) }
    EngineThreads.set(1)
}
