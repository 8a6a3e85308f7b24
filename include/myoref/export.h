/* Symbol visibility for the myoref library. Shared by the C and C++ headers. */
#ifndef MYOREF_EXPORT_H
#define MYOREF_EXPORT_H

/* The nesting reads better indented. */
/* clang-format off */
#if defined(MYOREF_STATIC_DEFINE)
#  define MYOREF_API
#elif defined(_WIN32)
#  if defined(MYOREF_BUILDING)
#    define MYOREF_API __declspec(dllexport)
#  else
#    define MYOREF_API __declspec(dllimport)
#  endif
#else
#  define MYOREF_API __attribute__((visibility("default")))
#endif

#endif /* MYOREF_EXPORT_H */
