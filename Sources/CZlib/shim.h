// zlib, for reading gzip-compressed import files (QuiverExchange only).
#include <zlib.h>
