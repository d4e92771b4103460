import Testing
import TerminalUI

struct TableViewTests {
    let columns = [
        TableColumn("ID", width: .fixed(4)),
        TableColumn("Name", width: .fill()),
        TableColumn("ms", width: .fixed(4), alignment: .right),
    ]

    @Test func columns_share_the_width_with_spacing() {
        let table = TableView(columns: columns, rows: RowProvider([]))
        let layout = table.columnLayout(width: 20)
        #expect(layout.map(\.x) == [0, 5, 16])
        #expect(layout.map(\.width) == [4, 10, 4])
        #expect(table.bodyRect(in: Rect(x: 0, y: 0, width: 20, height: 3)) == Rect(x: 0, y: 1, width: 20, height: 2))
    }

    @Test func cells_are_truncated_and_aligned_under_a_header() {
        let rows: [[Line]] = [
            ["call1", "counter.increment()", "12"],
            ["c2", "greet", "0"],
            ["c3", "tail"],
        ]
        let table = TableView(columns: columns, rows: RowProvider(rows))
        var grid = Grid(width: 20, height: 4)
        table.render(into: &grid, in: grid.bounds, state: ListState(selected: 1))
        #expect(
            grid.rows() == [
                "ID   Name         ms",
                "cal… counter.i…   12",
                "c2   greet         0",
                "c3   tail",
            ])
        #expect(grid[0, 0].style.role == .header)
        #expect(grid[4, 2].style.role == .selected)
        #expect(grid[0, 1].style.role == .normal)
    }

    @Test func only_visible_rows_are_requested() {
        var requested: [Int] = []
        let rows = RowProvider(count: 1_000_000) { index -> [Line] in
            requested.append(index)
            return ["\(index)", "x", "1"]
        }
        var state = ListState()
        state.apply(.last, count: rows.count, height: 3)
        var grid = Grid(width: 20, height: 4)
        TableView(columns: columns, rows: rows).render(into: &grid, in: grid.bounds, state: state)
        #expect(requested == [999_997, 999_998, 999_999])
        #expect(grid.rows()[3] == "999… x" + String(repeating: " ", count: 13) + "1")
    }
}
