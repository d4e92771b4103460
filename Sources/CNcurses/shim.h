#ifndef SWITCHBOARD_CNCURSES_SHIM_H
#define SWITCHBOARD_CNCURSES_SHIM_H
// Wide-character curses: both defines must come before the include, or get_wch, cchar_t and
// friends are missing.
#define _XOPEN_SOURCE_EXTENDED 1
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <langinfo.h>
#include <stdio.h>
#include <wchar.h>
#include <ncursesw/curses.h>

// Accessors for what Swift cannot import (function-like macros, macros built from other
// macros) or cannot use in Swift 6 (mutable globals such as stdscr, LINES, COLS, COLORS,
// stdin and stdout are "not concurrency-safe"). Each is a plain read of the value at the time
// of the call; the caller keeps every curses call on one thread, because ncurses is not
// thread-safe. Only TerminalUI's curses backend includes this module.

// MARK: Globals

static inline WINDOW *cn_stdscr(void) { return stdscr; }
static inline WINDOW *cn_curscr(void) { return curscr; }
static inline int cn_lines(void) { return LINES; }
static inline int cn_cols(void) { return COLS; }
static inline int cn_colors(void) { return COLORS; }
static inline int cn_color_pairs(void) { return COLOR_PAIRS; }
static inline FILE *cn_stdin(void) { return stdin; }
static inline FILE *cn_stdout(void) { return stdout; }

/// The columns the C library gives a wide character in the current locale (-1 if unprintable).
/// Declared here because <wchar.h> hides wcwidth unless _XOPEN_SOURCE is set for the whole module.
static inline int cn_wcwidth(wchar_t c) {
    extern int wcwidth(wchar_t);
    return wcwidth(c);
}

/// The codeset of the current LC_CTYPE locale ("UTF-8", "ANSI_X3.4-1968", ...).
static inline const char *cn_codeset(void) { return nl_langinfo(CODESET); }

// MARK: Window geometry (getmaxyx is a macro that assigns to its arguments)

static inline int cn_getmaxy(WINDOW *win) { int y, x; getmaxyx(win, y, x); (void)x; return y; }
static inline int cn_getmaxx(WINDOW *win) { int y, x; getmaxyx(win, y, x); (void)y; return x; }

// MARK: Attributes

static inline attr_t cn_a_normal(void) { return A_NORMAL; }
static inline attr_t cn_a_bold(void) { return A_BOLD; }
static inline attr_t cn_a_reverse(void) { return A_REVERSE; }
static inline attr_t cn_a_underline(void) { return A_UNDERLINE; }
static inline attr_t cn_a_dim(void) { return A_DIM; }
static inline attr_t cn_a_standout(void) { return A_STANDOUT; }

// MARK: Keys

static inline int cn_key_f(int n) { return KEY_F(n); }

// MARK: Mouse masks (NCURSES_MOUSE_MASK arithmetic is not importable)

static inline mmask_t cn_all_mouse_events(void) { return ALL_MOUSE_EVENTS; }
static inline mmask_t cn_report_mouse_position(void) { return REPORT_MOUSE_POSITION; }
static inline mmask_t cn_button1_pressed(void) { return BUTTON1_PRESSED; }
static inline mmask_t cn_button1_released(void) { return BUTTON1_RELEASED; }
static inline mmask_t cn_button1_clicked(void) { return BUTTON1_CLICKED; }
static inline mmask_t cn_button1_double_clicked(void) { return BUTTON1_DOUBLE_CLICKED; }
static inline mmask_t cn_button2_pressed(void) { return BUTTON2_PRESSED; }
static inline mmask_t cn_button2_released(void) { return BUTTON2_RELEASED; }
static inline mmask_t cn_button2_clicked(void) { return BUTTON2_CLICKED; }
static inline mmask_t cn_button3_pressed(void) { return BUTTON3_PRESSED; }
static inline mmask_t cn_button3_released(void) { return BUTTON3_RELEASED; }
static inline mmask_t cn_button3_clicked(void) { return BUTTON3_CLICKED; }
/// Wheel up: terminals report it as button 4 being pressed.
static inline mmask_t cn_button4_pressed(void) { return BUTTON4_PRESSED; }
/// Wheel down: button 5, which exists only with the version-2 mouse protocol.
static inline mmask_t cn_button5_pressed(void) {
#if defined(BUTTON5_PRESSED)
    return BUTTON5_PRESSED;
#else
    return 0;
#endif
}

#endif
