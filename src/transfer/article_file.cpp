// Article files: splits the `---` front matter from the Markdown body, reads the YAML fields
// and checks each one, reporting the file line of the first problem.
//
// Choices an editor may need to know: unknown keys are ignored (so files written for other
// tools still load); `tags`, `category` and `categories` accept one text or a list of texts,
// and `category` and `categories` together are merged in that order; every text is trimmed; a
// missing slug is derived from the title; an empty optional field is the same as an absent one;
// `pinned` is `true` or `false`, and without it republishing keeps the article's pin;
// `change` (typo when absent) and `change_note` say what republishing a public article changed;
// `authors` is the byline in order (`author` and `authors` together: `author` first), and the
// file says all of it, so republishing without co-authors removes them;
// `kind` is news when absent (the file says the whole article, so republishing it without a
// `kind:` makes it news again) and `sponsor` is required with `kind: sponsored`, refused without.
#include "transfer/article_file.h"

#include <algorithm>
#include <charconv>
#include <map>

#include <yaml-cpp/yaml.h>

#include "publishing/article_limits.h"
#include "render/dates.h"
#include "render/slug.h"
#include "render/text.h"

namespace gazette::transfer {

namespace {

constexpr std::string_view kDelimiter = "---";
constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";
// The YAML starts on the line after the opening `---`; yaml-cpp counts lines from 0.
constexpr int kFirstYamlLine = 2;

using render::trim;

// 1-based line of byte `offset` in `text`.
int line_of_offset(std::string_view text, std::size_t offset) {
  return 1 + static_cast<int>(std::count(text.begin(), text.begin() + offset, '\n'));
}

// A line without its end of line and trailing blanks: "---\r" and "--- " close front matter too.
std::string_view line_content(std::string_view line) {
  while (!line.empty() && (line.back() == '\n' || line.back() == '\r' || line.back() == ' ' ||
                           line.back() == '\t')) {
    line.remove_suffix(1);
  }
  return line;
}

// The file cut in its two parts.
struct SplitFile {
  std::string_view yaml;
  std::string_view body;
};

std::variant<SplitFile, ArticleFileError> split_front_matter(std::string_view text) {
  const std::size_t first_end = text.find('\n');
  if (line_content(text.substr(0, first_end)) != kDelimiter) {
    return ArticleFileError{1, "front matter: missing, the file must start with a --- line"};
  }
  if (first_end == std::string_view::npos) {
    return ArticleFileError{1, "front matter: not closed by ---"};
  }
  const std::size_t yaml_start = first_end + 1;
  std::size_t line_start = yaml_start;
  while (line_start < text.size()) {
    const std::size_t line_end = text.find('\n', line_start);
    const std::size_t next = line_end == std::string_view::npos ? text.size() : line_end + 1;
    if (line_content(text.substr(line_start, next - line_start)) == kDelimiter) {
      std::string_view body = text.substr(next);
      // Blank lines between the closing --- and the text are layout, not content.
      while (!body.empty() && (body.front() == '\n' || body.front() == '\r')) body.remove_prefix(1);
      return SplitFile{text.substr(yaml_start, line_start - yaml_start), body};
    }
    line_start = next;
  }
  return ArticleFileError{1, "front matter: not closed by ---"};
}

// A front matter field: its value node, and the lines of the key and value for errors.
struct Field {
  YAML::Node value;
  int key_line = 1;
};

int file_line(const YAML::Mark& mark, int fallback) {
  return mark.is_null() ? fallback : mark.line + kFirstYamlLine;
}

int value_line(const Field& field) {
  return file_line(field.value.Mark(), field.key_line);
}

ArticleFileError field_error(const Field& field, std::string_view name, std::string_view what) {
  return ArticleFileError{value_line(field), std::string(name) + ": " + std::string(what)};
}

// `image_focal: 30 70` (or `30, 70`): two whole numbers from 0 to 100, or nothing.
std::optional<content::FocalPoint> focal_point_of(std::string_view text) {
  int values[2];
  const char* at = text.data();
  const char* end = text.data() + text.size();
  for (int i = 0; i < 2; ++i) {
    while (at < end && (*at == ' ' || (i == 1 && *at == ','))) ++at;
    auto [past, error] = std::from_chars(at, end, values[i]);
    if (error != std::errc() || values[i] < 0 || values[i] > 100) return std::nullopt;
    at = past;
  }
  if (at != end) return std::nullopt;
  return content::FocalPoint{values[0], values[1]};
}

std::string invalid_characters(publishing::TextShape shape) {
  return shape == publishing::TextShape::one_line
             ? "contains a control character (expected one line of text)"
             : "contains a control character other than a line break or a tab";
}

// Reads the fields of the front matter. The error, if any, is kept for the caller.
class FieldReader {
 public:
  explicit FieldReader(const YAML::Node& root) {
    for (const auto& entry : root) {
      if (!entry.first.IsScalar()) continue;  // a complex key cannot name a field we know
      fields_.emplace(std::string(trim(entry.first.Scalar())),
                      Field{entry.second, file_line(entry.first.Mark(), 1)});
    }
  }

  std::optional<ArticleFileError> error;

  const Field* find(const std::string& name) const {
    const auto it = fields_.find(name);
    if (it == fields_.end() || it->second.value.IsNull()) return nullptr;
    return &it->second;
  }

  // Optional text; "" when absent. What the newsroom's editor refuses, a file cannot bring in
  // either: a control character in a field of one line, or besides line breaks in a lead.
  std::string text(const std::string& name,
                   publishing::TextShape shape = publishing::TextShape::one_line) {
    const Field* field = find(name);
    if (!field || error) return "";
    if (!field->value.IsScalar()) {
      error = field_error(*field, name, "expected text");
      return "";
    }
    const auto value = trim(field->value.Scalar());
    if (publishing::has_forbidden_control(value, shape)) {
      error = field_error(*field, name, invalid_characters(shape));
      return "";
    }
    return std::string(value);
  }

  // Required text: absent, null and blank are all "missing".
  std::string required_text(const std::string& name) {
    std::string value = text(name);
    if (value.empty() && !error) {
      const Field* field = find(name);
      error = ArticleFileError{field ? value_line(*field) : 1, name + ": missing"};
    }
    return value;
  }

  // Optional `true` or `false`; nullopt when absent or empty.
  std::optional<bool> boolean(const std::string& name) {
    const Field* field = find(name);
    if (!field || error) return std::nullopt;
    if (field->value.IsScalar()) {
      const auto value = trim(field->value.Scalar());
      if (value == "true") return true;
      if (value == "false") return false;
      if (value.empty()) return std::nullopt;
    }
    error = field_error(*field, name, "expected true or false");
    return std::nullopt;
  }

  // One text or a list of texts, appended to `out` without duplicates.
  void text_list(const std::string& name, std::vector<std::string>& out) {
    const Field* field = find(name);
    if (!field || error) return;
    std::vector<YAML::Node> items;
    if (field->value.IsScalar()) {
      items.push_back(field->value);
    } else if (field->value.IsSequence()) {
      for (const auto& item : field->value) items.push_back(item);
    } else {
      error = field_error(*field, name, "expected a list of text");
      return;
    }
    for (const auto& item : items) {
      if (!item.IsScalar() || trim(item.Scalar()).empty()) {
        error = ArticleFileError{file_line(item.Mark(), value_line(*field)),
                                 name + ": expected a list of text"};
        return;
      }
      if (render::has_control_character(trim(item.Scalar()))) {
        error = ArticleFileError{file_line(item.Mark(), value_line(*field)),
                                 name + ": " + invalid_characters(publishing::TextShape::one_line)};
        return;
      }
      std::string value(trim(item.Scalar()));
      if (std::find(out.begin(), out.end(), value) == out.end()) out.push_back(std::move(value));
    }
  }

 private:
  std::map<std::string, Field> fields_;
};

std::variant<ArticleFile, ArticleFileError> read_fields(const YAML::Node& root,
                                                        std::string_view time_zone) {
  FieldReader reader(root);
  ArticleFile file;
  file.title = reader.required_text("title");
  file.section = reader.required_text("section");
  file.slug = reader.text("slug");
  file.author = reader.text("author");
  std::vector<std::string> byline;
  if (!file.author.empty()) byline.push_back(file.author);
  reader.text_list("authors", byline);
  file.lead = reader.text("lead", publishing::TextShape::lines);
  file.image = reader.text("image");
  file.image_caption = reader.text("image_caption");
  file.image_alt = reader.text("image_alt");
  file.image_credit = reader.text("image_credit");
  const std::string focal = reader.text("image_focal");
  file.language = reader.text("language");
  reader.text_list("category", file.categories);
  reader.text_list("categories", file.categories);
  reader.text_list("tags", file.tags);
  file.pinned = reader.boolean("pinned");
  file.change_note = reader.text("change_note", publishing::TextShape::lines);
  const std::string change = reader.text("change");
  const std::string kind = reader.text("kind");
  file.sponsor = reader.text("sponsor");
  const std::string status = reader.text("status");
  const std::string date = reader.text("date");
  if (reader.error) return *reader.error;
  if (!byline.empty()) {
    file.author = byline.front();
    file.coauthors.assign(byline.begin() + 1, byline.end());
  }

  if (!file.slug.empty() && render::slugify(file.slug) != file.slug) {
    return field_error(
        *reader.find("slug"), "slug",
        "expected lowercase letters, digits and - (like " + render::slugify(file.slug) + ")");
  }
  if (file.slug.empty()) file.slug = render::slugify(file.title);

  if (!change.empty()) {
    const auto parsed = content::parse_change_kind(change);
    if (!parsed) {
      return field_error(
          *reader.find("change"), "change",
          "expected typo, update, correction, clarification or retraction (" + change + ")");
    }
    file.change = *parsed;
  }
  if (content::is_public(file.change) && file.change_note.empty()) {
    return field_error(*reader.find("change"), "change_note",
                       "missing: a change: " + change + " is shown to readers with its note");
  }
  if (file.image_credit.size() > publishing::kMaxCreditBytes) {
    return field_error(
        *reader.find("image_credit"), "image_credit",
        "expected one line of at most " + std::to_string(publishing::kMaxCreditBytes) + " bytes");
  }
  if (!focal.empty()) {
    file.image_focal = focal_point_of(focal);
    if (!file.image_focal || file.image.empty()) {
      return field_error(*reader.find("image_focal"), "image_focal",
                         file.image.empty() ? "needs the image it is a point of"
                                            : "expected two whole numbers from 0 to 100, the "
                                              "point's left and top in percent (like 30 70)");
    }
  }
  if (file.change_note.size() > content::kMaxChangeNoteBytes) {
    return field_error(*reader.find("change_note"), "change_note",
                       "longer than " + std::to_string(content::kMaxChangeNoteBytes) + " bytes");
  }
  if (!kind.empty()) {
    const auto parsed = content::parse_article_kind(kind);
    if (!parsed) {
      return field_error(*reader.find("kind"), "kind",
                         "expected news, analysis, opinion, review, background, fact-check,"
                         " sponsored or live (" +
                             kind + ")");
    }
    file.kind = *parsed;
  }
  if (const auto problem = content::sponsor_problem(file.kind, file.sponsor)) {
    switch (*problem) {
      case content::SponsorProblem::missing:
        return field_error(*reader.find("kind"), "sponsor",
                           "missing: sponsored content names its sponsor");
      case content::SponsorProblem::too_long:
        return field_error(*reader.find("sponsor"), "sponsor",
                           "longer than " + std::to_string(content::kMaxSponsorBytes) + " bytes");
      case content::SponsorProblem::not_sponsored:
        return field_error(*reader.find("sponsor"), "sponsor",
                           "only sponsored content has a sponsor (kind: sponsored)");
    }
  }
  if (!status.empty()) {
    const auto parsed = content::parse_article_status(status);
    if (!parsed) {
      return field_error(*reader.find("status"), "status",
                         "expected draft, review, scheduled or published");
    }
    file.status = *parsed;
  }
  if (!date.empty()) {
    auto parsed = render::parse_date(date, time_zone);
    if (const auto* date_error = std::get_if<render::DateError>(&parsed)) {
      return field_error(*reader.find("date"), "date", date_error->reason + " (" + date + ")");
    }
    file.date = std::get<render::Timestamp>(parsed);
  }
  return file;
}

}  // namespace

std::variant<ArticleFile, ArticleFileError> parse_article_file(std::string_view text,
                                                               std::string_view time_zone) {
  // Checked before YAML so the editor learns the line of the bad byte, not a parser's guess.
  if (const auto bad = render::find_invalid_utf8(text)) {
    return ArticleFileError{line_of_offset(text, *bad), "file: invalid UTF-8"};
  }
  if (text.substr(0, kUtf8Bom.size()) == kUtf8Bom) text.remove_prefix(kUtf8Bom.size());

  auto split = split_front_matter(text);
  if (const auto* error = std::get_if<ArticleFileError>(&split)) return *error;
  const auto& parts = std::get<SplitFile>(split);

  YAML::Node root;
  try {
    root = YAML::Load(std::string(parts.yaml));
  } catch (const YAML::Exception& error) {
    // yaml-cpp reports an unfinished construct at the end of its input, which would point at
    // the closing ---; the last front matter line is where the editor must look.
    const int last_yaml_line =
        1 + static_cast<int>(std::count(parts.yaml.begin(), parts.yaml.end(), '\n'));
    return ArticleFileError{std::min(file_line(error.mark, 1), std::max(last_yaml_line, 1)),
                            "front matter: YAML error: " + error.msg};
  }
  if (root.IsNull()) return ArticleFileError{1, "title: missing"};
  if (!root.IsMap()) {
    return ArticleFileError{file_line(root.Mark(), 1), "front matter: expected key: value lines"};
  }

  auto result = read_fields(root, time_zone);
  if (std::holds_alternative<ArticleFileError>(result)) return result;
  if (render::has_control_besides_line_breaks(parts.body)) {
    // The line of the first one, for the editor to find it.
    const auto control = std::find_if(parts.body.begin(), parts.body.end(), [](const char& c) {
      return render::has_control_besides_line_breaks(std::string_view(&c, 1));
    });
    const auto offset = static_cast<std::size_t>(parts.body.data() - text.data()) +
                        static_cast<std::size_t>(control - parts.body.begin());
    return ArticleFileError{line_of_offset(text, offset),
                            "body: " + invalid_characters(publishing::TextShape::lines)};
  }
  std::get<ArticleFile>(result).body_markdown = std::string(parts.body);
  return result;
}

}  // namespace gazette::transfer
