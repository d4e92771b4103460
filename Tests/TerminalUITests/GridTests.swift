import Testing
import TerminalUI

struct GridTests {
    @Test func text_is_clipped_at_the_right_edge_and_put_returns_where_it_stopped() {
        var grid = Grid(width: 10, height: 3)
        let end = grid.put("hello world", at: Point(x: 2, y: 1))
        #expect(grid.rows() == ["", "  hello wo", ""])
        #expect(end == 10)
        #expect(grid.put("ab", at: Point(x: 0, y: 2)) == 2)
    }

    @Test func text_starting_left_of_the_grid_shows_its_visible_part() {
        var grid = Grid(width: 6, height: 1)
        #expect(grid.put("abcdef", at: Point(x: -2, y: 0)) == 4)
        #expect(grid.rows() == ["cdef"])
    }

    @Test func rows_outside_the_grid_and_empty_grids_are_ignored() {
        var grid = Grid(width: 3, height: 1)
        grid.put("x", at: Point(x: 0, y: 5))
        grid.put("x", at: Point(x: 0, y: -1))
        grid.set(Cell("x"), at: Point(x: 7, y: 0))
        #expect(grid.rows() == [""])

        var empty = Grid(width: 0, height: 0)
        empty.put("x", at: .zero)
        empty.fill(Rect(x: 0, y: 0, width: 5, height: 5), with: "#")
        empty.drawBox(Rect(x: 0, y: 0, width: 5, height: 5), title: "t")
        #expect(empty.rows() == [])
        #expect(empty[0, 0] == Cell.blank)

        let negative = Grid(width: -4, height: 2)
        #expect(negative.size == Size(width: 0, height: 2))
        #expect(negative.rows() == ["", ""])
    }

    @Test func wide_characters_take_two_columns_and_one_that_does_not_fit_becomes_a_space() {
        var grid = Grid(width: 5, height: 1)
        #expect(grid.put("日本語", at: .zero) == 6)
        #expect(grid.rows() == ["日本"])
        #expect(grid[0, 0].isWide)
        #expect(grid[1, 0].isContinuation)
        #expect(grid[4, 0] == Cell(" "))
    }

    @Test func a_wide_character_cut_by_the_left_edge_shows_a_space() {
        var grid = Grid(width: 4, height: 1)
        grid.put("日a", at: Point(x: -1, y: 0))
        #expect(grid.rows() == [" a"])
        #expect(grid[0, 0] == Cell(" "))
    }

    @Test func overwriting_half_of_a_wide_character_blanks_the_other_half() {
        var grid = Grid(width: 6, height: 1)
        grid.put("日本", at: .zero)
        grid.put("x", at: Point(x: 1, y: 0))
        #expect(grid.rows() == [" x本"])
        grid.put("y", at: Point(x: 2, y: 0))
        #expect(grid.rows() == [" xy"])
        #expect(!grid[3, 0].isContinuation)
        grid.put("語", at: Point(x: 2, y: 0))
        grid.put("文", at: Point(x: 3, y: 0))
        #expect(grid.rows() == [" x 文"])
    }

    @Test func clip_rectangles_limit_every_write() {
        var grid = Grid(width: 8, height: 2)
        grid.put("abcdef", at: .zero, clip: Rect(x: 2, y: 0, width: 2, height: 1))
        grid.put("日日日", at: Point(x: 0, y: 1), clip: Rect(x: 1, y: 1, width: 4, height: 1))
        // 日 at 0–1 is cut by the clip's left edge, 日 at 2–3 fits, 日 at 4–5 is cut by its right edge.
        #expect(grid.rows() == ["  cd", "  日"])
        #expect(grid[1, 1] == Cell(" "))
        #expect(grid[4, 1] == Cell(" "))
    }

    @Test func control_characters_show_as_spaces_and_zero_width_ones_are_skipped() {
        var grid = Grid(width: 10, height: 1)
        #expect(grid.put("a\tb\nc\u{200B}d", at: .zero) == 6)
        #expect(grid.rows() == ["a b cd"])
    }

    @Test func styled_lines_keep_their_styles() {
        var grid = Grid(width: 8, height: 1)
        let line = Line("✓", style: .ok) + Line(" done", style: .dim)
        #expect(grid.put(line, at: Point(x: 1, y: 0)) == 7)
        #expect(grid.rows() == [" ✓ done"])
        #expect(grid.styles(row: 0).map(\.role) == [.normal, .ok, .dim, .dim, .dim, .dim, .dim, .normal])
    }

    @Test func boxes_have_corners_edges_and_a_title() {
        var grid = Grid(width: 12, height: 4)
        grid.drawBox(Rect(x: 0, y: 0, width: 12, height: 4), title: "Calls")
        #expect(
            grid.rows() == [
                "┌ Calls ───┐",
                "│          │",
                "│          │",
                "└──────────┘",
            ])
        #expect(grid[0, 0].style == .border)
        #expect(grid[1, 0].style == .border)
        #expect(grid[2, 0].style == .title)
        #expect(grid[11, 1].style == .border)
    }

    @Test func box_titles_are_truncated_or_left_out_when_the_box_is_narrow() {
        var grid = Grid(width: 8, height: 2)
        grid.drawBox(Rect(x: 0, y: 0, width: 8, height: 2), title: "Calls")
        #expect(grid.rows() == ["┌ Cal… ┐", "└──────┘"])

        var tiny = Grid(width: 4, height: 2)
        tiny.drawBox(Rect(x: 0, y: 0, width: 4, height: 2), title: "Calls")
        #expect(tiny.rows() == ["┌──┐", "└──┘"])

        var flat = Grid(width: 4, height: 2)
        flat.drawBox(Rect(x: 0, y: 0, width: 4, height: 1))
        flat.drawBox(Rect(x: 0, y: 0, width: 1, height: 2))
        #expect(flat.rows() == ["", ""])
    }

    @Test func boxes_are_clipped_to_the_grid() {
        var grid = Grid(width: 12, height: 4)
        grid.drawBox(Rect(x: 6, y: 1, width: 10, height: 5))
        #expect(grid.rows() == ["", "      ┌─────", "      │", "      │"])
    }

    @Test func dividers_join_stacked_panes() {
        var grid = Grid(width: 12, height: 5)
        let frame = Rect(x: 0, y: 0, width: 12, height: 5)
        grid.drawBox(frame, title: "Workers")
        grid.drawDivider(across: frame, y: 2, title: "Stubs")
        #expect(
            grid.rows() == [
                "┌ Workers ─┐",
                "│          │",
                "├ Stubs ───┤",
                "│          │",
                "└──────────┘",
            ])
    }

    @Test func styled_titles_keep_their_spans() {
        var grid = Grid(width: 20, height: 2)
        let title = Line("2 Calls ", style: .title) + Line("tree", style: .accent) + Line("│timeline", style: .muted)
        grid.drawBox(Rect(x: 0, y: 0, width: 20, height: 2), titleLine: title, style: .borderFocused)
        // 20 columns leave 16 for the title: 15 characters and "…".
        #expect(grid.rows() == ["┌ 2 Calls tree│ti… ┐", "└──────────────────┘"])
        #expect(grid[10, 0].style == .accent)
        #expect(grid[0, 0].style == .borderFocused)
    }

    @Test func fill_covers_a_clipped_rectangle_and_repeats_wide_characters() {
        var grid = Grid(width: 5, height: 2)
        grid.fill(Rect(x: 0, y: 0, width: 5, height: 1), with: "日")
        grid.fill(Rect(x: 3, y: 1, width: 9, height: 9), with: "#", style: .dim)
        #expect(grid.rows() == ["日日", "   ##"])
        #expect(grid[4, 1].style == .dim)
    }

    @Test func a_canvas_draws_in_local_coordinates_and_clips_to_its_region() {
        var grid = Grid(width: 10, height: 3)
        grid.withCanvas(Rect(x: 2, y: 1, width: 4, height: 2)) { canvas in
            #expect(canvas.size == Size(width: 4, height: 2))
            canvas.put("abcdef", at: .zero)
            canvas.put("x", at: Point(x: -1, y: 1))
            canvas.put("zz", at: Point(x: 3, y: 1))
            canvas.withRegion(Rect(x: 1, y: 1, width: 1, height: 5)) { inner in
                inner.put("QQQ", at: .zero)
                inner.setCursor(Point(x: 0, y: 0))
            }
        }
        #expect(grid.rows() == ["", "  abcd", "   Q z"])
        #expect(grid.cursor == Point(x: 3, y: 2))
    }

    @Test func a_canvas_box_frames_its_region() {
        var grid = Grid(width: 8, height: 4)
        grid.withCanvas(Rect(x: 1, y: 1, width: 20, height: 20)) { canvas in
            #expect(canvas.size == Size(width: 7, height: 3))
            canvas.drawBox(title: "P")
        }
        #expect(grid.rows() == ["", " ┌ P ──┐", " │     │", " └─────┘"])
    }

    @Test func resizing_keeps_the_overlap_and_never_splits_a_wide_character() {
        var grid = Grid(width: 4, height: 2)
        grid.put("a日b", at: .zero)
        grid.put("cd", at: Point(x: 0, y: 1))
        grid.cursor = Point(x: 3, y: 1)
        let smaller = grid.resized(to: Size(width: 2, height: 1))
        #expect(smaller.rows() == ["a"])
        #expect(!smaller[1, 0].isWide)
        #expect(smaller.cursor == nil)
        let larger = grid.resized(to: Size(width: 6, height: 3))
        #expect(larger.rows() == ["a日b", "cd", ""])
        #expect(larger.cursor == Point(x: 3, y: 1))
    }

    @Test func clear_blanks_every_cell_and_hides_the_cursor() {
        var grid = Grid(width: 3, height: 1)
        grid.put("abc", at: .zero)
        grid.cursor = .zero
        grid.clear()
        #expect(grid.rows() == [""])
        #expect(grid.cursor == nil)
    }
}
