// Nesting guard run before gumbo. gumbo's tree builder scans the stack of open
// elements for most tags, so a page of 30,000 nested <div>s takes over a minute.
// A light tokenizer estimates the nesting depth and blanks the start tags that
// would go deeper than kMaxNesting. Blanking (spaces of the same length) keeps
// every byte offset valid, so the offset map still points into the input.

#include <algorithm>
#include <cstring>
#include <string>
#include <unordered_map>
#include <vector>

#include "ingest/html_internal.h"

namespace veille::html {
namespace {

bool IsAsciiAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool InList(std::string_view name, std::initializer_list<std::string_view> list) {
  return std::find(list.begin(), list.end(), name) != list.end();
}

bool IsVoid(std::string_view name) {
  return InList(name, {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                       "param", "source", "track", "wbr", "keygen", "basefont", "bgsound", "frame",
                       "image", "menuitem", "isindex"});
}

// Elements the parser closes by itself when a sibling opens (or that cannot
// nest): they never make the tree deeper, so they are not counted.
bool IsSelfLimiting(std::string_view name) {
  return InList(name, {"p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "thead",
                       "tbody", "tfoot", "colgroup", "caption", "rb", "rt", "rp", "rtc", "html",
                       "head", "body"});
}

// Elements whose content is raw text up to the matching end tag.
bool IsRawText(std::string_view name) {
  return InList(name, {"script", "style", "textarea", "title", "xmp", "iframe", "noembed",
                       "noframes"});
}

// Case-insensitive search for "</name" from `from`; returns npos if absent.
size_t FindEndTag(std::string_view s, size_t from, std::string_view name) {
  while (true) {
    size_t lt = s.find("</", from);
    if (lt == std::string_view::npos || lt + 2 + name.size() > s.size())
      return std::string_view::npos;
    bool match = true;
    for (size_t k = 0; k < name.size() && match; ++k) match = Lower(s[lt + 2 + k]) == name[k];
    if (match) return lt;
    from = lt + 2;
  }
}

// Index just past the '>' closing the tag that starts at s[i] == '<', honouring
// quoted attribute values; s.size() if unterminated. Sets *self_closing.
size_t TagEnd(std::string_view s, size_t i, bool* self_closing) {
  char quote = 0;
  for (size_t k = i + 1; k < s.size(); ++k) {
    char c = s[k];
    if (quote) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      // Only a quote right after '=' (possibly spaced) opens a value.
      size_t p = k;
      while (p > i && IsHtmlSpace(s[p - 1])) --p;
      if (p > i && s[p - 1] == '=') quote = c;
    } else if (c == '>') {
      *self_closing = k > i && s[k - 1] == '/';
      return k + 1;
    }
  }
  *self_closing = false;
  return s.size();
}

class NestingLimiter {
 public:
  explicit NestingLimiter(std::string_view html) : src_(html) {}

  std::optional<std::string> Run() {
    size_t i = 0;
    while (i < src_.size()) {
      size_t lt = src_.find('<', i);
      if (lt == std::string_view::npos || lt + 1 >= src_.size()) break;
      i = Step(lt);
    }
    return std::move(out_);
  }

 private:
  // Handles the markup at src_[lt] == '<'; returns where scanning resumes.
  size_t Step(size_t lt) {
    std::string_view rest = src_.substr(lt);
    if (rest.starts_with("<!--")) {
      size_t end = src_.find("-->", lt + 4);
      return end == std::string_view::npos ? src_.size() : end + 3;
    }
    char c = src_[lt + 1];
    if (c == '!' || c == '?') {
      size_t end = src_.find('>', lt);
      return end == std::string_view::npos ? src_.size() : end + 1;
    }
    bool closing = c == '/';
    size_t name_at = lt + (closing ? 2 : 1);
    if (name_at >= src_.size() || !IsAsciiAlpha(src_[name_at])) return lt + 1;  // text '<'
    std::string name;
    size_t k = name_at;
    while (k < src_.size() && !IsHtmlSpace(src_[k]) && src_[k] != '/' && src_[k] != '>') {
      if (name.size() < 32) name.push_back(Lower(src_[k]));
      ++k;
    }
    bool self_closing = false;
    size_t end = TagEnd(src_, lt, &self_closing);
    if (closing) {
      EndTag(name, lt, end);
      return end;
    }
    if (name == "plaintext") return src_.size();
    if (IsRawText(name)) {
      size_t close = FindEndTag(src_, end, name);
      return close == std::string_view::npos ? src_.size() : close;
    }
    if (!self_closing && !IsVoid(name) && !IsSelfLimiting(name)) StartTag(name, lt, end);
    return end;
  }

  void StartTag(const std::string& name, size_t from, size_t to) {
    if (static_cast<int>(open_.size()) < kMaxNesting) {
      open_.push_back(name);
      return;
    }
    Blank(from, to);
    ++blanked_[name];
  }

  void EndTag(const std::string& name, size_t from, size_t to) {
    auto it = std::find(open_.rbegin(), open_.rend(), name);
    if (it != open_.rend()) {
      // Closing an element also closes everything opened inside it.
      open_.erase(std::prev(it.base()), open_.end());
      return;
    }
    auto b = blanked_.find(name);
    if (b != blanked_.end() && b->second > 0) {
      --b->second;
      Blank(from, to);
    }
  }

  void Blank(size_t from, size_t to) {
    if (!out_) out_.emplace(src_);
    std::memset(out_->data() + from, ' ', to - from);
  }

  std::string_view src_;
  std::vector<std::string> open_;
  std::unordered_map<std::string, int> blanked_;
  std::optional<std::string> out_;
};

}  // namespace

std::optional<std::string> LimitNesting(std::string_view html) {
  return NestingLimiter(html).Run();
}

}  // namespace veille::html
