// Importing a WordPress export an item at a time: every WordPress name is mapped to a Gazette
// slug once, so articles, terms and redirects agree; each article is written as soon as it is
// planned, in the one write transaction that is committed only when the whole file has been
// read (and announces then that every page may have changed).
#include "transfer/wxr/wxr_importer.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>
#include <unordered_set>

#include "content/hashing.h"
#include "content/media.h"
#include "discovery/plain_text.h"
#include "publishing/write_path.h"
#include "render/sanitizer.h"
#include "render/slug.h"
#include "render/text.h"
#include "transfer/wxr/post_html.h"

namespace gazette::transfer::wxr {

namespace {

using content::ArticleStatus;
using content::CommentStatus;

const content::Term kPostSection{"articles", "Articles"};
const content::Term kPageSection{"pages", "Pages"};
// A post without an author (dc:creator empty or unknown) is signed by this one.
const store::ImportedAuthor kFallbackAuthor{"wordpress", "WordPress"};

// "2024-12-08 14:30:00" (UTC) → a timestamp; nullopt for WordPress's "0000-00-00 00:00:00".
std::optional<content::Timestamp> parse_date(const std::string& text) {
  int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
  if (std::sscanf(text.c_str(), "%d-%d-%d %d:%d:%d", &year, &month, &day, &hour, &minute, &second) <
          3 ||
      year <= 0)
    return std::nullopt;
  std::chrono::year_month_day date{std::chrono::year(year), std::chrono::month(month),
                                   std::chrono::day(day)};
  if (!date.ok() || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 60)
    return std::nullopt;
  return content::Timestamp(std::chrono::sys_days(date)) + std::chrono::hours(hour) +
         std::chrono::minutes(minute) + std::chrono::seconds(second);
}

// The first of two dates that is there.
std::optional<content::Timestamp> either(std::optional<content::Timestamp> first,
                                         std::optional<content::Timestamp> second) {
  return first ? first : second;
}

std::string percent_decoded(std::string_view text) {
  return store::redirect_key(text);
}

// The path of a URL of the old site: "http://example.com/2024/12/08/slug/" → "/2024/12/08/slug/".
std::string url_path(std::string_view url) {
  auto scheme = url.find("://");
  if (scheme == std::string_view::npos) return url.starts_with("/") ? std::string(url) : "";
  auto slash = url.find('/', scheme + 3);
  auto query = url.find('?', scheme + 3);
  if (slash == std::string_view::npos && query == std::string_view::npos) return "/";
  auto start = std::min(slash, query);
  std::string path(url.substr(start));
  if (path.starts_with("?")) path = "/" + path;
  if (auto fragment = path.find('#'); fragment != std::string::npos) path.resize(fragment);
  return path;
}

// Slugs unique among those given out in this import and those already taken. A book remembers
// the slugs it gives unless `taken` sees them too (articles are written as they are planned, so
// the store knows every article slug of the import: nothing grows with the number of posts).
class SlugBook {
 public:
  enum class Remember { given, no };
  SlugBook(std::function<bool(std::string_view)> taken, Remember remember)
      : taken_(std::move(taken)), remember_(remember) {}
  std::string claim(std::string base) {
    std::string slug = base;
    for (int n = 2; given_.contains(slug) || (taken_ && taken_(slug)); ++n)
      slug = base + "-" + std::to_string(n);
    if (remember_ == Remember::given) given_.insert(slug);
    return slug;
  }

 private:
  std::function<bool(std::string_view)> taken_;
  Remember remember_;
  std::set<std::string> given_;
};

std::string first_slug(std::initializer_list<std::string_view> candidates, std::string fallback) {
  for (auto candidate : candidates) {
    auto slug = render::slugify(percent_decoded(candidate));
    if (!slug.empty()) return slug;
  }
  return fallback;
}

std::string meta(const WxrItem& item, std::string_view key) {
  for (const auto& entry : item.meta)
    if (entry.key == key) return entry.value;
  return "";
}

// The character an escape for HTML at the start of `text` stands for, and the escape's length.
std::optional<std::pair<char, std::size_t>> entity_at(std::string_view text) {
  static constexpr std::pair<std::string_view, char> kEntities[] = {
      {"&amp;", '&'},  {"&lt;", '<'},    {"&gt;", '>'},
      {"&quot;", '"'}, {"&#039;", '\''}, {"&#39;", '\''}};
  if (!text.starts_with('&')) return std::nullopt;
  for (auto [entity, character] : kEntities)
    if (text.starts_with(entity)) return std::pair{character, entity.size()};
  return std::nullopt;
}

// A comment's text: WordPress keeps a little HTML in comments; Gazette keeps plain text with
// paragraphs (blank lines), rendered with escaping.
std::string comment_text(std::string_view content) {
  std::string text;
  std::size_t i = 0;
  while (i < content.size()) {
    if (content[i] == '<') {
      auto end = content.find('>', i);
      if (end == std::string_view::npos) break;
      auto tag = content.substr(i, end - i + 1);
      if (tag.starts_with("<br") || tag.starts_with("</p")) text += '\n';
      i = end + 1;
      continue;
    }
    if (auto entity = entity_at(content.substr(i))) {
      text += entity->first;
      i += entity->second;
      continue;
    }
    if (content[i] != '\r') text += content[i];
    ++i;
  }
  auto start = text.find_first_not_of(" \n\t");
  if (start == std::string::npos) return "";
  auto end = text.find_last_not_of(" \n\t");
  return text.substr(start, end - start + 1);
}

// An attribute value as the sanitizer escaped it, back to its text.
std::string unescaped(std::string_view value) {
  std::string text;
  for (std::size_t i = 0; i < value.size();) {
    if (auto entity = entity_at(value.substr(i))) {
      text += entity->first;
      i += entity->second;
    } else {
      text += value[i++];
    }
  }
  return text;
}

std::optional<CommentStatus> comment_status(std::string_view approved) {
  if (approved == "1" || approved == "approve") return CommentStatus::approved;
  if (approved == "0" || approved == "hold" || approved.empty()) return CommentStatus::pending;
  if (approved == "spam") return CommentStatus::spam;
  if (approved == "trash" || approved == "post-trashed") return CommentStatus::trash;
  return std::nullopt;
}

std::string lower(std::string text) {
  for (auto& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

// The file a WordPress upload URL names inside a copy of wp-content/uploads, if it is there:
// the path after "/uploads/" (or, for WordPress.com's file hosts, the whole path).
std::optional<content::NewMedia> copy_upload(const std::string& media_dir, std::string_view url,
                                             std::string& problem) {
  auto at = url.find("/uploads/");
  std::string relative = at != std::string_view::npos ? percent_decoded(url.substr(at + 9))
                                                      : percent_decoded(url_path(url));
  while (relative.starts_with("/")) relative.erase(0, 1);
  if (auto query = relative.find_first_of("?#"); query != std::string::npos) relative.resize(query);
  std::filesystem::path path(relative);
  for (const auto& part : path)
    if (part == ".." || path.is_absolute()) {
      problem = "attachment path leaves the uploads folder";
      return std::nullopt;
    }
  std::ifstream in(std::filesystem::path(media_dir) / path, std::ios::binary);
  if (!in) {
    problem = "attachment not in --media-dir (original URL kept)";
    return std::nullopt;
  }
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (bytes.size() > content::kMaxImageBytes) {
    problem = "attachment larger than 25 MB (original URL kept)";
    return std::nullopt;
  }
  auto probed = content::probe_image(bytes);
  if (auto* error = std::get_if<content::ImageError>(&probed)) {
    problem = "attachment is not an accepted image: " + error->reason + " (original URL kept)";
    return std::nullopt;
  }
  const auto& info = std::get<content::ImageInfo>(probed);
  auto sha256 = content::sha256_hex(bytes);
  auto stem = render::slugify(path.stem().string());
  return content::NewMedia{content::media_name(sha256, stem, info.extension),
                           sha256,
                           info.mime_type,
                           info.width,
                           info.height,
                           std::move(bytes)};
}

// The small maps an import keeps from one item to the next — people, terms, attachments — and
// the planning of one item from them. People and terms are written as they are met; the
// redirects of their old pages and of attachment pages are written last, after the articles'
// own (the first redirect of a path stays).
class Importer {
 public:
  Importer(const WxrOutline& outline, store::WxrImportWriter& write, const ImportOptions& options,
           ImportSummary& summary)
      : write_(write),
        options_(options),
        summary_(summary),
        author_book_(nullptr, SlugBook::Remember::given),
        article_book_([&write](std::string_view slug) { return write.article_slug_taken(slug); },
                      SlugBook::Remember::no) {
    // People: each login gets one author slug.
    for (const auto& author : outline.authors) {
      std::string name = author.display_name;
      if (name.empty() && !(author.first_name + author.last_name).empty())
        name = author.first_name +
               (author.first_name.empty() || author.last_name.empty() ? "" : " ") +
               author.last_name;
      add_author(author.login, name, "author-" + std::to_string(author.id));
    }
    // Terms: WordPress nicename → Gazette slug; categories keep their parent, and parents come
    // first: a child whose parent has not come yet waits for another round.
    std::vector<const WxrTerm*> pending;
    for (const auto& category : outline.categories) pending.push_back(&category);
    for (int round = 0; round < 64 && !pending.empty(); ++round) {
      std::vector<const WxrTerm*> later;
      for (const auto* category : pending) {
        bool parent_known = category->parent_slug.empty() ||
                            category_terms_.contains(category->parent_slug) ||
                            std::none_of(pending.begin(), pending.end(), [&](const WxrTerm* other) {
                              return other->slug == category->parent_slug;
                            });
        if (parent_known || round == 63)
          add_category(category->slug, category->name, category->parent_slug);
        else
          later.push_back(category);
      }
      pending = std::move(later);
    }
    for (const auto& tag : outline.tags) add_tag(tag.slug, tag.name);
    // Attachments, by id, for featured images, galleries and attachment-page redirects.
    for (const auto& attachment : outline.attachments) {
      attachments_[attachment.id] = &attachment;
      attachments_by_parent_[attachment.parent].push_back(&attachment);
    }
  }

  /// The article `item` becomes, if any (what is skipped is counted in the summary). Its
  /// content is moved into the article.
  std::optional<store::ImportedArticle> plan(WxrItem& item);

  /// Writes the redirects kept for last, those of attachment pages after them.
  void finish() {
    // Attachment pages lead to the article they belong to.
    for (const auto& [id, attachment] : attachments_) {
      auto parent = article_paths_.find(attachment->parent);
      if (parent == article_paths_.end()) {
        ++summary_.skipped["attachment page without an imported article: no redirect"];
        continue;
      }
      if (auto path = url_path(attachment->link); !path.empty())
        later_redirects_.push_back({path, parent->second});
      later_redirects_.push_back({"/?attachment_id=" + std::to_string(id), parent->second});
    }
    for (const auto& redirect : later_redirects_) write_.add_redirect(redirect);
  }

 private:
  void add_author(const std::string& login, std::string name, std::string fallback) {
    if (author_slugs_.contains(login)) return;
    if (name.empty()) name = login.empty() ? fallback : login;
    auto slug = author_book_.claim(first_slug({name, login}, render::slugify(fallback)));
    author_slugs_[login] = slug;
    write_.add_author({slug, name});
    if (!login.empty())
      later_redirects_.push_back({"/author/" + login + "/", "/author/" + slug + "/"});
  }

  std::string category_path(const std::string& nicename) const {
    std::vector<std::string> chain{nicename};
    for (int depth = 0; depth < 32; ++depth) {
      auto parent = category_parents_.find(chain.back());
      if (parent == category_parents_.end() || parent->second.empty()) break;
      chain.push_back(parent->second);
    }
    std::string path = "/category";
    for (auto it = chain.rbegin(); it != chain.rend(); ++it) path += "/" + *it;
    return path + "/";
  }

  void add_category(const std::string& nicename, const std::string& name,
                    const std::string& parent) {
    std::string key = nicename.empty() ? name : nicename;
    if (category_terms_.contains(key)) return;
    auto slug =
        first_slug({nicename, name}, "category-" + std::to_string(category_terms_.size() + 1));
    category_terms_[key] = {slug, name.empty() ? key : name};
    category_parents_[key] = parent;
    // No parent is "", which is also the key of a category without nicename or name: it must
    // not become its own parent.
    std::string parent_slug;
    if (auto found = category_terms_.find(parent);
        !parent.empty() && parent != key && found != category_terms_.end())
      parent_slug = found->second.slug;
    write_.add_category({slug, name.empty() ? key : name, parent_slug});
    later_redirects_.push_back({category_path(key), "/category/" + slug + "/"});
  }

  void add_tag(const std::string& nicename, const std::string& name) {
    std::string key = nicename.empty() ? name : nicename;
    if (tag_terms_.contains(key)) return;
    auto slug = first_slug({nicename, name}, "tag-" + std::to_string(tag_terms_.size() + 1));
    tag_terms_[key] = {slug, name.empty() ? key : name};
    write_.add_tag(tag_terms_[key]);
    later_redirects_.push_back({"/tag/" + key + "/", "/tag/" + slug + "/"});
  }

  // The author slug of an item's dc:creator: declared, met first here, or the fallback.
  std::string author_of(const WxrItem& item) {
    auto creator = author_slugs_.find(item.creator);
    if (creator == author_slugs_.end() && !item.creator.empty()) {
      add_author(item.creator, "", "author");
      creator = author_slugs_.find(item.creator);
    }
    if (creator != author_slugs_.end()) return creator->second;
    if (!fallback_author_written_) write_.add_author(kFallbackAuthor);
    fallback_author_written_ = true;
    return kFallbackAuthor.slug;
  }

  void add_terms(const WxrItem& item, store::ImportedArticle& article) {
    for (const auto& term : item.terms) {
      std::string key = term.slug.empty() ? term.name : term.slug;
      if (key.empty()) continue;
      auto add_once = [](std::vector<content::Term>& terms, const content::Term& term) {
        if (std::none_of(terms.begin(), terms.end(),
                         [&](const content::Term& other) { return other.slug == term.slug; }))
          terms.push_back(term);
      };
      if (term.domain == "category") {
        add_category(term.slug, term.name, "");
        add_once(article.categories, category_terms_[key]);
      } else if (term.domain == "post_tag" || term.domain == "tag") {
        add_tag(term.slug, term.name);
        add_once(article.tags, tag_terms_[key]);
      }
    }
  }

  // Co-Authors Plus keeps the byline as the item's `author` terms, in order: each named by the
  // signer's login ("cap-" + login as its nicename). The first signs, the others co-sign.
  void add_coauthors(const WxrItem& item, store::ImportedArticle& article) {
    std::vector<std::string> byline;
    for (const auto& term : item.terms) {
      if (term.domain != "author") continue;
      std::string login = term.name;
      if (login.empty() && term.slug.starts_with("cap-")) login = term.slug.substr(4);
      if (login.empty()) continue;
      add_author(login, "", "author");
      const auto& slug = author_slugs_[login];
      if (std::find(byline.begin(), byline.end(), slug) == byline.end()) byline.push_back(slug);
    }
    if (byline.empty()) return;
    article.author_slug = byline.front();
    std::vector<content::Term> coauthors;
    // Each is already an author of the import: the writer finds them by slug.
    for (auto slug = byline.begin() + 1; slug != byline.end(); ++slug)
      coauthors.push_back({*slug, *slug});
    article.coauthors = std::move(coauthors);
  }

  // The featured image: copied into the media store when the uploads folder is given and holds
  // it, otherwise shown from its original URL at the top of the body.
  void add_featured_image(const WxrItem& item, store::ImportedArticle& article) {
    auto thumbnail = meta(item, "_thumbnail_id");
    if (thumbnail.empty()) return;
    auto found = attachments_.find(std::atoll(thumbnail.c_str()));
    if (found == attachments_.end() || found->second->url.empty()) return;
    const auto& attachment = *found->second;
    std::string caption = discovery::html_to_text(attachment.excerpt);
    std::string problem;
    std::optional<content::NewMedia> media;
    if (options_.media_dir) media = copy_upload(*options_.media_dir, attachment.url, problem);
    if (media) {
      article.image = std::move(media);
      article.image_alt = attachment.alt.empty() ? caption : attachment.alt;
      article.image_caption = caption;
      ++summary_.images_copied;
      return;
    }
    if (!problem.empty()) ++summary_.skipped["featured image: " + problem];
    if (render::is_safe_url(attachment.url)) {
      article.body_html =
          "<figure><img src=\"" + render::escape_html(attachment.url) + "\" alt=\"" +
          render::escape_html(attachment.alt) + "\">" +
          (caption.empty() ? "" : "<figcaption>" + render::escape_html(caption) + "</figcaption>") +
          "</figure>\n" + article.body_html;
    }
  }

  // Images of the body from the uploads folder: copied into the media store when
  // --media-dir holds them (the rules of the featured image), their src then the Gazette media
  // URL; otherwise they keep their original URL. The body is the sanitizer's: each img has its
  // src in double quotes, escaped.
  void copy_body_images(store::ImportedArticle& article) {
    if (!options_.media_dir) return;
    std::map<std::string, std::optional<std::string>> copied;  // src → media path
    std::string& html = article.body_html;
    for (auto at = html.find("<img "); at != std::string::npos; at = html.find("<img ", at + 1)) {
      auto end = html.find('>', at);
      auto src = html.find(" src=\"", at);
      if (end == std::string::npos || src == std::string::npos || src > end) continue;
      auto start = src + 6;
      auto close = html.find('"', start);
      if (close == std::string::npos || close > end) continue;
      auto url = unescaped(std::string_view(html).substr(start, close - start));
      if (url.find("/uploads/") == std::string::npos) continue;
      auto [found, first] = copied.try_emplace(url);
      if (first) {
        std::string problem;
        if (auto media = copy_upload(*options_.media_dir, url, problem)) {
          found->second = "/media/" + write_.add_media(*media);
          ++summary_.images_copied;
        } else {
          ++summary_.skipped["image in a post: " + problem];
        }
      }
      if (found->second) html.replace(start, close - start, *found->second);
    }
  }

  // Comments, parents before replies.
  void add_comments(const WxrItem& item, bool from_gazette, store::ImportedArticle& article) {
    std::set<std::int64_t> kept;
    std::vector<const WxrComment*> waiting;
    for (const auto& comment : item.comments) {
      if (comment.type == "pingback" || comment.type == "trackback") {
        ++summary_.skipped[comment.type + ": not a reader's comment"];
        continue;
      }
      if (!comment_status(comment.approved)) {
        ++summary_.skipped["comment status " + comment.approved + ": not kept"];
        continue;
      }
      waiting.push_back(&comment);
    }
    std::set<std::int64_t> present;
    for (const auto* comment : waiting) present.insert(comment->id);
    for (int round = 0; !waiting.empty() && round < 1000; ++round) {
      std::vector<const WxrComment*> later;
      for (const auto* comment : waiting) {
        bool ready = comment->parent == 0 || kept.contains(comment->parent) ||
                     !present.contains(comment->parent) || comment->parent == comment->id;
        if (!ready) {
          later.push_back(comment);
          continue;
        }
        store::ImportedComment imported;
        imported.wp_id = comment->id;
        imported.wp_parent = comment->parent == comment->id ? 0 : comment->parent;
        imported.author_name = comment->author.empty() ? "Anonyme" : comment->author;
        imported.author_email = lower(comment->email);
        if (comment->url.starts_with("http://") || comment->url.starts_with("https://"))
          imported.author_url = comment->url;
        // Gazette's comments are plain text already; WordPress's may hold a little HTML.
        imported.body = from_gazette ? comment->content : comment_text(comment->content);
        imported.status = *comment_status(comment->approved);
        imported.ip = comment->ip;
        imported.avatar_key = options_.avatar_key ? options_.avatar_key(imported.author_email) : "";
        imported.created_at = either(parse_date(comment->date_gmt), parse_date(comment->date))
                                  .value_or(article.published_at);
        article.comments.push_back(std::move(imported));
        kept.insert(comment->id);
        ++summary_.comments;
      }
      if (later.size() == waiting.size()) {  // a cycle: the rest become top-level comments
        for (auto* comment : later) present.erase(comment->id);
      }
      waiting = std::move(later);
    }
  }

  store::WxrImportWriter& write_;
  const ImportOptions& options_;
  ImportSummary& summary_;
  std::map<std::string, std::string> author_slugs_;  // login → slug
  SlugBook author_book_;
  bool fallback_author_written_ = false;
  std::map<std::string, content::Term> category_terms_, tag_terms_;  // WordPress key → term
  std::map<std::string, std::string> category_parents_;              // WordPress nicenames
  std::map<std::int64_t, const WxrAttachment*> attachments_;
  std::map<std::int64_t, std::vector<const WxrAttachment*>> attachments_by_parent_;
  SlugBook article_book_;
  // The Gazette path of each imported item that attachments belong to (only those: their
  // pages redirect to it).
  std::map<std::int64_t, std::string> article_paths_;
  // Every item key met, to tell an item given twice in the file from one imported before.
  std::unordered_set<std::string> keys_in_file_;
  std::vector<store::Redirect> later_redirects_;
};

std::optional<store::ImportedArticle> Importer::plan(WxrItem& item) {
  // Read in the first pass: attachments, and Co-Authors Plus's guest authors (people who sign
  // without an account: an author of ours each).
  if (item.type == "attachment" || item.type == "guest-author") return std::nullopt;
  bool is_page = item.type == "page";
  if (item.type != "post" && !is_page) {
    ++summary_.skipped["post type " + (item.type.empty() ? std::string("(none)") : item.type) +
                       ": not an article"];
    return std::nullopt;
  }
  std::optional<ArticleStatus> status;
  if (item.status == "publish")
    status = ArticleStatus::published;
  else if (item.status == "future")
    status = ArticleStatus::scheduled;
  else if (item.status == "draft")
    status = ArticleStatus::draft;
  else if (item.status == "pending")
    status = ArticleStatus::review;
  else if (item.status == "private")
    status = ArticleStatus::draft;
  if (!status) {
    ++summary_.skipped["status " + (item.status.empty() ? std::string("(none)") : item.status) +
                       ": not kept"];
    return std::nullopt;
  }
  // An item is known by its id, or by its GUID in files without ids.
  std::string key = item.id > 0          ? "id:" + std::to_string(item.id)
                    : !item.guid.empty() ? "guid:" + item.guid
                    : !item.link.empty() ? "link:" + item.link
                                         : "title:" + item.title + "|" + item.date;
  if (!keys_in_file_.insert(key).second) {
    ++summary_.skipped["the same item twice in the file: the first one kept"];
    return std::nullopt;
  }
  if (write_.imported(key)) {
    ++summary_.already_imported;
    return std::nullopt;
  }

  store::ImportedArticle article;
  article.key = key;
  article.section = is_page ? kPageSection : kPostSection;
  // A Gazette export names its section ("slug\nName").
  if (auto section = meta(item, "_gazette_section"); !section.empty()) {
    auto line = section.find('\n');
    auto slug = render::slugify(section.substr(0, line));
    if (!slug.empty() && !content::is_reserved_section_slug(slug))
      article.section = {slug, line == std::string::npos ? slug : section.substr(line + 1)};
  }
  article.title = item.title.empty() ? "(sans titre)" : item.title;
  // Slugified: a negative wp:post_id would otherwise make "post--5", which no URL reaches.
  article.slug = article_book_.claim(
      first_slug({item.name, item.title},
                 render::slugify((is_page ? "page-" : "post-") + std::to_string(item.id))));
  article.status = *status;
  auto updated = parse_date(item.modified_gmt);
  article.published_at =
      either(parse_date(item.date_gmt), parse_date(item.date)).value_or(options_.now);
  article.updated_at = updated.value_or(article.published_at);
  article.lead = discovery::without_controls(discovery::html_to_text(item.excerpt));
  GalleryImages gallery = [&](const std::vector<std::int64_t>& ids) {
    std::vector<GalleryImage> images;
    auto add = [&](const WxrAttachment* attachment) {
      if (!attachment->url.empty())
        images.push_back(
            {attachment->url, attachment->alt, discovery::html_to_text(attachment->excerpt)});
    };
    if (ids.empty()) {
      if (auto own = attachments_by_parent_.find(item.id); own != attachments_by_parent_.end())
        for (const auto* attachment : own->second) add(attachment);
    } else {
      for (auto id : ids)
        if (auto found = attachments_.find(id); found != attachments_.end()) add(found->second);
    }
    return images;
  };
  // A Gazette export's content is HTML Gazette already made: sanitised again (a file is never
  // trusted), but WordPress's shortcodes and paragraphs do not apply to it.
  bool from_gazette = meta(item, "_gazette_format") == "html";
  article.body_html =
      from_gazette ? render::sanitize_html(item.content) : post_body_html(item.content, gallery);
  // A Gazette export carries the Markdown source; WordPress's content is kept as it was
  // (moved, not copied).
  article.body_markdown = std::move(item.content);
  if (auto markdown = meta(item, "_gazette_markdown"); !markdown.empty())
    article.body_markdown = markdown;

  copy_body_images(article);
  add_featured_image(item, article);
  article.author_slug = author_of(item);
  add_coauthors(item, article);
  add_terms(item, article);
  if (item.sticky) article.pinned = true;
  article.comments_closed = item.comment_status == "closed";
  add_comments(item, from_gazette, article);

  if (item.id > 0 && attachments_by_parent_.contains(item.id))
    article_paths_[item.id] = "/" + article.section.slug + "/" + article.slug + "/";
  auto old_path = url_path(item.link);
  if (!old_path.empty()) article.old_paths.push_back(old_path);
  if (item.id > 0) {
    article.old_paths.push_back((is_page ? "/?page_id=" : "/?p=") + std::to_string(item.id));
    article.old_paths.push_back((is_page ? "/?p=" : "/?page_id=") + std::to_string(item.id));
  }
  (is_page ? summary_.pages : summary_.posts)++;
  return article;
}

}  // namespace

std::variant<ImportSummary, WxrReadError> import_wxr(const std::string& path,
                                                     const WxrOutline& outline,
                                                     store::WxrImportStore& store,
                                                     publishing::WritePath& write_path,
                                                     const ImportOptions& options) {
  ImportSummary summary;
  summary.source = !outline.base_site_url.empty() ? outline.base_site_url
                   : !outline.link.empty()        ? outline.link
                                                  : outline.title;
  // A file found unreadable on the way rolls the whole import back.
  struct Abandoned {
    WxrReadError error;
  };
  try {
    summary.written = write_path.run([&](store::WriteTransaction& write) {
      auto writer = store.begin_import(write, summary.source, options.now);
      Importer importer(outline, *writer, options, summary);
      std::size_t done = 0;
      auto failed = read_wxr_items(path, [&](WxrItem& item) {
        if (options.progress) options.progress(++done, outline.items);
        if (auto article = importer.plan(item)) writer->add_article(*article);
      });
      if (failed) throw Abandoned{std::move(*failed)};
      importer.finish();
      // Articles, terms, people and comments of every kind may have changed: running servers
      // drop every cached page.
      write.announce(content::SettingsChanged{});
      return writer->result();
    });
  } catch (Abandoned& abandoned) {
    return std::move(abandoned.error);
  }
  return summary;
}

}  // namespace gazette::transfer::wxr
