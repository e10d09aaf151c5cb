// Text forms and schema.org types of the kinds of piece (see article_kinds.h).
#include "content/article_kinds.h"

namespace gazette::content {

std::string_view to_string(ArticleKind kind) {
  switch (kind) {
    case ArticleKind::news:
      return "news";
    case ArticleKind::analysis:
      return "analysis";
    case ArticleKind::opinion:
      return "opinion";
    case ArticleKind::review:
      return "review";
    case ArticleKind::background:
      return "background";
    case ArticleKind::fact_check:
      return "fact-check";
    case ArticleKind::sponsored:
      return "sponsored";
    case ArticleKind::live:
      return "live";
  }
  return "news";
}

std::optional<ArticleKind> parse_article_kind(std::string_view text) {
  for (auto kind : kArticleKinds) {
    if (to_string(kind) == text) return kind;
  }
  return std::nullopt;
}

std::string_view schema_type(ArticleKind kind) {
  switch (kind) {
    case ArticleKind::news:
      // Not ReportageNewsArticle (first-hand reporting by the newsroom): news is also what every
      // article written before kinds existed is — agency copy, briefs, rewrites — and claiming
      // reportage for all of them would say more than the newsroom said.
      return "NewsArticle";
    case ArticleKind::analysis:
      return "AnalysisNewsArticle";
    case ArticleKind::opinion:
      return "OpinionNewsArticle";
    case ArticleKind::review:
      return "ReviewNewsArticle";
    case ArticleKind::background:
      return "BackgroundNewsArticle";
    case ArticleKind::fact_check:
      // schema.org has no fact-check subtype of NewsArticle (ClaimReview needs a claim and a
      // rating the article does not have as fields): a plain NewsArticle.
    case ArticleKind::sponsored:
      // Advertiser content is not reporting: NewsArticle with its `sponsor`.
    case ArticleKind::live:
      return "NewsArticle";
  }
  return "NewsArticle";
}

std::optional<SponsorProblem> sponsor_problem(ArticleKind kind, std::string_view sponsor) {
  if (kind != ArticleKind::sponsored) {
    if (!sponsor.empty()) return SponsorProblem::not_sponsored;
    return std::nullopt;
  }
  if (sponsor.empty()) return SponsorProblem::missing;
  if (sponsor.size() > kMaxSponsorBytes) return SponsorProblem::too_long;
  return std::nullopt;
}

}  // namespace gazette::content
