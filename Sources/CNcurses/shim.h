#ifndef COLDREAD_CNCURSES_SHIM_H
#define COLDREAD_CNCURSES_SHIM_H
#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1
#include <locale.h>
#include <langinfo.h>
#include <ncursesw/curses.h>
#endif
