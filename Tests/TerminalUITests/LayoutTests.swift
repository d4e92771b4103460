import Testing
import TerminalUI

struct LayoutTests {
    @Test func fixed_pieces_get_their_size_and_fill_takes_the_rest() {
        let pieces = Rect(x: 0, y: 0, width: 100, height: 10).split(.horizontal, [.fixed(20), .fill(), .fixed(30)])
        #expect(
            pieces == [
                Rect(x: 0, y: 0, width: 20, height: 10),
                Rect(x: 20, y: 0, width: 50, height: 10),
                Rect(x: 70, y: 0, width: 30, height: 10),
            ])
    }

    @Test func fractions_that_add_up_to_one_use_the_whole_length() {
        let pieces = Rect(x: 5, y: 0, width: 81, height: 1).columns(.fraction(0.5), .fraction(0.5))
        #expect(pieces == [Rect(x: 5, y: 0, width: 40, height: 1), Rect(x: 45, y: 0, width: 41, height: 1)])
        let thirds = LayoutConstraint.lengths(for: [.fraction(1.0 / 3), .fraction(1.0 / 3), .fraction(1.0 / 3)], total: 100)
        #expect(thirds == [33, 33, 34])
    }

    @Test func a_fraction_respects_its_minimum() {
        #expect(LayoutConstraint.lengths(for: [.fraction(0.25, min: 12), .fill()], total: 40) == [12, 28])
        #expect(LayoutConstraint.lengths(for: [.fraction(0.25, min: 12), .fill()], total: 200) == [50, 150])
    }

    @Test func fill_pieces_get_their_minimum_then_share_by_weight() {
        #expect(LayoutConstraint.lengths(for: [.fill(min: 2, weight: 1), .fill(min: 0, weight: 3)], total: 10) == [4, 6])
        #expect(LayoutConstraint.lengths(for: [.fill(), .fill(), .fill()], total: 10) == [4, 3, 3])
        #expect(LayoutConstraint.lengths(for: [.min(30), .fixed(10)], total: 100) == [90, 10])
    }

    @Test func too_little_room_shrinks_later_pieces_first() {
        #expect(LayoutConstraint.lengths(for: [.fixed(8), .fixed(5), .fill(min: 3)], total: 10) == [8, 2, 0])
        #expect(LayoutConstraint.lengths(for: [.fixed(-3), .fraction(.nan), .fill(weight: -1)], total: 7) == [0, 0, 7])
    }

    @Test func without_fill_pieces_leftover_space_stays_unused() {
        #expect(Rect(x: 0, y: 0, width: 10, height: 2).columns(.fixed(3)) == [Rect(x: 0, y: 0, width: 3, height: 2)])
    }

    @Test func the_wide_inspector_layout_splits_exactly() {
        let screen = Rect(size: Size(width: 120, height: 32))
        let rows = screen.rows(.fill(), .fixed(1), .fixed(1), .fixed(1))
        #expect(rows.map(\.height) == [29, 1, 1, 1])
        #expect(rows.map(\.y) == [0, 29, 30, 31])
        let columns = rows[0].columns(.fraction(0.25, min: 26), .fill())
        #expect(columns == [Rect(x: 0, y: 0, width: 30, height: 29), Rect(x: 30, y: 0, width: 90, height: 29)])
    }

    @Test func empty_rectangles_split_into_empty_pieces() {
        let pieces = Rect.zero.split(.vertical, [.fixed(5), .fill()])
        #expect(pieces == [Rect(x: 0, y: 0, width: 0, height: 0), Rect(x: 0, y: 0, width: 0, height: 0)])
        #expect(Rect(x: 0, y: 0, width: -5, height: 3).isEmpty)
    }

    @Test func insets_intersections_and_edge_splits() {
        let rect = Rect(x: 0, y: 0, width: 10, height: 5)
        #expect(rect.inset(by: 1) == Rect(x: 1, y: 1, width: 8, height: 3))
        #expect(Rect(x: 0, y: 0, width: 1, height: 1).inset(by: 1).isEmpty)
        #expect(rect.inset(top: 1, left: 2) == Rect(x: 2, y: 1, width: 8, height: 4))
        #expect(rect.intersection(Rect(x: 8, y: 3, width: 10, height: 10)) == Rect(x: 8, y: 3, width: 2, height: 2))
        #expect(rect.intersection(Rect(x: 20, y: 0, width: 3, height: 3)).isEmpty)
        #expect(rect.splitTop(2) == (Rect(x: 0, y: 0, width: 10, height: 2), Rect(x: 0, y: 2, width: 10, height: 3)))
        #expect(rect.splitBottom(9) == (Rect(x: 0, y: 0, width: 10, height: 0), Rect(x: 0, y: 0, width: 10, height: 5)))
        #expect(rect.splitLeft(4) == (Rect(x: 0, y: 0, width: 4, height: 5), Rect(x: 4, y: 0, width: 6, height: 5)))
        #expect(rect.contains(Point(x: 9, y: 4)))
        #expect(!rect.contains(Point(x: 10, y: 4)))
    }

    @Test func size_classes_switch_at_the_breakpoints() {
        #expect(SizeClass(Size(width: 120, height: 32)) == .wide)
        #expect(SizeClass(Size(width: 200, height: 31)) == .regular)
        #expect(SizeClass(Size(width: 119, height: 40)) == .regular)
        #expect(SizeClass(Size(width: 80, height: 24)) == .regular)
        #expect(SizeClass(Size(width: 79, height: 24)) == .compact)
        #expect(SizeClass(Size(width: 40, height: 12)) == .compact)
        #expect(SizeClass(.zero) == .compact)
        #expect(SizeClass.compact < SizeClass.wide)
    }
}
