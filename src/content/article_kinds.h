// What kind of piece an article is (issue 15, part 2): news, analysis, opinion… as the
// newsroom chooses it, readers see it above the headline and machines read it in JSON-LD.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace gazette::content {

/// The type of work of an article. News is the default: every article written before kinds
/// existed is news, and news is what readers expect of a news site unless told otherwise.
enum class ArticleKind { news, analysis, opinion, review, background, fact_check, sponsored, live };

/// Every kind, in the order the newsroom's select offers them.
inline constexpr std::array<ArticleKind, 8> kArticleKinds = {
    ArticleKind::news,       ArticleKind::analysis,   ArticleKind::opinion,   ArticleKind::review,
    ArticleKind::background, ArticleKind::fact_check, ArticleKind::sponsored, ArticleKind::live};

/// The kind as the database, forms, front matter, the Content API and URLs write it
/// ("fact-check": a URL segment, /types/fact-check/).
std::string_view to_string(ArticleKind kind);
std::optional<ArticleKind> parse_article_kind(std::string_view text);

/// Whether readers see a label above the headline. News is the default, and a label on every
/// news story would teach readers to ignore labels: only the other kinds are named.
inline bool is_labelled(ArticleKind kind) {
  return kind != ArticleKind::news;
}

/// The schema.org type of the article's JSON-LD (NewsArticle subtypes; a live article stays a
/// NewsArticle until its live coverage makes its page a LiveBlogPosting).
std::string_view schema_type(ArticleKind kind);

/// A sponsor's name longer than this is refused: it is a name in a label, not a text.
constexpr std::size_t kMaxSponsorBytes = 200;

/// What is wrong with a kind and its sponsor, if anything: sponsored content names its
/// sponsor, and only sponsored content has one.
enum class SponsorProblem { missing, too_long, not_sponsored };
std::optional<SponsorProblem> sponsor_problem(ArticleKind kind, std::string_view sponsor);

}  // namespace gazette::content
