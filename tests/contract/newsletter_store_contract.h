// The contract of store::NewsletterStore: a subscription kept once per address and scope and
// confirmed once, a message queued once per address and issue (whoever enqueues it), claimed by
// one sender at a time, retried when due and given up with its reason; erasure forgets an
// address entirely.
#pragma once

#include "contract_support.h"

namespace gazette::contract {

template <class BackendType>
class NewsletterStoreContract : public ContractTest<BackendType> {
 protected:
  store::NewsletterStore& newsletters() { return this->backend().newsletters(); }

  store::Subscription subscribe(const std::string& email,
                                store::SubscriptionScope scope = store::SubscriptionScope::all,
                                const std::string& slug = "") {
    return this->committed([&](store::WriteTransaction& write) {
      return newsletters().add_subscription(write, email, scope, slug, kNow);
    });
  }
  bool enqueue(const std::string& recipient, const std::string& issue,
               content::Timestamp at = kNow) {
    store::OutgoingMail mail{.recipient = recipient,
                             .issue = issue,
                             .subject = kFrenchTitle,
                             .text_body = "Bonjour « lecteur »",
                             .html_body = "<p>Bonjour</p>",
                             .unsubscribe_url = "https://example.fr/newsletter/unsubscribe?x",
                             .created_at = at};
    return this->committed(
        [&](store::WriteTransaction& write) { return newsletters().enqueue_mail(write, mail); });
  }
};

TYPED_TEST_SUITE_P(NewsletterStoreContract);

TYPED_TEST_P(NewsletterStoreContract, ASubscriptionIsKeptOnceAndConfirmedOnce) {
  auto first = this->subscribe("zoe@example.fr");
  auto again = this->subscribe("zoe@example.fr");
  EXPECT_EQ(first.id, again.id);
  EXPECT_FALSE(first.confirmed_at.has_value());
  auto section = this->subscribe("zoe@example.fr", store::SubscriptionScope::section, "monde");
  EXPECT_NE(section.id.value, first.id.value);
  EXPECT_EQ(this->newsletters().count_subscriptions(false), 2);
  EXPECT_EQ(this->newsletters().count_subscriptions(true), 0);
  EXPECT_TRUE(this->newsletters().confirmed_subscriptions().empty());

  EXPECT_TRUE(this->committed([&](store::WriteTransaction& write) {
    return this->newsletters().confirm_subscription(write, section.id, kNow);
  }));
  this->committed([&](store::WriteTransaction& write) {
    this->newsletters().confirm_subscription(write, section.id, kNow + kMinute);
  });
  EXPECT_FALSE(this->committed([&](store::WriteTransaction& write) {
    return this->newsletters().confirm_subscription(write, store::SubscriptionId{999999}, kNow);
  }));
  auto found = this->newsletters().find_subscription(section.id);
  ASSERT_TRUE(found);
  EXPECT_EQ(found->scope, store::SubscriptionScope::section);
  EXPECT_EQ(found->scope_slug, "monde");
  EXPECT_EQ(found->confirmed_at, kNow);  // the first confirmation is the one kept
  auto confirmed = this->newsletters().confirmed_subscriptions();
  ASSERT_EQ(confirmed.size(), 1u);
  EXPECT_EQ(confirmed[0].email, "zoe@example.fr");
  EXPECT_EQ(this->newsletters().subscriptions_of("zoe@example.fr").size(), 2u);

  EXPECT_EQ(this->committed([&](store::WriteTransaction& write) {
    return this->newsletters().remove_subscriptions_of(write, "zoe@example.fr");
  }),
            2);
  EXPECT_TRUE(this->newsletters().subscriptions_of("zoe@example.fr").empty());
}

TYPED_TEST_P(NewsletterStoreContract, AMessageIsQueuedOnceForOneAddressAndIssue) {
  EXPECT_TRUE(this->enqueue("zoe@example.fr", "digest:2024-12-08"));
  EXPECT_FALSE(this->enqueue("zoe@example.fr", "digest:2024-12-08"));
  EXPECT_TRUE(this->enqueue("leo@example.fr", "digest:2024-12-08"));
  auto due = this->newsletters().due_mail(kNow, 10);
  ASSERT_EQ(due.size(), 2u);
  EXPECT_EQ(due[0].mail.subject, kFrenchTitle);
  EXPECT_EQ(due[0].mail.text_body, "Bonjour « lecteur »");
  EXPECT_EQ(due[0].status, store::MailStatus::queued);

  // Sent: never due again, and queuing it again changes nothing.
  this->committed([&](store::WriteTransaction& write) {
    this->newsletters().mark_mail_sent(write, due[0].id, kNow);
  });
  EXPECT_FALSE(this->enqueue(due[0].mail.recipient, "digest:2024-12-08"));
  EXPECT_EQ(this->newsletters().due_mail(kNow + kMinute, 10).size(), 1u);
  auto sent = this->newsletters().recent_mail(store::MailStatus::sent, 10);
  ASSERT_EQ(sent.size(), 1u);
  EXPECT_EQ(sent[0].sent_at, kNow);
}

TYPED_TEST_P(NewsletterStoreContract, OneSenderAtATimeRetriesWhenDueAndGivesUpWithItsReason) {
  ASSERT_TRUE(this->enqueue("zoe@example.fr", "breaking:1"));
  auto id = this->newsletters().due_mail(kNow, 10).at(0).id;
  auto claim = [&](content::Timestamp at) {
    return this->committed([&](store::WriteTransaction& write) {
      return this->newsletters().claim_mail(write, id, at, at + 5 * kMinute);
    });
  };
  EXPECT_TRUE(claim(kNow));
  EXPECT_FALSE(claim(kNow + kMinute));  // held by the first sender
  EXPECT_TRUE(this->newsletters().due_mail(kNow + kMinute, 10).empty());

  this->committed([&](store::WriteTransaction& write) {
    this->newsletters().mark_mail_failed(write, id, "421 try later", kNow + 10 * kMinute,
                                         store::MailStatus::failed);
  });
  EXPECT_TRUE(this->newsletters().due_mail(kNow + 9 * kMinute, 10).empty());
  auto due = this->newsletters().due_mail(kNow + 10 * kMinute, 10);
  ASSERT_EQ(due.size(), 1u);
  EXPECT_EQ(due[0].attempts, 1);
  EXPECT_EQ(due[0].last_error, "421 try later");

  EXPECT_TRUE(claim(kNow + 10 * kMinute));
  this->committed([&](store::WriteTransaction& write) {
    this->newsletters().mark_mail_failed(write, id, "550 no such user", std::nullopt,
                                         store::MailStatus::bounced);
  });
  EXPECT_TRUE(this->newsletters().due_mail(kFarFuture, 10).empty());
  EXPECT_FALSE(claim(kFarFuture));
  auto bounced = this->newsletters().recent_mail(store::MailStatus::bounced, 10);
  ASSERT_EQ(bounced.size(), 1u);
  EXPECT_EQ(bounced[0].last_error, "550 no such user");
  EXPECT_EQ(bounced[0].attempts, 2);
}

TYPED_TEST_P(NewsletterStoreContract, ErasureForgetsAnAddressAndTheSettingsAreKept) {
  this->subscribe("zoe@example.fr");
  this->subscribe("leo@example.fr");
  this->enqueue("zoe@example.fr", "confirm:1");
  EXPECT_EQ(this->newsletters().mail_to("zoe@example.fr").size(), 1u);
  EXPECT_EQ(this->committed([&](store::WriteTransaction& write) {
    return this->newsletters().erase_address(write, "zoe@example.fr");
  }),
            2);
  EXPECT_TRUE(this->newsletters().subscriptions_of("zoe@example.fr").empty());
  EXPECT_TRUE(this->newsletters().mail_to("zoe@example.fr").empty());
  EXPECT_EQ(this->newsletters().subscriptions_of("leo@example.fr").size(), 1u);

  store::MailSettings settings;
  settings.smtp_host = "smtp.example.fr";
  settings.smtp_port = 2525;
  settings.starttls = false;
  settings.username = "gazette";
  settings.password = "s€cret";
  settings.from_address = "lettre@example.fr";
  settings.from_name = kFrenchTitle;
  settings.rate_per_minute = 12;
  this->committed([&](store::WriteTransaction& write) {
    this->newsletters().save_mail_settings(write, settings);
  });
  auto read = this->newsletters().mail_settings();
  EXPECT_EQ(read.smtp_host, "smtp.example.fr");
  EXPECT_EQ(read.smtp_port, 2525);
  EXPECT_FALSE(read.starttls);
  EXPECT_EQ(read.password, "s€cret");
  EXPECT_EQ(read.from_name, kFrenchTitle);
  EXPECT_EQ(read.rate_per_minute, 12);
}

REGISTER_TYPED_TEST_SUITE_P(NewsletterStoreContract, ASubscriptionIsKeptOnceAndConfirmedOnce,
                            AMessageIsQueuedOnceForOneAddressAndIssue,
                            OneSenderAtATimeRetriesWhenDueAndGivesUpWithItsReason,
                            ErasureForgetsAnAddressAndTheSettingsAreKept);

}  // namespace gazette::contract
