// notify_webhook: a command's events as one HTTP POST (libcurl), with a connect and a total timeout
// and retries with backoff. The body is one JSON object, {"count": N, "events": [EVENT, ...]},
// each EVENT as plugins/common/delivery.hpp writes it (docs/plugins.md). A delivery that still
// fails is reported (exit 4); the host keeps all of its events in the store and sends them again,
// oldest first, in the next run.
//
//   [[plugin]]
//   name = "webhook"
//   [plugin.settings]
//   url = "https://chat.example.gov.vn/hooks/plantrack"
//   timeout_ms = 5000     # per attempt
//   retries = 3           # attempts after the first
//   backoff_ms = 500      # wait before the first retry; doubles each time
#include <curl/curl.h>

#include <chrono>
#include <stdexcept>
#include <vector>

#include "../common/delivery.hpp"
#include "plantrack/sdk/plugin.hpp"

namespace {

using namespace plantrack::sdk;

size_t discard(char*, size_t size, size_t count, void*) {
  return size * count;
}

class Webhook final : public NotifierBase {
 public:
  Webhook(const Settings& settings, Context& context)
      : url_(settings.text("url")),
        timeout_ms_(settings.integer("timeout_ms")),
        retries_(settings.integer("retries")),
        backoff_ms_(settings.integer("backoff_ms")),
        context_(context) {
    if (url_.rfind("http://", 0) != 0 && url_.rfind("https://", 0) != 0) {
      throw std::invalid_argument("url must start with http:// or https://, got \"" + url_ + "\"");
    }
    if (timeout_ms_ <= 0 || retries_ < 0 || backoff_ms_ < 0) {  // the host checked the ranges
      throw std::invalid_argument("timeout_ms must be > 0; retries and backoff_ms >= 0");
    }
    plantrack::plugins::warn_of_old_spool(settings.text("spool"), context);
    static const CURLcode init = curl_global_init(CURL_GLOBAL_DEFAULT);
    if (init != CURLE_OK) throw std::runtime_error("libcurl cannot start");
    curl_ = curl_easy_init();
    if (!curl_) throw std::runtime_error("libcurl cannot start");
  }
  ~Webhook() override { curl_easy_cleanup(curl_); }
  Webhook(const Webhook&) = delete;
  Webhook& operator=(const Webhook&) = delete;

 protected:
  void on_events(const std::vector<Event>& events, const View&) override {
    std::string body = plantrack::plugins::batch_json(events);
    std::string error = plantrack::plugins::with_retries([&] { return post(body); }, retries_,
                                                         std::chrono::milliseconds(backoff_ms_),
                                                         context_, "webhook " + url_);
    if (!error.empty()) throw std::runtime_error("webhook " + url_ + ": " + error);
  }

 private:
  // Empty on a 2xx answer; else why.
  std::string post(const std::string& body) {
    curl_easy_reset(curl_);
    curl_slist* headers = curl_slist_append(nullptr, "Content-Type: application/json");
    curl_easy_setopt(curl_, CURLOPT_URL, url_.c_str());
    curl_easy_setopt(curl_, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(curl_, CURLOPT_POSTFIELDS, body.c_str());
    curl_easy_setopt(curl_, CURLOPT_POSTFIELDSIZE, static_cast<long>(body.size()));
    // Every wait is bounded: connecting, and the whole exchange (a server that never answers).
    curl_easy_setopt(curl_, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(timeout_ms_));
    curl_easy_setopt(curl_, CURLOPT_TIMEOUT_MS, static_cast<long>(timeout_ms_));
    curl_easy_setopt(curl_, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl_, CURLOPT_WRITEFUNCTION, discard);
    CURLcode rc = curl_easy_perform(curl_);
    long status = 0;
    curl_easy_getinfo(curl_, CURLINFO_RESPONSE_CODE, &status);
    curl_slist_free_all(headers);
    if (rc != CURLE_OK) return curl_easy_strerror(rc);
    if (status < 200 || status > 299) return "the server answered HTTP " + std::to_string(status);
    return {};
  }

  std::string url_;
  std::int64_t timeout_ms_, retries_, backoff_ms_;
  Context& context_;
  CURL* curl_ = nullptr;
};

const SettingSpec kSettings[] = {
    {"url", SettingType::kString, nullptr, "where to POST the events (http:// or https://)"},
    {"timeout_ms", SettingType::kInteger, "5000", "time allowed per attempt, in milliseconds"},
    {"retries", SettingType::kInteger, "3", "attempts after the first"},
    {"backoff_ms", SettingType::kInteger, "500", "wait before the first retry; doubles each time"},
    {"spool", SettingType::kPath, "\"plantrack-webhook-spool.jsonl\"",
     "no longer used (failed deliveries are kept in the store); an old spool file is warned of"},
};
constexpr PluginSpec kPlugins[] = {notifier<Webhook>(
    "webhook", "POSTs each command's events as one JSON batch to a URL", kSettings)};
const SettingRange kRanges[] = {
    {"webhook", "timeout_ms", 1, 600'000},
    {"webhook", "retries", 0, 20},
    {"webhook", "backoff_ms", 0, 60'000},
};
const Descriptor kDescriptor = describe("notify_webhook", "1.1.0", kPlugins, kRanges);

const Descriptor* describe_library() {
  return &kDescriptor;
}

}  // namespace

PLANTRACK_PLUGIN_LIBRARY(describe_library, kPlugins)
