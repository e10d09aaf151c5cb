// `gazette user add EMAIL --name NAME --role ROLE` and `gazette user passwd EMAIL`: newsroom
// accounts from the command line. The password comes from standard input when it is not a
// terminal (`echo "$PASSWORD" | gazette user add …`); otherwise one is generated and printed
// once — it is stored only as an argon2id hash.
#include <unistd.h>

#include <cstdio>
#include <iostream>
#include <iterator>

#include "app/backend.h"
#include "app/commands.h"
#include "auth/accounts.h"
#include "auth/passwords.h"

namespace gazette::app {

namespace {

struct Password {
  std::string text;
  bool generated = false;
};

Password read_password() {
  if (!isatty(STDIN_FILENO)) {
    std::string text(std::istreambuf_iterator<char>(std::cin), {});
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
    if (!text.empty()) return {text, false};
  }
  return {auth::generate_password(), true};
}

int report(const std::optional<auth::AccountProblem>& problem, const char* command) {
  if (!problem) return 0;
  std::fprintf(stderr, "gazette user %s: %s: %s\n", command,
               std::string(auth::field_of(*problem)).c_str(), auth::describe(*problem).c_str());
  return 1;
}

}  // namespace

int user(const UserOptions& options) {
  Backend backend(options.db);
  auto& accounts = backend.accounts;
  auto password = read_password();
  if (options.action == UserOptions::Action::add) {
    auto role = content::parse_role(options.role);
    if (!role) {
      std::fprintf(stderr,
                   "gazette user add: role: « %s » is not contributor, author, editor or admin\n",
                   options.role.c_str());
      return 1;
    }
    if (int status = report(accounts.add(options.email, options.name, *role, password.text), "add"))
      return status;
    std::printf("created %s (%s)\n", options.email.c_str(), options.role.c_str());
  } else {
    if (int status = report(accounts.change_password(options.email, password.text), "passwd"))
      return status;
    std::printf("password changed for %s; its sessions are closed\n", options.email.c_str());
  }
  if (password.generated) std::printf("password: %s\n", password.text.c_str());
  return 0;
}

}  // namespace gazette::app
