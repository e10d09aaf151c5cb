// The live composer (« En direct ») at /newsroom/live/{article}: a short form for a breaking
// story, usable on a phone — an entry's Markdown, an optional photo (uploaded or from the media
// library, with caption, credit and alt), the « Événement clé » flag — above the coverage's
// entries, newest first, each to edit, delete (after a confirmation page) or pin; and « Fin du
// direct », confirmed too. Every write goes through publishing::LiveService, whose refusals
// (an ended coverage, someone else's, a contributor) come back as the page with a 4xx and
// nothing written.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "media/media_service.h"
#include "newsroom/area.h"
#include "publishing/article_service.h"
#include "publishing/live_service.h"
#include "site/page_environment.h"

namespace gazette::newsroom {

class LiveComposerPages final : public Area {
 public:
  LiveComposerPages(const Desk& desk, publishing::LiveService& live,
                    publishing::ArticleService& articles, media::MediaService& media,
                    site::PageEnvironment& pages)
      : Area(desk), live_(live), articles_(articles), media_(media), pages_(pages) {}

  std::vector<std::string_view> segments() const override { return {"live"}; }
  http::Response handle(Call& call) override;

  /// What a writer typed, kept when the form comes back with an error.
  struct EntryValues {
    std::string text;
    bool key_event = false;
    std::string media_name;  // the chosen photo ("" for none)
    std::string caption, credit, alt;
  };

 private:
  // The published article the composer is for, and its reader path.
  struct Story {
    content::Article article;
    std::string path;  // /section/slug/
  };
  std::optional<Story> story(content::ArticleId id);

  http::Response composer(Call& call, const Story& story, const EntryValues& values,
                          std::optional<std::string> error_key, http::Status status);
  http::Response post_entry(Call& call, const Story& story);
  http::Response entry_editor(Call& call, const Story& story, const content::LiveEntry& entry,
                              const EntryValues& values, std::optional<std::string> error_key,
                              http::Status status);
  http::Response save_entry(Call& call, const Story& story, const content::LiveEntry& entry);
  http::Response confirm_page(Call& call, const Story& story, std::string_view heading_key,
                              std::string_view question_key, std::string_view button_key,
                              const std::string& action_url, std::string preview_html);
  http::Response end_coverage(Call& call, const Story& story);
  http::Response delete_entry(Call& call, const Story& story, const content::LiveEntry& entry);
  http::Response pin_entry(Call& call, const Story& story, const content::LiveEntry& entry);

  // The photo of a submitted form: the upload (stored once the service would accept the
  // entry) or the library's choice; an error key when the form is not acceptable.
  struct PhotoForm {
    std::optional<media::PreparedImage> upload;
    std::optional<std::string> error_key;
  };
  PhotoForm read_entry_form(const Call& call, EntryValues& values);
  std::optional<content::LivePhotoChoice> photo_choice(const EntryValues& values, PhotoForm& photo);
  theme::View entry_form_view(const Call& call, const EntryValues& values,
                              const std::optional<content::LiveEntry>& current);
  // The page for a refusal of the service: the composer with its message and status.
  http::Response refused(Call& call, const Story& story, publishing::LiveRefusal refusal,
                         const EntryValues& values);

  publishing::LiveService& live_;
  publishing::ArticleService& articles_;
  media::MediaService& media_;
  site::PageEnvironment& pages_;
};

/// The HTTP status and message key of a refusal of the live service.
std::pair<http::Status, std::string_view> live_refusal_answer(publishing::LiveRefusal refusal);

}  // namespace gazette::newsroom
