import COpenBLAS
import Glibc

/// Which of OpenBLAS's kernel sets runs the products, fixed so that a seeded run gives the same
/// bits on every x86-64 processor with AVX2 and FMA, and a shared notebook re-runs bit for bit on
/// another machine.
///
/// OpenBLAS built for many processors (as Debian's is) picks its kernels by the processor it finds,
/// and the kernel sets sum in different orders: notebook 2's pre-training ended at validation loss
/// 1.729 (accuracy 0.503) with the Cooperlake kernels it picks on an AMD EPYC with AVX-512, and at
/// 1.728 (0.5022) with the Prescott kernels it fell back to on a processor it did not know. Finch
/// asks for the Haswell kernels (AVX2 and FMA) wherever the processor has those instructions,
/// unless `OPENBLAS_CORETYPE` already names a choice; elsewhere OpenBLAS keeps its own choice.
///
/// The switch happens once, before the first product of the process: every call into OpenBLAS
/// goes through ``ready()``, which waits while another thread makes the switch, so no product
/// runs while the kernels change.
public enum BLASKernels {
    /// The kernel set Finch asks for.
    public static let pinned = "Haswell"
    /// The instructions the pinned kernels need (`/proc/cpuinfo` flag names).
    static let needed = ["avx2", "fma"]

    /// The kernel set the products run with, chosen before the first of them.
    public static let inUse = pin()

    /// Makes sure the kernels are chosen; call before every call into OpenBLAS.
    @inline(__always)
    static func ready() { _ = inUse }

    /// The name of the kernel set OpenBLAS runs now, e.g. `Haswell`.
    static var current: String { openblas_get_corename().map { String(cString: $0) } ?? "unknown" }

    /// Switches OpenBLAS to the pinned kernels where it can: the processor (as `cpuinfo`
    /// describes it) has the instructions, `OPENBLAS_CORETYPE` is not set, and this OpenBLAS
    /// chooses its kernels at run time. Returns the kernel set in use afterwards. Only ``inUse``
    /// switches; the tests call it where it refuses.
    static func pin(cpuinfo: String = "/proc/cpuinfo") -> String {
        guard getenv("OPENBLAS_CORETYPE") == nil, let flags = CPUFeatures.processorFlags(cpuinfo),
              needed.allSatisfy(flags.contains),
              let quit = function("gotoblas_dynamic_quit"), let choose = function("gotoblas_dynamic_init") else { return current }
        setenv("OPENBLAS_CORETYPE", pinned, 1)
        quit()
        choose()
        return current
    }

    /// The C function `name` of this process's libraries (OpenBLAS built for one processor has
    /// no `gotoblas_dynamic_*`).
    private static func function(_ name: String) -> (@convention(c) () -> Void)? {
        guard let process = dlopen(nil, RTLD_NOW), let address = dlsym(process, name) else { return nil }
        return unsafeBitCast(address, to: (@convention(c) () -> Void).self)
    }
}
