// Form decoding: URL-encoded fields and multipart bodies with files, and bodies that lie.
#include "http/form.h"
#include "http/percent_encoding.h"

#include <gtest/gtest.h>

namespace gazette::http {
namespace {

TEST(Form, DecodesUrlEncodedFieldsKeepingTheFirstValue) {
  auto form = parse_urlencoded("title=%C3%89t%C3%A9+%C3%A0+Paris&empty=&title=second&flag");
  EXPECT_EQ(form.get("title"), "Été à Paris");
  EXPECT_TRUE(form.has("empty"));
  EXPECT_EQ(form.get("empty"), "");
  EXPECT_TRUE(form.has("flag"));
  EXPECT_EQ(form.get("missing"), "");
}

TEST(Form, LeavesBrokenPercentEscapesAsTheyAre) {
  EXPECT_EQ(http::percent_decode("100%+sure%2", true), "100% sure%2");
  EXPECT_EQ(http::percent_decode("a%zz", false), "a%zz");
}

TEST(Form, DecodesMultipartFieldsAndFiles) {
  std::string body =
      "--XyZ\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nUn titre\r\n"
      "--XyZ\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"a b.jpg\"\r\n"
      "Content-Type: image/jpeg\r\n\r\n\xff\xd8\r\n--not-the-boundary\r\n\r\n"
      "--XyZ--\r\n";
  auto parsed = parse_form("multipart/form-data; boundary=XyZ", body);
  ASSERT_TRUE(std::holds_alternative<Form>(parsed)) << std::get<FormError>(parsed).reason;
  const auto& form = std::get<Form>(parsed);
  EXPECT_EQ(form.get("title"), "Un titre");
  ASSERT_TRUE(form.files.contains("photo"));
  EXPECT_EQ(form.files.at("photo").file_name, "a b.jpg");
  EXPECT_EQ(form.files.at("photo").bytes, "\xff\xd8\r\n--not-the-boundary\r\n");
}

TEST(Form, RefusesTruncatedOrUnknownBodies) {
  EXPECT_TRUE(std::holds_alternative<FormError>(
      parse_form("multipart/form-data; boundary=XyZ",
                 "--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nno end")));
  EXPECT_TRUE(std::holds_alternative<FormError>(parse_form("multipart/form-data", "x")));
  EXPECT_TRUE(std::holds_alternative<FormError>(parse_form("application/json", "{}")));
  EXPECT_TRUE(std::holds_alternative<Form>(
      parse_form("application/x-www-form-urlencoded; charset=UTF-8", "a=1")));
}

}  // namespace
}  // namespace gazette::http
