// Reading and applying the configuration file (see config_file.h).
#include "app/config_file.h"

#include <yaml-cpp/yaml.h>

#include <cstdlib>
#include <functional>
#include <set>
#include <string_view>

namespace gazette::app {

namespace {

std::string at_line(const std::string& path, int line, const std::string& reason) {
  return path + ":" + std::to_string(line) + ": " + reason;
}

// Calls visit(option) for every option of `app` and of its subcommands, at any depth.
void for_each_option(CLI::App& app, const std::function<void(CLI::Option&)>& visit) {
  for (auto* option : app.get_options()) visit(*option);
  for (auto* subcommand : app.get_subcommands([](CLI::App*) { return true; }))
    for_each_option(*subcommand, visit);
}

}  // namespace

std::variant<std::vector<ConfigSetting>, ConfigFileError> read_config_file(
    const std::string& path) {
  YAML::Node root;
  try {
    root = YAML::LoadFile(path);
  } catch (const YAML::BadFile&) {
    return ConfigFileError{path + ": cannot read the configuration file"};
  } catch (const YAML::Exception& error) {
    return ConfigFileError{at_line(path, error.mark.line + 1, error.msg)};
  }
  std::vector<ConfigSetting> settings;
  if (root.IsNull()) return settings;  // empty, or only comments
  if (!root.IsMap())
    return ConfigFileError{at_line(path, root.Mark().line + 1, "expected `key: value` lines")};
  std::set<std::string, std::less<>> seen;
  for (const auto& entry : root) {
    int line = entry.first.Mark().line + 1;
    if (!entry.first.IsScalar()) return ConfigFileError{at_line(path, line, "expected a key")};
    auto key = entry.first.Scalar();
    if (!seen.insert(key).second) return ConfigFileError{at_line(path, line, key + ": set twice")};
    if (!entry.second.IsScalar())
      return ConfigFileError{at_line(path, line, key + ": expected one value")};
    settings.push_back({key, entry.second.Scalar(), line});
  }
  return settings;
}

std::optional<ConfigFileError> apply_config_file(CLI::App& cli,
                                                 const std::vector<ConfigSetting>& settings,
                                                 const std::string& path) {
  // What a file may set: the options with an environment variable, but not the file itself.
  auto settable = [](const CLI::Option& option) {
    return !option.get_envname().empty() && option.get_envname() != kConfigEnvironment;
  };
  std::set<std::string, std::less<>> known;
  for_each_option(cli, [&](CLI::Option& option) {
    if (settable(option)) known.insert(option.get_single_name());
  });
  for (const auto& setting : settings) {
    if (!known.contains(setting.key)) {
      std::string names;
      for (const auto& name : known) names += (names.empty() ? "" : ", ") + name;
      return ConfigFileError{at_line(path, setting.line,
                                     "unknown setting " + setting.key + " (known: " + names + ")")};
    }
    try {
      for_each_option(cli, [&](CLI::Option& option) {
        if (settable(option) && option.get_single_name() == setting.key)
          option.default_val(setting.value);
      });
    } catch (const CLI::Error& refused) {
      return ConfigFileError{at_line(path, setting.line, refused.what())};
    }
  }
  return std::nullopt;
}

std::optional<std::string> config_file_named(int argc, const char* const* argv) {
  const std::string_view flag = kConfigOption;
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    if (arg == "--") break;
    if (arg == flag && i + 1 < argc) return std::string(argv[i + 1]);
    if (arg.starts_with(flag) && arg.size() > flag.size() && arg[flag.size()] == '=')
      return std::string(arg.substr(flag.size() + 1));
  }
  if (const char* named = std::getenv(kConfigEnvironment); named && *named) return named;
  return std::nullopt;
}

}  // namespace gazette::app
