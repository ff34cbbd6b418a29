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
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>
#include <sys/ioctl.h>

// Swift 6 rejects C globals and macros; read them through functions.
static inline WINDOW *feedback_stdscr(void) { return stdscr; }
static inline int feedback_lines(void) { return LINES; }
static inline int feedback_cols(void) { return COLS; }
static inline int feedback_colors(void) { return COLORS; }
static inline int feedback_color_pairs(void) { return COLOR_PAIRS; }
static inline attr_t feedback_a_normal(void) { return A_NORMAL; }
static inline attr_t feedback_a_bold(void) { return A_BOLD; }
static inline attr_t feedback_a_reverse(void) { return A_REVERSE; }
static inline attr_t feedback_a_underline(void) { return A_UNDERLINE; }
static inline attr_t feedback_a_dim(void) { return A_DIM; }
static inline int feedback_color_pair(int n) { return COLOR_PAIR(n); }
static inline int feedback_ccharw_max(void) { return CCHARW_MAX; }
static inline FILE *feedback_stdout(void) { return stdout; }
static inline FILE *feedback_stdin(void) { return stdin; }
static inline int feedback_errno(void) { return errno; }

/// The size of the terminal on `fd` (TIOCGWINSZ; ioctl is variadic and does not import).
/// Returns -1 when the size is unknown or zero.
static inline int feedback_window_size(int fd, int *rows, int *cols) {
    struct winsize ws;
    memset(&ws, 0, sizeof ws);
    if (ioctl(fd, TIOCGWINSZ, &ws) != 0 || ws.ws_row == 0 || ws.ws_col == 0) return -1;
    *rows = ws.ws_row;
    *cols = ws.ws_col;
    return 0;
}

// ---------------------------------------------------------------------------------------
// Signals and emergency restore.
//
// Everything below keeps its state in `static` variables, and a header's statics exist once
// per object file that uses them. Swift compiles each source file to its own object file in
// debug builds, so call these functions from ONE Swift file only
// (Sources/FeedbackTerminal/SignalPipe.swift); then the handlers and their setters share
// the same variables. The handlers do nothing but async-signal-safe calls.
// ---------------------------------------------------------------------------------------

/// The write end of the self-pipe the signal handler writes to (-1: none).
static int feedback_signal_pipe = -1;
static inline void feedback_set_signal_pipe(int fd) { feedback_signal_pipe = fd; }
static inline int feedback_get_signal_pipe(void) { return feedback_signal_pipe; }

/// Set on a byte when the kernel raised the signal in this process because of its own call:
/// SIGPIPE from a write to a closed pipe, SIGXFSZ from a write over the file size limit. The
/// kernel sends those as SI_USER with the writer's own process id; kill(1) from elsewhere
/// carries the sender's. (The program itself never raises a signal.)
enum { feedback_signal_self = 0x80 };

/// Writes the signal number as one byte to the self-pipe; nothing else.
__attribute__((unused))
static void feedback_signal_handler(int sig, siginfo_t *info, void *context) {
    (void)context;
    int saved = errno;
    int fd = feedback_signal_pipe;
    if (fd >= 0) {
        unsigned char byte = (unsigned char)sig;
        if (info != NULL && info->si_code == SI_USER && info->si_pid == getpid()) byte |= feedback_signal_self;
        ssize_t written = write(fd, &byte, 1);
        (void)written;  // a full pipe already holds a wake-up
    }
    errno = saved;
}

/// Installs feedback_signal_handler for `sig`, keeping the previous action in `previous`.
static inline int feedback_catch_signal(int sig, struct sigaction *previous) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_sigaction = feedback_signal_handler;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART | SA_SIGINFO;
    return sigaction(sig, &action, previous);
}

/// Puts back an action saved by feedback_catch_signal or feedback_catch_fatal.
static inline int feedback_restore_signal(int sig, const struct sigaction *previous) {
    return sigaction(sig, previous, NULL);
}

/// What the terminal needs on a fatal path: the shell's terminal modes and the bytes that
/// leave the program's screen (paste mode off, attributes off, cursor on, main screen).
static int feedback_saved_modes_valid = 0;
static size_t feedback_restore_length = 0;
static volatile sig_atomic_t feedback_restore_armed = 0;
static int feedback_exit_hook_registered = 0;

// Arrays and structs live inside functions: the importer emits no storage for header
// globals of aggregate type (the link fails), but a function's own statics come with it.
static inline struct termios *feedback_saved_modes(void) { static struct termios modes; return &modes; }
static inline char *feedback_restore_bytes(void) { static char bytes[512]; return bytes; }
enum { feedback_restore_capacity = 512 };
static inline struct sigaction *feedback_previous_fatal(int sig) { static struct sigaction actions[65]; return &actions[sig]; }

/// Saves the terminal modes of `fd` (call before curses changes them).
static inline int feedback_save_modes(int fd) {
    if (tcgetattr(fd, feedback_saved_modes()) != 0) return -1;
    feedback_saved_modes_valid = 1;
    return 0;
}

/// Sets the bytes written on an emergency restore (truncated to the buffer).
static inline void feedback_set_restore_bytes(const char *bytes, size_t length) {
    if (length > feedback_restore_capacity) length = feedback_restore_capacity;
    memcpy(feedback_restore_bytes(), bytes, length);
    feedback_restore_length = length;
}

/// Arms (1) or disarms (0) the emergency restore: armed while curses owns the terminal.
static inline void feedback_arm_restore(int armed) { feedback_restore_armed = armed; }

/// Restores the terminal once, with async-signal-safe calls only (write, tcsetattr).
static inline void feedback_restore_now(void) {
    if (!feedback_restore_armed) return;
    feedback_restore_armed = 0;
    if (feedback_restore_length > 0) {
        ssize_t written = write(STDOUT_FILENO, feedback_restore_bytes(), feedback_restore_length);
        (void)written;
    }
    if (feedback_saved_modes_valid) tcsetattr(STDIN_FILENO, TCSADRAIN, feedback_saved_modes());
}

__attribute__((unused))
static void feedback_restore_at_exit(void) { feedback_restore_now(); }

/// Registers the exit-time restore once per process (exit() with the interface still open).
static inline void feedback_register_exit_restore(void) {
    if (feedback_exit_hook_registered) return;
    feedback_exit_hook_registered = 1;
    atexit(feedback_restore_at_exit);
}

/// On a crash: restore the terminal, put back the previous handler (the Swift runtime's
/// backtracer, or the default) and let it run, so the report lands on a usable terminal.
__attribute__((unused))
static void feedback_fatal_handler(int sig, siginfo_t *info, void *context) {
    (void)context;
    feedback_restore_now();
    if (sig > 0 && sig < 65) sigaction(sig, feedback_previous_fatal(sig), NULL);
    // A fault re-executes the faulting instruction and meets the previous handler; a signal
    // sent by kill or raise must be raised again (it is delivered when this handler returns).
    if (info == NULL || info->si_code <= 0) raise(sig);
}

static inline int feedback_catch_fatal(int sig) {
    if (sig <= 0 || sig >= 65) return -1;
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_sigaction = feedback_fatal_handler;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_SIGINFO | SA_ONSTACK;
    return sigaction(sig, &action, feedback_previous_fatal(sig));
}

static inline int feedback_release_fatal(int sig) {
    if (sig <= 0 || sig >= 65) return -1;
    return sigaction(sig, feedback_previous_fatal(sig), NULL);
}

#endif
