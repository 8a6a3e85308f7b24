// myoref: the command-line front end of the library (see docs/getting-started.md).
//
// Exit status: 0 success, 2 usage error, 3 bad input, 4 refused by a safety rule.
#include <exception>
#include <iostream>
#include <string>
#include <vector>

#include "cli.hpp"

namespace {

void print_help(std::ostream& out) {
  out << "myoref " << myoref::library_version()
      << ": find the muscles likely behind a pain drawing and plan self-care.\n"
         "Not a diagnosis: red flags are screened first and always win.\n\n"
         "usage: myoref COMMAND ARGS...   ('-' in place of a file means standard input)\n\n";
  for (const auto& c : myoref::cli::commands()) {
    out << "  myoref " << c.synopsis << "\n      " << c.summary << '\n';
  }
  out << "\nExit status: 0 success, 2 usage error, 3 bad input, 4 refused by a safety rule.\n";
}

}  // namespace

int main(int argc, char** argv) {
  try {
    std::vector<std::string> words(argv + 1, argv + argc);
    if (words.empty()) {
      print_help(std::cerr);
      return myoref::cli::kExitUsage;
    }
    const std::string name = words.front();
    if (name == "help" || name == "--help" || name == "-h") {
      print_help(std::cout);
      return myoref::cli::kExitOk;
    }
    if (name == "--version" || name == "version") {
      std::cout << "myoref " << myoref::library_version() << '\n';
      return myoref::cli::kExitOk;
    }
    for (const auto& c : myoref::cli::commands()) {
      if (c.name == name) {
        words.erase(words.begin());
        return c.run(words);
      }
    }
    return myoref::cli::usage_error("unknown command '" + name + "'");
  } catch (const std::exception& e) {
    std::cerr << "myoref: internal error: " << e.what() << '\n';
    return 1;
  }
}
