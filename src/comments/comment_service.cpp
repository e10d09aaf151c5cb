// CommentService: the order of the checks a posted comment goes through (see comment_service.h).
// Cheap, certain refusals come first; the ones that need the database after; the checks that
// send a comment to spam (rather than refuse it) last, so a spammer is not told what caught it.
#include "comments/comment_service.h"

#include <spdlog/spdlog.h>

#include "comments/avatar.h"
#include "comments/spam_defences.h"
#include "render/text.h"

namespace gazette::comments {

namespace {

constexpr std::string_view kReceiptPurpose = "comment-receipt";
constexpr std::string_view kAvatarPurpose = "comment-avatar";
// 128 bits: the link to a held comment cannot be guessed.
constexpr std::size_t kReceiptBytes = 16;
// The rate limit's window.
constexpr auto kRateWindow = std::chrono::hours(1);

}  // namespace

std::string_view to_string(Refusal refusal) {
  switch (refusal) {
    case Refusal::no_article:
      return "no_article";
    case Refusal::closed:
      return "closed";
    case Refusal::invalid_fields:
      return "invalid_fields";
    case Refusal::missing_token:
      return "missing_token";
    case Refusal::forged_token:
      return "forged_token";
    case Refusal::too_fast:
      return "too_fast";
    case Refusal::too_old:
      return "too_old";
    case Refusal::used_token:
      return "used_token";
    case Refusal::too_many_links:
      return "too_many_links";
    case Refusal::rate_limited:
      return "rate_limited";
    case Refusal::duplicate:
      return "duplicate";
  }
  return "invalid_fields";
}

std::string site_secret(store::CommentStore& store, publishing::WritePath& write_path) {
  if (auto secret = store.comment_secret()) return *secret;
  auto candidate = SiteKey::generate_hex();
  // Another process may store one in between: the first key written is the site's.
  return write_path.run(
      [&](store::WriteTransaction& write) { return store.keep_comment_secret(write, candidate); });
}

std::string avatar_key(const SiteKey& key, std::string_view email) {
  return key.sign(kAvatarPurpose, email, kAvatarKeyLength / 2);
}

bool comments_open(const content::CommentedArticle& article,
                   const content::CommentSettings& settings, content::Timestamp now) {
  if (!settings.enabled || article.closed) return false;
  if (settings.close_after_days <= 0) return true;
  return now < article.published_at + std::chrono::days(settings.close_after_days);
}

PostResult CommentService::post(std::string_view section, std::string_view slug,
                                const CommentForm& form, const Visitor& visitor,
                                content::Timestamp now) {
  std::string where = "/" + std::string(section) + "/" + std::string(slug) + "/";
  auto refuse = [&](Refusal reason, std::string detail, std::vector<FieldError> fields = {},
                    std::int64_t limit = 0) -> PostResult {
    spdlog::info("comment refused on {} from {}: {}{}{}", where, visitor.ip, to_string(reason),
                 detail.empty() ? "" : " — ", detail);
    return PostRefused{reason, std::move(fields), limit};
  };

  auto article = store_.find_commented_article(section, slug);
  if (!article) return refuse(Refusal::no_article, "");
  auto settings = store_.comment_settings();
  if (!comments_open(*article, settings, now)) return refuse(Refusal::closed, "");

  auto checked = check_form(form);
  if (auto* errors = std::get_if<std::vector<FieldError>>(&checked)) {
    std::string detail;
    for (const auto& error : *errors)
      detail +=
          (detail.empty() ? "" : ", ") + error.field + " " + std::string(to_string(error.problem));
    return refuse(Refusal::invalid_fields, detail, std::move(*errors));
  }
  auto& comment = std::get<CheckedComment>(checked);
  if (comment.parent) {
    auto parent = store_.find_comment(*comment.parent);
    if (!parent || parent->article != article->id ||
        parent->status != content::CommentStatus::approved)
      return refuse(Refusal::invalid_fields, "parent_id not an approved comment of this article",
                    {{"parent_id", FieldProblem::invalid_parent}});
  }

  auto token =
      tokens_.check(form.form_token, now, settings.min_fill_seconds, settings.max_form_age_seconds);
  if (token.problem) {
    auto age = std::to_string(token.age_seconds) + " s";
    switch (*token.problem) {
      case TokenProblem::missing:
        return refuse(Refusal::missing_token, "");
      case TokenProblem::forged:
        return refuse(Refusal::forged_token, "");
      case TokenProblem::too_fast:
        return refuse(Refusal::too_fast, "sent " + age + " after the form was handed out");
      case TokenProblem::too_old:
        return refuse(Refusal::too_old, "form handed out " + age + " ago");
    }
  }

  if (auto links = count_links(comment.body);
      settings.max_links >= 0 && static_cast<std::int64_t>(links) > settings.max_links)
    return refuse(Refusal::too_many_links, std::to_string(links) + " links", {},
                  settings.max_links);
  if (settings.max_per_hour > 0 &&
      store_.comments_from_ip_since(visitor.ip, now - kRateWindow) >= settings.max_per_hour)
    return refuse(Refusal::rate_limited, "", {}, settings.max_per_hour);
  if (store_.has_same_comment(article->id, comment.body)) return refuse(Refusal::duplicate, "");

  std::string spam_reason;
  if (!render::trim(form.honeypot).empty()) {
    spam_reason = "the hidden field only scripts see was filled in";
  } else if (auto address =
                 find_blocked_address(comment.email, visitor.ip, settings.blocked_addresses)) {
    spam_reason = "blocked address: " + *address;
  } else if (auto word = find_blocked_word(comment, settings.blocked_words)) {
    spam_reason = "blocked word: " + *word;
  }

  auto status = content::CommentStatus::pending;
  if (!spam_reason.empty()) {
    status = content::CommentStatus::spam;
  } else if (settings.moderation == content::ModerationRule::publish ||
             (settings.moderation == content::ModerationRule::hold_first_time &&
              store_.has_approved_comment_by(comment.email))) {
    status = content::CommentStatus::approved;
  }

  store::NewComment row;
  row.article = article->id;
  row.parent = comment.parent;
  row.author_name = comment.name;
  row.author_email = comment.email;
  row.author_url = comment.website;
  row.body = comment.body;
  row.status = status;
  row.spam_reason = spam_reason;
  row.ip = visitor.ip;
  row.user_agent = visitor.user_agent;
  row.avatar_key = avatar_key(key_, comment.email);
  row.created_at = now;
  // The token is spent with the comment, in its transaction: of two posts sending one token at
  // once, to one process or two, one is stored and the other refused. It is remembered until
  // it would be refused as too old anyway.
  store::SpentFormToken spent{
      form.form_token, token.issued_at + std::chrono::seconds(settings.max_form_age_seconds)};
  auto stored_id = write_path_.run([&](store::WriteTransaction& write) {
    auto id = store_.add_comment_spending(write, row, spent);
    if (id && status == content::CommentStatus::approved)
      write.announce(
          content::CommentChanged{article->id, article->section_slug, article->slug, {*id}});
    return id;
  });
  if (!stored_id)
    return refuse(Refusal::used_token,
                  "form handed out " + std::to_string(token.age_seconds) + " s ago");
  auto id = *stored_id;

  if (status == content::CommentStatus::spam)
    spdlog::info("comment {} on {} from {} held as spam: {}", id.value, where, visitor.ip,
                 spam_reason);
  else
    spdlog::info("comment {} on {} from {}: {}", id.value, where, visitor.ip,
                 content::to_string(status));
  auto stored = store_.find_comment(id);
  if (!stored) throw std::runtime_error("comment " + std::to_string(id.value) + " vanished");
  return PostAccepted{std::move(*stored), std::move(*article)};
}

ArticleComments CommentService::article_comments(const content::CommentedArticle& article,
                                                 content::Timestamp now) {
  auto approved = store_.approved_comments(article.id);
  ArticleComments comments;
  comments.count = approved.size();
  comments.thread = build_thread(std::move(approved));
  auto settings = store_.comment_settings();
  comments.open = comments_open(article, settings, now);
  if (comments.open && settings.close_after_days > 0)
    comments.closes_at = article.published_at + std::chrono::days(settings.close_after_days);
  return comments;
}

std::string CommentService::receipt_key(content::CommentId id) const {
  return key_.sign(kReceiptPurpose, std::to_string(id.value), kReceiptBytes);
}

bool CommentService::is_receipt_key(content::CommentId id, std::string_view key) const {
  return key.size() == kReceiptBytes * 2 &&
         key_.verify(kReceiptPurpose, std::to_string(id.value), key);
}

}  // namespace gazette::comments
