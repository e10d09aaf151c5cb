// `gazette demo`: demo content for a first look at the site (see src/demo/).
#include <cstdio>

#include "app/backend.h"
#include "app/commands.h"
#include "demo/demo_content.h"

namespace gazette::app {

int demo(const DemoOptions& options) {
  Backend backend(options.db);
  auto now = std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
  auto summary = demo::fill_demo_site(backend.articles, now);
  std::printf("demo: %d articles in %d sections by %d authors\n", summary.articles,
              summary.sections, summary.authors);
  return 0;
}

}  // namespace gazette::app
