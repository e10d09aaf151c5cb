// The stack of views a template is rendered against (the page's data in front of the
// language's globals), with kainjow's lookup rules but without its cost: kainjow splits every
// dotted name ("article.title", "t.home") through a std::stringstream, which was a seventh of
// an article page's render.
#pragma once

#include <kainjow/mustache.hpp>

#include <string>
#include <vector>

namespace gazette::theme {

class ViewContext final : public kainjow::mustache::basic_context<std::string> {
 public:
  using Data = kainjow::mustache::basic_data<std::string>;

  void push(const Data* data) override { stack_.push_back(data); }
  void pop() override { stack_.pop_back(); }

  /// The innermost view holding `name`; "a.b" is "b" inside the innermost view holding a full
  /// path "a.b" (as in kainjow: a view whose "a" lacks "b" does not stop the search).
  const Data* get(const std::string& name) const override;
  const Data* get_partial(const std::string& name) const override;

 private:
  std::vector<const Data*> stack_;  // innermost last
};

}  // namespace gazette::theme
