import Inspector
import TerminalUI

/// The text of a rectangle of the screen, one string per row, trailing spaces trimmed.
func text(of grid: Grid, in rect: Rect) -> [String] {
    (rect.minY..<rect.maxY).map { y in
        var row = ""
        for x in rect.minX..<rect.maxX where !grid[x, y].isContinuation { row.append(grid[x, y].character) }
        while row.last == " " { row.removeLast() }
        return row
    }
}

/// The text of a pane's content area (inside its box) as drawn on `backend`, without the
/// scrollbar column.
func paneText(_ pane: Pane, on backend: MemoryBackend, state: InspectorState) -> [String] {
    guard let body = state.layout.body(of: pane) else { return [] }
    return text(of: backend.screen, in: Rect(x: body.minX, y: body.minY, width: body.width - 1, height: body.height))
        .filter { !$0.isEmpty }
}

/// The title row of a pane's box.
func paneTitle(_ pane: Pane, on backend: MemoryBackend, state: InspectorState) -> String {
    guard let box = state.layout.boxes[pane] else { return "" }
    return text(of: backend.screen, in: Rect(x: box.minX, y: box.minY, width: box.width, height: 1))[0]
}
