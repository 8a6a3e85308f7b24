/*
 * myoref: the stable C API.
 *
 * Conventions (see docs/c-api.md):
 *  - Every name starts with myoref_ (functions, types) or MYOREF_ (macros).
 *  - Fallible functions return an int status: MYOREF_OK (0) or a negative
 *    MYOREF_E* code whose value never changes. Output parameters come first.
 *  - After a failure, myoref_last_error() describes it on the calling thread.
 *  - No function throws, aborts or exits on bad input.
 */
#ifndef MYOREF_H
#define MYOREF_H

#include <stddef.h>
#include <stdint.h>

#include "myoref/export.h"
#include "myoref/version.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Status codes. Pinned forever: new codes are only ever added. */
#define MYOREF_OK 0
#define MYOREF_EINVAL (-1)       /* an argument is NULL or out of range */
#define MYOREF_EPARSE (-2)       /* the text is not well-formed JSON */
#define MYOREF_EINPUT (-3)       /* well-formed input that breaks the schema or a rule */
#define MYOREF_ELIMIT (-4)       /* input beyond the documented limits */
#define MYOREF_EREFUSED (-5)     /* refused by a safety rule */
#define MYOREF_EMISMATCH (-6)    /* made with another knowledge base */
#define MYOREF_EINTEGRITY (-7)   /* a document's integrity check failed */
#define MYOREF_EVERSION (-8)     /* a format version this library does not know */
#define MYOREF_ENOTFOUND (-9)    /* no such id, key or index */
#define MYOREF_ENOMEM (-10)      /* out of memory */
#define MYOREF_EINTERNAL (-11)   /* a bug in myoref */

/* The library's version at run time, e.g. "0.1.0". Static storage. */
MYOREF_API const char* myoref_version(void);

/* The library's version as MYOREF_VERSION_NUMBER computes it, at run time. */
MYOREF_API int myoref_version_number(void);

#ifdef __cplusplus
}
#endif

#endif /* MYOREF_H */
