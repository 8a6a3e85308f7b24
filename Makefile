# The two commands a newcomer needs: `make demo` and `make test`.
# Everything else (sanitize, bench, fuzz, docs, abi-check, coverage) is below.
# Build folders: build/ (default), build-asan/, build-tsan/, build-fuzz/,
# build-bench/, build-cov/.

PYTHON  := /usr/bin/python3
JOBS    ?= $(shell nproc)
CMAKE_FLAGS := -DPython3_EXECUTABLE=$(PYTHON)
CTEST   := ctest --output-on-failure -j $(JOBS)
MYOREF  := build/examples/myoref
DEMO_INTAKE := examples/intakes/gluteus_medius_classic.json

.PHONY: all demo test sanitize tsan fuzz bench docs abi-check abi-baseline coverage clean deps build

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

test: build
	cd build && $(CTEST)

sanitize:
	@scripts/deps.sh build test sanitize
	@[ -f build-asan/CMakeCache.txt ] || CC=clang CXX=clang++ cmake -S . -B build-asan $(CMAKE_FLAGS) \
	  -DCMAKE_BUILD_TYPE=Debug -DMYOREF_SANITIZE=address,undefined -DMYOREF_BUILD_PYTHON=OFF
	@cmake --build build-asan -j $(JOBS)
	cd build-asan && ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 $(CTEST)

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
	rm -rf build build-asan build-tsan build-fuzz build-bench build-cov build-docs
