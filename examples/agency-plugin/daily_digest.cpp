#include <filesystem>
#include <fstream>

#include "plugins.hpp"

namespace binh_duong {

using namespace plantrack;

DailyDigest::DailyDigest(const sdk::Settings& settings, sdk::Context& context) : context_(context) {
  std::filesystem::path folder = settings.text("folder");
  if (folder.is_relative())
    folder = std::filesystem::path(context.plan_path()).parent_path() / folder;
  std::filesystem::create_directories(folder);
  folder_ = folder.string();
}

void DailyDigest::on_event(const sdk::Event& event, const sdk::View& view) {
  std::string file = folder_ + "/digest-" + event.as_of.to_string() + ".txt";
  std::ofstream out(file, std::ios::app);
  out << "[" << sdk::to_string(event.type) << "] " << event.message;
  if (view.status && !event.task.empty()) {
    for (const TaskStatus& s : view.status->tasks) {
      if (view.plan.tasks[s.task].id == event.task) {
        out << " (" << static_cast<int>(s.percent) << "% of target)";
      }
    }
  }
  out << "\n";
  if (!out) throw std::runtime_error("cannot write " + file);
  context_.info("digest: " + event.key);
}

}  // namespace binh_duong
