// SHA-256 (FIPS 180-4), for content hashes and plan integrity checks. Small
// and dependency-free: the library needs a stable digest, not a crypto suite.
#ifndef MYOREF_SRC_UTIL_SHA256_HPP
#define MYOREF_SRC_UTIL_SHA256_HPP

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace myoref::detail {

class Sha256 {
 public:
  Sha256() noexcept;
  void update(std::string_view bytes) noexcept;
  std::array<std::uint8_t, 32> finish() noexcept;

 private:
  void block(const std::uint8_t* p) noexcept;

  std::array<std::uint32_t, 8> h_;
  std::array<std::uint8_t, 64> buf_{};
  std::size_t used_ = 0;
  std::uint64_t length_ = 0;
};

/// The SHA-256 of `bytes` as 64 lower-case hex digits.
std::string sha256_hex(std::string_view bytes);

}  // namespace myoref::detail

#endif  // MYOREF_SRC_UTIL_SHA256_HPP
