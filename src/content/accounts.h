// The people of the newsroom as the domain sees them: who they are and what role they hold.
// What each role may do is decided in auth/capabilities.h; how accounts are kept, in the Store.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace gazette::content {

struct UserId {
  std::int64_t value = 0;
  auto operator<=>(const UserId&) const = default;
};

/// Newsroom roles, from the least to the most trusted: each can do what the previous can.
enum class Role { contributor, author, editor, admin };

inline std::string_view to_string(Role role) {
  switch (role) {
    case Role::contributor:
      return "contributor";
    case Role::author:
      return "author";
    case Role::editor:
      return "editor";
    case Role::admin:
      return "admin";
  }
  return "contributor";
}

inline std::optional<Role> parse_role(std::string_view text) {
  for (auto role : {Role::contributor, Role::author, Role::editor, Role::admin}) {
    if (to_string(role) == text) return role;
  }
  return std::nullopt;
}

/// A newsroom account. Its byline is the author profile `author` (the reader's /author/ page).
struct User {
  UserId id;
  std::string email;
  std::string name;
  Role role = Role::contributor;
  std::string author_slug;
};

}  // namespace gazette::content
