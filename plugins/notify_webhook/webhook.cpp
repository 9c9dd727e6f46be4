// notify_webhook: each event as JSON in an HTTP POST (libcurl), with a timeout and retries with
// backoff. A delivery that still fails is kept in a spool file (JSON Lines, beside the plan) and
// sent again, oldest first, before the next event; the failure is reported (exit 4).
//
//   [[plugin]]
//   name = "webhook"
//   [plugin.settings]
//   url = "https://chat.example.gov.vn/hooks/plantrack"
//   timeout_ms = 5000     # per attempt
//   retries = 3           # attempts after the first
//   backoff_ms = 500      # wait before the first retry; doubles each time
//   spool = "plantrack-webhook-spool.jsonl"
#include <curl/curl.h>

#include <chrono>
#include <stdexcept>

#include "../common/delivery.hpp"
#include "plantrack/plugin.hpp"

namespace {

using namespace plantrack::sdk;
using plantrack::plugins::Spool;

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
        spool_(settings.text("spool"), context),
        context_(context) {
    if (url_.rfind("http://", 0) != 0 && url_.rfind("https://", 0) != 0) {
      throw std::invalid_argument("url must start with http:// or https://, got \"" + url_ + "\"");
    }
    if (timeout_ms_ <= 0 || retries_ < 0 || backoff_ms_ < 0) {
      throw std::invalid_argument("timeout_ms must be > 0; retries and backoff_ms >= 0");
    }
    static const CURLcode init = curl_global_init(CURL_GLOBAL_DEFAULT);
    if (init != CURLE_OK) throw std::runtime_error("libcurl cannot start");
    curl_ = curl_easy_init();
    if (!curl_) throw std::runtime_error("libcurl cannot start");
  }
  ~Webhook() override { curl_easy_cleanup(curl_); }
  Webhook(const Webhook&) = delete;
  Webhook& operator=(const Webhook&) = delete;

 protected:
  void on_event(const Event& event, const View&) override {
    spool_.deliver(
        plantrack::plugins::event_json(event),
        [&](const std::string& body) {
          return plantrack::plugins::with_retries([&] { return post(body); }, retries_,
                                                  std::chrono::milliseconds(backoff_ms_), context_,
                                                  "webhook " + url_);
        },
        "webhook " + url_);
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
  Spool spool_;
  Context& context_;
  CURL* curl_ = nullptr;
};

const SettingSpec kSettings[] = {
    {"url", SettingType::kString, nullptr, "where to POST each event (http:// or https://)"},
    {"timeout_ms", SettingType::kInteger, "5000", "time allowed per attempt, in milliseconds"},
    {"retries", SettingType::kInteger, "3", "attempts after the first"},
    {"backoff_ms", SettingType::kInteger, "500", "wait before the first retry; doubles each time"},
    {"spool", SettingType::kString, "\"plantrack-webhook-spool.jsonl\"",
     "failed deliveries kept for the next run (relative to the plan's folder)"},
};
const PluginSpec kPlugins[] = {
    notifier<Webhook>("webhook", "POSTs each event as JSON to a URL", kSettings)};
const Descriptor kDescriptor = describe("notify_webhook", "1.0.0", kPlugins);

const Descriptor* describe_library() {
  return &kDescriptor;
}

}  // namespace

PLANTRACK_PLUGIN_LIBRARY(describe_library)
