// The configuration file (`--config FILE`, e.g. /etc/gazette/gazette.conf): one `key: value`
// line per setting, YAML read by yaml-cpp, `#` starting a comment. Its keys are the long flags
// that have an environment variable, without their dashes (`db`, `listen`, `threads`,
// `log-level`…), and a value it gives is only a default: a flag beats the environment, which
// beats the file, which beats the built-in default. A key that names no such flag, a value that
// is not a single scalar, or one the flag's check refuses is an error naming the file and line.
#pragma once

#include <CLI/CLI.hpp>

#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace gazette::app {

/// The option naming the file, and the environment variable that may name it instead.
inline constexpr const char* kConfigOption = "--config";
inline constexpr const char* kConfigEnvironment = "GAZETTE_CONFIG";

struct ConfigSetting {
  std::string key;
  std::string value;
  int line = 0;  // from 1
};

/// What is wrong with the file, as "FILE:LINE: reason" (or "FILE: reason").
struct ConfigFileError {
  std::string message;
};

/// The settings in `path`, in the order written.
std::variant<std::vector<ConfigSetting>, ConfigFileError> read_config_file(const std::string& path);

/// Makes each setting the default of every option of `cli` and its subcommands that has an
/// environment variable and the setting's key as its long name. Call before parsing.
std::optional<ConfigFileError> apply_config_file(CLI::App& cli,
                                                 const std::vector<ConfigSetting>& settings,
                                                 const std::string& path);

/// The file `--config FILE` (or `--config=FILE`) names in `argv`, else GAZETTE_CONFIG's: it must
/// be known before the command line is parsed, since it gives the parse its defaults.
std::optional<std::string> config_file_named(int argc, const char* const* argv);

}  // namespace gazette::app
