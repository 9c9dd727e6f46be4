// notify_email: a command's events as one short email over SMTP (libcurl), optionally with
// STARTTLS and a login. One event: its message is the subject; N events: the subject says
// "N events for plan ID" and the body lists each (docs/plugins.md). Credentials come from the
// environment (PLANTRACK_SMTP_USER, PLANTRACK_SMTP_PASSWORD) and are never logged. A message that
// still fails after the retries is reported (exit 4); the host keeps its events in the store and
// sends them again in the next run. Every wait is bounded.
//
//   [[plugin]]
//   name = "email"
//   [plugin.settings]
//   server = "smtp.example.gov.vn"
//   port = 587
//   starttls = true
//   from = "plantrack@example.gov.vn"
//   to = ["kehoach@example.gov.vn"]
#include <curl/curl.h>

#include <cstdlib>
#include <cstring>
#include <ctime>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "../common/delivery.hpp"
#include "plantrack/sdk/plugin.hpp"

namespace {

using namespace plantrack::sdk;

// Feeds the message to libcurl.
struct Reader {
  const std::string& text;
  std::size_t at = 0;
};

size_t read_message(char* buffer, size_t size, size_t count, void* user) {
  auto* r = static_cast<Reader*>(user);
  std::size_t n = std::min(size * count, r->text.size() - r->at);
  std::memcpy(buffer, r->text.data() + r->at, n);
  r->at += n;
  return n;
}

// RFC 2047 encoded-word, so Vietnamese subjects survive any mail server.
std::string encode_subject(const std::string& text) {
  static const char* kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  std::size_t i = 0;
  for (; i + 2 < text.size(); i += 3) {
    unsigned v = static_cast<unsigned char>(text[i]) << 16 |
                 static_cast<unsigned char>(text[i + 1]) << 8 |
                 static_cast<unsigned char>(text[i + 2]);
    for (int k = 18; k >= 0; k -= 6) out += kAlphabet[(v >> k) & 63];
  }
  if (i < text.size()) {
    unsigned v = static_cast<unsigned char>(text[i]) << 16;
    if (i + 1 < text.size()) v |= static_cast<unsigned char>(text[i + 1]) << 8;
    out += kAlphabet[(v >> 18) & 63];
    out += kAlphabet[(v >> 12) & 63];
    out += i + 1 < text.size() ? kAlphabet[(v >> 6) & 63] : '=';
    out += '=';
  }
  return "=?UTF-8?B?" + out + "?=";
}

class Email final : public NotifierBase {
 public:
  Email(const Settings& settings, Context& context)
      : server_(settings.text("server")),
        port_(settings.integer("port")),
        starttls_(settings.boolean("starttls")),
        from_(settings.text("from")),
        to_(settings.list("to")),
        subject_prefix_(settings.text("subject_prefix")),
        timeout_ms_(settings.integer("timeout_ms")),
        retries_(settings.integer("retries")),
        backoff_ms_(settings.integer("backoff_ms")),
        context_(context) {
    if (to_.empty()) throw std::invalid_argument("\"to\" lists no recipient");
    check_address("from", from_);
    for (const std::string& address : to_) check_address("to", address);
    plantrack::plugins::warn_of_old_spool(settings.text("spool"), context);
    if (port_ <= 0 || port_ > 65535) throw std::invalid_argument("port must be 1-65535");
    if (const char* user = std::getenv("PLANTRACK_SMTP_USER")) user_ = user;
    if (const char* password = std::getenv("PLANTRACK_SMTP_PASSWORD")) password_ = password;
    static const CURLcode init = curl_global_init(CURL_GLOBAL_DEFAULT);
    if (init != CURLE_OK) throw std::runtime_error("libcurl cannot start");
    curl_ = curl_easy_init();
    if (!curl_) throw std::runtime_error("libcurl cannot start");
  }
  ~Email() override { curl_easy_cleanup(curl_); }
  Email(const Email&) = delete;
  Email& operator=(const Email&) = delete;

 protected:
  void on_events(const std::vector<Event>& events, const View&) override {
    std::string what = "email via " + server_ + ":" + std::to_string(port_);
    std::string message = compose(events);
    std::string error =
        plantrack::plugins::with_retries([&] { return send(message); }, retries_,
                                         std::chrono::milliseconds(backoff_ms_), context_, what);
    if (!error.empty()) throw std::runtime_error(what + ": " + error);
  }

 private:
  // An address goes into SMTP commands (MAIL FROM, RCPT TO) and headers: a line break, a space
  // or angle brackets in it would inject commands or headers. (The host refuses control
  // characters in every setting already; this is the plugin's own line.)
  static void check_address(const char* setting, const std::string& address) {
    bool at = address.find('@') != std::string::npos;
    for (char c : address) {
      auto u = static_cast<unsigned char>(c);
      if (u < 0x21 || u == 0x7f || c == '<' || c == '>' || c == ',' || c == ';') at = false;
    }
    if (!at) {
      throw std::invalid_argument(std::string("\"") + setting + "\" holds \"" + address +
                                  "\", which is not one mail address (name@host, no spaces, "
                                  "line breaks, commas or angle brackets)");
    }
  }

  // One message for the batch: the headers, then each event's message, plan, date and key.
  std::string compose(const std::vector<Event>& events) const {
    std::string to;
    for (const std::string& address : to_) to += (to.empty() ? "" : ", ") + address;
    char date[64];
    std::time_t now = std::time(nullptr);
    std::strftime(date, sizeof date, "%a, %d %b %Y %H:%M:%S +0000", std::gmtime(&now));
    std::string subject =
        subject_prefix_ + (events.size() == 1 ? events.front().message
                                              : std::to_string(events.size()) +
                                                    " events for plan " + events.front().plan_id);
    std::string body;
    for (const Event& event : events) {
      nlohmann::json e = nlohmann::json::parse(plantrack::plugins::event_json(event));
      body += (body.empty() ? "" : "\r\n") + e.value("message", std::string()) +
              "\r\n\r\nplan: " + e.value("plan", std::string()) +
              "\r\nas of: " + e.value("as_of", std::string()) +
              "\r\nevent: " + e.value("key", std::string()) + "\r\n";
    }
    return "Date: " + std::string(date) + "\r\nTo: " + to + "\r\nFrom: " + from_ +
           "\r\nSubject: " + encode_subject(subject) +
           "\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n"
           "Content-Transfer-Encoding: 8bit\r\n\r\n" +
           body;
  }

  // Empty when the server accepted the message; else why (never the credentials).
  std::string send(const std::string& message) {
    curl_easy_reset(curl_);
    std::string url = "smtp://" + server_ + ":" + std::to_string(port_);
    curl_easy_setopt(curl_, CURLOPT_URL, url.c_str());
    if (starttls_) curl_easy_setopt(curl_, CURLOPT_USE_SSL, static_cast<long>(CURLUSESSL_ALL));
    if (!user_.empty()) {
      curl_easy_setopt(curl_, CURLOPT_USERNAME, user_.c_str());
      curl_easy_setopt(curl_, CURLOPT_PASSWORD, password_.c_str());
    }
    curl_easy_setopt(curl_, CURLOPT_MAIL_FROM, from_.c_str());
    curl_slist* recipients = nullptr;
    for (const std::string& address : to_)
      recipients = curl_slist_append(recipients, address.c_str());
    curl_easy_setopt(curl_, CURLOPT_MAIL_RCPT, recipients);
    Reader reader{message};
    curl_easy_setopt(curl_, CURLOPT_READFUNCTION, read_message);
    curl_easy_setopt(curl_, CURLOPT_READDATA, &reader);
    curl_easy_setopt(curl_, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(curl_, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(timeout_ms_));
    curl_easy_setopt(curl_, CURLOPT_TIMEOUT_MS, static_cast<long>(timeout_ms_));
    curl_easy_setopt(curl_, CURLOPT_NOSIGNAL, 1L);
    CURLcode rc = curl_easy_perform(curl_);
    curl_slist_free_all(recipients);
    if (rc == CURLE_OK) return {};
    long status = 0;
    curl_easy_getinfo(curl_, CURLINFO_RESPONSE_CODE, &status);
    std::string why = curl_easy_strerror(rc);
    if (status > 0) why += " (SMTP " + std::to_string(status) + ")";
    return why;
  }

  std::string server_;
  std::int64_t port_;
  bool starttls_;
  std::string from_;
  std::vector<std::string> to_;
  std::string subject_prefix_;
  std::int64_t timeout_ms_, retries_, backoff_ms_;
  Context& context_;
  std::string user_, password_;
  CURL* curl_ = nullptr;
};

const SettingSpec kSettings[] = {
    {"server", SettingType::kString, nullptr, "the SMTP server's host name"},
    {"port", SettingType::kInteger, "25", "its port (587 for submission with STARTTLS)"},
    {"starttls", SettingType::kBoolean, "false", "require STARTTLS before sending"},
    {"from", SettingType::kString, nullptr, "the sender address"},
    {"to", SettingType::kStringList, nullptr, "the recipients"},
    {"subject_prefix", SettingType::kString, "\"[plantrack] \"", "put before the subject"},
    {"timeout_ms", SettingType::kInteger, "10000", "time allowed per attempt, in milliseconds"},
    {"retries", SettingType::kInteger, "3", "attempts after the first"},
    {"backoff_ms", SettingType::kInteger, "1000", "wait before the first retry; doubles each time"},
    {"spool", SettingType::kPath, "\"plantrack-email-spool.jsonl\"",
     "no longer used (failed messages are kept in the store); an old spool file is warned of"},
};
constexpr PluginSpec kPlugins[] = {
    notifier<Email>("email", "Sends each command's events as one email over SMTP", kSettings)};
const SettingRange kRanges[] = {
    {"email", "port", 1, 65535},
    {"email", "timeout_ms", 1, 600'000},
    {"email", "retries", 0, 20},
    {"email", "backoff_ms", 0, 60'000},
};
const Descriptor kDescriptor = describe("notify_email", "1.1.0", kPlugins, kRanges);

const Descriptor* describe_library() {
  return &kDescriptor;
}

}  // namespace

PLANTRACK_PLUGIN_LIBRARY(describe_library, kPlugins)
