@testable import FinchKernel
import Testing

/// IOPub waits once for a subscriber that fell a whole buffer behind, then drops (and counts)
/// until it reads again.
@Suite struct IOPubBackpressureTests {
    @Test func aSubscriberThatKeepsUpIsWaitedForAndLosesNothing() {
        var backpressure = IOPubBackpressure()
        #expect(backpressure.sendWaits)
        let dropped = backpressure.sent()
        #expect(dropped == nil)
        #expect(backpressure.sendWaits)
    }

    @Test func afterOneTimedOutWaitMessagesAreDroppedAndCountedUntilOneGoesOut() {
        var backpressure = IOPubBackpressure()
        let firstRefusals = [backpressure.refused(), backpressure.refused(), backpressure.refused()]
        #expect(firstRefusals == [true, false, false])
        #expect(!backpressure.sendWaits)
        #expect(backpressure.dropped == 3)
        let droppedBeforeCatchingUp = backpressure.sent()
        #expect(droppedBeforeCatchingUp == 3)
        #expect(backpressure.sendWaits)
        let droppedAfter = backpressure.sent()
        #expect(droppedAfter == nil)
    }
}
