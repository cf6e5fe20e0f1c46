#include "ingest/reader.h"

#include <fmt/format.h>

#include <algorithm>
#include <exception>
#include <filesystem>
#include <system_error>
#include <vector>

#include "core/utf8.h"
#include "ingest/formats.h"

namespace veille {
namespace fs = std::filesystem;
namespace {

std::string DocIdFromPath(const std::string& path) {
  fs::path p(path);
  std::string name = p.filename().string();
  for (std::string_view ext : {".gz", ".txt", ".text", ".html", ".htm", ".xhtml"}) {
    if (name.size() > ext.size() && name.compare(name.size() - ext.size(), ext.size(), ext) == 0)
      name.resize(name.size() - ext.size());
  }
  return name;
}

// Reads the whole source, up to `limit` bytes; sets *over when there was more.
std::string ReadAll(ByteSource& src, size_t limit, bool* over) {
  std::string out;
  std::string buf(1 << 16, '\0');
  *over = false;
  while (true) {
    size_t n = src.Read(buf.data(), buf.size());
    if (n == 0) break;
    if (out.size() + n > limit) {
      *over = true;
      out.append(buf.data(), limit - out.size());
      // Drain without keeping, so a pipe writer is not blocked.
      while (src.Read(buf.data(), buf.size()) > 0) {
      }
      break;
    }
    out.append(buf.data(), n);
  }
  return out;
}

// Reads the first bytes of *src for sniffing and puts them back in front of it.
std::string ReadHead(std::unique_ptr<ByteSource>* src) {
  std::string head(4096, '\0');
  size_t got = 0;
  while (got < head.size()) {
    size_t n = (*src)->Read(head.data() + got, head.size() - got);
    if (n == 0) break;
    got += n;
  }
  head.resize(got);
  *src = PrependSource(head, std::move(*src));
  return head;
}

// An exception thrown by the caller's callback (a database that cannot be written,
// ...): not a problem with the input, so it passes the readers' handlers untouched
// (it is not a std::exception) and is rethrown as it was.
struct CallbackFailure {
  std::exception_ptr error;
};

// Reads one opened input: `path` names it in messages, `file` is how it was asked
// for ("-" for stdin, whose format is always sniffed).
void ReadSource(std::unique_ptr<ByteSource> src, const std::string& file, const ReadOptions& options,
                Diagnostics& diag, const DocCallback& caller_emit) {
  const DocCallback emit = [&](Doc&& doc) {
    try {
      caller_emit(std::move(doc));
    } catch (...) {
      throw CallbackFailure{std::current_exception()};
    }
  };
  // Messages and `source` name stdin "stdin"; "-" is only how it is asked for.
  const std::string path = file == "-" ? "stdin" : file;
  bool gz = false;
  Format format = file == "-" ? Format::kUnknown : FormatFromName(path, &gz);
  // Sniff what the name does not tell (stdin, unknown extensions, gzip).
  std::string head;
  try {
    head = ReadHead(&src);
    if (head.size() >= 2 && static_cast<unsigned char>(head[0]) == 0x1F && static_cast<unsigned char>(head[1]) == 0x8B)
      gz = true;
    if (gz) {
      src = GunzipSource(std::move(src));
      head = ReadHead(&src);
    }
  } catch (const std::exception& e) {
    diag.Error(path, e.what());
    return;
  }
  if (format == Format::kUnknown) format = SniffFormat(head);

  try {
    switch (format) {
      case Format::kJsonl:
        ReadJsonl(*src, path, options, diag, emit);
        return;
      case Format::kWarc:
        ReadWarcStream(*src, path, options, diag, emit);
        return;
      default:
        break;
    }
    bool over = false;
    std::string bytes = ReadAll(*src, options.max_doc_bytes, &over);
    if (over) {
      diag.Error(path, fmt::format("document larger than the {} limit (--max-doc-size); skipped",
                                   HumanBytes(options.max_doc_bytes)));
      return;
    }
    if (bytes.empty()) {
      diag.Warning(path, "empty file; no document");
      return;
    }
    if (utf8::LooksBinary(bytes)) {
      diag.Error(path, "binary data, not text; skipped");
      return;
    }
    if (format == Format::kHtml)
      ReadHtmlDoc(std::move(bytes), path, file == "-" ? "stdin" : DocIdFromPath(path), "", diag, emit);
    else
      ReadTextDoc(std::move(bytes), path, diag, emit);
  } catch (const std::exception& e) {
    diag.Error(path, e.what());
  }
}

void ReadOneFile(const std::string& file, const ReadOptions& options, Diagnostics& diag, const DocCallback& emit) {
  std::unique_ptr<ByteSource> src;
  try {
    src = OpenFile(file);
  } catch (const std::exception& e) {
    diag.Error(file == "-" ? "stdin" : file, e.what());
    return;
  }
  try {
    ReadSource(std::move(src), file, options, diag, emit);
  } catch (const CallbackFailure& f) {
    std::rethrow_exception(f.error);
  }
}

}  // namespace

void ReadBytes(std::string bytes, const std::string& name, const ReadOptions& options, Diagnostics& diag,
               const DocCallback& emit) {
  try {
    ReadSource(PrependSource(std::move(bytes), nullptr), name, options, diag, emit);
  } catch (const CallbackFailure& f) {
    std::rethrow_exception(f.error);
  }
}

void ReadInput(const std::string& path, const ReadOptions& options, Diagnostics& diag, const DocCallback& emit) {
  if (path == "-") {
    ReadOneFile(path, options, diag, emit);
    return;
  }
  std::error_code ec;
  fs::file_status st = fs::status(path, ec);
  if (ec || !fs::exists(st)) {
    diag.Error(path, ec ? ec.message() : "No such file or directory");
    return;
  }
  if (!fs::is_directory(st)) {
    ReadOneFile(path, options, diag, emit);
    return;
  }
  std::vector<std::string> files;
  fs::recursive_directory_iterator it(path, fs::directory_options::skip_permission_denied, ec), end;
  if (ec) {
    diag.Error(path, ec.message());
    return;
  }
  for (; it != end; it.increment(ec)) {
    if (ec) {
      diag.Error(path, ec.message());
      break;
    }
    if (!it->is_regular_file(ec)) continue;
    std::string name = it->path().string();
    bool gz;
    // Inside directories only files whose name says what they are; others
    // (images, README.md, SOURCE.txt licences are .txt and are read) are passed over.
    if (FormatFromName(name, &gz) != Format::kUnknown) files.push_back(std::move(name));
  }
  std::sort(files.begin(), files.end());
  for (const std::string& f : files) ReadOneFile(f, options, diag, emit);
}

size_t InputSize(const std::string& path) {
  if (path == "-") return 0;
  std::error_code ec;
  if (!fs::is_directory(path, ec)) {
    size_t n = fs::file_size(path, ec);
    return ec ? 0 : n;
  }
  size_t total = 0;
  for (fs::recursive_directory_iterator it(path, fs::directory_options::skip_permission_denied, ec), end;
       !ec && it != end; it.increment(ec)) {
    bool gz;
    if (it->is_regular_file(ec) && FormatFromName(it->path().string(), &gz) != Format::kUnknown)
      total += it->file_size(ec);
  }
  return total;
}

}  // namespace veille
