// `gazette comments`: list, approve, hold, spam, trash, delete, erase-email, close, open, reply,
// settings — each a call to ModerationService, so the command line and the newsroom behave alike.
#include "app/comments_command.h"

#include "app/backend.h"

#include <cstdio>

#include "comments/moderation_service.h"
#include "render/dates.h"
#include "store/sqlite/sqlite_comment_store.h"

namespace gazette::app {

namespace {

using content::CommentId;

// "/section/slug/" (or without the slashes around it) → {section, slug}.
std::optional<std::pair<std::string, std::string>> parse_article_path(std::string path) {
  while (!path.empty() && path.front() == '/') path.erase(0, 1);
  while (!path.empty() && path.back() == '/') path.pop_back();
  auto slash = path.find('/');
  if (slash == std::string::npos || path.find('/', slash + 1) != std::string::npos)
    return std::nullopt;
  return std::pair{path.substr(0, slash), path.substr(slash + 1)};
}

// The first line of `body`, cut to `width` bytes without splitting a UTF-8 character.
std::string excerpt(const std::string& body, std::size_t width) {
  auto line = body.substr(0, body.find('\n'));
  if (line.size() <= width) return line;
  auto cut = width;
  while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
  return line.substr(0, cut) + "…";
}

void add_unique(std::vector<std::string>& list, const std::vector<std::string>& values) {
  for (const auto& value : values) {
    if (std::find(list.begin(), list.end(), value) == list.end()) list.push_back(value);
  }
}

void remove_all(std::vector<std::string>& list, const std::vector<std::string>& values) {
  std::erase_if(list, [&](const std::string& item) {
    return std::find(values.begin(), values.end(), item) != values.end();
  });
}

void print_settings(const content::CommentSettings& settings) {
  auto join = [](const std::vector<std::string>& list) {
    std::string text;
    for (const auto& item : list) text += (text.empty() ? "" : ", ") + item;
    return text;
  };
  std::printf("enabled: %s\n", settings.enabled ? "true" : "false");
  std::printf("moderation: %s\n", std::string(content::to_string(settings.moderation)).c_str());
  std::printf("close-after-days: %lld\n", static_cast<long long>(settings.close_after_days));
  std::printf("min-fill-seconds: %lld\n", static_cast<long long>(settings.min_fill_seconds));
  std::printf("max-form-age-seconds: %lld\n",
              static_cast<long long>(settings.max_form_age_seconds));
  std::printf("max-links: %lld\n", static_cast<long long>(settings.max_links));
  std::printf("max-per-hour: %lld\n", static_cast<long long>(settings.max_per_hour));
  std::printf("blocked-words: %s\n", join(settings.blocked_words).c_str());
  std::printf("blocked-addresses: %s\n", join(settings.blocked_addresses).c_str());
  std::printf("trust-forwarded-for: %s\n", settings.trust_forwarded_for ? "true" : "false");
}

}  // namespace

struct CommentsCommand::Options {
  CLI::App* list = nullptr;
  std::string status;
  std::string article;
  std::string email;
  std::int64_t limit = 50;

  // approve, hold, spam, trash, delete: the same list of ids.
  std::vector<std::pair<CLI::App*, std::string>> bulk;
  std::vector<std::int64_t> ids;

  CLI::App* erase = nullptr;
  std::string erase_email;

  CLI::App* close = nullptr;
  CLI::App* open = nullptr;
  std::string path;

  CLI::App* reply = nullptr;
  std::int64_t reply_to = 0;
  std::string staff_name;
  std::string staff_email;
  std::string text;

  CLI::App* settings = nullptr;
  std::optional<bool> enabled;
  std::optional<std::string> moderation;
  std::optional<std::int64_t> close_after_days;
  std::optional<std::int64_t> min_fill_seconds;
  std::optional<std::int64_t> max_form_age_seconds;
  std::optional<std::int64_t> max_links;
  std::optional<std::int64_t> max_per_hour;
  std::vector<std::string> block_words, unblock_words, block_addresses, unblock_addresses;
  std::optional<bool> trust_forwarded_for;
};

CommentsCommand::CommentsCommand(CLI::App& cli, const std::function<void(CLI::App*)>& add_db)
    : options_(std::make_unique<Options>()) {
  auto& o = *options_;
  command_ = cli.add_subcommand("comments", "Moderate comments and change comment settings");
  command_->require_subcommand(1);

  o.list = command_->add_subcommand("list", "List comments, newest first");
  o.list->add_option("--status", o.status, "pending, approved, spam or trash");
  o.list->add_option("--article", o.article, "Only the article at /SECTION/SLUG/");
  o.list->add_option("--email", o.email, "Only comments written with this e-mail address");
  o.list->add_option("--limit", o.limit, "At most this many (default 50)");
  add_db(o.list);

  for (const auto& [name, what] : {std::pair{"approve", "Publish comments"},
                                   {"hold", "Set comments back to pending"},
                                   {"spam", "Mark comments as spam"},
                                   {"trash", "Move comments to the trash"},
                                   {"delete", "Delete comments for good"}}) {
    auto* sub = command_->add_subcommand(name, what);
    sub->add_option("ids", o.ids, "Comment ids")->required();
    add_db(sub);
    o.bulk.emplace_back(sub, name);
  }

  o.erase = command_->add_subcommand("erase-email",
                                     "Delete everything one e-mail address wrote, everywhere");
  o.erase->add_option("email", o.erase_email)->required();
  add_db(o.erase);

  o.close = command_->add_subcommand("close", "Close comments on an article");
  o.close->add_option("path", o.path, "/SECTION/SLUG/")->required();
  add_db(o.close);
  o.open = command_->add_subcommand("open", "Reopen comments on an article");
  o.open->add_option("path", o.path, "/SECTION/SLUG/")->required();
  add_db(o.open);

  o.reply = command_->add_subcommand("reply", "Reply to a comment as the newsroom");
  o.reply->add_option("id", o.reply_to, "The comment replied to")->required();
  o.reply->add_option("--name", o.staff_name, "The name shown")->required();
  o.reply->add_option("--email", o.staff_email, "The newsroom address (never shown)")->required();
  o.reply->add_option("--text", o.text, "The reply")->required();
  add_db(o.reply);

  o.settings = command_->add_subcommand("settings", "Show or change the comment settings");
  o.settings->add_option("--enabled", o.enabled, "Accept comments at all (true/false)");
  o.settings->add_option("--moderation", o.moderation, "hold-all, hold-first-time or publish");
  o.settings->add_option("--close-after-days", o.close_after_days, "0: never close by age");
  o.settings->add_option("--min-fill-seconds", o.min_fill_seconds,
                         "Refuse forms sent sooner than this after they were handed out");
  o.settings->add_option("--max-form-age-seconds", o.max_form_age_seconds,
                         "Refuse forms handed out longer ago than this");
  o.settings->add_option("--max-links", o.max_links, "Refuse comments with more links");
  o.settings->add_option("--max-per-hour", o.max_per_hour,
                         "Comments one address may leave per hour (0: no limit)");
  o.settings->add_option("--block-word", o.block_words, "Send comments containing it to spam");
  o.settings->add_option("--unblock-word", o.unblock_words);
  o.settings->add_option("--block-address", o.block_addresses,
                         "IP, IP prefix ending in . or :, e-mail, or @domain: to spam");
  o.settings->add_option("--unblock-address", o.unblock_addresses);
  o.settings->add_option("--trust-forwarded-for", o.trust_forwarded_for,
                         "Behind a reverse proxy: read the client from X-Forwarded-For");
  add_db(o.settings);
}

CommentsCommand::~CommentsCommand() = default;

bool CommentsCommand::chosen() const {
  return command_->parsed();
}

int CommentsCommand::run(const std::string& db) {
  auto& o = *options_;
  // Each change is announced in the change log, so a running server's cache follows.
  Backend backend(db);
  auto& moderation = backend.moderation;
  auto now = [&backend] { return backend.clock.now(); };
  std::vector<CommentId> ids;
  for (auto id : o.ids) ids.push_back(CommentId{id});
  auto fail = [](const std::string& message) {
    std::fprintf(stderr, "gazette comments: %s\n", message.c_str());
    return 1;
  };

  for (const auto& [sub, name] : o.bulk) {
    if (!sub->parsed()) continue;
    std::size_t done = 0;
    if (name == "approve")
      done = moderation.approve(ids, now());
    else if (name == "hold")
      done = moderation.hold(ids, now());
    else if (name == "spam")
      done = moderation.mark_spam(ids, now());
    else if (name == "trash")
      done = moderation.trash(ids, now());
    else
      done = moderation.remove(ids);
    std::printf("%s: %zu of %zu\n", name.c_str(), done, ids.size());
    return done == ids.size() ? 0 : fail("some of those comments do not exist");
  }

  if (o.list->parsed()) {
    store::CommentQuery query;
    if (!o.status.empty()) {
      query.status = content::parse_comment_status(o.status);
      if (!query.status) return fail("--status: not pending, approved, spam or trash");
    }
    if (!o.article.empty()) {
      auto path = parse_article_path(o.article);
      auto article = path ? backend.comment_store.find_commented_article(path->first, path->second)
                          : std::nullopt;
      if (!article) return fail("--article: no published article at " + o.article);
      query.article = article->id;
    }
    query.author_email = o.email;
    query.limit = o.limit;
    auto list = moderation.list(query);
    for (const auto& entry : list.entries) {
      const auto& c = entry.comment;
      std::printf("%lld\t%s\t%s\t/%s/%s/\t%s <%s>\t%s%s%s\n  %s\n",
                  static_cast<long long>(c.id.value),
                  std::string(content::to_string(c.status)).c_str(),
                  render::iso8601_utc(c.created_at).c_str(), entry.article.section_slug.c_str(),
                  entry.article.slug.c_str(), c.author_name.c_str(), c.author_email.c_str(),
                  c.ip.c_str(), c.spam_reason.empty() ? "" : "\tspam: ", c.spam_reason.c_str(),
                  excerpt(c.body, 100).c_str());
    }
    std::printf("%zu of %lld\n", list.entries.size(), static_cast<long long>(list.total));
    return 0;
  }

  if (o.erase->parsed()) {
    std::printf("erased %zu comments\n", moderation.erase_author(o.erase_email));
    return 0;
  }

  if (o.close->parsed() || o.open->parsed()) {
    auto path = parse_article_path(o.path);
    auto article = path ? backend.comment_store.find_commented_article(path->first, path->second)
                        : std::nullopt;
    if (!article) return fail("no published article at " + o.path);
    moderation.set_comments_open(article->id, o.open->parsed());
    std::printf("comments %s on %s\n", o.open->parsed() ? "open" : "closed", o.path.c_str());
    return 0;
  }

  if (o.reply->parsed()) {
    auto result =
        moderation.reply(CommentId{o.reply_to}, {o.staff_name, o.staff_email}, o.text, now());
    if (std::holds_alternative<comments::NoSuchComment>(result))
      return fail("no comment " + std::to_string(o.reply_to));
    if (auto* errors = std::get_if<std::vector<comments::FieldError>>(&result)) {
      for (const auto& error : *errors)
        std::fprintf(stderr, "gazette comments reply: %s: %s\n", error.field.c_str(),
                     std::string(comments::to_string(error.problem)).c_str());
      return 1;
    }
    std::printf("reply %lld\n",
                static_cast<long long>(std::get<content::Comment>(result).id.value));
    return 0;
  }

  // settings
  auto settings = moderation.settings();
  if (o.enabled) settings.enabled = *o.enabled;
  if (o.moderation) {
    auto rule = content::parse_moderation_rule(*o.moderation);
    if (!rule) return fail("--moderation: not hold-all, hold-first-time or publish");
    settings.moderation = *rule;
  }
  if (o.close_after_days) settings.close_after_days = *o.close_after_days;
  if (o.min_fill_seconds) settings.min_fill_seconds = *o.min_fill_seconds;
  if (o.max_form_age_seconds) settings.max_form_age_seconds = *o.max_form_age_seconds;
  if (o.max_links) settings.max_links = *o.max_links;
  if (o.max_per_hour) settings.max_per_hour = *o.max_per_hour;
  add_unique(settings.blocked_words, o.block_words);
  remove_all(settings.blocked_words, o.unblock_words);
  add_unique(settings.blocked_addresses, o.block_addresses);
  remove_all(settings.blocked_addresses, o.unblock_addresses);
  if (o.trust_forwarded_for) settings.trust_forwarded_for = *o.trust_forwarded_for;
  bool changed = settings.enabled != moderation.settings().enabled || o.moderation ||
                 o.close_after_days || o.min_fill_seconds || o.max_form_age_seconds ||
                 o.max_links || o.max_per_hour || !o.block_words.empty() ||
                 !o.unblock_words.empty() || !o.block_addresses.empty() ||
                 !o.unblock_addresses.empty() || o.trust_forwarded_for;
  if (changed) {
    if (auto error = moderation.save_settings(settings))
      return fail("--" + error->setting + ": " + comments::describe(error->problem));
  }
  print_settings(settings);
  return 0;
}

}  // namespace gazette::app
