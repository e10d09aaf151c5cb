// Files made beside their destination (see partial_file.h).
#include "store/sqlite/partial_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <string>
#include <system_error>

namespace gazette::store::sqlite {

namespace fs = std::filesystem;

namespace {

void sync(const fs::path& path, int flags) {
  int fd = ::open(path.c_str(), flags | O_CLOEXEC);
  if (fd < 0) throw std::system_error(errno, std::generic_category(), "open " + path.string());
  int rc = ::fsync(fd);
  int saved = errno;
  ::close(fd);
  if (rc != 0) throw std::system_error(saved, std::generic_category(), "fsync " + path.string());
}

}  // namespace

fs::path PartialFile::beside(const fs::path& destination, std::string_view what) {
  std::string name = ".";
  name.append(destination.filename().string()).append(".").append(what).append("-");
  name.append(std::to_string(getpid()));
  return destination.parent_path() / name;
}

PartialFile::PartialFile(fs::path path) : path_(std::move(path)) {
  remove();
}

PartialFile::~PartialFile() {
  if (!kept_) remove();
}

void PartialFile::move_to(const fs::path& destination) {
  sync(path_, O_RDONLY);
  fs::rename(path_, destination);
  kept_ = true;
  sync(destination.parent_path().empty() ? fs::path(".") : destination.parent_path(),
       O_RDONLY | O_DIRECTORY);
}

void PartialFile::remove() {
  std::error_code ignored;
  for (auto suffix : {"", "-journal", "-wal", "-shm"}) fs::remove(path_.string() + suffix, ignored);
}

}  // namespace gazette::store::sqlite
