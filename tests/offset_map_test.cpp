#include "core/offset_map.h"

#include <gtest/gtest.h>

#include "core/utf8.h"

namespace veille {
namespace {

TEST(OffsetMap, IdentityMapsEveryOffsetToItself) {
  OffsetMap m = OffsetMap::Identity(10);
  for (uint32_t i = 0; i <= 10; ++i) EXPECT_EQ(m.ToSource(i), i);
  EXPECT_TRUE(m.is_identity());
}

TEST(OffsetMap, BuilderTracksSkipsAndReplacements) {
  std::string src = "ab[ad]cd\xC2\xA0" "ef";
  TextBuilder b(src);
  b.Copy(0, 2);           // "ab"
  b.Skip(2, 6);           // "[ad]"
  b.Copy(6, 8);           // "cd"
  b.Replace(8, 10, " ");  // NBSP -> space
  OffsetMap m;
  std::string out = b.Finish(&m);
  EXPECT_EQ(out, "abcd ef");
  EXPECT_EQ(m.ToSource(0), 0u);
  EXPECT_EQ(m.ToSource(2), 6u);  // 'c'
  EXPECT_EQ(m.ToSource(4), 8u);  // the space stands for the NBSP
  EXPECT_EQ(m.ToSource(5), 10u); // 'e'
  EXPECT_EQ(m.ToSource(7), 12u); // end
  EXPECT_EQ(m.ToSource(Span{4, 5}), (Span{8, 10}));
  EXPECT_EQ(m.ToSource(Span{2, 7}), (Span{6, 12}));
}

TEST(OffsetMap, ComposeChainsTwoStages) {
  // Stage 1: drop "<b>" and "</b>" from HTML-ish source.
  std::string html = "x<b>yz</b>w";
  TextBuilder b1(html);
  b1.Copy(0, 1);
  b1.Skip(1, 4);
  b1.Copy(4, 6);
  b1.Skip(6, 10);
  OffsetMap m1;
  std::string t1 = b1.Finish(&m1);
  ASSERT_EQ(t1, "xyzw");
  // Stage 2: replace 'y' by "YY".
  TextBuilder b2(t1);
  b2.Copy(0, 1);
  b2.Replace(1, 2, "YY");
  OffsetMap m2;
  std::string t2 = b2.Finish(&m2);
  ASSERT_EQ(t2, "xYYzw");
  OffsetMap m = m1.Compose(m2);
  EXPECT_EQ(m.ToSource(0), 0u);   // x
  EXPECT_EQ(m.ToSource(1), 4u);   // Y -> y
  EXPECT_EQ(m.ToSource(3), 5u);   // z
  EXPECT_EQ(m.ToSource(4), 10u);  // w
  EXPECT_EQ(m.ToSource(5), 11u);
  EXPECT_EQ(m.ToSource(Span{3, 5}), (Span{5, 11}));
}

// The reader's identity map composed with the cleaner's is the cleaner's map itself
// (the shortcut Compose takes), and an identity shorter than the inner sources still
// maps every position as the inner map does (the walk, extrapolating past its end).
TEST(OffsetMap, ComposeWithAnIdentityKeepsTheInnerMap) {
  std::string src = "ab  cd\xC2\xA0" "ef[x]g";
  TextBuilder b(src);
  b.Copy(0, 3);
  b.Skip(3, 4);
  b.Copy(4, 6);
  b.Replace(6, 8, " ");
  b.Copy(8, 10);
  b.Skip(10, 13);
  b.Copy(13, 14);
  OffsetMap inner;
  std::string out = b.Finish(&inner);
  ASSERT_EQ(out, "ab cd efg");
  OffsetMap whole = OffsetMap::Identity(static_cast<uint32_t>(src.size())).Compose(inner);
  ASSERT_EQ(whole.anchors().size(), inner.anchors().size());
  for (size_t k = 0; k < inner.anchors().size(); ++k) {
    EXPECT_EQ(whole.anchors()[k].derived, inner.anchors()[k].derived);
    EXPECT_EQ(whole.anchors()[k].source, inner.anchors()[k].source);
  }
  OffsetMap shorter = OffsetMap::Identity(5).Compose(inner);
  for (uint32_t pos = 0; pos <= out.size(); ++pos) {
    EXPECT_EQ(whole.ToSource(pos), inner.ToSource(pos)) << pos;
    EXPECT_EQ(shorter.ToSource(pos), inner.ToSource(pos)) << pos;
    for (uint32_t end = pos; end <= out.size(); ++end) {
      EXPECT_EQ(whole.ToSource(Span{pos, end}), inner.ToSource(Span{pos, end}));
      EXPECT_EQ(shorter.ToSource(Span{pos, end}), inner.ToSource(Span{pos, end}));
    }
  }
}

TEST(Utf8, RepairReplacesMaximalSubparts) {
  std::string bad = "a\xC3(b\xE2\x82z\xFF";
  std::string out;
  OffsetMap m;
  EXPECT_EQ(utf8::Repair(bad, &out, &m), 3u);
  EXPECT_EQ(out, "a\xEF\xBF\xBD(b\xEF\xBF\xBDz\xEF\xBF\xBD");
  EXPECT_TRUE(utf8::IsValid(out));
  EXPECT_EQ(m.ToSource(5), 3u);  // 'b'
  EXPECT_EQ(m.ToSource(Span{6, 9}), (Span{4, 6}));
}

TEST(Utf8, ValidTextIsUntouched) {
  std::string s = "L’été à Caracas — «\xC2\xA0oui\xC2\xA0»";
  std::string out;
  EXPECT_EQ(utf8::Repair(s, &out), 0u);
  EXPECT_EQ(out, s);
  EXPECT_FALSE(utf8::LooksBinary(s));
  EXPECT_TRUE(utf8::LooksBinary(std::string("PK\x03\x04\0\0", 6)));
}

}  // namespace
}  // namespace veille
