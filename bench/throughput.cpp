// veille-bench: single-core throughput of veille's read -> clean -> lang -> segment
// over PATH..., next to `wc -w` over the same files, in the same run.
//
// The veille part runs in this process first (one thread, one Pipeline built
// once, Run(doc) per document); its peak RSS is read with getrusage before
// `wc -w` is spawned. Each measure is repeated --repeat times and the best
// (shortest) run is reported; every run is in the --json output.
#include <CLI/CLI.hpp>
#include <fcntl.h>
#include <fmt/format.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

#include "core/diagnostics.h"
#include "core/doc.h"
#include "ingest/reader.h"
#include "pipeline/pipeline.h"

extern char** environ;

namespace veille::bench {
namespace {

namespace fs = std::filesystem;

constexpr double kMB = 1e6;  // throughput is in MB/s, 1 MB = 10^6 bytes

// The stages, cumulative: each includes the ones before it.
const char* const kStageNames[] = {"read", "clean", "lang", "segment", "all"};

// Stages this Pipeline can stop after. PipelineOptions has no per-stage switch
// (only `clean`, which drops cleaning but still runs lang and segment), so only
// `read` (ReadInput alone) and `all` (ReadInput + Pipeline::Run) are measurable.
bool StageSupported(std::string_view s) {
  return s == "read" || s == "clean" || s == "lang" || s == "segment" || s == "all";
}

PipelineOptions OptionsFor(std::string_view stage) {
  PipelineOptions o;
  if (stage == "clean") o.stop = PipelineOptions::Stop::kAfterClean;
  if (stage == "lang") o.stop = PipelineOptions::Stop::kAfterLang;
  if (stage == "segment") o.stop = PipelineOptions::Stop::kAfterSegment;
  return o;
}

double Now() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

double Seconds(const timeval& t) { return t.tv_sec + t.tv_usec / 1e6; }

// CPU time (user + system) of this process so far: what one core spent on the
// work, whatever else the machine runs at the same time.
double CpuNow() {
  struct rusage u;
  getrusage(RUSAGE_SELF, &u);
  return Seconds(u.ru_utime) + Seconds(u.ru_stime);
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// The names ReadInput picks up inside a directory (see ingest/formats.h, which
// is internal to ingest/): .txt .text .jsonl .ndjson .html .htm .xhtml .warc,
// each optionally followed by .gz.
bool ReaderTakesName(std::string_view name) {
  if (EndsWith(name, ".gz")) name.remove_suffix(3);
  for (std::string_view ext : {".txt", ".text", ".jsonl", ".ndjson", ".html", ".htm", ".xhtml", ".warc"})
    if (EndsWith(name, ext)) return true;
  return false;
}

// Expands PATH... into the regular files ReadInput reads, in its order (a
// directory's entries sorted by name). A file named on the command line is taken
// whatever its name, as ReadInput does.
bool ExpandFiles(const std::vector<std::string>& paths, std::vector<std::string>* files, std::string* error) {
  for (const std::string& path : paths) {
    std::error_code ec;
    fs::file_status st = fs::status(path, ec);
    if (ec || !fs::exists(st)) {
      *error = path + ": no such file or directory";
      return false;
    }
    if (!fs::is_directory(st)) {
      files->push_back(path);
      continue;
    }
    std::vector<std::string> found;
    for (fs::recursive_directory_iterator it(path, fs::directory_options::skip_permission_denied, ec), end;
         !ec && it != end; it.increment(ec)) {
      if (it->is_regular_file(ec) && ReaderTakesName(it->path().string())) found.push_back(it->path().string());
    }
    if (ec) {
      *error = path + ": " + ec.message();
      return false;
    }
    std::sort(found.begin(), found.end());
    files->insert(files->end(), found.begin(), found.end());
  }
  return true;
}

// Reads every file once so that neither side pays for the first read from disk.
void WarmPageCache(const std::vector<std::string>& files) {
  std::unique_ptr<char[]> buf(new char[1 << 20]);
  for (const std::string& f : files) {
    int fd = open(f.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) continue;
    while (read(fd, buf.get(), 1 << 20) > 0) {
    }
    close(fd);
  }
}

// One measure's runs, in wall-clock and in CPU (user + system) seconds. Times
// are compared by `clock`: CPU time by default, as the machine may be shared.
struct Runs {
  std::vector<double> seconds;      // wall clock
  std::vector<double> cpu_seconds;  // user + system
  bool cpu = true;                  // Best() and Mean() use CPU time
  const std::vector<double>& used() const { return cpu ? cpu_seconds : seconds; }
  double Best() const { return used().empty() ? 0.0 : *std::min_element(used().begin(), used().end()); }
  double Mean() const {
    double sum = 0;
    for (double s : used()) sum += s;
    return used().empty() ? 0.0 : sum / used().size();
  }
};

struct StageResult {
  std::string stage;
  Runs runs;
  size_t docs = 0;
  size_t sentences = 0;
  size_t french = 0;
  int warnings = 0;
  int errors = 0;
};

StageResult RunStage(const std::string& stage, const std::vector<std::string>& paths, const Pipeline* pipeline,
                     int repeat, bool cpu) {
  StageResult r;
  r.stage = stage;
  r.runs.cpu = cpu;
  ReadOptions options;
  for (int i = 0; i < repeat; i++) {
    Diagnostics diag;
    diag.set_quiet(true);
    size_t docs = 0, sentences = 0, french = 0;
    double start = Now(), cpu_start = CpuNow();
    for (const std::string& path : paths) {
      ReadInput(path, options, diag, [&](Doc&& doc) {
        if (pipeline != nullptr) {
          pipeline->Run(doc);
          sentences += doc.sentences.size();
          french += doc.is_french();
        }
        docs++;
      });
    }
    r.runs.seconds.push_back(Now() - start);
    r.runs.cpu_seconds.push_back(CpuNow() - cpu_start);
    r.docs = docs;
    r.sentences = sentences;
    r.french = french;
    r.warnings = diag.warnings();
    r.errors = diag.errors();
  }
  return r;
}

struct WcResult {
  Runs runs;
  long long words = -1;
  std::string locale;  // the LC_ALL / LC_CTYPE / LANG wc ran with
  std::string error;
};

std::string EffectiveLocale(const std::vector<std::string>& env) {
  for (const char* var : {"LC_ALL=", "LC_CTYPE=", "LANG="}) {
    for (const std::string& e : env)
      if (e.rfind(var, 0) == 0 && e.size() > strlen(var)) return e;
  }
  return "(POSIX)";
}

// Runs `wc -w --files0-from=LIST` once; returns false and sets *error on failure.
bool SpawnWc(const std::string& list, const std::vector<std::string>& env, double* seconds, double* cpu_seconds,
             long long* words, std::string* error) {
  int fds[2];
  if (pipe2(fds, O_CLOEXEC) != 0) {
    *error = std::string("pipe: ") + strerror(errno);
    return false;
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, fds[1], STDOUT_FILENO);
  std::string files0 = "--files0-from=" + list;
  char arg0[] = "wc", arg1[] = "-w";
  char* argv[] = {arg0, arg1, files0.data(), nullptr};
  std::vector<char*> envp;
  for (const std::string& e : env) envp.push_back(const_cast<char*>(e.c_str()));
  envp.push_back(nullptr);

  double start = Now();
  pid_t pid;
  int rc = posix_spawnp(&pid, "wc", &actions, nullptr, argv, envp.data());
  posix_spawn_file_actions_destroy(&actions);
  close(fds[1]);
  if (rc != 0) {
    close(fds[0]);
    *error = std::string("cannot run wc: ") + strerror(rc);
    return false;
  }
  std::string out;
  char buf[1 << 16];
  ssize_t n;
  while ((n = read(fds[0], buf, sizeof buf)) > 0 || (n < 0 && errno == EINTR)) {
    if (n > 0) out.append(buf, n);
  }
  close(fds[0]);
  int status = 0;
  struct rusage usage = {};
  while (wait4(pid, &status, 0, &usage) < 0 && errno == EINTR) {
  }
  *seconds = Now() - start;
  *cpu_seconds = Seconds(usage.ru_utime) + Seconds(usage.ru_stime);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    *error = "wc -w failed";
    return false;
  }
  // The last line is "N total" (or "N FILE" for a single file).
  while (!out.empty() && out.back() == '\n') out.pop_back();
  size_t line = out.rfind('\n');
  *words = std::strtoll(out.c_str() + (line == std::string::npos ? 0 : line + 1), nullptr, 10);
  return true;
}

WcResult RunWc(const std::vector<std::string>& files, int repeat, const std::string& locale, bool cpu) {
  WcResult r;
  r.runs.cpu = cpu;
  // The file list goes through a temporary file: no argv length limit, any name.
  char list[] = "/tmp/veille-bench-files-XXXXXX";
  int fd = mkstemp(list);
  if (fd < 0) {
    r.error = std::string("mkstemp: ") + strerror(errno);
    return r;
  }
  std::string names;
  for (const std::string& f : files) names.append(f).push_back('\0');
  bool ok = write(fd, names.data(), names.size()) == static_cast<ssize_t>(names.size());
  close(fd);
  if (!ok) {
    r.error = "cannot write the file list";
    unlink(list);
    return r;
  }
  std::vector<std::string> env;
  for (char** e = environ; *e != nullptr; e++) {
    if (!locale.empty() && strncmp(*e, "LC_ALL=", 7) == 0) continue;
    env.emplace_back(*e);
  }
  if (!locale.empty()) env.push_back("LC_ALL=" + locale);
  r.locale = EffectiveLocale(env);
  for (int i = 0; i < repeat; i++) {
    double seconds = 0, cpu_seconds = 0;
    if (!SpawnWc(list, env, &seconds, &cpu_seconds, &r.words, &r.error)) break;
    r.runs.seconds.push_back(seconds);
    r.runs.cpu_seconds.push_back(cpu_seconds);
  }
  unlink(list);
  return r;
}

std::string JsonString(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20)
          out += fmt::format("\\u{:04x}", c);
        else
          out += c;
    }
  }
  return out + "\"";
}

std::string JsonRuns(const std::vector<double>& runs) {
  std::string out = "[";
  for (size_t i = 0; i < runs.size(); i++) out += fmt::format("{}{:.4f}", i ? "," : "", runs[i]);
  return out + "]";
}

// "seconds" (best, by the chosen clock), "mean_seconds", and every run in both clocks.
std::string JsonTimes(const Runs& runs) {
  return fmt::format("\"seconds\":{:.4f},\"mean_seconds\":{:.4f},\"runs\":{},\"wall_runs\":{},\"cpu_runs\":{}",
                     runs.Best(), runs.Mean(), JsonRuns(runs.used()), JsonRuns(runs.seconds),
                     JsonRuns(runs.cpu_seconds));
}

double MBps(size_t bytes, double seconds) { return seconds > 0 ? bytes / kMB / seconds : 0.0; }

}  // namespace

int Main(int argc, char** argv) {
  CLI::App app{"veille-bench: single-core throughput of veille (read, clean, lang, segment) next to wc -w."};
  app.name("veille-bench");
  app.footer(R"(Stages are cumulative: read = ReadInput only; clean, lang, segment = the pipeline
stopped after that stage (segment = issue 2's read+clean+lang+segment); all = the
whole pipeline including the French stages (time, entities). Several stages may be
given: --stages read,segment,all.

The page cache is warmed first (every file read once), then veille runs in this
process on one core, then `wc -w --files0-from=LIST` over the same files. The best
of --repeat runs is reported. MB/s use 1 MB = 10^6 bytes of input files (on disk,
so compressed bytes for .gz). ratio = veille MB/s / wc -w MB/s.

Example: veille-bench --repeat 3 /tmp/veille-bench/100M/jsonl)");
  std::vector<std::string> paths;
  std::vector<std::string> stages = {"all"};
  bool json = false;
  bool no_wc = false;
  bool no_warm = false;
  int repeat = 1;
  std::string wc_locale;
  std::string clock = "cpu";
  app.add_option("PATH", paths, "Input files or directories (as for `veille extract`)")->required();
  app.add_option("--stages", stages, "Stages to measure, cumulative: read|clean|lang|segment|all (default all)")
      ->delimiter(',')
      ->check(CLI::IsMember({"read", "clean", "lang", "segment", "all"}));
  app.add_flag("--json", json, "Print one JSON object instead of a table");
  app.add_option("--repeat", repeat, "Runs of each measure; the best is reported (default 1)")
      ->check(CLI::Range(1, 1000));
  app.add_option("--wc-locale", wc_locale, "LC_ALL for wc -w (default: this environment's locale)");
  app.add_flag("--no-wc", no_wc, "Do not run wc -w");
  app.add_option("--clock", clock,
                 "cpu: compare user + system CPU time (default; right on a shared, loaded machine); wall: elapsed time")
      ->check(CLI::IsMember({"cpu", "wall"}));
  app.add_flag("--no-warm", no_warm, "Do not read the files once before timing");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? kExitOk : kExitUsage;
  }
  for (const std::string& s : stages) {
    if (!StageSupported(s)) {
      fmt::print(stderr,
                 "veille-bench: --stages {}: not measurable yet: PipelineOptions has no switch to stop after "
                 "this stage; use read and/or all\n",
                 s);
      return kExitUsage;
    }
  }
  // Measure in pipeline order whatever the order given.
  std::vector<std::string> ordered;
  for (const char* name : kStageNames)
    if (std::find(stages.begin(), stages.end(), name) != stages.end()) ordered.push_back(name);

  std::vector<std::string> files;
  std::string error;
  for (const std::string& p : paths) {
    if (p == "-") {
      fmt::print(stderr, "veille-bench: stdin cannot be read twice (veille and wc); give files\n");
      return kExitUsage;
    }
  }
  if (!ExpandFiles(paths, &files, &error)) {
    fmt::print(stderr, "veille-bench: {}\n", error);
    return kExitUsage;
  }
  if (files.empty()) {
    fmt::print(stderr, "veille-bench: no input file under the given paths\n");
    return kExitUsage;
  }
  size_t bytes = 0;
  for (const std::string& f : files) {
    std::error_code ec;
    bytes += fs::file_size(f, ec);
  }
  if (!no_warm) WarmPageCache(files);

  // veille, in this process.
  std::vector<StageResult> results;
  double setup_seconds = 0;
  for (const std::string& stage : ordered) {
    std::optional<Pipeline> pipeline;
    if (stage != "read") {
      double start = Now();
      try {
        pipeline.emplace(OptionsFor(stage));
      } catch (const std::exception& e) {
        fmt::print(stderr, "veille-bench: cannot load the pipeline: {}\n", e.what());
        return kExitUsage;
      }
      setup_seconds = std::max(setup_seconds, Now() - start);
    }
    results.push_back(RunStage(stage, paths, pipeline ? &*pipeline : nullptr, repeat, clock == "cpu"));
  }
  struct rusage usage;
  getrusage(RUSAGE_SELF, &usage);
  const size_t peak_rss = static_cast<size_t>(usage.ru_maxrss) * 1024;  // ru_maxrss is in KiB on Linux

  // wc -w, in a child process.
  WcResult wc;
  if (!no_wc) {
    wc = RunWc(files, repeat, wc_locale, clock == "cpu");
    if (!wc.error.empty()) fmt::print(stderr, "veille-bench: {}\n", wc.error);
  }
  const bool have_wc = !no_wc && wc.error.empty() && !wc.runs.seconds.empty();
  const double wc_mbps = have_wc ? MBps(bytes, wc.runs.Best()) : 0.0;

  if (json) {
    std::string out = "{\"paths\":[";
    for (size_t i = 0; i < paths.size(); i++) out += (i ? "," : "") + JsonString(paths[i]);
    out += fmt::format(
        "],\"files\":{},\"bytes\":{},\"repeat\":{},\"clock\":\"{}\",\"setup_seconds\":{:.4f},\"peak_rss_bytes\":{}",
        files.size(), bytes, repeat, clock, setup_seconds, peak_rss);
    out += ",\"veille\":[";
    for (size_t i = 0; i < results.size(); i++) {
      const StageResult& r = results[i];
      double mbps = MBps(bytes, r.runs.Best());
      out += fmt::format(
          "{}{{\"stage\":\"{}\",\"docs\":{},\"sentences\":{},\"french_docs\":{},\"warnings\":{},\"errors\":{},"
          "{},\"mb_per_s\":{:.2f}",
          i ? "," : "", r.stage, r.docs, r.sentences, r.french, r.warnings, r.errors, JsonTimes(r.runs), mbps);
      if (have_wc) out += fmt::format(",\"ratio_to_wc\":{:.5f}", mbps / wc_mbps);
      out += "}";
    }
    out += "]";
    if (have_wc)
      out += fmt::format(",\"wc\":{{{},\"mb_per_s\":{:.2f},\"words\":{},\"locale\":{}}}", JsonTimes(wc.runs),
                         wc_mbps, wc.words, JsonString(wc.locale));
    else
      out += ",\"wc\":null";
    fmt::print("{}}}\n", out);
  } else {
    fmt::print("input: {} file(s), {} bytes ({:.1f} MB); best of {} run(s); 1 core; {}\n", files.size(), bytes,
               bytes / kMB, repeat, clock == "cpu" ? "CPU time (user + system)" : "wall-clock time");
    fmt::print("{:<16} {:>10} {:>10} {:>10}  {}\n", "", "docs", clock == "cpu" ? "CPU s" : "seconds", "MB/s", "");
    for (const StageResult& r : results) {
      std::string note = r.stage == "read"      ? "ReadInput only"
                         : r.stage == "clean"   ? "read + clean"
                         : r.stage == "lang"    ? "read + clean + lang"
                         : r.stage == "segment" ? "read + clean + lang + segment"
                                                : "whole pipeline (+ time, entities)";
      if (r.errors || r.warnings) note += fmt::format("; {} errors, {} warnings", r.errors, r.warnings);
      fmt::print("{:<16} {:>10} {:>10.3f} {:>10.2f}  {}\n", "veille " + r.stage, r.docs, r.runs.Best(),
                 MBps(bytes, r.runs.Best()), note);
    }
    if (have_wc)
      fmt::print("{:<16} {:>10} {:>10.3f} {:>10.2f}  {} words, {}\n", "wc -w", "", wc.runs.Best(), wc_mbps,
                 wc.words, wc.locale);
    if (have_wc) {
      for (const StageResult& r : results)
        fmt::print("ratio veille {}/wc -w: {:.4f} (veille takes {:.1f}x the time of wc -w)\n", r.stage,
                   MBps(bytes, r.runs.Best()) / wc_mbps, r.runs.Best() / wc.runs.Best());
    }
    fmt::print("peak RSS (veille): {:.1f} MB; pipeline setup: {:.3f} s (not in the timings)\n", peak_rss / kMB,
               setup_seconds);
  }
  if (!no_wc && !have_wc) return kExitFatal;
  return kExitOk;
}

}  // namespace veille::bench

int main(int argc, char** argv) { return veille::bench::Main(argc, argv); }
