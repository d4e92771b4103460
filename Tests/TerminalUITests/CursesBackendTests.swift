import Testing

@testable import TerminalUI

/// The real ncurses path, on an off-screen terminal over /dev/null: what curses holds after a
/// frame must match the grid, wide characters, attributes and clipping included.
@Suite(.serialized)
struct CursesBackendTests {
    /// Starts an off-screen backend or records why it could not; never skips silently.
    private func startedBackend(_ size: Size, theme: Theme = .noColor) -> CursesBackend? {
        let backend = CursesBackend(offscreen: size, theme: theme)
        do {
            try backend.start()
        } catch {
            Issue.record("curses could not open a screen over /dev/null: \(error)")
            return nil
        }
        return backend
    }

    private func sampleGrid() -> Grid {
        var grid = Grid(width: 20, height: 5)
        grid.drawBox(Rect(x: 0, y: 0, width: 20, height: 5), title: "日本")
        grid.put("✓ ok", at: Point(x: 1, y: 1), style: Style(.ok, [.bold]))
        grid.put("● live", at: Point(x: 7, y: 1), style: Style(.normal, [.reverse]))
        grid.put("日本語テキスト", at: Point(x: 1, y: 2))  // 14 columns: fits between the borders
        // Clipped to the inside of the box: 語 would straddle the right edge and becomes a space.
        grid.put("abcdefghijklmnopq日語", at: Point(x: 1, y: 3), clip: Rect(x: 1, y: 1, width: 18, height: 3))
        return grid
    }

    @Test func curses_holds_the_drawn_frame_with_wide_characters_attributes_and_clipping() {
        guard let backend = startedBackend(Size(width: 20, height: 5)) else { return }
        defer { backend.stop() }
        #expect(backend.size == Size(width: 20, height: 5))

        let grid = sampleGrid()
        backend.draw(grid)

        let expected = [
            "┌ 日本 ────────────┐",
            "│✓ ok  ● live      │",
            "│日本語テキスト    │",
            "│abcdefghijklmnopq │",
            "└──────────────────┘",
        ]
        #expect(grid.rows() == expected)
        #expect(backend.screenRows() == expected)

        #expect(backend.screenCell(at: Point(x: 1, y: 1)) == CursesScreenCell(text: "✓", attributes: [.bold], colorPair: 0))
        #expect(backend.screenCell(at: Point(x: 7, y: 1)) == CursesScreenCell(text: "●", attributes: [.reverse], colorPair: 0))
        #expect(backend.screenCell(at: Point(x: 1, y: 2))?.text == "日")
        #expect(backend.screenCell(at: Point(x: 3, y: 2))?.text == "本")
        #expect(backend.screenCell(at: Point(x: 18, y: 3))?.text == " ")
        #expect(backend.screenCell(at: Point(x: 0, y: 0))?.text == "┌")
        #expect(backend.screenCell(at: Point(x: 3, y: 0)) == CursesScreenCell(text: "日", attributes: [.bold], colorPair: 0))
        #expect(backend.screenCell(at: Point(x: 20, y: 0)) == nil)
    }

    /// If our width table and the C library disagreed on a glyph, the backend would pad or
    /// replace it and the row read back would differ from the grid's.
    @Test func display_widths_agree_with_what_curses_lays_out() {
        guard let backend = startedBackend(Size(width: 40, height: 1)) else { return }
        defer { backend.stop() }
        var grid = Grid(width: 40, height: 1)
        let glyphs = "⏳✅🙂日ｱＡ한▸▾▶✓✗●─│┌ƒ⇢→é"
        let end = grid.put(glyphs, at: .zero)
        #expect(end == 26)
        backend.draw(grid)
        #expect(backend.screenRows() == [glyphs])
    }

    @Test func only_changed_cells_are_written() {
        guard let backend = startedBackend(Size(width: 20, height: 5)) else { return }
        defer { backend.stop() }
        var grid = sampleGrid()
        backend.draw(grid)
        // The first frame writes every cell except the right halves of the 9 wide characters
        // (日本 in the title, 日本語テキスト on row 2).
        #expect(backend.lastWriteCount == 100 - 9)

        backend.draw(grid)
        #expect(backend.lastWriteCount == 0)

        // ✓→✗, "ok"→"no", and the space between them changes style: 4 cells.
        grid.put("✗ no", at: Point(x: 1, y: 1), style: Style(.error, [.bold]))
        backend.draw(grid)
        #expect(backend.lastWriteCount == 4)
        #expect(backend.screenRows()[1] == "│✗ no  ● live      │")

        grid.put("日", at: Point(x: 8, y: 1))  // " live" → "日ive": a wide char over two narrow ones
        backend.draw(grid)
        #expect(backend.lastWriteCount == 1)
        #expect(backend.screenRows()[1] == "│✗ no  ●日ive      │")

        backend.invalidate()
        backend.draw(grid)
        #expect(backend.lastWriteCount == 100 - 10)
    }

    @Test func colour_themes_use_colour_pairs_and_keep_attributes() {
        guard let backend = startedBackend(Size(width: 10, height: 2), theme: .standard) else { return }
        defer { backend.stop() }
        #expect(backend.colorsEnabled)
        var grid = Grid(width: 10, height: 2)
        grid.put("✗", at: .zero, style: .error)
        grid.put("x", at: Point(x: 1, y: 0), style: .normal)
        backend.draw(grid)
        let failed = backend.screenCell(at: .zero)
        #expect(failed?.text == "✗")
        #expect(failed?.attributes == [.bold])
        #expect((failed?.colorPair ?? 0) > 0)
        #expect(backend.screenCell(at: Point(x: 1, y: 0)) == CursesScreenCell(text: "x", attributes: [], colorPair: 0))
    }

    @Test func a_grid_of_another_size_is_cut_to_the_screen() {
        guard let backend = startedBackend(Size(width: 6, height: 2)) else { return }
        defer { backend.stop() }
        var grid = Grid(width: 10, height: 3)
        grid.put("abcde日", at: .zero)  // 日 at columns 5–6 straddles the screen's right edge
        grid.put("row two", at: Point(x: 0, y: 1))
        grid.put("row three", at: Point(x: 0, y: 2))
        backend.draw(grid)
        #expect(backend.screenRows() == ["abcde", "row tw"])
    }

    @Test func a_resize_arrives_as_an_event_and_repaints_in_full() {
        guard let backend = startedBackend(Size(width: 8, height: 3)) else { return }
        defer { backend.stop() }
        var grid = Grid(width: 8, height: 3)
        grid.put("abc", at: .zero)
        backend.draw(grid)
        backend.draw(grid)
        #expect(backend.lastWriteCount == 0)

        backend.simulateResize(to: Size(width: 5, height: 2))
        #expect(backend.readEvent(timeoutMs: 0) == .resize(Size(width: 5, height: 2)))
        #expect(backend.size == Size(width: 5, height: 2))
        backend.draw(grid)
        #expect(backend.lastWriteCount == 10)
        #expect(backend.screenRows() == ["abc", ""])
    }

    @Test func input_over_dev_null_is_empty_and_stop_is_idempotent() {
        guard let backend = startedBackend(Size(width: 4, height: 2)) else { return }
        #expect(backend.readEvent(timeoutMs: 0) == nil)
        backend.stop()
        backend.stop()
        #expect(!backend.isStarted)
        #expect(backend.readEvent(timeoutMs: 0) == nil)
        #expect(backend.screenRows() == [])
        // The process-wide claim was released: a new backend can start.
        guard let again = startedBackend(Size(width: 4, height: 2)) else { return }
        again.stop()
    }

    @Test func a_second_backend_cannot_run_at_the_same_time() {
        guard let backend = startedBackend(Size(width: 4, height: 2)) else { return }
        defer { backend.stop() }
        let second = CursesBackend(offscreen: Size(width: 4, height: 2))
        #expect(throws: TerminalError.alreadyActive) { try second.start() }
    }

    @Test func curses_key_codes_map_to_keys() {
        let input = CursesInput(ctrlLeftCode: 545, ctrlRightCode: 560)
        // ncurses' fixed key codes (curses.h): KEY_DOWN 0402, KEY_UP 0403, KEY_LEFT 0404, ...
        #expect(input.key(forCode: 0o402) == .down)
        #expect(input.key(forCode: 0o403) == .up)
        #expect(input.key(forCode: 0o404) == .left)
        #expect(input.key(forCode: 0o405) == .right)
        #expect(input.key(forCode: 0o406) == .home)
        #expect(input.key(forCode: 0o407) == .backspace)
        #expect(input.key(forCode: 0o410 + 1) == .function(1))
        #expect(input.key(forCode: 0o410 + 12) == .function(12))
        #expect(input.key(forCode: 0o512) == .delete)
        #expect(input.key(forCode: 0o513) == .insert)
        #expect(input.key(forCode: 0o522) == .pageDown)
        #expect(input.key(forCode: 0o523) == .pageUp)
        #expect(input.key(forCode: 0o527) == .enter)
        #expect(input.key(forCode: 0o541) == .backTab)
        #expect(input.key(forCode: 0o550) == .end)
        #expect(input.key(forCode: 545) == .ctrlLeft)
        #expect(input.key(forCode: 560) == .ctrlRight)
        #expect(input.key(forCode: 0o632) == nil)  // KEY_RESIZE is an event, not a key
        #expect(input.key(forCharacter: 0x65E5) == .character("日"))
        #expect(input.key(forCharacter: 3) == .ctrl("c"))
        #expect(input.key(forCharacter: 0xD800) == nil)  // a lone surrogate is not a scalar
    }
}
