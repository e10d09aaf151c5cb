// ViewContext: name lookup over the view stack (see view_context.h).
#include "theme/view_context.h"

#include <string_view>

namespace gazette::theme {

namespace {

// `name` followed segment by segment from `data`, or null where a segment is missing.
const ViewContext::Data* follow(const ViewContext::Data* data, std::string_view name) {
  std::string segment;
  while (data) {
    auto dot = name.find('.');
    segment.assign(name.substr(0, dot));
    data = data->get(segment);
    if (dot == std::string_view::npos) break;
    name.remove_prefix(dot + 1);
  }
  return data;
}

}  // namespace

const ViewContext::Data* ViewContext::get(const std::string& name) const {
  if (name == ".") return stack_.empty() ? nullptr : stack_.back();
  bool dotted = name.find('.') != std::string::npos;
  for (auto data = stack_.rbegin(); data != stack_.rend(); ++data) {
    if (auto found = dotted ? follow(*data, name) : (*data)->get(name)) return found;
  }
  return nullptr;
}

const ViewContext::Data* ViewContext::get_partial(const std::string& name) const {
  for (auto data = stack_.rbegin(); data != stack_.rend(); ++data) {
    if (auto found = (*data)->get(name)) return found;
  }
  return nullptr;
}

}  // namespace gazette::theme
