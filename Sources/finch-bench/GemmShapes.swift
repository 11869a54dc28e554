import FinchEngine

/// GFLOP/s of OpenBLAS for each product shape of the GPT benchmark's step, at 1 and 2 threads.
func gemmShapes() {
    let shapes: [(String, Int, Int, Int)] = [
        ("qkvo_fwd 768x128x128", 768, 128, 128), ("fc_fwd 768x512x128", 768, 512, 128),
        ("proj_fwd 768x128x512", 768, 128, 512), ("dW_qkvo 128x128x768", 128, 128, 768),
        ("dW_fc 512x128x768", 512, 128, 768), ("attn 64x64x32", 64, 64, 32), ("attn 64x32x64", 64, 32, 64),
    ]
    for threads in [1, 2] {
        BLAS.setThreads(threads)
        for (name, m, n, k) in shapes {
            let rate = BLAS.measureGemmRate(m: m, n: n, k: k, repeats: 300)
            print("\(name) threads \(threads): \(Int(rate)) GFLOP/s")
        }
    }
}
