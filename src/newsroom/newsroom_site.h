// The whole newsroom as the server mounts it: the front door and its areas, built from the
// services once at start-up and registered on the router — each area under its own paths,
// behind the door (session, CSRF, headers), the door alone under /newsroom/ for the rest.
#pragma once

#include "auth/accounts.h"
#include "auth/sessions.h"
#include "auth/sign_in.h"
#include "comments/moderation_service.h"
#include "content/clock.h"
#include "http/router.h"
#include "media/media_service.h"
#include "newsroom/account_pages.h"
#include "newsroom/api_token_pages.h"
#include "newsroom/article_pages.h"
#include "newsroom/desk.h"
#include "newsroom/embargo_preview_page.h"
#include "newsroom/label_pages.h"
#include "newsroom/live_composer_pages.h"
#include "newsroom/media_library_pages.h"
#include "newsroom/moderation_pages.h"
#include "newsroom/newsletter_pages.h"
#include "newsroom/newsroom.h"
#include "newsroom/profile_pages.h"
#include "newsroom/settings_pages.h"
#include "newsroom/webhook_pages.h"
#include "publishing/article_service.h"
#include "publishing/profile_service.h"
#include "publishing/settings_service.h"
#include "publishing/term_service.h"
#include "site/page_environment.h"

namespace gazette::newsroom {

/// The services the newsroom's pages call, wired in serve_command.cpp: every read and every
/// write of the newsroom goes through one of these (none of its files includes a store).
struct NewsroomServices {
  publishing::ArticleService& articles;
  publishing::TermService& terms;
  publishing::ProfileService& profiles;
  publishing::SettingsService& settings;
  media::MediaService& media;
  auth::Sessions& sessions;
  auth::SignIn& sign_in;
  auth::Accounts& accounts;
  comments::ModerationService& moderation;
  site::PageEnvironment& pages;
  const content::Clock& clock;
  publishing::PreviewLinkService& preview_links;  // embargo previews
  newsletters::NewsletterService& newsletters;
  publishing::LiveService& live;  // live coverage: the composer, and the « En direct » marks
  auth::ApiTokens& api_tokens;  // « Jetons d'API »
  webhooks::WebhookService& webhooks;  // « Webhooks », admins only
};

class NewsroomSite {
 public:
  explicit NewsroomSite(NewsroomServices services);
  NewsroomSite(const NewsroomSite&) = delete;
  NewsroomSite& operator=(const NewsroomSite&) = delete;

  /// Registers /newsroom/ (the door) and every area's /newsroom/{segment} on `router`. The
  /// router must not outlive this.
  void register_with(http::Router& router);

 private:
  Desk desk_;
  Newsroom door_;
  ArticlePages articles_;
  LabelPages labels_;
  ModerationPages comments_;
  AccountPages accounts_;
  SettingsPages settings_;
  ProfilePages profiles_;
  MediaLibraryPages library_;
  EmbargoPreviewPage embargo_preview_;  // /preview/{token}, outside the door: no session
  NewsletterPages newsletter_;
  LiveComposerPages live_;
  ApiTokenPages api_tokens_;
  WebhookPages webhooks_;
};

}  // namespace gazette::newsroom
