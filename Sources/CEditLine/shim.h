// Bridges libedit's readline-compatible API into Swift; used only by the quiver shell.
#include <stdio.h>
#include <editline/readline.h>
