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
#endif
