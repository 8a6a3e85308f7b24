# The two commands a newcomer needs: `make demo` and `make test`.
# Everything else (sanitize, bench, fuzz, docs, abi-check, coverage) is below.
# Build folders: build/ (default), build-asan/ (sanitize and fuzz), build-tsan/,
# build-bench/, build-cov/, build-arm64/.

PYTHON  := /usr/bin/python3
JOBS    ?= $(shell nproc)
# Debug information is line tables only (-g1): backtraces, sanitizer and
# Memcheck reports keep their files and lines, and builds take about a third
# less time than with full -g. A debugger's view of variables needs a build of
# your own (-DCMAKE_BUILD_TYPE=Debug).
G1_FLAGS := "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O2 -g1 -DNDEBUG" "-DCMAKE_C_FLAGS_RELWITHDEBINFO=-O2 -g1 -DNDEBUG"
CMAKE_FLAGS := -DPython3_EXECUTABLE=$(PYTHON) $(G1_FLAGS)
CTEST   := ctest --output-on-failure -j $(JOBS)
MYOREF  := build/examples/myoref
DEMO_INTAKE := examples/intakes/gluteus_medius_classic.json

.PHONY: all demo test web browser sanitize tsan fuzz bench docs abi-check abi-baseline coverage format tidy clean deps build cross-arm64

all: build

deps:
	@scripts/deps.sh build test

build/CMakeCache.txt:
	cmake -S . -B build $(CMAKE_FLAGS)

build: deps build/CMakeCache.txt
	@cmake --build build -j $(JOBS)

demo: build
	@echo "== myoref assess $(DEMO_INTAKE)"
	@$(MYOREF) assess $(DEMO_INTAKE)

# The JavaScript tests need `make web`; when it fails here they are skipped
# (ctest says so) rather than stopping the native suite. With MYOREF_NO_SKIP=1
# (.ci/run) nothing is skipped: a failed `make web` stops here, and a test that
# cannot run (no chromium, no pip) fails.
test: build
	@$(MAKE) --no-print-directory web || { [ "$(MYOREF_NO_SKIP)" != 1 ] && \
	  echo "== make web FAILED: the JavaScript tests (js_node, browser) will be skipped"; }
	cd build && $(CTEST)

# The WebAssembly build and the JavaScript package (bindings/js) into
# build-wasm/ with Debian's emscripten; its embedded knowledge base comes from
# the native build's generated sources. docs/javascript.md.
EMENV := NODE_PATH=/usr/share/nodejs
web: build/CMakeCache.txt
	@scripts/deps.sh build web
	@cmake --build build -j $(JOBS) --target myoref_cli myoref_default_kb myoref_default_kb_hash \
	  myoref_interop_data myoref_choir_data myoref_locale_data
	@[ -f build-wasm/CMakeCache.txt ] || $(EMENV) emcmake cmake -S bindings/js -B build-wasm \
	  -DMYOREF_NATIVE_BUILD=$(CURDIR)/build
	@$(EMENV) cmake --build build-wasm -j $(JOBS)
	@echo "== the JavaScript package is in build-wasm/package/ (npm install ./build-wasm/package);"
	@echo "   try it: node -e \"import('./build-wasm/package/myoref.js').then(async m => { await m.init(); console.log(m.KnowledgeBase.builtin().assess({pain: [{region: 'buttock_upper', side: 'left', intensity: 6}]}).candidates[0].key) })\""
	@echo "== the example app is in build-wasm/site/; open it with a static server:"
	@echo "   python3 -m http.server -d build-wasm/site 8000   # then http://localhost:8000/"

# The example app's browser tests (tests/browser): playwright-core and axe-core
# from npm (tests/browser/package-lock.json) drive Debian's chromium over
# build-wasm/site. `make test` runs them too (ctest -L browser).
browser: web
	@scripts/deps.sh test
	tests/browser/run.sh build-wasm/site build-wasm/browser-tests

# One clang build with ASan + UBSan (build-asan/) serves `make sanitize` (the
# whole suite) and `make fuzz` (libFuzzer): the library is compiled with the
# fuzzer's coverage instrumentation, which the sanitizer runtime provides for
# the test programs too, at -O1 with assertions on (Debug, -O1: a few times
# faster than -O0 for the suite and for fuzzing, with usable stacks).
ASAN_CMAKE_FLAGS := -DCMAKE_BUILD_TYPE=Debug "-DCMAKE_C_FLAGS_DEBUG=-g1 -O1" "-DCMAKE_CXX_FLAGS_DEBUG=-g1 -O1" \
  -DMYOREF_SANITIZE=address,undefined -DMYOREF_BUILD_FUZZERS=ON -DMYOREF_BUILD_PYTHON=OFF

build-asan/CMakeCache.txt:
	CC=clang CXX=clang++ cmake -S . -B build-asan $(CMAKE_FLAGS) $(ASAN_CMAKE_FLAGS)

# The JavaScript, browser and lint tests run no sanitized code (the WebAssembly
# package, chromium, clang-format): `make test` runs them once.
sanitize:
	@scripts/deps.sh build test sanitize
	@$(MAKE) build-asan/CMakeCache.txt
	@cmake --build build-asan -j $(JOBS)
	cd build-asan && ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
	  $(CTEST) -LE "js|browser|lint"

# ThreadSanitizer over the concurrency tests only (the C and C++ APIs from 8
# threads): `ctest -L concurrency`.
tsan:
	@scripts/deps.sh build test sanitize
	@[ -f build-tsan/CMakeCache.txt ] || CC=clang CXX=clang++ cmake -S . -B build-tsan $(CMAKE_FLAGS) \
	  -DMYOREF_SANITIZE=thread -DMYOREF_BUILD_PYTHON=OFF
	@cmake --build build-tsan -j $(JOBS) --target myoref_concurrency
	cd build-tsan && TSAN_OPTIONS=halt_on_error=1:second_deadlock_stack=1 $(CTEST) -L concurrency

# libFuzzer with ASan + UBSan (the sanitize build, build-asan/): each target
# for FUZZ_SECONDS (FUZZ_JOBS at a time), starting from its seed corpus; see
# tests/fuzz/run.sh.
FUZZ_SECONDS ?= 60
FUZZ_JOBS ?= 1
fuzz:
	@scripts/deps.sh build fuzz
	@$(MAKE) build-asan/CMakeCache.txt
	@cmake --build build-asan -j $(JOBS) --target myoref_fuzzers
	tests/fuzz/run.sh -j $(FUZZ_JOBS) build-asan $(FUZZ_SECONDS)

# 64-bit ARM: the library and the C API tests cross-compiled with Debian's
# aarch64 cross compiler (cmake/toolchains/aarch64-linux-gnu.cmake, Boost.JSON
# compiled from its headers), the tests run under qemu-aarch64. The knowledge
# base's hash is computed at build time by the default build's myoref_kb_hash
# (a program for this machine; nothing built for ARM runs during the build).
cross-arm64: build/CMakeCache.txt
	@scripts/deps.sh build cross
	@cmake --build build -j $(JOBS) --target myoref_kb_hash
	@[ -f build-arm64/CMakeCache.txt ] || cmake -S . -B build-arm64 $(CMAKE_FLAGS) \
	  -DCMAKE_TOOLCHAIN_FILE=$(CURDIR)/cmake/toolchains/aarch64-linux-gnu.cmake \
	  -DMYOREF_BOOST_JSON_HEADER_ONLY=ON -DMYOREF_BUILD_PYTHON=OFF -DMYOREF_BUILD_EXAMPLES=OFF \
	  -DMYOREF_KB_HASH_EXECUTABLE=$(CURDIR)/build/tools/myoref_kb_hash
	@cmake --build build-arm64 -j $(JOBS)
	cd build-arm64 && $(CTEST)

# Memcheck over the myoref command and the C host example (default build).
valgrind: build
	@scripts/deps.sh test
	tests/tools/valgrind.sh build

# Line and branch coverage of src/ and bindings/ (C and Python) by the whole
# suite but the slow pip build (gcovr): a summary here, the details in
# build-cov/coverage/index.html. Counters are atomic: tests run threads.
COV_FLAGS := --coverage -fprofile-update=atomic
coverage:
	@scripts/deps.sh build test coverage
	@[ -f build-cov/CMakeCache.txt ] || cmake -S . -B build-cov $(CMAKE_FLAGS) -DCMAKE_BUILD_TYPE=Debug \
	  "-DCMAKE_C_FLAGS=$(COV_FLAGS)" "-DCMAKE_CXX_FLAGS=$(COV_FLAGS)"
	@cmake --build build-cov -j $(JOBS)
	@find build-cov -name '*.gcda' -delete
	cd build-cov && $(CTEST) -LE slow
	@mkdir -p build-cov/coverage
	gcovr --root . --object-directory build-cov --filter src/ --filter bindings/ \
	  --exclude-unreachable-branches --exclude-throw-branches \
	  --html-details build-cov/coverage/index.html --txt - --print-summary

# Style: `make format` rewrites our sources as .clang-format says (ctest's
# "lint: sources follow .clang-format" checks it); `make tidy` runs clang-tidy
# (.clang-tidy, every warning an error) over the library, its bindings, the
# command and the tools, with the default build's compile commands.
FORMAT_DIRS := include src bindings examples tools tests benchmarks
format:
	@scripts/deps.sh lint
	find $(FORMAT_DIRS) -path tests/fuzz/corpus -prune -o \( -name '*.c' -o -name '*.h' -o -name '*.cpp' -o -name '*.hpp' \) -print \
	  | xargs clang-format -i

# The static analyzer's checks (clang-analyzer-*) run in its shallow mode
# (less inlining across calls): a third less time for the whole run, 2.4x less
# on the template-heavy files; `make tidy TIDY_ANALYZER=deep` runs the full analysis.
TIDY_SOURCES = $(shell git ls-files 'src/*.cpp' 'bindings/*.cpp' 'examples/*.cpp' 'tools/*.cpp')
TIDY_ANALYZER ?= shallow
tidy: build
	@scripts/deps.sh lint
	printf '%s\n' $(TIDY_SOURCES) | xargs -P $(JOBS) -n 4 clang-tidy -p build --quiet \
	  --extra-arg=-Xclang --extra-arg=-analyzer-config --extra-arg=-Xclang --extra-arg=mode=$(TIDY_ANALYZER)

# The API reference from the public headers (docs/Doxyfile): fails on any
# warning, such as an undocumented declaration. Opens at build-docs/html/index.html.
docs:
	@scripts/deps.sh docs
	@mkdir -p build-docs
	MYOREF_VERSION=$$(sed -n 's/^  VERSION \([0-9.]*\)$$/\1/p' CMakeLists.txt) MYOREF_DOCS_OUT=build-docs doxygen docs/Doxyfile
	@echo "API reference: build-docs/html/index.html"

# Benchmarks: a Release build with Google Benchmark, every program run with
# repetitions (medians and ratios to their baselines), then the Python
# benchmark against the module of that build. See docs/performance.md.
BENCH_REPS ?= 10
bench:
	@scripts/deps.sh build bench
	@[ -f build-bench/CMakeCache.txt ] || cmake -S . -B build-bench $(CMAKE_FLAGS) \
	  -DCMAKE_BUILD_TYPE=Release -DMYOREF_BUILD_BENCHMARKS=ON -DMYOREF_BUILD_TESTS=OFF
	@cmake --build build-bench -j $(JOBS)
	$(PYTHON) benchmarks/run.py build-bench --repetitions $(BENCH_REPS) --json build-bench/bench-results.json
	@# numpy's baseline runs OpenBLAS as it would for a user: without this
	@# environment's OPENBLAS_CORETYPE / OPENBLAS_L2_SIZE (both unset, for this command only).
	env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE PYTHONPATH=$(CURDIR)/build-bench/bindings/python \
	  $(PYTHON) benchmarks/python/bench_python.py

# The C API's ABI against the baseline in tests/abi/ (docs/c-api.md, "ABI"):
# fails on any incompatible change; additions pass.
ABI_LIB := build/bindings/c/libmyoref.so

abi-check: build
	@scripts/deps.sh abi
	@tests/abi/abi.sh check $(ABI_LIB)

# Rewrites the baseline from the current build: after additions, or for a
# deliberate break that also bumps MYOREF_SOVERSION.
abi-baseline: build
	@scripts/deps.sh abi
	@tests/abi/abi.sh update $(ABI_LIB)

clean:
	rm -rf build build-asan build-tsan build-fuzz build-bench build-cov build-docs build-arm64 build-wasm
