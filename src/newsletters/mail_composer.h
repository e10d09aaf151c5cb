// Composes the newsletter's messages — the confirmation, the daily digest, a breaking-news
// alert — from the theme's own templates (templates/newsletter_*.mustache), an HTML part and a
// plain-text part each, in the site's language with its dates.
#pragma once

#include <string>
#include <vector>

#include "content/types.h"
#include "render/dates.h"
#include "store/newsletter_store.h"
#include "theme/theme.h"

namespace gazette::newsletters {

/// What every message needs of the site: its settings and its absolute address.
struct MailSite {
  content::SiteSettings settings;
  std::string base_url;  // no trailing slash
};

class MailComposer {
 public:
  explicit MailComposer(const theme::Theme& theme) : theme_(theme) {}

  /// "Confirm your subscription": `confirm_url` is absolute.
  store::OutgoingMail confirmation(const MailSite& site, const store::Subscription& subscription,
                                   const std::string& scope_name, const std::string& confirm_url,
                                   content::Timestamp now) const;
  /// The day's articles for one address; `manage_url` (absolute) ends or changes it.
  store::OutgoingMail digest(const MailSite& site, const std::string& email,
                             const std::vector<content::ArticleSummary>& articles,
                             const std::string& issue, const std::string& manage_url,
                             content::Timestamp now) const;
  /// One article sent at once, chosen by an editor.
  store::OutgoingMail breaking(const MailSite& site, const std::string& email,
                               const content::ArticleSummary& article, const std::string& issue,
                               const std::string& manage_url, content::Timestamp now) const;
  /// The newsroom's test message: it says only that the settings work.
  store::OutgoingMail test_message(const MailSite& site, const std::string& email,
                                   content::Timestamp now) const;

 private:
  store::OutgoingMail compose(const MailSite& site, std::string_view template_name,
                              theme::View view, std::string subject, const std::string& email,
                              const std::string& issue, const std::string& manage_url,
                              content::Timestamp now) const;
  const theme::Theme& theme_;
};

}  // namespace gazette::newsletters
