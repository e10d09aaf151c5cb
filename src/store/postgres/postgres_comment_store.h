// The PostgreSQL backend of the comment Store (comments, closed articles, comment settings;
// migrations/0005).
#pragma once

#include "store/comment_store.h"
#include "store/postgres/database.h"

namespace gazette::store::postgres {

class PostgresCommentStore final : public store::CommentStore {
 public:
  explicit PostgresCommentStore(PostgresDatabase& database) : database_(database) {}

  content::CommentSettings comment_settings() override;
  void save_comment_settings(WriteTransaction& write,
                             const content::CommentSettings& settings) override;
  std::optional<std::string> comment_secret() override;
  std::string keep_comment_secret(WriteTransaction& write, std::string_view candidate) override;

  std::optional<content::CommentedArticle> find_commented_article(std::string_view section_slug,
                                                                  std::string_view slug) override;
  std::optional<content::CommentedArticle> find_commented_article(content::ArticleId id) override;
  bool set_comments_closed(WriteTransaction& write, content::ArticleId id, bool closed,
                           content::Timestamp now) override;

  std::vector<content::Comment> approved_comments(content::ArticleId id) override;
  std::optional<content::Comment> find_comment(content::CommentId id) override;
  std::int64_t comments_from_ip_since(std::string_view ip, content::Timestamp since) override;
  bool has_approved_comment_by(std::string_view email) override;
  bool has_same_comment(content::ArticleId id, std::string_view body) override;
  content::CommentId add_comment(WriteTransaction& write, const NewComment& comment) override;
  std::optional<content::CommentId> add_comment_spending(WriteTransaction& write,
                                                         const NewComment& comment,
                                                         const SpentFormToken& token) override;

  std::vector<CommentChange> set_comment_status(WriteTransaction& write,
                                                const std::vector<content::CommentId>& ids,
                                                content::CommentStatus status,
                                                std::string_view spam_reason,
                                                content::Timestamp now) override;
  std::optional<CommentChange> edit_comment(WriteTransaction& write, content::CommentId id,
                                            const CommentEdit& edit,
                                            content::Timestamp now) override;
  std::vector<CommentChange> delete_comments(WriteTransaction& write,
                                             const std::vector<content::CommentId>& ids) override;
  std::vector<CommentChange> erase_comments_by(WriteTransaction& write,
                                               std::string_view email) override;

  ModerationList list_comments(const CommentQuery& query) override;
  std::map<content::CommentStatus, std::int64_t> count_comments_by_status(
      const CommentQuery& filter) override;

 private:
  PostgresDatabase& database_;
};

}  // namespace gazette::store::postgres
