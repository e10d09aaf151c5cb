// From article file to stored article (see article_publisher.h).
#include "transfer/article_publisher.h"

#include <fstream>
#include <sstream>

#include "content/hashing.h"
#include "content/media.h"
#include "media/image_preparation.h"
#include "render/markdown.h"
#include "render/slug.h"

namespace gazette::transfer {

namespace {

// An article file is text an editor wrote; anything this large is a mistake.
constexpr std::uintmax_t kMaxArticleFileBytes = 4 * 1024 * 1024;

// Articles without an author are signed by the newsroom.
constexpr std::string_view kNewsroomAuthor = "Rédaction";

std::variant<content::Term, PublishError> term_for(std::string_view field,
                                                   const std::string& name) {
  auto slug = render::slugify(name);
  if (slug.empty())
    return PublishError{std::string(field) + ": « " + name + " » has no letters or digits"};
  return content::Term{slug, name};
}

std::optional<std::string> read_file(const std::filesystem::path& path, std::uintmax_t limit,
                                     std::string& error) {
  std::error_code code;
  auto size = std::filesystem::file_size(path, code);
  if (code) {
    error = "cannot read: " + code.message();
    return std::nullopt;
  }
  if (size > limit) {
    error = "too large (" + std::to_string(size) + " bytes)";
    return std::nullopt;
  }
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (!in) {
    error = "cannot read";
    return std::nullopt;
  }
  return bytes.str();
}

}  // namespace

std::variant<content::ArticleDraft, PublishError> prepare_article(const ArticleFile& file,
                                                                  std::optional<ImageFile> image,
                                                                  content::Timestamp now) {
  content::ArticleDraft draft;
  draft.title = file.title;
  draft.slug = file.slug.empty() ? render::slugify(file.title) : file.slug;
  if (draft.slug.empty()) return PublishError{"title: has no letters or digits to make a URL of"};

  auto section = term_for("section", file.section);
  if (auto* error = std::get_if<PublishError>(&section)) return *error;
  draft.section = std::get<content::Term>(section);
  if (content::is_reserved_section_slug(draft.section.slug))
    return PublishError{"section: « " + file.section + " » is a name the site keeps for itself"};

  auto author =
      term_for("author", file.author.empty() ? std::string(kNewsroomAuthor) : file.author);
  if (auto* error = std::get_if<PublishError>(&author)) return *error;
  draft.author = std::get<content::Term>(author);
  // The file says the whole byline: without co-authors, republishing removes them.
  draft.coauthors.emplace();
  for (const auto& name : file.coauthors) {
    auto coauthor = term_for("authors", name);
    if (auto* error = std::get_if<PublishError>(&coauthor)) return *error;
    if (std::get<content::Term>(coauthor).slug != draft.author.slug)
      draft.coauthors->push_back(std::get<content::Term>(coauthor));
  }

  for (const auto& [field, names, terms] :
       {std::tuple{"categories", &file.categories, &draft.categories},
        std::tuple{"tags", &file.tags, &draft.tags}}) {
    for (const auto& name : *names) {
      auto term = term_for(field, name);
      if (auto* error = std::get_if<PublishError>(&term)) return *error;
      terms->push_back(std::get<content::Term>(term));
    }
  }

  auto rendered = render::render_article(file.body_markdown, file.lead.empty());
  draft.lead = file.lead.empty() ? rendered.lead : file.lead;
  draft.body_markdown = file.body_markdown;
  draft.body_html = std::move(rendered.body_html);
  draft.status = file.status;
  draft.published_at = file.date.value_or(now);
  draft.updated_at = now;
  draft.image_caption = file.image_caption;
  draft.image_alt = file.image_alt.empty() ? file.image_caption : file.image_alt;
  if (!file.image_credit.empty()) draft.image_credit = file.image_credit;
  draft.image_focal = file.image_focal;
  draft.pinned = file.pinned;
  draft.change = file.change;
  draft.change_note = file.change_note;
  draft.kind = file.kind;
  draft.sponsor = file.sponsor;

  if (image) {
    // The newsroom's own checks, metadata stripping and resized copies.
    auto prepared = media::prepare_image(image->bytes, image->file_name);
    if (auto* refusal = std::get_if<media::ImageRefusal>(&prepared))
      return PublishError{"image: " + image->file_name + ": " + refusal->reason};
    auto& ready = std::get<media::PreparedImage>(prepared);
    draft.image = std::move(ready.original);
    draft.image_variants = std::move(ready.variants);
  }
  return draft;
}

std::variant<content::SavedArticle, PublishError> publish_article_file(
    const std::filesystem::path& path, publishing::ArticleService& articles,
    content::Timestamp now) {
  const std::string name = path.string();
  std::string error;
  auto text = read_file(path, kMaxArticleFileBytes, error);
  if (!text) return PublishError{name + ": " + error};

  // Dates without an offset are the newsroom's local time.
  auto parsed = parse_article_file(*text, articles.settings().time_zone);
  if (auto* failure = std::get_if<ArticleFileError>(&parsed))
    return PublishError{name + ":" + std::to_string(failure->line) + ": " + failure->reason};
  const auto& file = std::get<ArticleFile>(parsed);

  std::optional<ImageFile> image;
  if (!file.image.empty()) {
    auto image_path = path.parent_path() / file.image;
    auto bytes = read_file(image_path, content::kMaxImageBytes, error);
    if (!bytes) return PublishError{name + ": image: " + file.image + ": " + error};
    image = ImageFile{image_path.filename().string(), std::move(*bytes)};
  }

  auto draft = prepare_article(file, std::move(image), now);
  if (auto* failure = std::get_if<PublishError>(&draft))
    return PublishError{name + ": " + failure->message};
  return articles.save(std::get<content::ArticleDraft>(draft));
}

}  // namespace gazette::transfer
