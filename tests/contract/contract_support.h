// What every contract suite shares: the fixture holding one backend, a committed write in one
// line, and the articles, people and images the suites write (French accents and emoji
// included, since a newsroom writes both).
#pragma once

#include <gtest/gtest.h>

#include <chrono>
#include <memory>
#include <string>
#include <type_traits>
#include <utility>

#include "backend.h"

namespace gazette::contract {

/// A moment well in the past of any clock running the tests: articles published then are
/// visible, whatever a backend's "now" is.
inline const content::Timestamp kNow{std::chrono::seconds(1'733'650'000)};        // 8 Dec 2024
inline const content::Timestamp kFarFuture{std::chrono::seconds(4'102'444'800)};  // 2100
inline constexpr std::chrono::seconds kMinute{60};

/// Text every backend must keep byte for byte: accents, typographic quotes, emoji.
inline const std::string kFrenchTitle = "Noël à Besançon : l’été « déjà » là 🎄🇫🇷";

/// The fixture of every contract suite: `BackendType` is a backend (backend.h) whose default
/// constructor makes a fresh, empty database.
template <class BackendType>
class ContractTest : public ::testing::Test {
 protected:
  Backend& backend() { return backend_; }

  /// Runs `body` in one write and commits it; returns what `body` returns.
  template <class Body>
  auto committed(Body&& body) {
    return committed_in(backend_, std::forward<Body>(body));
  }

  template <class Body>
  static auto committed_in(Backend& backend, Body&& body) {
    auto write = backend.database().begin_write();
    if constexpr (std::is_void_v<decltype(body(*write))>) {
      body(*write);
      write->commit();
    } else {
      auto result = body(*write);
      write->commit();
      return result;
    }
  }

 private:
  BackendType backend_;
};

inline const content::Term kSection{"monde", "Monde"};
inline const content::Term kAuthor{"sara-dupont", "Sara Dupont"};

/// A published article of `kSection` by `kAuthor`, published and last saved at `when`.
inline content::ArticleDraft article_draft(const std::string& slug, const std::string& title,
                                           content::Timestamp when = kNow) {
  content::ArticleDraft draft;
  draft.slug = slug;
  draft.title = title;
  draft.lead = "Chapeau de " + title;
  draft.body_markdown = "Corps de " + title;
  draft.body_html = "<p>Corps de " + title + "</p>";
  draft.published_at = when;
  draft.updated_at = when;
  draft.section = kSection;
  draft.author = kAuthor;
  return draft;
}

/// An image to store: bytes with a NUL and high bytes (binary, not text), a made-up digest.
inline content::NewMedia image(const std::string& name, const std::string& sha256, int width,
                               const std::string& fill = "pixels") {
  return {.name = name,
          .sha256 = sha256,
          .mime_type = "image/jpeg",
          .width = width,
          .height = width / 2,
          .bytes = std::string("\xff\xd8\xff\xe0", 4) + std::string(1, '\0') + fill +
                   std::string("\x00\x80\xfe", 3)};
}

}  // namespace gazette::contract
