// The wide-character curses API from Swift. SwiftPM drops pkg-config's -D_XOPEN_SOURCE flags,
// so the defines curses.h needs for get_wch, setcchar and friends are set here.
#ifndef FEEDBACK_CNCURSESW_SHIM_H
#define FEEDBACK_CNCURSESW_SHIM_H

#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#include <locale.h>
#include <wchar.h>
#include <curses.h>

// Swift 6 rejects C globals and macros; read them through functions.
static inline WINDOW *feedback_stdscr(void) { return stdscr; }
static inline int feedback_lines(void) { return LINES; }
static inline int feedback_cols(void) { return COLS; }
static inline int feedback_colors(void) { return COLORS; }
static inline attr_t feedback_a_normal(void) { return A_NORMAL; }
static inline attr_t feedback_a_bold(void) { return A_BOLD; }
static inline attr_t feedback_a_reverse(void) { return A_REVERSE; }
static inline attr_t feedback_a_underline(void) { return A_UNDERLINE; }
static inline attr_t feedback_a_dim(void) { return A_DIM; }
static inline int feedback_color_pair(int n) { return COLOR_PAIR(n); }

#endif
