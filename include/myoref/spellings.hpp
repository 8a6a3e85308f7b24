// Every spelling of the enums of myoref/types.hpp that a document may hold.
#ifndef MYOREF_SPELLINGS_HPP
#define MYOREF_SPELLINGS_HPP

#include <string_view>
#include <vector>

#include "myoref/types.hpp"

namespace myoref {

/// Every spelling of an enum that a document may hold, in value order: the one
/// table behind to_string, parse_* and the loader's "is not one of" lists.
/// (Side has none: "none" is never written, and parse_side reads left and right.)
///@{
template <class E>
std::vector<std::string_view> spellings();
template <>
std::vector<std::string_view> spellings<Laterality>();
template <>
std::vector<std::string_view> spellings<View>();
template <>
std::vector<std::string_view> spellings<SideRelation>();
template <>
std::vector<std::string_view> spellings<TriageLevel>();
template <>
std::vector<std::string_view> spellings<Step>();
template <>
std::vector<std::string_view> spellings<Onset>();
template <>
std::vector<std::string_view> spellings<Sex>();
///@}

}  // namespace myoref

#endif  // MYOREF_SPELLINGS_HPP
