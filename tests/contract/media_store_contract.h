// The contract of store::MediaStore: an image is kept once (by its digest) with its variants,
// found by name, its bytes served exactly as stored; a rolled-back save keeps nothing.
#pragma once

#include "contract_support.h"

namespace gazette::contract {

template <class BackendType>
class MediaStoreContract : public ContractTest<BackendType> {
 protected:
  content::MediaRef save(const content::NewMedia& original,
                         const std::vector<content::NewMedia>& variants) {
    return this->committed([&](store::WriteTransaction& write) {
      return this->backend().media().save_image(write, original, variants, kNow);
    });
  }
};
TYPED_TEST_SUITE_P(MediaStoreContract);

TYPED_TEST_P(MediaStoreContract, ASavedImageComesBackWithItsVariantsNarrowestFirst) {
  auto ref = this->save(
      image("f00d-ete.jpg", "f00d", 1200),
      {image("f00d-ete-800.jpg", "f00d8", 800), image("f00d-ete-320.jpg", "f00d3", 320)});
  EXPECT_EQ(ref.name, "f00d-ete.jpg");
  EXPECT_EQ(ref.mime_type, "image/jpeg");
  EXPECT_EQ(ref.width, 1200);
  EXPECT_EQ(ref.height, 600);
  ASSERT_EQ(ref.variants.size(), 2u);
  EXPECT_EQ(ref.variants[0].name, "f00d-ete-320.jpg");
  EXPECT_EQ(ref.variants[1].name, "f00d-ete-800.jpg");

  auto found = this->backend().another_process()->media().find_image("f00d-ete.jpg");
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->width, 1200);
  ASSERT_EQ(found->variants.size(), 2u);
  EXPECT_EQ(found->variants[0].width, 320);
  EXPECT_FALSE(this->backend().media().find_image("absente.jpg").has_value());
}

TYPED_TEST_P(MediaStoreContract, BytesAreServedExactlyAsStoredBinaryAndLarge) {
  auto big = image("beef-grande.jpg", "beef", 4000);
  big.bytes.reserve(3 * 1024 * 1024);
  for (int i = 0; big.bytes.size() < 3u * 1024 * 1024; ++i) big.bytes += static_cast<char>(i * 7);
  this->save(big, {});
  auto file = this->backend().content().find_media("beef-grande.jpg");
  ASSERT_TRUE(file.has_value());
  EXPECT_EQ(file->bytes.size(), big.bytes.size());
  EXPECT_TRUE(file->bytes == big.bytes);
  EXPECT_EQ(file->ref.mime_type, "image/jpeg");
  EXPECT_EQ(file->created_at, kNow);
}

TYPED_TEST_P(MediaStoreContract, TheSameImageIsKeptOnceUnderItsFirstName) {
  auto first = this->save(image("cafe-un.jpg", "cafe", 640), {});
  auto again = this->save(image("cafe-deux.jpg", "cafe", 640), {});
  EXPECT_EQ(again.name, first.name);
  EXPECT_EQ(again.name, "cafe-un.jpg");
  EXPECT_FALSE(this->backend().media().find_image("cafe-deux.jpg").has_value());
}

TYPED_TEST_P(MediaStoreContract, ARolledBackSaveKeepsNoImage) {
  {
    auto write = this->backend().database().begin_write();
    this->backend().media().save_image(*write, image("dead-annule.jpg", "dead", 100), {}, kNow);
  }
  EXPECT_FALSE(this->backend().media().find_image("dead-annule.jpg").has_value());
  EXPECT_FALSE(this->backend().content().find_media("dead-annule.jpg").has_value());
}

TYPED_TEST_P(MediaStoreContract, TheLibraryListsOriginalsNewestFirstAndSearchesTheirNames) {
  this->save(image("a1a1-port.jpg", "a1a1", 1200), {image("a1a1-port-320.jpg", "a1a13", 320)});
  this->save(image("b2b2-marche_50%.jpg", "b2b2", 800), {});
  auto all = this->backend().another_process()->media().list_images("", 10);
  ASSERT_EQ(all.size(), 2u);  // the resized copy is not listed
  EXPECT_EQ(all[0].name, "b2b2-marche_50%.jpg");
  EXPECT_EQ(all[1].name, "a1a1-port.jpg");
  EXPECT_EQ(all[1].width, 1200);
  EXPECT_EQ(all[1].created_at, kNow);
  EXPECT_EQ(all[1].caption, "");
  auto port = this->backend().media().list_images("PORT", 10);
  ASSERT_EQ(port.size(), 1u);
  EXPECT_EQ(port[0].name, "a1a1-port.jpg");
  // LIKE's wildcards are searched for as characters.
  ASSERT_EQ(this->backend().media().list_images("_50%", 10).size(), 1u);
  EXPECT_TRUE(this->backend().media().list_images("l_5", 10).empty());
  EXPECT_EQ(this->backend().media().list_images("", 1).size(), 1u);
}

REGISTER_TYPED_TEST_SUITE_P(MediaStoreContract, ASavedImageComesBackWithItsVariantsNarrowestFirst,
                            BytesAreServedExactlyAsStoredBinaryAndLarge,
                            TheSameImageIsKeptOnceUnderItsFirstName, ARolledBackSaveKeepsNoImage,
                            TheLibraryListsOriginalsNewestFirstAndSearchesTheirNames);

}  // namespace gazette::contract
