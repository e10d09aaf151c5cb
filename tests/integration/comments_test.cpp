// Comments over HTTP on the real binary: posting, holding, approving (with `gazette comments`),
// replies, spam, each spam defence (each test fails without its defence), closed comments,
// erasure by e-mail, and hostile input that must never come back as markup.
#include <sodium.h>
#include <sqlite3.h>

#include <regex>

#include "posted_comment.h"
#include "published_site.h"

namespace gazette::testing {
namespace {

const std::string kCommentsPath = std::string(kReferencePath) + "comments";

class Comments : public PublishedSite {
 protected:
  void SetUp() override {
    PublishedSite::SetUp();
    // A test posts as soon as it has a form; the "too fast" test sets its own minimum.
    settings({"--min-fill-seconds", "0"});
  }

  CommandResult comments(std::vector<std::string> args) {
    args.insert(args.begin(), "comments");
    args.push_back("--db");
    args.push_back(db());
    return run_gazette(args);
  }

  void settings(std::vector<std::string> args) {
    args.insert(args.begin(), "settings");
    auto result = comments(args);
    ASSERT_EQ(result.exit_code, 0) << result.err;
  }

  void approve(std::int64_t id) {
    auto result = comments({"approve", std::to_string(id)});
    ASSERT_EQ(result.exit_code, 0) << result.err;
  }

  std::string token() { return get("/comments/form-token").body; }

  /// The form a reader fills in; a fresh timestamp is added unless the test set one.
  std::map<std::string, std::string> form(const std::string& text = "Bonjour à tous",
                                          const std::string& email = "marie@example.fr") {
    return {{"name", "Marie"}, {"email", email},  {"website", ""},
            {"comment", text}, {"parent_id", ""}, {"homepage", ""}};
  }

  HttpResponse post(std::map<std::string, std::string> fields, const std::string& path = "") {
    if (!fields.contains("form_token")) fields["form_token"] = token();
    return http_request(
        server().host(), server().port(), "POST", path.empty() ? kCommentsPath : path,
        {{"Content-Type", "application/x-www-form-urlencoded"}}, form_encode(fields));
  }

  /// The comment id in a 303's Location (/comments/ID/received?key=… or …#comment-ID).
  static std::int64_t posted_id(const HttpResponse& response) {
    return posted_comment_id(response);
  }

  std::int64_t post_ok(std::map<std::string, std::string> fields) {
    auto response = post(std::move(fields));
    EXPECT_EQ(response.status, 303) << response.body;
    return posted_id(response);
  }

  /// The text of the comment thread on the article page ("" when it shows none).
  std::string thread_text() {
    HtmlDocument page(get(kReferencePath).body);
    auto sections = page.find_all("section", "comment-thread");
    return sections.empty() ? "" : sections[0].text();
  }

  /// The message above a refused form, and the comment text still in it.
  struct RefusedForm {
    std::string error;
    std::string text;
    std::string token;
  };
  static RefusedForm refused_form(const HttpResponse& response) {
    HtmlDocument page(response.body);
    RefusedForm form;
    for (const auto& p : page.find_all("p", "form-error")) form.error = p.text();
    for (const auto& area : page.find_all("textarea"))
      if (area.attribute("name") == "comment") form.text = area.text();
    for (const auto& input : page.find_all("input"))
      if (input.attribute("name") == "form_token") form.token = input.attribute("value");
    return form;
  }

  std::string list(const std::string& status) {
    auto result = comments({"list", "--status", status});
    EXPECT_EQ(result.exit_code, 0) << result.err;
    return result.out;
  }
};

TEST_F(Comments, APostedCommentIsHeldAndOnlyItsWriterSeesIt) {
  auto response = post(form("Premier commentaire"));
  ASSERT_EQ(response.status, 303);
  auto receipt = response.header("location");
  ASSERT_TRUE(receipt.starts_with("/comments/")) << receipt;
  EXPECT_EQ(thread_text(), "");  // the article page (cached for everyone) does not show it

  auto page = get(receipt);
  ASSERT_EQ(page.status, 200);
  EXPECT_EQ(page.header("cache-control"), "private, no-store");
  HtmlDocument document(page.body);
  EXPECT_EQ(document.find("p", "comment-awaiting").text(),
            "Votre commentaire est en attente de modération.");
  EXPECT_EQ(document.find("div", "comment-body").text(), "Premier commentaire");

  // Without its key, or with another comment's, the receipt is nobody's business.
  auto id = posted_id(response);
  EXPECT_EQ(get("/comments/" + std::to_string(id) + "/received?key=00").status, 404);
  EXPECT_EQ(
      get("/comments/" + std::to_string(id + 1) + receipt.substr(receipt.find("/received"))).status,
      404);
}

TEST_F(Comments, AnApprovedCommentShowsOnTheNextRequestWithItsAvatar) {
  auto id = post_ok(form("Un commentaire approuvé"));
  // The page is in the cache before the approval (another process: `gazette comments`).
  get(kReferencePath);
  ASSERT_EQ(get(kReferencePath).header("x-cache"), "hit");
  approve(id);
  HtmlDocument page(get(kReferencePath).body);
  auto thread = page.find("section", "comment-thread");
  EXPECT_EQ(thread.find_all("h2").at(0).text(), "1 commentaire");
  auto comment = thread.find_all("article", "comment").at(0);
  EXPECT_EQ(comment.attribute("id"), "comment-" + std::to_string(id));
  EXPECT_EQ(comment.find_all("p", "comment-author").at(0).text(), "Marie");
  EXPECT_EQ(comment.find_all("div", "comment-body").at(0).text(), "Un commentaire approuvé");
  // The date in the site's language, e.g. « 8 décembre 2024 ».
  auto date = comment.find_all("time").at(0).text();
  EXPECT_TRUE(std::regex_match(date, std::regex(R"(\d{1,2} \S+ \d{4})"))) << date;
  // The avatar is ours, drawn from a key that does not reveal the address.
  auto avatar = comment.find_all("img", "avatar").at(0).attribute("src");
  EXPECT_TRUE(std::regex_match(avatar, std::regex(R"(/comments/avatar/[0-9a-f]{16}\.svg)")))
      << avatar;
  auto svg = get(avatar);
  EXPECT_EQ(svg.status, 200);
  EXPECT_EQ(svg.header("content-type"), "image/svg+xml");
  EXPECT_TRUE(svg.body.starts_with("<svg"));
  // The e-mail is never shown.
  EXPECT_EQ(get(kReferencePath).body.find("marie@example.fr"), std::string::npos);
}

// One form parser for the whole site (http/form.h): a field sent twice keeps its first value,
// in the comment form as in the newsroom — a value appended to the body overrides nothing.
TEST_F(Comments, AFieldSentTwiceKeepsItsFirstValueAsInTheNewsroom) {
  auto fields = form("Le texte du formulaire");
  fields["form_token"] = token();
  auto response = http_request(server().host(), server().port(), "POST", kCommentsPath,
                               {{"Content-Type", "application/x-www-form-urlencoded"}},
                               form_encode(fields) + "&comment=Ajout%C3%A9+apr%C3%A8s");
  ASSERT_EQ(response.status, 303) << response.body;
  approve(posted_id(response));
  auto thread = thread_text();
  EXPECT_NE(thread.find("Le texte du formulaire"), std::string::npos) << thread;
  EXPECT_EQ(thread.find("Ajouté après"), std::string::npos) << thread;
}

TEST_F(Comments, AKnownCommenterIsPublishedAtOnce) {
  approve(post_ok(form("Premier")));
  auto response = post(form("Deuxième, publié tout de suite"));
  ASSERT_EQ(response.status, 303);
  EXPECT_TRUE(response.header("location").starts_with(std::string(kReferencePath) + "#comment-"));
  EXPECT_NE(thread_text().find("Deuxième, publié tout de suite"), std::string::npos);
}

TEST_F(Comments, HoldAllHoldsKnownCommentersAndPublishPublishesEveryone) {
  approve(post_ok(form("Premier")));
  settings({"--moderation", "hold-all"});
  EXPECT_TRUE(post(form("Retenu")).header("location").starts_with("/comments/"));
  settings({"--moderation", "publish"});
  EXPECT_EQ(post(form("Publié", "nouveau@example.fr")).status, 303);
  auto thread = thread_text();
  EXPECT_EQ(thread.find("Retenu"), std::string::npos);
  EXPECT_NE(thread.find("Publié"), std::string::npos);
}

TEST_F(Comments, AReplyIsThreadedUnderItsParent) {
  auto parent = post_ok(form("La question"));
  approve(parent);
  HtmlDocument article(get(kReferencePath).body);
  auto reply_link = article.find("p", "comment-reply").find_all("a").at(0).attribute("href");
  EXPECT_EQ(reply_link, "/comments/" + std::to_string(parent) + "/reply");

  // The reply page works without JavaScript: the form there has the parent and a timestamp.
  auto reply_page = get(reply_link);
  ASSERT_EQ(reply_page.status, 200);
  EXPECT_EQ(reply_page.header("cache-control"), "private, no-store");
  HtmlDocument page(reply_page.body);
  std::map<std::string, std::string> hidden;
  for (const auto& input : page.find_all("input"))
    hidden[input.attribute("name")] = input.attribute("value");
  EXPECT_EQ(hidden["parent_id"], std::to_string(parent));
  EXPECT_FALSE(hidden["form_token"].empty());

  auto fields = form("La réponse", "paul@example.fr");
  fields["parent_id"] = hidden["parent_id"];
  fields["form_token"] = hidden["form_token"];
  approve(post_ok(fields));
  HtmlDocument threaded(get(kReferencePath).body);
  auto replies = threaded.find("ol", "comment-replies");
  EXPECT_EQ(replies.find_all("div", "comment-body").at(0).text(), "La réponse");
  EXPECT_EQ(threaded.find("section", "comment-thread").find_all("h2").at(0).text(),
            "2 commentaires");
}

TEST_F(Comments, AStaffReplyFromTheCommandLineShowsWithItsBadge) {
  auto parent = post_ok(form("Une question"));
  auto result = comments({"reply", std::to_string(parent), "--name", "La rédaction", "--email",
                          "redaction@example.fr", "--text", "Merci, c'est corrigé."});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  HtmlDocument page(get(kReferencePath).body);
  EXPECT_EQ(page.find("span", "comment-badge").text(), "Rédaction");
  EXPECT_NE(thread_text().find("Une question"), std::string::npos);  // approved with the reply
}

TEST_F(Comments, TheHoneypotSendsACommentToSpamAndSaysWhy) {
  auto fields = form("Achetez maintenant");
  fields["homepage"] = "http://spam.example";
  auto response = post(fields);
  // The script is not told: it sees what a held comment's writer sees.
  ASSERT_EQ(response.status, 303);
  EXPECT_TRUE(response.header("location").starts_with("/comments/"));
  auto spam = list("spam");
  EXPECT_NE(spam.find("Achetez maintenant"), std::string::npos) << spam;
  EXPECT_NE(spam.find("spam: the hidden field only scripts see was filled in"), std::string::npos);
  EXPECT_EQ(list("pending").find("Achetez"), std::string::npos);
}

TEST_F(Comments, AFormWithoutATimestampIsShownAgainToConfirm) {
  auto fields = form("Sans JavaScript");
  fields["form_token"] = "";
  auto response = post(fields);
  EXPECT_EQ(response.status, 422);
  EXPECT_EQ(response.header("cache-control"), "private, no-store");
  auto refused = refused_form(response);
  EXPECT_EQ(refused.error, "Merci de vérifier votre commentaire, puis de l’envoyer à nouveau.");
  EXPECT_EQ(refused.text, "Sans JavaScript");
  EXPECT_EQ(list("pending").find("Sans JavaScript"), std::string::npos);
  // Sent again with the timestamp the page carries, it goes through.
  fields["form_token"] = refused.token;
  EXPECT_EQ(post(fields).status, 303);
}

TEST_F(Comments, AForgedTimestampIsRefused) {
  auto fields = form("Falsifié");
  auto real = token();
  fields["form_token"] = "1000000000" + real.substr(real.find('.'));
  auto response = post(fields);
  EXPECT_EQ(response.status, 422);
  EXPECT_EQ(refused_form(response).text, "Falsifié");
  EXPECT_EQ(list("pending").find("Falsifié"), std::string::npos);
}

TEST_F(Comments, AFormSentFasterThanAPersonWritesIsRefused) {
  settings({"--min-fill-seconds", "3600"});
  auto response = post(form("Trop rapide"));
  EXPECT_EQ(response.status, 422);
  auto refused = refused_form(response);
  EXPECT_EQ(refused.error,
            "Votre commentaire est arrivé plus vite qu’on ne peut l’écrire. Vérifiez-le, puis "
            "envoyez-le à nouveau.");
  EXPECT_EQ(refused.text, "Trop rapide");
}

TEST_F(Comments, AFormHandedOutTooLongAgoIsRefused) {
  // A timestamp the site signed two days ago (its key is in the database).
  std::string secret_hex;
  {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(this->db().c_str(), &db), SQLITE_OK);
    token();  // the server creates the key on start
    sqlite3_stmt* statement = nullptr;
    sqlite3_prepare_v2(db, "SELECT value FROM comment_settings WHERE key = 'secret'", -1,
                       &statement, nullptr);
    if (sqlite3_step(statement) == SQLITE_ROW)
      secret_hex = reinterpret_cast<const char*>(sqlite3_column_text(statement, 0));
    sqlite3_finalize(statement);
    sqlite3_close(db);
  }
  ASSERT_EQ(secret_hex.size(), 64u);
  unsigned char key[32];
  sodium_hex2bin(key, sizeof key, secret_hex.c_str(), secret_hex.size(), nullptr, nullptr, nullptr);
  // "UNIXTIME.NONCE", signed: the nonce any 24 hex digits.
  auto issued = std::to_string(std::time(nullptr) - 2 * 24 * 3600) + ".0123456789abcdef01234567";
  std::string message = std::string("comment-form") + '\0' + issued;
  unsigned char mac[crypto_auth_hmacsha256_BYTES];
  crypto_auth_hmacsha256_state state;
  crypto_auth_hmacsha256_init(&state, key, sizeof key);
  crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>(message.data()),
                                message.size());
  crypto_auth_hmacsha256_final(&state, mac);
  char hex[33];
  sodium_bin2hex(hex, sizeof hex, mac, 16);

  auto fields = form("Formulaire ancien");
  fields["form_token"] = issued + "." + hex;
  auto response = post(fields);
  EXPECT_EQ(response.status, 422);
  EXPECT_EQ(refused_form(response).error,
            "Ce formulaire a expiré. Votre texte est conservé ci-dessous : envoyez-le à nouveau.");
  // The same key with a fresh timestamp passes: only the age was wrong.
  fields["form_token"] = token();
  EXPECT_EQ(post(fields).status, 303);
}

// One token posted about 200 comments before: a form is now good for one comment, in this
// process or another on the same database; the second use is refused like a stale form, with
// the text kept and nothing stored.
TEST_F(Comments, AFormTokenSendsOneCommentOnly) {
  auto once = token();
  auto first = form("Premier commentaire");
  first["form_token"] = once;
  ASSERT_EQ(post(first).status, 303);
  auto stored = [this] { return list("pending") + list("approved") + list("spam"); };
  auto before = stored();

  auto second = form("Deuxième commentaire, même formulaire");
  second["form_token"] = once;
  auto response = post(second);
  EXPECT_EQ(response.status, 422);
  auto refused = refused_form(response);
  EXPECT_EQ(refused.error,
            "Ce formulaire a déjà servi à envoyer un commentaire : chaque formulaire n’en envoie "
            "qu’un. Votre texte est conservé ci-dessous : envoyez-le à nouveau.");
  EXPECT_EQ(refused.text, "Deuxième commentaire, même formulaire");
  EXPECT_EQ(stored(), before);

  // Another server on the same database knows it too; the fresh token of the refused form works.
  ServerProcess other(db());
  auto at_other =
      http_request(other.host(), other.port(), "POST", kCommentsPath,
                   {{"Content-Type", "application/x-www-form-urlencoded"}}, form_encode(second));
  EXPECT_EQ(at_other.status, 422);
  EXPECT_EQ(stored(), before);
  ASSERT_FALSE(refused.token.empty());
  EXPECT_NE(refused.token, once);
  second["form_token"] = refused.token;
  EXPECT_EQ(post(second).status, 303);
}

// Tokens handed out in the same second differ: two readers who opened the page together both
// post.
TEST_F(Comments, TwoFormsHandedOutTogetherBothPost) {
  auto first = token();
  auto second = token();
  EXPECT_NE(first, second);
  auto a = form("Lecteur un", "un@example.fr");
  a["form_token"] = first;
  auto b = form("Lecteur deux", "deux@example.fr");
  b["form_token"] = second;
  EXPECT_EQ(post(a).status, 303);
  EXPECT_EQ(post(b).status, 303);
}

TEST_F(Comments, TooManyLinksAreRefused) {
  auto response = post(form("Voir http://a.example.fr http://b.example.fr http://c.example.fr"));
  EXPECT_EQ(response.status, 422);
  EXPECT_EQ(refused_form(response).error,
            "Votre commentaire contient trop de liens (au plus 2). Retirez-en, puis "
            "envoyez-le à nouveau.");
  EXPECT_EQ(post(form("Voir http://a.example.fr et http://b.example.fr")).status, 303);
}

TEST_F(Comments, BlockedWordsAndAddressesGoToSpamWithTheReason) {
  settings({"--block-word", "casino", "--block-address", "@bad.example"});
  EXPECT_EQ(post(form("Le meilleur CASINO en ligne")).status, 303);
  EXPECT_EQ(post(form("Bonjour", "robot@bad.example")).status, 303);
  auto spam = list("spam");
  EXPECT_NE(spam.find("spam: blocked word: casino"), std::string::npos) << spam;
  EXPECT_NE(spam.find("spam: blocked address: @bad.example"), std::string::npos) << spam;
}

TEST_F(Comments, TheClientAddressCanBeBlocked) {
  settings({"--block-address", "127.0.0."});
  EXPECT_EQ(post(form("Depuis une adresse bloquée")).status, 303);
  EXPECT_NE(list("spam").find("spam: blocked address: 127.0.0."), std::string::npos);
}

TEST_F(Comments, OneAddressMayOnlyPostSoOften) {
  settings({"--max-per-hour", "2"});
  EXPECT_EQ(post(form("Un")).status, 303);
  EXPECT_EQ(post(form("Deux")).status, 303);
  auto response = post(form("Trois"));
  EXPECT_EQ(response.status, 429);
  EXPECT_EQ(response.header("retry-after"), "3600");
  EXPECT_EQ(refused_form(response).text, "Trois");
}

TEST_F(Comments, TheSameCommentTwiceIsRefused) {
  EXPECT_EQ(post(form("Deux fois")).status, 303);
  auto response = post(form("Deux fois"));
  EXPECT_EQ(response.status, 409);
  EXPECT_EQ(refused_form(response).error, "Ce commentaire a déjà été envoyé sur cet article.");
}

TEST_F(Comments, ClosedCommentsAreRefusedWithTheTextKept) {
  ASSERT_EQ(comments({"close", kReferencePath}).exit_code, 0);
  HtmlDocument page(get(kReferencePath).body);
  auto section = page.find("section", "comments");
  EXPECT_TRUE(section.find_all("form").empty());
  EXPECT_EQ(section.find_all("p", "empty").at(0).text(), "Les commentaires sont fermés.");
  auto response = post(form("Trop tard"));
  EXPECT_EQ(response.status, 403);
  EXPECT_EQ(refused_form(response).text, "Trop tard");
  ASSERT_EQ(comments({"open", kReferencePath}).exit_code, 0);
  EXPECT_EQ(post(form("Rouvert")).status, 303);
}

TEST_F(Comments, CommentsCloseByThemselvesAfterTheSetNumberOfDays) {
  settings({"--close-after-days", "1"});  // the reference article is from December 2024
  EXPECT_EQ(post(form("Bien après")).status, 403);
  HtmlDocument page(get(kReferencePath).body);
  EXPECT_TRUE(page.find("section", "comments").find_all("form").empty());
}

TEST_F(Comments, ErasingAnAddressRemovesEverythingItWrote) {
  auto a = post_ok(form("De Marie, un"));
  approve(a);
  post_ok(form("De Marie, deux"));
  auto b = post_ok(form("De Paul", "paul@example.fr"));
  approve(b);
  auto result = comments({"erase-email", "Marie@Example.fr"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.out, "erased 2 comments\n");
  auto thread = thread_text();
  EXPECT_EQ(thread.find("De Marie"), std::string::npos);
  EXPECT_NE(thread.find("De Paul"), std::string::npos);
  auto all = comments({"list", "--email", "marie@example.fr"});
  EXPECT_EQ(all.out, "0 of 0\n");
}

TEST_F(Comments, FieldErrorsAreShownBesideTheirFieldsWithEverythingKept) {
  auto fields = form("Mon texte");
  fields["name"] = "";
  fields["email"] = "pas-une-adresse";
  fields["website"] = "javascript:alert(1)";
  auto response = post(fields);
  EXPECT_EQ(response.status, 422);
  HtmlDocument page(response.body);
  std::map<std::string, std::string> errors;
  for (const auto& span : page.find_all("span", "field-error"))
    errors[span.attribute("id")] = span.text();
  EXPECT_EQ(errors["comment-name-error"], "Ce champ est obligatoire.");
  EXPECT_EQ(errors["comment-email-error"], "Adresse e-mail non valable.");
  EXPECT_EQ(errors["comment-website-error"],
            "Adresse web non valable : elle doit commencer par http:// ou https://.");
  std::map<std::string, std::string> values;
  for (const auto& input : page.find_all("input"))
    values[input.attribute("name")] = input.attribute("value");
  EXPECT_EQ(values["email"], "pas-une-adresse");
  EXPECT_EQ(values["website"], "javascript:alert(1)");  // kept as text, in an attribute value
  EXPECT_EQ(refused_form(response).text, "Mon texte");
  EXPECT_EQ(comments({"list"}).out, "0 of 0\n");
}

TEST_F(Comments, HostileInputNeverComesBackAsMarkup) {
  settings({"--moderation", "publish", "--max-links", "5"});
  const std::string hostile =
      "<script>alert('x')</script>\n"
      "<img src=x onerror=alert(1)>\n"
      "<a href=\"javascript:alert(2)\">clic</a> javascript:alert(3)\n"
      "http://ok.example.fr/\"onmouseover=\"alert(4)";
  auto fields = form(hostile);
  fields["name"] = "<b onmouseover=alert(5)>Mallory</b>";
  ASSERT_EQ(post(fields).status, 303);
  HtmlDocument page(get(kReferencePath).body);
  auto thread = page.find("section", "comment-thread");
  // The only markup inside the thread is ours.
  for (const auto& element : thread.find_all("")) {
    auto tag = element.tag();
    EXPECT_TRUE(tag == "section" || tag == "h2" || tag == "ol" || tag == "li" || tag == "article" ||
                tag == "header" || tag == "img" || tag == "p" || tag == "a" || tag == "time" ||
                tag == "div" || tag == "br" || tag == "span")
        << tag;
    const auto* attributes = &element.node()->v.element.attributes;
    for (unsigned i = 0; i < attributes->length; ++i) {
      auto* attribute = static_cast<GumboAttribute*>(attributes->data[i]);
      EXPECT_FALSE(std::string(attribute->name).starts_with("on")) << attribute->name;
    }
    if (tag == "a") {
      EXPECT_FALSE(element.attribute("href").starts_with("javascript:"))
          << element.attribute("href");
    }
    if (tag == "img") EXPECT_TRUE(element.attribute("src").starts_with("/comments/avatar/"));
  }
  auto body = thread.find_all("div", "comment-body").at(0).text();
  EXPECT_NE(body.find("<script>alert('x')</script>"), std::string::npos) << body;  // as text
  EXPECT_EQ(thread.find_all("p", "comment-author").at(0).text(),
            "<b onmouseover=alert(5)>Mallory</b>");
  // The one address is a link that search engines do not follow; its quote stayed outside.
  auto links = thread.find_all("div", "comment-body").at(0).find_all("a");
  ASSERT_EQ(links.size(), 1u);
  EXPECT_EQ(links[0].attribute("href"), "http://ok.example.fr/");
  EXPECT_EQ(links[0].attribute("rel"), "nofollow ugc noopener");
}

TEST_F(Comments, BrokenUtf8IsRefusedAndShownBackAsText) {
  auto fields = form("caf\xC3 au lait \xFF");
  auto response = post(fields);
  EXPECT_EQ(response.status, 422);
  HtmlDocument page(response.body);
  EXPECT_EQ(page.find("span", "field-error").text(),
            "Ce texte contient des octets qui ne sont pas du texte (UTF-8 invalide).");
  EXPECT_EQ(refused_form(response).text, "caf\uFFFD au lait \uFFFD");
  EXPECT_FALSE(response.body.find('\xFF') != std::string::npos);
}

TEST_F(Comments, AMegabyteCommentGetsAFormErrorNotA413) {
  auto response = post(form(std::string(1000 * 1000, 'a')));
  EXPECT_EQ(response.status, 422);
  HtmlDocument page(response.body);
  EXPECT_EQ(page.find("span", "field-error").text(), "Trop long : au plus 5000 caractères.");
  EXPECT_EQ(refused_form(response).text.size(), 1000u * 1000u);  // nothing lost
  EXPECT_EQ(comments({"list"}).out, "0 of 0\n");
}

TEST_F(Comments, OnlyFormsAndOnlyArticlesTakeComments) {
  auto json = http_request(server().host(), server().port(), "POST", kCommentsPath,
                           {{"Content-Type", "application/json"}}, "{\"comment\":\"x\"}");
  EXPECT_EQ(json.status, 415);
  EXPECT_EQ(post(form(), "/actualite/pas-d-article/comments").status, 404);
  EXPECT_EQ(get("/comments/1/reply").status, 404);
  EXPECT_EQ(get("/comments/avatar/../../gazette.db").status, 404);
  EXPECT_EQ(http_request(server().host(), server().port(), "POST", "/comments/form-token").status,
            405);
}

}  // namespace
}  // namespace gazette::testing
