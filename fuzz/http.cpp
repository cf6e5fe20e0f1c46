// veille serve's request handling: the raw request target (and method) from the bytes,
// parsed (ParseTarget: %-decoding, query splitting) and answered by Api::Handle over a
// small database built once from two documents run through the pipeline. Every answer
// must be 200, a 4xx JSON error or 503 (time limit), and every JSON answer must parse.
#include <nlohmann/json.hpp>
#include <unistd.h>

#include <filesystem>
#include <memory>
#include <string>

#include "fuzz/targets.h"
#include "output/contract.h"
#include "pipeline/pipeline.h"
#include "serve/api.h"
#include "serve/http.h"
#include "store/database.h"
#include "store/writer.h"

namespace veille::fuzz {
namespace {

std::string BuildDatabase() {
  std::string path = (std::filesystem::temp_directory_path() / ("veille-fuzz-http-" + std::to_string(getpid()) + ".db")).string();
  std::filesystem::remove(path);
  PipelineOptions po;
  po.language = "fr";
  Pipeline pipeline(po);
  store::Database db(path, store::Database::Mode::kReadWrite);
  store::Writer writer(db);
  const char* texts[][3] = {
      {"a", "2024-03-05",
       "Réunion à Genève. Le ministre russe des Affaires étrangères, Sergueï Lavrov, a rencontré mardi son "
       "homologue vénézuélien Yván Gil à Moscou. Les deux pays ont signé un accord énergétique."},
      {"b", "2024-04-10",
       "Washington a menacé Caracas de nouvelles sanctions. « Nous ne céderons pas », a déclaré Nicolás Maduro."},
  };
  for (const auto& t : texts) {
    Doc d;
    d.id = t[0];
    d.source = "fuzz";
    d.format = "txt";
    d.date = t[1];
    d.date_source = "metadata";
    d.original = d.text = t[2];
    d.map = OffsetMap::Identity(static_cast<uint32_t>(d.text.size()));
    pipeline.Run(d);
    std::string contract;
    AppendContractJson(d, &contract);
    writer.Add(d, contract);
  }
  writer.Commit();
  return path;
}

}  // namespace

int Http(const uint8_t* data, size_t size) {
  static const std::string path = BuildDatabase();
  static serve::Api api(path);
  std::string_view in(reinterpret_cast<const char*>(data), size);
  size_t nl = in.find('\n');
  std::string_view method = nl == std::string_view::npos || nl > 16 ? "GET" : in.substr(0, nl);
  std::string_view target = nl == std::string_view::npos || nl > 16 ? in : in.substr(nl + 1);
  serve::Request request = serve::ParseTarget(method, target);
  serve::Response r = api.Handle(request);
  FUZZ_CHECK(r.status == 200 || (r.status >= 400 && r.status < 500) || r.status == 503);
  if (r.status != 200) FUZZ_CHECK(r.body.starts_with("{\"error\": "));
  if (request.method == "GET" && r.content_type.starts_with("application/json"))
    FUZZ_CHECK(nlohmann::json::accept(r.body));
  return 0;
}

}  // namespace veille::fuzz
