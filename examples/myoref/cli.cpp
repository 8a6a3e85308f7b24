#include "cli.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

namespace myoref::cli {

int exit_code_for(const Error& error) noexcept {
  switch (error.code()) {
    case ErrorCode::ok: return kExitOk;
    case ErrorCode::safety_refusal: return kExitRefused;
    case ErrorCode::invalid_argument: return kExitUsage;
    default: return kExitBadInput;
  }
}

std::string Args::get(const std::string& option, const std::string& fallback) const {
  const auto it = options.find(option);
  return it == options.end() ? fallback : it->second;
}

bool parse_args(const std::vector<std::string>& words, const std::set<std::string>& known, Args& out) {
  out = Args{};
  for (std::size_t i = 0; i < words.size(); ++i) {
    const std::string& w = words[i];
    if (w.size() > 2 && w.compare(0, 2, "--") == 0) {
      if (known.count(w) == 0) {
        usage_error("unknown option " + w);
        return false;
      }
      if (i + 1 >= words.size()) {
        usage_error(w + " needs a value");
        return false;
      }
      if (out.options.count(w) != 0) {
        usage_error(w + " given twice");
        return false;
      }
      out.options[w] = words[++i];
    } else {
      out.positional.push_back(w);
    }
  }
  return true;
}

bool read_input(const std::string& path, std::string& out) {
  if (path == "-") {
    out.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
    if (std::cin.bad()) {
      std::cerr << "myoref: -: cannot read standard input\n";
      return false;
    }
    return true;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::cerr << "myoref: " << path << ": cannot open: " << std::strerror(errno) << '\n';
    return false;
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) {
    std::cerr << "myoref: " << path << ": cannot read\n";
    return false;
  }
  out = ss.str();
  return true;
}

bool write_output(const std::string& path, std::string_view text) {
  if (path == "-") {
    std::cout.write(text.data(), static_cast<std::streamsize>(text.size()));
    std::cout.flush();
    return static_cast<bool>(std::cout);
  }
  std::string tmp = path + ".tmp-XXXXXX";
  const int fd = ::mkstemp(tmp.data());
  if (fd < 0) {
    std::cerr << "myoref: " << path << ": cannot create a temporary file beside it: "
              << std::strerror(errno) << '\n';
    return false;
  }
  const char* p = text.data();
  std::size_t left = text.size();
  bool ok = true;
  while (left > 0) {
    const ssize_t n = ::write(fd, p, left);
    if (n < 0) {
      if (errno == EINTR) continue;
      ok = false;
      break;
    }
    p += n;
    left -= static_cast<std::size_t>(n);
  }
  ok = ok && ::fchmod(fd, 0644) == 0 && ::fsync(fd) == 0;
  const int saved = errno;
  ok = (::close(fd) == 0) && ok;
  if (!ok || std::rename(tmp.c_str(), path.c_str()) != 0) {
    std::cerr << "myoref: " << path << ": cannot write: " << std::strerror(ok ? errno : saved) << '\n';
    ::unlink(tmp.c_str());
    return false;
  }
  return true;
}

void print_error(const std::string& source, const Error& error) {
  std::cerr << "myoref: " << source << ": " << error.message() << '\n';
  for (const auto& d : error.diagnostics()) {
    std::cerr << "  " << (d.path.empty() ? std::string("(document)") : d.path) << ": " << d.message
              << '\n';
  }
}

bool load_kb(const Args& args, KnowledgeBase& out, int& exit_code) {
  if (args.has("--kb")) {
    const std::string path = args.get("--kb");
    std::string text;
    if (!read_input(path, text)) {
      exit_code = kExitBadInput;
      return false;
    }
    auto kb = KnowledgeBase::from_json(text);
    if (!kb) {
      print_error(path, kb.error());
      exit_code = exit_code_for(kb.error());
      return false;
    }
    out = std::move(kb).value();
    return true;
  }
  auto kb = KnowledgeBase::builtin();
  if (!kb) {
    print_error("built-in knowledge base", kb.error());
    exit_code = exit_code_for(kb.error());
    return false;
  }
  out = std::move(kb).value();
  return true;
}

int usage_error(std::string_view message) {
  std::cerr << "myoref: usage: " << message << "\n(run 'myoref help' for the commands)\n";
  return kExitUsage;
}

namespace {
std::vector<Command>& registry() {
  static std::vector<Command> commands;
  return commands;
}
}  // namespace

bool register_command(const Command& command) {
  auto& r = registry();
  r.push_back(command);
  std::sort(r.begin(), r.end(), [](const Command& a, const Command& b) { return a.name < b.name; });
  return true;
}

const std::vector<Command>& commands() { return registry(); }

}  // namespace myoref::cli
