// What each newsroom role may do. A contributor writes drafts and submits them for review; an
// author also publishes their own articles; an editor publishes and edits everyone's and
// moderates; an admin also manages users, sections and site settings.
#pragma once

#include <string>

#include "content/accounts.h"
#include "content/types.h"

namespace gazette::auth {

enum class Capability {
  write_articles,     // create articles, edit one's own unpublished ones, submit for review
  publish_own,        // publish, schedule, unpublish one's own; edit them once published
  edit_others,        // open and change anyone's articles (not publish: see publish_others)
  publish_others,     // publish, schedule and unpublish anyone's articles
  delete_articles,    // delete any article
  pin_articles,       // pin an article to the top of the home page, or unpin it
  manage_terms,       // rename categories and tags, edit anyone's author profile
  moderate_comments,  // approve and remove readers' comments
  manage_sections,    // create, rename and describe sections
  manage_users,       // add accounts, change roles
  manage_settings,    // site title, description, language, time zone
  see_newsletter,     // the newsletter's counts and undelivered messages (never to writers)
  send_breaking,      // mail an article to its subscribers at once, when publishing it
};

/// Whether `role` has `capability`.
bool can(content::Role role, Capability capability);

/// The facts about an article that decide who may touch it.
struct ArticleFacts {
  std::string author_slug;  // its byline
  content::ArticleStatus status = content::ArticleStatus::draft;
};

/// Whether `user` signs the article.
bool owns(const content::User& user, const ArticleFacts& article);
/// Whether `user` may open the article in the editor (its revisions and preview too).
bool can_open(const content::User& user, const ArticleFacts& article);
/// Whether `user` may publish, schedule or unpublish the article.
bool can_publish(const content::User& user, const ArticleFacts& article);
/// Whether `user` may save changes to the article as it is now: opening it is not enough once
/// it is published or scheduled, which takes the right to publish it.
bool can_change(const content::User& user, const ArticleFacts& article);
/// Whether `user` may move the article from its status to `to` (draft ↔ review for writers;
/// scheduled or published, or back from them, for those who may publish it).
bool can_move(const content::User& user, const ArticleFacts& article, content::ArticleStatus to);

}  // namespace gazette::auth
