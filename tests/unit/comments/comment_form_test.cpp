// Unit tests for comments/comment_form: every field's checks, all errors at once.
#include "comments/comment_form.h"

#include <gtest/gtest.h>

namespace gazette::comments {
namespace {

CommentForm valid_form() {
  return {.name = "Marie",
          .email = "Marie@Example.FR",
          .website = "",
          .comment = "Bonjour",
          .parent_id = "",
          .form_token = "",
          .honeypot = ""};
}

std::vector<FieldError> errors_of(const CommentForm& form) {
  auto result = check_form(form);
  auto* errors = std::get_if<std::vector<FieldError>>(&result);
  return errors ? *errors : std::vector<FieldError>{};
}

TEST(CheckForm, AcceptsAValidFormAndLowerCasesTheEmail) {
  auto result = check_form(valid_form());
  ASSERT_TRUE(std::holds_alternative<CheckedComment>(result));
  EXPECT_EQ(std::get<CheckedComment>(result).email, "marie@example.fr");
}

TEST(CheckForm, ReportsEveryMissingFieldAtOnce) {
  auto errors = errors_of({});
  ASSERT_EQ(errors.size(), 3u);
  EXPECT_EQ(errors[0].field, "name");
  EXPECT_EQ(errors[1].field, "email");
  EXPECT_EQ(errors[2].field, "comment");
  for (const auto& error : errors) EXPECT_EQ(error.problem, FieldProblem::missing);
}

TEST(CheckForm, RefusesAnAddressThatIsNotOne) {
  auto form = valid_form();
  for (const char* email : {"marie", "@x.fr", "marie@x", "a@b@c.fr", "a b@c.fr"}) {
    form.email = email;
    auto errors = errors_of(form);
    ASSERT_EQ(errors.size(), 1u) << email;
    EXPECT_EQ(errors[0].problem, FieldProblem::invalid_email) << email;
  }
}

TEST(CheckForm, WebsiteMustBeHttpAndGetsHttpsWhenBare) {
  auto form = valid_form();
  form.website = "www.marie.fr";
  EXPECT_EQ(std::get<CheckedComment>(check_form(form)).website, "https://www.marie.fr");
  for (const char* url : {"javascript:alert(1)", "data:text/html,x", "http://", "http://x\"y.fr"}) {
    form.website = url;
    auto errors = errors_of(form);
    ASSERT_EQ(errors.size(), 1u) << url;
    EXPECT_EQ(errors[0].problem, FieldProblem::invalid_url) << url;
  }
}

TEST(CheckForm, RefusesTextOverItsLimitInCharacters) {
  auto form = valid_form();
  form.comment = std::string(kMaxCommentCharacters / 2, 'a');
  for (std::size_t i = 0; i < kMaxCommentCharacters / 2; ++i) form.comment += "é";
  EXPECT_TRUE(std::holds_alternative<CheckedComment>(check_form(form)));  // 5000 characters
  form.comment += "x";
  auto errors = errors_of(form);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].problem, FieldProblem::too_long);
  EXPECT_EQ(errors[0].limit, kMaxCommentCharacters);
}

TEST(CheckForm, RefusesBytesThatAreNotText) {
  auto form = valid_form();
  form.comment = "caf\xC3";
  form.name = "\xFF";
  auto errors = errors_of(form);
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_EQ(errors[0].problem, FieldProblem::not_text);
  EXPECT_EQ(errors[1].problem, FieldProblem::not_text);
}

TEST(CheckForm, ParentMustBeAPositiveNumber) {
  auto form = valid_form();
  form.parent_id = "12";
  EXPECT_EQ(std::get<CheckedComment>(check_form(form)).parent, content::CommentId{12});
  for (const char* parent : {"-1", "0", "1 OR 1=1", "99999999999999999999"}) {
    form.parent_id = parent;
    auto errors = errors_of(form);
    ASSERT_EQ(errors.size(), 1u) << parent;
    EXPECT_EQ(errors[0].problem, FieldProblem::invalid_parent) << parent;
  }
}

}  // namespace
}  // namespace gazette::comments
