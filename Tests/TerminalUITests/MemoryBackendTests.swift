import Testing
import TerminalUI

struct MemoryBackendTests {
    @Test func scripted_input_plays_back_in_order_then_runs_dry() {
        let backend = MemoryBackend(size: Size(width: 10, height: 3))
        backend.enqueue(typing: "j\r\u{3}")
        backend.enqueue(.pageDown)
        backend.enqueue(.mouse(MouseEvent(.click, at: Point(x: 2, y: 1))))
        #expect(backend.readEvent(timeoutMs: 0) == nil)  // not started
        backend.start()
        #expect(backend.pendingEventCount == 5)
        #expect(backend.readEvent(timeoutMs: 100) == .key(.character("j")))
        #expect(backend.readEvent(timeoutMs: 100) == .key(.enter))
        #expect(backend.readEvent(timeoutMs: 100) == .key(.ctrl("c")))
        #expect(backend.readEvent(timeoutMs: 100) == .key(.pageDown))
        #expect(backend.readEvent(timeoutMs: 100) == .mouse(MouseEvent(.click, at: Point(x: 2, y: 1))))
        #expect(backend.readEvent(timeoutMs: 100) == nil)
        #expect(backend.pendingEventCount == 0)
    }

    @Test func key_names_are_scripted_all_or_nothing() {
        let backend = MemoryBackend(size: Size(width: 1, height: 1))
        #expect(!backend.enqueue(keyNames: ["j", "Bogus"]))
        #expect(backend.pendingEventCount == 0)
        #expect(backend.enqueue(keyNames: ["PgDn", "Ctrl-C"]))
        backend.start()
        #expect(backend.readEvent(timeoutMs: 0) == .key(.pageDown))
        #expect(backend.readEvent(timeoutMs: 0) == .key(.ctrl("c")))
    }

    @Test func only_changed_cells_are_written_after_the_first_frame() {
        let backend = MemoryBackend(size: Size(width: 4, height: 2))
        var grid = Grid(width: 4, height: 2)
        backend.draw(grid)
        #expect(backend.frameCount == 0)  // not started: ignored
        backend.start()
        backend.draw(grid)
        #expect(backend.lastChanges.count == 8)
        backend.draw(grid)
        #expect(backend.lastChanges == [])
        grid.put("x", at: Point(x: 1, y: 1))
        backend.draw(grid)
        #expect(backend.lastChanges == [CellChange(point: Point(x: 1, y: 1), cell: Cell("x"))])
        #expect(backend.rows() == ["", " x"])
        #expect(backend.frameCount == 3)
        backend.invalidate()
        backend.draw(grid)
        #expect(backend.lastChanges.count == 8)
    }

    @Test func a_resize_changes_the_size_queues_an_event_and_repaints_in_full() {
        let backend = MemoryBackend(size: Size(width: 6, height: 2))
        backend.start()
        var grid = Grid(width: 6, height: 2)
        grid.put("abcdef", at: .zero)
        backend.draw(grid)
        backend.resize(to: Size(width: 3, height: 1))
        #expect(backend.size == Size(width: 3, height: 1))
        #expect(backend.rows() == ["abc"])
        #expect(backend.readEvent(timeoutMs: 0) == .resize(Size(width: 3, height: 1)))
        backend.draw(grid)  // the app has not re-laid out yet: the frame is cut to the screen
        #expect(backend.lastChanges.count == 3)
        #expect(backend.rows() == ["abc"])
        backend.resize(to: .zero)
        backend.draw(grid)
        #expect(backend.rows() == [])
        #expect(backend.lastChanges == [])
    }

    @Test func a_smaller_frame_is_padded_and_its_cursor_kept() {
        let backend = MemoryBackend(size: Size(width: 4, height: 2))
        backend.start()
        var grid = Grid(width: 2, height: 1)
        grid.put("ok", at: .zero)
        grid.cursor = Point(x: 1, y: 0)
        backend.draw(grid)
        #expect(backend.rows() == ["ok", ""])
        #expect(backend.screen.cursor == Point(x: 1, y: 0))
        backend.stop()
        #expect(!backend.isStarted)
    }
}
