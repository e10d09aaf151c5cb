// Which embedded addresses become a player a reader may load with a click, and which stay links.
#include "render/embed_player.h"

#include <gtest/gtest.h>

#include "render/markdown.h"

namespace gazette::render {
namespace {

std::string src_of(std::string_view url) {
  auto player = embed_player(url);
  return player ? player->src : "";
}

TEST(EmbedPlayer, EachProvidersAddressFormsGiveItsPlayer) {
  const char* youtube = "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ";
  EXPECT_EQ(src_of("https://www.youtube.com/watch?v=dQw4w9WgXcQ"), youtube);
  EXPECT_EQ(src_of("https://www.youtube.com/watch?feature=share&v=dQw4w9WgXcQ#t=10"), youtube);
  EXPECT_EQ(src_of("https://youtu.be/dQw4w9WgXcQ?si=abc"), youtube);
  EXPECT_EQ(src_of("https://m.youtube.com/shorts/dQw4w9WgXcQ"), youtube);
  EXPECT_EQ(embed_player("https://youtu.be/dQw4w9WgXcQ")->provider, "YouTube");
  EXPECT_EQ(src_of("https://vimeo.com/76979871"), "https://player.vimeo.com/video/76979871?dnt=1");
  EXPECT_EQ(src_of("https://www.dailymotion.com/video/x8abc12"),
            "https://www.dailymotion.com/embed/video/x8abc12");
  EXPECT_EQ(src_of("https://dai.ly/x8abc12"), "https://www.dailymotion.com/embed/video/x8abc12");
}

TEST(EmbedPlayer, AnythingElseStaysALink) {
  for (const char* url :
       {"https://x.com/lemondefr/status/1", "https://www.youtube.com/", "https://www.youtube.com/watch",
        "https://www.youtube.com/watch?v=", "https://www.youtube.com/watch?v=a\"onload=\"x",
        "https://www.youtube.com/watch?v=%22%3E", "https://vimeo.com/channels/staff",
        "https://evil.example/youtube.com/watch?v=dQw4w9WgXcQ", "https://youtube.com.evil.example/watch?v=x",
        "javascript:alert(1)", "ftp://vimeo.com/1"})
    EXPECT_FALSE(embed_player(url)) << url;
}

TEST(EmbedPlayer, TheArticleBodyCarriesThePlayerOnlyForAKnownVideo) {
  auto video = markdown_to_html("[La conférence](https://youtu.be/dQw4w9WgXcQ \"embed\")\n");
  EXPECT_NE(video.find(R"(<figure class="article-embed" data-embed-src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ" data-embed-provider="YouTube"><a class="article-embed-link" href="https://youtu.be/dQw4w9WgXcQ")"),
            std::string::npos)
      << video;
  EXPECT_EQ(video.find("<iframe"), std::string::npos);
  auto post = markdown_to_html("[Le message](https://x.com/lemondefr/status/1 \"embed\")\n");
  EXPECT_NE(post.find(R"(<figure class="article-embed"><a class="article-embed-link")"),
            std::string::npos)
      << post;
}

}  // namespace
}  // namespace gazette::render
