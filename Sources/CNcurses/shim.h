#ifndef COLDREAD_CNCURSES_SHIM_H
#define COLDREAD_CNCURSES_SHIM_H
#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1
#include <locale.h>
#include <langinfo.h>
#include <ncursesw/curses.h>

/* Globals and function-like macros do not import into Swift 6; these wrap them. */
static inline WINDOW *coldread_stdscr(void) { return stdscr; }
static inline attr_t coldread_a_bold(void) { return A_BOLD; }
static inline attr_t coldread_a_reverse(void) { return A_REVERSE; }
static inline attr_t coldread_a_dim(void) { return A_DIM; }
static inline attr_t coldread_a_normal(void) { return A_NORMAL; }
static inline int coldread_ok(void) { return OK; }
static inline int coldread_err(void) { return ERR; }
static inline int coldread_key_code_yes(void) { return KEY_CODE_YES; }
static inline const char *coldread_codeset(void) { return nl_langinfo(CODESET); }
/* Whether the current terminal can move the cursor anywhere (terminfo `cup`): without
   it (TERM=dumb, a printing terminal) every frame would be drawn as garbage. */
static inline int coldread_can_address_cursor(void) {
    char *cup = tigetstr("cup");
    return cup != NULL && cup != (char *)-1;
}
/* The mouse wheel only (buttons 4 and 5): clicks stay with the terminal. */
static inline void coldread_enable_wheel(void) {
    mousemask(BUTTON4_PRESSED | BUTTON5_PRESSED, NULL);
    mouseinterval(0);
}
/* After KEY_MOUSE: 1 for the wheel turned up, -1 for down, 0 for anything else. */
static inline int coldread_wheel_direction(void) {
    MEVENT event;
    if (getmouse(&event) != OK) return 0;
    if (event.bstate & BUTTON4_PRESSED) return 1;
    if (event.bstate & BUTTON5_PRESSED) return -1;
    return 0;
}
#endif
