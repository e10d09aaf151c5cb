// A database file being made beside the one it will become (a backup, a restore, a copy into a
// new database): removed, with what SQLite kept beside it, unless it is complete and renamed
// into place — so an interrupted run leaves no file that looks finished.
#pragma once

#include <filesystem>
#include <string_view>

namespace gazette::store::sqlite {

class PartialFile {
 public:
  /// A name beside `destination` for the file being made, unique to this process: ".NAME.WHAT-PID".
  static std::filesystem::path beside(const std::filesystem::path& destination,
                                      std::string_view what);

  /// Removes any leftover of `path` now, and `path` at destruction unless moved into place.
  explicit PartialFile(std::filesystem::path path);
  ~PartialFile();
  PartialFile(const PartialFile&) = delete;
  PartialFile& operator=(const PartialFile&) = delete;
  const std::filesystem::path& path() const { return path_; }

  /// fsync, rename over `destination`, fsync the folder: the file is there after a crash, whole.
  void move_to(const std::filesystem::path& destination);

 private:
  void remove();

  std::filesystem::path path_;
  bool kept_ = false;
};

}  // namespace gazette::store::sqlite
