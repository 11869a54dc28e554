import FinchData
import Testing

@Suite struct DataErrorTests {
    @Test func everyMessageSaysWhatWhereAndWhatToDo() {
        let cases: [(DataError, String)] = [
            (.unreadableFile(path: "a.csv", reason: "No such file or directory"),
             "cannot read 'a.csv': No such file or directory; check the path, relative to the folder Finch runs in"),
            (.notUTF8(path: "a.txt", line: 3),
             "'a.txt' is not UTF-8 text (invalid bytes on line 3); save the file as UTF-8 and load it again"),
            (.csvSyntax(path: "a.csv", line: 2, column: 5, message: "bad"), "a.csv:2:5: bad"),
            (.unknownColumn(path: "a.csv", name: "specis", available: ["x", "species"], suggestion: "species"),
             "'a.csv' has no column 'specis'; did you mean 'species'?; its columns are 'x', 'species'"),
            (.unknownColumn(path: "a.csv", name: "q", available: ["x"], suggestion: nil), "'a.csv' has no column 'q'; its columns are 'x'"),
            (.nonNumericCell(path: "a.csv", line: 4, column: "age", value: "old"),
             "a.csv:4: column 'age' holds 'old', which is not a number; fix the cell or leave the column out of the features"),
            (.nonNumericCell(path: "a.csv", line: 4, column: "age", value: ""),
             "a.csv:4: column 'age' holds an empty cell, which is not a number; fix the cell or leave the column out of the features"),
            (.missingLabel(path: "a.csv", line: 7, column: "y"),
             "a.csv:7: the label column 'y' is empty; give every row a label or remove the row"),
            (.noNumericColumns(path: "a.csv"),
             "'a.csv' has no column that holds only numbers; name a text column with text: or the feature columns with features:"),
            (.textAndFeatures(path: "a.csv"),
             "both a text column and feature columns were named for 'a.csv'; a data set holds either texts or features, so choose one"),
            (.emptyDataset(name: "a"), "the data set 'a' has no examples; check that the file has rows below its header"),
            (.noLabels(name: "a", operation: "sampled per class"),
             "the data set 'a' has no labels, so it cannot be sampled per class; load it with a label column"),
            (.wrongInputs(name: "a", needs: "texts"), "the data set 'a' does not hold texts, which this needs; use a data set of texts"),
            (.notEnoughExamples(name: "a", className: "cat", available: 3, requested: 5),
             "cannot sample 5 examples of class 'cat' from 'a': it has only 3; ask for at most 3 per class"),
            (.badSplitParts(parts: [80, -20, 0.5]),
             "split parts must be two or more positive numbers, such as [80, 20] or [0.8, 0.2]; got [80, -20, 0.5]"),
            (.emptySplitPart(name: "a", part: 2, parts: 3, examples: 4),
             "part 2 of 3 of 'a' would be empty (the data set has 4 examples); give that part a larger share or split into fewer parts"),
            (.indexOutOfRange(name: "a", index: 9, count: 5), "example 9 is outside the data set 'a', whose examples are numbered 0 to 4"),
            (.unknownBuiltin(name: "digts", suggestion: "digits", available: ["digits", "reviews"]),
             "there is no built-in data named 'digts'; did you mean 'digits'?; the built-in data are 'digits', 'reviews'"),
            (.notACorpus(name: "digits", corpora: ["reviews"]),
             "the built-in 'digits' is a labeled data set, not a text corpus; the built-in corpora are 'reviews'"),
            (.builtinFileMissing(name: "digits", path: "/x/digits.csv.gz", reason: "No such file or directory"),
             "the built-in data 'digits' is missing: cannot read '/x/digits.csv.gz' (No such file or directory); "
                 + "set the environment variable FINCH_DATA to the folder that holds Finch's data files"),
            (.streamTooShort(tokens: 5, window: 9), "the text has 5 tokens, too few for a window of 9; use a shorter context or a longer text"),
            (.outOfRange(parameter: "the mask rate", value: "2.0", allowed: "between 0 and 1"), "the mask rate must be between 0 and 1, got 2.0"),
        ]
        for (error, message) in cases { #expect(error.description == message) }
    }
}
