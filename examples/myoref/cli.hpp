// Shared plumbing for the myoref command: argument parsing, files, exit codes.
//
// Each subcommand lives in its own cmd_*.cpp and registers itself with
// MYOREF_COMMAND; main.cpp only dispatches.
#ifndef MYOREF_CLI_HPP
#define MYOREF_CLI_HPP

#include <cstddef>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "myoref/myoref.hpp"

namespace myoref::cli {

// Exit statuses, as in the contracts.
inline constexpr int kExitOk = 0;
inline constexpr int kExitUsage = 2;
inline constexpr int kExitBadInput = 3;
inline constexpr int kExitRefused = 4;

/// The exit status for a library error (3 for bad input, 4 for a safety refusal).
int exit_code_for(const Error& error) noexcept;

/// Command-line words after the subcommand name.
struct Args {
  std::vector<std::string> positional;
  std::map<std::string, std::string> options;  // "--format" -> "json"

  bool has(const std::string& option) const { return options.count(option) != 0; }
  std::string get(const std::string& option, const std::string& fallback = {}) const;
};

/// Splits words into positionals and "--name value" options. Every option takes
/// a value; an option not in `known` is a usage error. Returns false (after
/// printing a message) on a usage error.
bool parse_args(const std::vector<std::string>& words, const std::set<std::string>& known,
                Args& out);

/// The largest file myoref reads: more than any document's own limit (an
/// assessment document's 16 MiB), so that the library reports those, and
/// little enough that a huge file is refused without reading it all.
inline constexpr std::size_t kMaxInputBytes = std::size_t{16} << 20U;

/// Reads a whole file, or standard input for "-". On failure (including a
/// file larger than kMaxInputBytes) prints "myoref: PATH: reason" and returns
/// false.
bool read_input(const std::string& path, std::string& out);

/// Writes `text` to `path` atomically (temporary file in the same folder,
/// flush, fsync, rename), or to standard output for "-". A failure leaves any
/// existing file untouched; it prints the reason and returns false.
bool write_output(const std::string& path, std::string_view text);

/// Prints an error about `source` (a file name, or "-") to standard error:
/// "myoref: SOURCE: summary" then one "  /json/path: message" line per problem.
void print_error(const std::string& source, const Error& error);

/// The knowledge base a command works with: the file named by `--kb` (or
/// standard input for "-"), else the built-in one. On failure prints every
/// problem (see print_error), sets `exit_code` and returns false.
bool load_kb(const Args& args, KnowledgeBase& out, int& exit_code);

/// Prints "myoref: usage: ..." and returns kExitUsage.
int usage_error(std::string_view message);

struct Command {
  std::string_view name;      // "assess"
  std::string_view synopsis;  // "assess INTAKE.json [--format text|json] [--kb KB.json]"
  std::string_view summary;   // one line for `myoref help`
  int (*run)(const std::vector<std::string>& words);
};

/// The most subcommands the command can hold.
inline constexpr std::size_t kMaxCommands = 16;

/// Registers a subcommand; returns true so it can initialise a static (false
/// when kMaxCommands are registered already).
bool register_command(const Command& command) noexcept;

/// The registered subcommands, by name.
struct CommandList {
  const Command* first = nullptr;
  std::size_t count = 0;
  const Command* begin() const noexcept { return first; }
  const Command* end() const noexcept { return first + count; }
};
CommandList commands() noexcept;

}  // namespace myoref::cli

#define MYOREF_CLI_CONCAT2(a, b) a##b
#define MYOREF_CLI_CONCAT(a, b) MYOREF_CLI_CONCAT2(a, b)
/// Registers a subcommand from a cmd_*.cpp file.
#define MYOREF_COMMAND(...)                                                 \
  namespace {                                                               \
  [[maybe_unused]] const bool MYOREF_CLI_CONCAT(registered_, __LINE__) =    \
      ::myoref::cli::register_command(::myoref::cli::Command{__VA_ARGS__}); \
  }

#endif  // MYOREF_CLI_HPP
