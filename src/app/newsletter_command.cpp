// `gazette newsletter` (see newsletter_command.h): each subcommand a call to NewsletterService or
// MailDispatcher, as the server makes them.
#include "app/newsletter_command.h"

#include <cstdio>
#include <optional>

#include "app/backend.h"
#include "discovery/site_url.h"
#include "newsletters/mail_dispatcher.h"
#include "newsletters/newsletter_service.h"
#include "theme/theme.h"

namespace gazette::app {

struct NewsletterCommand::Options {
  CLI::App* settings = nullptr;
  std::optional<std::string> smtp_host, username, password, from_address, from_name;
  std::optional<std::int64_t> smtp_port, rate_per_minute;
  std::optional<bool> starttls;

  CLI::App* send_digest = nullptr;
  CLI::App* send_queue = nullptr;
  std::string site_url;
  std::optional<std::string> theme_dir;
  bool queue_only = false;

  CLI::App* status = nullptr;
  CLI::App* export_email = nullptr;
  CLI::App* erase_email = nullptr;
  std::string email;
};

NewsletterCommand::NewsletterCommand(CLI::App& cli, const std::function<void(CLI::App*)>& add_db)
    : options_(std::make_unique<Options>()) {
  auto& o = *options_;
  command_ = cli.add_subcommand("newsletter", "Newsletter settings, digest, queue and subscribers");
  command_->require_subcommand(1);

  o.settings = command_->add_subcommand("settings", "Show or change how mail is sent");
  o.settings->add_option("--smtp-host", o.smtp_host, "The SMTP server");
  o.settings->add_option("--smtp-port", o.smtp_port, "Its port (587: submission)");
  o.settings->add_option("--starttls", o.starttls, "Require STARTTLS (true/false)");
  o.settings->add_option("--username", o.username, "SMTP user name (empty: none)");
  o.settings->add_option("--password", o.password, "SMTP password");
  o.settings->add_option("--from", o.from_address, "The sender's address");
  o.settings->add_option("--from-name", o.from_name, "The sender's name");
  o.settings->add_option("--rate", o.rate_per_minute, "Messages per minute at most");
  add_db(o.settings);

  o.send_digest = command_->add_subcommand(
      "send-digest", "Queue today's digest for every subscriber, then send the queue (for cron)");
  o.send_digest->add_option("--site-url", o.site_url,
                            "The site's public address (default: the site settings')");
  o.send_digest->add_option("--theme", o.theme_dir, "A theme folder overriding the default");
  o.send_digest->add_flag("--queue-only", o.queue_only, "Only queue: the server's sender sends it");
  add_db(o.send_digest);

  o.send_queue = command_->add_subcommand("send-queue", "Send every queued message due now");
  add_db(o.send_queue);

  o.status = command_->add_subcommand("status", "Subscribers, and the messages not delivered");
  add_db(o.status);

  o.export_email =
      command_->add_subcommand("export-email", "Print everything held about one address, as JSON");
  o.export_email->add_option("email", o.email)->required();
  add_db(o.export_email);
  o.erase_email = command_->add_subcommand(
      "erase-email", "Forget one address: its subscriptions and every message to it");
  o.erase_email->add_option("email", o.email)->required();
  add_db(o.erase_email);
}

NewsletterCommand::~NewsletterCommand() = default;

bool NewsletterCommand::chosen() const {
  return command_->parsed();
}

int NewsletterCommand::run(const std::string& db) {
  auto& o = *options_;
  auto fail = [](const std::string& message) {
    std::fprintf(stderr, "gazette newsletter: %s\n", message.c_str());
    return 1;
  };
  Backend backend(db);
  auto& store = backend.storage->newsletters();
  theme::Theme theme(o.theme_dir ? std::optional<std::filesystem::path>(*o.theme_dir)
                                 : std::nullopt);
  newsletters::MailComposer composer(theme);
  newsletters::NewsletterService service(backend.write_path, store, backend.store,
                                         backend.comment_key, composer, backend.clock,
                                         backend.sign_in_attempt_store);
  newsletters::MailDispatcher dispatcher(backend.write_path, store, backend.clock);

  if (o.settings->parsed()) {
    auto settings = service.mail_settings();
    if (o.smtp_host) settings.smtp_host = *o.smtp_host;
    if (o.smtp_port) {
      if (*o.smtp_port <= 0 || *o.smtp_port > 65535) return fail("--smtp-port: not a port");
      settings.smtp_port = *o.smtp_port;
    }
    if (o.starttls) settings.starttls = *o.starttls;
    if (o.username) settings.username = *o.username;
    if (o.password) settings.password = *o.password;
    if (o.from_address) settings.from_address = *o.from_address;
    if (o.from_name) settings.from_name = *o.from_name;
    if (o.rate_per_minute) {
      if (*o.rate_per_minute <= 0) return fail("--rate: at least 1 message per minute");
      settings.rate_per_minute = *o.rate_per_minute;
    }
    service.save_mail_settings(settings);
    std::printf(
        "smtp-host: %s\nsmtp-port: %lld\nstarttls: %s\nusername: %s\npassword: %s\n"
        "from: %s\nfrom-name: %s\nrate: %lld per minute\n",
        settings.smtp_host.c_str(), static_cast<long long>(settings.smtp_port),
        settings.starttls ? "true" : "false", settings.username.c_str(),
        settings.password.empty() ? "" : "(set)", settings.from_address.c_str(),
        settings.from_name.c_str(), static_cast<long long>(settings.rate_per_minute));
    return 0;
  }
  if (o.send_digest->parsed()) {
    auto settings = backend.store.settings();
    auto url = o.site_url.empty() ? settings.url : o.site_url;
    while (!url.empty() && url.back() == '/') url.pop_back();
    if (url.empty())
      return fail(
          "the site's public address is not set: give --site-url or set it in the "
          "newsroom's site settings (links in a mail must be absolute)");
    auto queued = service.queue_digest({settings, url});
    std::printf("digest queued for %lld addresses\n", static_cast<long long>(queued));
    if (!o.queue_only) std::printf("sent: %lld\n", static_cast<long long>(dispatcher.send_due()));
    return 0;
  }
  if (o.send_queue->parsed()) {
    std::printf("sent: %lld\n", static_cast<long long>(dispatcher.send_due()));
    return 0;
  }
  if (o.status->parsed()) {
    std::printf("subscriptions: %lld (%lld confirmed)\n",
                static_cast<long long>(store.count_subscriptions(false)),
                static_cast<long long>(store.count_subscriptions(true)));
    std::printf("queued: %zu\n", store.recent_mail(store::MailStatus::queued, 1000).size());
    for (auto status : {store::MailStatus::failed, store::MailStatus::bounced})
      for (const auto& mail : store.recent_mail(status, 50))
        std::printf("%s\t%s\t%s\t%s\n", std::string(store::to_string(status)).c_str(),
                    mail.mail.recipient.c_str(), mail.mail.issue.c_str(), mail.last_error.c_str());
    return 0;
  }
  if (o.export_email->parsed()) {
    std::printf("%s\n", service.export_address(o.email).c_str());
    return 0;
  }
  if (o.erase_email->parsed()) {
    std::printf("erased: %lld rows\n", static_cast<long long>(service.erase_address(o.email)));
    return 0;
  }
  return fail("choose a subcommand");
}

}  // namespace gazette::app
