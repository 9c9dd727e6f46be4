#include "delivery.hpp"

#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <thread>

#include <nlohmann/json.hpp>

namespace plantrack::plugins {

std::string event_json(const sdk::Event& e) {
  nlohmann::json j = {{"type", std::string(sdk::to_string(e.type))},
                      {"plan", e.plan_id},
                      {"as_of", e.as_of.to_string()},
                      {"key", e.key},
                      {"message", e.message}};
  if (!e.task.empty()) j["task"] = e.task;
  if (!e.stage.empty()) j["stage"] = e.stage;
  if (e.quantity) j["quantity"] = *e.quantity;
  if (e.event_id) j["event"] = *e.event_id;
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string with_retries(const std::function<std::string()>& attempt, std::int64_t retries,
                         std::chrono::milliseconds backoff, sdk::Context& context,
                         const std::string& what) {
  std::string error;
  for (std::int64_t n = 0; n <= retries; ++n) {
    if (n > 0) {
      std::this_thread::sleep_for(backoff);
      backoff *= 2;
    }
    error = attempt();
    if (error.empty()) return {};
    context.warn(what + ": attempt " + std::to_string(n + 1) + " failed: " + error);
  }
  return error;
}

Spool::Spool(const std::string& path, const sdk::Context& context) {
  std::filesystem::path p = path;
  if (p.is_relative()) p = std::filesystem::path(context.plan_path()).parent_path() / p;
  path_ = p.string();
}

void Spool::deliver(const std::string& item,
                    const std::function<std::string(const std::string&)>& send,
                    const std::string& what) {
  std::vector<std::string> pending = read();
  pending.push_back(item);
  std::vector<std::string> kept;
  std::string error;
  for (const std::string& next : pending) {
    // Once one fails the server is likely down: keep the rest without trying them.
    std::string why = kept.empty() ? send(next) : "not tried";
    if (why.empty()) continue;
    if (error.empty()) error = why;
    kept.push_back(next);
  }
  write(kept);
  if (!kept.empty()) {
    throw std::runtime_error(what + ": " + error + "; " + std::to_string(kept.size()) +
                             " kept in " + path_ + " for the next run");
  }
}

std::vector<std::string> Spool::read() const {
  std::vector<std::string> items;
  std::ifstream in(path_);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) items.push_back(line);
  }
  return items;
}

void Spool::write(const std::vector<std::string>& items) const {
  std::error_code ec;
  if (items.empty()) {
    std::filesystem::remove(path_, ec);
    return;
  }
  std::string tmp = path_ + ".tmp";
  {
    std::ofstream out(tmp, std::ios::trunc | std::ios::binary);
    for (const std::string& item : items) out << item << '\n';
    out.flush();
    if (!out) throw std::runtime_error("cannot write the spool " + tmp);
  }
  std::filesystem::rename(tmp, path_, ec);
  if (ec) throw std::runtime_error("cannot write the spool " + path_ + ": " + ec.message());
}

}  // namespace plantrack::plugins
