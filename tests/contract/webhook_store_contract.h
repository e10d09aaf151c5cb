// The contract of store::WebhookStore: webhooks kept with what was said; deliveries queued in
// the write that made them (and gone with it when it rolls back), claimed by one sender at a
// time, retried, delivered or failed for good, logged newest first, sent again when an admin
// asks; a new secret signs what waits; private networks refused until allowed.
#pragma once

#include <stdexcept>

#include "contract_support.h"

namespace gazette::contract {

template <class BackendType>
class WebhookStoreContract : public ContractTest<BackendType> {
 protected:
  store::WebhookStore& webhooks() { return this->backend().webhooks(); }
  std::int64_t add(const std::string& url, std::vector<std::string> events) {
    return this->committed([&](store::WriteTransaction& write) {
      return webhooks().add_webhook(write, url, events, "s3cret", kNow);
    });
  }
  void enqueue(std::int64_t webhook, const std::string& event, const std::string& payload,
               content::Timestamp when = kNow) {
    this->committed([&](store::WriteTransaction& write) {
      webhooks().enqueue_delivery(write, webhook, event, payload, when);
      return 0;
    });
  }
  bool claim(std::int64_t id, content::Timestamp now) {
    return this->committed([&](store::WriteTransaction& write) {
      return webhooks().claim_delivery(write, id, now, now + kMinute);
    });
  }
  void record(std::int64_t id, bool delivered, std::int64_t status, const std::string& excerpt,
              std::optional<content::Timestamp> retry_at, content::Timestamp now) {
    this->committed([&](store::WriteTransaction& write) {
      webhooks().record_attempt(write, id, delivered, status, excerpt, retry_at, now);
      return 0;
    });
  }
};
TYPED_TEST_SUITE_P(WebhookStoreContract);

TYPED_TEST_P(WebhookStoreContract, AWebhookIsKeptWithWhatWasSaidAndRemovedWithItsDeliveries) {
  auto id = this->add("https://exemple.fr/hook?a=1&b=«»", {"article.published", "live.entry_posted"});
  auto other = this->add("https://autre.fr/", {"comment.approved"});
  auto all = this->webhooks().webhooks();
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].id, id);
  EXPECT_EQ(all[0].url, "https://exemple.fr/hook?a=1&b=«»");
  EXPECT_EQ(all[0].events, (std::vector<std::string>{"article.published", "live.entry_posted"}));
  EXPECT_EQ(all[0].secret, "s3cret");
  EXPECT_EQ(all[0].created_at, kNow);
  this->enqueue(id, "article.published", R"({"event":"article.published"})");
  this->enqueue(other, "comment.approved", "{}");

  EXPECT_TRUE(this->committed(
      [&](store::WriteTransaction& write) { return this->webhooks().remove_webhook(write, id); }));
  EXPECT_FALSE(this->committed(
      [&](store::WriteTransaction& write) { return this->webhooks().remove_webhook(write, id); }));
  ASSERT_EQ(this->webhooks().webhooks().size(), 1u);
  auto left = this->webhooks().recent_deliveries(10);
  ASSERT_EQ(left.size(), 1u);
  EXPECT_EQ(left[0].webhook_id, other);
}

TYPED_TEST_P(WebhookStoreContract, ADeliveryIsQueuedWithItsWriteOrNotAtAll) {
  auto id = this->add("https://exemple.fr/", {"article.published"});
  try {
    auto write = this->backend().database().begin_write();
    this->webhooks().enqueue_delivery(*write, id, "article.published", "{}", kNow);
    throw std::runtime_error("the write fails after queuing");
  } catch (const std::runtime_error&) {
  }
  EXPECT_TRUE(this->webhooks().due_deliveries(kNow, 10).empty());
  this->enqueue(id, "article.published", R"({"n":1})");
  auto due = this->webhooks().due_deliveries(kNow, 10);
  ASSERT_EQ(due.size(), 1u);
  EXPECT_EQ(due[0].url, "https://exemple.fr/");
  EXPECT_EQ(due[0].secret, "s3cret");
  EXPECT_EQ(due[0].event, "article.published");
  EXPECT_EQ(due[0].payload, R"({"n":1})");
  EXPECT_EQ(due[0].status, store::DeliveryStatus::queued);
  EXPECT_EQ(due[0].attempts, 0);
  EXPECT_TRUE(this->webhooks().due_deliveries(kNow - kMinute, 10).empty());
}

TYPED_TEST_P(WebhookStoreContract, OneSenderHoldsADeliveryThenItIsRetriedDeliveredOrFailed) {
  auto id = this->add("https://exemple.fr/", {"article.published"});
  this->enqueue(id, "article.published", "{}");
  this->enqueue(id, "article.published", "{}", kNow + std::chrono::seconds(1));
  auto first = this->webhooks().due_deliveries(kNow, 10).at(0).id;
  EXPECT_TRUE(this->claim(first, kNow));
  EXPECT_FALSE(this->claim(first, kNow));  // held: another sender leaves it
  EXPECT_TRUE(this->webhooks().due_deliveries(kNow, 10).empty());

  // A 500: queued again for later, with the answer kept.
  this->record(first, false, 500, "Internal « error »", kNow + kMinute, kNow);
  auto again = this->webhooks().due_deliveries(kNow + kMinute, 10);
  ASSERT_EQ(again.size(), 2u);
  EXPECT_EQ(again[1].id, first);  // due after the second one
  EXPECT_EQ(again[1].attempts, 1);
  EXPECT_EQ(again[1].response_status, 500);
  EXPECT_EQ(again[1].response_excerpt, "Internal « error »");

  EXPECT_TRUE(this->claim(first, kNow + kMinute));
  this->record(first, true, 204, "", std::nullopt, kNow + kMinute);
  auto second = again[0].id;
  EXPECT_TRUE(this->claim(second, kNow + kMinute));
  this->record(second, false, 0, "Connection refused", std::nullopt, kNow + kMinute);
  EXPECT_TRUE(this->webhooks().due_deliveries(kNow + 60 * kMinute, 10).empty());
  EXPECT_FALSE(this->claim(first, kNow + 2 * kMinute));  // delivered: nobody sends it again

  auto log = this->webhooks().recent_deliveries(10);
  ASSERT_EQ(log.size(), 2u);
  EXPECT_EQ(log[0].id, second);
  EXPECT_EQ(log[0].status, store::DeliveryStatus::failed);
  EXPECT_EQ(log[0].response_excerpt, "Connection refused");
  EXPECT_FALSE(log[0].delivered_at);
  EXPECT_EQ(log[1].status, store::DeliveryStatus::delivered);
  EXPECT_EQ(log[1].attempts, 2);
  EXPECT_EQ(log[1].response_status, 204);
  EXPECT_EQ(log[1].delivered_at, kNow + kMinute);
}

TYPED_TEST_P(WebhookStoreContract, AFailedOrDeliveredOneIsSentAgainAndANewSecretSignsWhatWaits) {
  auto id = this->add("https://exemple.fr/", {"article.published"});
  this->enqueue(id, "article.published", R"({"n":1})");
  this->enqueue(id, "article.published", R"({"n":2})");
  auto due = this->webhooks().due_deliveries(kNow, 10);
  ASSERT_EQ(due.size(), 2u);
  const auto failed = due[0].id;
  const auto delivered = due[1].id;
  auto send_again = [&](std::int64_t delivery, content::Timestamp now) {
    return this->committed([&](store::WriteTransaction& write) {
      return this->webhooks().send_again(write, delivery, now);
    });
  };
  EXPECT_FALSE(send_again(failed, kNow));  // waiting already: nothing to do
  ASSERT_TRUE(this->claim(failed, kNow));
  this->record(failed, false, 0, "Connection refused", std::nullopt, kNow);
  ASSERT_TRUE(this->claim(delivered, kNow));
  this->record(delivered, true, 200, "OK", std::nullopt, kNow);
  EXPECT_TRUE(this->webhooks().due_deliveries(kNow + 60 * kMinute, 10).empty());

  // Both queued again at the time asked, with a new series of attempts and the same bytes.
  EXPECT_TRUE(send_again(failed, kNow + kMinute));
  EXPECT_TRUE(send_again(delivered, kNow + kMinute));
  EXPECT_FALSE(send_again(failed, kNow + kMinute));
  EXPECT_FALSE(send_again(999999, kNow + kMinute));
  EXPECT_TRUE(this->webhooks().due_deliveries(kNow, 10).empty());
  auto again = this->webhooks().due_deliveries(kNow + kMinute, 10);
  ASSERT_EQ(again.size(), 2u);
  for (const auto& delivery : again) {
    EXPECT_EQ(delivery.status, store::DeliveryStatus::queued);
    EXPECT_EQ(delivery.attempts, 0);
    EXPECT_EQ(delivery.payload, delivery.id == failed ? R"({"n":1})" : R"({"n":2})");
    EXPECT_EQ(delivery.secret, "s3cret");
  }
  EXPECT_TRUE(this->claim(failed, kNow + kMinute));

  // A new secret: the webhook's, and that of every delivery read from now on.
  auto replace = [&](std::int64_t webhook, const std::string& secret) {
    return this->committed([&](store::WriteTransaction& write) {
      return this->webhooks().replace_secret(write, webhook, secret);
    });
  };
  EXPECT_TRUE(replace(id, "n0uveau"));
  EXPECT_FALSE(replace(id + 1000, "n0uveau"));
  EXPECT_EQ(this->webhooks().webhooks().at(0).secret, "n0uveau");
  auto waiting = this->webhooks().due_deliveries(kNow + kMinute, 10);
  ASSERT_EQ(waiting.size(), 1u);  // the other is held by its sender
  EXPECT_EQ(waiting[0].id, delivered);
  EXPECT_EQ(waiting[0].secret, "n0uveau");
}

TYPED_TEST_P(WebhookStoreContract, PrivateNetworksAreRefusedUntilAllowed) {
  EXPECT_FALSE(this->webhooks().private_networks_allowed());
  for (bool allowed : {true, false, true}) {
    this->committed([&](store::WriteTransaction& write) {
      this->webhooks().allow_private_networks(write, allowed);
      return 0;
    });
    EXPECT_EQ(this->webhooks().private_networks_allowed(), allowed);
  }
}

REGISTER_TYPED_TEST_SUITE_P(WebhookStoreContract,
                            AWebhookIsKeptWithWhatWasSaidAndRemovedWithItsDeliveries,
                            ADeliveryIsQueuedWithItsWriteOrNotAtAll,
                            OneSenderHoldsADeliveryThenItIsRetriedDeliveredOrFailed,
                            AFailedOrDeliveredOneIsSentAgainAndANewSecretSignsWhatWaits,
                            PrivateNetworksAreRefusedUntilAllowed);

}  // namespace gazette::contract
