#include "cli.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
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
    case ErrorCode::ok:
      return kExitOk;
    case ErrorCode::safety_refusal:
      return kExitRefused;
    case ErrorCode::invalid_argument:
      return kExitUsage;
    default:
      return kExitBadInput;
  }
}

std::string Args::get(const std::string& option, const std::string& fallback) const {
  const auto it = options.find(option);
  return it == options.end() ? fallback : it->second;
}

bool parse_args(const std::vector<std::string>& words, const std::set<std::string>& known,
                Args& out) {
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

namespace {
// Reads at most kMaxInputBytes + 1 bytes, so that a huge file costs no more
// than that to refuse.
bool read_bounded(std::istream& in, const std::string& path, std::string& out) {
  out.clear();
  char buf[1U << 16U];
  while (in.read(buf, sizeof buf) || in.gcount() > 0) {
    out.append(buf, static_cast<std::size_t>(in.gcount()));
    if (out.size() > kMaxInputBytes) {
      std::cerr << "myoref: " << path << ": the file is larger than " << (kMaxInputBytes >> 20U)
                << " MiB, more than any document myoref reads (limit_exceeded)\n";
      return false;
    }
  }
  if (in.bad()) {
    std::cerr << "myoref: " << path << ": cannot read\n";
    return false;
  }
  return true;
}
}  // namespace

bool read_input(const std::string& path, std::string& out) {
  if (path == "-") {
    return read_bounded(std::cin, path, out);
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::cerr << "myoref: " << path << ": cannot open: " << std::strerror(errno) << '\n';
    return false;
  }
  return read_bounded(in, path, out);
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
    std::cerr << "myoref: " << path
              << ": cannot create a temporary file beside it: " << std::strerror(errno) << '\n';
    return false;
  }
  const char* p = text.data();
  std::size_t left = text.size();
  bool ok = true;
  while (left > 0) {
    const ssize_t n = ::write(fd, p, left);
    if (n < 0) {
      if (errno == EINTR)
        continue;
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
    std::cerr << "myoref: " << path << ": cannot write: " << std::strerror(ok ? errno : saved)
              << '\n';
    ::unlink(tmp.c_str());
    return false;
  }
  return true;
}

namespace {
// Text from a document (a key in a JSON path, an id in a message) may hold
// control characters: shown as they are, an escape sequence would act on the
// terminal of whoever reads the error. Write them as \u00XX instead (the C0
// controls, DEL, and the C1 controls U+0080..U+009F in their UTF-8 form).
std::string printable(std::string_view text) {
  static const char* const hex = "0123456789abcdef";
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    unsigned code = 0x100;  // none
    if (c < 0x20 || c == 0x7f) {
      code = c;
    } else if (c == 0xc2 && i + 1 < text.size() &&
               static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
               static_cast<unsigned char>(text[i + 1]) <= 0x9f) {
      code = static_cast<unsigned char>(text[++i]);
    }
    if (code == 0x100) {
      out += static_cast<char>(c);
    } else {
      out += "\\u00";
      out += hex[code >> 4U];
      out += hex[code & 15U];
    }
  }
  return out;
}
}  // namespace

void print_error(const std::string& source, const Error& error) {
  std::cerr << "myoref: " << printable(source) << ": " << printable(error.message()) << '\n';
  for (const auto& d : error.diagnostics()) {
    std::cerr << "  " << (d.path.empty() ? std::string("(document)") : printable(d.path)) << ": "
              << printable(d.message) << '\n';
  }
}

namespace {

/// `--lang LANG` and `--locale-pack FILE`: the same knowledge base in another
/// language (docs/languages.md). Its hash is the same, so plans and
/// assessments made in any language stay valid.
bool localize(const Args& args, KnowledgeBase& kb, int& exit_code) {
  if (!args.has("--lang") && !args.has("--locale-pack"))
    return true;
  std::string pack;
  if (args.has("--locale-pack") && !read_input(args.get("--locale-pack"), pack)) {
    exit_code = kExitBadInput;
    return false;
  }
  auto localized = kb.localized(args.get("--lang", "en"), pack);
  if (!localized) {
    print_error(args.get("--locale-pack", "--lang " + args.get("--lang")), localized.error());
    exit_code = localized.error().code() == ErrorCode::not_found ||
                        localized.error().code() == ErrorCode::invalid_argument
                    ? kExitUsage
                    : exit_code_for(localized.error());
    return false;
  }
  kb = std::move(localized).value();
  return true;
}

bool load_kb_source(const Args& args, KnowledgeBase& out, int& exit_code);

}  // namespace

bool load_kb(const Args& args, KnowledgeBase& out, int& exit_code) {
  return load_kb_source(args, out, exit_code) && localize(args, out, exit_code);
}

namespace {

bool load_kb_source(const Args& args, KnowledgeBase& out, int& exit_code) {
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

}  // namespace

int usage_error(std::string_view message) {
  std::cerr << "myoref: usage: " << message << "\n(run 'myoref help' for the commands)\n";
  return kExitUsage;
}

namespace {
// Filled while statics are initialised, before main: a fixed table, so that
// registering cannot throw (an exception there would end the program unseen).
struct Registry {
  std::array<Command, kMaxCommands> table{};
  std::size_t count = 0;
};
Registry& registry() noexcept {
  static Registry r;
  return r;
}
}  // namespace

bool register_command(const Command& command) noexcept {
  Registry& r = registry();
  if (r.count == r.table.size())
    return false;  // `myoref help` would not list it: the CLI tests catch that
  r.table[r.count++] = command;
  std::sort(r.table.begin(), r.table.begin() + static_cast<std::ptrdiff_t>(r.count),
            [](const Command& a, const Command& b) { return a.name < b.name; });
  return true;
}

CommandList commands() noexcept {
  const Registry& r = registry();
  return {r.table.data(), r.count};
}

}  // namespace myoref::cli
