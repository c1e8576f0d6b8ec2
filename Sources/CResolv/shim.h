// glibc's resolver state (`__res_state()`, `__res_init()`), which Swift's Glibc module
// does not expose: ProbeKit's lookup threads set their own retry interval through it.
#include <netinet/in.h>
#include <resolv.h>
