// The system zlib (Debian's zlib1g-dev), for the DEFLATE streams inside XLSX workbooks.
#include <zlib.h>
