/* Helpers of the WebAssembly module for the JavaScript package
 * (bindings/js/src/myoref.js). Not part of the C API. */
#include <malloc.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

size_t myoref_wasm_heap_in_use(void);
size_t myoref_wasm_strlen(const char* s);

/* Bytes the module's allocator has handed out and not taken back: the
 * JavaScript tests' leak check (bindings/js/test) reads it around 100,000
 * calls. */
size_t myoref_wasm_heap_in_use(void) {
  struct mallinfo info = mallinfo();
  return (size_t)info.uordblks;
}

/* The length of a string the library returned, for the JavaScript to decode
 * it: eight bytes at a time (an assessment is about 20 KB; a scan for its NUL
 * in JavaScript, Uint8Array.indexOf or a loop, took about a quarter of
 * kb.assessJSON's time under node). */
size_t myoref_wasm_strlen(const char* s) {
  const char* p = s;
  while (((uintptr_t)p & 7U) != 0) {
    if (*p == '\0')
      return (size_t)(p - s);
    ++p;
  }
  const uint64_t ones = 0x0101010101010101ULL;
  const uint64_t highs = 0x8080808080808080ULL;
  for (;;) {
    uint64_t w;
    memcpy(&w, p, sizeof w); /* aligned: one i64.load */
    if (((w - ones) & ~w & highs) != 0)
      break;
    p += 8;
  }
  while (*p != '\0')
    ++p;
  return (size_t)(p - s);
}
