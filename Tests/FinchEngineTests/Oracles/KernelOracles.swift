import Testing

/// The suites that compare the engine's fast kernels with the naive references of `Naive`.
/// They run one test at a time: each sets the engine's thread count, and its two-thread passes
/// split their work only while it has the worker pool to itself (a parallel region asked for
/// while another runs goes on its caller's thread, which gives the same numbers but would leave
/// the split untested). Other suites of the target may still hold the pool meanwhile.
@Suite(.serialized) enum KernelOracles {}
