import CNcurses

/// Turns what `wget_wch` and `getmouse` report into ``Key``s and ``MouseEvent``s.
///
/// Pure functions of the codes, kept apart from the backend so the mapping is easy to read and
/// to test. Codes for Ctrl-arrow keys are not fixed constants in curses (they come from the
/// terminal description), so the backend looks them up once and passes them in.
struct CursesInput {
    /// The key code curses uses for Ctrl-← on this terminal, if it has one.
    var ctrlLeftCode: Int32?
    /// The key code curses uses for Ctrl-→ on this terminal, if it has one.
    var ctrlRightCode: Int32?

    /// The key for a curses function-key code (`wget_wch` returned `KEY_CODE_YES`); `nil` for
    /// codes that are not keys (`KEY_RESIZE`, `KEY_MOUSE`) or that the toolkit does not model.
    func key(forCode code: Int32) -> Key? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_HOME: return .home
        case KEY_END: return .end
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        case KEY_IC: return .insert
        case KEY_ENTER: return .enter
        case KEY_BTAB: return .backTab
        default: break
        }
        if let ctrlLeftCode, code == ctrlLeftCode { return .ctrlLeft }
        if let ctrlRightCode, code == ctrlRightCode { return .ctrlRight }
        let function = code - cn_key_f(0)
        if (1...63).contains(function) { return .function(Int(function)) }
        return nil
    }

    /// The key for a character `wget_wch` returned (`OK`); `nil` for values that are not
    /// Unicode scalars.
    func key(forCharacter value: UInt32) -> Key? {
        guard let scalar = Unicode.Scalar(value) else { return nil }
        return Key(typed: Character(scalar))
    }

    /// The mouse event for a `getmouse` report; `nil` for reports the toolkit does not model
    /// (motion, triple clicks, modifier-only changes).
    func mouseEvent(state: mmask_t, x: Int32, y: Int32) -> MouseEvent? {
        let position = Point(x: Int(x), y: Int(y))
        let table: [(mmask_t, MouseEvent.Kind, MouseEvent.Button)] = [
            (cn_button4_pressed(), .wheelUp, .none),
            (cn_button5_pressed(), .wheelDown, .none),
            (cn_button1_clicked(), .click, .left),
            (cn_button1_double_clicked(), .doubleClick, .left),
            (cn_button1_pressed(), .press, .left),
            (cn_button1_released(), .release, .left),
            (cn_button2_clicked(), .click, .middle),
            (cn_button2_pressed(), .press, .middle),
            (cn_button2_released(), .release, .middle),
            (cn_button3_clicked(), .click, .right),
            (cn_button3_pressed(), .press, .right),
            (cn_button3_released(), .release, .right),
        ]
        for (mask, kind, button) in table where mask != 0 && state & mask != 0 {
            return MouseEvent(kind, button: button, at: position)
        }
        return nil
    }

    /// The mouse events the backend asks curses to report.
    static var reportedMouseEvents: mmask_t {
        cn_button1_pressed() | cn_button1_released() | cn_button1_clicked() | cn_button1_double_clicked()
            | cn_button2_pressed() | cn_button2_released() | cn_button2_clicked() | cn_button3_pressed()
            | cn_button3_released() | cn_button3_clicked() | cn_button4_pressed() | cn_button5_pressed()
    }
}
