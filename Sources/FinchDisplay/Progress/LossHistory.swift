/// The losses seen during a run, kept in bounded memory: when full, every other point is
/// dropped and from then on only every second (fourth, …) loss is kept.
struct LossHistory: Equatable {
    private(set) var steps: [Double] = []
    private(set) var losses: [Double] = []
    private var stride = 1
    private var seen = 0
    let capacity: Int

    init(capacity: Int = 1000) {
        self.capacity = max(2, capacity)
    }

    /// Records `loss` at `step`, if this point falls on the current stride.
    mutating func record(step: Int, loss: Double) {
        defer { seen += 1 }
        guard seen % stride == 0 else { return }
        steps.append(Double(step))
        losses.append(loss)
        if steps.count >= capacity {
            steps = steps.enumerated().filter { $0.offset % 2 == 0 }.map(\.element)
            losses = losses.enumerated().filter { $0.offset % 2 == 0 }.map(\.element)
            stride *= 2
        }
    }
}
