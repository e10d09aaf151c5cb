// The newsletter in the newsroom: /newsroom/newsletter, for editors and admins — how many
// subscribe, what waits in the queue, and every message that failed or bounced with the SMTP
// server's answer. The subscriber list itself is shown nowhere. /newsroom/newsletter/settings,
// for admins: the SMTP settings and a test message (newsletter_settings_page.cpp).
#pragma once

#include "newsletters/newsletter_service.h"
#include "newsroom/area.h"

namespace gazette::newsroom {

class NewsletterPages final : public Area {
 public:
  NewsletterPages(const Desk& desk, newsletters::NewsletterService& newsletters)
      : Area(desk), newsletters_(newsletters) {}

  std::vector<std::string_view> segments() const override { return {"newsletter"}; }
  http::Response handle(Call& call) override;

 private:
  // What the test message gave, shown under its button.
  struct TestResult {
    std::string to;
    bool done = false;
    bool sent = false;
    std::string answer;
  };
  http::Response overview_page(Call& call);
  http::Response settings_page(Call& call);
  http::Response test_message(Call& call);
  http::Response settings_form(Call& call, const newsletters::MailSettingsChange& values,
                               const std::vector<FieldError>& errors, const TestResult& test);

  newsletters::NewsletterService& newsletters_;
};

}  // namespace gazette::newsroom
