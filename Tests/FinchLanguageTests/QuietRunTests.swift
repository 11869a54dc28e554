@testable import FinchLanguage
import Testing

/// `show: false` makes a training command only return its run: no header, progress or result
/// drawn, as in a loop of many runs; the run is the same.
@Suite struct QuietRunTests {
    let finch = Harness()

    @Test func aQuietRunDrawsNothingAndTrainsTheSame() throws {
        finch.define("points", Fixtures.blobs(count: 32))
        finch.result("model net { input features: 4; classify classes: 2 }")
        finch.result("quiet = finetune net on points epochs: 2 seed: 4 show: false")
        #expect(finch.sink.events.isEmpty, "\(finch.sink.events)")
        #expect(finch.result("quiet.config.show")?.contains("no property") == true, "show: is not a setting of the run")
        finch.result("model net { input features: 4; classify classes: 2 }")
        finch.result("loud = finetune net on points epochs: 2 seed: 4")
        #expect(finch.sink.stdout.contains("finetune net (full): 4 steps"))
        #expect(finch.sink.displayedText.contains("run loud"))
        #expect(finch.run("quiet")?.losses == finch.run("loud")?.losses)
    }
}
