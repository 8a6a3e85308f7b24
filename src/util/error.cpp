#include "myoref/error.hpp"

namespace myoref {

const char* to_string(ErrorCode code) noexcept {
  switch (code) {
    case ErrorCode::ok:
      return "ok";
    case ErrorCode::invalid_argument:
      return "invalid_argument";
    case ErrorCode::parse:
      return "parse";
    case ErrorCode::invalid_input:
      return "invalid_input";
    case ErrorCode::limit_exceeded:
      return "limit_exceeded";
    case ErrorCode::safety_refusal:
      return "safety_refusal";
    case ErrorCode::kb_mismatch:
      return "kb_mismatch";
    case ErrorCode::integrity:
      return "integrity";
    case ErrorCode::unsupported_version:
      return "unsupported_version";
    case ErrorCode::not_found:
      return "not_found";
    case ErrorCode::out_of_memory:
      return "out_of_memory";
    case ErrorCode::internal:
      return "internal";
    case ErrorCode::misuse:
      return "misuse";
  }
  return "internal";
}

const std::string& Error::path() const noexcept {
  static const std::string empty;
  return diagnostics_.empty() ? empty : diagnostics_.front().path;
}

std::string Error::to_string() const {
  std::string out = message_;
  for (const auto& d : diagnostics_) {
    out += '\n';
    if (!d.path.empty()) {
      out += d.path;
      out += ": ";
    }
    out += d.message;
  }
  return out;
}

}  // namespace myoref
