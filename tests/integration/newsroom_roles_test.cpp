// The role × action matrix of the newsroom, over HTTP: for each role, each action is either
// done or refused with 403 — and a refused action leaves the database as it was. A
// contributor writes and submits; an author also publishes their own; an editor publishes and
// edits everyone's; an admin also manages accounts, sections and settings.
#include <array>
#include <chrono>
#include <ctime>
#include <functional>

#include "newsroom_client.h"

namespace gazette::testing {
namespace {

// What an action needs: the acting session, the articles made for it, and the fixture.
struct Scene {
  NewsroomSite& site;
  const NewsroomSession& actor;
  std::int64_t own_draft;      // signed by the actor
  std::int64_t own_published;  // signed by the actor, published
  std::int64_t others_draft;   // signed by another author
  std::int64_t others_published;
};

struct Action {
  std::string name;
  // Which roles may do it: contributor, author, editor, admin.
  std::array<bool, 4> allowed;
  // Performs the action; returns the HTTP status.
  std::function<int(Scene&)> run;
  // The database state an unauthorised attempt must not change.
  std::function<std::string(Scene&)> state;
};

class RoleMatrix : public NewsroomSite {
 public:
  // The helpers below are used from the action table.
  using NewsroomSite::count;
  using NewsroomSite::editor_fields;
  using NewsroomSite::get;
  using NewsroomSite::post;
  using NewsroomSite::text_value;

  std::string row_text(std::int64_t id) {
    auto row = article_row(id);
    return row ? row->title + "|" + row->status + "|" + row->author_slug + "|" +
                     std::to_string(row->version)
               : "missing";
  }
  int save(Scene& scene, std::int64_t id, const std::string& action,
           const std::map<std::string, std::string>& changes = {}) {
    // The editor page itself may be refused to this actor: take the fields as an admin would
    // see them, then post them as the actor.
    auto fields = editor_fields(*admin_, id);
    fields["csrf"] = scene.actor.csrf;
    fields["action"] = action;
    for (const auto& [name, value] : changes) fields[name] = value;
    return post("/newsroom/articles/" + std::to_string(id), fields, &scene.actor).status;
  }
  std::optional<NewsroomSession> admin_;
};

std::string tomorrow() {
  auto time = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now() +
                                                   std::chrono::hours(30));
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M", std::gmtime(&time));
  return text;
}

TEST_F(RoleMatrix, EachRoleDoesExactlyWhatItMayAndEveryRefusalChangesNothing) {
  add_user("contributor@test.example", "Carl Contributor", "contributor");
  add_user("author@test.example", "Anna Author", "author");
  add_user("editor@test.example", "Eddie Editor", "editor");
  add_user("writer@test.example", "Walter Writer", "author");
  admin_ = sign_in("admin@test.example");
  std::array<std::pair<std::string, std::string>, 4> roles = {
      std::pair{"contributor", "contributor@test.example"},
      {"author", "author@test.example"},
      {"editor", "editor@test.example"},
      {"admin", "admin@test.example"}};
  const std::array<std::string, 4> slugs = {"carl-contributor", "anna-author", "eddie-editor",
                                            "ada-admin"};
  auto& self = *this;
  auto article_state = [&self](std::int64_t id) { return self.row_text(id); };

  std::vector<Action> actions = {
      {"open own draft",
       {true, true, true, true},
       [&](Scene& s) {
         return get("/newsroom/articles/" + std::to_string(s.own_draft), &s.actor).status;
       },
       [&](Scene& s) { return article_state(s.own_draft); }},
      {"open another's draft",
       {false, false, true, true},
       [&](Scene& s) {
         return get("/newsroom/articles/" + std::to_string(s.others_draft), &s.actor).status;
       },
       [&](Scene& s) { return article_state(s.others_draft); }},
      {"preview another's draft",
       {false, false, true, true},
       [&](Scene& s) {
         return get("/newsroom/articles/" + std::to_string(s.others_draft) + "/preview", &s.actor)
             .status;
       },
       [&](Scene& s) { return article_state(s.others_draft); }},
      {"history of another's draft",
       {false, false, true, true},
       [&](Scene& s) {
         return get("/newsroom/articles/" + std::to_string(s.others_draft) + "/revisions", &s.actor)
             .status;
       },
       [&](Scene& s) { return article_state(s.others_draft); }},
      {"edit own draft",
       {true, true, true, true},
       [&](Scene& s) {
         return save(s, s.own_draft, "save", {{"title", "Own draft, edited"}});
       },
       [&](Scene& s) { return article_state(s.own_draft); }},
      {"submit own draft for review",
       {true, true, true, true},
       [&](Scene& s) { return save(s, s.own_draft, "submit"); },
       [&](Scene& s) { return article_state(s.own_draft); }},
      {"publish own draft",
       {false, true, true, true},
       [&](Scene& s) { return save(s, s.own_draft, "publish"); },
       [&](Scene& s) { return article_state(s.own_draft); }},
      {"schedule own draft",
       {false, true, true, true},
       [&](Scene& s) {
         return save(s, s.own_draft, "schedule", {{"published_at", tomorrow()}});
       },
       [&](Scene& s) { return article_state(s.own_draft); }},
      {"edit own published article",
       {false, true, true, true},
       [&](Scene& s) {
         return save(s, s.own_published, "save", {{"title", "Published, edited"}});
       },
       [&](Scene& s) { return article_state(s.own_published); }},
      {"unpublish own article",
       {false, true, true, true},
       [&](Scene& s) { return save(s, s.own_published, "unpublish"); },
       [&](Scene& s) { return article_state(s.own_published); }},
      {"edit another's draft",
       {false, false, true, true},
       [&](Scene& s) {
         return save(s, s.others_draft, "save", {{"title", "Someone else's, edited"}});
       },
       [&](Scene& s) { return article_state(s.others_draft); }},
      {"publish another's draft",
       {false, false, true, true},
       [&](Scene& s) { return save(s, s.others_draft, "publish"); },
       [&](Scene& s) { return article_state(s.others_draft); }},
      {"unpublish another's article",
       {false, false, true, true},
       [&](Scene& s) { return save(s, s.others_published, "unpublish"); },
       [&](Scene& s) { return article_state(s.others_published); }},
      {"sign own draft with another's name",
       {false, false, true, true},
       [&](Scene& s) {
         return save(s, s.own_draft, "save", {{"author", "walter-writer"}});
       },
       [&](Scene& s) { return article_state(s.own_draft); }},
      {"restore a revision of another's article",
       {false, false, true, true},
       [&](Scene& s) {
         auto revision = text_value("SELECT min(id) FROM article_revisions WHERE article_id = " +
                                    std::to_string(s.others_published));
         auto version = text_value("SELECT version FROM articles WHERE id = " +
                                   std::to_string(s.others_published));
         return post("/newsroom/articles/" + std::to_string(s.others_published) + "/revisions/" +
                         revision + "/restore",
                     {{"csrf", s.actor.csrf}, {"version", version}}, &s.actor)
             .status;
       },
       [&](Scene& s) { return article_state(s.others_published); }},
      {"delete another's article",
       {false, false, true, true},
       [&](Scene& s) {
         return post("/newsroom/articles/" + std::to_string(s.others_draft) + "/delete",
                     {{"csrf", s.actor.csrf}}, &s.actor)
             .status;
       },
       [&](Scene& s) { return article_state(s.others_draft); }},
      {"edit another author's profile",
       {false, false, true, true},
       [&](Scene& s) {
         return post("/newsroom/authors/walter-writer",
                     {{"csrf", s.actor.csrf}, {"name", "Renamed"}, {"bio", "Bio"}}, &s.actor)
             .status;
       },
       [&](Scene&) {
         return text_value("SELECT name || bio FROM authors WHERE slug = 'walter-writer'");
       }},
      {"edit own profile",
       {true, true, true, true},
       [&](Scene& s) {
         auto location = get("/newsroom/profile", &s.actor).header("location");
         return post(location, {{"csrf", s.actor.csrf}, {"name", "Même nom"}, {"bio", "Ma bio"}},
                     &s.actor)
             .status;
       },
       [&](Scene&) { return std::string(); }},
      {"see the accounts",
       {false, false, false, true},
       [&](Scene& s) { return get("/newsroom/users/", &s.actor).status; },
       [&](Scene&) { return std::to_string(count("SELECT count(*) FROM users")); }},
      {"add an account",
       {false, false, false, true},
       [&](Scene& s) {
         static int serial = 0;
         return post("/newsroom/users/",
                     {{"csrf", s.actor.csrf},
                      {"email", "new" + std::to_string(++serial) + "@test.example"},
                      {"name", "Nouveau " + std::to_string(serial)},
                      {"role", "admin"},
                      {"password", ""}},
                     &s.actor)
             .status;
       },
       [&](Scene&) { return std::to_string(count("SELECT count(*) FROM users")); }},
      {"change a role",
       {false, false, false, true},
       [&](Scene& s) {
         auto id = text_value("SELECT id FROM users WHERE email = 'writer@test.example'");
         auto role = text_value("SELECT role FROM users WHERE email = 'writer@test.example'");
         return post("/newsroom/users/" + id + "/role",
                     {{"csrf", s.actor.csrf}, {"role", role == "admin" ? "author" : "admin"}},
                     &s.actor)
             .status;
       },
       [&](Scene&) {
         return text_value("SELECT role FROM users WHERE email = 'writer@test.example'");
       }},
      {"add a section",
       {false, false, false, true},
       [&](Scene& s) {
         static int serial = 0;
         return post("/newsroom/sections/",
                     {{"csrf", s.actor.csrf},
                      {"create", "1"},
                      {"name", "Rubrique " + std::to_string(++serial)},
                      {"description", ""}},
                     &s.actor)
             .status;
       },
       [&](Scene&) { return std::to_string(count("SELECT count(*) FROM sections")); }},
      {"change the site settings",
       {false, false, false, true},
       [&](Scene& s) {
         static int serial = 0;
         return post("/newsroom/settings",
                     {{"csrf", s.actor.csrf},
                      {"title", "Titre " + std::to_string(++serial)},
                      {"description", "D"},
                      {"language", "fr"},
                      {"time_zone", "Europe/Paris"}},
                     &s.actor)
             .status;
       },
       [&](Scene&) { return text_value("SELECT group_concat(value) FROM settings"); }},
  };

  for (std::size_t role = 0; role < roles.size(); ++role) {
    auto actor = sign_in(roles[role].second);
    for (const auto& action : actions) {
      SCOPED_TRACE(roles[role].first + ": " + action.name);
      // Fresh articles for each attempt, made by the admin with the right bylines (and titles
      // of their own: a title gives an article its URL).
      static int serial = 0;
      auto n = " " + std::to_string(++serial);
      Scene scene{
          *this,
          actor,
          create_article(*admin_, "Own draft" + n, "save", slugs[role]),
          create_article(*admin_, "Own published" + n, "publish", slugs[role]),
          create_article(*admin_, "Someone else's draft" + n, "save", "walter-writer"),
          create_article(*admin_, "Someone else's published" + n, "publish", "walter-writer")};
      auto before = action.state(scene);
      int status = action.run(scene);
      if (action.allowed[role]) {
        EXPECT_TRUE(status == 200 || status == 303) << "status " << status;
      } else {
        EXPECT_EQ(status, 403);
        EXPECT_EQ(action.state(scene), before) << "a refused action changed the database";
      }
    }
  }
}

}  // namespace
}  // namespace gazette::testing
