#include "clean/line_pattern.h"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <string>

#include <unicode/uchar.h>

namespace veille::pattern {

namespace {

class Parser {
 public:
  explicit Parser(std::string_view p) : p_(p) {}

  Node Parse() {
    Node n = ParseAlt();
    if (pos_ != p_.size()) throw Unsupported("unbalanced ')'");
    return n;
  }

 private:
  bool AtEnd() const { return pos_ >= p_.size(); }
  char Peek() const { return p_[pos_]; }

  // One UTF-8 character as a code point.
  int NextChar() {
    unsigned char c = static_cast<unsigned char>(p_[pos_++]);
    if (c < 0x80) return c;
    int len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
    int cp = c & (0x3F >> (len - 1));
    for (int i = 1; i < len; ++i) {
      if (AtEnd()) throw Unsupported("truncated UTF-8");
      cp = (cp << 6) | (static_cast<unsigned char>(p_[pos_++]) & 0x3F);
    }
    return cp;
  }

  Chars Literal(int cp) const {
    Chars s;
    if (cp < 128) s.Add(cp);
    else s.na = Bucket(cp);
    if (fold_) {
      // A cased character's orbit (what RE2 folds it with) may hold characters of any
      // bucket: all of them.
      if (cp >= 128 && u_hasBinaryProperty(cp, UCHAR_CASE_SENSITIVE)) s.na = kAllBuckets;
      if (cp == 0x212A) s.Add('k');
      if (cp == 0x17F) s.Add('s');
      s.Fold();
    }
    return s;
  }

  static Node SetNode(const Chars& s) {
    Node n;
    n.kind = Node::kSet;
    n.set = s;
    return n;
  }

  Node ParseAlt() {
    Node first = ParseCat();
    if (AtEnd() || Peek() != '|') return first;
    Node alt;
    alt.kind = Node::kAlt;
    alt.kids.push_back(std::move(first));
    while (!AtEnd() && Peek() == '|') {
      ++pos_;
      alt.kids.push_back(ParseCat());
    }
    return alt;
  }

  Node ParseCat() {
    Node cat;
    cat.kind = Node::kCat;
    while (!AtEnd() && Peek() != '|' && Peek() != ')') {
      Node atom = ParseAtom();
      while (!AtEnd()) {
        int min, max;
        char c = Peek();
        if (c == '*') min = 0, max = -1, ++pos_;
        else if (c == '+') min = 1, max = -1, ++pos_;
        else if (c == '?') min = 0, max = 1, ++pos_;
        else if (c == '{' && ParseCount(&min, &max)) {
        } else break;
        if (!AtEnd() && Peek() == '?') ++pos_;  // non-greedy: same language
        Node rep;
        rep.kind = Node::kRepeat;
        rep.min = min;
        rep.max = max;
        rep.kids.push_back(std::move(atom));
        atom = std::move(rep);
      }
      cat.kids.push_back(std::move(atom));
    }
    return cat;
  }

  // {m}, {m,}, {m,n} at pos_; false (nothing consumed) if it is a literal '{'.
  bool ParseCount(int* min, int* max) {
    size_t i = pos_ + 1;
    auto number = [&](int* out) {
      size_t start = i;
      long v = 0;
      while (i < p_.size() && p_[i] >= '0' && p_[i] <= '9') v = v * 10 + (p_[i++] - '0');
      if (i == start || v > 100000) return false;
      *out = static_cast<int>(v);
      return true;
    };
    if (!number(min)) return false;
    if (i < p_.size() && p_[i] == '}') {
      *max = *min;
    } else if (i < p_.size() && p_[i] == ',') {
      ++i;
      if (i < p_.size() && p_[i] == '}') *max = -1;
      else if (!number(max)) return false;
    } else {
      return false;
    }
    if (i >= p_.size() || p_[i] != '}') return false;
    pos_ = i + 1;
    return true;
  }

  Node ParseAtom() {
    char c = Peek();
    if (c == '(') return ParseGroup();
    if (c == '[') return SetNode(ParseClass());
    if (c == '.') {
      ++pos_;
      Chars s = Chars::All();
      s.lo &= ~(uint64_t{1} << '\n');
      return SetNode(s);
    }
    if (c == '^' || c == '$') {  // zero width: dropping them only loosens the condition
      ++pos_;
      return Node{};
    }
    if (c == '\\') {
      ++pos_;
      if (AtEnd()) throw Unsupported("trailing backslash");
      char e = Peek();
      if (e == 'b' || e == 'B' || e == 'A' || e == 'z') {
        ++pos_;
        return Node{};
      }
      return SetNode(ParseEscape());
    }
    return SetNode(Literal(NextChar()));
  }

  Node ParseGroup() {
    ++pos_;  // '('
    bool saved = fold_;
    if (!AtEnd() && Peek() == '?') {
      ++pos_;
      if (!AtEnd() && Peek() == 'P') {  // (?P<name>...)
        size_t close = p_.find('>', pos_);
        if (close == std::string_view::npos) throw Unsupported("group name");
        pos_ = close + 1;
      } else {
        bool on = true, flags_only = false;
        for (;;) {
          if (AtEnd()) throw Unsupported("group flags");
          char f = p_[pos_++];
          if (f == 'i') fold_ = on;
          else if (f == '-') on = false;
          else if (f == ':') break;
          else if (f == ')') {
            flags_only = true;
            break;
          } else throw Unsupported(std::string("flag ") + f);
        }
        if (flags_only) return Node{};  // (?i): applies to the rest of the enclosing group
      }
    }
    Node inner = ParseAlt();
    if (AtEnd() || Peek() != ')') throw Unsupported("unclosed group");
    ++pos_;
    fold_ = saved;
    return inner;
  }

  // After a backslash, outside or inside a class.
  Chars ParseEscape() {
    char e = p_[pos_++];
    Chars s;
    switch (e) {
      case 'd': s.AddRange('0', '9'); return s;
      case 'D': s.AddRange('0', '9'); s.Negate(); return s;
      case 's': for (int c : {'\t', '\n', '\f', '\r', ' '}) s.Add(c); return s;
      case 'S': for (int c : {'\t', '\n', '\f', '\r', ' '}) s.Add(c); s.Negate(); return s;
      case 'w': s.AddRange('0', '9'); s.AddRange('A', 'Z'); s.AddRange('a', 'z'); s.Add('_'); return s;
      case 'W': s.AddRange('0', '9'); s.AddRange('A', 'Z'); s.AddRange('a', 'z'); s.Add('_'); s.Negate(); return s;
      case 'p': case 'P': return UnicodeClass(e == 'P');
      case 'n': return Literal('\n');
      case 't': return Literal('\t');
      case 'r': return Literal('\r');
      case 'f': return Literal('\f');
      case 'v': return Literal('\v');
      case 'a': return Literal('\a');
      case 'x': {
        int cp = 0;
        if (!AtEnd() && Peek() == '{') {
          size_t close = p_.find('}', pos_);
          if (close == std::string_view::npos) throw Unsupported("\\x{");
          cp = std::stoi(std::string(p_.substr(pos_ + 1, close - pos_ - 1)), nullptr, 16);
          pos_ = close + 1;
        } else {
          if (pos_ + 2 > p_.size()) throw Unsupported("\\x");
          cp = std::stoi(std::string(p_.substr(pos_, 2)), nullptr, 16);
          pos_ += 2;
        }
        return Literal(cp);
      }
      default:
        if (static_cast<unsigned char>(e) < 0x80 && !std::isalnum(static_cast<unsigned char>(e)))
          return Literal(e);  // an escaped punctuation character
        throw Unsupported(std::string("escape \\") + e);
    }
  }

  // \pL, \p{Lu}, \P{N}, \p{^L}: exact on ASCII for L, Lu, Ll, N, Nd; any other class may
  // hold anything. Case folding applies (RE2 folds \p{Lu} under (?i)).
  Chars UnicodeClass(bool negated) {
    std::string name;
    if (AtEnd()) throw Unsupported("\\p");
    if (Peek() == '{') {
      size_t close = p_.find('}', pos_);
      if (close == std::string_view::npos) throw Unsupported("\\p{");
      name = std::string(p_.substr(pos_ + 1, close - pos_ - 1));
      pos_ = close + 1;
    } else {
      name = std::string(1, p_[pos_++]);
    }
    if (!name.empty() && name[0] == '^') {
      negated = !negated;
      name.erase(0, 1);
    }
    Chars s;
    s.na = kAllBuckets;
    if (name == "L") s.AddRange('A', 'Z'), s.AddRange('a', 'z');
    else if (name == "Lu") s.AddRange('A', 'Z');
    else if (name == "Ll") s.AddRange('a', 'z');
    else if (name == "N" || name == "Nd") s.AddRange('0', '9');
    else s = Chars::All();
    if (fold_) s.Fold();
    if (negated) s.Negate();
    return s;
  }

  // An escaped single character inside a class (after the backslash), as an ASCII code.
  int ClassChar() {
    bool saved = fold_;
    fold_ = false;
    Chars one = ParseEscape();
    fold_ = saved;
    if (one.na || __builtin_popcountll(one.lo) + __builtin_popcountll(one.hi) != 1)
      throw Unsupported("escape in a class range");
    return one.lo ? __builtin_ctzll(one.lo) : 64 + __builtin_ctzll(one.hi);
  }

  Chars ParseClass() {
    ++pos_;  // '['
    bool negated = false;
    if (!AtEnd() && Peek() == '^') negated = true, ++pos_;
    Chars s;
    bool first = true;
    for (;;) {
      if (AtEnd()) throw Unsupported("unclosed class");
      if (Peek() == ']' && !first) {
        ++pos_;
        break;
      }
      first = false;
      if (p_.substr(pos_, 2) == "[:") throw Unsupported("POSIX class");
      int lo;
      if (Peek() == '\\') {
        ++pos_;
        if (AtEnd()) throw Unsupported("trailing backslash");
        if (std::strchr("dDsSwWpP", Peek()) != nullptr) {
          s.Union(ParseEscape());
          continue;
        }
        lo = ClassChar();
      } else {
        lo = NextChar();
      }
      int hi = lo;
      if (pos_ + 1 < p_.size() && Peek() == '-' && p_[pos_ + 1] != ']') {
        ++pos_;
        if (Peek() == '\\') {
          ++pos_;
          if (AtEnd()) throw Unsupported("trailing backslash");
          hi = ClassChar();
        } else {
          hi = NextChar();
        }
      }
      s.AddRange(lo, hi);
      if (hi >= 0x80) {
        if (lo == hi && !(fold_ && u_hasBinaryProperty(lo, UCHAR_CASE_SENSITIVE))) s.na |= Bucket(lo);
        else s.na = kAllBuckets;
      }
      if (fold_ && lo <= 0x212A && hi >= 0x212A) s.Add('k');
      if (fold_ && lo <= 0x17F && hi >= 0x17F) s.Add('s');
    }
    if (fold_) s.Fold();
    if (negated) s.Negate();
    return s;
  }

  std::string_view p_;
  size_t pos_ = 0;
  bool fold_ = false;
};

}  // namespace

Node Parse(std::string_view pattern) { return Parser(pattern).Parse(); }

// Sets of characters each of which every match holds one of (a mandatory character, one
// character of every branch of a mandatory alternation).
std::vector<Chars> Required(const Node& n) {
  std::vector<Chars> out;
  switch (n.kind) {
    case Node::kEmpty:
      break;
    case Node::kSet:
      out.push_back(n.set);
      break;
    case Node::kCat:
      for (const Node& k : n.kids) {
        std::vector<Chars> part = Required(k);
        out.insert(out.end(), part.begin(), part.end());
      }
      break;
    case Node::kAlt: {
      Chars any;
      for (const Node& k : n.kids) {
        std::vector<Chars> part = Required(k);
        if (part.empty()) return {};
        any.Union(*std::min_element(part.begin(), part.end(),
                                    [](const Chars& a, const Chars& b) { return a.Size() < b.Size(); }));
      }
      out.push_back(any);
      break;
    }
    case Node::kRepeat:
      if (n.min > 0) out = Required(n.kids[0]);
      break;
  }
  return out;
}

// The same pattern read backwards: its prefixes are the pattern's suffixes, reversed.
Node Reversed(const Node& n) {
  Node r = n;
  for (Node& k : r.kids) k = Reversed(k);
  if (r.kind == Node::kCat) std::reverse(r.kids.begin(), r.kids.end());
  return r;
}

Chars AllChars(const Node& n) {
  Chars c;
  if (n.kind == Node::kSet) c = n.set;
  for (const Node& k : n.kids) c.Union(AllChars(k));
  return c;
}

}  // namespace veille::pattern
