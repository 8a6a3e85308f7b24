// A main() for the fuzz targets in builds without libFuzzer (g++, or clang
// without MYOREF_BUILD_FUZZERS): it runs LLVMFuzzerTestOneInput once on each
// file named on the command line, and on every file (recursively, in sorted
// order) of each folder named. That is how each seed corpus replays as an
// ordinary ctest test in every build, and how a crash file is reproduced
// without libFuzzer:
//
//   build/tests/myoref_replay_kb tests/fuzz/corpus/kb crash-1234
//
// Each input is copied into a heap buffer of exactly its size, so that an
// AddressSanitizer build catches a read one byte past the end, as libFuzzer
// would. Exits 1 when an argument cannot be read or names no file at all (an
// empty corpus proves nothing); a failed check inside a target aborts.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <system_error>
#include <vector>

#include "fuzz_support.hpp"

namespace {

namespace fs = std::filesystem;

bool run_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "fuzzer_stub: %s: cannot open\n", path.c_str());
    return false;
  }
  const std::vector<char> bytes((std::istreambuf_iterator<char>(in)),
                                std::istreambuf_iterator<char>());
  if (in.bad()) {
    std::fprintf(stderr, "fuzzer_stub: %s: cannot read\n", path.c_str());
    return false;
  }
  // Exactly `size` bytes, not a vector's spare capacity.
  const std::unique_ptr<std::uint8_t[]> copy(new std::uint8_t[bytes.empty() ? 1 : bytes.size()]);
  if (!bytes.empty())
    std::memcpy(copy.get(), bytes.data(), bytes.size());
  LLVMFuzzerTestOneInput(copy.get(), bytes.size());
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s FILE_OR_FOLDER...\n", argv[0]);
    return 2;
  }
  std::size_t runs = 0;
  for (int i = 1; i < argc; ++i) {
    const fs::path arg(argv[i]);
    std::error_code ec;
    if (fs::is_directory(arg, ec)) {
      std::vector<fs::path> files;
      for (fs::recursive_directory_iterator it(arg, ec), end; !ec && it != end; it.increment(ec)) {
        if (it->is_regular_file(ec))
          files.push_back(it->path());
      }
      if (ec) {
        std::fprintf(stderr, "fuzzer_stub: %s: %s\n", arg.c_str(), ec.message().c_str());
        return 1;
      }
      std::sort(files.begin(), files.end());
      for (const auto& f : files) {
        if (!run_file(f))
          return 1;
        ++runs;
      }
    } else {
      if (!run_file(arg))
        return 1;
      ++runs;
    }
  }
  if (runs == 0) {
    std::fprintf(stderr, "fuzzer_stub: no input files found\n");
    return 1;
  }
  std::printf("fuzzer_stub: %zu inputs ran without a failure\n", runs);
  return 0;
}
