/* Bytes the WebAssembly module's allocator has handed out and not taken back:
 * the JavaScript tests' leak check (bindings/js/test) reads it around 100,000
 * calls. Not part of the C API. */
#include <malloc.h>
#include <stddef.h>

size_t myoref_wasm_heap_in_use(void);

size_t myoref_wasm_heap_in_use(void) {
  struct mallinfo info = mallinfo();
  return (size_t)info.uordblks;
}
