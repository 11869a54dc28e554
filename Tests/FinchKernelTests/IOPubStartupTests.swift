@testable import FinchKernel
import Glibc
import Testing

/// Start-up help for front ends: a welcome on each IOPub subscription (JEP 65), and the watch on
/// the process that started the kernel.
@Suite struct IOPubStartupTests {
    @Test func aNewSubscriberIsWelcomedUnderItsTopic() {
        let transport = InMemoryTransport()
        let core = KernelCore(interpreter: ScriptedInterpreter(), transport: transport, interruptFlag: InterruptFlag())
        transport.subscribe(to: "")
        transport.subscribe(to: "kernel.1.status")
        core.welcomeNewSubscribers()
        core.welcomeNewSubscribers()
        let welcomes = transport.sent(on: .iopub)
        #expect(welcomes.map(\.type) == ["iopub_welcome", "iopub_welcome"])
        #expect(welcomes.map(\.identities) == [[[]], [Array("kernel.1.status".utf8)]])
        #expect(welcomes.map { $0.content["subscription"] } == ["", "kernel.1.status"])
        #expect(welcomes.allSatisfy { $0.parentHeader.isEmpty })
    }

    @Test func readsSubscriptionEvents() {
        #expect(SubscriptionEvent(frame: [1]) == .subscribe(topic: []))
        #expect(SubscriptionEvent(frame: [1] + Array("status".utf8)) == .subscribe(topic: Array("status".utf8)))
        #expect(SubscriptionEvent(frame: [0, 65]) == .unsubscribe(topic: [65]))
        #expect(SubscriptionEvent(frame: []) == nil)
        #expect(SubscriptionEvent(frame: [2, 65]) == nil)
    }

    @Test func refusesATopicLongerThanTheCap() {
        let longest = [UInt8](repeating: 65, count: SubscriptionEvent.maximumTopicBytes)
        #expect(SubscriptionEvent(frame: [1] + longest) == .subscribe(topic: longest))
        #expect(SubscriptionEvent(frame: [1] + longest + [65]) == nil)
    }

    @Test func welcomesOnlySubscriptionsToUTF8Topics() {
        #expect(SubscriptionEvent.subscribe(topic: Array("é".utf8)).welcomedTopic == "é")
        #expect(SubscriptionEvent.subscribe(topic: [0xFF, 0x41]).welcomedTopic == nil)
        #expect(SubscriptionEvent.unsubscribe(topic: []).welcomedTopic == nil)
    }

    @Test(arguments: [nil, "", "abc", "0", "1", "-4"])
    func watchesNoParentWithoutAProcessID(value: String?) {
        #expect(ParentWatch(environmentValue: value) == nil)
    }

    @Test func aLiveParentIsNotGone() throws {
        let watch = try #require(ParentWatch(environmentValue: String(getpid())))
        #expect(!watch.parentIsGone)
    }

    @Test func aParentThatNoLongerExistsIsGone() throws {
        let watch = try #require(ParentWatch(environmentValue: String(Int32.max)))
        #expect(watch.parentIsGone)
    }
}
