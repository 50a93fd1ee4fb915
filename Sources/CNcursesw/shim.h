/*
 * The C side of the Terminal target: ncursesw with its wide-character API, small
 * wrappers for what Swift cannot import (macros, the stdscr/COLORS globals), and the
 * signal, crash and exit handling, which must be async-signal-safe and so is written
 * in C here.
 *
 * Only Sources/Terminal imports this module.
 *
 * Storage: Swift does not emit file-scope `static` variables of an imported header
 * (the link fails with "undefined reference"), and a function-local `static` gets one
 * copy per Swift object file in debug builds, so two Swift files would see two
 * different flags. All mutable state therefore lives in ONE weak global,
 * `hats_terminal_state`, which the linker merges into a single object.
 */
#ifndef HATS_CNCURSESW_SHIM_H
#define HATS_CNCURSESW_SHIM_H

/* SwiftPM drops pkg-config's -D flags: without this the wide API is invisible. */
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif

#include <errno.h>
#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>
#include <wchar.h>
#include <ncursesw/curses.h>

/* ---------------------------------------------------------------- curses wrappers */

/* newterm on the process's stdout/stdin (Swift 6 refuses the stdio globals). */
static inline SCREEN *hats_newterm(const char *term) { return newterm(term, stdout, stdin); }
static inline WINDOW *hats_stdscr(void) { return stdscr; }
static inline int hats_colors(void) { return COLORS; }
static inline int hats_color_pairs(void) { return COLOR_PAIRS; }

/* 1 when the terminal description can move the cursor (cup), which drawing needs. */
static inline int hats_can_address_cursor(void) {
    char *cup = tigetstr("cup");
    return cup != NULL && cup != (char *)-1;
}

static inline attr_t hats_a_normal(void) { return A_NORMAL; }
static inline attr_t hats_a_bold(void) { return A_BOLD; }
static inline attr_t hats_a_dim(void) { return A_DIM; }
static inline attr_t hats_a_reverse(void) { return A_REVERSE; }
static inline attr_t hats_a_underline(void) { return A_UNDERLINE; }
static inline attr_t hats_color_pair(int pair) { return (attr_t)COLOR_PAIR(pair); }

static inline int hats_key_f(int n) { return KEY_F(n); }

static inline mmask_t hats_button1_pressed(void) { return BUTTON1_PRESSED; }
static inline mmask_t hats_button1_released(void) { return BUTTON1_RELEASED; }
static inline mmask_t hats_button1_clicked(void) { return BUTTON1_CLICKED; }
static inline mmask_t hats_button4_pressed(void) { return BUTTON4_PRESSED; }
static inline mmask_t hats_button5_pressed(void) { return BUTTON5_PRESSED; }

/* Columns a character takes in the current locale (libc wcwidth, which glibc only
   declares under _XOPEN_SOURCE: declared here so it is visible whatever the flags). */
extern int wcwidth(wchar_t);
static inline int hats_wcwidth(wchar_t c) { return wcwidth(c); }

/* The LC_CTYPE codeset, e.g. "UTF-8" or "ANSI_X3.4-1968". */
static inline const char *hats_codeset(void) { return nl_langinfo(CODESET); }

/* ------------------------------------------------ signal, crash and exit handling */

#define HATS_CRASH_SIGNAL_COUNT 7
#define HATS_FLAG_SIGNAL_COUNT 4

struct hats_state {
    struct termios saved_termios;          /* the tty as it was before curses */
    volatile sig_atomic_t have_termios;
    volatile sig_atomic_t active;          /* a session is running: restore on crash/exit */
    volatile sig_atomic_t restored;        /* the emergency restore already ran */
    volatile sig_atomic_t terminate;       /* SIGTERM or SIGHUP arrived */
    volatile sig_atomic_t interrupt;       /* SIGINT arrived */
    volatile sig_atomic_t resumed;         /* SIGCONT arrived: the shell had the terminal */
    volatile sig_atomic_t handlers_installed;
    volatile sig_atomic_t atexit_registered;
    volatile sig_atomic_t capturing_stderr; /* stderr goes to capture_fd while curses runs */
    int saved_stderr;                       /* the real stderr, dup'ed */
    int capture_fd;                         /* an unlinked temporary file */
    struct sigaction previous_crash[HATS_CRASH_SIGNAL_COUNT];
    struct sigaction previous_flag[HATS_FLAG_SIGNAL_COUNT];
};

/* One instance for the whole program (see the note at the top). */
__attribute__((weak)) struct hats_state hats_terminal_state = {0};

static inline int hats_crash_signal(int index) {
    switch (index) {
    case 0: return SIGSEGV;
    case 1: return SIGBUS;
    case 2: return SIGILL;
    case 3: return SIGFPE;
    case 4: return SIGABRT;
    case 5: return SIGTRAP;
    default: return SIGQUIT; /* Swift's backtracer handles it too: restore first */
    }
}

static inline int hats_flag_signal(int index) {
    switch (index) {
    case 0: return SIGTERM;
    case 1: return SIGHUP;
    case 2: return SIGCONT;
    default: return SIGINT;
    }
}

/* Async-signal-safe: write(2) in a loop. */
static inline void hats_write_all(int fd, const char *text, size_t length) {
    while (length > 0) {
        ssize_t written = write(fd, text, length);
        if (written < 0) {
            if (errno == EINTR) continue;
            return;
        }
        text += written;
        length -= (size_t)written;
    }
}

/*
 * While curses owns the screen, anything written to stderr (a stray warning, the
 * "Fatal error: ..." line Swift prints before it traps) would land on the alternate
 * screen and vanish with it. So when stderr is the terminal it is sent to an unlinked
 * temporary file, and replayed on the real stderr after the terminal is restored.
 */
static inline void hats_capture_stderr(void) {
    if (hats_terminal_state.capturing_stderr || !isatty(STDERR_FILENO)) return;
    const char *directory = getenv("TMPDIR");
    char path[4096];
    if (directory == NULL || directory[0] == '\0' || strlen(directory) > sizeof path - 32) directory = "/tmp";
    snprintf(path, sizeof path, "%s/hats-stderr-XXXXXX", directory);
    int fd = mkstemp(path);
    if (fd < 0) return;
    unlink(path);
    int saved = dup(STDERR_FILENO);
    if (saved < 0) {
        close(fd);
        return;
    }
    fflush(stderr);
    if (dup2(fd, STDERR_FILENO) < 0) {
        close(fd);
        close(saved);
        return;
    }
    hats_terminal_state.saved_stderr = saved;
    hats_terminal_state.capture_fd = fd;
    hats_terminal_state.capturing_stderr = 1;
}

/* Puts the real stderr back and replays what was captured. Async-signal-safe. */
static inline void hats_release_stderr(void) {
    if (!hats_terminal_state.capturing_stderr) return;
    hats_terminal_state.capturing_stderr = 0;
    int fd = hats_terminal_state.capture_fd;
    dup2(hats_terminal_state.saved_stderr, STDERR_FILENO);
    close(hats_terminal_state.saved_stderr);
    if (lseek(fd, 0, SEEK_SET) == 0) {
        char buffer[4096];
        for (;;) {
            ssize_t count = read(fd, buffer, sizeof buffer);
            if (count < 0 && errno == EINTR) continue;
            if (count <= 0) break;
            hats_write_all(STDERR_FILENO, buffer, (size_t)count);
        }
    }
    close(fd);
}

/*
 * The emergency restore, async-signal-safe (tcsetattr, write, dup2, read): mouse
 * reporting off, attributes off, cursor visible, alternate screen off, cursor keys back
 * to normal mode (rmkx), original termios, then the captured stderr.
 */
static inline void hats_emergency_restore(void) {
    const char *reset = "\033[?2004l\033[?1000l\033[?1002l\033[?1006l\033[0m\033[?25h\033[?1049l\033[?1l\033>";
    int saved_errno = errno;
    if (hats_terminal_state.active && !hats_terminal_state.restored) {
        hats_terminal_state.restored = 1;
        hats_write_all(STDOUT_FILENO, reset, strlen(reset));
        if (hats_terminal_state.have_termios) {
            tcflush(STDIN_FILENO, TCIFLUSH); /* typed-ahead keys are not left for the shell */
            tcsetattr(STDIN_FILENO, TCSANOW, &hats_terminal_state.saved_termios);
        }
    }
    hats_release_stderr();
    errno = saved_errno;
}

static inline void hats_on_flag_signal(int sig) {
    if (sig == SIGINT) {
        hats_terminal_state.interrupt = 1;
    } else if (sig == SIGCONT) {
        hats_terminal_state.resumed = 1;
    } else {
        hats_terminal_state.terminate = 1;
    }
}

static inline void hats_on_crash_signal(int sig, siginfo_t *info, void *context) {
    hats_emergency_restore();
    /* The handler that was there before ours (Swift's backtracer), or the default. */
    struct sigaction previous;
    memset(&previous, 0, sizeof previous);
    previous.sa_handler = SIG_DFL;
    for (int i = 0; i < HATS_CRASH_SIGNAL_COUNT; i++) {
        if (hats_crash_signal(i) == sig) {
            previous = hats_terminal_state.previous_crash[i];
            break;
        }
    }
    int has_function = (previous.sa_flags & SA_SIGINFO)
        ? previous.sa_sigaction != NULL
        : (previous.sa_handler != SIG_DFL && previous.sa_handler != SIG_IGN);
    int fault = info != NULL && info->si_code > 0 && sig != SIGTRAP && sig != SIGABRT && sig != SIGQUIT;
    if (fault) {
        /*
         * Raised by the CPU: put the previous handler back and return. The instruction
         * faults again and that handler sees the original context, so the backtrace shows
         * the real crash. (Swift's handler then resets to SIG_DFL and returns in turn, and
         * the third fault ends the process.)
         */
        if (!has_function) {
            previous.sa_handler = SIG_DFL;
            previous.sa_flags = 0;
            sigemptyset(&previous.sa_mask);
        }
        if (sigaction(sig, &previous, NULL) != 0) signal(sig, SIG_DFL);
        return;
    }
    /*
     * Sent by kill/raise/abort, or a trap whose PC is already past the instruction:
     * nothing happens again on return, and Swift's handler only resets the handlers and
     * returns (expecting a fault to recur). So call the previous handler here, then die
     * by the default action: the signal is blocked while we run, so the raise takes
     * effect when we return.
     */
    if (has_function) {
        if (previous.sa_flags & SA_SIGINFO) {
            previous.sa_sigaction(sig, info, context);
        } else {
            previous.sa_handler(sig);
        }
    }
    signal(sig, SIG_DFL);
    raise(sig);
}

static inline void hats_atexit_restore(void) { hats_emergency_restore(); }

/* Saves the tty settings; call before newterm. Returns 0 on success. */
static inline int hats_save_termios(void) {
    if (tcgetattr(STDIN_FILENO, &hats_terminal_state.saved_termios) != 0) return -1;
    hats_terminal_state.have_termios = 1;
    return 0;
}

/* Puts the saved tty settings back (normal, non-signal use). */
static inline void hats_restore_termios(void) {
    if (hats_terminal_state.have_termios) {
        tcsetattr(STDIN_FILENO, TCSANOW, &hats_terminal_state.saved_termios);
    }
}

/*
 * Installs the flag handlers (SIGTERM, SIGHUP, SIGINT) and the crash handlers, saving
 * whatever was installed before. Call before newterm, so that ncurses sees our handlers
 * and does not install its own (which would end the process on SIGINT/SIGTERM).
 * Also registers the atexit hook once.
 */
static inline void hats_install_handlers(void) {
    if (hats_terminal_state.handlers_installed) return;
    hats_terminal_state.terminate = 0;
    hats_terminal_state.interrupt = 0;
    hats_terminal_state.resumed = 0;
    for (int i = 0; i < HATS_FLAG_SIGNAL_COUNT; i++) {
        struct sigaction action;
        memset(&action, 0, sizeof action);
        action.sa_handler = hats_on_flag_signal;
        sigemptyset(&action.sa_mask);
        action.sa_flags = 0; /* no SA_RESTART: let a blocking read return EINTR */
        sigaction(hats_flag_signal(i), &action, &hats_terminal_state.previous_flag[i]);
    }
    for (int i = 0; i < HATS_CRASH_SIGNAL_COUNT; i++) {
        struct sigaction action;
        memset(&action, 0, sizeof action);
        action.sa_sigaction = hats_on_crash_signal;
        sigemptyset(&action.sa_mask);
        action.sa_flags = SA_SIGINFO | SA_ONSTACK;
        struct sigaction *previous = &hats_terminal_state.previous_crash[i];
        sigaction(hats_crash_signal(i), &action, previous);
        if (!(previous->sa_flags & SA_SIGINFO) && previous->sa_handler == SIG_IGN) {
            /* Ignored on purpose (e.g. SIGQUIT under nohup): keep it that way. */
            sigaction(hats_crash_signal(i), previous, NULL);
        }
    }
    if (!hats_terminal_state.atexit_registered) {
        if (atexit(hats_atexit_restore) == 0) hats_terminal_state.atexit_registered = 1;
    }
    hats_terminal_state.handlers_installed = 1;
}

/* Puts back the handlers that were there before hats_install_handlers. */
static inline void hats_uninstall_handlers(void) {
    if (!hats_terminal_state.handlers_installed) return;
    for (int i = 0; i < HATS_CRASH_SIGNAL_COUNT; i++) {
        sigaction(hats_crash_signal(i), &hats_terminal_state.previous_crash[i], NULL);
    }
    for (int i = 0; i < HATS_FLAG_SIGNAL_COUNT; i++) {
        sigaction(hats_flag_signal(i), &hats_terminal_state.previous_flag[i], NULL);
    }
    hats_terminal_state.handlers_installed = 0;
}

/* Marks a session as running (1) or stopped (0): the crash and exit restore only act
   while one runs. */
static inline void hats_set_active(int active) {
    if (active) hats_terminal_state.restored = 0;
    hats_terminal_state.active = active;
}

static inline int hats_is_active(void) { return hats_terminal_state.active; }

/* Returns and clears the SIGTERM/SIGHUP flag. */
static inline int hats_take_terminate(void) {
    if (!hats_terminal_state.terminate) return 0;
    hats_terminal_state.terminate = 0;
    return 1;
}

/* Returns and clears the SIGINT flag. */
static inline int hats_take_interrupt(void) {
    if (!hats_terminal_state.interrupt) return 0;
    hats_terminal_state.interrupt = 0;
    return 1;
}

/* Writes a terminal sequence straight to fd (bracketed paste on and off). */
static inline void hats_write_text(int fd, const char *text) {
    hats_write_all(fd, text, strlen(text));
}

/* Sets the SIGTERM/SIGHUP flag again (seen while reading a paste: the event loop acts on it). */
static inline void hats_note_terminate(void) { hats_terminal_state.terminate = 1; }

/* Returns and clears the SIGCONT flag. */
static inline int hats_take_resumed(void) {
    if (!hats_terminal_state.resumed) return 0;
    hats_terminal_state.resumed = 0;
    return 1;
}

/* The terminal's size as the kernel knows it (a resize while stopped sends no SIGWINCH
   to a stopped process group); 0 on success. */
static inline int hats_terminal_size(int *rows, int *columns) {
    struct winsize size;
    if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) != 0 || size.ws_row == 0 || size.ws_col == 0) return -1;
    *rows = size.ws_row;
    *columns = size.ws_col;
    return 0;
}

/* Monotonic milliseconds, for the input wait loop. */
static inline long long hats_monotonic_ms(void) {
    struct timespec now;
    if (clock_gettime(CLOCK_MONOTONIC, &now) != 0) return 0;
    return (long long)now.tv_sec * 1000 + now.tv_nsec / 1000000;
}

#endif
