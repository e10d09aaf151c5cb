// MailComposer (see mail_composer.h): one view per message, rendered twice — the HTML template
// and its _text twin (which uses {{{ }}} where the HTML one escapes).
#include "newsletters/mail_composer.h"

#include "render/text.h"
#include "site/paths.h"

namespace gazette::newsletters {

namespace {

// Everyone who signs the article, as the site's cards print them: « Sara Dupont et Karim Haddad ».
std::string byline_text(const content::ArticleSummary& article, const std::string& last_separator) {
  std::string text = article.author.name;
  for (std::size_t i = 0; i < article.coauthors.size(); ++i) {
    text += i + 1 == article.coauthors.size() ? last_separator : std::string(", ");
    text += article.coauthors[i].name;
  }
  return text;
}

theme::View article_view(const MailSite& site, const render::DateFormatter& dates,
                         const std::string& byline_and, const content::ArticleSummary& article) {
  theme::View view;
  view.set("title", article.title);
  view.set("lead", article.lead);
  view.set("url", site.base_url + site::article_path(article.section.slug, article.slug));
  view.set("section", article.section.name);
  view.set("author", byline_text(article, byline_and));
  view.set("date", dates.long_date(article.published_at));
  return view;
}

}  // namespace

store::OutgoingMail MailComposer::compose(const MailSite& site, std::string_view template_name,
                                          theme::View view, std::string subject,
                                          const std::string& email, const std::string& issue,
                                          const std::string& manage_url,
                                          content::Timestamp now) const {
  const auto& language = site.settings.language;
  view.set("site_title", site.settings.title);
  view.set("site_url", site.base_url + "/");
  view.set("subject", subject);
  view.set("manage_url", manage_url);
  view.set("has_manage_url", !manage_url.empty());
  store::OutgoingMail mail;
  mail.recipient = email;
  mail.issue = issue;
  mail.subject = std::move(subject);
  mail.html_body = theme_.render_document(template_name, view, language);
  mail.text_body = theme_.render_document(std::string(template_name) + "_text", view, language);
  mail.unsubscribe_url = manage_url;
  mail.created_at = now;
  return mail;
}

store::OutgoingMail MailComposer::confirmation(const MailSite& site,
                                               const store::Subscription& subscription,
                                               const std::string& scope_name,
                                               const std::string& confirm_url,
                                               content::Timestamp now) const {
  const auto& language = site.settings.language;
  theme::View view;
  view.set("confirm_url", confirm_url);
  view.set("scope_name", scope_name);
  view.set("has_scope", !scope_name.empty());  // an empty string is still "set" in Mustache
  auto subject = theme_.text(language, "newsletter_confirm_subject") + " — " + site.settings.title;
  return compose(site, "newsletter_confirm_mail", std::move(view), std::move(subject),
                 subscription.email, "confirm:" + std::to_string(subscription.id.value), "", now);
}

store::OutgoingMail MailComposer::test_message(const MailSite& site, const std::string& email,
                                               content::Timestamp now) const {
  const auto& language = site.settings.language;
  store::OutgoingMail mail;
  mail.recipient = email;
  mail.issue = "test";
  mail.subject = theme_.text(language, "newsletter_test_subject") + " — " + site.settings.title;
  mail.text_body = theme_.text(language, "newsletter_test_body") + "\n";
  mail.html_body = "<p>" + render::escape_html(mail.text_body) + "</p>\n";
  mail.created_at = now;
  return mail;
}

store::OutgoingMail MailComposer::digest(const MailSite& site, const std::string& email,
                                         const std::vector<content::ArticleSummary>& articles,
                                         const std::string& issue, const std::string& manage_url,
                                         content::Timestamp now) const {
  render::DateFormatter dates(site.settings.language, site.settings.time_zone);
  theme::View list = theme::View::type::list;
  const auto byline_and = theme_.text(site.settings.language, "byline_and");
  for (const auto& article : articles)
    list.push_back(article_view(site, dates, byline_and, article));
  theme::View view;
  view.set("articles", list);
  view.set("date", dates.long_date(now));
  auto subject = site.settings.title + " — " +
                 theme_.text(site.settings.language, "newsletter_digest_subject") + " " +
                 dates.long_date(now);
  return compose(site, "newsletter_digest_mail", std::move(view), std::move(subject), email, issue,
                 manage_url, now);
}

store::OutgoingMail MailComposer::breaking(const MailSite& site, const std::string& email,
                                           const content::ArticleSummary& article,
                                           const std::string& issue, const std::string& manage_url,
                                           content::Timestamp now) const {
  render::DateFormatter dates(site.settings.language, site.settings.time_zone);
  theme::View view;
  view.set("article",
           article_view(site, dates, theme_.text(site.settings.language, "byline_and"), article));
  auto subject =
      theme_.text(site.settings.language, "newsletter_breaking_subject") + " " + article.title;
  return compose(site, "newsletter_breaking_mail", std::move(view), std::move(subject), email,
                 issue, manage_url, now);
}

}  // namespace gazette::newsletters
