// Fuzz target: a WordPress export as `gazette import-wxr` reads and plans it (transfer/wxr/):
// both passes over the file, then every item planned into a store that checks what the SQLite
// store needs and what the reader site can serve (known authors, free and valid slugs, safe HTML).
#include <sys/mman.h>
#include <unistd.h>

#include <set>
#include <string>

#include "fuzz_input.h"
#include "html_safety.h"
#include "publishing/write_path.h"
#include "site/target.h"
#include "transfer/wxr/wxr_importer.h"

namespace {

using namespace gazette;

// Refuses, by crashing, what the SQLite store would refuse with an exception (an article whose
// author was not written first, a slug taken twice) or what would leave an article unreachable.
class CheckingWriter final : public store::WxrImportWriter {
 public:
  void add_author(const store::ImportedAuthor& author) override {
    fuzz::require(site::is_slug(author.slug), "an author's slug is a slug");
    authors_.insert(author.slug);
  }
  void add_category(const store::ImportedCategory& category) override {
    fuzz::require(site::is_slug(category.slug), "a category's slug is a slug");
    fuzz::require(category.parent_slug.empty() || categories_.contains(category.parent_slug),
                  "a category comes after its parent");
    categories_.insert(category.slug);
  }
  void add_tag(const content::Term& tag) override {
    fuzz::require(site::is_slug(tag.slug), "a tag's slug is a slug");
    tags_.insert(tag.slug);
  }
  void add_article(const store::ImportedArticle& article) override {
    fuzz::require(authors_.contains(article.author_slug), "an article's author comes first");
    if (!site::is_slug(article.slug) || !site::is_slug(article.section.slug))
      std::fprintf(stderr, "path: /%s/%s/\n", article.section.slug.c_str(), article.slug.c_str());
    fuzz::require(site::is_slug(article.slug) && site::is_slug(article.section.slug),
                  "an article's path is made of slugs");
    fuzz::require(articles_.insert(article.slug).second, "an article's slug is free");
    fuzz::require(keys_.insert(article.key).second, "an item is written once");
    for (const auto& category : article.categories)
      fuzz::require(categories_.contains(category.slug), "an article's categories come first");
    for (const auto& tag : article.tags)
      fuzz::require(tags_.contains(tag.slug), "an article's tags come first");
    if (auto unsafe = fuzz::find_unsafe_html(article.body_html, fuzz::UrlRule::web_only)) {
      std::fprintf(stderr, "unsafe: %s\n", unsafe->c_str());
      fuzz::require(false, "an imported body holds nothing active");
    }
  }
  std::string add_media(const content::NewMedia& media) override { return media.name; }
  void add_redirect(const store::Redirect& redirect) override {
    fuzz::require(redirect.to.starts_with("/"), "a redirect leads to a path of the site");
  }
  bool article_slug_taken(std::string_view slug) override {
    return articles_.contains(std::string(slug));
  }
  bool imported(std::string_view) override { return false; }
  store::WxrImportResult result() const override { return {}; }

 private:
  std::set<std::string> authors_, categories_, tags_, articles_, keys_;
};

class CheckingStore final : public store::WxrImportStore {
 public:
  std::unique_ptr<store::WxrImportWriter> begin_import(store::WriteTransaction&, std::string,
                                                       content::Timestamp) override {
    return std::make_unique<CheckingWriter>();
  }
  void export_site(const std::function<void(const store::SiteExport&)>&,
                   const std::function<void(const store::ExportedArticle&)>&) override {}
  std::optional<std::string> find_redirect(std::string_view) override { return std::nullopt; }
};

// No database: the import's one write holds nothing but what it announces.
class NoDatabase final : public store::Database {
  class Write final : public store::WriteTransaction {
    void record(const content::Event&) override {}
    void commit_writes() override {}
  };

 public:
  std::unique_ptr<store::WriteTransaction> begin_write() override {
    return std::make_unique<Write>();
  }
};

// The importer reads files by path: the input goes into a file in memory, under /proc.
class InputFile {
 public:
  InputFile() : fd_(memfd_create("gazette-fuzz-wxr", 0)) {
    fuzz::require(fd_ >= 0, "a file in memory can be made");
  }
  ~InputFile() { close(fd_); }

  /// Replaces the file's bytes with `bytes`; its path.
  std::string hold(std::string_view bytes) {
    fuzz::require(ftruncate(fd_, 0) == 0, "the file in memory can be emptied");
    fuzz::require(pwrite(fd_, bytes.data(), bytes.size(), 0) == static_cast<ssize_t>(bytes.size()),
                  "the file in memory can be written");
    return "/proc/self/fd/" + std::to_string(fd_);
  }

 private:
  int fd_;
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static InputFile file;
  auto path = file.hold(fuzz::as_text(data, size));
  auto outline = transfer::wxr::read_wxr_outline(path);
  if (auto* error = std::get_if<transfer::wxr::WxrReadError>(&outline)) {
    fuzz::require(!error->message.empty(), "a refused file says why");
    return 0;
  }
  CheckingStore store;
  NoDatabase database;
  content::EventBus events;
  publishing::WritePath write_path(database, events);
  transfer::wxr::ImportOptions options;
  options.now = content::Timestamp(std::chrono::seconds(1'733'634'000));
  options.avatar_key = [](std::string_view email) { return std::string(email.substr(0, 8)); };
  (void)transfer::wxr::import_wxr(path, std::get<transfer::wxr::WxrOutline>(outline), store,
                                  write_path, options);
  return 0;
}
