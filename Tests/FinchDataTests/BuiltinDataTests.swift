@testable import FinchData
import Glibc
import Testing

@Suite struct BuiltinDataTests {
    @Test func digitsLoadWithTheFilesClassCounts() throws {
        let digits = try BuiltinData.dataset(named: "digits")
        #expect(digits.count == 1797)
        #expect(digits.width == 64)
        #expect(digits.classNames == ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"])
        // Counted with `zcat data/digits.csv.gz | cut -d, -f65 | sort | uniq -c`.
        #expect(digits.classCounts == [178, 182, 177, 183, 181, 182, 181, 179, 174, 180])
        #expect(digits.imageShape == [8, 8])
        #expect(digits.featureNames.first == "r0c0" && digits.featureNames.last == "r7c7")
        // First line: 0,0,5,13,9,1,0,0,… class 0.
        let expected: [Float] = [0, 0, 5, 13, 9, 1].map { $0 / 16 }
        #expect(Array(digits.featureRow(0).prefix(6)) == expected)
        #expect(digits.labels?.first == 0)
        guard case let .features(values, _) = digits.inputs else { Issue.record("not features"); return }
        #expect(values.min() == 0 && values.max() == 1)
    }

    @Test func smsSpamLoadsEveryMessageWithItsLabel() throws {
        let sms = try BuiltinData.dataset(named: "sms_spam")
        // Counted with `zcat data/sms_spam.tsv.gz | cut -f1 | sort | uniq -c`.
        #expect(sms.count == 5574)
        #expect(sms.classNames == ["ham", "spam"])
        #expect(sms.classCounts == [4827, 747])
        #expect(sms.texts?.first == "Go until jurong point, crazy.. Available only in bugis n great world la e buffet... Cine there got amore wat...")
        #expect(sms.labels?.prefix(3) == [0, 0, 1])
    }

    @Test func theSMSCorpusLeavesOutTheStandardTestSplit() throws {
        let sms = try BuiltinData.dataset(named: "sms_spam")
        let parts = try sms.standardSplit(seed: BuiltinData.standardSplitSeed)
        let corpus = try BuiltinData.corpus(named: "sms_spam")
        let lines = Set(corpus.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
        let test = try #require(parts[2].texts), train = try #require(parts[0].texts)
        #expect(test.count == 558 && train.count == 4460)
        // A message may occur in both parts (the collection holds duplicates); the others must not leak.
        let trainAndVal = Set(train + (parts[1].texts ?? []))
        #expect(test.filter { lines.contains($0) }.allSatisfy(trainAndVal.contains))
        #expect(train.allSatisfy(lines.contains))
        #expect(corpus.text.split(separator: "\n", omittingEmptySubsequences: false).count == sms.count - test.count)
    }

    @Test func aDamagedSMSFileIsReported() {
        let path = temporaryFile("sms_spam.tsv.gz", bytes: Array("ham\tfine\nmaybe\tnot\n".utf8))
        let folder = String(path.dropLast("/sms_spam.tsv.gz".count))
        #expect(throws: DataError.csvSyntax(path: path, line: 2, column: 1,
                                            message: "expected 'ham' or 'spam', a tab, then the message; the file is damaged, so restore it from Finch's sources")) {
            try SMSSpam.load(folder: folder)
        }
    }

    @Test func theDataFolderComesFromTheSourceTreeOrFINCHDATA() {
        #expect(dataFolder(environment: { _ in nil }).hasSuffix("/data"))
        #expect(dataFolder(environment: { $0 == "FINCH_DATA" ? "/opt/finch/data" : nil }) == "/opt/finch/data")
        #expect(dataFolder(environment: { _ in "" }) == dataFolder(environment: { _ in nil }))
    }

    @Test func anInstalledBinaryReadsShareFinchDataBesideItsBinFolder() {
        let sourceTree = dataFolder(environment: { _ in nil }, executable: nil)
        #expect(sourceTree.hasSuffix("/data") && sourceTree != "/opt/finch/share/finch/data")
        let installed = dataFolder(environment: { _ in nil }, executable: "/opt/finch/bin/finch",
                                   isFolder: { $0 == "/opt/finch/share/finch/data" })
        #expect(installed == "/opt/finch/share/finch/data")
        #expect(dataFolder(environment: { _ in nil }, executable: "/opt/finch/bin/finch", isFolder: { _ in false }) == sourceTree)
        #expect(dataFolder(environment: { $0 == "FINCH_DATA" ? "/elsewhere" : nil }, executable: "/opt/finch/bin/finch",
                           isFolder: { _ in true }) == "/elsewhere")
    }

    @Test func folderExistsTellsFoldersFromFilesAndNothing() {
        let folder = temporaryFolder()
        let file = fopen(folder + "/plain", "wb")!
        fclose(file)
        #expect(folderExists(folder))
        #expect(!folderExists(folder + "/plain"))
        #expect(!folderExists(folder + "/missing"))
        #expect(runningExecutable()?.hasPrefix("/") == true)
    }

    @Test func aMissingDigitsFileSaysWhereItLookedAndWhatToSet() {
        #expect(throws: DataError.builtinFileMissing(name: "digits", path: "/nonexistent/digits.csv.gz", reason: "No such file or directory")) {
            try Digits.load(folder: "/nonexistent")
        }
    }

    @Test func aDamagedDigitsFileIsReported() {
        let folder = temporaryFolder()
        let file = fopen(folder + "/digits.csv.gz", "wb")!
        fputs("1,2,3\n", file)
        fclose(file)
        #expect(throws: DataError.csvSyntax(path: folder + "/digits.csv.gz", line: 1, column: 1,
                                            message: "expected 64 pixel counts 0…16 and a class 0…9; the file is damaged, so restore it from Finch's sources")) {
            try Digits.load(folder: folder)
        }
    }

    @Test func unknownNamesGetASuggestionAndTheList() {
        #expect(throws: DataError.unknownBuiltin(name: "digts", suggestion: "digits", available: ["digits", "reviews", "sms_spam", "spirals"])) {
            try BuiltinData.dataset(named: "digts")
        }
        #expect(throws: DataError.unknownBuiltin(name: "mnist", suggestion: nil, available: ["digits", "reviews", "sms_spam", "spirals"])) {
            try BuiltinData.corpus(named: "mnist")
        }
        #expect(throws: DataError.notACorpus(name: "digits", corpora: ["reviews", "sms_spam"])) { try BuiltinData.corpus(named: "digits") }
        for name in BuiltinData.names { #expect(BuiltinData.summary(of: name) != nil) }
        #expect(BuiltinData.summary(of: "mnist") == nil)
    }

    @Test func spiralsAreThreeBalancedArmsDrawnFromTheSeed() throws {
        let spirals = try BuiltinData.dataset(named: "spirals", seed: 1)
        #expect(spirals.count == 600)
        #expect(spirals.classCounts == [200, 200, 200])
        #expect(spirals.featureNames == ["x", "y"])
        #expect(try BuiltinData.dataset(named: "spirals", seed: 1) == spirals)
        #expect(try BuiltinData.dataset(named: "spirals", seed: 2) != spirals)
        for index in 0..<spirals.count {
            let row = spirals.featureRow(index)
            #expect((row.first! * row.first! + row.last! * row.last!).squareRoot() < 1.0001)
        }
    }
}
