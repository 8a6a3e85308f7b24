// Message catalogues: every sentence the library composes, by key, with named
// placeholders ("Refers pain to {regions}: essential zone of the {zone}"),
// plural forms (one / other, chosen by the placeholder `n`) and the locale's
// decimal separator. docs/languages.md.
//
// A Catalogue is complete: the English one is the base of every other, so a
// message a translation lacks comes out in English, never empty.
#ifndef MYOREF_SRC_I18N_MESSAGES_HPP
#define MYOREF_SRC_I18N_MESSAGES_HPP

#include <cstdint>
#include <functional>
#include <initializer_list>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace myoref {
class KnowledgeBase;
struct Dose;
}  // namespace myoref

namespace myoref::detail {

/// A value for a placeholder: words, a whole number, or a decimal written
/// with '.' that the locale may write with ',' ("0.6" -> "0,6").
class MsgArg {
 public:
  MsgArg(std::string_view name, std::string_view text) noexcept : name_(name), text_(text) {}
  MsgArg(std::string_view name, const std::string& text) noexcept : name_(name), text_(text) {}
  MsgArg(std::string_view name, const char* text) noexcept : name_(name), text_(text) {}
  MsgArg(std::string_view name, long long number) noexcept;
  MsgArg(std::string_view name, int number) noexcept
      : MsgArg(name, static_cast<long long>(number)) {}
  MsgArg(std::string_view name, std::size_t number) noexcept
      : MsgArg(name, static_cast<long long>(number)) {}
  /// A decimal number already written with '.' as its separator.
  static MsgArg decimal(std::string_view name, std::string_view text) noexcept {
    MsgArg a(name, text);
    a.decimal_ = true;
    return a;
  }

  std::string_view name() const noexcept { return name_; }
  std::string_view text() const noexcept { return number_ ? std::string_view(buf_, size_) : text_; }
  bool is_number() const noexcept { return number_; }
  bool is_decimal() const noexcept { return decimal_; }
  long long number() const noexcept { return value_; }

 private:
  std::string_view name_;
  std::string_view text_;
  bool number_ = false;
  bool decimal_ = false;
  long long value_ = 0;
  char buf_[24] = {};
  std::uint8_t size_ = 0;
};

struct Message {
  std::string one;    ///< the singular form (== other when not plural)
  std::string other;  ///< the form for every other count
  bool plural = false;
};

class Catalogue {
 public:
  std::string locale = "en";
  char decimal = '.';
  std::map<std::string, Message, std::less<>> messages;

  /// Appends message `key` with its placeholders filled. A key the catalogue
  /// does not have appends the key itself (a bug: the English catalogue has
  /// every key the library uses, and a test checks it).
  void append(std::string& out, std::string_view key, std::initializer_list<MsgArg> args) const {
    append(out, key, args.begin(), args.size());
  }
  void append(std::string& out, std::string_view key, const MsgArg* args, std::size_t count) const;
  std::string get(std::string_view key, std::initializer_list<MsgArg> args = {}) const {
    return get(key, args.begin(), args.size());
  }
  std::string get(std::string_view key, const std::vector<MsgArg>& args) const {
    return get(key, args.data(), args.size());
  }
  std::string get(std::string_view key, const MsgArg* args, std::size_t count) const;
  /// Whether the English template of `key` holds placeholder `name`.
  bool has(std::string_view key) const noexcept { return messages.find(key) != messages.end(); }
};

/// A dose in a catalogue's words ("hold 30 s, 3 repetitions, each side, daily").
std::string dose_text(const Catalogue& messages, const Dose& dose);

/// A score as a person reads it: two decimals with '.' ("0.99"), clamped to
/// 0..1; pass it as MsgArg::decimal so that the language's separator is used.
std::string score_text(float score);

/// The English catalogue, embedded in the library (data/locales/en/messages.json).
const Catalogue& english_catalogue();

/// The catalogue of a built-in language ("es", "es-MX"); English for "en" or
/// a language the library has not.
const Catalogue& catalogue_for(std::string_view locale);

/// The catalogue a knowledge base's words are in: its locale's, English by default.
const Catalogue& catalogue(const KnowledgeBase& kb) noexcept;

/// The placeholders of a template, in order of appearance, each once.
std::vector<std::string> placeholders(std::string_view text);

/// The embedded locale data: {"en": {"messages": {...}}, "es": {"kb": {...}, "messages": {...}}}.
std::string_view embedded_locales() noexcept;

}  // namespace myoref::detail

#endif  // MYOREF_SRC_I18N_MESSAGES_HPP
