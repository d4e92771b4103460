import Testing
import TerminalUI

struct GridDiffTests {
    @Test func identical_grids_have_no_changes() {
        var grid = Grid(width: 4, height: 2)
        grid.put("ab日", at: .zero)
        #expect(grid.changes(from: grid) == [])
    }

    @Test func one_changed_cell_is_one_change() {
        let before = Grid(width: 5, height: 2)
        var after = before
        after.put("x", at: Point(x: 3, y: 1))
        #expect(after.changes(from: before) == [CellChange(point: Point(x: 3, y: 1), cell: Cell("x"))])
    }

    @Test func a_style_change_alone_is_a_change() {
        var before = Grid(width: 3, height: 1)
        before.put("a", at: .zero)
        var after = Grid(width: 3, height: 1)
        after.put("a", at: .zero, style: .error)
        #expect(after.changes(from: before) == [CellChange(point: .zero, cell: Cell("a", style: .error))])
    }

    @Test func a_wide_character_changes_its_lead_and_continuation_cells() {
        let before = Grid(width: 4, height: 1)
        var after = before
        after.put("日", at: Point(x: 1, y: 0))
        let changes = after.changes(from: before)
        #expect(changes.map(\.point) == [Point(x: 1, y: 0), Point(x: 2, y: 0)])
        #expect(changes[0].cell.isWide)
        #expect(changes[0].cell.character == "日")
        #expect(changes[1].cell.isContinuation)
    }

    @Test func changes_are_listed_in_row_major_order() {
        let before = Grid(width: 3, height: 3)
        var after = before
        after.put("c", at: Point(x: 2, y: 2))
        after.put("a", at: Point(x: 0, y: 0))
        after.put("b", at: Point(x: 1, y: 1))
        #expect(after.changes(from: before).map(\.point) == [Point(x: 0, y: 0), Point(x: 1, y: 1), Point(x: 2, y: 2)])
    }

    @Test func a_different_size_lists_every_cell() {
        let before = Grid(width: 2, height: 2)
        let after = Grid(width: 3, height: 2)
        let changes = after.changes(from: before)
        #expect(changes.count == 6)
        #expect(changes.last == CellChange(point: Point(x: 2, y: 1), cell: .blank))
    }
}
