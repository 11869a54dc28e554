import FinchDisplay
import Testing

@Suite struct TableTests {
    let metrics = Table(
        columns: ["step", Column("train loss", best: .min), Column("val loss", best: .min),
                  Column("accuracy", best: .max), "note"],
        rows: [
            [1, 2.302585, 2.30112, 0.1123, "start"],
            [100, 0.45123, 0.50012, 0.8734, ""],
            [200, 0.31234, 0.51234, 0.8812, "overfits?"],
            [300, .number(.nan), .empty, 0.0005],
        ],
        caption: "Training metrics")

    @Test func rendersAlignedColumnsWithBestMarks() {
        expectText(metrics.render(width: 80), """
        Training metrics
        step  train loss  val loss  accuracy  note
        ----  ----------  --------  --------  ---------
           1      2.303     2.301    0.1123   start
         100     0.4512    0.5001*   0.8734
         200     0.3123*   0.5123    0.8812*  overfits?
         300        nan              0.0005
        """)
    }

    @Test func htmlIsWellFormedAndBoldsTheBest() {
        expectWellFormed(metrics.html)
        expectText(metrics.html, """
            <table class="finch-table">
            <caption>Training metrics</caption>
            <thead><tr><th style="text-align:right">step</th><th style="text-align:right">train loss</th>\
            <th style="text-align:right">val loss</th><th style="text-align:right">accuracy</th>\
            <th style="text-align:left">note</th></tr></thead>
            <tbody>
            <tr><td style="text-align:right">1</td><td style="text-align:right">2.303</td>\
            <td style="text-align:right">2.301</td><td style="text-align:right">0.1123</td>\
            <td style="text-align:left">start</td></tr>
            <tr><td style="text-align:right">100</td><td style="text-align:right">0.4512</td>\
            <td style="text-align:right"><b>0.5001</b></td><td style="text-align:right">0.8734</td>\
            <td style="text-align:left"></td></tr>
            <tr><td style="text-align:right">200</td><td style="text-align:right"><b>0.3123</b></td>\
            <td style="text-align:right">0.5123</td><td style="text-align:right"><b>0.8812</b></td>\
            <td style="text-align:left">overfits?</td></tr>
            <tr><td style="text-align:right">300</td><td style="text-align:right">nan</td>\
            <td style="text-align:right"></td><td style="text-align:right">0.0005</td>\
            <td style="text-align:left"></td></tr>
            </tbody>
            </table>
            """)
    }

    @Test func csvHoldsFullPrecisionAndQuotes() {
        let table = Table(columns: ["name", "value"], rows: [["a, b", .number(0.1 + 0.2)], ["say \"hi\"", 3]])
        expectText(table.csv, #"""
        name,value
        "a, b",0.30000000000000004
        "say ""hi""",3

        """#)
    }

    @Test func markdownAlignsNumbersAndBoldsTheBest() {
        expectText(metrics.markdown, """
        Training metrics

        | step | train loss | val loss | accuracy | note |
        | ---: | ---: | ---: | ---: | :--- |
        | 1 | 2.303 | 2.301 | 0.1123 | start |
        | 100 | 0.4512 | **0.5001** | 0.8734 |  |
        | 200 | **0.3123** | 0.5123 | **0.8812** | overfits? |
        | 300 | nan |  | 0.0005 |  |

        """)
    }

    @Test func wideTablesFoldRepeatingTheFirstColumn() {
        let columns = ["layer"] + (1...8).map { Column("metric \($0)") }
        let table = Table(columns: columns, rows: [["embed"] + (1...8).map { Cell.number(Double($0) / 3) }])
        expectText(table.render(width: 40), """
        layer  metric 1  metric 2  metric 3
        -----  --------  --------  --------
        embed    0.3333    0.6667         1

        layer  metric 4  metric 5  metric 6
        -----  --------  --------  --------
        embed     1.333     1.667         2

        layer  metric 7  metric 8
        -----  --------  --------
        embed     2.333     2.667
        Wide table folded into 3 parts to fit 40 characters.
        """)
    }

    @Test func longTablesShowTheFirstAndLastRows() {
        let table = Table(columns: ["step", Column("loss", best: .min)],
                          rows: (1...100).map { [.number(Double($0)), .number(1 / Double($0))] },
                          maxRows: 4)
        expectText(table.render(), """
        step    loss
        ----  -------
           1       1
           2     0.5
           …       …
          99  0.0101
         100    0.01*
        Showing 4 of 100 rows.
        """)
        expectWellFormed(table.html)
    }

    @Test func emptyTablesSaySo() {
        expectText(Table(columns: ["a", "b"], rows: []).render(), """
        a  b
        -  -
        (no rows)
        """)
        expectText(Table(columns: [], rows: [], caption: "Nothing").render(), """
        Nothing
        (empty table)
        """)
    }

    @Test func htmlEscapesText() {
        let table = Table(columns: ["<name>"], rows: [["a & b"]], caption: "x < y", notes: ["\"quoted\""])
        expectWellFormed(table.html)
        #expect(table.html.contains("<th style=\"text-align:left\">&lt;name&gt;</th>"))
        #expect(table.html.contains("a &amp; b"))
    }

    @Test func textAndHTMLCarryTheSameNumbers() {
        for value in ["2.303", "0.4512", "0.3123*", "0.8812*", "nan", "0.0005"] {
            #expect(metrics.render().contains(value))
            #expect(metrics.html.contains(value.hasSuffix("*") ? "<b>\(value.dropLast())</b>" : value))
        }
        let bundle = metrics.bundle(width: 60)
        #expect(bundle.plainText == metrics.render(width: 60))
        #expect(bundle["text/html"] == metrics.html)
    }
}
