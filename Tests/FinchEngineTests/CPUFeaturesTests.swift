@testable import FinchEngine
import Glibc
import Testing

@Suite struct CPUFeaturesTests {
    private func cpuinfo(_ text: String) -> String {
        let path = "/tmp/finch-cpuinfo-\(getpid())-\(text.count)"
        let file = fopen(path, "w")!
        fputs(text, file)
        fclose(file)
        return path
    }

    @Test func readsTheFlagsOfTheFirstProcessor() {
        let path = cpuinfo("processor\t: 0\nflags\t\t: fpu sse2 avx2 fma\n\nprocessor\t: 1\nflags\t\t: fpu\n")
        defer { unlink(path) }
        #expect(CPUFeatures.processorFlags(path) == ["fpu", "sse2", "avx2", "fma"])
        #expect(CPUFeatures.missing(of: ["avx2", "fma"], cpuinfo: path) == [])
    }

    /// The products of this process run with the pinned kernels where the processor has AVX2 and
    /// FMA; elsewhere, or when the processor's flags cannot be read, OpenBLAS keeps its choice.
    @Test func openBLASRunsTheHaswellKernelsWhereverTheProcessorHasThem() {
        let flags = CPUFeatures.processorFlags("/proc/cpuinfo") ?? []
        let chosen = BLASKernels.inUse
        if flags.contains("avx2"), flags.contains("fma"), getenv("OPENBLAS_CORETYPE").map({ String(cString: $0) }) == BLASKernels.pinned {
            #expect(chosen == "Haswell")
        }
        let path = cpuinfo("processor\t: 0\nflags\t\t: fpu sse2 avx\n")
        defer { unlink(path) }
        #expect(BLASKernels.pin(cpuinfo: path) == chosen, "once chosen, the choice stays")
        #expect(BLASKernels.pin(cpuinfo: "/nonexistent/cpuinfo") == chosen)
    }

    @Test func namesWhatAnOlderProcessorLacks() throws {
        let path = cpuinfo("processor\t: 0\nflags\t\t: fpu sse2 avx\n")
        defer { unlink(path) }
        let missing = CPUFeatures.missing(of: ["avx2", "fma"], cpuinfo: path)
        #expect(missing == ["avx2", "fma"])
        let message = try #require(CPUFeatures.problem(missing: missing))
        #expect(message.hasPrefix("this build of Finch uses avx2 and fma instructions, which this processor lacks"))
        #expect(message.contains("FINCH_PORTABLE=1"))
    }

    @Test func nothingIsMissingWhenTheFlagsCannotBeRead() {
        #expect(CPUFeatures.missing(of: ["avx2"], cpuinfo: "/nonexistent/cpuinfo") == [])
        #expect(CPUFeatures.problem(missing: []) == nil)
    }

    @Test func thisMachineRunsThisBuild() {
        #expect(CPUFeatures.missing() == [])
    }
}
