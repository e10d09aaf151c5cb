// The role × capability table and the article rules built on it (see capabilities.h).
#include "auth/capabilities.h"

namespace gazette::auth {

using content::ArticleStatus;
using content::Role;

namespace {

bool is_live(ArticleStatus status) {
  return status == ArticleStatus::published || status == ArticleStatus::scheduled;
}

}  // namespace

bool can(Role role, Capability capability) {
  switch (capability) {
    case Capability::write_articles:
      return true;
    case Capability::publish_own:
      return role != Role::contributor;
    case Capability::edit_others:
    case Capability::publish_others:
    case Capability::delete_articles:
    case Capability::pin_articles:
    case Capability::manage_terms:
    case Capability::moderate_comments:
    case Capability::see_newsletter:
    case Capability::send_breaking:
      return role == Role::editor || role == Role::admin;
    case Capability::manage_sections:
    case Capability::manage_users:
    case Capability::manage_settings:
      return role == Role::admin;
  }
  return false;
}

bool owns(const content::User& user, const ArticleFacts& article) {
  return !user.author_slug.empty() && user.author_slug == article.author_slug;
}

bool can_open(const content::User& user, const ArticleFacts& article) {
  return owns(user, article) || can(user.role, Capability::edit_others);
}

bool can_publish(const content::User& user, const ArticleFacts& article) {
  return owns(user, article) ? can(user.role, Capability::publish_own)
                             : can(user.role, Capability::publish_others);
}

bool can_change(const content::User& user, const ArticleFacts& article) {
  if (!can_open(user, article)) return false;
  return !is_live(article.status) || can_publish(user, article);
}

bool can_move(const content::User& user, const ArticleFacts& article, ArticleStatus to) {
  if (!can_change(user, article)) return false;
  if (is_live(to) || is_live(article.status)) return can_publish(user, article);
  return true;
}

}  // namespace gazette::auth
